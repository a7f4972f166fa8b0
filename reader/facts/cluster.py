"""Group units of different articles that state the same fact, in near-linear time.

Blocking: an inverted index from *anchor* features (a specific date, a rare name, concept, bigram
or quoted phrase: features shared by several articles yet rare within each) to the clusters
holding them. Each unit, taken in a fixed order, is compared only with a few members of the
clusters its anchors point to, and joins the most similar one when the similarity clears a
threshold, else starts a cluster of its own. The work per unit is bounded, so the whole pass is
linear in the number of units, never all pairs of sentences.

Similarity is a cosine of IDF-weighted features, over what both sides can share: concepts,
names, quoted phrases and values across languages, plus Han bigrams (Chinese pairs) or words
(English pairs). Two units that give different dates or years for what they describe are
different events unless they share much besides (then they are the same fact in conflict).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.facts.features import CROSS_LANGUAGE_PREFIXES, Unit, document_frequencies

SAME_LANGUAGE_THRESHOLD = 0.30
CROSS_LANGUAGE_THRESHOLD = 0.30
DIFFERENT_TIME_THRESHOLD = 0.45  # without the dates: how alike two units giving different dates must be
MAX_ANCHOR_PER_ARTICLE = 5.0  # a feature in more units per article than this is too common to anchor
MAX_CLUSTERS_PER_ANCHOR = 24
ONE_SIDE_DATED_THRESHOLD = 0.40
SAME_ARTICLE_THRESHOLD = 0.50  # a sentence an article repeats (a lead quoted again) joins its twin
SECOND_FACT_THRESHOLD = 0.50
SECOND_FACT_MARGIN = 0.85
MEMBERS_COMPARED = 6
MEAN_FLOOR = 0.25
MIN_EVIDENCE_WEIGHT = 2.5
MIN_EVIDENCE = 2
_TYPE_WEIGHT = {"c": 1.0, "e": 1.2, "q": 1.5, "b": 0.7, "w": 1.0, "v": 1.3, "s": 2.0}


@dataclass
class Cluster:
    """Units believed to state one fact."""

    members: list[int] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


class Weights:
    """IDF weight of each feature over the story's units, and which features may anchor."""

    def __init__(self, units: Sequence[Unit]) -> None:
        df, articles = document_frequencies(units)
        total = max(1, len(units))
        self.weight = {f: _TYPE_WEIGHT.get(f[0], 1.0) * math.log(1 + total / n) for f, n in df.items()}
        self.anchors = frozenset(
            f for f, n in df.items() if len(articles[f]) >= 2 and n / len(articles[f]) <= MAX_ANCHOR_PER_ARTICLE
        )

    def norm(self, feats: frozenset[str] | set[str]) -> float:
        return math.sqrt(sum(self.weight[f] ** 2 for f in feats))


