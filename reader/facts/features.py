"""What a piece of a sentence says, as comparable features: concepts, names, values, words.

Alignment compares *units*, not whole sentences: a Chinese sentence often chains several facts
with commas (作为华中科技大学高材生，他2016年加入小米，2020年3月加入REDMI团队), so it is cut into
clauses, and clauses too short to say anything alone (2020年，) are joined to the next one. An
English sentence is one unit (its commas rarely separate facts). A mention is still the whole
sentence a unit belongs to.

Features are strings with a type prefix, so one sparse vector holds them all:
``c:`` lexicon concept, ``e:`` entity key, ``b:`` folded Han bigram, ``w:`` English word,
``q:`` quoted phrase, ``v:`` value (``v:date:2025-09-08``, ``v:year:2016``, ``v:count:1802000``),
``s:`` slot of a counted value (``s:count:follower``), ``x:`` a dictionary word (CC-CEDICT, folded
simplified: ``x:道歉``), which an English unit holds when its words translate it ("apology").
Concepts, entities, values, slots and dictionary words compare across languages; bigrams, English
words and quoted phrases only within one.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.facts.cedict import Dictionary, dictionary_for, english_stems
from reader.facts.entities import HanNameMatcher, NameSpan, is_person_name, latin_names, latin_tokens
from reader.facts.lexicon import concept, concepts_in, counted_concept
from reader.models import Article, Sentence
from reader.script import fold, is_han
from reader.text import split_sentences

CROSS_LANGUAGE_PREFIXES = ("c:", "e:", "v:", "s:")
WORD_PREFIXES = (*CROSS_LANGUAGE_PREFIXES, "q:", "x:")  # the dictionary-word view: no bigrams, no English words
TIME_KINDS = frozenset({"date", "year", "time"})
MIN_HEAD_STEM = 5  # a gloss's head word this long matches without its modifiers
MIN_CLAUSE_WEIGHT = 7  # Han characters (an English word weighs two) a clause needs to stand alone
TENURE_SLOT = "s:duration:tenure"
_EN_TENURE = re.compile(r"\s+(?:at|with|in)\s+[A-Za-z]")
_ZH_TENURE = re.compile(r"在[^，,。；;在]{1,10}?(?:的|拥有|工作了?|任职了?|干了?)?$")
MIN_PHRASE_WEIGHT = 9  # ... and a phrase of a clause, cut at 、, to be compared alone
_ZH_DESCRIBING = re.compile(r"[的被为是有在]")
MIN_CLAUSE_WORDS = 3  # content words an English clause needs to stand alone
_CLAUSE_BREAK = "，,；;：:"
_EN_PUNCT_CUT = re.compile(r"[;:—–]\s*|,[”’]?\s+|\s+-\s+")
_EN_WORD_CUT = re.compile(
    r"\s(?:and|but|while|whereas|although|though|which|who|whose|where|when|after|before|because)\s"
)
_LEADS_ON = ("—", "–", "：", ":", "…")
_OPENERS, _CLOSERS = "“「『‘《(（\"", "”」』’》)）\""
_EN_WORD = re.compile(r"[a-z][a-z0-9]+")
_EN_STOP = frozenset(
    """the a an and or but of to in on at for from by with as is was were are be been being has have had
    that this these those it its he she his her they their them we our you your i not no also which who
    whom what when where while than then there here into over under after before about such so very more
    most many much some any all each other only even just said says would could should will can may might
    must shall do does did out up down off new one two three first last year years""".split()
)


SentenceKey = tuple[str, int]  # article id, body offset of the sentence


@dataclass
class Unit:
    """A clause (Chinese) or sentence (English) with its features; alignment clusters these."""

    article_id: str
    article_rank: int
    sentence: Sentence
    start: int  # offsets into the article body
    end: int
    english: bool
    values: tuple[Any, ...] = ()
    concepts: tuple[str, ...] = ()
    names: tuple[NameSpan, ...] = ()
    features: frozenset[str] = field(default_factory=frozenset)
    context: frozenset[str] = field(default_factory=frozenset)  # the features of its whole sentence
    context_values: tuple[Any, ...] = ()  # the values of the clauses its context is made of
    weak: bool = False  # the headline, or a clause its article already said: joins, never founds
    listing: bool = False  # a sentence opening a list of things (A、B, plus C——): states none of them
    words: tuple[str, ...] = ()  # dictionary words of a Chinese unit; English stems of an English one
    # an English sentence of several clauses, or a Chinese clause of phrases joined by 、: each one's features
    clauses: tuple[frozenset[str], ...] = ()
    clause_words: tuple[tuple[str, ...], ...] = ()
    spans: tuple[tuple[str, int, int], ...] = ()  # lexicon concepts found, with offsets into its text
    published_year: int | None = None  # the article's: a bare age ("26岁的莫雷拉") is true then

    @property
    def text(self) -> str:
        return self.sentence.text[self.start - self.sentence.start : self.end - self.sentence.start]

    @property
    def sentence_key(self) -> SentenceKey:
        """The sentence the unit belongs to: its article and where the sentence starts."""
        return (self.article_id, self.sentence.start)


def load_value_extractor() -> Callable[..., list[Any]]:
    """``reader.facts.values.extract_values``, imported on first use."""
    from reader.facts.values import extract_values

    return extract_values


def is_english(article: Article, text: str) -> bool:
    """English when the article says so, else when Latin letters outweigh Han characters."""
    if article.language:
        return article.language.lower().startswith("en")
    han = sum(1 for ch in text if is_han(ch))
    return sum(1 for ch in text if ch.isascii() and ch.isalpha()) > 3 * han


def build_units(
    articles: Sequence[Article], progress: Callable[[float], None] | None = None, words: Dictionary | None = None
) -> list[Unit]:
    """Every unit of every article (in the given order), with its features; ``words`` is the
    dictionary (by default, the one for these articles: ``story_dictionary``)."""
    extract = load_value_extractor()
    sentences = [(rank, a, s) for rank, a in enumerate(articles) for s in split_sentences(a.body, a.id)]
    names = _story_names(articles, sentences, words or story_dictionary(articles))
    units: list[Unit] = []
    said: dict[str, set[str]] = defaultdict(set)
    step = max(1, len(sentences) // 20)
    for n, (rank, article, sentence) in enumerate(sentences):
        for unit in _sentence_units(rank, article, sentence, names, extract):
            unit.weak = _said_before(unit, said[article.id]) or is_headline(article, sentence)
            unit.listing = is_listing_opener(sentence.text)
            units.append(unit)
        if progress and n % step == 0:
            progress(n / max(1, len(sentences)))
    bridge_words(units, names.words)
    _fill_contexts(units)
    return units


def story_dictionary(articles: Sequence[Article]) -> Dictionary:
    """The dictionary cut down to what the articles' text can hold."""
    return dictionary_for(fold(article.body) for article in articles)


