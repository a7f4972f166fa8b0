"""A sentence stating several facts joins each of them: a figure fact takes the sentences of
silent outlets that give a figure of its slot and say what its outlets say besides the figure.

Clustering puts a unit where it is most alike, so a sentence stating two facts (周五（14日）凌晨
約3時50分起火: the day of the fire and the hour it started) often lands in one fact only, the
other being told by outlets saying nothing else it says. Here a fact whose outlets give a value
of one slot (the hour, the number injured) is joined by the unit of an outlet it lacks that gives
a value of that slot, of the same kind (an hour, not a day), and shares most of the fact's *core*:
the informative features, values aside, that several of its outlets' members hold (起火, 凌晨).
The figure may agree or conflict: that is what the fact's status then says.

Guards: the fact's core must be specific (``MIN_EVIDENCE`` informative things); an outlet joins
with one sentence, and not when two of its sentences fit equally; a sentence already giving its
figure of that slot to another fact does not give the same figure again. Candidates are found
through an index of the core's anchor features, so the work grows with the story, not its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from reader.facts.cluster import MIN_EVIDENCE, Cluster, Weights, evidence
from reader.facts.features import SentenceKey, Unit
from reader.facts.labels import mention_value, primary_slot, slot_clusters, slot_owner, slot_values, values_in_slot

CORE_SHARE = 0.5  # of the core's informative things (``cluster.evidence``) a joining unit must say
# an outlet in the fact by its wording alone (召回部分S7, no count) states it already: its sentence
# giving the figure needs less of the core to be that outlet's figure
FIGURELESS_CORE_SHARE = 0.34
MAX_POSTING = 64  # units holding one core feature beyond which it finds no candidates

Slot = tuple[str, str | None]


def join_slot_statements(clusters: Sequence[Cluster], units: Sequence[Unit], weights: Weights) -> None:
    """Add to each figure fact the units of silent outlets stating its slot (module docstring).
    Clusters are changed in place; facts with most outlets are served first."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        if not (unit.weak or unit.listing) and unit.values:
            for feat in unit.features & weights.anchors:
                postings[feat].append(i)
    given = _given_figures(clusters, units)
    twins = _twin_facts(clusters, units)
    for cid, cluster in _most_told_first(clusters):
        found = _joining(cluster, units, weights, postings, given)
        found = {i: f for i, f in found.items() if units[i].sentence_key not in twins.get(cid, ())}
        figureless = _figureless_articles(cluster, units)
        for i, (slot, norms) in sorted(found.items()):
            if units[i].article_id in figureless:
                cluster.members = [m for m in cluster.members if units[m].article_id != units[i].article_id]
            cluster.members.append(i)
            cluster.articles.add(units[i].article_id)
            given[units[i].sentence_key].update((slot, n) for n in norms)


def _figureless_articles(cluster: Cluster, units: Sequence[Unit]) -> set[str]:
    """The outlets of a figure fact none of whose sentences in it gives the fact's figure: they
    joined by their wording alone, and a sentence of theirs that gives the figure tells it better."""
    members = [units[i] for i in cluster.members]
    slot = primary_slot(members)
    if slot is None:
        return set()
    return cluster.articles - set(slot_values(members).get(slot, {}))


def _most_told_first(clusters: Sequence[Cluster]) -> Iterator[tuple[int, Cluster]]:
    """The facts several outlets tell, not founded on a key, those told by most outlets first."""
    for cid in sorted(range(len(clusters)), key=lambda c: (-len(clusters[c].articles), c)):
        cluster = clusters[cid]
        if not cluster.values and len(cluster.articles) >= 2:
            yield cid, cluster


def _given_figures(clusters: Sequence[Cluster], units: Sequence[Unit]) -> dict[SentenceKey, set[tuple[Slot, str]]]:
    """Sentence -> the (slot, figure) pairs it gives to facts of several outlets already: the
    figure each fact shows for it (a sentence giving a day and an hour gives the day to one)."""
    given: dict[SentenceKey, set[tuple[Slot, str]]] = defaultdict(set)
    for _, key, slot, figure in _shown_figures(clusters, units):
        given[key].add((slot, figure))
    return given


