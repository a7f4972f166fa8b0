"""Search every article of a story, script- and case-insensitive.

Matching runs on folded text (``reader.script.fold``: same length as its input, so offsets in
the folded text are offsets in the body), hence 王腾 finds 王騰 and "xiaomi" finds "Xiaomi".
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.models import Article, Sentence

Fold = Callable[[str], str]


@dataclass(frozen=True)
class Hit:
    """One match: ``body[start:end]`` in an article, in its sentence."""

    article_id: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Snippet:
    """A few words around a match: ``text[match_start:match_end]`` is the match."""

    text: str
    match_start: int
    match_end: int


def _same_length(fold: Fold) -> Fold:
    """``fold``, or plain lower-casing where it would change a text's length."""

    def safe(text: str) -> str:
        folded = fold(text)
        return folded if len(folded) == len(text) else text.lower()

    return safe


def find_all(body: str, query: str, fold: Fold, folded: str | None = None) -> list[tuple[int, int]]:
    """Every non-overlapping match of the query in a body, as ``(start, end)``.

    ``folded`` is the body already folded (kept by the caller so a long body is folded once).
    """
    needle = _same_length(fold)(query.strip())
    if not needle:
        return []
    haystack = folded if folded is not None and len(folded) == len(body) else _same_length(fold)(body)
    found: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = haystack.find(needle, at + len(needle))
    return found


def search_story(
    articles: Iterable[tuple[Article, list[Sentence]]],
    query: str,
    fold: Fold,
    limit: int = 2000,
    folded: dict[str, str] | None = None,
) -> list[Hit]:
    """Matches in every article (in the order given), at most ``limit``.

    ``folded`` keeps each article's folded body by id between searches (filled as needed).
    """
    hits: list[Hit] = []
    cache = folded if folded is not None else {}
    for article, sentences in articles:
        if article.id not in cache:
            cache[article.id] = _same_length(fold)(article.body)
        starts = [s.start for s in sentences]
        for start, end in find_all(article.body, query, fold, cache[article.id]):
            index = max(0, bisect.bisect_right(starts, start) - 1)
            hits.append(Hit(article.id, start, end, index))
            if len(hits) >= limit:
                return hits
    return hits


def snippet(body: str, start: int, end: int, context: int = 18) -> Snippet:
    """The match with ``context`` characters either side, on one line."""
    left = max(0, start - context)
    right = min(len(body), end + context)
    before = body[left:start].replace("\n", " ")
    text = ("…" if left > 0 else "") + before + body[start:end] + body[end:right].replace("\n", " ")
    text += "…" if right < len(body) else ""
    offset = len(before) + (1 if left > 0 else 0)
    return Snippet(text, offset, offset + (end - start))
