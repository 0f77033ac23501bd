"""The app's navigation: one instance of each main screen, and the moves between them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from wk_tui.userconf import last_position, remember_position

from .base import DISAGREEMENTS, OVERVIEW, RESULTS, ScreenKey, WkScreen, make, tr
from .field import FieldScreen
from .sections import SECTION_KEYS

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from wk_tui.questionnaire import Criterion, Questionnaire
    from wk_tui.session_store import SessionStore

    _AppBase = App
else:
    _AppBase = object


class NavigationMixin(_AppBase):
    """Mixed into WkApp, which provides the attributes declared here."""

    if TYPE_CHECKING:
        store: SessionStore | None
        language: str
        start_field: str | None
        last_cursor: tuple | None

        @property
        def q(self) -> Questionnaire: ...

        def say(
            self, message: str, severity: SeverityLevel = ..., timeout: float = ...
        ) -> None: ...
        def make_section(self, key: ScreenKey) -> Screen: ...

    def first_open(self) -> Criterion | None:
        """The first criterion not rated yet, or None (None, too, before a session is open)."""
        if self.store is None:
            return None
        values = self.store.session.values(self.q)
        return next((c for c in self.q.criteria if c.id not in values), None)

    def first_open_field(self) -> str:
        first = self.first_open()
        return first.field_id if first else self.q.fields[0].id

    def resume_at(self) -> tuple[str, str | None]:
        """Where the open session starts: ``--field``, else where the cursor was when it
        was last closed, else its first criterion not rated yet (``(field, criterion)``)."""
        if self.start_field:
            return self.start_field, None  # the field's first criterion not rated yet
        last = last_position(self.store.path) if self.store is not None else None
        if last is not None and self.q.has_criterion(last[1]):
            return self.q.criterion(last[1]).field_id, last[1]
        first = self.first_open()
        return (first.field_id, first.id) if first else (self.q.fields[0].id, None)

    def cursor_moved(self, field_id: str, criterion_id: str) -> None:
        """A field screen's cursor moved: kept as the session's position when it closes."""
        if self.store is not None:
            self.last_cursor = (self.store, field_id, criterion_id)

    def keep_position(self) -> None:
        """Remember where the cursor is in the open session, for the next time it opens."""
        if self.last_cursor is None:
            return
        store, field_id, criterion_id = self.last_cursor
        open_store = self.store
        if open_store is not None and store is open_store:
            remember_position(open_store.path, field_id, criterion_id)

    def screen_name(self, key: ScreenKey) -> str:
        """Install name of a main screen: one instance per screen and language."""
        return f"{self.language}/{key.name}"

    def make_screen(self, key: ScreenKey) -> Screen:
        if key.kind == "field":
            return make(FieldScreen, self.language, key.field_id)
        if key.kind == "overview":
            from .overview import OverviewScreen  # loaded when first shown: fast first paint

            return make(OverviewScreen, self.language)
        if key.kind == "disagreements":
            from .disagreements import (
                DisagreementsScreen,  # loaded when first shown: fast first paint
            )

            return make(DisagreementsScreen, self.language)
        if key in SECTION_KEYS:
            return self.make_section(key)
        from .results import ResultsScreen  # loaded when first shown: fast first paint

        return make(ResultsScreen, self.language)

    def show(self, key: ScreenKey) -> Screen:
        """Make the main screen ``key`` current, creating it once.

        The stack holds a base screen (the first field screen, or a blank one before a
        session is open) and at most one main screen above it, plus modals on top.
        """
        name = self.screen_name(key)
        if not self.is_screen_installed(name):
            self.install_screen(self.make_screen(key), name=name)
        screen = self.get_screen(name)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, WkScreen):
            self.pop_screen()  # help, notes, export: closed by navigating
        if screen in self.screen_stack:
            while self.screen is not screen:
                self.pop_screen()
        elif isinstance(self.screen, WkScreen) and self.screen is not self.screen_stack[0]:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return screen

    def goto_field(self, fid: str, cid: str | None = None) -> None:
        screen = self.show(ScreenKey.field(fid))
        if cid and isinstance(screen, FieldScreen):
            if screen.is_mounted:
                screen.focus_criterion(cid)
            else:
                self.call_after_refresh(screen.focus_criterion, cid)

    def show_overview(self) -> None:
        self.show(OVERVIEW)

    def show_results(self) -> None:
        self.show(RESULTS)

    def show_disagreements(self) -> None:
        self.show(DISAGREEMENTS)

    def show_help(self) -> None:
        from .help import HelpScreen  # loaded when first shown: fast first paint

        self.push_screen(make(HelpScreen, self.language, self.screen))

    def show_export(self) -> None:
        from .export import ExportScreen  # loaded when first shown: fast first paint

        self.push_screen(make(ExportScreen, self.language))

    def show_presentation(self) -> None:
        from .present import present_in  # loaded when first shown: fast first paint

        present_in(self)

    def main_screens(self) -> list[ScreenKey]:
        """The main screens in reading order: overview, the fields, results."""
        return [OVERVIEW, *(ScreenKey.field(f.id) for f in self.q.fields), RESULTS]

    def step_screen(self, screen: WkScreen, delta: int) -> None:
        """Forward/back through overview → fields → results."""
        order = self.main_screens()
        key = screen.key if screen.key in order else OVERVIEW
        self.show(order[max(0, min(order.index(key) + delta, len(order) - 1))])

    def goto_first_open(self) -> None:
        first = self.first_open()
        if first is None:
            self.say(tr(self.language, "all_rated"))
        else:
            self.goto_field(first.field_id, first.id)
