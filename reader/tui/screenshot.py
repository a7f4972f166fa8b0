"""Render the app headless and return the SVG of its first full frame (facts panel filled)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from reader.tui.app import ReaderApp

SETTLE_SECONDS = 120.0


async def render_svg(
    dirs: list[Path],
    size: tuple[int, int],
    *,
    article_id: str | None = None,
    script: str | None = None,
    facts_mode: str = "sentence",
    search: str | None = None,
    sentence: int | None = None,
) -> str:
    """The SVG of the screen once the story is shown and the facts are lined up."""
    app = ReaderApp(dirs, article_id=article_id, script=script, facts_mode=facts_mode, sentence=sentence)
    async with app.run_test(size=size, notifications=False) as pilot:
        await pilot.pause()
        if not app.facts_known.is_set():  # facts not in the cache: shown once lined up
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(app.facts_known.wait(), SETTLE_SECONDS)
            await pilot.pause()
        if search:
            app.action_search()
            await pilot.pause()
            await pilot.press(*_keys(search))
            await pilot.pause()
        return app.export_screenshot(title="reader", simplify=True)  # adjacent alike cells joined: a lighter SVG


def _keys(text: str) -> list[str]:
    """Key presses that type a text (spaces need their key name)."""
    return ["space" if ch == " " else ch for ch in text]
