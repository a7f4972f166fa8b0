"""``reader quotes [STORY] [--json] [--speaker NAME]``: quotations with kind and speaker."""

from __future__ import annotations

import argparse
from typing import Any

from reader.commands.output import print_json, warn_problems
from reader.content import resolve_story
from reader.models import Quote, Story
from reader.quotes import story_quotes
from reader.script import fold

KIND_LABELS = {"speech": "said", "term": "term"}


def run(args: argparse.Namespace) -> int:
    story = resolve_story(args.story)
    warn_problems(story)
    quotes = [q for quotes in story_quotes(story).values() for q in quotes]
    if args.speaker:
        quotes = [q for q in quotes if speaker_matches(q, args.speaker)]
    if args.json:
        print_json(quotes_json(story, quotes))
    else:
        print(quotes_text(story, quotes, args.speaker))
    return 0


def speaker_matches(quote: Quote, name: str) -> bool:
    """Script- and case-insensitive: 王腾 matches 王騰, wang matches Wang Teng."""
    if not quote.speaker:
        return False
    wanted = fold(name.strip())
    said = fold(quote.speaker)
    return bool(wanted) and (wanted == said or wanted in said.split() or said in wanted.split())


def quotes_json(story: Story, quotes: list[Quote]) -> dict[str, Any]:
    """The JSON of ``reader quotes --json`` (DESIGN.md)."""
    return {
        "story": story.id,
        "articles": [a.to_json() for a in story.articles],
        "quotes": [
            {
                "article": q.article_id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "sentence": q.sentence,
            }
            for q in quotes
        ],
    }


def quotes_text(story: Story, quotes: list[Quote], speaker: str | None = None) -> str:
    """A readable list: one block per article, one line per quotation."""
    lines = [f"{story.title}  ({story.id})"]
    for article in story.articles:
        mine = [q for q in quotes if q.article_id == article.id]
        if not mine:
            continue
        lines.append("")
        lines.append(f"{article.display_name}  [{article.id}]  {len(mine)} quotations")
        for q in mine:
            who = f"{q.speaker}: " if q.speaker else ""
            indent = "    " if q.depth else "  "
            lines.append(f"{indent}{KIND_LABELS[q.kind]:<5} {who}“{_one_line(q.text)}”  @{q.start}")
    if len(lines) == 1:
        lines.append(f"no quotations{f' by {speaker}' if speaker else ''}")
    return "\n".join(lines)


def _one_line(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
