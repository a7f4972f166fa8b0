"""Facts anchored on a key rather than found by likeness: a distinctive quoted term, an age.

Some facts share almost no words across outlets, yet one specific thing ties them: a nickname
in quotation marks ("小米太子" in one outlet, the "Crown Prince" in another), or a person's age
told at two different times (29 in 2016, 38 in 2025: born about 1987 both times). Such a key
founds a fact of its own, next to the clusters of ``cluster``:

- *term*: a quoted term (a short phrase in quotation marks) that is the same after script
  folding, that contains another outlet's term of at least ``MIN_SHARED_HAN`` characters, or
  whose CC-CEDICT gloss an English outlet's quoted term says (太子 = "crown prince"). The term
  must be distinctive: its article says it in at most ``MAX_SENTENCES_WITH_KEY`` sentences.
- *age*: a person's age with the year it was true (the sentence's year, 今年 = the published
  year); the birth year it implies is the value, outlets agree when those are within a year.
  An age without a year in its sentence is skipped: when it was true is unknown.

The work is linear in the number of units: every key is found by one pass over the units, and
only keys several articles share are checked for distinctiveness.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from reader.facts.cedict import Dictionary, dictionary_for, english_stems
from reader.facts.entities import is_person_name
from reader.facts.features import Unit
from reader.script import fold, is_han

MIN_SHARED_HAN = 3  # Han characters a term must share with another to be the same term
MAX_TERM_HAN = 10
MAX_TERM_WORDS = 6
MIN_SHARED_CONCEPTS = 2  # what two sentences naming one rare thing must also say alike
MAX_SENTENCES_WITH_KEY = 2  # a term an article says more often is its theme, not one fact
BIRTH_TOLERANCE = 1  # an age is a birth year give or take one (the birthday's month is unknown)
DENIAL_CONCEPT = "deny"
UNNAMED = ""  # the person of an age no name stands beside
_NEGATED_ZH = re.compile(r"(?:没有|并未|从未|未|不)$")
_NEGATED_EN = re.compile(r"(?:\bnot|n't|\bnever)\s+$")
_EN_APPOSITION = re.compile(r",\s*(?:the\s+)?(?:(?:former|then|ex|now)[\s-]+)?$", re.I)
_PUNCT_STOP = re.compile(r"[，。；;,.!?！？]")
_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"]{2,40})[”」』\"]")


@dataclasses.dataclass(frozen=True)
class KeyedFact:
    """Units sharing one key, with the status and each unit's value when the key decides them."""

    key: str
    members: tuple[int, ...]
    label: str
    status: str | None = None
    values: tuple[tuple[int, Any], ...] = ()


def keyed_facts(units: Sequence[Unit], words: Dictionary | None = None) -> list[KeyedFact]:
    """Every fact a shared distinctive term or a person's birth year founds, in a fixed order;
    ``words`` is the dictionary for the units' text (made from their quoted terms if not given)."""
    facts = term_facts(units, words) + age_facts(units) + denial_facts(units) + title_facts(units)
    return facts + name_facts(units) + event_facts(units) + actor_facts(units)


def quoted_terms(text: str, english: bool) -> list[str]:
    """The short quoted phrases of a unit's text (folded), speech left out by its length."""
    terms = []
    for match in _QUOTED.finditer(fold(text)):
        term = match.group(1).strip(" ,.，。")
        if english:
            words = re.findall(r"[A-Za-z]+", term)
            if 1 <= len(words) <= MAX_TERM_WORDS and not any(is_han(ch) for ch in term):
                terms.append(" ".join(words).lower())
        else:
            han = "".join(ch for ch in term if is_han(ch) or ch.isalnum())
            if 2 <= len(han) <= MAX_TERM_HAN and sum(is_han(ch) for ch in han) >= 2:
                terms.append(han)
    return terms


