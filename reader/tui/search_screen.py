"""The search: a query over every outlet of the story, results with the match marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.search import Hit
from reader.tui.list_keys import JK_BINDINGS
from reader.tui.styling import marked, plain


@dataclass(frozen=True)
class Result:
    """One hit as the list shows it (snippet already in the display script)."""

    hit: Hit
    outlet: str
    snippet: str
    match_start: int
    match_end: int


@dataclass(frozen=True)
class Chosen:
    """What the search returns: the query, all its hits, and the one picked."""

    query: str
    hits: list[Hit]
    index: int


Searcher = Callable[[str], list[Result]]
SHOWN = 200


class ResultList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = JK_BINDINGS


class SearchScreen(ModalScreen[Chosen | None]):
    """Type to search; ↓ or Tab to the results; Enter opens one; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", show=False)]
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical {
        width: 90%; max-width: 110; height: 80%; margin-top: 2;
        border: round $accent; background: $surface; padding: 0 1;
    }
    SearchScreen #search-status { color: $text-muted; height: 1; }
    SearchScreen ResultList, SearchScreen ResultList:focus { height: 1fr; border: none; }
    """

    def __init__(self, searcher: Searcher, query: str = "") -> None:
        super().__init__()
        self.searcher = searcher
        self.initial = query
        self.results: list[Result] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search all outlets (script- and case-insensitive)"
            yield Input(value=self.initial, placeholder="王腾, 王騰, Xiaomi…", id="search-input")
            yield Static(id="search-status")
            yield ResultList(id="search-results")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        # headless (screenshots, tests) the frame must not depend on when the cursor blinks
        field.cursor_blink = not self.app.is_headless
        field.focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Fill the list with the hits of the query."""
        self.results = self.searcher(query) if query.strip() else []
        results = self.query_one(ResultList)
        results.clear_options()
        results.add_options(Option(self._row(r), id=str(i)) for i, r in enumerate(self.results[:SHOWN]))
        outlets = len({r.hit.article_id for r in self.results})
        status = f"{len(self.results)} matches in {outlets} outlets" if query.strip() else "type to search"
        if len(self.results) > SHOWN:
            status += f" (first {SHOWN} listed)"
        self.query_one("#search-status", Static).update(status)

    @staticmethod
    def _row(result: Result) -> Text:
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        text.append_text(plain(result.outlet, "bold"))
        text.append("  ")
        text.append_text(marked(result.snippet, result.match_start, result.match_end, "bold reverse"))
        return text

    @on(Input.Submitted)
    def _submitted(self) -> None:
        if self.results:
            self._choose(0)

    def key_down(self) -> None:
        if self.query_one(Input).has_focus and self.results:
            self.query_one(ResultList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(int(event.option.id or 0))

    def _choose(self, index: int) -> None:
        query = self.query_one(Input).value
        self.dismiss(Chosen(query, [r.hit for r in self.results], index))

    def action_close(self) -> None:
        self.dismiss(None)
