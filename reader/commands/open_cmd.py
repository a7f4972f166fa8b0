"""``reader [STORY]``: open the reading app."""

from __future__ import annotations

import argparse

from reader.content import story_dirs


def run(args: argparse.Namespace) -> int:
    dirs = story_dirs(args.story)
    from reader.tui.app import run_app  # lazy: the TUI is not needed by other commands

    return run_app(dirs, article_id=args.article, script=args.script)
