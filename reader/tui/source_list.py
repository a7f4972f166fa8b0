"""The source list: every outlet of the story with its script badge, date and title.

One widget drawing its own lines (Line API): an entry is converted to the display script only
when it comes into view, and its height comes from the original title, so switching scripts
converts what shows and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.tui.core_bridge import wrap
from reader.tui.styling import plain

Convert = Callable[[str, "str | None"], str]  # text, language -> text in the display script


@dataclass(frozen=True)
class SourceEntry:
    """One article as the list shows it; outlet and title as stored (converted when drawn)."""

    article_id: str
    outlet: str
    badge: str
    date: str
    title: str
    language: str | None = None


BADGE_STYLES = {"简": "bold green", "繁": "bold magenta", "en": "bold cyan"}
TITLE_LINES = 2  # at most, under the outlet's line
TAIL = 9  # " 简 09-09"


def head_text(number: int, entry: SourceEntry, outlet: str, current: bool, width: int) -> Text:
    """Number, outlet, badge and date (right-aligned) on one line."""
    date = entry.date[5:] if len(entry.date) == 10 else entry.date
    name = plain(outlet, "bold" if current else "")
    name.truncate(max(4, width - 2 - TAIL), overflow="ellipsis", pad=True)
    text = Text(end="", no_wrap=True)
    text.append(f"{number} " if number <= 9 else "  ", "bold" if current else "dim")
    text.append_text(name)
    text.append(f" {entry.badge:>2}" if cell_len(entry.badge) < 2 else f" {entry.badge}",
                BADGE_STYLES.get(entry.badge, "dim"))  # fmt: skip
    text.append(f" {date:>5}", "dim")
    return text


def title_lines(title: str, width: int, most: int = TITLE_LINES) -> list[str]:
    """The title wrapped by the Chinese-aware breaker, at most ``most`` lines (… when cut)."""
    spans = wrap(title, max(4, width)) if title else []
    lines = [title[s:e].strip() for s, e in spans[:most]]
    if len(spans) > most and lines:
        last = lines[-1]
        while last and cell_len(last) + 1 > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


class SourceList(ScrollView, can_focus=True):
    """Outlets, ordered by date; Enter or a click asks the app to open one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("g,home", "cursor_to(0)", "First", show=False),
        Binding("G,end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"source-list--highlight"}
    DEFAULT_CSS = """
    SourceList { border: round $panel-lighten-2; padding: 0; overflow-x: hidden; }
    SourceList:focus { border: round $accent; }
    SourceList > .source-list--highlight { background: $accent 30%; }
    """

    class Selected(Message):
        """The reader chose this article."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: list[SourceEntry] = []
        self.current_id: str | None = None
        self.highlighted = 0
        self._convert: Convert = lambda text, _language: text
        self._firsts: list[int] = []  # first line of each entry
        self._heights_width = -1
        self._lines: dict[int, list[Text]] = {}  # entry -> its lines, in the display script
        self._base_style: Style | None = None
        self.border_title = "Sources"

    # ------------------------------------------------------------ what the app hands down

    def show(self, entries: list[SourceEntry], current_id: str | None, convert: Convert) -> None:
        """Show the entries (texts converted by ``convert`` when drawn); highlight the current one."""
        if entries != self.entries:
            self.entries = entries
            self._heights_width = -1
        self.current_id, self._convert = current_id, convert
        ids = [e.article_id for e in entries]
        if current_id in ids:
            self.highlighted = ids.index(current_id)
        self._lines.clear()
        self._measure()
        self.refresh()

    @property
    def _width(self) -> int:
        return max(12, self.scrollable_content_region.width or 30)

    def _measure(self) -> None:
        """Entry positions for this width, from the original titles (conversion keeps their length).
        Not before the list has its size: the first drawing measures it then."""
        if not self.scrollable_content_region.width:
            return
        width = self._width
        if width == self._heights_width:
            return
        self._heights_width = width
        self._firsts, line = [], 0
        for entry in self.entries:
            self._firsts.append(line)
            line += 2 + len(title_lines(entry.title, width - 2))  # head, title, a blank line
        self.virtual_size = Size(width, line)
        self._lines.clear()

    def on_resize(self) -> None:
        measured = self._heights_width
        self._measure()
        if self._heights_width != measured:
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._measure()
        self._base_style = self.rich_style  # walks every ancestor's styles: once per drawing, not per line
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    # ------------------------------------------------------------ drawing

    def _entry_lines(self, index: int) -> list[Text]:
        lines = self._lines.get(index)
        if lines is None:
            entry, width = self.entries[index], self._width
            current = entry.article_id == self.current_id
            outlet = self._convert(entry.outlet, entry.language)
            lines = [head_text(index + 1, entry, outlet, current, width)]
            most = self._entry_height(index) - 2
            for line in title_lines(self._convert(entry.title, entry.language), width - 2, most):
                lines.append(Text("  ", end="", no_wrap=True) + plain(line, "italic" if current else "dim"))
            self._lines[index] = lines
        return lines

    def _entry_height(self, index: int) -> int:
        end = self._firsts[index + 1] if index + 1 < len(self._firsts) else self.virtual_size.height
        return end - self._firsts[index]

    def _entry_at(self, line: int) -> int:
        index = 0
        for i, first in enumerate(self._firsts):
            if first > line:
                break
            index = i
        return index

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self._base_style or self.rich_style
        number = self.scroll_offset.y + y
        if not self._firsts or number >= self.virtual_size.height:
            return Strip.blank(width, base)
        index = self._entry_at(number)
        lines = self._entry_lines(index)
        within = number - self._firsts[index]
        text = lines[within] if within < len(lines) else Text("")
        style = base
        if index == self.highlighted and self.has_focus and within < self._entry_height(index) - 1:
            style = base + self.get_component_rich_style("source-list--highlight")
        segments = list(Text(style=style, end="").append_text(text).render(self.app.console))
        return Strip(segments).extend_cell_length(width, style).crop(0, width)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------ keys and mouse

    def action_cursor(self, step: int) -> None:
        if self.entries:
            self._highlight(min(max(0, self.highlighted + step), len(self.entries) - 1))

    def action_cursor_to(self, index: int) -> None:
        if self.entries:
            self._highlight(index % len(self.entries))

    def _highlight(self, index: int) -> None:
        self.highlighted = index
        if not self._firsts:  # not measured yet (hidden, or before its first drawing)
            self.refresh()
            return
        top, height = self._firsts[index], self._entry_height(index)
        view = self.scrollable_content_region.height or self.size.height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif top + height > self.scroll_offset.y + view:
            self.scroll_to(y=top + height - view, animate=False)
        self.refresh()

    def action_select(self) -> None:
        if 0 <= self.highlighted < len(self.entries):
            self.post_message(self.Selected(self.entries[self.highlighted].article_id))

    def on_click(self, event: Click) -> None:
        if self._firsts:
            index = self._entry_at(self.scroll_offset.y + event.y)
            self.highlighted = index
            self.refresh()
            self.post_message(self.Selected(self.entries[index].article_id))
