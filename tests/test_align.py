"""Alignment on small hand-written stories: agree across scripts, conflict, unrelated numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.facts.align import align_story, facts_for_sentence
from reader.models import Article, Fact, Story

HANS = (
    "9月8日，星辰科技发布内部通报，辞退了总经理李明。\n\n"
    "李明2016年加入星辰科技，2020年被外派到河南担任分公司总经理。\n\n"
    "李明的微博拥有180万粉丝。\n\n"
    "星辰科技今年门店销量达到5000台。"
)
HANT = (
    "2025年9月8日晚上，星辰科技發出內部郵件，總經理李明被辭退。\n\n"
    "李明畢業於武漢大學，2021年被外派到河南擔任分公司總經理。\n\n"
    "此前他因泄露新品發布時間被罰款5000元。"
)
ENGLISH = (
    "Xingchen Technology dismissed its general manager Li Ming in an internal notice on September 8, 2025.\n\n"
    "In 2020, Li Ming was posted to Henan as general manager of the Xingchen branch.\n\n"
    "Li Ming has over 2 million followers on Weibo."
)
SILENT = "星辰科技的股价今天上涨了。\n\n分析师认为手机市场竞争激烈。"


def _story(order: tuple[int, ...] = (0, 1, 2, 3)) -> Story:
    articles = [
        Article(id="hans", body=HANS, outlet="简报", published="2025-09-09", language="zh-Hans"),
        Article(id="hant", body=HANT, outlet="繁報", language="zh-Hant"),
        Article(id="en", body=ENGLISH, outlet="English", language="en"),
        Article(id="quiet", body=SILENT, outlet="Quiet", published="2025-09-10", language="zh-Hans"),
    ]
    return Story(id="test", title="test", path=Path("."), articles=tuple(articles[i] for i in order))


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _fact_with(facts: list[Fact], article_id: str, fragment: str) -> list[Fact]:
    return [f for f in facts if any(m.article_id == article_id and fragment in m.sentence for m in f.mentions)]


def _articles(fact: Fact) -> set[str]:
    return {m.article_id for m in fact.mentions}


def test_same_date_in_three_scripts_and_three_formats_agrees() -> None:
    facts = align_story(_story(), use_cache=False)
    [fact] = [f for f in _fact_with(facts, "en", "September 8, 2025") if {"hans", "hant"} <= _articles(f)]
    assert fact.status == "agree"
    assert {m.value for m in fact.mentions} == {"2025-09-08"}
    assert "date" in fact.label


def test_different_years_for_one_posting_conflict() -> None:
    facts = align_story(_story(), use_cache=False)
    [fact] = [f for f in _fact_with(facts, "hant", "2021年") if "en" in _articles(f) or "hans" in _articles(f)]
    assert fact.status == "conflict"
    assert {"2020", "2021"} <= {m.value for m in fact.mentions}


def test_a_bound_incompatible_with_an_exact_count_conflicts() -> None:
    facts = align_story(_story(), use_cache=False)
    [fact] = [f for f in _fact_with(facts, "en", "followers") if "hans" in _articles(f)]
    assert fact.status == "conflict"
    assert "followers" in fact.label


def test_same_number_in_unrelated_facts_is_not_linked() -> None:
    facts = align_story(_story(), use_cache=False)
    for fact in _fact_with(facts, "hant", "罚款5000元") + _fact_with(facts, "hant", "罰款5000元"):
        assert "hans" not in _articles(fact)


def test_silent_outlet_joins_no_fact() -> None:
    facts = align_story(_story(), use_cache=False)
    assert not [f for f in facts if "quiet" in _articles(f) and len(_articles(f)) > 1]


def test_a_sentence_can_state_two_facts() -> None:
    story = _story()
    facts = align_story(story, use_cache=False)
    body = story.article("hans").body
    start = body.index("李明2016年")
    end = body.index("\n", start)
    stated = facts_for_sentence(facts, "hans", start, end)
    assert len(stated) >= 2
    assert {f.status for f in stated} >= {"conflict", "single"}


def test_mentions_are_whole_sentences_of_the_body() -> None:
    story = _story()
    for fact in align_story(story, use_cache=False):
        for m in fact.mentions:
            assert story.article(m.article_id).body[m.start : m.end] == m.sentence


def test_output_is_deterministic_and_independent_of_article_order() -> None:
    first = align_story(_story(), use_cache=False)
    again = align_story(_story(), use_cache=False)
    shuffled = align_story(_story((3, 2, 0, 1)), use_cache=False)
    assert first == again == shuffled
    assert [f.id for f in first] == [f"F{n}" for n in range(1, len(first) + 1)]
    ranks = [{"conflict": 0, "agree": 1, "single": 2}[f.status] for f in first]
    assert ranks == sorted(ranks)


def test_progress_is_reported() -> None:
    seen: list[float] = []
    align_story(_story(), use_cache=False, progress=lambda fraction, message: seen.append(fraction))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
