"""Who filled in this session: name, role and department (the ``[respondent]`` table)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .base import OnWkApp, tr
from .widgets.keybar import KeyBar

FIELDS = ("name", "role", "department")


class RespondentScreen(OnWkApp, ModalScreen[tuple[str, str, str] | None]):
    CSS_PATH = "respondent.tcss"
    KEY_AREAS = ("respondent",)

    def __init__(self, current: tuple[str, str, str], read_only: bool = False) -> None:
        super().__init__()
        self.current, self.read_only = current, read_only

    def compose(self) -> ComposeResult:
        lang = self.app.language
        with Vertical(id="resp-box"):
            yield Static(Text(tr(lang, "resp_title"), "bold"), id="resp-title")
            for key, value in zip(FIELDS, self.current, strict=True):
                yield Label(tr(lang, f"resp_{key}"))
                yield Input(value, id=f"resp-{key}", disabled=self.read_only)
            yield Static(Text(tr(lang, "resp_hint"), "dim"), id="resp-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#resp-name", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_keep()

    def action_keep(self) -> None:
        if self.read_only:
            self.dismiss(None)
            return
        name, role, department = (self.query_one(f"#resp-{k}", Input).value.strip() for k in FIELDS)
        self.dismiss((name, role, department))

    def action_cancel(self) -> None:
        self.dismiss(None)
