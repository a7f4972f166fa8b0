"""Line up the same fact across the outlets of a story: ``align_story`` and its helpers.

Pipeline: units with features (``features``), near-linear clustering over an inverted index of
anchors (``cluster``), then per cluster the slot values, agree/conflict and a label (``labels``).
A cluster that several articles share is a fact; a cluster of one article is kept as a
``single`` fact only when it gives a typed value, so the panel can say "only here".

Output is deterministic and independent of the order of the story's articles and of their ids:
articles are processed fullest first (``_processing_order``), and facts are numbered F1, F2, ...
conflicts first, then agreements, then single facts; within each, facts more outlets state come
first, then by the position of their first mention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from reader.facts.cache import cache_key, read_cached, write_cached
from reader.facts.cluster import Cluster, Weights, cluster_units
from reader.facts.features import Unit, build_units, story_dictionary
from reader.facts.keyed import KeyedFact, keyed_facts
from reader.facts.labels import (
    compatible,
    label_details,
    label_of,
    mention_value,
    primary_slot,
    slot_clusters,
    slot_owner,
    slot_values,
    status_of,
    values_in_slot,
)
from reader.facts.multi import join_equal_figures, join_slot_statements
from reader.facts.silent import join_valueless_mentions
from reader.models import Article, Fact, Mention, Story

Progress = Callable[[float, str], None]
_STATUS_RANK = {"conflict": 0, "agree": 1, "single": 2}


def align_story(story: Story, *, use_cache: bool = True, progress: Progress | None = None) -> list[Fact]:
    """The facts of a story, each with every outlet's mention and agree / conflict / single."""
    report = progress or (lambda fraction, message: None)
    key = cache_key(story.articles)
    if use_cache:
        cached = read_cached(key)
        if cached is not None:
            report(1.0, "facts read from the cache")
            return cached
    facts = align_articles(story.articles, report)
    write_cached(key, facts)
    report(1.0, f"{len(facts)} facts")
    return facts


def align_articles(articles: Sequence[Article], report: Progress) -> list[Fact]:
    """The alignment itself, without the cache."""
    ordered = sorted(articles, key=_processing_order)
    report(0.0, "reading sentences")
    words = story_dictionary(ordered)
    units = build_units(ordered, lambda f: report(0.6 * f, "reading sentences"), words)
    weights = Weights(units)
    report(0.6, "lining up facts")
    clusters = cluster_units(units, weights, lambda f: report(0.6 + 0.35 * f, "lining up facts"))
    report(0.95, "labelling facts")
    _one_fact_per_slot(clusters, units)
    clusters += _split_self_contradictions(clusters, units)
    clusters += _split_by_slot(clusters, units)
    join_equal_figures(clusters, units)
    join_slot_statements(clusters, units, weights)
    clusters += [_keyed_cluster(k, units) for k in keyed_facts(units, words) if _adds_links(k, clusters, units)]
    join_valueless_mentions(clusters, units)
    built = _distinct([_fact(c, units, weights) for c in clusters if _worth_keeping(c, units)])
    built.sort(key=lambda item: item[0])
    labels = _distinct_labels([(f, details) for _, f, details in built])
    return [
        Fact(id=f"F{n}", label=label, status=f.status, mentions=f.mentions)
        for n, ((_, f, _), label) in enumerate(zip(built, labels, strict=True), 1)
    ]


def _processing_order(article: Article) -> tuple[int, str, str]:
    """Fullest account first: clusters are founded by the units processed first, so the article
    that tells the most founds them and shorter tellings join. Independent of the articles' ids
    and of their order in the story (the id only breaks a tie between identical bodies)."""
    return (-len(article.body), article.body, article.id)


def _distinct_labels(facts: list[tuple[Fact, list[str]]]) -> list[str]:
    """Each fact's label, made unique where two facts share one: the first detail of its own
    (a name or concept its outlets share) that the label does not say yet, else a number."""
    labels = [fact.label for fact, _ in facts]
    groups: dict[str, list[int]] = defaultdict(list)
    for n, label in enumerate(labels):
        groups[label].append(n)
    for label, members in groups.items():
        for count, n in enumerate(members[1:], 2):
            details = facts[n][1]
            taken = {labels[m] for m in members}
            extra = next((d for d in details if d.lower() not in label.lower() and f"{label} ({d})" not in taken), None)
            labels[n] = f"{label} ({extra})" if extra else f"{label} ({count})"
    return labels


def _distinct(built: list[tuple[tuple, Fact, list[str]]]) -> list[tuple[tuple, Fact, list[str]]]:
    """One fact per set of sentences: two clauses of one sentence can found twin clusters."""
    seen: set[frozenset[tuple[str, int, str | None]]] = set()
    kept = []
    for item in sorted(built, key=lambda item: (item[0], -sum(m.value is not None for m in item[1].mentions))):
        # the same sentences showing other figures state another fact (a day, and a rise that day)
        sentences = frozenset((m.article_id, m.start, m.value) for m in item[1].mentions)
        if sentences not in seen:
            seen.add(sentences)
            kept.append(item)
    return [item for item in kept if not _told_within(item[1], kept)]


