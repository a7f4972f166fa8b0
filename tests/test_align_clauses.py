"""English clauses, tenure slots, bridged clusters and one fact per counted slot, on small
hand-written stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from facts_helpers import linking

from reader.facts.align import align_story
from reader.facts.features import english_clause_spans
from reader.models import Article, Story


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))


def _story(*bodies: tuple[str, str, str | None]) -> Story:
    articles = tuple(
        Article(id=aid, body=body, outlet=aid, language=lang, published=date, title=None)
        for aid, body, lang, date in ((*b[:3], b[3] if len(b) > 3 else "2025-09-10") for b in bodies)
    )
    return Story(id="t", title="t", path=Path("."), articles=articles)


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        (
            "Known among fans as “the rocket” and regarded as the “Crown Prince,” his career came to a halt.",
            ["Known among fans as “the rocket” ", "and regarded as the “Crown Prince,” ", "his career came to a halt."],
        ),
        ("Li Ming, the chairman, resigned.", ["Li Ming, the chairman, resigned."]),
        (
            "The firm recalled 120,000 kettles; the base can overheat badly.",
            ["The firm recalled 120,000 kettles; ", "the base can overheat badly."],
        ),
        ("He said “yes, no, maybe so” and left.", ["He said “yes, no, maybe so” and left."]),
    ],
)
def test_english_sentences_split_into_clauses(sentence: str, clauses: list[str]) -> None:
    spans = english_clause_spans(sentence)
    assert [sentence[a:b] for a, b in spans] == clauses
    assert spans[0][0] == 0 and spans[-1][1] == len(sentence)


ZH_FILLER = "股市今天上涨。\n\n分析师认为手机市场竞争激烈。\n\n新款汽车下月上市。\n\n公司营收增长了。"
EN_FILLER = "Shares rose today.\n\nAnalysts see fierce phone competition.\n\nA new car launches next month."


def test_a_clause_of_a_long_english_sentence_matches_a_chinese_sentence() -> None:
    story = _story(
        ("zh", f"星辰科技表示，李明曾被同事戏称为“星辰太子”。\n\n{ZH_FILLER}", "zh-Hans"),
        ("zh2", f"李明被同事们戏称为“星辰太子”，备受瞩目。\n\n{ZH_FILLER}", "zh-Hans"),
        (
            "en",
            "Hailed by analysts for his pricing strategy across three product lines in Europe and for record "
            "quarterly revenue from overseas stores, and nicknamed "
            f"the “Crown Prince” by colleagues, Li Ming has now left the company after a long investigation.\n\n"
            f"{EN_FILLER}",
            "en",
        ),
    )
    facts = align_story(story, use_cache=False)
    assert linking(facts, ("en", "Crown Prince"), ("zh2", "星辰太子"))


def test_nine_years_at_a_company_is_one_tenure_fact() -> None:
    story = _story(
        ("a", "这名在星辰拥有9年资历的管理人员被辞退。", "zh-Hans"),
        ("b", "李明在星辰九年的職業生涯就此結束。", "zh-Hant"),
        ("c", "李明在星辰的九年，经历了起起落落。", "zh-Hans"),
    )
    facts = align_story(story, use_cache=False)
    [tenure] = linking(facts, ("a", "9年资历"), ("b", "九年的職業生涯"), ("c", "在星辰的九年"))
    assert tenure.status == "agree"
    assert tenure.label.startswith("tenure")


def test_a_duration_of_something_else_is_not_tenure() -> None:
    story = _story(
        ("a", "这名在星辰拥有9年资历的管理人员被辞退。", "zh-Hans"),
        ("b", "这款电池的保修期长达九年，远超同行。", "zh-Hans"),
    )
    facts = align_story(story, use_cache=False)
    assert not linking(facts, ("a", "9年资历"), ("b", "保修期"))


def test_clusters_an_outlet_bridges_become_one_fact_in_conflict() -> None:
    # the undated outlet and the English one cannot link (only one says when); the third links both
    story = _story(
        ("a", "在星辰轮岗期间，李明推动河南星辰分公司一路走高。", "zh-Hans", "2025-09-01"),
        ("b", "In 2021, Li Ming took a rotational assignment as general manager of the Henan branch.", "en",
         "2025-09-02"),
        ("c", "2020年，李明被外派到河南做分公司總經理。", "zh-Hant", "2025-09-03"),
    )
    facts = align_story(story, use_cache=False)
    [posting] = linking(facts, ("b", "In 2021"), ("c", "2020年"))
    assert posting.status == "conflict"
