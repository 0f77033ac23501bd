"""Start screen (``wk-tui`` without arguments): recent sessions, new, open, example."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from wk_tui.errors import LockedError, WkError
from wk_tui.paths import demo_copy
from wk_tui.session_store import SessionStore
from wk_tui.userconf import recent_sessions

from .base import Translated
from .widgets.keybar import KeyBar
from .widgets.titlebar import TitleBar


class StartScreen(Translated, Screen):
    CSS_PATH = "start.tcss"
    KEY_AREAS = ("start",)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.t("start_title"))
        with Vertical(id="start"):
            yield Static(Text(self.t("recent"), "bold"))
            recent = recent_sessions()
            options = []
            for item in recent:
                label = Text(item.get("name") or Path(item["path"]).stem, "bold")
                label.append(f"\n{item['path']}", "dim")
                options.append(Option(label, id=item["path"]))
            if recent:
                yield OptionList(*options, id="recent")
            else:
                yield Static(Text(self.t("no_recent"), "italic"))
            yield Static(Text(self.t("path_prompt"), "bold"), classes="label")
            yield Input(placeholder="kommune-2026.toml", id="path")
            yield Static(Text(self.t("municipality_prompt"), "bold"), classes="label")
            yield Input(id="municipality")
            with Horizontal(id="buttons"):
                yield Button(self.t("new_session"), id="new", variant="primary")
                yield Button(self.t("open_file"), id="open")
                yield Button(self.t("demo"), id="demo")
            yield Static(id="error")
        yield KeyBar()

    def _error(self, message: str, style: str = "bold red") -> None:
        self.query_one("#error", Static).update(Text(message, style))

    def _path(self) -> Path | None:
        """The typed path, or None after saying that it is missing."""
        field = self.query_one("#path", Input)
        value = field.value.strip()
        if not value:
            self._error(self.t("missing_path"))
            field.focus()
            return None
        return Path(value).expanduser()

    def _open(self, path: Path, create: bool = False) -> None:
        try:
            if create:
                store = SessionStore.create_new(
                    path, self.query_one("#municipality", Input).value.strip(), self.app.language
                )
            else:
                if not path.exists():
                    self._error(self.t("missing_file", path=path))
                    return
                store = SessionStore.open(path, or_read_only=True)
        except LockedError as exc:
            self.app.show_locked(path, exc)
            return
        except WkError as exc:
            self._error(exc.text(self.app.language))
            return
        self.app.open_store(store)

    @on(OptionList.OptionSelected, "#recent")
    def _recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:  # every recent session is listed by its path
            self._open(Path(event.option.id))

    @on(Button.Pressed, "#new")
    @on(Input.Submitted, "#municipality")
    def _new(self) -> None:
        path = self._path()
        if path is not None:
            self._open(path, create=True)

    @on(Button.Pressed, "#open")
    def _open_file(self) -> None:
        path = self._path()
        if path is not None:
            self._open(path)

    @on(Input.Submitted, "#path")
    def _path_entered(self) -> None:
        """Enter on the path: open it if it exists, else go on to the new session's name."""
        path = self._path()
        if path is None:
            return
        if path.exists():
            self._open(path)
        else:
            self._error(self.t("new_file_hint", path=path), "bold")
            self.query_one("#municipality", Input).focus()

    @on(Button.Pressed, "#demo")
    def _demo(self) -> None:
        self._open(demo_copy())

    async def action_quit(self) -> None:
        await self.app.action_quit()
