"""What a cluster of units says: its slot values, agree or conflict, and a short label.

A *slot* is what a value measures: a point in time (dates and years compare with each other at
the precision both give), or a number of a kind counting a concept (``count`` of followers,
``money``). Two outlets conflict when, for a slot both give, no value of one is compatible with
any value of the other: 2020 vs 2021, 180.2万 vs 170万, 180.2万 vs "over 2 million" (a bound).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from reader.facts.cluster import Cluster, Weights
from reader.facts.entities import latin_display, latin_key
from reader.facts.features import Unit
from reader.facts.lexicon import concept, counted_concept
from reader.script import is_han

APPROX_TOLERANCE = 0.10  # "about", "nearly": a tenth either way
EXACT_TOLERANCE = 0.005
_KIND_PRIORITY = {"event": 0, "role": 1, "thing": 2, "attr": 3}


# What a figure counts when the text does not say it more precisely: 11名 (people), 320万台
# (units), 60辆 (vehicles), a bare 个 or 家; such a figure may be any counted slot of its kind.
_GENERIC_COUNTED = frozenset({"people", "units", "vehicles"})


def slot_of(value: Any) -> tuple[str, str | None]:
    """``("time", None)`` for dates and years, ``("clock", None)`` for times of day, ``("pp", …)``
    for percentage points, else ``(kind, counted concept)``."""
    if value.kind in ("date", "year"):
        return ("time", None)
    if value.kind == "time":
        return ("clock", None)
    kind = "pp" if value.kind == "percent" and value.unit == "pp" else value.kind
    if value.counted in _GENERIC_COUNTED:  # 60辆 counts vehicles, whatever the lexicon calls cars
        return (kind, value.counted)
    return (kind, counted_concept(value.counted) or value.counted)


def is_generic(slot: tuple[str, str | None]) -> bool:
    """A slot naming no particular thing counted (None, people, units, a bare classifier)."""
    counted = slot[1]
    return counted is None or counted in _GENERIC_COUNTED or (len(counted) == 1 and is_han(counted))


def compatible(a: Any, b: Any) -> bool:
    """Can both values be true of the same slot?"""
    if a.kind in ("date", "year") and b.kind in ("date", "year"):
        return _dates_compatible(a.norm, b.norm)
    clocked = _clocked(a), _clocked(b)
    if clocked[0] and clocked[1]:  # 2小时05分38秒 vs 2小時5分48秒: a race time is exact to what it says
        shared = min(len(clocked[0]), len(clocked[1]))
        return clocked[0][:shared] == clocked[1][:shared]
    if (a.low is None and a.high is None) or (b.low is None and b.high is None):
        return a.norm == b.norm
    a_low, a_high = _interval(a)
    b_low, b_high = _interval(b)
    return a_low <= b_high and b_low <= a_high


_CLOCKED = re.compile(r"PT(\d+)H(\d+)M(?:(\d+)S)?")


def _clocked(value: Any) -> tuple[int, ...] | None:
    """Hours, minutes (and seconds) of a duration written to the minute, else None."""
    match = _CLOCKED.fullmatch(value.norm) if value.kind == "duration" else None
    return tuple(int(part) for part in match.groups() if part is not None) if match else None


def _interval(value: Any) -> tuple[float, float]:
    low = value.low if value.low is not None else float("-inf")
    high = value.high if value.high is not None else float("inf")
    # "about 450,000" is read as 405,000-495,000 already: widening it again would make it agree
    # with 500,000; an approximate figure the reading left unwidened gets the tolerance here
    widened = value.low is not None and value.high is not None and value.low != value.high
    slack = APPROX_TOLERANCE if value.approx in ("about", "nearly") and not widened else EXACT_TOLERANCE
    # 86.4亿 is 86.43亿 rounded: a figure covers what rounds to it at the precision written
    rounding = rounding_place(value) / 2
    low = low - max(abs(low) * slack, rounding) if low != float("-inf") else low
    return low, high + max(abs(high) * slack, rounding)


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounding_place(value: Any) -> float:
    """The place of the last decimal written, in the value's units: 1e7 for 86.4亿, 0.1 for 27.4%;
    0 for a whole number (50万 may be exact) and when unknown (a Chinese numeral, a range)."""
    match = _WRITTEN_NUMBER.search(value.text or "")
    if not match or not match[1] or value.low is None or value.low != value.high:
        return 0.0
    try:
        written = float(match[0].replace(",", ""))
    except ValueError:
        return 0.0
    if written == 0:
        return 0.0
    exact = float(value.norm.split()[0]) if value.norm.split()[0].replace(".", "", 1).isdigit() else value.low
    return 10.0 ** -len(match[1] or "") * exact / written


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
    naming no owner (a figure said to be another platform's is another slot). A unit giving
    nothing for a particular counted slot gives its figures of the same kind that name nothing
    particular (the 3,200 residents one outlet counts are the 3200名 another gives; not so for a
    count of a lexicon noun such as employees, which a Chinese outlet names when it means it)."""
    mine = [v for v in unit.values if slot_of(v) == slot]
    if not mine and not is_generic(slot) and not (slot[0] == "count" and _is_concept(slot[1] or "")):
        mine = [v for v in unit.values if slot_of(v)[0] == slot[0] and is_generic(slot_of(v))]
    if owner is None:
        return mine
    owned = [v for v in mine if v.owner == owner]
    return owned or [v for v in mine if v.owner is None]