def term_facts(units: Sequence[Unit], words: Dictionary | None = None) -> list[KeyedFact]:
    """Facts founded by a quoted term several outlets share (see the module's docstring)."""
    if words is None:
        words = dictionary_for(t for u in units if not u.english for t in quoted_terms(u.text, english=False))
    by_key: dict[str, dict[int, None]] = defaultdict(dict)
    english_terms: list[tuple[int, str]] = []
    chinese_words: dict[str, dict[int, None]] = defaultdict(dict)
    term_of: dict[str, str] = {}
    for i, unit in enumerate(units):
        if unit.listing:
            continue
        for term in quoted_terms(unit.text, unit.english):
            if unit.english:
                english_terms.append((i, term))
                by_key[f"en:{term}"][i] = None
                term_of.setdefault(f"en:{term}", term)
                continue
            for key in _han_keys(term):
                by_key[f"zh:{key}"][i] = None
                term_of.setdefault(f"zh:{key}", term)
            for word in _glossed_words(term, words):
                chinese_words[word][i] = None
                term_of.setdefault(f"zh-en:{word}", term)
    _translate_english_terms(english_terms, chinese_words, by_key, words)
    facts = []
    seen: set[frozenset[tuple[str, int]]] = set()
    texts = _sentence_texts(units)
    for key in sorted(by_key):
        members = list(by_key[key])
        if not _shared_and_distinctive(members, units) or not _rare_in_text(key, members, units, texts):
            continue
        sentences = frozenset(units[i].sentence_key for i in members)
        if sentences in seen:
            continue
        seen.add(sentences)
        label = _term_label(key, members, units, term_of, words)
        facts.append(KeyedFact(key=key, label=label, members=tuple(sorted(members))))
    return _widest(facts, units)


def _term_label(
    key: str, members: list[int], units: Sequence[Unit], term_of: dict[str, str], words: Dictionary
) -> str:
    """``called “term”``; in an English outlet's words when one states it (labels an English
    reader sees stay in Latin letters), else in the term as first quoted."""
    english = [i for i in sorted(members) if units[i].english]
    if english and not key.startswith("en:"):
        terms = quoted_terms(units[english[0]].text, english=True)
        return f"called “{_english_match(key, terms, words) or terms[0]}”"
    return f"called “{term_of[key]}”"


def _english_match(key: str, terms: list[str], words: Dictionary) -> str | None:
    """Which of an English unit's quoted terms translates the Chinese word of a ``zh-en:`` key."""
    from reader.facts.features import translates

    glosses = [tuple(p.split()) for p in words.glosses(key.split(":", 1)[1])]
    for term in terms:
        stems = set(english_stems(term))
        if any(translates(g, h, stems) for g in glosses for h in stems & set(g)):
            return term
    return None


def _widest(facts: list[KeyedFact], units: Sequence[Unit]) -> list[KeyedFact]:
    """Facts whose sentences another term's fact holds too are that fact (大帝之姿 within the
    fact of 大帝 = "emperor"): the widest is kept, in the facts' order."""
    sentences = [frozenset(units[i].sentence_key for i in f.members) for f in facts]
    return [
        fact
        for n, fact in enumerate(facts)
        if not any(sentences[n] < other or (sentences[n] == other and m < n) for m, other in enumerate(sentences))
    ]


def _han_keys(term: str) -> set[str]:
    """The term and its pieces of ``MIN_SHARED_HAN`` or more characters: a term containing
    another outlet's (小米大帝之姿, 大帝之姿) shares them; two sharing one word (发配, 发配非洲) do not."""
    if len(term) < MIN_SHARED_HAN:
        return {term}
    return {term[a:b] for a in range(len(term)) for b in range(a + MIN_SHARED_HAN, len(term) + 1)}


def _glossed_words(term: str, words: Dictionary) -> list[str]:
    """Dictionary words of two or more characters in a Chinese term that have a translation."""
    return [w for w, _ in words.segment(term) if len(w) >= 2 and words.phrases.get(w)]


def _translate_english_terms(
    english_terms: list[tuple[int, str]],
    chinese_words: dict[str, dict[int, None]],
    by_key: dict[str, dict[int, None]],
    words: Dictionary,
) -> None:
    """An English quoted term saying the gloss of a word of a Chinese quoted term shares its key."""
    if not english_terms or not chinese_words:
        return
    for word in sorted(chinese_words):
        key = f"zh-en:{word}"
        by_key[key].update(chinese_words[word])
        for i, term in english_terms:
            if _english_match(key, [term], words):
                by_key[key][i] = None


def _shared_and_distinctive(members: list[int], units: Sequence[Unit]) -> bool:
    """At least two articles, each saying the key in at most ``MAX_SENTENCES_WITH_KEY`` sentences."""
    sentences: dict[str, set[int]] = defaultdict(set)
    for i in members:
        sentences[units[i].article_id].add(units[i].sentence.start)
    return len(sentences) >= 2 and all(len(s) <= MAX_SENTENCES_WITH_KEY for s in sentences.values())


