"""The core functions the app uses, with small stand-ins for core modules not written yet.

The app imports the core only through here, so it runs while the core is being built. Each
stand-in is the simplest thing that keeps the screen honest (no conversion rather than a wrong
one, no facts rather than made-up ones).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader import script
from reader.linebreak import cell_width, wrap
from reader.models import Article, Fact, Story
from reader.quotes import find_quotes
from reader.script import Script, fold
from reader.text import split_sentences

__all__ = [
    "align_story", "cell_width", "convert", "convert_span", "copy_with_citation", "facts_available",
    "find_quotes", "fold", "format_citation", "load_user_phrases", "split_sentences", "wrap",
]  # fmt: skip


def _core(module: str, name: str) -> Callable[..., Any] | None:
    """``reader.<module>.<name>`` when it exists, else None."""
    try:
        return getattr(importlib.import_module(f"reader.{module}"), name, None)
    except ImportError:
        return None


# ---------------------------------------------------------------- scripts

_phrases: dict[str, dict[str, str]] | None = None


def load_user_phrases() -> str | None:
    """Read the user's phrase corrections once; return a warning line or None."""
    global _phrases
    _phrases, warning = script.user_phrase_table()
    return warning


def convert(text: str, target: Script, source_language: str | None = None) -> script.Converted:
    """``text`` in the target script (user phrase table applied), with offset maps."""
    if target is Script.ORIGINAL or source_language == "en":
        target = Script.ORIGINAL
    return script.convert(text, target, source_language=source_language, phrases=_phrases)


def convert_span(converted: script.Converted, start: int, end: int) -> tuple[int, int]:
    """A body span on the converted text, widened to whole converted segments."""
    return script.convert_span(converted, start, end)


# ---------------------------------------------------------------- quotations, facts, citations


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