def slot_values(units: Sequence[Unit]) -> dict[tuple[str, str | None], dict[str, list[Any]]]:
    """slot -> article id -> values the cluster's units give for it (of the slot's owner). A
    generic slot is left out when a particular one of its kind takes in all its articles."""
    table = _all_slot_values(units)
    return {
        slot: arts
        for slot, arts in table.items()
        if not (
            is_generic(slot)
            and any(o[0] == slot[0] and not is_generic(o) and set(arts) <= set(table[o]) for o in table)
        )
    }


def _all_slot_values(units: Sequence[Unit]) -> dict[tuple[str, str | None], dict[str, list[Any]]]:
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

    def rank(slot: tuple[str, str | None]) -> tuple[int, int, int, int, str]:
        generic = 1 if is_generic(slot) else 0
        return (-len(table[slot]), 0 if slot[1] else 1, generic, 0 if slot[0] == "time" else 1, str(slot))

    return min(table, key=rank)


def slot_clusters(
    clusters: Sequence[Cluster], units: Sequence[Unit]
) -> Iterator[tuple[int, Cluster, list[Unit], tuple[str, str | None]]]:
    """(index, cluster, its units, its slot) of every cluster several outlets state that gives
    values of a slot."""
    for cid, cluster in enumerate(clusters):
        if len(cluster.articles) < 2:
            continue
        members = [units[i] for i in cluster.members]
        slot = primary_slot(members)
        if slot is not None:
            yield cid, cluster, members, slot


def status_of(units: Sequence[Unit]) -> str:
    """``single``, ``agree`` or ``conflict`` for a cluster: from the values of its own slot only
    (a year said in passing by two outlets does not make their revenue figures conflict)."""
    if len({u.article_id for u in units}) < 2:
        return "single"
    table = slot_values(units)
    slot = primary_slot(units)
    if slot is None:
        return "agree"
    # the fact's own slot, and any other measure as many outlets give (a contract's age and length)
    own = [s for s in table if s == slot or (len(table[s]) == len(table[slot]) and "time" not in (s[0], slot[0]))]
    return "conflict" if any(_disagree(table[s]) for s in own) else "agree"


def _disagree(by_article: dict[str, list[Any]]) -> bool:
    articles = sorted(by_article)
    return any(
        not any(compatible(a, b) for a in by_article[first] for b in by_article[second])
        for i, first in enumerate(articles)
        for second in articles[i + 1 :]
    )


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
    """A short readable label naming the fact's slot in plain words, from the concepts its
    outlets share and the kind of its value: "injured", "start time", "revenue growth"."""
    slot = primary_slot(units)
    if slot is not None and len(slot_values(units)[slot]) < 2 <= len({u.article_id for u in units}):
        slot = None  # one outlet's figure, said in passing: the fact is what the outlets share
    event = _top_concept(units, weights, kinds=("event",))
    exclude = slot[1] if slot else None
    thing = _top_concept(units, weights, kinds=("thing", "role", "attr"), exclude=exclude, avoid=_WHERE_OR_WHO)
    name = _top_name(units, weights)
    # a tenure labels the fact when two outlets give one, not when one sentence says it in passing
    tenures = {u.article_id for u in units if "s:duration:tenure" in u.features}
    if (slot is None or slot[0] == "duration") and len(tenures) >= 2:
        return f"tenure at {name}" if name else "tenure"
    if slot and slot[0] in ("time", "clock"):
        return _time_label(units, slot, event, thing)
    if slot and slot[0] in _FIGURE_KINDS:
        return _figure_label(units, slot, event, thing)
    # a place or an authority names a statement only when nothing else does
    thing = thing or _top_concept(units, weights, kinds=("thing", "role", "attr"), exclude=exclude)
    subject = _label(event) or _label(thing) or "statement"
    detail = name or (_label(thing) if _label(thing) != subject else None)
    return f"{subject}: {detail}" if detail else subject


# What a count of people is when the fact says what happened to them: 11名受伤 -> injured.
_PEOPLE_OUTCOMES = {"death": "dead", "injure": "injured", "serious": "in serious condition",
                    "evacuate": "evacuated", "arrest": "arrested", "missing": "missing"}  # fmt: skip
# Things that pay or hold money rather than name what the money is: an amount the authorities
# recovered is labelled by the recovery, not by "government".
_AGENT_THINGS = frozenset({"government", "court", "police", "company", "media", "city", "province", "country"})
# Where a thing happened or who said it: no name for what a figure or a date measures ("date
# (city)", a count labelled "China").
_WHERE_OR_WHO = _AGENT_THINGS | {"county", "region", "china", "europe", "latin_america", "africa"}
# Concepts that are themselves a length of time: a 12-year prison sentence is a "prison sentence".
_DURATION_CONCEPTS = frozenset({"sentence"})
_MEASURES = {"m2": "area", "km2": "area", "km": "distance", "tonnes": "weight", "kg": "weight", "mm": "rainfall",
             "cm": "length"}  # mm: news gives rain (and little else) in millimetres
