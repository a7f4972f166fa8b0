"""Sentence segmentation with character offsets, for Chinese and English article bodies.

A unit is a sentence, a list item or a heading: every line of a body is split on its own, and
within a line sentences end at 。！？!? (and ``.`` in English when a new sentence follows).
Closing quotation marks and brackets stay with the sentence they close.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.models import Sentence

_CLOSERS = "”’」』）)》〉】\"'"
_HARD_END = re.compile(r"[。！？!?]+|…{1,2}(?=[^”’」』）)\w]|$)|\.{3}(?=\s)")
_ASCII_END = re.compile(r"(?<=[A-Za-z0-9%)\]”’\"'])[.!?](?=[\s”’\"')\]]*(\s|$))")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e no u.s u.k jan feb mar apr jun jul aug sep "
    "sept oct nov dec fig approx est dept gen gov rep sen".split()
)
_SPEECH_TAIL = re.compile(r"[^。！？!?\n“”「」]{0,10}?(说|說|表示|称|稱|道|问|問|写道|寫道|回应|回應)[，,。：:]")
_LIST_MARKER = re.compile(r"\s*(\d{1,3}[.)、]|[IVXLC]{1,5}\.|[•·\-*–]|[一二三四五六七八九十]+[、.])\s+")


def split_sentences(body: str, article_id: str = "") -> list[Sentence]:
    """The sentences of ``body``, in order, each with ``body[start:end] == text``."""
    return [
        Sentence(article_id=article_id, index=i, start=s, end=e, text=body[s:e], paragraph=p)
        for i, (s, e, p) in enumerate(_cached_spans(body))
    ]


@lru_cache(maxsize=256)
def _cached_spans(body: str) -> tuple[tuple[int, int, int], ...]:
    return tuple(sentence_spans(body))


def sentence_spans(body: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of every unit; paragraphs are blocks between blank lines."""
    spans: list[tuple[int, int, int]] = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(body)):
        for l_start, l_end in _line_spans(body, p_start, p_end):
            spans.extend((s, e, paragraph) for s, e in _split_line(body, l_start, l_end))
    return spans


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph (text between blank lines), trimmed of whitespace."""
    spans = []
    for match in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", body):
        start, end = _trim(body, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def _line_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    while pos < end:
        nl = body.find("\n", pos, end)
        stop = end if nl == -1 else nl
        s, e = _trim(body, pos, stop)
        if s < e:
            spans.append((s, e))
        pos = stop + 1
    return spans


def _split_line(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one line: cut after each terminator and the closers that follow it."""
    cuts = sorted(_cut_points(body, start, end))
    spans = []
    pos = start
    for cut in cuts:
        s, e = _trim(body, pos, cut)
        if s < e:
            spans.append((s, e))
        pos = cut
    s, e = _trim(body, pos, end)
    if s < e:
        spans.append((s, e))
    return spans


def _cut_points(body: str, start: int, end: int) -> set[int]:
    line = body[start:end]
    marker = _LIST_MARKER.match(line)
    skip = marker.end() if marker else 0
    cuts: set[int] = set()
    for match in _HARD_END.finditer(line):
        if match.start() < skip or match.end() == match.start():
            continue
        cut = _after_closers(line, match.end())
        # “……。”他说。 is one sentence: a short attribution after the quote keeps it going
        if line[cut - 1] in _CLOSERS and _SPEECH_TAIL.match(line, cut):
            continue
        cuts.add(start + cut)
    for match in _ASCII_END.finditer(line):
        if match.start() < skip or match.group() != "." or _is_abbreviation(line, match.start()):
            continue
        cut = _after_closers(line, match.end())
        if cut < len(line) and _starts_sentence(line, cut):
            cuts.add(start + cut)
    return {c for c in cuts if start < c < end}


def _after_closers(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in _CLOSERS:
        pos += 1
    return pos


def _is_abbreviation(line: str, dot: int) -> bool:
    """``Mr.``, ``e.g.``, ``U.S.`` and single initials (``J.``) do not end a sentence."""
    word = re.search(r"[A-Za-z.]+$", line[:dot])
    if not word:
        return False
    token = word.group().lower().rstrip(".")
    return token in _ABBREVIATIONS or len(token) == 1


def _starts_sentence(line: str, pos: int) -> bool:
    rest = line[pos:].lstrip()
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"‘'(「" or _is_han(rest[0]))


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def normalize_for_match(text: str) -> str:
    """NFKC, casefolded, with everything but letters, digits and Han characters dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())
