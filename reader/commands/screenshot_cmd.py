"""``reader screenshot OUT.svg``: render the app's first full frame headless, to SVG."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from reader.content import story_dirs
from reader.errors import ReaderError
from reader.fsutil import atomic_write_text
from reader.tui import offload


def parse_size(size: str) -> tuple[int, int]:
    """``WxH`` as two integers; a ReaderError when it is not one."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", size)
    if not match:
        raise ReaderError(f"--size must be WIDTHxHEIGHT, like 120x40, not {size!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (20 <= width <= 500 and 8 <= height <= 300):
        raise ReaderError(f"--size {size} is out of range (20x8 to 500x300)")
    return width, height


def run(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    out = Path(args.out)
    if out.suffix.lower() != ".svg":
        raise ReaderError(f"{out} must end in .svg")
    dirs = story_dirs(args.story)
    offload.start_early(dirs[0])  # first: the facts are lined up while the app loads
    import asyncio  # after the fork: the alignment child does without it

    from reader.tui.screenshot import render_svg  # lazy: the TUI is not needed by other commands

    options = {"article_id": args.article, "script": args.script, "facts_mode": args.facts,
               "search": args.search, "sentence": args.sentence}  # fmt: skip

    def save(svg: str) -> None:
        atomic_write_text(out, svg)
        print(out, flush=True)

    asyncio.run(render_svg(dirs, size, on_svg=save, **options))
    return 0