def _fill_contexts(units: Sequence[Unit]) -> None:
    """A clause's context is itself and its neighbours: enough to complete a short clause, not
    the whole of a sentence chaining several facts."""
    for _, group in itertools.groupby(units, key=lambda u: u.sentence_key):
        mine = list(group)
        for n, unit in enumerate(mine):
            near = mine[max(0, n - 1) : n + 2]
            unit.context = frozenset().union(*(u.features for u in near))
            unit.context_values = tuple(v for u in near for v in u.values)


def bridge_words(units: Sequence[Unit], glossary: Dictionary) -> None:
    """Give each English unit the ``x:`` feature of every dictionary word of the story's Chinese
    units that its words translate. Only the story's own Chinese words are looked up, through an
    index from gloss stems, so the work grows with the story, not with the dictionary."""
    chinese = {w for u in units if not u.english for w in u.words}
    if not chinese or not any(u.english for u in units):
        return
    by_stem: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for word in sorted(chinese):
        for phrase in glossary.glosses(word):
            stems = tuple(phrase.split())
            for key in {stems[-1], *stems}:
                by_stem[key].append((word, stems))

    def found(words: tuple[str, ...]) -> set[str]:
        stems = set(words)
        return {sys.intern(f"x:{w}") for s in stems for w, phrase in by_stem.get(s, ()) if translates(phrase, s, stems)}

    for unit in units:
        if unit.english and unit.words:
            unit.features = unit.features | found(unit.words)
            unit.clauses = tuple(f | found(w) for f, w in zip(unit.clauses, unit.clause_words, strict=True))


def translates(phrase: tuple[str, ...], hit: str, stems: set[str]) -> bool:
    """Whether a sentence with ``stems`` says a gloss phrase: all of its stems, or its head (the
    last word of an English noun phrase: "heavenly emperor") when that is specific enough."""
    return all(s in stems for s in phrase) or (hit == phrase[-1] and len(hit) >= MIN_HEAD_STEM)


def is_listing_opener(text: str) -> bool:
    """A sentence that names several things and hands over to what follows (一份通报、一条道歉,
    再加上七八个热搜——): it lists, it states none of the things it names, so it anchors none."""
    stripped = text.rstrip()
    return stripped.endswith(_LEADS_ON) and ("、" in stripped or ";" in stripped or "；" in stripped)


