"""The source list: every outlet of the story with its script badge, date and title."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.tui.core_bridge import wrap
from reader.tui.styling import plain


@dataclass(frozen=True)
class SourceEntry:
    """What the list shows of one article (title already in the display script)."""

    article_id: str
    outlet: str
    badge: str
    date: str
    title: str


BADGE_STYLES = {"简": "bold green", "繁": "bold magenta", "en": "bold cyan"}


def entry_text(number: int, entry: SourceEntry, current: bool, width: int) -> Text:
    """Two lines: number, outlet, badge and date (right-aligned); then the title."""
    date = entry.date[5:] if len(entry.date) == 10 else entry.date
    tail = 9  # " 简 09-09"
    outlet = plain(entry.outlet, "bold" if current else "")
    outlet.truncate(max(4, width - 2 - tail), overflow="ellipsis", pad=True)
    text = Text(end="")
    text.append(f"{number} " if number <= 9 else "  ", "bold" if current else "dim")
    text.append_text(outlet)
    text.append(f" {entry.badge:>2}" if cell_len(entry.badge) < 2 else f" {entry.badge}",
                BADGE_STYLES.get(entry.badge, "dim"))  # fmt: skip
    text.append(f" {date:>5}", "dim")
    for line in title_lines(entry.title, width - 2):
        text.append("\n  ")
        text.append_text(plain(line, "italic" if current else "dim"))
    return text


def title_lines(title: str, width: int, most: int = 2) -> list[str]:
    """The title wrapped by the Chinese-aware breaker, at most ``most`` lines (… when cut)."""
    spans = wrap(title, max(4, width)) if title else []
    lines = [title[s:e].strip() for s, e in spans[:most]]
    if len(spans) > most and lines:
        last = lines[-1]
        while last and cell_len(last) + 1 > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


class SourceList(OptionList):
    """Outlets, ordered by date; selecting one asks the app to open it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    DEFAULT_CSS = """
    SourceList { border: round $panel-lighten-2; padding: 0; }
    SourceList:focus { border: round $accent; }
    SourceList > .option-list--option { padding: 0 0 1 0; }
    """

    def show(self, entries: list[SourceEntry], current_id: str | None) -> None:
        """Replace the list, keeping the highlight on the article shown."""
        self.entries, self.current_id = entries, current_id
        width = max(12, self.scrollable_content_region.width or 30)
        self.clear_options()
        self.add_options(
            Option(entry_text(i + 1, e, e.article_id == current_id, width), id=e.article_id)
            for i, e in enumerate(entries)
        )
        ids = [e.article_id for e in entries]
        if current_id in ids:
            self.highlighted = ids.index(current_id)

    def on_resize(self) -> None:
        if getattr(self, "entries", None) is not None:
            self.show(self.entries, self.current_id)
