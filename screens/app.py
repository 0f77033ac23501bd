"""The application and its factory (used by the CLI and by the tests).

WkApp holds the open session's state, its lifecycle and the editing actions; its other
parts are mixins, one concern each: saving.py (following the store, the save indicator,
quit), navigation.py (the main screens and the moves between them), palette.py (the
command palette), sections.py (profile, timeline, workshop) and hangup.py (the terminal
going away).
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.notifications import SeverityLevel
from textual.reactive import Reactive, var
from textual.screen import Screen

from wk_tui.cli_i18n import resolve_language
from wk_tui.editing import set_respondent
from wk_tui.errors import LockedError
from wk_tui.questionnaire import Questionnaire, translated
from wk_tui.scoring import Result
from wk_tui.session_store import SessionStore
from wk_tui.startup import resume_collector
from wk_tui.userconf import load_config, remember, save_config
from wk_tui.validate import UnstorableText

from .base import DISAGREEMENTS, OVERVIEW, ScreenKey, WkScreen, make, too_small, tr
from .field import FieldScreen
from .hangup import HangUpMixin
from .navigation import NavigationMixin
from .palette import PaletteMixin
from .protected import ProtectedMixin
from .saving import SavingMixin
from .sections import SECTION_KEYS, SectionsMixin
from .termfilter import ControlPictures
from .themes import DEFAULT_THEME, LIGHT_ANSI, PRESENT, THEMES

if TYPE_CHECKING:
    from textual.filter import LineFilter

CONTROL_PICTURES = ControlPictures()


class NoSessionOpen(RuntimeError):
    """A part of the UI that exists only while a session is open ran without one."""


class WkApp(
    HangUpMixin,
    SavingMixin,
    ProtectedMixin,
    SectionsMixin,
    NavigationMixin,
    PaletteMixin,
    App,
):
    # App-wide rules; each screen's rules live in its own .tcss, scoped to it. The field
    # screen's are read with the app's: the first screen is the default screen (see
    # get_default_screen), whose CSS_PATH Textual does not load, and so the first frame
    # needs one CSS parse (a mode's base screen costs two more, and a restyle).
    CSS_PATH = ["app.tcss", "field.tcss"]
    TITLE = "wk-tui"
    ansi_theme_light = Reactive(LIGHT_ANSI, init=False)

    # ``var``: these drive watchers, they never repaint the whole screen themselves.
    revision = var(0)
    language = var("de")
    save_state = var("saved")
    result: var[Result | None] = var(None)

    def __init__(
        self,
        store: SessionStore | None = None,
        language: str | None = None,
        field: str | None = None,
        config: dict | None = None,
        warnings: Iterable[str] = (),
        locked: tuple | None = None,
        first: Callable[[], Screen] | None = None,
    ) -> None:
        super().__init__()
        self.first = first  # the screen before any session (default: the start screen)
        self.config = load_config() if config is None else config
        self.store: SessionStore | None = store  # None until a session is open
        self.locked = locked  # (path, questionnaire, LockedError) to offer read-only
        self.start_field = field
        self.startup_warnings = list(warnings)
        # The one rule of the CLI (wk_tui.cli_i18n): flag > remembered > locale > German.
        self.set_reactive(WkApp.language, resolve_language(language, self.config))
        self.ui_thread = threading.get_ident()  # where the app runs (set again on mount)
        self.last_cursor: tuple | None = None  # (store, field id, criterion id): see keep_position
        self.open_note: tuple | None = None  # (criterion id, NoteScreen) while editing
        self.autosave_timer = None  # the pending autosave (saving.py), if a change waits
        self.quit_warned = False  # a quit after a failed save has been warned about
        self._q_cache: dict[str, Questionnaire] = {}
        for theme in (*THEMES, PRESENT):
            self.register_theme(theme)
        self._start_theme()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then ours: control characters in data are shown, not obeyed."""
        return [*super().get_line_filters(), CONTROL_PICTURES]

    # ------------------------------------------------------------------ state
    @property
    def session_store(self) -> SessionStore:
        """The open session's store, for what exists only while one is open: the main
        screens, their dialogs and the editing actions. (What also runs before a session
        is open, such as the start screen or quitting, tests ``store`` for None.)"""
        if self.store is None:
            raise NoSessionOpen("no session is open")
        return self.store

    @property
    def live_result(self) -> Result:
        """:attr:`result` where a session is open by construction (see ``session_store``)."""
        result = self.result
        if result is None:
            raise NoSessionOpen("no session is open, so there is no result")
        return result

    @property
    def q(self) -> Questionnaire:
        """The questionnaire in the UI language when a translation is bundled."""
        base = self.session_store.questionnaire
        if base.language == self.language:
            return base
        if self.language not in self._q_cache:  # read on every key: compared once
            self._q_cache[self.language] = translated(base, self.language)
        return self._q_cache[self.language]

    @property
    def municipality_name(self) -> str:
        return self.store.session.municipality.name if self.store else ""

    def compute_result(self) -> Result | None:
        """The live verdict: a function of the session state and language.

        The store's tally re-scores only the fields a change touched and caches the
        result until the next change, so reading it on every access costs nothing.
        """
        if self.store is None:
            return None
        return self.store.tally.result(self.q)

    # ------------------------------------------------------------------ lifecycle
    def get_default_screen(self) -> Screen:
        """With a session, the first field screen *is* the first screen.

        Pushing it from ``on_mount`` would paint a frame of an empty screen first and
        throw it away; as the default screen it is painted in the first frame.
        """
        if self.store is None or self.locked is not None:
            return super().get_default_screen()
        field_id, criterion_id = self.resume_at()
        key = ScreenKey.field(field_id)
        screen = make(FieldScreen, self.language, field_id, criterion_id)
        self.install_screen(screen, name=self.screen_name(key))
        return screen

    def _start_theme(self) -> None:
        """The remembered theme, chosen before Textual first parses the CSS.

        Setting ``theme`` once the app runs parses every style sheet again and restyles
        every widget. Before the first parse only the theme's variables and the app's
        classes need to be set, as long as the theme is as dark as Textual's default (for
        which Textual has already chosen the ANSI colour mapping); a light theme is set in
        ``on_mount``.
        """
        wanted = self.theme_wanted()
        theme, default = self.get_theme(wanted), self.current_theme
        if theme is None or wanted == default.name or theme.dark != default.dark:
            return
        self.set_reactive(App.theme, wanted)
        classes = {name: False for name in self.classes if name.startswith("-theme-")}
        self.update_classes({**classes, f"-theme-{wanted}": True}, update=False)
        self.stylesheet.set_variables(self.get_css_variables())

    def theme_wanted(self) -> str:
        wanted = self.config.get("theme", DEFAULT_THEME)
        return wanted if wanted in self.available_themes else DEFAULT_THEME

    def on_mount(self) -> None:
        self.ui_thread = threading.get_ident()
        self.theme = self.theme_wanted()  # unchanged unless _start_theme left it
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self._on_signal)
        except (NotImplementedError, RuntimeError, ValueError):
            self.log.warning("signal handlers not installed")
        if self.locked is not None:
            path, questionnaire, exc = self.locked
            self.show_locked(path, exc, questionnaire, quit_on_cancel=True)
        elif self.store is None and self.first is not None:
            self.push_screen(self.first())
        elif self.store is None:
            from .start import StartScreen  # loaded when first shown: fast first paint

            self.push_screen(make(StartScreen, self.language))
        else:
            self.open_store(self.store, self.startup_warnings, show=False)
        self.call_after_refresh(self.check_size)
        self.call_after_refresh(resume_collector)  # paused by the CLI for start-up

    def on_unmount(self) -> None:
        """The app ends: keep the cursor's position, then close the session (flush, unlock)."""
        self.keep_position()
        if self.store is not None:
            self.store.close()

    async def on_event(self, event: events.Event) -> None:
        await super().on_event(event)
        if isinstance(event, events.Resize):  # the app's own handler stops the event
            self.check_size()

    def check_size(self) -> None:
        """Cover the app while the terminal is too small; uncover it once it fits."""
        if too_small(*self.size) or getattr(self.screen, "SIZE_NOTICE", False):
            from .toosmall import cover_if_too_small  # loaded when needed: fast first paint

            cover_if_too_small(self)

    def watch_theme(self, theme: str) -> None:
        if theme in self.available_themes and theme not in (
            self.config.get("theme", DEFAULT_THEME),
            PRESENT.name,  # worn while presenting, never remembered
        ):
            self.config["theme"] = theme
            save_config(theme=theme)

    def open_store(
        self, store: SessionStore, warnings: Iterable[str] = (), show: bool = True
    ) -> None:
        """Make ``store`` the open session; ``show`` goes to its first open field."""
        self.store = store
        self.watch_store(store)
        # The recent list is a convenience: written after the first paint, not before.
        self.call_after_refresh(
            remember,
            store.path,
            store.session.municipality.name,
            store.session.updated.isoformat() if store.session.updated else "",
        )
        for notice in store.notices:
            self.say(notice.localized(self.language), severity="warning", timeout=8)
        self.announce_protected(store)
        warnings = list(warnings) or store.session.warnings
        if warnings:
            ids = [w.split("'")[1] for w in warnings if w.count("'") >= 2]
            self.say(
                tr(self.language, "unknown_ids", n=len(warnings), ids=", ".join(ids)),
                severity="warning",
                timeout=12,
            )
        if show:
            self.goto_field(*self.resume_at())

    def show_locked(
        self,
        path: Path,
        exc: LockedError,
        questionnaire: Path | None = None,
        quit_on_cancel: bool = False,
    ) -> None:
        from .locked import LockedScreen  # loaded when first shown: fast first paint

        def chosen(read_only: bool | None) -> None:
            if read_only:
                self.open_store(SessionStore.open(path, questionnaire, read_only=True))
            elif quit_on_cancel:
                self.exit(return_code=3)

        from .localize import locked_message

        message = locked_message(self.language, exc)
        self.push_screen(make(LockedScreen, self.language, message), chosen)

    def _on_signal(self) -> None:
        """SIGTERM/SIGHUP (e.g. the SSH connection dropped): save, then leave."""
        self.hang_up()

    def say(
        self, message: str, severity: SeverityLevel = "information", timeout: float = 4
    ) -> None:
        """A toast whose text is data (paths, titles, ids), never markup."""
        self.notify(message, severity=severity, timeout=timeout, markup=False)

    # ------------------------------------------------------------------ editing
    def rate(self, cid: str, value: str | None) -> bool | None:
        """Rate ``cid``; None when the session is read-only."""
        store = self.session_store
        if store.read_only:
            self.refuse_change()
            return None
        return store.rate(cid, value)

    def undo(self) -> None:
        if self.store is None or self.store.read_only:
            return
        change = self.store.next_undo
        target = self.store.undo()  # a criterion id or a section
        if target is None:
            self.say(tr(self.language, "nothing_to_undo"), timeout=2)
            return
        if self.undone_section(target):
            return
        key = "undone_note" if getattr(change, "kind", "") == "note" else "undone"
        if not self.q.has_criterion(target):
            self.say(tr(self.language, key, title=target), timeout=2)
            return
        crit = self.q.criterion(target)
        self.goto_field(crit.field_id, target)
        self.say(tr(self.language, key, title=crit.title), timeout=2)

    def edit_note(self, cid: str) -> None:
        from .note import NoteScreen  # loaded when first shown: fast first paint

        def keep(text: str | None) -> None:
            """``None``: discarded (or read-only), the note stays as it was."""
            self.open_note = None
            if text is None or self.session_store.read_only:
                return
            try:
                self.session_store.set_note(cid, text)
            except UnstorableText:
                self.say(tr(self.language, "unstorable_text"), severity="error", timeout=8)

        crit, store = self.q.criterion(cid), self.session_store
        note = store.session.note(cid)
        screen = make(NoteScreen, self.language, crit.title, note, store.read_only)
        self.open_note = (cid, screen)  # kept as the note if the terminal hangs up
        self.push_screen(screen, keep)

    def edit_respondent(self) -> None:
        """The respondent dialog; the store saves what it returns."""
        from .respondent import RespondentScreen  # loaded when first shown: fast first paint

        store = self.session_store
        who = store.session.respondent

        def keep(values: tuple[str, str, str] | None) -> None:
            if values is not None and not self.session_store.read_only:
                self.session_store.edit(set_respondent, *values)

        current = (who.name, who.role, who.department)
        self.push_screen(make(RespondentScreen, self.language, current, store.read_only), keep)

    # ------------------------------------------------------------------ language
    def set_language(self, lang: str) -> None:
        """Switch UI and questionnaire language; screens are rebuilt in the new language."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, WkScreen):
            self.pop_screen()
        current = self.screen.key if isinstance(self.screen, WkScreen) else OVERVIEW
        for key in [*self.main_screens(), DISAGREEMENTS, *SECTION_KEYS]:
            name = self.screen_name(key)
            # The base screen cannot leave the stack; new-language screens go above it.
            if self.is_screen_installed(name) and self.get_screen(name) not in self.screen_stack:
                self.uninstall_screen(name)
        self.language = lang
        self.config["language"] = lang
        save_config(language=lang)
        self.show(current)
        # Screens left from the old language (the base screen) catch up when shown.
        self.follow(self.store)


def create_app(
    path: Path | None = None,
    *,
    questionnaire: Path | None = None,
    read_only: bool = False,
    language: str | None = None,
    field: str | None = None,
    config: dict | None = None,
) -> WkApp:
    """Build the app for the CLI and the tests. Raises LockedError/WkError on open."""
    if path is None:
        return WkApp(None, language, config=config)
    try:
        store = SessionStore.open(path, questionnaire, read_only=read_only, or_read_only=True)
    except LockedError as exc:
        return WkApp(None, language, config=config, locked=(path, questionnaire, exc))
    return WkApp(store, language, field, config)


__all__ = ["WkApp", "create_app", "LockedError"]
