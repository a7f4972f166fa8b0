"""Render the app headless and return the SVG of its first full frame (facts panel filled)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import zlib
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot

from reader.tui.app import ReaderApp

SETTLE_SECONDS = 120.0
SETTLE_ROUNDS = 3  # a handler's message, the message it sends, and one more


async def render_svg(
    dirs: list[Path],
    size: tuple[int, int],
    *,
    article_id: str | None = None,
    script: str | None = None,
    facts_mode: str = "sentence",
    search: str | None = None,
    sentence: int | None = None,
    on_svg: Callable[[str], None] | None = None,
) -> str:
    """The SVG of the screen once the story is shown and the facts are lined up.

    ``on_svg`` gets it at once, while the app is still running: a screenshot is saved as soon
    as it is taken, not after the app has been taken down.
    """
    app = ReaderApp(dirs, article_id=article_id, script=script, facts_mode=facts_mode, sentence=sentence)
    async with app.run_test(size=size, notifications=False) as pilot:
        await settle(pilot)
        if not app.facts_known.is_set():  # facts not in the cache: shown once lined up
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(app.facts_known.wait(), SETTLE_SECONDS)
            await settle(pilot)
        if search:
            app.action_search()
            await settle(pilot)
            await pilot.press(*_keys(search))
            await settle(pilot)
        svg = export_svg(app, title="reader")
        if on_svg is not None:
            on_svg(svg)
        return svg


def export_svg(app: App, title: str) -> str:
    """The SVG of the app's screen, as ``App.export_screenshot(simplify=True)`` makes it, with a
    cheaper id.

    Rich names the SVG's CSS classes after a checksum of the ``repr`` of every segment, which
    took half the export's time; the checksum of the screen's text with its styles (as ANSI
    codes) tells screens apart as well, at a small fraction of the cost. Adjacent alike cells are
    joined (``simplify``): a lighter SVG.
    """
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)  # fmt: skip
    # as App.export_screenshot draws it (Textual is pinned to a minor version; a test compares)
    screen = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens, simplify=True)
    console.print(screen)
    shown = title + console.export_text(clear=False, styles=True)
    unique_id = f"terminal-{zlib.adler32(shown.encode('utf-8', 'ignore'))}"
    return console.export_svg(title=title, unique_id=unique_id)


async def settle(pilot: Pilot) -> None:
    """Until every message the screen's widgets have queued is handled and the screen is updated.

    Pilot's ``pause()`` also waits for the process to be idle for 20 ms at a time, which adds
    tens of milliseconds and on a busy machine many more; the frame is complete without it.
    Handlers may queue further messages, so it goes a few rounds.
    """
    for _ in range(SETTLE_ROUNDS):
        await pilot.pause(0)


def _keys(text: str) -> list[str]:
    """Key presses that type a text (spaces need their key name)."""
    return ["space" if ch == " " else ch for ch in text]
