"""Chinese scripts: the display-script choice, language detection, conversion and folding.

``convert`` gives the text in another script with offset mapping both ways (``Converted``),
``ambiguous_positions`` the characters the converter chose without context, ``fold`` a
same-length form for script-insensitive search, ``load_phrase_table`` the user's corrections.
OpenCC's dictionaries are read lazily from the installed ``opencc`` package, never at import
time, so importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import logging
import marshal
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from reader.fsutil import atomic_write_bytes, set_aside
from reader.paths import cache_dir, config_dir


class Script(StrEnum):
    """A display script; the values are the command line's ``--script`` choices."""

    ORIGINAL = "original"
    HANS = "hans"
    HANT = "hant"
    TW = "tw"
    HK = "hk"

    @property
    def label(self) -> str:
        """The short label shown in the interface."""
        return _LABELS[self]


_LABELS = {
    Script.ORIGINAL: "原文",
    Script.HANS: "简",
    Script.HANT: "繁",
    Script.TW: "臺灣",
    Script.HK: "香港",
}

# Less text than this (a Han character weighs three letters) and a guess would be noise.
_MIN_WEIGHT = 12
# Traditional wins only when its tell-tale characters clearly outnumber simplified ones,
# so a simplified text quoting one traditional name stays simplified.
_TRADITIONAL_RATIO = 2.0


def opencc_dictionary_dir() -> Path:
    """The folder of the installed ``opencc`` package that holds its dictionary text files."""
    import opencc  # lazy: only needed when a dictionary is first read

    return Path(opencc.__file__).resolve().parent / "dictionary"


@functools.cache
def read_dictionary(name: str) -> dict[str, tuple[str, ...]]:
    """One OpenCC dictionary file as ``{key: (candidate, ...)}``, first candidate = OpenCC's choice."""
    table: dict[str, tuple[str, ...]] = {}
    text = (opencc_dictionary_dir() / name).read_text(encoding="utf-8")
    for line in text.split("\n"):
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = tuple(values.split(" "))
    return table


@functools.cache
def _script_tell_tales() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only simplified text uses, and characters only traditional text uses."""
    s2t = read_dictionary("STCharacters.txt")
    t2s = read_dictionary("TSCharacters.txt")
    changed_by_s2t = {key for key, values in s2t.items() if key not in values}
    changed_by_t2s = {key for key, values in t2s.items() if key not in values}
    simplified_only = frozenset(changed_by_s2t - changed_by_t2s)
    traditional_only = frozenset(changed_by_t2s - changed_by_s2t)
    return simplified_only, traditional_only


def is_han(char: str) -> bool:
    """True for a CJK ideograph (the unified blocks and their extensions)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3134F
        or 0xF900 <= code <= 0xFAFF
    )


def detect_language(text: str) -> str | None:
    """``"zh-Hans"``, ``"zh-Hant"``, ``"en"``, or None when there is too little text to tell.

    Han characters against Latin letters decide Chinese against English (one Han character
    carries about as much as a short English word, so it counts for three letters). For Chinese,
    characters that only one script uses are counted; machine-converted traditional text keeps
    some simplified leftovers, so traditional needs a clear majority, not unanimity.
    """
    han = [char for char in text if is_han(char)]
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    if 3 * len(han) + latin < _MIN_WEIGHT:
        return None
    if latin > 3 * len(han):
        return "en"
    simplified_only, traditional_only = _script_tell_tales()
    simplified = sum(1 for char in han if char in simplified_only)
    traditional = sum(1 for char in han if char in traditional_only)
    if traditional > 0 and traditional >= _TRADITIONAL_RATIO * simplified:
        return "zh-Hant"
    return "zh-Hans"


# --- OpenCC conversion, segment by segment -------------------------------------------------
#
# The conversion re-implements the matching of the installed ``opencc`` package on its own
# config and dictionary files, so the text comes out identical to ``OpenCC(config).convert``
# (a test proves it) while every matched segment is known: that gives exact offset mapping
# at segment boundaries and tells which characters were a context-free choice.
#
# The package's rule, applied per dictionary: the longest key found anywhere in a piece wins
# (leftmost among equals), the pieces left and right of it are matched again; pieces no
# dictionary of a group matched go to the group's next dictionary. Processing all occurrences
# in (longest, leftmost) order and accepting each one that overlaps no accepted one gives the
# same segments in linear-ish time.


