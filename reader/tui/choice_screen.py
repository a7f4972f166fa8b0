"""A small chooser: pick one of a few options (script, citation style, story, outlet, quotation)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.tui.list_keys import JK_BINDINGS
from reader.tui.styling import plain


class ChoiceList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = JK_BINDINGS


class ChoiceScreen(ModalScreen[str | None]):
    """Options by id; Enter returns the id, Escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss_none", "Close", show=False)]
    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ChoiceScreen #choice-title { text-style: bold; padding: 0 0 1 0; }
    ChoiceScreen ChoiceList, ChoiceScreen ChoiceList:focus { border: none; height: auto; max-height: 30; }
    """

    def __init__(self, title: str, options: list[tuple[str, str | Text]], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.title_text), id="choice-title")
            yield ChoiceList(
                *(Option(label if isinstance(label, Text) else plain(label), id=key) for key, label in self.options)
            )

    def on_mount(self) -> None:
        choices = self.query_one(ChoiceList)
        ids = [key for key, _ in self.options]
        if self.current in ids:
            choices.highlighted = ids.index(self.current)
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
