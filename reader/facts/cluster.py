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
from typing import Any

from reader.facts.attribution import sentence_sources
from reader.facts.features import CROSS_LANGUAGE_PREFIXES, WORD_PREFIXES, Unit, concept_kind, document_frequencies
from reader.facts.lexicon import counted_concept

SAME_LANGUAGE_THRESHOLD = 0.30
CROSS_LANGUAGE_THRESHOLD = 0.30
DIFFERENT_TIME_THRESHOLD = 0.20  # without the dates: how alike two units giving different dates must be
DIFFERENT_TIME_EVIDENCE = 4  # ... and how many informative things they must share
MAX_ANCHOR_PER_ARTICLE = 5.0  # a feature in more units per article than this is too common to anchor
MAX_CLUSTERS_PER_ANCHOR = 24
ONE_SIDE_DATED_THRESHOLD = 0.40
SAME_ARTICLE_THRESHOLD = 0.50  # a sentence an article repeats (a lead quoted again) joins its twin
REPEAT_THRESHOLD = 0.90  # ... and this alike, it is a repeat whatever the two share
SECOND_FACT_THRESHOLD = 0.40
SECOND_FACT_MARGIN = 0.75
MEMBERS_COMPARED = 4
REPRESENTATIVES = 6  # members of other outlets a unit is compared with per candidate fact: bounds the work
PER_OUTLET = 2  # ... of each outlet: the anchor claim and one more telling
MANY_OUTLETS = 4  # a fact told by this many other outlets is sampled by one member of each of the first ones
CANDIDATES_PER_UNIT = 6
MEAN_FLOOR = 0.28  # how alike, on average, a joining unit must be to the members compared
INFORMATIVE_SHARE = 0.4  # of the highest IDF a feature can have in the story
MIN_EVIDENCE = 2
# two dictionary words alone ("clear" and "record", "information" and "future") are common words
# two sentences share by chance unless they say little else: they anchor a link across languages
# only when they make up most of what both sides say
WORDS_ANCHOR_THRESHOLD = 0.5
RARE_SHARE = 0.6  # of the highest IDF: a name or concept this rare can anchor a fact
RARE_PHRASE_BIGRAMS = 4  # shared rare Han bigrams that make a phrase specific enough to anchor
RARE_PHRASE_WORDS = 3
RARE_COMBINATION = 3  # informative concepts that, together, are specific enough to anchor
COHERENCE_FLOOR = 0.12  # raw cosine a joining unit needs with every compared member of other outlets
FAR_APART_RATIO = 5.0  # two counts of one slot this far apart are counts of different things
MAX_SENTENCES_PER_ARTICLE = 2
BRIDGE_MEAN_FLOOR = 0.18  # how alike, on average, two clusters a unit bridges must be
TRANSLATED_NORM_SHARE = 0.25
_PAIR_BASE = 1 << 32  # more units than any story has: a pair key is one number * base + the other
_TIME_PREFIXES = ("v:date:", "v:md:", "v:year:")
_TYPE_WEIGHT = {"c": 1.0, "e": 1.2, "q": 1.5, "b": 0.7, "w": 1.0, "v": 1.3, "s": 2.0, "x": 1.0}


@dataclass
class Cluster:
    """Units believed to state one fact."""

    members: list[int] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    label: str | None = None  # a fact founded on a key (``keyed``) says what the key is
    status: str | None = None  # ... and, when the key decides it, agree or conflict
    values: dict[int, Any] = field(default_factory=dict)  # ... and each member's value


@dataclass(frozen=True)
class View:
    """A feature set with what comparisons need precomputed (its norm, its years and days)."""

    feats: frozenset[str]
    norm: float
    years: frozenset[str]
    days: frozenset[str]
    translated: bool = False  # an English unit's dictionary words: many per English word


class UnitViews(dict):
    """The views of one unit, by ``"features:KEEP"`` or ``"context:KEEP"``, made on first use:
    every unit is compared with dozens of others, each comparison taking several views."""

    def __init__(self, unit: Unit, weights: Weights) -> None:
        super().__init__()
        self.unit = unit
        self.weights = weights

    def __missing__(self, key: str) -> View:
        part, keep = key.split(":")
        made = self[key] = self.weights.view(getattr(self.unit, part), keep)
        return made


