"""Who a sentence's claim comes from: an unnamed insider, or a person said to say it.

Two sentences whose words overlap are still different claims when different sources make them
(有知情人士透露：他曾因泄密被处分 against 雷军…说他经常因为泄密被处罚). A sentence's source is the
first of these it states: an insider (知情人士, 消息人士, "sources familiar", "an insider"), or a
person the story names who is followed, within ``MAX_SAYS_DISTANCE`` characters, by a verb
of saying.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from reader.facts.entities import is_person_name
from reader.facts.features import SentenceKey, Unit
from reader.script import fold

INSIDER = "insider"
_INSIDER_ZH = re.compile(r"知情人士|消息人士|接近[^，,。]{0,8}人士|内部人士|業內人士|业内人士")
_INSIDER_EN = re.compile(r"\b(?:insiders?|sources?\s+(?:familiar|close)|people\s+familiar)\b", re.I)
# 说明, 说漏嘴, 称号, 堪称, 自称 are not someone reporting a claim
_SAYS_ZH = re.compile(r"(?:说|說)(?![明漏服法])|表示|(?<![堪自声聲号號])(?:称|稱)(?![号號王帝为為作霸])|透露|直言|坦言")
MAX_SAYS_DISTANCE = 25  # characters from the name to its verb of saying
_SAYS_EN = re.compile(r"\b(?:said|says|told|stated|revealed)\b")


def sentence_sources(units: Sequence[Unit]) -> dict[SentenceKey, str]:
    """(article id, sentence start) -> the source of the sentence's claim, for sentences with one."""
    surfaces = _person_surfaces(units)
    keys: dict[SentenceKey, set[str]] = defaultdict(set)
    texts: dict[SentenceKey, tuple[str, bool]] = {}
    for unit in units:
        key = unit.sentence_key
        keys[key].update(n.key for n in unit.names if n.key in surfaces)
        texts.setdefault(key, (fold(unit.sentence.text), unit.english))
    found = {}
    for key, (text, english) in texts.items():
        source = _first_source(text, english, {k: surfaces[k] for k in keys[key]})
        if source is not None:
            found[key] = source
    return found


def _person_surfaces(units: Sequence[Unit]) -> dict[str, set[str]]:
    """Person key -> how the story writes that name (the key of a Han person name)."""
    people = {n.key for u in units if not u.english for n in u.names if is_person_name(n.text)}
    surfaces: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for name in unit.names:
            if name.key in people:
                surfaces[name.key].add(fold(name.text))
    return surfaces


def _first_source(text: str, english: bool, people: dict[str, set[str]]) -> str | None:
    says = _SAYS_EN if english else _SAYS_ZH
    insider = (_INSIDER_EN if english else _INSIDER_ZH).search(text)
    candidates = [(insider.start(), INSIDER)] if insider else []
    for key in sorted(people):
        for surface in people[key]:
            at = text.find(surface)
            verb = says.search(text, at + len(surface)) if at >= 0 else None
            if verb and verb.start() - at <= MAX_SAYS_DISTANCE:
                candidates.append((at, key))
    return min(candidates)[1] if candidates else None
