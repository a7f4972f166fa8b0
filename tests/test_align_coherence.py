"""Alignment stays tight: value owners, specific anchors, far-apart figures, headlines, repeats,
at most two sentences per outlet; and the fictional kettle-recall story in tests/data."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_helpers import linking

from reader.content import load_story
from reader.facts.align import align_story
from reader.models import Article, Story

DATA = Path(__file__).parent / "data" / "kettle-recall"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _story(*bodies: tuple[str, str, str | None]) -> Story:
    articles = tuple(
        Article(id=aid, body=body, outlet=aid, language=lang, published="2025-09-10", title=None)
        for aid, body, lang in bodies
    )
    return Story(id="t", title="t", path=Path("."), articles=articles)


def test_counts_of_one_kind_far_apart_are_different_facts() -> None:
    story = _story(
        ("a", "成为品牌掌舵人后，李明推动红星手机出货量突破10亿台。", "zh-Hans"),
        ("b", "Under Li Ming's leadership, the Hongxing Turbo phone sold over 300,000 units on its first day.", "en"),
    )
    facts = align_story(story, use_cache=False)
    assert not linking(facts, ("a", "10亿台"), ("b", "300,000"))


def test_one_generic_concept_shared_is_not_a_fact() -> None:
    story = _story(
        ("a", "他当时还在评论区表示：“刚刚去看了下，我也收到了！”\n\n星辰科技宣布辞退总经理李明。", "zh-Hans"),
        ("b", "你认为星辰还会再造一个明星高管吗？评论区说说。\n\n星辰科技辞退了总经理李明。", "zh-Hans"),
    )
    facts = align_story(story, use_cache=False)
    assert not linking(facts, ("a", "评论区"), ("b", "评论区"))
    assert linking(facts, ("a", "辞退总经理李明"), ("b", "辞退了总经理李明"))


def test_headlines_alone_do_not_make_a_fact() -> None:
    story = Story(
        id="t",
        title="t",
        path=Path("."),
        articles=(
            Article(id="a", body="雷军挥泪斩王腾\n\n今天天气很好。", title="雷军挥泪斩王腾", language="zh-Hans"),
            Article(id="b", body="雷军挥泪斩王腾\n\n股市上涨了。", title="雷军挥泪斩王腾", language="zh-Hans"),
        ),
    )
    facts = align_story(story, use_cache=False)
    assert not [f for f in facts if len({m.article_id for m in f.mentions}) > 1]


def test_kettle_recall_story_lines_up_and_keeps_same_number_facts_apart() -> None:
    facts = align_story(load_story(DATA), use_cache=False)
    [burns] = linking(facts, ("hans-daily", "37名用户"), ("hant-post", "41名用戶"))
    assert burns.status == "conflict"
    [date] = linking(facts, ("hans-daily", "3月5日"), ("en-wire", "March 5, 2024"))
    assert date.status == "agree" and "hant-post" in {m.article_id for m in date.mentions}
    assert not linking(facts, ("hant-post", "5000平方米"), ("hans-daily", "5000人"))
    assert not linking(facts, ("hant-post", "5000平方米"), ("en-wire", "5,000 people"))
