"""Clustering precision on small hand-written stories: a shared day alone does not make two
happenings one fact, and one valueless claim found twice is shown once."""

from __future__ import annotations

from types import SimpleNamespace

from reader.facts.align import _told_within
from reader.facts.cluster import Weights, _backfill, only_a_date
from reader.facts.features import build_units, story_dictionary
from reader.models import Fact, Mention
from tests.facts_helpers import article


def test_a_shared_day_alone_is_only_a_date() -> None:
    shared = frozenset({"v:date:2025-09-18", "v:md:09-18", "v:year:2025", "e:lanwan"})
    weights = SimpleNamespace(informative=frozenset({"v:date:2025-09-18", "v:md:09-18", "v:year:2025"}))
    assert only_a_date(shared, weights)


def test_a_day_with_what_happened_on_it_is_more_than_a_date() -> None:
    # the near miss: the day and the event both sides name
    shared = frozenset({"v:date:2025-09-18", "v:md:09-18", "c:landfall"})
    weights = SimpleNamespace(informative=shared)
    assert not only_a_date(shared, weights)
    assert not only_a_date(frozenset({"e:lanwan"}), weights)  # nothing informative shared


_LANDFALL_ZH = "台风青鸾于9月18日凌晨2时30分在岚湾市东屿镇登陆。"
_AIRPORT_ZH = "国际机场18日共取消进出港航班326架次，铁路停运列车86趟。"
_LANDFALL_EN = "Typhoon Qingluan made landfall in Lanwan at around 2:30 a.m. on Thursday, September 18."


def _units(*articles):
    words = story_dictionary(articles)
    units = build_units(articles, None, words)
    return units, Weights(units)


def _unit(units, aid: str, needle: str) -> int:
    return next(i for i, u in enumerate(units) if u.article_id == aid and needle in u.text)


def test_a_new_fact_does_not_take_along_a_sentence_sharing_only_its_day() -> None:
    units, weights = _units(
        article("zh", f"{_LANDFALL_ZH}\n\n{_AIRPORT_ZH}", published="2025-09-18"),
        article("en", _LANDFALL_EN, "en", "2025-09-18"),
    )
    airport, landfall = _unit(units, "zh", "机场"), _unit(units, "en", "landfall")
    assert _backfill(units[airport], {landfall: 0.4}, units, weights) == []


def test_a_new_fact_takes_along_a_sentence_telling_the_same_happening() -> None:
    # the near miss: the same day and the landfall both name
    units, weights = _units(
        article("zh", f"{_LANDFALL_ZH}\n\n{_AIRPORT_ZH}", published="2025-09-18"),
        article("en", _LANDFALL_EN, "en", "2025-09-18"),
    )
    mine, landfall = _unit(units, "zh", "登陆"), _unit(units, "en", "landfall")
    assert _backfill(units[mine], {landfall: 0.4}, units, weights) == [landfall]


def _fact(*sentences: tuple[str, int, str | None]) -> Fact:
    mentions = tuple(Mention(a, "s", start, start + 1, value, value) for a, start, value in sentences)
    return Fact(id="", label="x", status="agree", mentions=mentions)


def test_a_valueless_claim_inside_a_larger_one_is_dropped() -> None:
    big = _fact(("en", 0, None), ("zh", 5, None), ("tw", 9, None))
    small = _fact(("zh", 5, None), ("tw", 9, None))
    kept = [((1,), big, []), ((2,), small, [])]
    assert _told_within(small, kept)
    assert not _told_within(big, kept)


def test_a_figure_fact_inside_a_larger_one_stays() -> None:
    # the near miss: 13 injured told by the sentences that also say 1 dead is a fact of its own
    dead = _fact(("en", 0, None), ("zh", 5, None), ("tw", 9, None))
    injured = _fact(("zh", 5, "13"), ("tw", 9, "13"))
    kept = [((1,), dead, []), ((2,), injured, [])]
    assert not _told_within(injured, kept)
