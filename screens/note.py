"""Edit the note of one criterion (multi-line); Esc or Ctrl+S keeps it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from .base import tr
from .widgets.keybar import KeyBar


class NoteScreen(ModalScreen[str | None]):
    CSS_PATH = "note.tcss"
    KEY_AREAS = ("note",)

    def __init__(self, title: str, note: str, read_only: bool = False) -> None:
        super().__init__()
        self.criterion_title, self.note, self.read_only = title, note, read_only

    def compose(self) -> ComposeResult:
        lang = self.app.language
        with Vertical(id="note-box"):
            yield Static(
                Text(tr(lang, "note_title", title=self.criterion_title), "bold"), id="note-title"
            )
            yield TextArea(
                self.note,
                id="note-text",
                read_only=self.read_only,
                soft_wrap=True,
                show_line_numbers=False,
            )
            yield Static(Text(tr(lang, "note_hint"), "dim"), id="note-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_keep(self) -> None:
        self.dismiss(None if self.read_only else self.query_one(TextArea).text)
