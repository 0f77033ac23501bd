"""Shared screen behaviour: translations and the navigation actions every screen offers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from textual.screen import Screen

from wk_tui import i18n

from .keys import S, localized
from .strings import UI

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from .app import WkApp


def tr(lang: str, key: str, **kw: object) -> str:
    """A UI string in ``lang`` (the core's lookup over the UI table)."""
    return i18n.tr(UI, lang, key, **kw)


#: Below this the field screen's list, details and sidebar no longer fit side by side
#: (toosmall.py covers the app then; the test lives here so the first frame need not
#: load that module).
MIN_WIDTH, MIN_HEIGHT = 60, 18


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class ScreenKey(NamedTuple):
    """Which main screen: its kind, and for a field screen the field's id."""

    kind: Literal[
        "overview", "field", "results", "disagreements", "profile", "timeline", "workshop"
    ]
    field_id: str = ""

    @classmethod
    def field(cls, field_id: str) -> ScreenKey:
        return cls("field", field_id)

    @property
    def name(self) -> str:
        """The screen's name, e.g. ``"field:hf1"`` (shown in logs, asserted by tests)."""
        return f"field:{self.field_id}" if self.kind == "field" else self.kind


OVERVIEW = ScreenKey("overview")
RESULTS = ScreenKey("results")
DISAGREEMENTS = ScreenKey("disagreements")
PROFILE = ScreenKey("profile")
TIMELINE = ScreenKey("timeline")
WORKSHOP = ScreenKey("workshop")


if TYPE_CHECKING:

    class OnWkApp(MessagePump):
        """``self.app`` typed as :class:`WkApp` (for the type checker; no runtime cost)."""

        @property  # Textual types ``app`` as a writeable App[Any]; ours is the WkApp.
        def app(self) -> WkApp: ...  # type: ignore[override]

else:

    class OnWkApp:
        """``self.app`` typed as :class:`WkApp` (for the type checker; no runtime cost)."""


class Translated(OnWkApp):
    """``self.t(key)``: a UI string in the app's current language (for any screen)."""

    def t(self, key: str, **kw: object) -> str:
        return tr(self.app.language, key, **kw)


class WkScreen(Translated, Screen):
    """Base of the main screens; the navigation actions delegate to the app."""

    KEY_AREAS: tuple[str, ...] = ("nav",)
    stale = False

    def __init__(self, key: ScreenKey) -> None:
        super().__init__(name=key.name)
        self.key = key

    def follow_revisions(self) -> None:
        """Call :meth:`show_revision` on every change while on top, else on resume."""
        self.watch(self.app, "revision", self._revision, init=False)

    def _revision(self) -> None:
        # ``is_active``: the top screen. (``is_current`` is also true for the screen
        # under a modal, and for the base screen under every other screen.)
        if self.is_active:
            self.show_revision()
        else:
            self.stale = True  # hidden screens catch up when shown, not on every key

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.show_revision()

    def show_revision(self) -> None:
        """Bring the screen up to date with the session (override)."""

    @property
    def lang(self) -> str:
        return self.app.language

    def action_overview(self) -> None:
        self.app.show_overview()

    def action_results(self) -> None:
        self.app.show_results()

    def action_export(self) -> None:
        self.app.show_export()

    def action_disagreements(self) -> None:
        self.app.show_disagreements()

    def action_present(self) -> None:
        self.app.show_presentation()

    def action_help(self) -> None:
        self.app.show_help()

    def action_profile(self) -> None:
        self.app.show_profile()

    def action_timeline(self) -> None:
        self.app.show_timeline()

    def action_workshop(self) -> None:
        self.app.show_workshop()

    def action_undo(self) -> None:
        self.app.undo()

    async def action_quit(self) -> None:
        await self.app.action_quit()

    def action_next_field(self) -> None:
        self.app.step_screen(self, 1)

    def action_prev_field(self) -> None:
        self.app.step_screen(self, -1)


def make(cls: type[S], lang: str, *args: object, **kwargs: object) -> S:
    """Instantiate the ``lang`` variant of screen class ``cls``."""
    return localized(cls, lang)(*args, **kwargs)
