"""SVG snapshots of the main views of the bundled story at fixed sizes (pytest-textual-snapshot).

Regenerate after a deliberate change of the screen (or of the facts or quotations the core finds):
``pytest tests/test_snapshots.py --snapshot-update``, then look at the new SVGs before committing.
"""

from __future__ import annotations

import asyncio

import pytest

from reader.paths import BUNDLED_STORY_ID, bundled_content_dir
from reader.tui.app import ReaderApp

STORY = bundled_content_dir() / BUNDLED_STORY_ID
FIRST_ARTICLE = "nbd-2025-09-09"
FOLLOWERS_SENTENCE = 8  # the sentence whose figure other outlets contradict

pytestmark = pytest.mark.skipif(not STORY.is_dir(), reason="the bundled story is missing")


@pytest.fixture(autouse=True)
def fixed_user_dirs(tmp_path, monkeypatch):
    for kind in ("STATE", "CONFIG", "DATA", "CACHE"):
        monkeypatch.setenv(f"READER_{kind}_DIR", str(tmp_path / kind.lower()))


def _app(**options) -> ReaderApp:
    return ReaderApp([STORY], article_id=FIRST_ARTICLE, sentence=FOLLOWERS_SENTENCE, **options)


def _then(*keys: str):
    """Wait for the facts, press the keys, and let the screen settle (layout after a resize)."""

    async def run_before(pilot) -> None:
        for _ in range(600):
            if pilot.app.facts is not None:
                break
            await asyncio.sleep(0.1)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause(0.3)
        await pilot.pause()

    return run_before


def test_main_view_simplified(snap_compare):
    assert snap_compare(_app(script="hans"), terminal_size=(160, 45), run_before=_then())


def test_main_view_traditional(snap_compare):
    assert snap_compare(_app(), terminal_size=(160, 45), run_before=_then("t"))


def test_search(snap_compare):
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_then("slash", *"王騰"))


def test_narrow_terminal(snap_compare):
    assert snap_compare(_app(), terminal_size=(60, 20), run_before=_then("j"))


def test_medium_terminal_with_facts_below(snap_compare):
    assert snap_compare(_app(), terminal_size=(100, 30), run_before=_then("f"))


def test_facts_matrix(snap_compare):
    assert snap_compare(_app(facts_mode="story"), terminal_size=(160, 45), run_before=_then())
