"""The facts × outlets table of the facts panel (its own module: DataTable loads when first shown)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import DataTable

from reader.tui.list_keys import JK_BINDINGS


class FactsMatrix(DataTable):
    BINDINGS: ClassVar[list[BindingType]] = JK_BINDINGS
