"""Keys shared by every list and table of the app: j/k move the cursor as ↓/↑ do."""

from __future__ import annotations

from textual.binding import Binding, BindingType

JK_BINDINGS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]
