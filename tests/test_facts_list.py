"""The facts panel's list: entries wrapped by the Chinese-aware breaker, a cursor that passes
over titles and silent outlets, Enter and clicks that choose a version."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult

from reader.tui.facts_list import Entry, FactsList, wrapped


def test_wrapped_keeps_the_indent_of_each_line_and_its_styles():
    text = Text("▸ 每日经济新闻", end="")
    text.append("\n  他是小米的明星产品经理，更是社交媒体上的网红达人。")
    text.stylize("bold", 2, 8)
    lines = wrapped(text, 14)
    assert [line.plain for line in lines] == [
        "▸ 每日经济新闻", "  他是小米的明", "  星产品经理，", "  更是社交媒体", "  上的网红达", "  人。"
    ]
    assert lines[0].spans and lines[0].spans[0].style == "bold"
    assert all(line.cell_len <= 14 for line in lines)


def test_wrapped_does_not_start_a_line_with_closing_punctuation():
    lines = wrapped(Text("一二三四五，六七八"), 10)
    assert not any(line.plain.startswith("，") for line in lines)


class ListApp(App[None]):
    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield FactsList()

    def on_mount(self) -> None:
        self.query_one(FactsList).set_entries(self.entries)

    def on_facts_list_selected(self, message: FactsList.Selected) -> None:
        self.chosen.append(message.key)


def _entries(facts: int) -> list[Entry]:
    entries = []
    for fact in range(facts):
        entries.append(Entry(Text(f"fact {fact}  ≠ conflict")))
        entries.append(Entry(Text(f"▸ outlet A\n  sentence {fact}A"), f"{fact}A"))
        entries.append(Entry(Text("  outlet B  silent")))
        entries.append(Entry(Text(f"  outlet C\n  sentence {fact}C"), f"{fact}C"))
    return entries


def _run(app: ListApp, steps, size=(40, 12)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(app, app.query_one(FactsList), pilot)

    asyncio.run(main())


def test_the_cursor_passes_over_titles_and_silent_outlets_and_enter_chooses():
    async def steps(app, facts, pilot):
        app.set_focus(None)
        await pilot.pause()
        facts.set_entries(app.entries)
        assert facts.highlighted is None
        facts.focus()
        await pilot.pause()
        assert facts.entries[facts.highlighted].key == "0A"  # the first version, not the title
        await pilot.press("j")
        assert facts.entries[facts.highlighted].key == "0C"  # silent B passed over
        await pilot.press("j", "enter")
        assert app.chosen == ["1A"]
        await pilot.press("k", "k", "k")
        assert facts.entries[facts.highlighted].key == "0A"  # stays on the first
        await pilot.press("G")
        assert facts.entries[facts.highlighted].key == "4C"
        assert facts.scroll_offset.y > 0  # brought into view
        await pilot.press("g")
        assert facts.entries[facts.highlighted].key == "0A" and facts.scroll_offset.y == 0

    _run(ListApp(_entries(5)), steps)


def test_a_click_on_a_version_chooses_it_and_on_a_title_does_nothing():
    async def steps(app, facts, pilot):
        await pilot.click(FactsList, offset=(3, 0))  # fact 0's title
        assert app.chosen == []
        await pilot.click(FactsList, offset=(3, 2))  # fact 0's sentence in outlet A
        assert app.chosen == ["0A"]

    _run(ListApp(_entries(2)), steps)


def test_new_entries_start_from_the_top():
    async def steps(app, facts, pilot):
        facts.focus()
        await pilot.press("G")
        facts.set_entries(_entries(1))
        await pilot.pause()
        assert facts.entries[facts.highlighted].key == "0A" and facts.scroll_offset.y == 0
        assert len(facts._lines) == 6  # a title, two versions of two lines, a silent outlet
        facts.blur()
        await pilot.pause()
        facts.set_entries(_entries(2))
        assert facts.highlighted is None  # shown, not being read

    _run(ListApp(_entries(6)), steps)


def test_the_highlight_shows_only_while_the_list_has_the_focus():
    async def steps(app, facts, pilot):
        facts.focus()
        await pilot.pause()
        focused = facts.render_line(1)
        facts.blur()
        await pilot.pause()
        assert facts.render_line(1) != focused
        assert facts.render_line(1) == facts.render_line(1)

    _run(ListApp(_entries(1)), steps)