def _told_within(fact: Fact, kept: list[tuple[tuple, Fact, list[str]]]) -> bool:
    """A fact giving no value whose sentences are all in another such fact, told by more
    sentences: the same claim found twice (a quote founded by two of its clauses)."""
    if any(m.value is not None for m in fact.mentions):
        return False
    mine = {(m.article_id, m.start) for m in fact.mentions}
    return any(
        other is not fact
        and all(m.value is None for m in other.mentions)
        and mine < {(m.article_id, m.start) for m in other.mentions}
        for _, other, _ in kept
    )


def _one_fact_per_slot(clusters: Sequence[Cluster], units: Sequence[Unit]) -> None:
    """A sentence gives each figure for a counted slot (Weibo followers) to one fact only: the
    one more outlets state. A later cluster for the same slot loses that sentence, so a second
    fact for the slot cannot form around it, unless the sentence gives it another figure of the
    slot (2人死亡、14人受傷: two counts of people, of two facts)."""
    claimed: set[tuple[str, int, tuple[str, str | None], str | None, str | None]] = set()
    order = sorted(range(len(clusters)), key=lambda c: (-len(clusters[c].articles), c))
    for cid in order:
        cluster = clusters[cid]
        members = [units[i] for i in cluster.members]
        slot = primary_slot(members)
        if slot is None or slot[1] is None:
            continue
        owner = slot_owner(members, slot)
        giving = {i for i in cluster.members if values_in_slot(units[i], slot, owner)}
        keys = {i: (units[i].article_id, units[i].sentence.start, slot, owner, _figure(units[i], slot, members))
                for i in cluster.members}  # fmt: skip
        kept = [i for i in cluster.members if not (i in giving and keys[i] in claimed)]
        if len(kept) != len(cluster.members):
            cluster.members = kept
            cluster.articles = {units[i].article_id for i in kept}
        claimed.update(keys[i] for i in kept if i in giving)


def _figure(unit: Unit, slot: tuple[str, str | None], members: Sequence[Unit]) -> str | None:
    value = mention_value(unit, slot, members)
    return value.norm if value is not None else None


def _split_self_contradictions(clusters: Sequence[Cluster], units: Sequence[Unit]) -> list[Cluster]:
    """An outlet does not contradict itself: when two sentences of one article in a cluster give
    incompatible values for the cluster's slot (the club's 31 goals, the player's 18), they state
    two facts. The sentence the other outlets agree with stays; the others leave, and those that
    left agreeing with each other make clusters of their own."""
    moved: list[tuple[int, Any]] = []
    for _, cluster, members, slot in slot_clusters(clusters, units):
        owner = slot_owner(members, slot)
        given: dict[tuple[str, int], list[Any]] = defaultdict(list)
        for unit in members:
            given[unit.sentence_key] += values_in_slot(unit, slot, owner)
        leaving = _contradicting_sentences(given)
        if not leaving:
            continue
        moved += [(i, leaving[units[i].sentence_key]) for i in cluster.members if units[i].sentence_key in leaving]
        moved += _also_stating(cluster, units, given, leaving)
        cluster.members = [i for i in cluster.members if units[i].sentence_key not in leaving]
        cluster.articles = {units[i].article_id for i in cluster.members}
    return _agreeing_groups(moved, units)


def _split_by_slot(clusters: Sequence[Cluster], units: Sequence[Unit]) -> list[Cluster]:
    """A cluster chaining two facts through a sentence stating both (a salary and a contract's
    end): when two slots are each given by several outlets and some sentences give only one of
    them, each slot makes its own fact, the sentences giving both in both."""
    split = []
    for cluster in clusters:
        members = [units[i] for i in cluster.members]
        table = slot_values(members)
        shared = [slot for slot, by_article in table.items() if len(by_article) >= 2]
        if len(shared) != 2:
            continue
        giving: dict[tuple[str, int], set[tuple[str, str | None]]] = defaultdict(set)
        for unit in members:
            giving[unit.sentence_key].update(slot for slot in shared if values_in_slot(unit, slot, None))
        only = [{k for k, slots in giving.items() if slots == {slot}} for slot in shared]
        if not (only[0] and only[1]):
            continue
        primary = primary_slot(members)
        second = shared[1] if primary == shared[0] else shared[0]
        leaving = only[shared.index(second)]
        moved = [i for i in cluster.members if second in giving[units[i].sentence_key]]
        cluster.members = [i for i in cluster.members if units[i].sentence_key not in leaving]
        cluster.articles = {units[i].article_id for i in cluster.members}
        split.append(Cluster(members=moved, articles={units[i].article_id for i in moved}))
    return split


