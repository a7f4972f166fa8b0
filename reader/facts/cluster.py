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
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.facts.features import CROSS_LANGUAGE_PREFIXES, Unit, document_frequencies

SAME_LANGUAGE_THRESHOLD = 0.30
CROSS_LANGUAGE_THRESHOLD = 0.30
DIFFERENT_TIME_THRESHOLD = 0.20  # without the dates: how alike two units giving different dates must be
DIFFERENT_TIME_EVIDENCE = 4  # ... and how many informative things they must share
MAX_ANCHOR_PER_ARTICLE = 5.0  # a feature in more units per article than this is too common to anchor
MAX_CLUSTERS_PER_ANCHOR = 24
ONE_SIDE_DATED_THRESHOLD = 0.40
SAME_ARTICLE_THRESHOLD = 0.50  # a sentence an article repeats (a lead quoted again) joins its twin
SECOND_FACT_THRESHOLD = 0.50
SECOND_FACT_MARGIN = 0.85
MEMBERS_COMPARED = 4
CANDIDATES_PER_UNIT = 8
MEAN_FLOOR = 0.25
INFORMATIVE_SHARE = 0.4  # of the highest IDF a feature can have in the story
MIN_EVIDENCE = 2
_TYPE_WEIGHT = {"c": 1.0, "e": 1.2, "q": 1.5, "b": 0.7, "w": 1.0, "v": 1.3, "s": 2.0}


@dataclass
class Cluster:
    """Units believed to state one fact."""

    members: list[int] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class View:
    """A feature set with what comparisons need precomputed (its norm, its years and days)."""

    feats: frozenset[str]
    norm: float
    years: frozenset[str]
    days: frozenset[str]


class Weights:
    """IDF weight of each feature over the story's units, and which features may anchor."""

    def __init__(self, units: Sequence[Unit]) -> None:
        df, articles = document_frequencies(units)
        total = max(1, len(units))
        self.idf = {f: math.log(1 + total / n) for f, n in df.items()}
        self.weight = {f: _TYPE_WEIGHT.get(f[0], 1.0) * idf for f, idf in self.idf.items()}
        # "informative" is relative to the story's size: in a short story every word is frequent
        self.informative_idf = INFORMATIVE_SHARE * math.log(1 + total)
        self.anchors = frozenset(
            f for f, n in df.items() if len(articles[f]) >= 2 and n / len(articles[f]) <= MAX_ANCHOR_PER_ARTICLE
        )
        self._views: dict[tuple[frozenset[str], str], View] = {}

    def view(self, feats: frozenset[str], keep: str = "all") -> View:
        """``feats`` (``keep="cross"``: only what compares across languages; ``"timeless"``: no
        values), with its norm, years and days; cached, as every unit is compared many times."""
        cached = self._views.get((feats, keep))
        if cached is None:
            kept = feats
            if keep == "cross":
                kept = frozenset(f for f in feats if f.startswith(CROSS_LANGUAGE_PREFIXES))
            elif keep == "timeless":
                kept = frozenset(f for f in feats if not f.startswith("v:"))
            cached = View(
                kept,
                math.sqrt(sum(self.weight[f] ** 2 for f in kept)),
                frozenset(f for f in kept if f.startswith("v:year:")),
                frozenset(f for f in kept if f.startswith("v:md:")),
            )
            self._views[(feats, keep)] = cached
        return cached


def cosine(a: View, b: View, weights: Weights) -> float:
    shared = a.feats & b.feats
    if not shared:
        return 0.0
    return sum(weights.weight[f] ** 2 for f in shared) / (a.norm * b.norm or 1.0)


def evidence(shared: frozenset[str], weights: Weights) -> int:
    """How many distinct informative things two units share.

    Features too common to inform are skipped; the date, month-day and year of one date count
    once (twice for a day: a specific day is strong evidence), adjacent bigrams of one phrase
    count one per two, a quoted phrase twice.
    """
    informative = [f for f in shared if weights.idf[f] >= weights.informative_idf]
    times = [f for f in informative if f.startswith(("v:date:", "v:md:", "v:year:"))]
    bigrams = [f for f in informative if f.startswith("b:")]
    rest = [f for f in informative if f not in times and f not in bigrams]
    score = len(bigrams) // 2 + sum(2 if f.startswith("q:") else 1 for f in rest)
    if times:
        score += 2 if any(not f.startswith("v:year:") for f in times) else 1
    return score