def is_headline(article: Article, sentence: Sentence) -> bool:
    """The body's first line repeating the article's title (the importer keeps it there)."""
    return sentence.start == _first_text(article.body) and bool(article.title) and _plain(sentence.text) == _plain(
        article.title or ""
    )


def _first_text(body: str) -> int:
    return len(body) - len(body.lstrip())


def _plain(text: str) -> str:
    return re.sub(r"\W+", "", fold(text))


def _said_before(unit: Unit, said: set[str]) -> bool:
    """A clause the article already said word for word: its second telling adds no evidence."""
    plain = _plain(unit.text)
    if len(plain) < 4:
        return False
    if plain in said:
        return True
    said.add(plain)
    return False


@dataclass(frozen=True)
class _StoryNames:
    matcher: HanNameMatcher
    persons_by_surname: dict[str, str]
    words: Dictionary  # the dictionary, cut down to the story's text


def _story_names(
    articles: Sequence[Article], sentences: list[tuple[int, Article, Sentence]], glossary: Dictionary
) -> _StoryNames:
    """Latin names of the story's English text, to look for in its Chinese text."""
    keys: set[str] = set()
    words: dict[str, set[str]] = defaultdict(set)
    for _, article, sentence in sentences:
        if is_english(article, sentence.text):
            for name in latin_names(sentence.text):
                keys.add(name.key)
                parts = name.text.split()
                if len(parts) in (2, 3):
                    words[name.key] = {parts[0].lower()}
    matcher = HanNameMatcher(keys)
    persons: dict[str, set[str]] = defaultdict(set)
    for _, article, sentence in sentences:
        if not is_english(article, sentence.text):
            for found in matcher.find(sentence.text):
                if found.key in words and is_person_name(found.text):
                    persons[next(iter(words[found.key]))].add(found.key)
    unique = {surname: next(iter(k)) for surname, k in persons.items() if len(k) == 1}
    return _StoryNames(matcher, unique, glossary)


def _sentence_units(
    rank: int, article: Article, sentence: Sentence, names: _StoryNames, extract: Callable[..., list[Any]]
) -> list[Unit]:
    english = is_english(article, sentence.text)
    values = extract(sentence.text, article.published, article.language)
    spans = [(0, len(sentence.text))] if english else clause_spans(sentence.text)
    units = []
    for start, end in spans:
        unit = Unit(
            article_id=article.id,
            article_rank=rank,
            sentence=sentence,
            start=sentence.start + start,
            end=sentence.start + end,
            english=english,
            values=tuple(v for v in values if start <= v.start < end),
            published_year=int(article.published[:4]) if (article.published or "")[:4].isdigit() else None,
        )
        _fill_features(unit, names)
        if english:
            _fill_clauses(unit, names)
        else:
            _fill_phrases(unit, names)
        units.append(unit)
    return units


def _fill_clauses(unit: Unit, names: _StoryNames) -> None:
    """The features of each clause of an English sentence of several, so that each can match a
    Chinese clause stating one of its facts (the unit, and so the mention, stays the sentence)."""
    spans = english_clause_spans(unit.text)
    if len(spans) < 2:
        return
    parts = _filled_parts(unit, names, spans)
    unit.clauses = tuple(part.features & unit.features for part in parts)
    unit.clause_words = tuple(part.words for part in parts)


def _fill_phrases(unit: Unit, names: _StoryNames) -> None:
    """The features of each phrase of a Chinese clause that joins two descriptions with 、
    (这名拥有9年资历、被视为爱将的管理人员): each says its own thing of one subject, and may be
    all another outlet says. The unit, and so the mention, stays the clause."""
    spans = phrase_spans(unit.text)
    if len(spans) < 2:
        return
    unit.clauses = tuple(part.features & unit.features for part in _filled_parts(unit, names, spans))


def _filled_parts(unit: Unit, names: _StoryNames, spans: list[tuple[int, int]]) -> list[Unit]:
    """The pieces of a unit at ``spans`` (offsets in its text), each with its own features."""
    shift = unit.start - unit.sentence.start  # values are placed in the sentence
    parts = []
    for start, end in spans:
        part = Unit(
            article_id=unit.article_id,
            article_rank=unit.article_rank,
            sentence=unit.sentence,
            start=unit.start + start,
            end=unit.start + end,
            english=unit.english,
            values=tuple(v for v in unit.values if shift + start <= v.start < shift + end),
        )
        _fill_features(part, names, parent=unit)
        parts.append(part)
    return parts


