"""``reader facts [STORY] [--json] [--no-cache]``: the fact alignment, as a table or JSON."""

from __future__ import annotations

import argparse
import sys

from reader.commands.output import print_json, warn_problems
from reader.content import resolve_story
from reader.facts import align_story
from reader.linebreak import cell_width
from reader.models import Fact, Story

BADGES = {"zh-Hans": "简", "zh-Hant": "繁", "en": "en"}
STATUS_MARKS = {"conflict": "≠ conflict", "agree": "= agree", "single": "· only here"}
SENTENCE_WIDTH = 60


def run(args: argparse.Namespace) -> int:
    story = resolve_story(args.story)
    warn_problems(story)
    progress = None if args.json or not sys.stderr.isatty() else _progress_line
    facts = align_story(story, use_cache=not args.no_cache, progress=progress)
    if progress:
        sys.stderr.write("\r\033[K")
    if args.json:
        print_json(facts_json(story, facts))
    else:
        print(facts_text(story, facts))
    return 0


def facts_json(story: Story, facts: list[Fact]) -> dict:
    """The JSON of ``reader facts --json`` (DESIGN.md)."""
    return {
        "story": story.id,
        "articles": [a.to_json() for a in story.articles],
        "facts": [f.to_json() for f in facts],
    }


def facts_text(story: Story, facts: list[Fact]) -> str:
    """A readable table: one block per fact, one line per outlet (silent ones marked), conflicts first."""
    outlets = {a.id: f"{a.display_name} ({BADGES.get(a.language or '', '?')})" for a in story.articles}
    width = max((cell_width(o) for o in outlets.values()), default=10)
    lines = [f"{story.title}: {len(facts)} facts across {len(story.articles)} outlets", ""]
    for fact in facts:
        lines.append(f"{fact.id}  {fact.label}  [{STATUS_MARKS[fact.status]}]")
        for article in story.articles:
            mentions = [m for m in fact.mentions if m.article_id == article.id]
            if not mentions and fact.status == "single":
                continue
            for m in mentions or [None]:
                name = _pad(outlets[article.id], width)
                if m is None:
                    lines.append(f"    {name}  —  (silent)")
                    continue
                value = _pad(m.display or m.value or "", 12)
                lines.append(f"    {name}  {value}  {_shorten(m.sentence)}")
        lines.append("")
    return "\n".join(lines).rstrip()


def _pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal cells (a Han character takes two)."""
    return text + " " * max(0, width - cell_width(text))


def _shorten(sentence: str) -> str:
    """The sentence on one line, cut to SENTENCE_WIDTH terminal cells."""
    flat = " ".join(sentence.split())
    if cell_width(flat) <= SENTENCE_WIDTH:
        return flat
    kept, used = [], 0
    for char in flat:
        used += cell_width(char)
        if used > SENTENCE_WIDTH - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def _progress_line(fraction: float, message: str) -> None:
    sys.stderr.write(f"\r\033[K{int(fraction * 100):3d}% {message}")
    sys.stderr.flush()
