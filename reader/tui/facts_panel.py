"""The facts panel: how every outlet states the facts of the sentence read, or the whole matrix.

The app prepares the rows (texts already in the display script); the panel only draws them and
posts ``Jump`` when the reader picks an outlet's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from reader.tui.facts_list import Entry, FactsList
from reader.tui.styling import marked, plain

MATRIX_STATUS_WIDTH = 11
_CELL_PADDING = 2  # a DataTable cell's padding, one cell on each side


def _matrix_widths(available: int, outlets: int) -> tuple[int, int]:
    """Widths of the fact column and of each outlet column for a panel ``available`` cells wide."""
    fact = max(12, min(26, available * 3 // 10))
    room = available - 2 - (fact + _CELL_PADDING) - (MATRIX_STATUS_WIDTH + _CELL_PADDING)  # 2: scrollbar
    cell = room // max(outlets, 1) - _CELL_PADDING
    return fact, max(6, min(16, cell))


def _fit(text: Text, width: int) -> Text:
    """``text`` cut to ``width`` cells, ending in "…" when it was longer."""
    if text.cell_len <= width:
        return text
    cut = text.copy()
    cut.truncate(width, overflow="ellipsis")
    return cut


STATUS_LABELS = {"agree": "= agree", "conflict": "≠ conflict", "single": "· only here"}


@dataclass(frozen=True)
class VersionRow:
    """One outlet's statement of a fact (or its silence)."""

    outlet: str
    article_id: str
    start: int = 0
    sentence: str = ""
    value_start: int = -1
    value_end: int = -1
    value: str = ""
    here: bool = False

    @property
    def silent(self) -> bool:
        return not self.sentence


@dataclass(frozen=True)
class FactBlock:
    label: str
    status: str
    rows: tuple[VersionRow, ...]


@dataclass(frozen=True)
class MatrixRow:
    label: str
    status: str
    cells: tuple[VersionRow, ...]


def progress_bar(fraction: float, width: int) -> Text:
    """``━━━━╸     42%``: the alignment's progress in one line."""
    done = round(min(1.0, max(0.0, fraction)) * width)
    bar = Text(end="", no_wrap=True)
    bar.append("━" * done, "bold")
    bar.append("━" * (width - done), "dim")
    bar.append(f" {round(100 * fraction):3d}%", "dim")
    return bar