def comparable(a: frozenset[str], b: frozenset[str], same_language: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The features of each side that the other could share."""
    if same_language:
        return a, b
    keep = CROSS_LANGUAGE_PREFIXES
    return frozenset(f for f in a if f.startswith(keep)), frozenset(f for f in b if f.startswith(keep))


def cosine(a: frozenset[str], b: frozenset[str], weights: Weights) -> float:
    shared = a & b
    if not shared:
        return 0.0
    top = sum(weights.weight[f] ** 2 for f in shared)
    return top / (weights.norm(a) * weights.norm(b) or 1.0)


def evidence(shared: frozenset[str], weights: Weights) -> int:
    """How many distinct informative things two units share.

    Features too common to inform are skipped; the date, month-day and year of one date count
    once (twice for a day: a specific day is strong evidence), adjacent bigrams of one phrase
    count one per two, a quoted phrase twice.
    """
    informative = [f for f in shared if weights.weight[f] >= MIN_EVIDENCE_WEIGHT]
    times = [f for f in informative if f.startswith(("v:date:", "v:md:", "v:year:"))]
    bigrams = [f for f in informative if f.startswith("b:")]
    rest = [f for f in informative if f not in times and f not in bigrams]
    score = len(bigrams) // 2 + sum(2 if f.startswith("q:") else 1 for f in rest)
    if times:
        score += 2 if any(not f.startswith("v:year:") for f in times) else 1
    return score


def times_disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both give a year (or a day) and they have none in common."""
    for prefix in ("v:year:", "v:md:"):
        ta = {f for f in a if f.startswith(prefix)}
        tb = {f for f in b if f.startswith(prefix)}
        if ta and tb and not ta & tb:
            return True
    return False


def one_side_dated(a: frozenset[str], b: frozenset[str]) -> bool:
    """Only one side says when: it may well be another, earlier event of the same kind."""
    dated_a = any(f.startswith("v:year:") for f in a)
    dated_b = any(f.startswith("v:year:") for f in b)
    return dated_a != dated_b


def pair_score(a: frozenset[str], b: frozenset[str], weights: Weights, threshold: float) -> float:
    """Cosine of two feature sets when it clears ``threshold`` with enough evidence, else 0."""
    if times_disagree(a, b):
        a = frozenset(f for f in a if not f.startswith("v:"))
        b = frozenset(f for f in b if not f.startswith("v:"))
        threshold = max(threshold, DIFFERENT_TIME_THRESHOLD)
    score = cosine(a, b, weights)
    if score < threshold or evidence(a & b, weights) < MIN_EVIDENCE:
        return 0.0
    return score


def raw_similarity(unit: Unit, other: Unit, weights: Weights) -> float:
    """Plain cosine over comparable features (clauses, or whole sentences across languages)."""
    same = unit.english == other.english
    score = cosine(*comparable(unit.features, other.features, same), weights)
    if not same:
        score = max(score, cosine(*comparable(unit.context, other.context, same), weights))
    return score


def similarity(unit: Unit, other: Unit, weights: Weights) -> float:
    """How alike two units are, 0 when below the bar; across languages whole sentences count too,
    because a Chinese clause alone often lacks the context an English sentence carries."""
    same = unit.english == other.english
    threshold = SAME_LANGUAGE_THRESHOLD if same else CROSS_LANGUAGE_THRESHOLD
    if one_side_dated(unit.context, other.context):
        threshold = max(threshold, ONE_SIDE_DATED_THRESHOLD)
    score = pair_score(*comparable(unit.features, other.features, same), weights, threshold)
    if not same:
        context = pair_score(*comparable(unit.context, other.context, same), weights, threshold)
        score = max(score, context)
    return score


def cluster_units(
    units: Sequence[Unit], weights: Weights, progress: Callable[[float], None] | None = None
) -> list[Cluster]:
    """Leader clustering over the inverted anchor index; ``units`` in a deterministic order."""
    clusters: list[Cluster] = []
    index: dict[str, list[int]] = defaultdict(list)
    step = max(1, len(units) // 20)
    for i, unit in enumerate(units):
        anchors = sorted(f for f in unit.features if f in weights.anchors)
        scores = _candidate_scores(unit, anchors, units, clusters, index, weights)
        joined = _clusters_to_join(unit, scores, clusters)
        if not joined:
            joined = [len(clusters)]
            clusters.append(Cluster())
        for cid in joined:
            clusters[cid].members.append(i)
            clusters[cid].articles.add(unit.article_id)
            for feat in anchors:
                posting = index[feat]
                if cid not in posting:
                    posting.append(cid)
        if progress and i % step == 0:
            progress(i / max(1, len(units)))
    return clusters


def _clusters_to_join(unit: Unit, scores: dict[int, float], clusters: list[Cluster]) -> list[int]:
    """The best cluster, and others the unit also clearly states (a sentence may state several
    facts), among those its article is not in yet."""
    if not scores:
        return []
    best = max(sorted(scores), key=lambda cid: scores[cid])
    also = [
        cid
        for cid in sorted(scores)
        if cid != best
        and scores[cid] >= max(SECOND_FACT_THRESHOLD, SECOND_FACT_MARGIN * scores[best])
        and unit.article_id not in clusters[cid].articles
    ]
    return [best, *also]


def _candidate_scores(
    unit: Unit,
    anchors: list[str],
    units: Sequence[Unit],
    clusters: list[Cluster],
    index: dict[str, list[int]],
    weights: Weights,
) -> dict[int, float]:
    """Clusters sharing an anchor with the unit, and the unit's best similarity to a few members."""
    candidates: set[int] = set()
    for feat in anchors:
        posting = index.get(feat, ())
        if len(posting) <= MAX_CLUSTERS_PER_ANCHOR:
            candidates.update(posting)
    scores: dict[int, float] = {}
    for cid in sorted(candidates):
        score = _score_against(unit, clusters[cid], units, weights)
        if score > 0:
            scores[cid] = score
    return scores


def _score_against(unit: Unit, cluster: Cluster, units: Sequence[Unit], weights: Weights) -> float:
    others = [m for m in cluster.members if units[m].article_id != unit.article_id][:MEMBERS_COMPARED]
    score = max((similarity(unit, units[m], weights) for m in others), default=0.0)
    # average linkage on top of the best pair: a unit like only one member of a mixed cluster
    # does not chain two facts together
    if score and sum(raw_similarity(unit, units[m], weights) for m in others) / len(others) < MEAN_FLOOR:
        score = 0.0
    twins = [m for m in cluster.members if units[m].article_id == unit.article_id][:MEMBERS_COMPARED]
    for m in twins:
        score = max(score, pair_score(unit.features, units[m].features, weights, SAME_ARTICLE_THRESHOLD))
    return score
