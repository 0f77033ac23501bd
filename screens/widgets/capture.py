"""One workshop list with quick capture: a heading, the items, and an input at the end.

The column only shows and asks: it renders the items it is given and posts what was typed
(:class:`Captured`); the workshop screen runs the change through the core.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from ..base import OnWkApp, tr
from .scrolling import FieldList


class ItemList(FieldList):
    """The items of one list (an OptionList without PageUp/PageDown)."""


class CaptureInput(Input):
    """The quick-capture input; ``index`` is None when adding, else the edited item."""

    index: int | None = None


class Captured(Message):
    """Text typed into a column's input: add it (``index`` None) or replace item ``index``."""

    def __init__(self, column: CaptureColumn, text: str, index: int | None) -> None:
        super().__init__()
        self.column, self.text, self.index = column, text, index


class CaptureColumn(OnWkApp, Vertical):
    def __init__(self, kind: str, title: str) -> None:
        super().__init__(classes="capture", id=f"col-{kind}")
        self.kind, self.title = kind, title

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title, "bold"), classes="capture-title")
        yield Static(Text(tr(self.app.language, "empty_list"), "dim"), classes="capture-empty")
        yield ItemList(id=f"list-{self.kind}")
        yield CaptureInput(id=f"input-{self.kind}")

    @property
    def items(self) -> ItemList:
        return self.query_one(ItemList)

    @property
    def input(self) -> CaptureInput:
        return self.query_one(CaptureInput)

    @property
    def is_open(self) -> bool:
        return self.input.has_class("-open")

    def show_items(self, prompts: list, highlight: int | None = None) -> None:
        """Replace the shown items; the highlight stays where it was unless given."""
        lst = self.items
        keep = lst.highlighted if highlight is None else highlight
        lst.clear_options()
        lst.add_options([Option(p) for p in prompts])
        if prompts:
            lst.highlighted = max(0, min(keep or 0, len(prompts) - 1))
        self.set_class(not prompts, "-empty")
        self.query_one(".capture-title", Static).update(
            Text.assemble((self.title, "bold"), (f"  {len(prompts)}", "dim"))
        )

    def open_input(self, text: str = "", index: int | None = None) -> None:
        box = self.input
        box.index = index
        box.placeholder = tr(
            self.app.language, "capture_placeholder" if index is None else "edit_placeholder"
        )
        box.value = text
        box.add_class("-open")
        box.focus()
        box.cursor_position = len(text)

    def close_input(self) -> None:
        self.input.remove_class("-open")
        self.input.value = ""
        self.input.index = None
        self.items.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(Captured(self, event.value, self.input.index))