def _twin_facts(clusters: Sequence[Cluster], units: Sequence[Unit]) -> dict[int, set[SentenceKey]]:
    """Cluster -> the sentences a twin of it holds: another fact of the same slot in which one
    of its sentences gives the same figure (two tellings of one figure founded apart). A sentence
    there is lined up with this fact's figure already; joining it here too would blur the twin's
    status."""
    holding: dict[tuple[SentenceKey, Slot, str], list[int]] = defaultdict(list)
    for cid, key, slot, figure in _shown_figures(clusters, units):
        found = holding[(key, slot, figure)]
        if cid not in found:
            found.append(cid)
    twins: dict[int, set[SentenceKey]] = defaultdict(set)
    for found in holding.values():
        for a in found:
            for b in found:
                if a != b:
                    twins[a].update(units[i].sentence_key for i in clusters[b].members)
    return twins


def _shown_figures(clusters: Sequence[Cluster], units: Sequence[Unit]) -> Iterator[tuple[int, SentenceKey, Slot, str]]:
    """(cluster, sentence, slot, figure) for every figure a fact of several outlets shows."""
    for cid, _, members, slot in slot_clusters(clusters, units):
        for unit in members:
            value = mention_value(unit, slot, members)
            if value is not None:
                yield cid, unit.sentence_key, slot, value.norm


def _joining(
    cluster: Cluster,
    units: Sequence[Unit],
    weights: Weights,
    postings: dict[str, list[int]],
    given: dict[SentenceKey, set[tuple[Slot, str]]],
) -> dict[int, tuple[Slot, list[str]]]:
    """The unit of each silent outlet that states the cluster's slot, with the figures it gives."""
    members = [units[i] for i in cluster.members]
    slot = primary_slot(members)
    if slot is None or len(slot_values(members).get(slot, {})) < 2:
        return {}
    owner = slot_owner(members, slot)
    kinds = {v.kind for unit in members for v in values_in_slot(unit, slot, owner)}
    core = _core(members, weights)
    core_evidence = evidence(core, weights)
    if core_evidence < MIN_EVIDENCE:
        return {}
    figureless = _figureless_articles(cluster, units)
    best: dict[str, list[tuple[float, int, list[Any]]]] = defaultdict(list)
    for i in _candidates(core, postings, cluster.articles - figureless, units):
        unit = units[i]
        figures = [v for v in values_in_slot(unit, slot, owner) if v.kind in kinds]
        if not figures or all((slot, v.norm) in given[unit.sentence_key] for v in figures):
            continue
        shared = unit.features & core
        said = evidence(shared, weights)
        # a whole word of the core (受伤 beside a count of people) says what the figure counts
        share = CORE_SHARE
        if unit.article_id in figureless and _names_the_thing(shared, weights):
            share = FIGURELESS_CORE_SHARE
        if said / core_evidence >= share and (said >= MIN_EVIDENCE or any(f[0] in "cx" for f in shared)):
            best[unit.article_id].append((said / core_evidence, i, figures))
    joining: dict[int, tuple[Slot, list[str]]] = {}
    for found in best.values():
        found.sort(key=lambda item: (-item[0], item[1]))
        top = found[0]
        rivals = [f for f in found[1:] if f[0] == top[0] and units[f[1]].sentence.start != units[top[1]].sentence.start]
        if not rivals:
            joining[top[1]] = (slot, [v.norm for v in top[2]])
    return joining


def _names_the_thing(shared: frozenset[str], weights: Weights) -> bool:
    """Whether a unit names an informative name of the fact's core (the model recalled, not
    another model recalled before)."""
    return any(f.startswith("e:") and f in weights.informative for f in shared)


