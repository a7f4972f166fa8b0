"""Every key, as currently bound (remapped keys included)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.styling import plain


class HelpScreen(ModalScreen[None]):
    """A table of keys and what they do; any of Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80%; max-width: 84; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", expand=True)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("does")
        for keys, description in self.rows:
            table.add_row(plain(keys), plain(description))
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys (Escape closes; Ctrl+P lists every action)"
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
