"""The header line: story, outlet, date and the script shown."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.tui.styling import plain


class StoryHeader(Static):
    """One line naming what is on screen; never markup (titles are data)."""

    DEFAULT_CSS = """
    StoryHeader {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """

    def show(self, story: str, outlet: str, date: str, script_label: str, busy: str = "") -> None:
        """Update the line; ``busy`` tells of slow work still running.

        The outlet, date and script always show; the story title takes what room is left.
        """
        self._parts = (story, outlet, date, script_label, busy)
        tail = Text(end="")
        for part in (outlet, date):
            if part:
                tail.append(" · ", "dim")
                tail.append_text(plain(part))
        tail.append("  ")
        tail.append(f" {script_label} ", "reverse bold")
        # before its first layout the header has no size yet: it will span the screen
        width = (self.size.width or max(0, self.app.size.width - self.styles.gutter.width) or 120) - 2
        if busy and width - tail.cell_len - len(busy) - 2 >= 16:
            tail.append("  ")
            tail.append_text(plain(busy, "italic dim"))
        room = max(0, width - tail.cell_len)
        title = plain(story, "bold")
        title.truncate(room, overflow="ellipsis")
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append_text(title)
        line.append_text(tail)
        if line != getattr(self, "_line", None):  # the same line again would cost a redraw
            self._line = line
            self.update(line)

    def on_resize(self) -> None:
        parts = getattr(self, "_parts", None)
        if parts is not None:
            self.show(*parts)
