"""What a cluster of units says: its slot values, agree or conflict, and a short label.

A *slot* is what a value measures: a point in time (dates and years compare with each other at
the precision both give), or a number of a kind counting a concept (``count`` of followers,
``money``). Two outlets conflict when, for a slot both give, no value of one is compatible with
any value of the other: 2020 vs 2021, 180.2万 vs 170万, 180.2万 vs "over 2 million" (a bound).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from reader.facts.cluster import Weights
from reader.facts.entities import latin_display, latin_key
from reader.facts.features import Unit
from reader.facts.lexicon import concept, counted_concept
from reader.script import is_han

APPROX_TOLERANCE = 0.10  # "about", "nearly": a tenth either way
EXACT_TOLERANCE = 0.005
_KIND_PRIORITY = {"event": 0, "role": 1, "thing": 2, "attr": 3}


def slot_of(value: Any) -> tuple[str, str | None]:
    """``("time", None)`` for dates and years, else ``(kind, counted concept)``."""
    if value.kind in ("date", "year"):
        return ("time", None)
    return (value.kind, counted_concept(value.counted) or value.counted)


def compatible(a: Any, b: Any) -> bool:
    """Can both values be true of the same slot?"""
    if a.kind in ("date", "year") and b.kind in ("date", "year"):
        return _dates_compatible(a.norm, b.norm)
    if (a.low is None and a.high is None) or (b.low is None and b.high is None):
        return a.norm == b.norm
    a_low, a_high = _interval(a)
    b_low, b_high = _interval(b)
    return a_low <= b_high and b_low <= a_high


def _interval(value: Any) -> tuple[float, float]:
    low = value.low if value.low is not None else float("-inf")
    high = value.high if value.high is not None else float("inf")
    # "about 450,000" is read as 405,000-495,000 already: widening it again would make it agree
    # with 500,000; an approximate figure the reading left unwidened gets the tolerance here
    widened = value.low is not None and value.high is not None and value.low != value.high
    slack = APPROX_TOLERANCE if value.approx in ("about", "nearly") and not widened else EXACT_TOLERANCE
    return low - abs(low) * slack if low != float("-inf") else low, high + abs(high) * slack


def _date_parts(norm: str) -> tuple[str | None, str | None, str | None]:
    match = re.match(r"^(\d{4}|-{1,2}|X{4})?-?(\d{2})?-?(\d{2})?", norm or "")
    if not match:
        return (None, None, None)
    year = match.group(1) if match.group(1) and match.group(1).isdigit() else None
    return year, match.group(2), match.group(3)


def _dates_compatible(a: str, b: str) -> bool:
    return all(x is None or y is None or x == y for x, y in zip(_date_parts(a), _date_parts(b), strict=True))


def slot_owner(units: Sequence[Unit], slot: tuple[str, str | None]) -> str | None:
    """Whose figure the slot is (微博 followers, not 抖音 ones): the owner most outlets name."""
    spread: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for value in unit.values:
            if value.owner and slot_of(value) == slot:
                spread[value.owner].add(unit.article_id)
    if not spread:
        return None
    return min(spread, key=lambda owner: (-len(spread[owner]), owner))


def values_in_slot(unit: Unit, slot: tuple[str, str | None], owner: str | None) -> list[Any]:
    """The unit's values for the slot: those of its owner when the unit names it, else those
    naming no owner (a figure said to be another platform's is another slot)."""
    mine = [v for v in unit.values if slot_of(v) == slot]
    if owner is None:
        return mine
    owned = [v for v in mine if v.owner == owner]
    return owned or [v for v in mine if v.owner is None]


def slot_values(units: Sequence[Unit]) -> dict[tuple[str, str | None], dict[str, list[Any]]]:
    """slot -> article id -> values the cluster's units give for it (of the slot's owner)."""
    slots = {slot_of(v) for unit in units for v in unit.values}
    table: dict[tuple[str, str | None], dict[str, list[Any]]] = {}
    for slot in sorted(slots, key=str):
        owner = slot_owner(units, slot)
        by_article: dict[str, list[Any]] = defaultdict(list)
        for unit in units:
            by_article[unit.article_id].extend(values_in_slot(unit, slot, owner))
        table[slot] = {a: vs for a, vs in by_article.items() if vs}
    return {slot: arts for slot, arts in table.items() if arts}


def primary_slot(units: Sequence[Unit]) -> tuple[str, str | None] | None:
    """The slot most articles of the cluster give a value for (counted numbers before times)."""
    table = slot_values(units)
    if not table:
        return None

    def rank(slot: tuple[str, str | None]) -> tuple[int, int, int, str]:
        return (-len(table[slot]), 0 if slot[1] else 1, 0 if slot[0] == "time" else 1, str(slot))

    return min(table, key=rank)


def status_of(units: Sequence[Unit]) -> str:
    """``single``, ``agree`` or ``conflict`` for a cluster."""
    if len({u.article_id for u in units}) < 2:
        return "single"
    for by_article in slot_values(units).values():
        articles = sorted(by_article)
        for i, first in enumerate(articles):
            for second in articles[i + 1 :]:
                if not any(compatible(a, b) for a in by_article[first] for b in by_article[second]):
                    return "conflict"
    return "agree"


def mention_value(unit: Unit, slot: tuple[str, str | None] | None, units: Sequence[Unit]) -> Any | None:
    """The unit's value for the slot: one another outlet agrees with when there is one."""
    if slot is None:
        return None
    owner = slot_owner(units, slot)
    mine = values_in_slot(unit, slot, owner)
    others = [v for u in units if u.article_id != unit.article_id for v in values_in_slot(u, slot, owner)]
    agreeing = [v for v in mine if any(compatible(v, o) for o in others)]
    return (agreeing or mine or [None])[0]


def label_of(units: Sequence[Unit], weights: Weights) -> str:
    """A short readable label from the concepts, names and slot the cluster's articles share."""
    slot = primary_slot(units)
    event = _top_concept(units, weights, kinds=("event",))
    thing = _top_concept(units, weights, kinds=("thing", "role", "attr"), exclude=slot[1] if slot else None)
    name = _top_name(units, weights)
    if slot and slot[1] and slot[0] != "time":
        counted = concept(slot[1]).label if _is_concept(slot[1]) else slot[1]
        owner = slot_owner(units, slot)
        qualifier = (concept(owner).label if _is_concept(owner) else owner.capitalize()) if owner else thing or name
        return f"{qualifier} {counted}".strip() if qualifier else counted
    if any("s:duration:tenure" in u.features for u in units):
        return f"tenure at {name}" if name else "tenure"
    subject = event or thing or "statement"
    if slot and slot[0] == "time":
        kind = "date" if any(v.kind == "date" for u in units for v in u.values) else "year"
        extra = f", {name}" if name else ""
        return f"{kind} of {subject}{extra}"
    detail = name or (thing if thing != subject else None)
    return f"{subject}: {detail}" if detail else subject


def label_details(units: Sequence[Unit], weights: Weights) -> list[str]:
    """Further words that tell a fact apart from another of the same label: the names and
    concepts its outlets share, most widely stated and most specific first."""
    spread: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for unit in units:
        for cid in unit.concepts:
            spread[f"c:{cid}"].add(unit.article_id)
            shown[f"c:{cid}"] = concept(cid).label
        for name in unit.names:
            key = f"e:{name.key}"
            spread[key].add(unit.article_id)
            if unit.english or key not in shown:
                shown[key] = name.text
    if any(unit.english for unit in units):
        shown = {f: latin_display(t) if any(is_han(ch) for ch in t) else t for f, t in shown.items()}
    ranked = sorted(spread, key=lambda f: (-len(spread[f]), -weights.weight.get(f, 0.0), f))
    return list(dict.fromkeys(shown[f] for f in ranked))


def _is_concept(cid: str) -> bool:
    try:
        concept(cid)
    except KeyError:
        return False
    return True


def _top_concept(units: Sequence[Unit], weights: Weights, kinds: tuple[str, ...], exclude: str | None = None):
    spread: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for cid in unit.concepts:
            if cid != exclude and concept(cid).kind in kinds:
                spread[cid].add(unit.article_id)
    if not spread:
        return None
    best = min(
        spread,
        key=lambda c: (-len(spread[c]), _KIND_PRIORITY[concept(c).kind], -weights.weight.get(f"c:{c}", 0.0), c),
    )
    return concept(best).label


def _top_name(units: Sequence[Unit], weights: Weights) -> str | None:
    """The most specific name at least two articles share, written as an English text writes it."""
    spread: dict[str, set[str]] = defaultdict(set)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for unit in units:
        for name in unit.names:
            spread[name.key].add(unit.article_id)
            written[name.key][name.text] += 2 if unit.english and " " in name.text else 1
    shared = [k for k, arts in spread.items() if len(arts) >= 2]
    if not shared:
        return None
    best = max(shared, key=lambda k: (weights.weight.get(f"e:{k}", 0.0), k))
    text = min(written[best], key=lambda t: (-written[best][t], t))
    if not any(unit.english for unit in units):
        return text
    # an English reader of the fact cannot read 王腾: the name as the English text writes it in
    # full (Wang Teng, not the later Wang), else romanised
    latin = {t: written[best][t] for t in written[best] if not any(is_han(ch) for ch in t)}
    for han in (t for t in written[best] if any(is_han(ch) for ch in t)):
        latin.setdefault(latin_display(han), 0)
    return min(latin, key=lambda t: (latin_key(t) != best, -latin[t], t))
