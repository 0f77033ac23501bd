"""Shown over everything while the terminal is smaller than the app can be used at.

A modal screen: no key reaches the screens below it (no rating can be given blind) until
the terminal is large enough again; Ctrl+Q still quits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import ModalScreen
from textual.widgets import Static

from .base import MIN_HEIGHT, MIN_WIDTH, Translated, make, too_small

if TYPE_CHECKING:
    from .app import WkApp


class TooSmallScreen(Translated, ModalScreen[None]):
    CSS_PATH = "toosmall.tcss"
    SIZE_NOTICE = True  # WkApp.check_size: shown, so it may have to go
    KEY_AREAS = ("start",)

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="too-small-text")

    def on_mount(self) -> None:
        self.show_size()

    def on_resize(self) -> None:
        self.show_size()

    def show_size(self) -> None:
        width, height = self.app.size
        text = Text(
            self.t(
                "too_small",
                width=width,
                height=height,
                min_width=MIN_WIDTH,
                min_height=MIN_HEIGHT,
            ),
            "bold",
            justify="center",
        )
        text.append("\n\n" + self.t("too_small_quit"), "dim not bold")
        self.query_one("#too-small-text", Static).update(text)

    async def action_quit(self) -> None:
        await self.app.action_quit()


def cover_if_too_small(app: WkApp) -> None:
    """Cover ``app`` with the notice while it is too small; uncover it once it fits."""
    covered = isinstance(app.screen, TooSmallScreen)
    if too_small(*app.size) and not covered:
        app.push_screen(make(TooSmallScreen, app.language))
    elif covered and not too_small(*app.size):
        app.pop_screen()
