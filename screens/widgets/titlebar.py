"""One-line title: app title, municipality, where you are, and whether it is saved.

Drawn through the Line API from a strip cached by what it shows: a rating flips the save
state back and forth between two texts, and neither is built again once drawn.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..base import OnWkApp, tr
from .lines import LRU, visual_strip


def state_text(lang: str, state: str) -> str:
    """The save indicator's text (empty without a session)."""
    if not state:
        return ""
    if state == "unsaved":
        return f" ● {tr(lang, 'unsaved')}"
    if state == "saved":
        return f" ✓ {tr(lang, 'saved')}"
    if state in ("read_only", "protected"):
        return f" ⚠ {tr(lang, state)}"
    return " ⚠ " + state


class TitleBar(OnWkApp, Widget):
    DEFAULT_CSS = """
    TitleBar { height: 1; background: $primary; color: $text; padding: 0 1; }
    """

    where: reactive[str] = reactive("")
    save_state: reactive[str] = reactive("saved")

    def __init__(self, where: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.set_reactive(TitleBar.where, where)
        self._strips: LRU[Strip] = LRU(8)

    stale = False

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._take, init=True)
        self.app.screen_change_signal.subscribe(self, self._shown)

    def _take(self, state: str) -> None:
        if self.screen.is_active:
            self.save_state = state
        else:
            self.stale = True  # the title bar of a hidden screen catches up when shown

    def _shown(self, screen: object) -> None:
        if self.stale and screen is self.screen:
            self.stale = False
            self.save_state = self.app.save_state

    def render_line(self, y: int) -> Strip:
        app, width, style = self.app, self.size.width, self.visual_style
        if y:
            return Strip.blank(width, style.rich_style)
        lang, name = app.language, app.municipality_name
        state = self.save_state if app.store is not None else ""
        key = (lang, name, self.where, state, width, style)
        return self._strips.get(key, lambda: self._draw(lang, name, state, width))

    def _draw(self, lang: str, name: str, state: str, width: int) -> Strip:
        left = Text(tr(lang, "app_title"), "bold")
        if name:
            left.append(" · ")
            left.append(name)  # user text: appended as plain text, never parsed as markup
        if self.where:
            left.append(f" · {self.where}")
        state = state_text(lang, state)
        room = width - 2
        left.truncate(max(0, room - len(state)), overflow="ellipsis")
        pad = max(0, room - len(left.plain) - len(state))
        return visual_strip(self, Text.assemble(left, " " * pad, state), width)
