"""Who a sentence's claim comes from: different sources make different facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.facts.align import align_story
from reader.facts.attribution import INSIDER, sentence_sources
from reader.facts.features import build_units
from reader.models import Article, Story

INSIDER_ZH = "星辰科技辞退了李明。\n\n有知情人士透露：李明以前经常因为泄密被内部处分。"
BOSS_ZH = "星辰科技辭退了李明。\n\n張偉在公開場合說，李明以前經常因為泄密被內部處分。"


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _story(*bodies: tuple[str, str]) -> Story:
    articles = [
        Article(id=f"a{n}", body=body, outlet=f"Outlet {n}", published="2025-09-09", language=language)
        for n, (body, language) in enumerate(bodies)
    ]
    english = Article(id="en", body="Xingchen dismissed Li Ming. Zhang Wei spoke.", outlet="E", language="en")
    return Story(id="t", title="t", path=Path("."), articles=(*articles, english))


def _sources(body: str, language: str) -> set[str]:
    # an English outlet naming the same people: Han names are found through their Latin spelling
    other = Article(id="b", body="Li Ming left Xingchen. Zhang Wei spoke.", outlet="P", language="en")
    units = build_units([Article(id="a", body=body, outlet="O", language=language), other])
    return {source for (article, _), source in sentence_sources(units).items() if article == "a"}


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        (INSIDER_ZH, "zh-Hans", {INSIDER}),
        ("李明回忆说：“那时候很难。”", "zh-Hans", {"liming"}),
        ("李明被称为“六边形战士”，堪称全能。", "zh-Hans", set()),
        ("李明说明了原因。", "zh-Hans", set()),
        ("Sources familiar with the matter said Li Ming had been warned.", "en", {INSIDER}),
    ],
)
def test_sentence_sources(body: str, language: str, expected: set[str]) -> None:
    assert _sources(body, language) == expected


def _linked(story: Story, a: str, b: str) -> bool:
    facts = align_story(story, use_cache=False)
    return any(
        any(m.article_id == "a0" and a in m.sentence for m in f.mentions)
        and any(m.article_id == "a1" and b in m.sentence for m in f.mentions)
        for f in facts
    )


def test_an_insider_and_a_named_person_saying_alike_are_two_facts() -> None:
    assert not _linked(_story((INSIDER_ZH, "zh-Hans"), (BOSS_ZH, "zh-Hant")), "知情人士", "張偉")


def test_the_same_words_without_sources_still_line_up() -> None:
    plain = "星辰科技辞退了李明。\n\n李明此前就曾因泄密被内部处分过，此次更为严重。"
    other = "星辰科技辭退了李明。\n\n李明以前就因為泄密被內部處分過。"
    assert _linked(_story((plain, "zh-Hans"), (other, "zh-Hant")), "处分", "處分")