def _core(members: Sequence[Unit], weights: Weights) -> frozenset[str]:
    """The informative features, values aside, that members of two or more outlets hold."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for unit in members:
        by_article[unit.article_id].update(f for f in unit.features & weights.informative if not f.startswith("v:"))
    seen: dict[str, int] = defaultdict(int)
    for feats in by_article.values():
        for feat in feats:
            seen[feat] += 1
    return frozenset(f for f, n in seen.items() if n >= 2)


def _candidates(
    core: frozenset[str], postings: dict[str, list[int]], present: set[str], units: Sequence[Unit]
) -> list[int]:
    """Units of outlets the fact lacks holding an anchor feature of its core."""
    found: set[int] = set()
    for feat in sorted(core):
        posting = postings.get(feat, ())
        if len(posting) <= MAX_POSTING:
            found.update(i for i in posting if units[i].article_id not in present)
    return sorted(found)


FIGURE_KINDS = ("money", "percent", "count")
MIN_FIGURE_DIGITS = 2  # a figure with fewer significant digits (10%, 3万) recurs by chance


def join_equal_figures(clusters: list[Cluster], units: Sequence[Unit]) -> None:
    """A one-outlet figure fact whose figure (4.3%, 22.98万元) a fact of several outlets gives too
    in the same slot is that figure's telling in one more outlet. When the figure is the fact's
    own (its primary slot), the lone telling joins the fact. When it is a second figure of the
    fact's sentences (a launch date with the starting price), the lone telling takes those
    sentences into a fact of that figure: a sentence stating two facts is in both. Clusters are
    changed in place; the fact with most outlets is served first."""
    lone = _lone_figures(clusters, units)
    for _, cluster in _most_told_first(clusters):
        members = [units[i] for i in cluster.members]
        primary = primary_slot(members)
        for slot, by_article in slot_values(members).items():
            if len(by_article) < 2:
                continue
            norms = {v.norm for values in by_article.values() for v in values}
            for other in _matching_lone(lone, slot, norms, cluster.articles):
                if other not in lone:
                    continue
                figure = lone.pop(other)[1]
                home = cluster if slot == primary else clusters[other]
                moved = clusters[other].members if slot == primary else _giving(cluster, units, slot, figure)
                _add(home, moved, units)
                if home is cluster:
                    clusters[other].members, clusters[other].articles = [], set()


def _lone_figures(clusters: Sequence[Cluster], units: Sequence[Unit]) -> dict[int, tuple[Slot, str, str]]:
    """Cluster -> (slot, figure) of each fact one sentence of one outlet tells with one specific
    figure of its primary slot."""
    lone: dict[int, tuple[Slot, str, str]] = {}
    for cid, cluster in enumerate(clusters):
        if cluster.values or len(cluster.articles) != 1:
            continue
        members = [units[i] for i in cluster.members]
        if len({u.sentence_key for u in members}) != 1:
            continue
        slot = primary_slot(members)
        if slot is None or slot[0] not in FIGURE_KINDS:
            continue
        figures = {v.norm for v in slot_values(members)[slot][members[0].article_id]}
        if len(figures) == 1:
            (figure,) = figures
            if _specific(figure):
                lone[cid] = (slot, figure, members[0].article_id)
    return lone


def _specific(norm: str) -> bool:
    digits = "".join(ch for ch in norm.split()[0] if ch.isdigit()).strip("0")
    return len(digits) >= MIN_FIGURE_DIGITS


def _matching_lone(
    lone: dict[int, tuple[Slot, str, str]], slot: Slot, norms: set[str], articles: set[str]
) -> list[int]:
    """The lone tellings, by outlets the fact lacks, of one of its figures of the slot."""
    return [
        cid for cid, (s, figure, aid) in sorted(lone.items()) if s == slot and figure in norms and aid not in articles
    ]


def _giving(cluster: Cluster, units: Sequence[Unit], slot: Slot, figure: str) -> list[int]:
    """The members giving this figure of the slot."""
    return [i for i in cluster.members if any(v.norm == figure for v in values_in_slot(units[i], slot, None))]


def _add(cluster: Cluster, moved: Sequence[int], units: Sequence[Unit]) -> None:
    for i in moved:
        if i not in cluster.members:
            cluster.members.append(i)
            cluster.articles.add(units[i].article_id)