class Weights:
    """IDF weight of each feature over the story's units, and which features may anchor."""

    def __init__(self, units: Sequence[Unit]) -> None:
        df, articles = document_frequencies(units)
        total = max(1, len(units))
        self.idf = {f: math.log(1 + total / n) for f, n in df.items()}
        self.weight = {f: _TYPE_WEIGHT.get(f[0], 1.0) * idf for f, idf in self.idf.items()}
        self.squared = {f: w * w for f, w in self.weight.items()}
        # "informative" is relative to the story's size: in a short story every word is frequent
        self.informative_idf = INFORMATIVE_SHARE * math.log(1 + total)
        self.rare_idf = RARE_SHARE * math.log(1 + total)
        # as sets, so what two units share that informs is one C-level intersection per comparison
        self.informative = frozenset(f for f, idf in self.idf.items() if idf >= self.informative_idf)
        self.rare = frozenset(f for f, idf in self.idf.items() if idf >= self.rare_idf)
        self.anchors = frozenset(
            f for f, n in df.items() if len(articles[f]) >= 2 and n / len(articles[f]) <= MAX_ANCHOR_PER_ARTICLE
        )
        self._views: dict[str, dict[frozenset[str], View]] = defaultdict(dict)
        self._unit_views: dict[int, UnitViews] = {}  # by id: the value keeps its unit alive
        # every pair of units is compared many times (candidates, coherence, bridging, trimming);
        # a pair is keyed by one small int made of the two units' numbers, as a big story compares
        # over a hundred thousand pairs and a tuple of ids per pair would weigh tens of megabytes
        self.similarities: dict[int, tuple[float, float]] = {}
        self._numbers: dict[int, int] = {}  # id(unit) -> its number, given on first comparison
        self._numbered: list[Unit] = []  # keeps numbered units alive, so their ids are not reused
        self.sources = sentence_sources(units)

    def pair_key(self, unit: Unit, other: Unit) -> int:
        """One int for an ordered pair of units, the same every time this alignment asks."""
        return self._number(unit) * _PAIR_BASE + self._number(other)

    def _number(self, unit: Unit) -> int:
        found = self._numbers.get(id(unit))
        if found is None:
            found = self._numbers[id(unit)] = len(self._numbered)
            self._numbered.append(unit)
        return found

    def views_of(self, unit: Unit) -> UnitViews:
        """The views of a unit's features and context, each made once."""
        found = self._unit_views.get(id(unit))
        if found is None:
            found = self._unit_views[id(unit)] = UnitViews(unit, self)
        return found

    def view(self, feats: frozenset[str], keep: str = "all") -> View:
        """``feats`` (``keep="all"``: all but dictionary words; ``"cross"``: only what compares
        across languages; ``"words"``: that and dictionary words; ``"timeless"``: no values),
        with its norm, years and days; cached, as every unit is compared many times."""
        by_feats = self._views[keep]
        cached = by_feats.get(feats)
        if cached is None:
            kept = feats
            if keep == "all":
                kept = frozenset(f for f in feats if not f.startswith("x:"))
            elif keep in ("words", "translated"):
                kept = frozenset(f for f in feats if f.startswith(WORD_PREFIXES))
            elif keep == "cross":
                kept = frozenset(f for f in feats if f.startswith(CROSS_LANGUAGE_PREFIXES))
            elif keep == "timeless":
                kept = frozenset(f for f in feats if not f.startswith("v:"))
            elif keep == "figureless":
                kept = frozenset(f for f in feats if not f.startswith(("v:", "s:")))
            # an English word translates to several Chinese words of the story, of which a Chinese
            # sentence says one: the dictionary words of an English unit weigh less in its norm
            share = TRANSLATED_NORM_SHARE if keep == "translated" else 1.0
            cached = View(
                kept,
                math.sqrt(sum(self.squared[f] * (share if f[0] == "x" else 1.0) for f in kept)),
                frozenset(f for f in kept if f.startswith("v:year:")),
                frozenset(f for f in kept if f.startswith("v:md:")),
                keep == "translated",
            )
            by_feats[feats] = cached
        return cached


