"""``reader [STORY]``: open the reading app."""

from __future__ import annotations

import argparse

from reader.content import story_dirs
from reader.tui import offload


def run(args: argparse.Namespace) -> int:
    dirs = story_dirs(args.story)
    offload.start_early(dirs[0])  # first: the facts are lined up while the app loads
    from reader.tui.app import run_app  # lazy: the TUI is not needed by other commands

    return run_app(dirs, article_id=args.article, script=args.script)