class FactsPanel(Vertical):
    """Facts of the current sentence across outlets, or the facts × outlets matrix."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts--agree", "facts--conflict", "facts--single"}
    DEFAULT_CSS = """
    FactsPanel > .facts--agree { color: $success; text-style: bold; }
    FactsPanel > .facts--conflict { color: $error; text-style: bold; }
    FactsPanel > .facts--single { color: $text-muted; }
    FactsPanel { border: round $panel-lighten-2; }
    FactsPanel:focus-within { border: round $accent; }
    FactsPanel #facts-head { height: auto; padding: 0 1; }
    FactsPanel FactsList { height: 1fr; }
    FactsPanel FactsMatrix { height: 1fr; }
    """

    class Jump(Message):
        """Open this article at this body offset."""

        def __init__(self, article_id: str, offset: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.offset = offset

    def status_text(self, status: str) -> Text:
        """The status as a word and a sign, coloured by the theme."""
        style = self.get_component_rich_style(f"facts--{status}", partial=True) if status in STATUS_LABELS else ""
        return Text(STATUS_LABELS.get(status, status), style=style)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._targets: dict[str, tuple[str, int]] = {}
        self._matrix_targets: list[tuple[VersionRow, ...]] = []
        self._head = Text()
        self._progress: float | None = None
        self._matrix = None  # the FactsMatrix, made (and its module loaded) the first time it is shown
        self._matrix_shown: tuple[Text, list[str], list[MatrixRow]] | None = None
        self._matrix_width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="facts-head")
        yield FactsList(id="facts-list")

    # ------------------------------------------------------------ modes

    def show_progress(self, fraction: float | None) -> None:
        """Show (a fraction of 1) or hide (None) the alignment's progress, under the head."""
        self._progress = fraction
        self._show_head(self._head)

    def _show_head(self, head: Text) -> None:
        self._head = head
        if self._progress is not None:
            head = head.copy()
            head.append("\n")
            head.append_text(progress_bar(self._progress, max(10, self.content_region.width - 6)))
        self.query_one("#facts-head", Static).update(head)

    def _mode(self, matrix: bool) -> None:
        self.query_one(FactsList).display = not matrix
        if self._matrix is not None:
            self._matrix.display = matrix

    def show_lines(self, head: Text, lines: list[Text]) -> None:
        """Plain information (the sentence's outlet and position before facts are known)."""
        self._mode(False)
        self._show_head(head)
        self.query_one(FactsList).set_entries([Entry(line) for line in lines])
        self._targets = {}

    def show_sentence(self, head: Text, blocks: list[FactBlock]) -> None:
        """Each fact of the sentence, with every outlet's version; outlets that say nothing: silent."""
        self._mode(False)
        self._show_head(head)
        self._targets = {}
        entries: list[Entry] = []
        for b, block in enumerate(blocks):
            title = Text(end="")
            title.append_text(plain(block.label, "bold"))
            title.append("  ")
            title.append_text(self.status_text(block.status))
            entries.append(Entry(title))
            for r, row in enumerate(block.rows):
                key = f"v{b}-{r}"
                if not row.silent:
                    self._targets[key] = (row.article_id, row.start)
                entries.append(Entry(self._version(row), None if row.silent else key))
        self.query_one(FactsList).set_entries(entries)

    @staticmethod
    def _version(row: VersionRow) -> Text:
        text = Text(end="")
        text.append("▸ " if row.here else "  ", "bold")
        text.append_text(plain(row.outlet, "bold" if row.here else ""))
        if row.silent:
            text.append("  silent", "dim italic")
            return text
        if row.value:
            text.append("  ")
            text.append_text(plain(row.value, "bold reverse"))
        text.append("\n  ")
        text.append_text(marked(row.sentence, row.value_start, row.value_end, "bold underline"))
        return text

    def on_resize(self) -> None:
        """Columns are sized to the panel: size them again when it changes width."""
        shown = self._matrix_shown
        visible = self._matrix is not None and self._matrix.display
        if shown and visible and self.content_region.width != self._matrix_width:
            self.show_matrix(*shown)

    def show_matrix(self, head: Text, outlets: list[str], rows: list[MatrixRow]) -> None:
        """The facts × outlets matrix, conflicts first; a cell's Enter opens that sentence."""
        self._matrix_shown = (head, outlets, rows)
        self._matrix_width = self.content_region.width
        if self._matrix is None:
            from reader.tui.facts_matrix import FactsMatrix  # DataTable: loaded when first needed

            self._matrix = FactsMatrix(id="facts-matrix", cursor_type="cell", zebra_stripes=True)
            self.mount(self._matrix)
        self._mode(True)
        self._show_head(head)
        table = self._matrix
        table.clear(columns=True)
        # columns sized so every outlet fits beside the facts; longer text ends in "…"
        fact_width, cell_width = _matrix_widths(self._matrix_width, len(outlets))
        table.add_column("fact", width=fact_width)
        table.add_column("status", width=MATRIX_STATUS_WIDTH)
        for outlet in outlets:
            table.add_column(_fit(plain(outlet), cell_width), width=cell_width)
        self._matrix_targets = []
        for row in rows:
            cells = [
                _fit(plain(c.value or ("✓" if not c.silent else "—"), "" if not c.silent else "dim"), cell_width)
                for c in row.cells
            ]
            table.add_row(_fit(plain(row.label), fact_width), self.status_text(row.status), *cells)
            self._matrix_targets.append(row.cells)

    # ------------------------------------------------------------ jumps

    def on_facts_list_selected(self, event: FactsList.Selected) -> None:
        event.stop()
        target = self._targets.get(event.key)
        if target:
            self.post_message(self.Jump(*target))

    def on_data_table_cell_selected(self, event) -> None:  # DataTable.CellSelected
        event.stop()
        row, column = event.coordinate.row, event.coordinate.column - 2
        if 0 <= row < len(self._matrix_targets) and 0 <= column < len(self._matrix_targets[row]):
            cell = self._matrix_targets[row][column]
            if not cell.silent:
                self.post_message(self.Jump(cell.article_id, cell.start))