_NAMED_MEASURES = frozenset({"depth"})
_CHANGE_WORDS = {"rise": "growth", "fall": "fall"}
# Kinds a label names by what they measure; an age or a rank is labelled by what the fact says.
_FIGURE_KINDS = frozenset({"count", "percent", "pp", "money", "duration", "magnitude", "speed"})


def _time_label(units: Sequence[Unit], slot: tuple[str, str | None], event: str | None, thing: str | None) -> str:
    """start time, fire date, production start year."""
    if slot[0] == "clock":
        kind = "time"
    else:
        kind = "date" if any(v.kind == "date" for u in units for v in u.values if slot_of(v) == slot) else "year"
    if event:
        return f"{_label(event)} {kind}"  # what happened then
    return f"{kind} ({_label(thing)})" if thing else kind


def _figure_label(units: Sequence[Unit], slot: tuple[str, str | None], event: str | None, thing: str | None) -> str:
    """What a figure measures: a count's noun, a percentage's base, an amount's thing."""
    kind, counted = slot
    owner = slot_owner(units, slot)
    shared_owner = owner if owner and _spread_of_owner(units, slot, owner) >= 2 else None
    if kind == "count":
        noun = _counted_label(counted, event, thing)
    elif kind in ("percent", "pp"):
        noun = _percent_label(counted, event, thing)
    elif kind == "money":
        named = thing if thing not in _AGENT_THINGS else None
        noun = _label(named) or _label(event) or _label(thing) or "amount"
    elif kind == "magnitude":
        noun = "magnitude"
    elif kind == "speed":
        noun = f"{_label(thing) or _label(event) or ''} speed".strip()
    elif event in _DURATION_CONCEPTS or thing in _DURATION_CONCEPTS:
        noun = concept(event if event in _DURATION_CONCEPTS else thing).label  # type: ignore[arg-type]
    else:
        noun = f"{_label(event) or _label(thing) or ''} duration".strip()
    if shared_owner and (_label(shared_owner) or shared_owner) not in noun:  # not "rain rainfall"
        return f"{_label(shared_owner) or shared_owner.capitalize()} {noun}"
    return noun


def _counted_label(counted: str | None, event: str | None, thing: str | None) -> str:
    if counted in _MEASURES:  # 震源深度10公里: a length the fact names (depth) before the plain measure
        return concept(thing).label if thing in _NAMED_MEASURES else _MEASURES[counted]
    if counted in _PEOPLE_OUTCOMES:  # 3人失联 counts the missing, whatever else the sentence says
        return _PEOPLE_OUTCOMES[counted]
    outcome = thing if thing in _PEOPLE_OUTCOMES else event
    if outcome in _PEOPLE_OUTCOMES and (counted in (None, "people") or not _is_concept(counted or "")):
        return _PEOPLE_OUTCOMES[outcome]  # type: ignore[index]
    if counted and _is_concept(counted):
        return concept(counted).label
    if counted and not is_generic(("count", counted)):
        return counted  # a plain English noun: residents, robots
    if thing and concept(thing).kind in ("thing", "role"):
        return concept(thing).label  # 280名消防员: firefighters; 60辆消防车: fire engines
    return counted if counted in _GENERIC_COUNTED else (_label(event) or "number")


def _percent_label(counted: str | None, event: str | None, thing: str | None) -> str:
    base = _label(thing)
    if counted:
        of = concept(counted).label if _is_concept(counted) else counted
        return f"{base} share of {of}" if base and base != of else f"share of {of}"
    if event in _CHANGE_WORDS:
        return f"{base} {_CHANGE_WORDS[event]}" if base else _CHANGE_WORDS[event]
    return base or "percentage"


def _spread_of_owner(units: Sequence[Unit], slot: tuple[str, str | None], owner: str) -> int:
    return len({u.article_id for u in units for v in u.values if v.owner == owner and slot_of(v) == slot})


def _label(cid: str | None) -> str | None:
    return concept(cid).label if cid and _is_concept(cid) else None


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


def _top_concept(
    units: Sequence[Unit],
    weights: Weights,
    kinds: tuple[str, ...],
    exclude: str | None = None,
    avoid: frozenset[str] = frozenset(),
):
    """The concept id most outlets of the fact share (two at least when two outlets state it),
    none of ``avoid``."""
    spread: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for cid in unit.concepts:
            if cid != exclude and cid not in avoid and concept(cid).kind in kinds:
                spread[cid].add(unit.article_id)
    least = min(2, len({u.article_id for u in units}))
    spread = {c: arts for c, arts in spread.items() if len(arts) >= least}
    if not spread:
        return None
    return min(
        spread,
        key=lambda c: (-len(spread[c]), _KIND_PRIORITY[concept(c).kind], -weights.weight.get(f"c:{c}", 0.0), c),
    )


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