def cosine(a: View, b: View, weights: Weights) -> float:
    shared = a.feats & b.feats
    if not shared:
        return 0.0
    squared = weights.squared
    return sum([squared[f] for f in shared]) / (a.norm * b.norm or 1.0)


def evidence(shared: frozenset[str], weights: Weights) -> int:
    """How many distinct informative things two units share.

    Features too common to inform are skipped; the date, month-day and year of one date count
    once (twice for a day: a specific day is strong evidence), adjacent bigrams of one phrase
    count one per two, a quoted phrase twice.
    """
    bigrams = score = 0
    dated = day = False
    for f in shared & weights.informative:
        if f.startswith(_TIME_PREFIXES):
            dated = True
            day = day or not f.startswith("v:year:")
        elif f[0] == "b":
            bigrams += 1
        else:
            score += 2 if f[0] == "q" else 1
    score += bigrams // 2
    if dated:
        score += 2 if day else 1
    return score


def has_anchor(shared: frozenset[str], weights: Weights, *, word_pair: bool = True) -> bool:
    """Whether two units share something specific enough to found a fact on: a value other
    than a bare year, the slot of a counted value, a quoted phrase, a rare name, rare concepts
    one of which says what happened or is so, or a rare phrase (several rare bigrams or words).
    One generic concept (a "price", a "comment"), things alone (prices, schedules, competitors:
    the themes of commentary) or a year alone are not a fact. ``word_pair``: whether two dictionary
    words, one of them rare, may anchor (see ``WORDS_ANCHOR_THRESHOLD``)."""
    informative = shared & weights.informative
    kinds = dict.fromkeys("bcqsvwx", 0)
    for f in informative:
        if f[0] == "v" and not f.startswith("v:year:"):
            return True
        kinds[f[0]] = kinds.get(f[0], 0) + 1
    rare_kinds = {f[0] for f in informative & weights.rare}
    if kinds["q"] or kinds["s"] or "e" in rare_kinds:
        return True
    if kinds["v"] and (kinds["c"] or kinds["b"] >= 2 or kinds["w"]):
        return True  # a year with something it is the year of
    phrase = kinds["b"] >= RARE_PHRASE_BIGRAMS or kinds["w"] >= RARE_PHRASE_WORDS or kinds["x"] >= RARE_PHRASE_WORDS
    if phrase or (word_pair and kinds["x"] >= 2 and "x" in rare_kinds):
        return True
    if kinds.get("e") and any(f[0] == "c" and _is_predicate(f[2:]) for f in informative & weights.rare):
        return True  # a rare predicate or quality said of a name both name: Lei Jun's favourite
    # concepts found a fact when together they are specific and one says what happened (a title's
    # words, "general manager of the marketing department", describe someone, they state nothing)
    concepts = kinds["c"] >= RARE_COMBINATION or (kinds["c"] >= 2 and "c" in rare_kinds)
    if not concepts:
        return False
    return any(f[0] == "c" and _is_predicate(f[2:]) for f in informative)


def only_a_date(shared: frozenset[str], weights: Weights) -> bool:
    """Whether all two units share that informs is a date: a day on which each says something
    else happened (flights cancelled on the day of a landfall) is not one fact."""
    informative = shared & weights.informative
    return bool(informative) and all(f.startswith(_TIME_PREFIXES) for f in informative)


def _is_predicate(cid: str) -> bool:
    return concept_kind(cid) in ("event", "attr")


def times_disagree(a: View, b: View) -> bool:
    """Both give a year (or a day) and they have none in common."""
    return bool(a.years and b.years and not a.years & b.years) or bool(a.days and b.days and not a.days & b.days)