def _cuts_outside_quotes(text: str, breaks: str) -> list[int]:
    """Offsets just after each of ``breaks`` that stands outside quotation marks."""
    cuts, depth = [], 0
    for i, ch in enumerate(text):
        if ch in _OPENERS and not (ch == '"' and depth):
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        elif ch in breaks and depth == 0:
            cuts.append(i + 1)
    return cuts


def phrase_spans(text: str) -> list[tuple[int, int]]:
    """Phrases of a Chinese clause cut at 、 outside quotation marks, a phrase too light to say
    anything alone, or naming rather than describing, joined to the next: a list of names or
    titles (市场部总经理、品牌总经理) stays whole."""
    cuts = _cuts_outside_quotes(text, "、")
    if not cuts:
        return [(0, len(text))]
    bounds = [0, *[c for c in cuts if 0 < c < len(text)], len(text)]
    return _join_light_clauses(text, bounds, lambda part: _weight(part) < MIN_PHRASE_WEIGHT or not _describes(part))


def _describes(phrase: str) -> bool:
    """Whether a phrase says something of its subject (a verb of being, having or seeming, or a
    modifier with 的), rather than naming a title or thing of a list (市场部总经理)."""
    return bool(_ZH_DESCRIBING.search(fold(phrase)))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of a Chinese sentence: cut at commas, semicolons and colons outside quotation marks,
    a clause too light to stand alone joined to the next (the last one to the previous)."""
    cuts = _cuts_outside_quotes(text, _CLAUSE_BREAK)
    bounds = [0, *[c for c in cuts if 0 < c < len(text)], len(text)]
    return _join_light_clauses(text, bounds, _light_clause, closes=lambda clause: clause.endswith(("；", ";")))


def _light_clause(clause: str) -> bool:
    return _weight(clause) < MIN_CLAUSE_WEIGHT


def english_clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of an English sentence: cut at semicolons, dashes, colons and commas outside
    quotation marks (also after a comma just inside a closing quotation mark), and before a
    conjunction or relative word opening a clause; a clause with too few content words joined
    to the next (the last one to the previous)."""
    cuts = [m.end() for m in _EN_PUNCT_CUT.finditer(text) if _outside_quotes(text, m.end())]
    cuts += [m.start() + 1 for m in _EN_WORD_CUT.finditer(text) if _outside_quotes(text, m.start())]
    bounds = sorted({0, *[c for c in cuts if 0 < c < len(text)], len(text)})
    return _join_light_clauses(text, bounds, lambda clause: len(_content_words(clause)) < MIN_CLAUSE_WORDS)