def _also_stating(
    cluster: Cluster, units: Sequence[Unit], given: dict[tuple[str, int], list[Any]], leaving: dict
) -> list[tuple[int, Any]]:
    """Sentences of other outlets that give several values of the slot, one of them a leaving
    sentence's (3 dead and 12 injured, beside another outlet's 12 injured): they stay, and they
    also go with the leavers, since they state both facts."""
    departing = [v for values in leaving.values() for v in values]
    leaving_articles = {key[0] for key in leaving}
    extra = []
    for i in cluster.members:
        key = units[i].sentence_key
        values = given.get(key, [])
        if key in leaving or key[0] in leaving_articles or len(values) < 2:
            continue
        shared = [v for v in values if any(compatible(v, d) for d in departing)]
        if shared and len(shared) < len(values):
            extra.append((i, shared))
    return extra


def _contradicting_sentences(given: dict[tuple[str, int], list[Any]]) -> dict[tuple[str, int], list[Any]]:
    """The sentences (with their values) that contradict a sentence of their own article the
    other outlets agree with more."""
    def support(key: tuple[str, int]) -> int:
        return len({other[0] for other, vs in given.items() if other[0] != key[0] and _fits(given[key], vs)})

    leaving: dict[tuple[str, int], list[Any]] = {}
    by_article: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key in sorted(given):
        if given[key]:
            by_article[key[0]].append(key)
    for keys in by_article.values():
        if len(keys) < 2:
            continue
        kept = min(keys, key=lambda k: (-support(k), k[1]))
        leaving.update((k, given[k]) for k in keys if not _fits(given[k], given[kept]))
    return leaving


def _fits(mine: Sequence[Any], theirs: Sequence[Any]) -> bool:
    return any(compatible(a, b) for a in mine for b in theirs)


def _agreeing_groups(moved: list[tuple[int, Any]], units: Sequence[Unit]) -> list[Cluster]:
    """The units that left their clusters, grouped with those giving compatible values."""
    groups: list[tuple[list[Any], Cluster]] = []
    for i, values in moved:
        home = next((c for vs, c in groups if _fits(values, vs)), None)
        if home is None:
            home = Cluster()
            groups.append((list(values), home))
        home.members.append(i)
        home.articles.add(units[i].article_id)
    return [cluster for _, cluster in groups]


def _adds_links(keyed: KeyedFact, clusters: Sequence[Cluster], units: Sequence[Unit]) -> bool:
    """A fact a shared name or event founds only lines up what no cluster holds already: those
    are weaker keys than the likeness a cluster found, so they never double one."""
    if not keyed.key.startswith(("name:", "event:")):
        return True
    wanted = {units[i].sentence_key for i in keyed.members}
    return not any(
        wanted <= {units[i].sentence_key for i in cluster.members} for cluster in clusters
    )


def _keyed_cluster(keyed: KeyedFact, units: Sequence[Unit]) -> Cluster:
    return Cluster(
        members=list(keyed.members),
        articles={units[i].article_id for i in keyed.members},
        label=keyed.label,
        status=keyed.status,
        values=dict(keyed.values),
    )


def _worth_keeping(cluster: Cluster, units: Sequence[Unit]) -> bool:
    """Two outlets stating it outside their headlines and repeats, or one giving a value."""
    strong = {units[i].article_id for i in cluster.members if not units[i].weak}
    return len(strong) >= 2 or (len(cluster.articles) == 1 and any(units[i].values for i in cluster.members))


def _fact(cluster: Cluster, units: Sequence[Unit], weights: Weights) -> tuple[tuple, Fact, list[str]]:
    members = [units[i] for i in cluster.members]
    slot = primary_slot(members)
    mentions: dict[tuple[str, int], Mention] = {}
    position: dict[tuple[str, int], tuple[int, int]] = {}
    given = {id(units[i]): v for i, v in cluster.values.items()}
    for unit in sorted(members, key=lambda u: (u.article_rank, u.start)):
        value = given[id(unit)] if cluster.values else mention_value(unit, slot, members)
        key = unit.sentence_key
        if key in mentions and (mentions[key].value is not None or value is None):
            continue
        sentence = unit.sentence
        mentions[key] = Mention(
            article_id=unit.article_id,
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            value=value.norm if value is not None else None,
            display=value.text if value is not None else None,
        )
        position.setdefault(key, (unit.article_rank, sentence.start))
    ordered = tuple(mentions[k] for k in sorted(mentions, key=lambda k: position[k]))
    status = cluster.status or status_of(members)
    first = min(position.values())
    sort_key = (_STATUS_RANK[status], -len(cluster.articles), first)
    fact = Fact(id="", label=cluster.label or label_of(members, weights), status=status, mentions=ordered)
    return sort_key, fact, label_details(members, weights)


def facts_for_sentence(facts: list[Fact], article_id: str, start: int, end: int) -> list[Fact]:
    """The facts a sentence ``body[start:end]`` of an article states, in the facts' order."""
    return [
        fact
        for fact in facts
        if any(m.article_id == article_id and m.start < end and start < m.end for m in fact.mentions)
    ]