def pair_score(a: View, b: View, weights: Weights, threshold: float, plain: float | None = None) -> float:
    """Cosine of two feature sets when it clears ``threshold`` with enough evidence, else 0.
    ``plain``: their cosine, when the caller has it already."""
    needed = MIN_EVIDENCE
    if times_disagree(a, b):
        plain = None
        # the same slot with different dates, or two events: only the same happening (an event
        # concept both name) with much shared besides says "same"
        if not any(f.startswith("c:") and concept_kind(f[2:]) == "event" for f in a.feats & b.feats):
            return 0.0
        a, b = weights.view(a.feats, "timeless"), weights.view(b.feats, "timeless")
        threshold = min(threshold, DIFFERENT_TIME_THRESHOLD)
        needed = DIFFERENT_TIME_EVIDENCE
    score = cosine(a, b, weights) if plain is None else plain
    shared = a.feats & b.feats
    if score < threshold or evidence(shared, weights) < needed:
        return 0.0
    # within Chinese, two shared words are one short phrase (最终还是): the bigrams judge that
    word_pair = (a.translated or b.translated) and score >= WORDS_ANCHOR_THRESHOLD
    if not has_anchor(shared, weights, word_pair=word_pair):
        return 0.0
    return score


def _views(unit: Unit, other: Unit, weights: Weights) -> list[tuple[View, View]]:
    """Clause against clause; across languages also sentence against sentence, because a
    Chinese clause alone often lacks the context an English sentence carries. Chinese and
    cross-language pairs are also compared word by word through the dictionary (``x:``)."""
    mine_views, their_views = weights.views_of(unit), weights.views_of(other)
    if unit.english and other.english:
        return [(mine_views["features:all"], their_views["features:all"])]
    if unit.english == other.english:
        return [
            (mine_views["features:all"], their_views["features:all"]),
            (mine_views["features:words"], their_views["features:words"]),
        ]
    mine, theirs = ("translated", "words") if unit.english else ("words", "translated")
    views = [(mine_views["features:cross"], their_views["features:cross"])]
    views.append((mine_views["features:" + mine], their_views["features:" + theirs]))
    if _context_helps(unit, other, weights) and _context_helps(other, unit, weights):
        views.append((mine_views["context:cross"], their_views["context:cross"]))
        views.append((mine_views["context:" + mine], their_views["context:" + theirs]))
    return views


def _clause_views(unit: Unit, other: Unit, weights: Weights) -> list[tuple[View, View]]:
    """Each clause of a long English sentence against a Chinese unit, unless only one side says
    when: a short clause matched alone may then belong to another, dated event."""
    views: list[tuple[View, View]] = []
    if (unit.english and other.english) or not (unit.clauses or other.clauses):
        return views
    if unit.english == other.english:
        return _phrase_views(unit, other, weights)
    mine, theirs = ("translated", "words") if unit.english else ("words", "translated")
    if _dated_alike(unit, other, weights):
        for clause in unit.clauses:
            views.append((weights.view(clause, "cross"), weights.view(other.features, "cross")))
            views.append((weights.view(clause, mine), weights.view(other.features, theirs)))
        for clause in other.clauses:
            views.append((weights.view(unit.features, "cross"), weights.view(clause, "cross")))
            views.append((weights.view(unit.features, mine), weights.view(clause, theirs)))
        # a clause of an English sentence may say just what one phrase of a Chinese clause says
        for clause in unit.clauses:
            views.extend((weights.view(clause, "cross"), weights.view(theirs_, "cross")) for theirs_ in other.clauses)
    return views


def _phrase_views(unit: Unit, other: Unit, weights: Weights) -> list[tuple[View, View]]:
    """Each phrase of a Chinese clause against the other clause, unless only one side says when."""
    views: list[tuple[View, View]] = []
    if _dated_alike(unit, other, weights):
        for clause in unit.clauses:
            views.append((weights.view(clause), weights.view(other.features)))
            views.append((weights.view(clause, "words"), weights.view(other.features, "words")))
        for clause in other.clauses:
            views.append((weights.view(unit.features), weights.view(clause)))
            views.append((weights.view(unit.features, "words"), weights.view(clause, "words")))
    return views


def _dated_alike(unit: Unit, other: Unit, weights: Weights) -> bool:
    """Both sentences say when, or neither does."""
    return bool(weights.view(unit.context).years) == bool(weights.view(other.context).years)


