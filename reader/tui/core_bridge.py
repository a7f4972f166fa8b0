"""The core functions the app uses, in one place: tests replace them here (a slow alignment,
a clipboard) without touching the core.
"""

from __future__ import annotations

from collections.abc import Callable

from reader import script
from reader.cite import format_citation
from reader.clipboard import CopyResult, copy_with_citation
from reader.facts import cache as fact_cache
from reader.linebreak import cell_width, wrap
from reader.models import Fact, Story
from reader.quotes_cache import find_quotes
from reader.script import Script, fold
from reader.text import split_sentences
from reader.tui import offload

__all__ = [
    "CopyResult", "align_story", "cached_facts", "cell_width", "convert", "convert_span", "copy_with_citation",
    "facts_cached", "find_quotes", "fold", "format_citation", "load_user_phrases", "split_sentences", "wrap",
]  # fmt: skip


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


# ---------------------------------------------------------------- facts


def cached_facts(story: Story) -> list[Fact] | None:
    """The story's facts from the core's disk cache, or None when they are not there."""
    return fact_cache.read_cached(fact_cache.cache_key(story.articles))


def facts_cached(story: Story) -> bool:
    return fact_cache.cache_path(fact_cache.cache_key(story.articles)).exists()


def align_story(story: Story, progress: Callable[[float, str], None] | None = None) -> list[Fact]:
    """The story's facts lined up across outlets, in a child process (call from a thread: it blocks).

    The alignment's working set stays out of the app's memory and its work off the app's
    interpreter lock; the core caches the result on disk.
    """
    return offload.align_in_process(story, lambda fraction: progress and progress(fraction, ""))
