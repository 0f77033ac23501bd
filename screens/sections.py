"""The app's part for the profile, timeline and workshop: editing, navigation, commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from .base import PROFILE, TIMELINE, WORKSHOP, ScreenKey, make, tr

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from wk_tui.editing import R
    from wk_tui.session_store import SessionStore

    _AppBase = App
else:
    _AppBase = object

#: The sections of a session that :meth:`SessionStore.edit` changes → their screens.
SECTION_SCREENS = {"municipality": PROFILE, "timeline": TIMELINE, "workshop": WORKSHOP}
SECTION_KEYS = tuple(SECTION_SCREENS.values())


class SectionsMixin(_AppBase):
    """Mixed into WkApp, which provides the attributes declared here."""

    if TYPE_CHECKING:
        language: str

        @property
        def session_store(self) -> SessionStore: ...

        def say(
            self, message: str, severity: SeverityLevel = ..., timeout: float = ...
        ) -> None: ...
        def refuse_change(self) -> None: ...
        def show(self, key: ScreenKey) -> Screen: ...

    def edit(self, fn: Callable[..., R], *args: object, **kwargs: object) -> R | None:
        """Run a change from :mod:`wk_tui.editing` through the store (undoable, autosaved).

        Returns what ``fn`` returns, None when the session is read-only; InvalidInput
        propagates to the screen, which shows the message.
        """
        store = self.session_store
        if store.read_only:
            self.refuse_change()
            return None
        return store.edit(fn, *args, **kwargs)

    def undone_section(self, section: str) -> bool:
        """After undoing a change of ``section``: show its screen and say so."""
        if section not in SECTION_SCREENS:
            return False
        self.show(SECTION_SCREENS[section])
        title = tr(self.language, f"section_{section}")
        self.say(tr(self.language, "undone", title=title), timeout=2)
        return True

    def make_section(self, key: ScreenKey) -> Screen:
        """A new profile, timeline or workshop screen (for WkApp.show)."""
        if key == PROFILE:
            from .profile import ProfileScreen

            return make(ProfileScreen, self.language)
        if key == TIMELINE:
            from .timeline import TimelineScreen

            return make(TimelineScreen, self.language)
        from .workshop import WorkshopScreen

        return make(WorkshopScreen, self.language)

    def show_profile(self) -> Screen:
        return self.show(PROFILE)

    def show_timeline(self) -> Screen:
        return self.show(TIMELINE)

    def show_workshop(self) -> Screen:
        return self.show(WORKSHOP)

    def workshop_command(self, action: str) -> None:
        """A workshop command from the palette: show the workshop screen, then run it."""
        screen = self.show_workshop()
        self.call_after_refresh(screen.run_action, action)

    def section_commands(self) -> Iterable[SystemCommand]:
        t = lambda key: tr(self.language, key)  # noqa: E731
        yield SystemCommand(t("cmd_profile"), t("cmd_profile_help"), self.show_profile)
        yield SystemCommand(t("cmd_timeline"), t("cmd_timeline_help"), self.show_timeline)
        yield SystemCommand(t("cmd_workshop"), t("cmd_workshop_help"), self.show_workshop)
        for cmd, action in (("cmd_choose", "choose"), ("cmd_plan", "plan"), ("cmd_info", "info")):
            yield SystemCommand(t(cmd), t(f"{cmd}_help"), lambda a=action: self.workshop_command(a))
