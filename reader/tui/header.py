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
        """Update the line; ``busy`` tells of slow work still running."""
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append_text(plain(story, "bold"))
        for part in (outlet, date):
            if part:
                line.append("  ·  ", "dim")
                line.append_text(plain(part))
        line.append("  ·  ", "dim")
        line.append(f" {script_label} ", "reverse bold")
        if busy:
            line.append("  ")
            line.append_text(plain(busy, "italic dim"))
        self.update(line)