def _context_helps(unit: Unit, other: Unit, weights: Weights) -> bool:
    """A clause may borrow its neighbours' words only when it says something of the other
    side's claim itself and gives no other date for it: else its neighbours state another fact."""
    own, theirs = weights.views_of(unit)["features:cross"], weights.views_of(other)["context:cross"]
    if times_disagree(own, theirs):
        return False
    return not (own.feats & theirs.feats).isdisjoint(weights.informative)


def similarity(unit: Unit, other: Unit, weights: Weights) -> tuple[float, float]:
    """``(plain cosine, score)`` of two units; the score is 0 below the bar for their kind.
    Memoised per ordered pair for the life of ``weights`` (one alignment)."""
    key = weights.pair_key(unit, other)
    found = weights.similarities.get(key)
    if found is None:
        found = weights.similarities[key] = _similarity(unit, other, weights)
    return found


def _similarity(unit: Unit, other: Unit, weights: Weights) -> tuple[float, float]:
    threshold = SAME_LANGUAGE_THRESHOLD if unit.english == other.english else CROSS_LANGUAGE_THRESHOLD
    context_a, context_b = weights.views_of(unit)["context:all"], weights.views_of(other)["context:all"]
    if bool(context_a.years) != bool(context_b.years):
        # only one side says when: it may well be another, earlier event of the same kind
        threshold = max(threshold, ONE_SIDE_DATED_THRESHOLD)
    raw = score = 0.0
    if _sources_differ(unit, other, weights):
        # the same words from an insider and from a named person are two claims
        return max(cosine(a, b, weights) for a, b in _views(unit, other, weights)), 0.0
    far_apart = amounts_far_apart(unit.context_values or unit.values, other.context_values or other.values)
    if far_apart:
        # 10亿台 and 300,000 units: counts of one kind this far apart count different things
        return max(cosine(a, b, weights) for a, b in _views(unit, other, weights)), 0.0
    raw, score = _best(_views(unit, other, weights), weights, threshold, raw, score)
    if score < SECOND_FACT_THRESHOLD and raw >= COHERENCE_FLOOR:
        # the sentence as a whole is alike but does not match clearly: perhaps one of its clauses does
        raw, score = _best(_clause_views(unit, other, weights), weights, threshold, raw, score)
    return raw, score


def _sources_differ(unit: Unit, other: Unit, weights: Weights) -> bool:
    """Both sentences say whose claim they report, and not the same source."""
    mine = weights.sources.get(unit.sentence_key)
    theirs = weights.sources.get(other.sentence_key)
    return mine is not None and theirs is not None and mine != theirs


def _best(
    pairs: list[tuple[View, View]], weights: Weights, threshold: float, raw: float, score: float
) -> tuple[float, float]:
    """The highest plain cosine and the highest score over ``pairs``, from ``raw`` and ``score``.
    A pair whose cosine cannot beat the score so far is not scored (its score is that cosine or
    0), unless its dates differ, where the score is computed on other views."""
    for a, b in pairs:
        plain = cosine(a, b, weights)
        if plain > raw:
            raw = plain
        if times_disagree(a, b) or (plain > score and plain >= threshold):
            score = max(score, pair_score(a, b, weights, threshold, plain))
    return raw, score


def amounts_far_apart(mine: Sequence[Any], theirs: Sequence[Any]) -> bool:
    """Both give a figure of the same kind counting the same thing, and every pair of them is
    more than ``FAR_APART_RATIO`` apart. Given the values of the units' contexts, as a clause
    compared through its context borrows its neighbours' figures: 涨粉10万 (a target) beside a
    clause on Weibo does not make it a count of two million followers."""
    pairs = [
        (a, b)
        for a in mine
        for b in theirs
        if a.kind in ("count", "money")
        and (a.kind, counted_concept(a.counted) or a.counted) == (b.kind, counted_concept(b.counted) or b.counted)
        and not (a.owner and b.owner and a.owner != b.owner)
        and a.low
        and b.low
    ]
    return bool(pairs) and all(max(a.low, b.low) / min(a.low, b.low) > FAR_APART_RATIO for a, b in pairs)


