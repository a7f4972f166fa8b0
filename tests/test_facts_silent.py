"""A value-less telling of a slot fact joins it with value null; the values decide the status."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.facts.align import align_story
from reader.models import Article, Fact, Story

HANS = "2020年，李明被外派到河南担任分公司总经理。\n\n李明的微博拥有180万粉丝。"
HANT = "2021年，李明被外派到河南擔任分公司總經理。\n\n此前他因泄露新品發布時間被罰款5000元。"
ENGLISH_TELLING = "During his rotation, Li Ming pushed the Henan branch ever higher.\n\nHe likes tea."
ENGLISH_TWICE = (
    "During his rotation, Li Ming pushed the Henan branch ever higher.\n\n"
    "A second rotation later took Li Ming from the Henan branch to Beijing."
)
ENGLISH_UNRELATED = "Li Ming visited Henan to see his family.\n\nHe likes tea."


def _story(third: str) -> Story:
    articles = (
        Article(id="hans", body=HANS, outlet="简报", published="2025-09-09", language="zh-Hans"),
        Article(id="hant", body=HANT, outlet="繁報", language="zh-Hant"),
        Article(id="en", body=third, outlet="English", language="en"),
    )
    return Story(id="test", title="test", path=Path("."), articles=articles)


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _posting(facts: list[Fact]) -> Fact:
    (fact,) = [f for f in facts if any(m.article_id == "hans" and "河南" in m.sentence for m in f.mentions)]
    return fact


def test_valueless_telling_joins_with_null_value_and_status_stays_conflict() -> None:
    fact = _posting(align_story(_story(ENGLISH_TELLING), use_cache=False))
    values = {m.article_id: m.value for m in fact.mentions}
    assert values == {"hans": "2020", "hant": "2021", "en": None}
    assert fact.status == "conflict"


def test_two_candidate_sentences_in_one_outlet_join_neither() -> None:
    fact = _posting(align_story(_story(ENGLISH_TWICE), use_cache=False))
    assert {m.article_id for m in fact.mentions} == {"hans", "hant"}


def test_naming_the_place_without_the_event_does_not_join() -> None:
    fact = _posting(align_story(_story(ENGLISH_UNRELATED), use_cache=False))
    assert {m.article_id for m in fact.mentions} == {"hans", "hant"}
