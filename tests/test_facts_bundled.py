"""Acceptance on the bundled story: the conflicts the issue names and the development sample's
agreements hold, so a change elsewhere in the alignment cannot lose them silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import resolve_story
from reader.facts.align import align_story
from reader.models import Fact

HENAN = ("2020年,王騰被外派到河南做分公司總經理", "In 2021, Wang volunteered for a rotational assignment")
FOLLOWERS = (
    "微博拥有180.2万粉丝",
    "这个拥有微博170万、抖音近300万粉丝的高管",
    "With over 2 million followers on his personal Weibo",
)
# (fragments of sentences one agree fact must hold), from the development sample's agreements
AGREEMENTS = (
    ("9月8日，小米集团一纸内部通报", "2025年9月8日晚上", "9月8日,在苹果发布新品前夕", "notice on September 8, 2025"),
    ("作为华中科技大学高材生", "畢業于華中科技大學", "毕业于华中科技大学"),
    ("感谢雷总和公司各位领导过去多年的培养和信任", "王騰自己在微博上回應", "Wang issued an apology on Weibo"),
    ("送了件寫著“謹言慎行”的T恤給他", "身穿同事送的“谨言慎行”T恤的王腾"),
    ("坚持“零容忍、全覆盖、无禁区”态度", "Xiaomi emphasized its “zero-tolerance” stance"),
)


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> list[Fact]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        return align_story(resolve_story(None))


def _holding(facts: list[Fact], fragments: tuple[str, ...]) -> list[Fact]:
    return [f for f in facts if all(any(frag in m.sentence for m in f.mentions) for frag in fragments)]


def _mention(fact: Fact, fragment: str):
    return next(m for m in fact.mentions if fragment in m.sentence)


def test_henan_posting_year_is_one_fact_in_conflict(facts: list[Fact]) -> None:
    [henan] = _holding(facts, HENAN)
    assert henan.status == "conflict"
    assert {_mention(henan, HENAN[0]).value, _mention(henan, HENAN[1]).value} == {"2020", "2021"}


def test_weibo_followers_are_one_fact_in_conflict(facts: list[Fact]) -> None:
    [followers] = _holding(facts, FOLLOWERS)
    assert followers.status == "conflict"
    nbd, siyu, english = (_mention(followers, frag).value for frag in FOLLOWERS)
    assert float(nbd) == 1802000 and float(siyu) == 1700000 and float(english) >= 2000000


def test_a_sentence_gives_its_followers_figure_to_one_fact_only(facts: list[Fact]) -> None:
    with_english = [f for f in facts if any(FOLLOWERS[2] in m.sentence and m.value for m in f.mentions)]
    assert len(with_english) == 1


@pytest.mark.parametrize("fragments", AGREEMENTS, ids=lambda frags: frags[0][:8])
def test_development_sample_agreements_hold(facts: list[Fact], fragments: tuple[str, ...]) -> None:
    found = _holding(facts, fragments)
    assert found and all(f.status == "agree" for f in found)


def test_no_two_facts_share_a_label(facts: list[Fact]) -> None:
    labels = [f.label for f in facts]
    assert len(labels) == len(set(labels))
    assert all(0 < len(label) <= 60 for label in labels)


def test_story_is_bundled() -> None:
    assert Path(resolve_story(None).path).is_dir()


def test_a_fact_an_english_outlet_states_has_a_label_without_han(facts: list[Fact]) -> None:
    english = {a.id for a in resolve_story(None).articles if (a.language or "").startswith("en")}
    labels = [f.label for f in facts if any(m.article_id in english for m in f.mentions)]
    assert labels and not [label for label in labels if any("\u4e00" <= ch <= "\u9fff" for ch in label)]
