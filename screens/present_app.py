"""``wk-tui present PATH``: the presentation on its own, following the file live.

It takes no lock and never writes, so it runs beside the editing window (a second
terminal, a second screen, or a browser through ``wk-tui serve``). A stat poll a few
times a second notices the editing window's autosaves; a file caught mid-way, broken or
gone never replaces the last good state (a discreet marker says so).
"""

from __future__ import annotations

from textual.app import App
from textual.reactive import Reactive, var

from wk_tui.follow import FileFollower
from wk_tui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from wk_tui.questionnaire import Questionnaire, translated

from .base import make
from .present import PresentationScreen
from .themes import LIGHT_ANSI, PRESENT

POLL_SECONDS = 0.25


def in_language(base: Questionnaire, lang: str) -> Questionnaire:
    """``base`` in ``lang`` when a translation with the same criteria is bundled."""
    return translated(base, lang)


class PresentApp(App):
    TITLE = "wk-tui"
    ENABLE_COMMAND_PALETTE = False
    ansi_theme_light = Reactive(LIGHT_ANSI, init=False)

    #: Bumped whenever the followed file brought a new state or a new problem.
    revision = var(0)
    language = var("de")

    def __init__(
        self, follower: FileFollower, language: str | None = None, poll: float = POLL_SECONDS
    ) -> None:
        super().__init__()
        self.follower = follower
        self.poll_seconds = poll
        lang = language or (follower.session.language if follower.session else "de")
        self.set_reactive(PresentApp.language, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)

    def on_mount(self) -> None:
        self.register_theme(PRESENT)
        self.theme = PRESENT.name
        self.set_interval(self.poll_seconds, self.poll)
        self.push_screen(make(PresentationScreen, self.language, self.state, standalone=True))

    def state(self) -> tuple:
        f = self.follower
        q = in_language(f.questionnaire, self.language) if f.questionnaire else None
        return f.session, q, f.problem

    def poll(self) -> None:
        if self.follower.poll():
            if self.follower.problem:
                self.log.warning(f"presentation: {self.follower.detail}")
            self.revision += 1