@dataclass(frozen=True)
class _Dictionary:
    """A dictionary ready for matching: each key's conversion, longest key, every proper key prefix."""

    table: Mapping[str, str]  # the first (default) candidate: the only one conversion uses
    max_len: int
    prefixes: frozenset[str]
    initials: frozenset[str]  # first characters of keys: a text with none of them has no match
    choices: frozenset[str] = frozenset()  # keys whose conversion is a context-free choice


class _Piece(NamedTuple):
    """One segment of a stage: its source, its output, and whether a context-free choice made it."""

    source: str
    output: str
    matched: bool
    choice: bool = False


def _build_dictionary(table: Mapping[str, tuple[str, ...]], choices: frozenset[str] = frozenset()) -> _Dictionary:
    prefixes = {key[:n] for key in table for n in range(1, len(key))}
    max_len = max((len(key) for key in table), default=1)
    initials = frozenset(key[0] for key in table)
    firsts = {key: values[0] for key, values in table.items()}
    return _Dictionary(firsts, max_len, frozenset(prefixes), initials, choices)


def _config_dicts(node: Mapping) -> tuple[str, ...]:
    if node.get("type") == "group":
        return tuple(name for child in node["dicts"] for name in _config_dicts(child))
    return (node["file"],)


@functools.cache
def _chain(config: str) -> tuple[tuple[_Dictionary, ...], ...]:
    """The stages of an OpenCC config (``s2t``, ``s2twp``...), each a group of dictionaries.

    Building them reads and indexes tens of thousands of phrases (about 0.1 s); the result is
    kept on disk, keyed by the files it came from, so a session's first switch only loads it.
    """
    path = opencc_dictionary_dir().parent / "config" / f"{config}.json"
    setting = json.loads(path.read_text(encoding="utf-8"))
    names = [_config_dicts(step["dict"]) for step in setting["conversion_chain"]]
    cache = _table_cache_path(config, [path, *(opencc_dictionary_dir() / n for group in names for n in group)])
    stored = _chain_from_fields(_read_table_cache(cache))
    if stored is not None:
        return stored
    chain = tuple(_with_choices(tuple(read_dictionary(name) for name in group)) for group in names)
    _write_table_cache(cache, [[_dictionary_fields(d) for d in group] for group in chain])
    return chain


# Bump when the layout of a cached table changes.
_TABLE_CACHE_VERSION = 2