def times_disagree(a: View, b: View) -> bool:
    """Both give a year (or a day) and they have none in common."""
    return bool(a.years and b.years and not a.years & b.years) or bool(a.days and b.days and not a.days & b.days)


def pair_score(a: View, b: View, weights: Weights, threshold: float) -> float:
    """Cosine of two feature sets when it clears ``threshold`` with enough evidence, else 0."""
    needed = MIN_EVIDENCE
    if times_disagree(a, b):
        # the same slot with different dates, or two events: only much shared besides says "same"
        a, b = weights.view(a.feats, "timeless"), weights.view(b.feats, "timeless")
        threshold = min(threshold, DIFFERENT_TIME_THRESHOLD)
        needed = DIFFERENT_TIME_EVIDENCE
    score = cosine(a, b, weights)
    if score < threshold or evidence(a.feats & b.feats, weights) < needed:
        return 0.0
    return score


def _views(unit: Unit, other: Unit, weights: Weights) -> list[tuple[View, View]]:
    """Clause against clause; across languages also sentence against sentence, because a
    Chinese clause alone often lacks the context an English sentence carries."""
    if unit.english == other.english:
        return [(weights.view(unit.features), weights.view(other.features))]
    return [
        (weights.view(unit.features, "cross"), weights.view(other.features, "cross")),
        (weights.view(unit.context, "cross"), weights.view(other.context, "cross")),
    ]


def similarity(unit: Unit, other: Unit, weights: Weights) -> tuple[float, float]:
    """``(plain cosine, score)`` of two units; the score is 0 below the bar for their kind."""
    threshold = SAME_LANGUAGE_THRESHOLD if unit.english == other.english else CROSS_LANGUAGE_THRESHOLD
    context_a, context_b = weights.view(unit.context), weights.view(other.context)
    if bool(context_a.years) != bool(context_b.years):
        # only one side says when: it may well be another, earlier event of the same kind
        threshold = max(threshold, ONE_SIDE_DATED_THRESHOLD)
    raw = score = 0.0
    for a, b in _views(unit, other, weights):
        raw = max(raw, cosine(a, b, weights))
        score = max(score, pair_score(a, b, weights, threshold))
    return raw, score


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
    votes: Counter[int] = Counter()
    for feat in anchors:
        posting = index.get(feat, ())
        if len(posting) <= MAX_CLUSTERS_PER_ANCHOR:
            votes.update({cid: weights.weight[feat] for cid in posting})
    # the clusters sharing the most anchor weight; a fixed number keeps the work per unit bounded
    candidates = sorted(votes, key=lambda cid: (-votes[cid], cid))[:CANDIDATES_PER_UNIT]
    scores: dict[int, float] = {}
    for cid in sorted(candidates):
        score = _score_against(unit, clusters[cid], units, weights)
        if score > 0:
            scores[cid] = score
    return scores


def _score_against(unit: Unit, cluster: Cluster, units: Sequence[Unit], weights: Weights) -> float:
    others = [m for m in cluster.members if units[m].article_id != unit.article_id][:MEMBERS_COMPARED]
    pairs = [similarity(unit, units[m], weights) for m in others]
    score = max((s for _, s in pairs), default=0.0)
    # average linkage on top of the best pair: a unit like only one member of a mixed cluster
    # does not chain two facts together
    if score and sum(max(raw, passed) for raw, passed in pairs) / len(pairs) < MEAN_FLOOR:
        score = 0.0
    twins = [m for m in cluster.members if units[m].article_id == unit.article_id][:MEMBERS_COMPARED]
    mine = weights.view(unit.features)
    for m in twins:
        score = max(score, pair_score(mine, weights.view(units[m].features), weights, SAME_ARTICLE_THRESHOLD))
    return score