def _join_light_clauses(
    text: str, bounds: list[int], too_light: Callable[[str], bool], closes: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """Spans between ``bounds``, a clause too light to stand alone joined to the next (the last one
    to the previous). ``closes``: whether a light clause ends a statement (a semicolon: 营收86亿元，
    同比增长15%；净利润…): it then completes the previous clause, not the next one."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in itertools.pairwise(bounds):
        if a >= b:
            continue
        start = a if pending is None else pending
        if pending is None and merged and closes and too_light(text[a:b]) and closes(text[a:b].rstrip()):
            merged[-1] = (merged[-1][0], b)
            continue
        if too_light(text[start:b]):
            pending = start
            continue
        merged.append((start, b))
        pending = None
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(text))
        else:
            merged.append((pending, len(text)))
    return merged


def _outside_quotes(text: str, at: int) -> bool:
    """Whether position ``at`` lies outside curly quotation marks (and parentheses)."""
    before = text[:at]
    return before.count("“") <= before.count("”") and before.count("(") <= before.count(")")


def _content_words(text: str) -> list[str]:
    return [w for w in _EN_WORD.findall(text.lower()) if w not in _EN_STOP]


def _weight(text: str) -> int:
    return sum(1 for ch in text if is_han(ch)) + 2 * len(re.findall(r"[A-Za-z0-9]+", text))


def _fill_features(unit: Unit, names: _StoryNames, parent: Unit | None = None) -> None:
    """The unit's features; a clause of ``parent`` takes its concepts and names from the
    parent's (found once per sentence: the English lexicon pattern is the costly part)."""
    text = unit.text
    folded = fold(text)
    if parent is None:
        found = concepts_in(folded, english=unit.english)
        unit.names = tuple(_names(text, unit.english, names))
        unit.spans = tuple(found)
    else:
        shift = unit.start - parent.start
        found = [(c, a - shift, b - shift) for c, a, b in parent.spans if shift <= a and b - shift <= len(text)]
        unit.names = tuple(
            NameSpan(n.key, n.start - shift, n.end - shift, n.text)
            for n in parent.names
            if shift <= n.start and n.end - shift <= len(text)
        )
    unit.concepts = tuple(dict.fromkeys(cid for cid, _, _ in found))
    feats = {f"c:{cid}" for cid in unit.concepts}
    feats |= {f"e:{n.key}" for n in unit.names if n.key not in unit.concepts}
    feats |= {f"q:{q}" for q in quoted_phrases(folded)}
    feats |= value_features(unit.values)
    if is_tenure(unit, folded):
        feats.add(TENURE_SLOT)
    if unit.english:
        feats |= english_words(folded)
        unit.words = tuple(english_stems(folded))
    else:
        feats |= han_bigrams(folded)
        covered = {i for _, a, b in found for i in range(a, b)} | {i for n in unit.names for i in range(n.start, n.end)}
        words = names.words
        segmented = words.segment(folded)
        unit.words = tuple(dict.fromkeys(w for w, _ in segmented))
        # a word the lexicon or a name already stands for would count twice; a word without a
        # translation (哪怕, 之上: glossed by function words only; a name: entities and bigrams
        # cover it) says nothing of the claim
        feats |= {
            f"x:{w}"
            for w, at in segmented
            if words.phrases[w] and not covered.issuperset(range(at, at + len(w)))
        }
    # interned: a big story's units hold the same feature strings hundreds of times over
    unit.features = frozenset(map(sys.intern, feats))


def is_tenure(unit: Unit, folded: str) -> bool:
    """Whether a duration the unit gives is someone's time at an organisation (九年的职业生涯,
    在X拥有9年资历, 在X的九年, nine years at X): a slot outlets can agree or differ on."""
    durations = [v for v in unit.values if v.kind == "duration" and (v.unit or "").upper() in ("Y", "M")]
    if not durations:
        return False
    if {"record", "year_count"} & set(unit.concepts):
        return True
    if unit.english:
        return any(_EN_TENURE.match(folded, v.end) for v in durations)
    return any(_ZH_TENURE.search(folded, 0, v.start) for v in durations)


def _names(text: str, english: bool, names: _StoryNames) -> list[NameSpan]:
    if not english:
        return names.matcher.find(text) + latin_tokens(text)
    found = latin_names(text)
    for name in list(found):
        person = names.persons_by_surname.get(name.text.lower())
        if person:
            found.append(NameSpan(person, name.start, name.end, name.text))
    return found


def quoted_phrases(folded: str) -> set[str]:
    """Short phrases in quotation marks, folded; a distinctive phrase outlets repeat word for word."""
    phrases = re.findall(r"[“「『\"]([^“”「」『』\"]{2,20})[”」』\"]", folded)
    return {re.sub(r"\W+", "", p) for p in phrases if len(re.sub(r"\W+", "", p)) >= 2}


def value_features(values: Sequence[Any]) -> set[str]:
    """``v:`` features of typed values: dates give their date, month-day and year."""
    feats: set[str] = set()
    for value in values:
        norm = value.norm or ""
        if value.kind == "date":
            feats.add(f"v:date:{norm}")
            date = re.fullmatch(r"(\d{4}|-)?-(\d{2})(?:-(\d{2}))?", norm)
            if date and date.group(3):
                feats.add(f"v:md:{date.group(2)}-{date.group(3)}")
            if date and date.group(1) and date.group(1).isdigit():
                feats.add(f"v:year:{date.group(1)}")
        elif value.kind == "year":
            feats.add(f"v:year:{norm}")
        else:
            feats.add(f"v:{value.kind}:{norm}")
            counted = counted_concept(value.counted)
            if counted:  # "a count of followers" matches across outlets that disagree on the count
                feats.add(f"s:{value.kind}:{counted}")
    return feats


def english_words(folded: str) -> set[str]:
    """Content words of an English sentence, crudely stemmed."""
    return {f"w:{_stem(w)}" for w in _EN_WORD.findall(folded) if w not in _EN_STOP}


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def han_bigrams(folded: str) -> set[str]:
    """Pairs of adjacent Han characters (folded to simplified) of Chinese text."""
    feats: set[str] = set()
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+", folded):
        feats.update(f"b:{run[i : i + 2]}" for i in range(len(run) - 1))
    return feats


def document_frequencies(units: Sequence[Unit]) -> tuple[Counter[str], dict[str, set[str]]]:
    """How many units hold each feature, and which articles."""
    df: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        df.update(unit.features)
        for feat in unit.features:
            articles[feat].add(unit.article_id)
    return df, articles


def concept_kind(cid: str) -> str:
    """``event``, ``thing``, ``role`` or ``attr``."""
    return concept(cid).kind
