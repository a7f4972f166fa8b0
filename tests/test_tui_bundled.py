"""The app on the bundled story: the facts panel shows a contradicted figure and jumps to it."""

from __future__ import annotations

import asyncio

import pytest

from reader.paths import BUNDLED_STORY_ID, bundled_content_dir
from reader.tui.app import ReaderApp
from reader.tui.facts_panel import FactsList
from tests.tui_helpers import drive, screen_text, user_dirs

STORY = bundled_content_dir() / BUNDLED_STORY_ID
pytestmark = pytest.mark.skipif(not STORY.is_dir(), reason="the bundled story is missing")


def _sentence_with(app: ReaderApp, figure: str) -> int:
    return next(i for i, s in enumerate(app.sentences) if figure in s.text)


def test_followers_conflict_and_jump_to_the_english_article(tmp_path, monkeypatch):
    user_dirs(monkeypatch, tmp_path)

    async def steps(app, pilot):
        for _ in range(600):
            if app.facts is not None:
                break
            await asyncio.sleep(0.1)
        assert app.facts, "the alignment found no facts"
        first = next(a for a in app.story.articles if a.outlet == "每日经济新闻")
        app.open_article(first.id)
        app._move_to(_sentence_with(app, "180.2万"))
        await pilot.pause()
        text = screen_text(app)
        assert "≠ conflict" in text
        assert "170万" in text and "2 million" in text
        facts = app.query_one(FactsList)
        facts.focus()
        await pilot.pause()
        english = next(i for i, e in enumerate(facts.entries) if "2 million" in e.text.plain and not e.disabled)
        facts.highlighted = english
        await pilot.press("enter")
        assert app.article.language == "en"
        assert "2 million" in app.current_sentence().text

    drive(ReaderApp([STORY]), steps)
