"""Facts of a story lined up across outlets: values, names, alignment, agree / conflict.

Importing this package is cheap: the alignment, pypinyin and OpenCC load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.models import Fact, Story

__all__ = ["align_story", "facts_for_sentence"]


def align_story(story: Story, *, use_cache: bool = True, progress: Any = None) -> list[Fact]:
    """The facts of a story; see ``reader.facts.align.align_story``."""
    from reader.facts.align import align_story as _align

    return _align(story, use_cache=use_cache, progress=progress)


def facts_for_sentence(facts: list[Fact], article_id: str, start: int, end: int) -> list[Fact]:
    """The facts a sentence states; see ``reader.facts.align.facts_for_sentence``."""
    from reader.facts.align import facts_for_sentence as _for_sentence

    return _for_sentence(facts, article_id, start, end)