def _sentence_texts(units: Sequence[Unit]) -> dict[str, dict[int, str]]:
    """Article id -> sentence start -> the sentence folded (lower-cased for English)."""
    texts: dict[str, dict[int, str]] = defaultdict(dict)
    for unit in units:
        sentence = unit.sentence
        if sentence.start not in texts[unit.article_id]:
            texts[unit.article_id][sentence.start] = fold(sentence.text).lower()
    return texts


def _rare_in_text(key: str, members: list[int], units: Sequence[Unit], texts: dict[str, dict[int, str]]) -> bool:
    """The key's words, quoted or not, are in at most ``MAX_SENTENCES_WITH_KEY`` sentences of
    each article that quotes it: a word an article keeps using (小米, 泄露) is its theme."""
    words = key.split(":", 1)[1]
    for article in sorted({units[i].article_id for i in members}):
        english = units[next(i for i in members if units[i].article_id == article)].english
        if english and not key.startswith("en:"):
            continue  # the English side of a translated term: its quoted use was counted already
        if sum(words in text for text in texts[article].values()) > MAX_SENTENCES_WITH_KEY:
            return False
    return True


def age_facts(units: Sequence[Unit]) -> list[KeyedFact]:
    """One fact per person whose age several outlets give with the year it was true."""
    by_person: dict[str, list[tuple[int, int, Any]]] = defaultdict(list)
    for i, unit in enumerate(units):
        if unit.listing:
            continue
        for value, person in _dated_ages(unit):
            birth = int(_year_of(unit, value)) - int(value.low)
            by_person[person].append((i, birth, value))
    _add_current_ages(units, by_person)
    facts = []
    for person in sorted(by_person):
        found = by_person[person]
        if len({units[i].article_id for i, _, _ in found}) < 2:
            continue
        births = [b for _, b, _ in found]
        status = "agree" if max(births) - min(births) <= 2 * BIRTH_TOLERANCE else "conflict"
        if status == "conflict" and person == f"{UNNAMED}:now":
            continue  # ages of nobody named may be of different people
        values = tuple((i, _birth_value(value, birth)) for i, birth, value in found)
        middle = sorted(births)[len(births) // 2]
        label = f"age (born about {middle})" if status == "agree" else "age (birth years differ)"
        members = tuple(i for i, _, _ in found)
        facts.append(KeyedFact(key=f"age:{person}", label=label, members=members, status=status, values=values))
    return facts


def _add_current_ages(units: Sequence[Unit], by_person: dict[str, list[tuple[int, int, Any]]]) -> None:
    """Ages given without a year, in apposition to the person (26岁的莫雷拉, 現年26歲, "the
    26-year-old", "Moreira, 26,"): true when the article was published. Keyed by the person
    named next to the age, else as the story's unnamed subject."""
    people = _han_people(units)
    for i, unit in enumerate(units):
        if unit.listing or unit.published_year is None or any(v.kind in ("year", "date") for v in unit.values):
            continue
        base = unit.start - unit.sentence.start
        for age in (v for v in unit.values if v.kind == "age" and v.low is not None and v.low == v.high):
            beside = [
                n.key
                for n in unit.names
                if n.key in people and (0 <= n.start - (age.end - base) <= 2 or 0 <= (age.start - base) - n.end <= 2)
            ]
            person = beside[0] if beside else UNNAMED
            birth = unit.published_year - int(age.low)
            by_person[f"{person}:now"].append((i, birth, age))


def _dated_ages(unit: Unit) -> list[tuple[Any, str]]:
    """The unit's ages with a year beside them and the person they are the age of (the name
    the age stands before, as in 29歲的王騰, else the unit's only person)."""
    ages = [v for v in unit.values if v.kind == "age" and v.low is not None]
    if not ages or not any(v.kind == "year" for v in unit.values):
        return []
    base = unit.start - unit.sentence.start
    found = []
    for age in ages:
        after = [n for n in unit.names if 0 <= n.start - (age.end - base) <= 2]
        people = after or (list(unit.names) if len({n.key for n in unit.names}) == 1 else [])
        if people:
            found.append((age, people[0].key))
    return found


def _year_of(unit: Unit, age: Any) -> str:
    """The year nearest the age in the unit."""
    years = [v for v in unit.values if v.kind == "year"]
    return min(years, key=lambda v: (abs(v.start - age.start), v.start)).norm


def _birth_value(age: Any, birth: int) -> Any:
    """The age as written, standing for the birth year it implies."""
    return dataclasses.replace(
        age, kind="birth", norm=str(birth), low=float(birth - BIRTH_TOLERANCE), high=float(birth + BIRTH_TOLERANCE)
    )


def denial_facts(units: Sequence[Unit]) -> list[KeyedFact]:
    """One fact per person said to deny something (辟谣, 否认, "denied"), and another per person
    said not to deny (没有否认, "did not deny"): the same predicate, the same polarity, the same
    subject. A person an article keeps saying denies things is its theme, and founds nothing."""
    people = {n.key for u in units if not u.english for n in u.names if is_person_name(n.text)}
    subject: dict[tuple[str, int], str] = {}  # the sentence's first person: a clause may not name them
    for unit in units:
        for name in unit.names:
            if name.key in people:
                subject.setdefault(unit.sentence_key, name.key)
    by_key: dict[str, dict[int, None]] = defaultdict(dict)
    for i, unit in enumerate(units):
        polarity = None if unit.listing else _denial_polarity(unit)
        person = subject.get(unit.sentence_key)
        if polarity and person:
            by_key[f"{polarity}:{person}"][i] = None
    facts = []
    for key in sorted(by_key):
        members = list(by_key[key])
        if _shared_and_distinctive(members, units):
            label = "denial" if key.startswith("denied") else "did not deny"
            facts.append(KeyedFact(key=key, label=label, members=tuple(sorted(members))))
    return facts


def _denial_polarity(unit: Unit) -> str | None:
    """``denied`` or ``not denied`` when the unit says someone denies something, else None."""
    text = fold(unit.text).lower()
    found = None
    for cid, start, _ in unit.spans:
        if cid != DENIAL_CONCEPT:
            continue
        before = text[max(0, start - 8) : start]
        negated = _NEGATED_EN.search(before) if unit.english else _NEGATED_ZH.search(before)
        found = "not denied" if negated else found or "denied"
    return found


def title_facts(units: Sequence[Unit]) -> list[KeyedFact]:
    """One fact per person whose job title several outlets give in apposition to the name
    (小米总经理王腾, "Wang Teng, former general manager of ..."): the title is the claim.
    Each outlet gives one sentence, the one saying least else: a sentence giving a date too is
    about the event it dates, so an undated one is preferred, then the first."""
    people = _han_people(units)
    chosen: dict[str, dict[str, tuple[tuple[int, int], int]]] = defaultdict(dict)
    for i, unit in enumerate(units):
        if unit.listing or unit.weak:
            continue
        for person, roles in _appositive_titles(unit, people):
            key = f"title:{person}:{'+'.join(roles)}"
            rank = (sum(v.kind in ("date", "year") for v in unit.values), unit.sentence.start)
            held = chosen[key].get(unit.article_id)
            if held is None or rank < held[0]:
                chosen[key][unit.article_id] = (rank, i)
    facts = []
    for key in sorted(chosen):
        if len(chosen[key]) < 2:
            continue
        members = tuple(sorted(i for _, i in chosen[key].values()))
        roles = key.rsplit(":", 1)[1].split("+")
        label = "job title (" + ", ".join(_concept_label(r) for r in roles) + ")"
        facts.append(KeyedFact(key=key, label=label, members=members))
    return facts


def _han_people(units: Sequence[Unit]) -> set[str]:
    """Keys of the people Chinese outlets name (a Latin name matching one shares its key)."""
    return {n.key for u in units if not u.english for n in u.names if is_person_name(n.text)}


def _appositive_titles(unit: Unit, people: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """(person, the title's role concepts) for each title standing in apposition to a name:
    right before the name in Chinese, right after "Name," in English; the sentence opens with
    it (a title met in passing, 宣告总经理王腾的…, is not what the sentence says)."""
    from reader.facts.features import concept_kind

    roles = [(cid, start, end) for cid, start, end in unit.spans if concept_kind(cid) == "role"]
    if not roles:
        return []
    text = fold(unit.text)
    found = []
    opening = unit.start == unit.sentence.start
    for name in unit.names:
        if name.key not in people or not opening:
            continue
        if unit.english:
            if text[: name.start].strip():
                continue
            after = [r for r in roles if r[1] >= name.end and _EN_APPOSITION.search(text[name.end : r[1]])]
            if after:
                close = text.find(",", after[0][2])
                title = [r[0] for r in roles if after[0][1] <= r[1] and (close < 0 or r[2] <= close)]
                found.append((name.key, tuple(sorted(set(title)))))
        elif any(r[2] == name.start for r in roles) and not _PUNCT_STOP.search(text[: name.start]):
            title = [r[0] for r in roles if r[2] <= name.start and not _PUNCT_STOP.search(text[r[2] : name.start])]
            found.append((name.key, tuple(sorted(set(title)))))
    return found


def _concept_label(cid: str) -> str:
    from reader.facts.lexicon import concept

    return concept(cid).label


def name_facts(units: Sequence[Unit]) -> list[KeyedFact]:
    """One fact per rare named thing (a company, a product code: OPPO, K50) that sentences of
    several outlets name while saying ``MIN_SHARED_CONCEPTS`` lexicon concepts alike, one of them
    an event (left OPPO to join Xiaomi / 在OPPO…加入小米), and no value of one kind apart. The name must be rare (see
    ``_shared_and_distinctive``), a Chinese outlet must write it (capitalised English words are
    no names), and it must not be a person's: a person is the subject of many facts."""
    people = _han_people(units)
    by_key: dict[str, dict[int, None]] = defaultdict(dict)
    in_chinese: set[str] = set()
    for i, unit in enumerate(units):
        if unit.listing:
            continue
        for name in unit.names:
            if name.key not in people and len(name.key) >= 2:
                by_key[name.key][i] = None
                if not unit.english:
                    in_chinese.add(name.key)
    facts = []
    for key in sorted(by_key):
        members = list(by_key[key])
        if key not in in_chinese or not _shared_and_distinctive(members, units):
            continue
        linked = _concept_linked(members, units)
        if len({units[i].article_id for i in linked}) >= 2 and not _any_values_differ(linked, units):
            facts.append(KeyedFact(key=f"name:{key}", label=_name_label(key, linked, units), members=tuple(linked)))
    return facts


def _sentence_concepts(unit: Unit) -> set[str]:
    return {f[2:] for f in unit.context if f.startswith("c:")}


def _concept_linked(members: list[int], units: Sequence[Unit]) -> list[int]:
    """The members sharing ``MIN_SHARED_CONCEPTS`` concepts, one an event, with a member of
    another article (sentence-wide: a clause may leave the predicate to its neighbour)."""
    from reader.facts.features import concept_kind

    concepts = {i: _sentence_concepts(units[i]) for i in members}
    linked = []
    for i in sorted(members):
        for j in members:
            shared = concepts[i] & concepts[j]
            if units[i].article_id == units[j].article_id or len(shared) < MIN_SHARED_CONCEPTS:
                continue
            if any(concept_kind(c) == "event" for c in shared):
                linked.append(i)
                break
    return linked


def _any_values_differ(members: list[int], units: Sequence[Unit]) -> bool:
    """Two members of different articles give values of one kind, none of them equal (2020 and
    2021, 10亿台 and 300,000): a shared name does not make those one fact; deciding a conflict
    is the clusters' work."""
    return any(
        units[i].article_id != units[j].article_id and _values_differ(units[i], units[j])
        for i in members
        for j in members
    )


def _values_differ(a: Unit, b: Unit) -> bool:
    kinds = {v.kind for v in a.values} & {v.kind for v in b.values}
    return any(
        not {v.norm for v in a.values if v.kind == k} & {v.norm for v in b.values if v.kind == k} for k in kinds
    )


def _name_label(key: str, members: list[int], units: Sequence[Unit]) -> str:
    """The name as first written, with the event concepts all its sentences share."""
    from reader.facts.features import concept_kind

    first = min(members, key=lambda i: (units[i].article_rank, units[i].start))
    text = next(n.text for n in units[first].names if n.key == key)
    shared = set.intersection(*(_sentence_concepts(units[i]) for i in members))
    events = sorted(c for c in shared if concept_kind(c) == "event")
    return f"{_concept_label(events[0])} ({text})" if events else text


def event_facts(units: Sequence[Unit]) -> list[KeyedFact]:
    """One fact per person and rare event, thing or role (promoted, recalled, spokesperson)
    that clauses of several outlets tell with a named object and more than
    ``MIN_SHARED_CONCEPTS`` concepts in common (当上了小米…总经理 / promoted to General Manager
    of Xiaomi China…). The person is the one the sentence names, else the story's main person
    (他 / he); a sentence naming several people is skipped. An article saying the concept in
    more than ``MAX_SENTENCES_WITH_KEY`` sentences takes no part."""
    from reader.facts.features import concept_kind

    people = _han_people(units)
    main = _main_person(units, people)
    by_key: dict[str, dict[int, None]] = defaultdict(dict)
    for i, unit in enumerate(units):
        if unit.listing or unit.weak:
            continue
        named = {f[2:] for f in unit.context if f.startswith("e:")} & people
        person = next(iter(named)) if len(named) == 1 else main if not named else None
        if person is None:
            continue
        for cid in unit.concepts:
            if concept_kind(cid) in ("event", "thing", "role"):
                by_key[f"event:{person}:{cid}"][i] = None
    facts = []
    for key in sorted(by_key):
        members = _rare_in_article(list(by_key[key]), units)
        linked = _object_linked(members, units, people)
        if len({units[i].article_id for i in linked}) >= 2 and not _any_values_differ(linked, units):
            label = _concept_label(key.rsplit(":", 1)[1])
            facts.append(KeyedFact(key=key, label=label, members=tuple(linked)))
    return facts


def _rare_in_article(members: list[int], units: Sequence[Unit]) -> list[int]:
    """The members whose article says the key in at most ``MAX_SENTENCES_WITH_KEY`` sentences."""
    sentences: dict[str, set[int]] = defaultdict(set)
    for i in members:
        sentences[units[i].article_id].add(units[i].sentence.start)
    return [i for i in members if len(sentences[units[i].article_id]) <= MAX_SENTENCES_WITH_KEY]


def _main_person(units: Sequence[Unit], people: set[str]) -> str | None:
    """The person named in most sentences of the story (the first by key on a tie)."""
    counts: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for unit in units:
        for name in unit.names:
            if name.key in people:
                counts[name.key].add(unit.sentence_key)
    return min(counts, key=lambda k: (-len(counts[k]), k)) if counts else None


def _object_linked(members: list[int], units: Sequence[Unit], people: set[str]) -> list[int]:
    """The members naming a thing (not a person) that a member of another article names too,
    in a clause saying ``MIN_SHARED_CONCEPTS`` more concepts alike (the object's role or place)."""
    objects = {i: {n.key for n in units[i].names} - people for i in members}
    concepts = {i: set(units[i].concepts) for i in members}
    return [
        i
        for i in sorted(members)
        if any(
            units[i].article_id != units[j].article_id
            and objects[i] & objects[j]
            and len(concepts[i] & concepts[j]) > MIN_SHARED_CONCEPTS
            for j in members
        )
    ]


def actor_facts(units: Sequence[Unit]) -> list[KeyedFact]:
    """One fact per person other than the story's main one and event that person does, told by
    several outlets: the sentence opens with the person (the subject: 雷军也曾公开提醒…, 雷軍
    以前還…敲打過…) and says the event after the name, and the sentences share
    ``MIN_SHARED_CONCEPTS`` concepts, the event one of them. A person an article keeps saying
    does that thing (more than ``MAX_SENTENCES_WITH_KEY`` sentences) takes no part."""
    from reader.facts.features import concept_kind

    people = _han_people(units)
    main = _main_person(units, people)
    by_key: dict[str, dict[int, None]] = defaultdict(dict)
    for i, unit in enumerate(units):
        if unit.listing or unit.weak:
            continue
        subject = _opening_person(unit, people)
        if subject is None or subject[0] == main:
            continue
        for cid, start, _ in unit.spans:
            if start >= subject[1] and concept_kind(cid) == "event":
                by_key[f"actor:{subject[0]}:{cid}"][i] = None
    facts = []
    for key in sorted(by_key):
        members = _rare_in_article(list(by_key[key]), units)
        linked = [i for i in _concept_linked(members, units) if key.rsplit(":", 1)[1] in _sentence_concepts(units[i])]
        if len({units[i].article_id for i in linked}) >= 2 and not _any_values_differ(linked, units):
            facts.append(KeyedFact(key=key, label=_concept_label(key.rsplit(":", 1)[1]), members=tuple(linked)))
    return facts


def _opening_person(unit: Unit, people: set[str]) -> tuple[str, int] | None:
    """The person a unit opens with and where the name ends, if it does."""
    first = min(unit.names, key=lambda n: n.start, default=None)
    if first is None or first.key not in people or first.start > 1:
        return None
    return first.key, first.end
