"""The footer line: the main keys, as currently bound, in one widget.

Textual's own Footer is a container of one widget per key, recomposed whenever focus or
bindings change; a fixed line of the main keys costs one widget and one render.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.widget import Widget

from reader.tui.styling import plain


class KeyBar(Widget):
    """``key description`` pairs on one line; clicking one asks the app to run its action."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar { height: 1; background: $panel; color: $text-muted; }
    KeyBar > .key-bar--key { color: $accent; text-style: bold; }
    KeyBar > .key-bar--description { color: $text; }
    """

    class Pressed(Message):
        """The reader clicked a key's label: run this action."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def __init__(self, keys: list[tuple[str, str, str]] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.keys = keys or []  # (key label, description, action)
        self._spans: list[tuple[int, int, str]] = []

    def show(self, keys: list[tuple[str, str, str]]) -> None:
        self.keys = keys
        self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        width = self.size.width or 200
        for compact in (False, True):  # compact: the last word of each description, one space apart
            line = Text(no_wrap=True, overflow="crop", end="")
            self._spans = []
            for key, description, action in self.keys:
                start = line.cell_len
                line.append(" ")
                line.append_text(plain(key, key_style))
                line.append(" ")
                line.append_text(plain((description.split() or [""])[-1] if compact else description, text_style))
                if not compact:
                    line.append(" ")
                self._spans.append((start, line.cell_len, action))
            if line.cell_len <= width:
                break
        return line

    def on_click(self, event: Click) -> None:
        action = next((a for start, end, a in self._spans if start <= event.x < end), None)
        if action:
            self.post_message(self.Pressed(action))
