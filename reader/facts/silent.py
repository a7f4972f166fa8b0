"""Value-less mentions: an outlet that tells a slot fact without its figure still states it.

A fact whose outlets give a value (posted to Henan in 2020 / in 2021) may be told by a third
outlet with no value at all (during his rotation he made the Henan branch grow). Such a sentence
shares too little with the others to be clustered with them, yet it names the fact's distinctive
thing (Henan) and says its event (posted) and another of its concepts (branch). It joins the
fact as a mention with value null; the status stays decided by the mentions with values.

Guards: the fact's thing is a non-person name every member sentence names; the joining sentence
gives no value of any kind, is no headline or repeat, and is the only such sentence of its
article (two candidates are no telling of one fact). Names an article keeps using
(more than ``MAX_SENTENCES_WITH_NAME`` sentences) are its theme and key nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reader.facts.cluster import Cluster
from reader.facts.features import SentenceKey, Unit, concept_kind
from reader.facts.keyed import MIN_SHARED_CONCEPTS, _han_people
from reader.facts.labels import primary_slot

MAX_SENTENCES_WITH_NAME = 4


def join_valueless_mentions(clusters: Sequence[Cluster], units: Sequence[Unit]) -> None:
    """Add to each slot fact the one value-less sentence of each silent outlet that names its
    thing and says its event (see the module's docstring). Clusters are changed in place."""
    people = _han_people(units)
    sentences: dict[SentenceKey, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        sentences[unit.sentence_key].append(i)
    context = {key: frozenset().union(*(units[i].context for i in found)) for key, found in sentences.items()}
    by_name = _valueless_by_name(sentences, context, units, people)
    for cluster in clusters:
        if cluster.values or len(cluster.articles) < 2:
            continue
        members = [units[i] for i in cluster.members]
        if primary_slot(members) is None:
            continue
        member_sentences = sorted({u.sentence_key for u in members})
        found = _candidates([context[k] for k in member_sentences], by_name, context, people)
        for article in sorted(found):
            if article not in cluster.articles and len(found[article]) == 1:
                (key,) = found[article]
                cluster.members.extend(sentences[key])
                cluster.articles.add(article)


def _names(context: frozenset[str], people: set[str]) -> set[str]:
    """The non-person names of a sentence, from the features of all its units."""
    return {f[2:] for f in context if f.startswith("e:")} - people


def _concepts(context: frozenset[str]) -> set[str]:
    return {f[2:] for f in context if f.startswith("c:")}


def _valueless_by_name(
    sentences: dict[SentenceKey, list[int]],
    context: dict[SentenceKey, frozenset[str]],
    units: Sequence[Unit],
    people: set[str],
) -> dict[str, list[SentenceKey]]:
    """Name -> the sentences naming it that give no value, when their article names it rarely."""
    naming: dict[tuple[str, str], list[SentenceKey]] = defaultdict(list)
    valueless: set[SentenceKey] = set()
    for key in sorted(sentences):
        found = [units[i] for i in sentences[key]]
        for name in _names(context[key], people):
            naming[(key[0], name)].append(key)
        if not any(u.values or u.weak or u.listing for u in found):
            valueless.add(key)
    by_name: dict[str, list[SentenceKey]] = defaultdict(list)
    for (_, name), keys in sorted(naming.items()):
        if len(keys) <= MAX_SENTENCES_WITH_NAME:
            by_name[name].extend(k for k in keys if k in valueless)
    return by_name


def _candidates(
    members: list[frozenset[str]],
    by_name: dict[str, list[SentenceKey]],
    context: dict[SentenceKey, frozenset[str]],
    people: set[str],
) -> dict[str, set[SentenceKey]]:
    """Article -> its value-less sentences naming the fact's thing and sharing its event and
    ``MIN_SHARED_CONCEPTS`` of the concepts every member sentence says."""
    things = set.intersection(*(_names(u, people) for u in members))
    concepts = set.intersection(*(_concepts(u) for u in members))
    if not things or not any(concept_kind(c) == "event" for c in concepts):
        return {}
    found: dict[str, set[SentenceKey]] = defaultdict(set)
    for name in sorted(things):
        for key in by_name.get(name, ()):
            shared = _concepts(context[key]) & concepts
            if len(shared) >= MIN_SHARED_CONCEPTS and any(concept_kind(c) == "event" for c in shared):
                found[key[0]].add(key)
    return found