def cluster_units(
    units: Sequence[Unit], weights: Weights, progress: Callable[[float], None] | None = None
) -> list[Cluster]:
    """Leader clustering over the inverted anchor index; ``units`` in a deterministic order.

    A unit joins a cluster only when it links to the cluster's anchor claim (its first member
    from another outlet) and is not unlike any other member it is compared with, so clusters do
    not chain. A unit that joins none founds a cluster, taking along the earlier units it links
    to (one per outlet, alike among themselves): a sentence stating two facts is then in both.
    Titles and repeated sentences (``Unit.weak``) join clusters but never found one.
    """
    clusters: list[Cluster] = []
    index: dict[str, dict[int, None]] = defaultdict(dict)  # insertion-ordered set of cluster ids
    step = max(1, len(units) // 20)
    for i, unit in enumerate(units):
        if unit.listing:
            continue  # a list of things states none of them
        anchors = sorted(f for f in unit.features if f in weights.anchors)
        scores, links = _candidate_scores(unit, anchors, units, clusters, index, weights)
        joined = _clusters_to_join(unit, scores, clusters)
        if joined:
            for cid in _bridged(unit, joined[0], scores, clusters, units, weights):
                _merge(clusters, cid, joined[0], units, weights, index)
        members = [i]
        if not joined:
            if unit.weak:
                continue
            joined = [len(clusters)]
            clusters.append(Cluster())
            members += _backfill(unit, links, units, weights)
        for cid in joined:
            for m in members:
                clusters[cid].members.append(m)
                clusters[cid].articles.add(units[m].article_id)
            for m in members:
                for feat in sorted(f for f in units[m].features if f in weights.anchors):
                    index[feat][cid] = None
        if progress and i % step == 0:
            progress(i / max(1, len(units)))
    for cluster in clusters:
        cluster.members.sort()
        trim(cluster, units, weights)
    return clusters


def _bridged(
    unit: Unit, best: int, scores: dict[int, float], clusters: list[Cluster], units: Sequence[Unit], weights: Weights
) -> list[int]:
    """Clusters of other outlets the unit links to besides its best one, when they are the same
    fact told by outlets that came earlier than the unit and could not link to each other (one
    gives a year, the other none): every member alike enough to the best cluster's members."""
    target = clusters[best]
    bridged = []
    for cid in sorted(scores):
        other = clusters[cid]
        if cid == best or not other.members or other.articles & (target.articles | {unit.article_id}):
            continue
        if len(other.members) > 2 * MEMBERS_COMPARED or scores[cid] < CROSS_LANGUAGE_THRESHOLD:
            continue
        compared = target.members[:MEMBERS_COMPARED]
        pairs = [similarity(units[a], units[b], weights)[0] for a in other.members for b in compared]
        if pairs and min(pairs) >= COHERENCE_FLOOR and sum(pairs) / len(pairs) >= BRIDGE_MEAN_FLOOR:
            bridged.append(cid)
            target = Cluster(target.members + other.members, target.articles | other.articles)
    return bridged


def _merge(
    clusters: list[Cluster],
    source: int,
    target: int,
    units: Sequence[Unit],
    weights: Weights,
    index: dict[str, dict[int, None]],
) -> None:
    """Move the members of cluster ``source`` into ``target``; the emptied cluster stays indexed."""
    for m in clusters[source].members:
        clusters[target].members.append(m)
        clusters[target].articles.add(units[m].article_id)
        for feat in sorted(f for f in units[m].features if f in weights.anchors):
            index[feat][target] = None
    clusters[source].members = []
    clusters[source].articles = set()


def _backfill(unit: Unit, links: dict[int, float], units: Sequence[Unit], weights: Weights) -> list[int]:
    """The earlier units a new cluster's founder links to: the best of each outlet, strongest
    first, each alike enough to those already taken."""
    taken: list[int] = []
    seen_articles = {unit.article_id}
    for m in sorted(links, key=lambda m: (-links[m], m)):
        other = units[m]
        if other.article_id in seen_articles or other.weak:
            continue
        if only_a_date(unit.features & other.features, weights):
            continue  # a day on which each says something else happened
        if all(similarity(other, units[t], weights)[0] >= COHERENCE_FLOOR for t in taken):
            taken.append(m)
            seen_articles.add(other.article_id)
    return taken


def trim(cluster: Cluster, units: Sequence[Unit], weights: Weights) -> None:
    """At most ``MAX_SENTENCES_PER_ARTICLE`` sentences per outlet: those most like the other
    outlets' members (an article repeating a claim keeps its clearest statements)."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for m in cluster.members:
        by_article[units[m].article_id].append(m)
    dropped: set[int] = set()
    for article, mine in by_article.items():
        sentences = {units[m].sentence.start for m in mine}
        if len(sentences) <= MAX_SENTENCES_PER_ARTICLE:
            continue
        others = [m for m in cluster.members if units[m].article_id != article][: 2 * MEMBERS_COMPARED]
        fit: dict[int, float] = defaultdict(float)
        for m in mine:
            closeness = sum(similarity(units[m], units[o], weights)[0] for o in others)
            fit[units[m].sentence.start] = max(fit[units[m].sentence.start], closeness)
        kept = sorted(fit, key=lambda start: (-fit[start], start))[:MAX_SENTENCES_PER_ARTICLE]
        dropped.update(m for m in mine if units[m].sentence.start not in kept)
    cluster.members = [m for m in cluster.members if m not in dropped]


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
    ]
    return [best, *also]


def _candidate_scores(
    unit: Unit,
    anchors: list[str],
    units: Sequence[Unit],
    clusters: list[Cluster],
    index: dict[str, dict[int, None]],
    weights: Weights,
) -> tuple[dict[int, float], dict[int, float]]:
    """Clusters sharing an anchor with the unit and the unit's score against each (0 when it may
    not join), and the members of other outlets it links to on its own."""
    votes: dict[int, float] = {}
    for feat in anchors:
        posting = index.get(feat, ())
        if len(posting) <= MAX_CLUSTERS_PER_ANCHOR:
            weight = weights.weight[feat]
            for cid in posting:
                votes[cid] = weight + votes.get(cid, 0)
    # the clusters sharing the most anchor weight; a fixed number keeps the work per unit bounded
    candidates = sorted(votes, key=lambda cid: (-votes[cid], cid))[:CANDIDATES_PER_UNIT]
    scores: dict[int, float] = {}
    links: dict[int, float] = {}
    for cid in sorted(candidates):
        score = _score_against(unit, clusters[cid], units, weights, links)
        if score > 0:
            scores[cid] = score
    return scores, links


def _representatives(cluster: Cluster, units: Sequence[Unit], article_id: str) -> list[int]:
    """The first two members of each other outlet (the anchor claim first), a bounded number.
    When ``MANY_OUTLETS`` other outlets tell the fact, the first member of each of the first
    ``MANY_OUTLETS`` is sample enough: the majority vote then spans more outlets, and the work
    per unit stops growing with the story as its facts gather outlets."""
    others = len(cluster.articles) - (article_id in cluster.articles)
    per_outlet, limit = (1, MANY_OUTLETS) if others >= MANY_OUTLETS else (PER_OUTLET, REPRESENTATIVES)
    seen: dict[str, int] = {}
    chosen = []
    for m in cluster.members:
        article = units[m].article_id
        taken = seen.get(article, 0)
        if article != article_id and taken < per_outlet:
            seen[article] = taken + 1
            chosen.append(m)
            if len(chosen) == limit:
                break
    return chosen


def _unlike_its_telling(unit: Unit, twins: list[int], units: Sequence[Unit], weights: Weights) -> bool:
    """Whether the unit's article tells the cluster's fact already in other sentences, each
    unlike the unit. Joined with a link through one phrase or clause of a member only, the unit
    then matches what else that member says, not the fact its article told."""
    told = [m for m in twins if units[m].sentence.start != unit.sentence.start]
    return bool(told) and all(_alike(unit, units[m], weights) < COHERENCE_FLOOR for m in told)


def _dated_only(
    unit: Unit,
    twins: list[int],
    others: list[int],
    pairs: list[tuple[float, float]],
    units: Sequence[Unit],
    weights: Weights,
) -> bool:
    """Whether the unit's article tells the fact in another sentence already and the unit links
    to the other outlets through a date alone: it says what else happened that day (flights
    cancelled on the day of a landfall)."""
    if not any(units[m].sentence.start != unit.sentence.start for m in twins):
        return False
    linked = [m for m, (_, passed) in zip(others, pairs, strict=True) if passed > 0]
    return bool(linked) and all(only_a_date(unit.features & units[m].features, weights) for m in linked)


def _links_whole(unit: Unit, other: Unit, weights: Weights) -> bool:
    """Whether two Chinese units link as wholes, not only through a phrase of one of them
    (across languages, a clause of an English sentence is how most links are found)."""
    if unit.english or other.english:
        return True
    return _best(_views(unit, other, weights), weights, SAME_LANGUAGE_THRESHOLD, 0.0, 0.0)[1] > 0


def _alike(unit: Unit, other: Unit, weights: Weights) -> float:
    """How alike two units are for coherence: the plain cosine of the units or of their
    contexts (a clause and its neighbours), whichever is higher."""
    raw, passed = similarity(unit, other, weights)
    return max(raw, passed, cosine(weights.view(unit.context), weights.view(other.context), weights))


def _score_against(
    unit: Unit, cluster: Cluster, units: Sequence[Unit], weights: Weights, links: dict[int, float]
) -> float:
    """The unit's link to the cluster's anchor claim, when it is not unlike the other members
    compared; ``links`` collects every member of another outlet it links to."""
    others = _representatives(cluster, units, unit.article_id)
    pairs = [similarity(unit, units[m], weights) for m in others]
    for m, (_, passed) in zip(others, pairs, strict=True):
        if passed > 0:
            links[m] = max(links.get(m, 0.0), passed)
    score = max((passed for _, passed in pairs), default=0.0)
    if score:
        # majority linkage: it states the claim of most outlets already there, and is not unlike
        # the rest on average, so a sentence like one member only cannot chain two facts
        linked = {units[m].article_id for m, (_, passed) in zip(others, pairs, strict=True) if passed > 0}
        outlets = {units[m].article_id for m in others}
        alike = [max(raw, passed) if raw >= COHERENCE_FLOOR else _alike(unit, units[m], weights)
                 for m, (raw, passed) in zip(others, pairs, strict=True)]  # fmt: skip
        if 2 * len(linked) < len(outlets) or sum(alike) / len(alike) < MEAN_FLOOR:
            score = 0.0
    twins = []
    if unit.article_id in cluster.articles:  # else no member is of its article: skip the scan
        twins = [m for m in cluster.members if units[m].article_id == unit.article_id][:MEMBERS_COMPARED]
    if score and _dated_only(unit, twins, others, pairs, units, weights):
        score = 0.0
    if score and _unlike_its_telling(unit, twins, units, weights):
        linked_members = [m for m, (_, passed) in zip(others, pairs, strict=True) if passed > 0]
        if not any(_links_whole(unit, units[m], weights) for m in linked_members):
            score = 0.0
    mine = weights.view(unit.features)
    for m in twins:
        score = max(score, _twin_score(mine, weights.view(units[m].features), weights))
    return score


def _twin_score(mine: View, twin: View, weights: Weights) -> float:
    """How clearly a unit repeats a member of its own article: word for word, or saying the same
    thing of it (a value, a quoted phrase, what happened). A title both name (小米中国区市场部
    总经理) describes the person in two sentences that may say different things of him."""
    score = pair_score(mine, twin, weights, SAME_ARTICLE_THRESHOLD)
    if score >= REPEAT_THRESHOLD or not score:
        return score
    return score if states_claim(mine.feats & twin.feats, weights) else 0.0


def states_claim(shared: frozenset[str], weights: Weights) -> bool:
    """Whether shared features say something happened or is so: a value, a counted slot, a quoted
    phrase or a predicate concept (an event or a quality), not only names, titles and things."""
    return any(
        f[0] in "vsq" or (f[0] == "c" and _is_predicate(f[2:])) for f in shared & weights.informative
    )
