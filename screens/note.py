"""Edit the note of one criterion (multi-line).

Esc or Ctrl+S keeps the text (no keystroke is ever lost by leaving); the discard key or
button leaves the note as it was.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from .base import Translated
from .keys import KEYS
from .widgets.keybar import KeyBar


class NoteScreen(Translated, ModalScreen[str | None]):
    """Dismisses with the text to keep, or None to leave the note unchanged."""

    CSS_PATH = "note.tcss"
    KEY_AREAS = ("note",)

    def __init__(self, title: str, note: str, read_only: bool = False) -> None:
        super().__init__()
        self.criterion_title, self.note, self.read_only = title, note, read_only

    def _keys(self, action: str) -> str:
        """The keys of ``action`` as the key bar shows them (e.g. "Esc / ^s")."""
        keys, display = next((k, d) for k, a, _, _, d in KEYS["note"] if a == action)
        shown = [self.app.get_key_display(Binding(k, action)) for k in keys.split(",")]
        if display:
            shown[0] = display
        return " / ".join(shown)

    def compose(self) -> ComposeResult:
        keep, discard = self._keys("keep"), self._keys("discard")
        with Vertical(id="note-box"):
            yield Static(
                Text(self.t("note_title", title=self.criterion_title), "bold"), id="note-title"
            )
            yield TextArea(
                self.note,
                id="note-text",
                read_only=self.read_only,
                soft_wrap=True,
                show_line_numbers=False,
            )
            yield Static(Text(self.t("note_hint"), "dim"), id="note-hint")
            with Horizontal(id="note-buttons"):
                yield Button(f"{self.t('note_keep')} ({keep})", id="keep", variant="primary")
                yield Button(f"{self.t('note_discard')} ({discard})", id="discard")
        yield KeyBar()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def current_text(self) -> str | None:
        """The text as typed so far (None when read-only or not composed yet)."""
        if self.read_only or not self.is_mounted:
            return None
        return self.query_one(TextArea).text

    def action_keep(self) -> None:
        self.dismiss(None if self.read_only else self.query_one(TextArea).text)

    def action_discard(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.action_keep()

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.action_discard()
