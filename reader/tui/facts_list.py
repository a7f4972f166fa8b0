"""The list under the facts panel's head: fact titles and each outlet's version, one entry each.

One widget drawing its own lines (Line API), as the source list does: entries are wrapped by the
Chinese-aware line breaker for the list's width when first drawn, and only the lines in view
are drawn. Titles and silent outlets are entries the cursor passes over.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.tui.core_bridge import wrap

PADDING = 1  # a blank cell on each side of an entry


class Entry:
    """One entry: its text, and the key it is chosen by (None: the cursor passes over it)."""

    __slots__ = ("key", "text")

    def __init__(self, text: Text, key: str | None = None) -> None:
        self.text = text
        self.key = key

    @property
    def disabled(self) -> bool:
        return self.key is None


def wrapped(text: Text, width: int) -> list[Text]:
    """``text`` in lines of at most ``width`` cells; a wrapped line keeps its line's indent."""
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        plain = paragraph.plain
        indent = len(plain) - len(plain.lstrip(" "))
        body = paragraph[indent:]
        spans = wrap(body.plain, max(1, width - indent)) or [(0, 0)]
        lines.append(paragraph[: indent + spans[0][1]])  # the first line as it is, indent and all
        for start, end in spans[1:]:
            line = Text(" " * indent, end="", no_wrap=True)
            line.append_text(body[start:end])
            lines.append(line)
    return lines


class FactsList(ScrollView, can_focus=True):
    """Entries of several lines each; Enter or a click chooses the highlighted version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("g,home", "cursor_to(0)", "First", show=False),
        Binding("G,end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts-list--highlight"}
    DEFAULT_CSS = """
    FactsList { overflow-x: hidden; }
    FactsList > .facts-list--highlight { background: $accent 30%; }
    """

    class Selected(Message):
        """The reader chose the entry with this key."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: list[Entry] = []
        self.highlighted: int | None = None
        self._lines: list[tuple[int, Text]] = []  # (entry, line) of every line at the laid-out width
        self._firsts: list[int] = []  # first line of each entry
        self._laid_width = -1
        self._base_style: Style | None = None

    def set_entries(self, entries: list[Entry]) -> None:
        """Show these entries, from the top; the first version is highlighted when the list has
        the focus, none otherwise."""
        self.entries = entries
        self.highlighted = self._next_enabled(-1, 1) if self.has_focus else None
        self._laid_width = -1
        self._lay_out()
        self.scroll_to(y=0, animate=False)
        self.refresh()

    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _lay_out(self) -> None:
        """Every entry's lines for this width; not before the list has its size (the first
        drawing lays it out then)."""
        width = self._width
        if not width or width == self._laid_width:
            return
        self._laid_width = width
        self._lines, self._firsts = [], []
        for index, entry in enumerate(self.entries):
            self._firsts.append(len(self._lines))
            self._lines.extend((index, line) for line in wrapped(entry.text, width - 2 * PADDING))
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        laid = self._laid_width
        self._lay_out()
        if self._laid_width != laid:
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lay_out()
        self._base_style = self.rich_style  # walks every ancestor's styles: once per drawing, not per line
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self._base_style or self.rich_style
        number = self.scroll_offset.y + y
        if number >= len(self._lines):
            return Strip.blank(width, base)
        index, text = self._lines[number]
        style = base
        if index == self.highlighted and self.has_focus:
            style = base + self.get_component_rich_style("facts-list--highlight")
        line = Text(" " * PADDING, end="", no_wrap=True)
        line.append_text(text)
        line.stylize_before(style)  # a span, not the Text's style: Text.render drops that when it has no span
        return Strip(list(line.render(self.app.console))).extend_cell_length(width, style).crop(0, width)

    def on_focus(self) -> None:
        if self.highlighted is None:
            self._highlight(self._next_enabled(-1, 1))
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------ keys and mouse

    def _next_enabled(self, start: int, step: int) -> int | None:
        """The first enabled entry after ``start`` going by ``step``; None when there is none."""
        index = start + step
        while 0 <= index < len(self.entries):
            if not self.entries[index].disabled:
                return index
            index += step
        return None

    def action_cursor(self, step: int) -> None:
        start = self.highlighted if self.highlighted is not None else (-1 if step > 0 else len(self.entries))
        found = self._next_enabled(start, step)
        if found is not None:
            self._highlight(found)
        elif self.highlighted is not None:
            self._show_entry(self.highlighted, whole=step > 0)  # the titles beyond it come into view

    def action_cursor_to(self, index: int) -> None:
        step = 1 if index >= 0 else -1
        found = self._next_enabled(-1 if step > 0 else len(self.entries), step)
        if found is not None:
            self._highlight(found)

    def _highlight(self, index: int | None) -> None:
        self.highlighted = index
        if index is not None:
            self._show_entry(index)
        self.refresh()

    def _show_entry(self, index: int, whole: bool = False) -> None:
        """Scroll so the entry is in view, with its title above it when there is room."""
        if not self._firsts:  # not laid out yet (hidden, or before its first drawing)
            return
        top = self._firsts[index]
        bottom = self._firsts[index + 1] if index + 1 < len(self._firsts) else len(self._lines)
        if whole:
            bottom = len(self._lines)
        view = self.scrollable_content_region.height or self.size.height
        title = top
        while title > 0 and self.entries[self._lines[title - 1][0]].disabled and top - title < 2:
            title -= 1
        if title < self.scroll_offset.y:
            self.scroll_to(y=title, animate=False)
        elif bottom > self.scroll_offset.y + view:
            self.scroll_to(y=max(0, min(top, bottom - view)), animate=False)

    def action_select(self) -> None:
        if self.highlighted is not None and not self.entries[self.highlighted].disabled:
            self.post_message(self.Selected(self.entries[self.highlighted].key or ""))

    def on_click(self, event: Click) -> None:
        number = self.scroll_offset.y + event.y
        if 0 <= number < len(self._lines):
            index = self._lines[number][0]
            if not self.entries[index].disabled:
                self._highlight(index)
                self.post_message(self.Selected(self.entries[index].key or ""))
