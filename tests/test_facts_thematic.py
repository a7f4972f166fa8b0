"""Thematic links: commentary sentences sharing only generic concepts or common words are not one
fact, while real paraphrases (a predicate, a value, specific words) still line up."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.facts.align import align_story
from reader.models import Article, Story


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _story(*bodies: tuple[str, str]) -> Story:
    articles = [
        Article(id=f"a{n}", body=body, outlet=f"Outlet {n}", published="2024-03-06", language=language)
        for n, (body, language) in enumerate(bodies)
    ]
    return Story(id="t", title="t", path=Path("."), articles=tuple(articles))


def _linked(story: Story, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Whether one fact holds a sentence of article ``first[0]`` containing ``first[1]`` and one of
    ``second[0]`` containing ``second[1]``."""
    facts = align_story(story, use_cache=False)
    return any(
        any(m.article_id == first[0] and first[1] in m.sentence for m in f.mentions)
        and any(m.article_id == second[0] and second[1] in m.sentence for m in f.mentions)
        for f in facts
    )


EN = (
    "Appliance maker Nuanxing dismissed its sales director Li Ming on March 5, 2024. "
    "The company said Li Ming leaked confidential information to a supplier. "
    "If core information such as prices or launch timelines leaks, competitors can adjust their strategies. "
    "This track record makes clear: Li was no ordinary manager. "
    "He later apologised on Weibo."
)
HANS = (
    "3月5日，暖星电器辞退了销售总监李明。\n\n"
    "公司表示，李明向供应商泄露了机密信息。\n\n"
    "在竞争激烈的家电行业，高管的言行关联着供应链价格、竞品节奏等问题。\n\n"
    "22:05，园区地库的车载记录仪清楚拍到他把这个袋子递给了一辆白色轿车副驾上的男士。\n\n"
    "李明随后在微博上道歉。"
)


def test_generic_things_do_not_make_a_fact() -> None:
    # prices, launch timing and competitors, said in two commentaries: no event, no value, no name
    story = _story((EN, "en"), (HANS, "zh-Hans"))
    assert not _linked(story, ("a0", "competitors can adjust"), ("a1", "竞品节奏"))


HANT = (
    "暖星電器週二（5日）辭退了銷售總監李明。\n\n"
    "公司稱，李明向供應商泄露了機密信息。\n\n"
    "而暖星電器，最終還是給他留了一線。\n\n"
    "李明當晚在微博上道歉。"
)
HANS_COMMENT = HANS + "\n\n在粉丝的欢呼声中，他的人设不断强化，最终还是越过了红线。"


def test_two_common_words_within_chinese_do_not_make_a_fact() -> None:
    # 最终还是 ("in the end, still") in two unrelated comments is one short phrase, not a fact
    story = _story((HANS_COMMENT, "zh-Hans"), (HANT, "zh-Hant"))
    assert not _linked(story, ("a0", "越过了红线"), ("a1", "留了一線"))
    assert _linked(story, ("a0", "泄露了机密信息"), ("a1", "泄露了機密信息"))


def test_paraphrases_still_line_up() -> None:
    story = _story((EN, "en"), (HANS, "zh-Hans"))
    assert _linked(story, ("a0", "leaked confidential information"), ("a1", "泄露了机密信息"))
    assert _linked(story, ("a0", "apologised"), ("a1", "道歉"))


FOLLOWERS_EN = (
    "Li Ming was dismissed by Nuanxing on March 5, 2024. "
    "With over 2 million followers on his personal Weibo, Li became a humorous brand advocate."
)
FOLLOWERS_ZH = (
    "3月5日，暖星电器辞退了李明。\n\n"
    "在一个广为流传的故事里，老板曾亲自要求李明等人“微博办公”，给他们定下“3个月内涨粉10万”的目标。\n\n"
    "李明的微博拥有180万粉丝。"
)


def test_a_clause_does_not_borrow_a_far_apart_figure_from_its_neighbour() -> None:
    # the clause on "Weibo office" sits beside a target of 100,000 new followers: not his 2 million
    story = _story((FOLLOWERS_EN, "en"), (FOLLOWERS_ZH, "zh-Hans"))
    assert not _linked(story, ("a0", "2 million followers"), ("a1", "微博办公"))
    assert _linked(story, ("a0", "2 million followers"), ("a1", "180万粉丝"))
