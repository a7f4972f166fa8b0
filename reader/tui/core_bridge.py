"""The core functions the app uses, with small stand-ins for core modules not written yet.

The app imports the core only through here, so it runs while the core is being built. Each
stand-in is the simplest thing that keeps the screen honest (no conversion rather than a wrong
one, no facts rather than made-up ones).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.models import Article, Fact, Quote, Sentence, Story
from reader.script import Script


def _core(module: str, name: str) -> Callable[..., Any] | None:
    """``reader.<module>.<name>`` when it exists, else None."""
    try:
        return getattr(importlib.import_module(f"reader.{module}"), name, None)
    except ImportError:
        return None


# ---------------------------------------------------------------- sentences


def split_sentences(body: str, article_id: str = "") -> list[Sentence]:
    """The article's sentences with offsets into the body."""
    core = _core("text", "split_sentences")
    if core is not None:
        return core(body, article_id)
    sentences: list[Sentence] = []
    for paragraph, match in enumerate(re.finditer(r"[^\n]+", body)):
        for part in re.finditer(r"[^。！？!?]+[。！？!?]*[”」』\"]?", match.group()):
            text = part.group().strip()
            if text:
                start = match.start() + part.start() + part.group().index(text)
                sentences.append(Sentence(article_id, len(sentences), start, start + len(text), text, paragraph))
    return sentences


# ---------------------------------------------------------------- scripts


@dataclass(frozen=True)
class SameLength:
    """A conversion that kept every character in place, so offsets map to themselves."""

    text: str

    def to_converted(self, i: int) -> int:
        return i

    def to_original(self, j: int) -> int:
        return j


def convert(text: str, target: Script, source_language: str | None = None) -> Any:
    """``text`` in the target script, with ``to_converted``/``to_original`` offset maps."""
    if target is Script.ORIGINAL or source_language == "en":
        return SameLength(text)
    core = _core("script", "convert")
    if core is not None:
        return core(text, target, source_language=source_language)
    return SameLength(text)


def ambiguous_positions(text: str, target: Script) -> list[int]:
    """Positions in converted text where the converter had to choose between forms."""
    if target is Script.ORIGINAL:
        return []
    core = _core("script", "ambiguous_positions")
    return list(core(text, target)) if core is not None else []


def fold(text: str) -> str:
    """Same-length, script- and case-insensitive form of the text, for search."""
    core = _core("script", "fold")
    if core is not None:
        return core(text)
    return text.lower()


# ---------------------------------------------------------------- line breaking


def cell_width(text: str) -> int:
    """Terminal cells the text takes."""
    core = _core("linebreak", "cell_width")
    if core is not None:
        return core(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Line spans of a paragraph at this width in cells."""
    core = _core("linebreak", "wrap")
    if core is not None:
        return core(text, width)
    lines: list[tuple[int, int]] = []
    start, used = 0, 0
    for i, ch in enumerate(text):
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width and i > start:
            lines.append((start, i))
            start, used = i, 0
        used += w
    lines.append((start, len(text)))
    return lines


# ---------------------------------------------------------------- quotations, facts, citations


def find_quotes(body: str, article_id: str = "") -> list[Quote]:
    """Quotations of the article (none until the quotation finder exists)."""
    core = _core("quotes", "find_quotes")
    return list(core(body, article_id)) if core is not None else []


def facts_available() -> bool:
    """True when the fact alignment exists."""
    return _core("facts", "align_story") is not None


def align_story(story: Story, progress: Callable[..., None] | None = None) -> list[Fact]:
    """The story's facts lined up across outlets."""
    core = _core("facts", "align_story")
    if core is None:
        return []
    return list(core(story, progress=progress))


def format_citation(
    article: Article, style: str, quote: str | None = None, shown_script: str = "original"
) -> str:
    """A citation of the article in the style."""
    core = _core("cite", "format_citation")
    if core is not None:
        return core(article, style, quote=quote, shown_script=shown_script)
    parts = [article.outlet, article.title, article.published, article.url]
    return ". ".join(p for p in parts if p)


@dataclass(frozen=True)
class CopyOutcome:
    destinations: list[str]
    message: str


def copy_with_citation(text: str, *, article: Article, start: int, end: int, citation: str, body: str) -> Any:
    """Copy a quote with its citation; the result says where it went."""
    core = _core("clipboard", "copy_with_citation")
    if core is not None:
        return core(text, article=article, start=start, end=end, citation=citation, body=body)
    return CopyOutcome([], "copying is not available yet")
