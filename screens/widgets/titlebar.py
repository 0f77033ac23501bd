"""One-line title: app title, municipality, where you are, and whether it is saved."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ..base import OnWkApp, tr


class TitleBar(OnWkApp, Widget):
    DEFAULT_CSS = """
    TitleBar { height: 1; background: $primary; color: $text; padding: 0 1; }
    """

    where: reactive[str] = reactive("")
    save_state: reactive[str] = reactive("saved")

    def __init__(self, where: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.set_reactive(TitleBar.where, where)

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

    def render(self) -> Text:
        lang = self.app.language
        name = self.app.municipality_name
        left = Text(tr(lang, "app_title"), "bold")
        if name:
            left.append(" · ")
            left.append(name)  # user text: appended as plain text, never parsed as markup
        if self.where:
            left.append(f" · {self.where}")
        state = self.save_state if self.app.store is not None else ""
        right = (
            Text("")
            if not state
            else Text(
                f" ● {tr(lang, 'unsaved')}"
                if state == "unsaved"
                else f" ✓ {tr(lang, 'saved')}"
                if state == "saved"
                else f" ⚠ {tr(lang, state)}"
                if state in ("read_only", "protected")
                else " ⚠ " + state
            )
        )
        width = self.size.width - 2
        left.truncate(max(0, width - len(right.plain)), overflow="ellipsis")
        pad = max(0, width - len(left.plain) - len(right.plain))
        return Text.assemble(left, " " * pad, right)
