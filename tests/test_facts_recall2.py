"""Recall through the phrases of a Chinese clause: a clause joining two descriptions of its
subject with 、 is compared phrase by phrase (with a Chinese clause and with the clauses of an
English sentence), while a list of titles stays whole; and a clause linked through one phrase
only does not join a fact its own article tells elsewhere in other words. Each with a near miss."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_helpers import article, linked, story_of

from reader.facts.align import align_story
from reader.facts.features import phrase_spans
from reader.models import Story


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _story(*bodies: tuple[str, str, str]) -> Story:
    return story_of([article(aid, body, language, "2025-03-06") for aid, language, body in bodies])


def _phrases(text: str) -> list[str]:
    return [text[a:b] for a, b in phrase_spans(text)]


def test_a_clause_of_two_descriptions_is_cut_into_phrases() -> None:
    text = "这名在星辉科技拥有九年资历、被视为董事长陈明爱将的中层管理人员，"
    assert _phrases(text) == ["这名在星辉科技拥有九年资历、", "被视为董事长陈明爱将的中层管理人员，"]


def test_a_list_of_titles_or_short_items_stays_whole() -> None:
    assert len(_phrases("星辉科技华东区市场部总经理、品牌事业部总经理李强，")) == 1
    assert len(_phrases("扣绩效、罚款、取消晋升，")) == 1
    assert len(_phrases("他说“速度、质量、价格都重要”，")) == 1


LONG_ZH = (
    "星辉科技周三发布内部通报，辞退了华东区市场部总经理李强。"
    "这名在星辉拥有九年资历、被视为陈明爱将的中层干部，以极不体面的方式结束了职业生涯。"
    "通报称他泄露了公司机密信息。公司股价当天下跌百分之三。分析人士认为，此事将影响新品发布。"
)
FAVOURITE = ("long", "被视为陈明爱将")


def test_a_phrase_links_to_another_outlet_saying_only_that() -> None:
    other = "李强早年在一家手机厂商做产品经理。他后来成为陈明的爱将。星辉科技周三辞退李强，称其泄露机密。"
    english = "Xinghui Technology dismissed Li Qiang on Wednesday. Chairman Chen Ming said the rules apply to all."
    story = _story(("long", "zh-Hans", LONG_ZH), ("short", "zh-Hans", other), ("en", "en", english))
    facts = align_story(story, use_cache=False)
    assert linked(facts, FAVOURITE, ("short", "成为陈明的爱将"))


def test_a_phrase_links_to_an_english_clause_saying_it() -> None:
    english = (
        "Xinghui Technology dismissed Li Qiang, head of its East China marketing department, on Wednesday. "
        "He was a trusted member of the core team, deeply appreciated by Chen Ming, with a rising career."
    )
    other = (
        "李强早年在一家手机厂商做产品经理。他后来成为陈明的爱将。"
        "星辉科技周三辞退李强，称其泄露机密。李强在微博上道歉。"
    )
    story = _story(("long", "zh-Hans", LONG_ZH), ("short", "zh-Hans", other), ("en", "en", english))
    facts = align_story(story, use_cache=False)
    assert linked(facts, FAVOURITE, ("en", "deeply appreciated by Chen Ming"))


def test_a_link_through_one_phrase_does_not_join_a_fact_the_article_tells_elsewhere() -> None:
    """The short outlet tells the tenure in its own sentence: its 'favourite' sentence, alike
    to the other phrase of the long outlet's clause only, stays out of the tenure fact."""
    short = (
        "李强早年在一家手机厂商做产品经理。在星辉的九年里，他从普通员工做到高管。"
        "他后来成为陈明的爱将。星辉科技周三辞退李强，称其泄露机密。"
    )
    hant = "李強在星輝九年的職業生涯就此畫上句號。他曾在微博上擁有大量粉絲，董事長陳明也常轉發他的微博。"
    english = "Xinghui Technology dismissed Li Qiang on Wednesday. Chairman Chen Ming said the rules apply to everyone."
    story = _story(
        ("long", "zh-Hans", LONG_ZH), ("short", "zh-Hans", short), ("hant", "zh-Hant", hant), ("en", "en", english)
    )
    facts = align_story(story, use_cache=False)
    assert linked(facts, FAVOURITE, ("short", "成为陈明的爱将"))
    assert linked(facts, ("short", "在星辉的九年里"), ("hant", "九年的職業生涯"))
    assert not linked(facts, ("short", "成为陈明的爱将"), ("hant", "九年的職業生涯"))


def test_a_title_shared_in_a_list_of_titles_is_not_a_fact() -> None:
    titles = "星辉科技华东区市场部总经理、品牌事业部总经理李强被公司辞退，原因是泄露机密。"
    other = "星辉科技华东区市场部总经理张伟昨天在上海发布了三款新品。"
    facts = align_story(_story(("a", "zh-Hans", titles), ("b", "zh-Hans", other)), use_cache=False)
    assert not linked(facts, ("a", "品牌事业部总经理李强"), ("b", "发布了三款新品"))