def _table_cache_path(name: str, sources: Sequence[Path]) -> Path | None:
    """Where a table built from ``sources`` is kept: keyed by their sizes and times, and Python's."""
    import hashlib  # lazy: only the first conversion of a session needs it

    digest = hashlib.sha256(f"{_TABLE_CACHE_VERSION} {sys.version_info[:2]} {__name__}".encode())
    try:
        for source in sources:
            stat = source.stat()
            digest.update(f"{source.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return _cache_root() / f"{name}-{digest.hexdigest()[:24]}.marshal"


def _cache_root() -> Path:
    return cache_dir() / "opencc"


def _read_table_cache(path: Path | None) -> object | None:
    """A cached table, or None when absent or unreadable (it is then built again)."""
    if path is None:
        return None
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _write_table_cache(path: Path | None, data: object) -> None:
    """Keep a table; a cache that cannot be written only costs the next session some time."""
    if path is None:
        return
    with contextlib.suppress(OSError, ValueError):
        atomic_write_bytes(path, marshal.dumps(data), durable=False)


def _chain_from_fields(stored: object) -> tuple[tuple[_Dictionary, ...], ...] | None:
    """A chain from its cached fields; None when they are not what ``_dictionary_fields`` stores."""
    if not isinstance(stored, list):
        return None
    try:
        chain = tuple(tuple(_Dictionary(*fields) for fields in group) for group in stored)
    except TypeError:
        return None
    shapes = (dict, int, frozenset, frozenset, frozenset)
    fields_ok = all(
        isinstance(value, shape)
        for group in chain
        for dictionary in group
        for value, shape in zip(_field_values(dictionary), shapes, strict=True)
    )
    return chain if chain and fields_ok else None


def _field_values(dictionary: _Dictionary) -> tuple:
    return (dictionary.table, dictionary.max_len, dictionary.prefixes, dictionary.initials, dictionary.choices)


def _dictionary_fields(dictionary: _Dictionary) -> tuple:
    """The fields of a dictionary as plain values marshal can store."""
    table, *rest = _field_values(dictionary)
    return (dict(table), *rest)


def _with_choices(group: tuple[Mapping[str, tuple[str, ...]], ...]) -> tuple[_Dictionary, ...]:
    """A stage's dictionaries, each character dictionary told which of its entries are real
    choices (decided on all candidates; matching keeps only the first)."""
    phrases = [table for table in group if _longest_key(table) > 1]
    return tuple(
        _build_dictionary(table, _real_choices(table, phrases) if phrases and _longest_key(table) == 1 else frozenset())
        for table in group
    )


def _longest_key(table: Mapping[str, object]) -> int:
    return max((len(key) for key in table), default=1)


# A candidate other than the default counts as a real alternative when the phrase dictionaries
# need it at least this share of the time (发: 髮 in 24% of phrases; 个: 箇 in 4%, a rare form).
_ALTERNATIVE_SHARE = 0.05


def _real_choices(
    characters: Mapping[str, tuple[str, ...]], phrase_tables: list[Mapping[str, tuple[str, ...]]]
) -> frozenset[str]:
    """Characters with several common candidates that the phrase dictionaries really alternate."""
    usage: dict[str, Counter[str]] = {}
    for table in phrase_tables:
        for key, values in table.items():
            if len(key) != len(values[0]):
                continue
            for source, output in zip(key, values[0], strict=True):
                if len(characters.get(source, ())) > 1:
                    usage.setdefault(source, Counter())[output] += 1
    choices = set()
    for char, counts in usage.items():
        total = sum(counts.values())
        alternatives = [c for c in characters[char][1:] if _is_common_han(c)]
        if _is_common_han(characters[char][0]) and any(
            counts[c] >= _ALTERNATIVE_SHARE * total for c in alternatives
        ):
            choices.add(char)
    return frozenset(choices)


def _is_common_han(char: str) -> bool:
    return len(char) == 1 and 0x4E00 <= ord(char) <= 0x9FFF


@functools.cache
def _separator_pattern() -> re.Pattern[str]:
    """The package's own list of characters no dictionary entry crosses."""
    from opencc import OpenCC  # lazy; without a conversion name no dictionary is loaded

    return OpenCC().split_chars_re


def _match_characters(text: str, dictionary: _Dictionary) -> list[_Piece]:
    pieces: list[_Piece] = []
    table = dictionary.table
    run_start = 0
    for index, char in enumerate(text):
        candidates = table.get(char)
        if candidates is None:
            continue
        if run_start < index:
            pieces.append(_Piece(text[run_start:index], text[run_start:index], False))
        pieces.append(_Piece(char, candidates, True, char in dictionary.choices))
        run_start = index + 1
    if run_start < len(text):
        pieces.append(_Piece(text[run_start:], text[run_start:], False))
    return pieces


def _occurrences(text: str, dictionary: _Dictionary) -> list[tuple[int, int]]:
    """Every (start, length) where a key occurs, found by walking the prefix set."""
    table, prefixes, max_len = dictionary.table, dictionary.prefixes, dictionary.max_len
    found = []
    size = len(text)
    for start in range(size):
        for length in range(1, min(max_len, size - start) + 1):
            candidate = text[start : start + length]
            if candidate in table:
                found.append((start, length))
            if candidate not in prefixes:
                break
    return found


def _match_phrases(text: str, dictionary: _Dictionary) -> list[_Piece]:
    occurrences = _occurrences(text, dictionary)
    if not occurrences:
        return [_Piece(text, text, False)]
    occurrences.sort(key=lambda item: (-item[1], item[0]))
    taken = bytearray(len(text))
    accepted = []
    for start, length in occurrences:
        if taken.find(1, start, start + length) == -1:
            taken[start : start + length] = b"\x01" * length
            accepted.append((start, length))
    accepted.sort()
    pieces: list[_Piece] = []
    position = 0
    for start, length in accepted:
        if position < start:
            pieces.append(_Piece(text[position:start], text[position:start], False))
        source = text[start : start + length]
        choice = source in dictionary.choices
        pieces.append(_Piece(source, dictionary.table[source], True, choice))
        position = start + length
    if position < len(text):
        pieces.append(_Piece(text[position:], text[position:], False))
    return pieces


def _match(text: str, dictionary: _Dictionary) -> list[_Piece]:
    if dictionary.initials.isdisjoint(text):
        return [_Piece(text, text, False)]
    if dictionary.max_len == 1:
        return _match_characters(text, dictionary)
    return _match_phrases(text, dictionary)


def _apply_stage(text: str, group: tuple[_Dictionary, ...]) -> list[_Piece]:
    """One stage: each dictionary of the group matches what the ones before it left."""
    pieces = [_Piece(text, text, False)]
    for dictionary in group:
        pieces = [
            new_piece
            for piece in pieces
            for new_piece in ([piece] if piece.matched else _match(piece.source, dictionary))
        ]
    return pieces


@dataclass
class _ChunkResult:
    """A chunk after every stage: output, (source, output) anchors or None, choice positions."""

    output: str
    anchors: list[tuple[int, int]] | None
    marks: set[int]


def _stage_offsets(pieces: list[_Piece]) -> dict[int, int] | None:
    """Input offset -> output offset at every exact boundary, or None when nothing moved."""
    if all(len(piece.source) == len(piece.output) for piece in pieces):
        return None
    offsets = {}
    source_at = output_at = 0
    for piece in pieces:
        offsets[source_at] = output_at
        if len(piece.source) == len(piece.output):
            for step in range(1, len(piece.source)):
                offsets[source_at + step] = output_at + step
        source_at += len(piece.source)
        output_at += len(piece.output)
    offsets[source_at] = output_at
    return offsets


def _carry_marks(marks: set[int], pieces: list[_Piece], offsets: dict[int, int] | None) -> set[int]:
    """Marks that survive a stage (a phrase match decided by context removes them), plus new ones."""
    covered: set[int] = set()
    new_marks: set[int] = set()
    source_at = output_at = 0
    for piece in pieces:
        if piece.matched and len(piece.source) > 1:
            covered.update(range(source_at, source_at + len(piece.source)))
        if piece.choice:
            new_marks.add(output_at)
        source_at += len(piece.source)
        output_at += len(piece.output)
    for mark in marks:
        if mark in covered:
            continue
        if offsets is None:
            new_marks.add(mark)
        elif mark in offsets and offsets.get(mark + 1) == offsets[mark] + 1:
            new_marks.add(offsets[mark])
    return new_marks


def _run_stages(text: str, stages: tuple[tuple[_Dictionary, ...], ...]) -> _ChunkResult:
    result = _ChunkResult(text, None, set())
    for group in stages:
        pieces = _apply_stage(result.output, group)
        offsets = _stage_offsets(pieces)
        result.marks = _carry_marks(result.marks, pieces, offsets)
        result.output = "".join(piece.output for piece in pieces)
        if offsets is not None:
            if result.anchors is None:
                result.anchors = sorted(offsets.items())
            else:
                result.anchors = [(i, offsets[j]) for i, j in result.anchors if j in offsets]
    return result


@dataclass(frozen=True, eq=False)
class Converted:
    """Converted text with offset mapping both ways and the positions of context-free choices.

    Offsets map exactly at every segment boundary (and inside any segment whose length did not
    change); inside a phrase whose length changed (内存 -> 記憶體) they are interpolated, so the
    mapping stays monotonic and within bounds. ``convert_span`` widens a span to whole segments.
    """

    text: str
    original: str
    ambiguous: tuple[int, ...]
    _to_converted: Sequence[int]
    _to_original: Sequence[int]
    _original_exact: bytes | None = None  # None: every original offset maps exactly
    _converted_exact: bytes | None = None

    def to_converted(self, index: int) -> int:
        """Where original offset ``index`` (0..len inclusive) lands in the converted text."""
        return _lookup(self._to_converted, index)

    def to_original(self, index: int) -> int:
        """Where converted offset ``index`` (0..len inclusive) comes from in the original text."""
        return _lookup(self._to_original, index)

    def is_exact_original(self, index: int) -> bool:
        """True when original offset ``index`` is a segment boundary (maps without interpolation)."""
        return self._original_exact is None or bool(self._original_exact[index])

    def is_exact_converted(self, index: int) -> bool:
        """True when converted offset ``index`` is a segment boundary."""
        return self._converted_exact is None or bool(self._converted_exact[index])


def _lookup(table: Sequence[int], index: int) -> int:
    if not 0 <= index < len(table):
        raise IndexError(f"offset {index} outside 0..{len(table) - 1}")
    return table[index]


def _widen(start: int, end: int, exact: Callable[[int], bool], size: int) -> tuple[int, int]:
    while start > 0 and not exact(start):
        start -= 1
    while end < size and not exact(end):
        end += 1
    return start, end


def convert_span(converted: Converted, start: int, end: int) -> tuple[int, int]:
    """An original ``[start, end)`` span moved onto the converted text, widened to whole segments."""
    if start == end:
        point = converted.to_converted(start)
        return point, point
    start, end = _widen(start, end, converted.is_exact_original, len(converted.original))
    return converted.to_converted(start), converted.to_converted(end)


def original_span(converted: Converted, start: int, end: int) -> tuple[int, int]:
    """A converted ``[start, end)`` span (a search match, a selection) moved back onto the original."""
    if start == end:
        point = converted.to_original(start)
        return point, point
    start, end = _widen(start, end, converted.is_exact_converted, len(converted.text))
    return converted.to_original(start), converted.to_original(end)


def _interpolate(anchors: list[tuple[int, int]], base: int, out: list[int], exact: bytearray) -> None:
    """Append the mapping of every offset between consecutive anchors (the last one excluded)."""
    for (i0, j0), (i1, j1) in itertools.pairwise(anchors):
        span_from, span_to = i1 - i0, j1 - j0
        for step in range(span_from):
            out.append(base + j0 + step * span_to // span_from)
            exact.append(step == 0)


def _assemble(original: str, chunks: list[_ChunkResult]) -> Converted:
    text = "".join(chunk.output for chunk in chunks)
    marks: list[int] = []
    output_at = 0
    for chunk in chunks:
        marks.extend(output_at + mark for mark in sorted(chunk.marks))
        output_at += len(chunk.output)
    if all(chunk.anchors is None for chunk in chunks):
        identity = range(len(text) + 1)
        return Converted(text, original, tuple(marks), identity, identity)
    to_converted: list[int] = []
    to_original: list[int] = []
    original_exact, converted_exact = bytearray(), bytearray()
    source_at = output_at = 0
    for chunk in chunks:
        size = len(chunk.output)
        if chunk.anchors is None:
            to_converted.extend(range(output_at, output_at + size))
            to_original.extend(range(source_at, source_at + size))
            original_exact.extend(b"\x01" * size)
            converted_exact.extend(b"\x01" * size)
            source_at += size
        else:
            _interpolate(chunk.anchors, output_at, to_converted, original_exact)
            _interpolate([(j, i) for i, j in chunk.anchors], source_at, to_original, converted_exact)
            source_at += chunk.anchors[-1][0]
        output_at += size
    to_converted.append(len(text))
    to_original.append(len(original))
    original_exact.append(1)
    converted_exact.append(1)
    return Converted(
        text, original, tuple(marks), tuple(to_converted), tuple(to_original),
        bytes(original_exact), bytes(converted_exact),
    )


def _convert_with(text: str, stages: tuple[tuple[_Dictionary, ...], ...], ascii_skips: bool) -> Converted:
    chunks = []
    for index, part in enumerate(_separator_pattern().split(text)):
        if not part:
            continue
        if index % 2 == 1 or (ascii_skips and part.isascii()):
            chunks.append(_ChunkResult(part, None, set()))
        else:
            chunks.append(_run_stages(part, stages))
    return _assemble(text, chunks)


# --- Public conversion ------------------------------------------------------------------------

PhraseTable = Mapping[str, Mapping[str, str]]
"""User phrases per target name (``hans``, ``hant``, ``tw``, ``hk``, ``traditional``)."""

_TRADITIONAL_TARGETS = (Script.HANT, Script.TW, Script.HK)
_FROM_SIMPLIFIED = {Script.HANS: (), Script.HANT: ("s2t",), Script.TW: ("s2twp",), Script.HK: ("s2hk",)}
# Traditional input goes through t2s first: machine-converted text keeps simplified leftovers
# (隨后, 干脆) that the simplified-to-traditional dictionaries then fix with phrase context.
_FROM_TRADITIONAL = {
    Script.HANS: ("t2s",),
    Script.HANT: ("t2s", "s2t"),
    Script.TW: ("t2s", "s2twp"),
    Script.HK: ("t2s", "s2hk"),
}


def _source_script(text: str, source_language: str | None) -> str:
    """``zh-Hans``, ``zh-Hant`` or ``en``; short texts are judged by their tell-tale characters."""
    language = source_language or detect_language(text)
    if language is not None:
        return language
    if not any(is_han(char) for char in text):
        return "en"
    simplified_only, traditional_only = _script_tell_tales()
    traditional = sum(1 for char in text if char in traditional_only)
    simplified = sum(1 for char in text if char in simplified_only)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def _configs(source: str, target: Script) -> tuple[str, ...]:
    if target is Script.ORIGINAL or not source.startswith("zh"):
        return ()
    if source == "zh-Hant":
        return _FROM_TRADITIONAL[target]
    return _FROM_SIMPLIFIED[target]


def _user_entries(phrases: PhraseTable | None, target: Script) -> tuple[tuple[str, str], ...]:
    """The user's phrases for ``target`` (its own table over the shared ``traditional`` one)."""
    if not phrases or target is Script.ORIGINAL:
        return ()
    entries = dict(phrases.get("traditional", {})) if target in _TRADITIONAL_TARGETS else {}
    entries.update(phrases.get(target.value, {}))
    return tuple(sorted((key, value) for key, value in entries.items() if key))


@functools.lru_cache(maxsize=64)
def _user_dictionary(entries: tuple[tuple[str, str], ...]) -> _Dictionary:
    return _build_dictionary({key: (value,) for key, value in entries})


def convert(
    text: str, target: Script | str, source_language: str | None = None, phrases: PhraseTable | None = None
) -> Converted:
    """``text`` shown in ``target`` script, with offset mapping; English and ``ORIGINAL`` stay as is.

    ``source_language`` (``zh-Hans``, ``zh-Hant``, ``en``) is detected when not given. The user's
    ``phrases`` (see ``load_phrase_table``) are applied to OpenCC's output. Results are cached.
    """
    target = Script(target)
    return _convert_cached(text, target, source_language, _user_entries(phrases, target))


@functools.lru_cache(maxsize=256)
def _convert_cached(
    text: str, target: Script, source_language: str | None, user: tuple[tuple[str, str], ...]
) -> Converted:
    configs = _configs(_source_script(text, source_language), target) if target is not Script.ORIGINAL else ()
    stages = tuple(stage for config in configs for stage in _chain(config))
    if user:
        stages += ((_user_dictionary(user),),)
    if not stages:
        identity = range(len(text) + 1)
        return Converted(text, text, (), identity, identity)
    return _convert_with(text, stages, ascii_skips=not user)


def ambiguous_positions(text: str, target: Script | str, source_language: str | None = None) -> list[int]:
    """Positions in the converted text where the converter chose among several characters.

    Only choices made character by character count: where an OpenCC phrase covered the
    character, context decided and no mark is given. A character counts as ambiguous when
    OpenCC's own phrase dictionaries use one of its other common candidates in at least 5% of
    the phrases containing it (发 -> 發/髮, 干, 后, 里, 面), not for rare variant forms (个 -> 箇).
    """
    return list(convert(text, target, source_language).ambiguous)


# --- Script-insensitive folding for search ------------------------------------------------------


_FOLD_SOURCES = ("TSCharacters.txt", "TWVariants.txt", "HKVariants.txt")


@functools.cache
def _fold_table() -> dict[int, str]:
    """Character -> folded character, each one character long so offsets survive folding.

    Building it walks every BMP character (about 20 ms), so it is kept on disk like the
    conversion tables and rebuilt only when OpenCC's files or Python change.
    """
    folder = opencc_dictionary_dir()
    cache = _table_cache_path("fold", [folder / name for name in _FOLD_SOURCES])
    stored = _read_table_cache(cache)
    if isinstance(stored, dict) and stored and all(isinstance(k, int) for k in list(stored)[:10]):
        return stored
    table = _build_fold_table()
    _write_table_cache(cache, table)
    return table


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    every = [chr(code) for code in range(0x10000)]
    # casefold in one C-level pass; only characters it changes need a closer look
    for char, folded in zip(every, map(str.casefold, every), strict=True):
        if folded == char:
            continue
        if len(folded) == 1:
            table[ord(char)] = folded
        elif len(char.lower()) == 1 and char.lower() != char:
            table[ord(char)] = char.lower()
    for code in range(0xFF01, 0xFF5F):  # fullwidth ASCII
        table[code] = chr(code - 0xFEE0).casefold()
    table[0x3000] = " "
    simplified = read_dictionary("TSCharacters.txt")
    for key, candidates in simplified.items():
        if len(key) == 1 and len(candidates[0]) == 1:
            table[ord(key)] = candidates[0]
    for variants in _FOLD_SOURCES[1:]:
        for standard, forms in read_dictionary(variants).items():
            target = simplified.get(standard, (standard,))[0]
            for form in forms:
                if len(form) == 1 and len(target) == 1 and ord(form) not in table:
                    table[ord(form)] = target
    return table


def fold(text: str) -> str:
    """``text`` folded for script-, case- and width-insensitive search, of the same length.

    Traditional characters become simplified one by one (王騰 -> 王腾, 後 -> 后), letters are
    case-folded where that keeps one character, fullwidth ASCII becomes ASCII; so
    ``fold(body).find(fold(query))`` is an offset into ``body``.
    """
    return text.translate(_fold_table())


# --- The user's phrase table --------------------------------------------------------------------

PHRASES_FILE = "phrases.toml"
PHRASE_SECTIONS = ("hans", "hant", "tw", "hk", "traditional")
_log = logging.getLogger(__name__)


def load_phrase_table(path: Path) -> tuple[dict[str, dict[str, str]], str | None]:
    """The user's phrase corrections from a TOML file, and a warning line or None.

    Format: one table per target, keys written as the converter shows them, values as they
    should be shown; ``[traditional]`` applies to ``hant``, ``tw`` and ``hk``::

        [hant]
        "字節跳動" = "字節跳動"
        [tw]
        "位元組跳動" = "字節跳動"

    A missing file is an empty table. A file that is not UTF-8 TOML is set aside
    (``phrases.toml.corrupt-N``) and the table is empty; entries of the wrong shape are skipped.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        moved = set_aside(path)
        warning = f"phrase table {path.name} is not valid TOML ({error}); set aside as {moved.name}"
        _log.warning(warning)
        return {}, warning
    table, skipped = _valid_phrases(data)
    warning = None
    if skipped:
        warning = f"phrase table {path.name}: skipped {', '.join(skipped)}"
        _log.warning(warning)
    return table, warning


def _valid_phrases(data: Mapping) -> tuple[dict[str, dict[str, str]], list[str]]:
    table: dict[str, dict[str, str]] = {}
    skipped: list[str] = []
    for section, entries in data.items():
        if section not in PHRASE_SECTIONS or not isinstance(entries, dict):
            skipped.append(f"[{section}]")
            continue
        good = {key: value for key, value in entries.items() if key and isinstance(value, str)}
        skipped.extend(f"{section}.{key}" for key in entries if key not in good)
        table[section] = good
    return table, skipped


def user_phrase_table() -> tuple[dict[str, dict[str, str]], str | None]:
    """The phrase table in the user's config folder (see ``load_phrase_table``)."""
    return load_phrase_table(config_dir() / PHRASES_FILE)
