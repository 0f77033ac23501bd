"""Shown when another process holds the session: who holds it, and read-only or quit."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from .base import OnWkApp, tr


class LockedScreen(OnWkApp, ModalScreen[bool]):
    """Dismisses with True for read-only, False for quit."""

    CSS_PATH = "locked.tcss"
    KEY_AREAS = ("modal",)

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        lang = self.app.language
        with Vertical(id="locked"):
            yield Static(Text(tr(lang, "locked_title"), "bold"), id="locked-title")
            yield Static(Text(tr(lang, "locked_text", message=self.message)), id="locked-text")
            with Horizontal(id="locked-buttons"):
                yield Button(tr(lang, "open_read_only"), id="read-only", variant="primary")
                yield Button(tr(lang, "quit"), id="quit")

    def on_mount(self) -> None:
        self.query_one("#read-only", Button).focus()

    @on(Button.Pressed)
    def _choose(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "read-only")

    def action_dismiss_modal(self) -> None:
        self.dismiss(False)
