"""``reader list [PATH] [--json]``: stories and their articles with metadata."""

from __future__ import annotations

import argparse

from reader.commands.output import print_json, warn_problems
from reader.content import load_story, story_dirs
from reader.models import Story

BADGES = {"zh-Hans": "简", "zh-Hant": "繁", "en": "en"}


def run(args: argparse.Namespace) -> int:
    stories = [load_story(p) for p in story_dirs(args.path)]
    for story in stories:
        warn_problems(story)
    if args.json:
        print_json({"stories": [story_json(s) for s in stories]})
    else:
        print("\n\n".join(story_text(s) for s in stories))
    return 0


def story_json(story: Story) -> dict:
    """The story object of ``reader list --json``."""
    return {
        "id": story.id,
        "title": story.title,
        "path": str(story.path),
        "articles": [a.to_json() for a in story.articles],
    }


def story_text(story: Story) -> str:
    """A readable listing: the story, then one line per article."""
    lines = [f"{story.title}  ({story.id}, {len(story.articles)} articles)"]
    for n, a in enumerate(story.articles, 1):
        badge = BADGES.get(a.language or "", "?")
        lines.append(f"  {n}. {a.outlet or '?'}  {badge}  {a.published or '?'}  {a.title or '(untitled)'}  [{a.id}]")
    return "\n".join(lines)
