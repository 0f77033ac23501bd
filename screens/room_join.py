"""Joining a live room from a browser (``wk-tui join DIR --ask-code``): the room code
first, then the normal rating screens on the participant's own new session file."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from wk_tui.errors import WkError
from wk_tui.files import load_session
from wk_tui.room import join, load_room, subset
from wk_tui.session_store import SessionStore

from .base import Translated


def open_participant(folder: Path, name: str, code: str | None) -> SessionStore:
    """Make the participant's file and open it on the room's fields only."""
    room = load_room(folder)
    path = join(folder, name, code=code)
    _s, q = load_session(path, strict=False)
    return SessionStore.open(path, subset(q, room.fields))


class JoinScreen(Translated, Screen):
    """Asks for the room code; a wrong code creates nothing."""

    CSS_PATH = "room_join.tcss"
    KEY_AREAS = ()

    def __init__(self, folder: Path, name: str = "") -> None:
        super().__init__()
        self.folder, self.participant = Path(folder), name

    def compose(self) -> ComposeResult:
        with Vertical(id="join"):
            yield Static(Text(self.t("join_title"), "bold"))
            yield Static(Text(self.t("join_code_prompt")), classes="label")
            yield Input(id="code", placeholder="123 456", max_length=12)
            yield Button(self.t("join_button"), id="go", variant="primary")
            yield Static(id="error")

    @on(Button.Pressed, "#go")
    @on(Input.Submitted, "#code")
    def _go(self) -> None:
        code = self.query_one("#code", Input).value
        try:
            store = open_participant(self.folder, self.participant, code)
        except WkError as exc:
            wrong = "wrong room code" in exc.message
            message = self.t("join_wrong_code") if wrong else exc.text(self.app.language)
            self.query_one("#error", Static).update(Text(message, "bold"))
            return
        app = self.app
        self.dismiss()
        app.open_store(store)
