"""The presentation: big, read-only slides of the results for a room or a browser.

The screen renders the core's public slides (:func:`wk_tui.presentation.slides`) and
nothing else, so notes and names can never appear. It takes its state from ``source``
(a callable returning the session, the questionnaire and a problem marker or None) and
re-reads it whenever the app's ``revision`` changes: in the editing app after every
change, in ``wk-tui present`` whenever the followed file changed on disk. Widgets are
updated in place (no remount), so a live update does not flicker or lose the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Digits, Static

from wk_tui.i18n import number
from wk_tui.presentation import (
    FieldSlide,
    ResultsSlide,
    Slide,
    VerdictSlide,
    WorkshopSlide,
    keep_place,
    slides,
)

from .base import Translated, make
from .present_pages import Painter
from .themes import PRESENT, palette

if TYPE_CHECKING:
    from .navigation import NavigationMixin

LISTS = ("works", "not_yet", "actions")


class PresentationScreen(Translated, Screen):
    CSS_PATH = "present.tcss"
    KEY_AREAS = ("present",)

    def __init__(self, source: Callable[[], tuple], standalone: bool = False) -> None:
        super().__init__(name="present")
        self.source = source
        self.standalone = standalone
        self.slides: list[Slide] = []
        self.index = 0
        self.problem: str | None = None
        #: list name → (slide key, item count) last shown, to follow a growing list.
        self.shown_counts: dict[str, tuple[str, int]] = {}

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="p-verdict", id="pages"):
            with Vertical(id="p-verdict"):
                yield Static(id="v-head")
                yield Digits("", id="v-score")
                yield Static(id="v-verdict")
            with VerticalScroll(id="p-results", classes="page"):
                yield Static(id="r-body")
            with VerticalScroll(id="p-field", classes="page"):
                yield Static(id="f-body")
            with Vertical(id="p-workshop"):
                yield Static(id="w-head")
                with Horizontal(id="w-lists"):
                    for name in LISTS:
                        with Vertical(classes="w-column"):
                            yield Static(id=f"w-{name}-head", classes="w-list-head")
                            with VerticalScroll(id=f"w-{name}", classes="w-list"):
                                yield Static(id=f"w-{name}-items")
        yield Static(id="indicator")

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self.reload, init=False)
        self.watch(self.app, "theme", lambda _: self.show(), init=False)
        self.reload()

    def on_resize(self) -> None:
        self.show()

    # ------------------------------------------------------------------ state
    def reload(self, _revision: int = 0) -> None:
        """Take the source's current state, staying on the same slide."""
        session, q, self.problem = self.source()
        if session is not None:
            new = slides(session, q)
            self.index = keep_place(self.slides, new, self.index)
            self.slides = new
        self.show()

    @property
    def painter(self) -> Painter:
        return Painter(palette(self.app.current_theme), self.t, self.app.language)

    def show(self) -> None:
        if not self.slides or not self.is_mounted:
            return
        slide = self.slides[self.index]
        paint = self.painter
        switcher = self.query_one("#pages", ContentSwitcher)
        if isinstance(slide, VerdictSlide):
            self._verdict(slide, paint)
            switcher.current = "p-verdict"
        elif isinstance(slide, ResultsSlide):
            # The screen's size: a page hidden until now has none yet.
            body = paint.results(slide, self.size.width, self.size.height - 2)
            self.query_one("#r-body", Static).update(body)
            switcher.current = "p-results"
        elif isinstance(slide, FieldSlide):
            self.query_one("#f-body", Static).update(paint.field(slide, self.size.height - 2))
            switcher.current = "p-field"
        elif isinstance(slide, WorkshopSlide):
            self._workshop(slide, paint)
            switcher.current = "p-workshop"
        self._indicator(paint)

    def _verdict(self, slide: VerdictSlide, paint: Painter) -> None:
        head = Text(justify="center")
        if slide.municipality:
            head.append(slide.municipality + "\n", paint.style("primary", bold=True))
        head.append(slide.title + "\n", paint.style("fg"))
        head.append(self.t("p_overall"), paint.style("muted", bold=True))
        self.query_one("#v-head", Static).update(head)
        score = "" if slide.score is None else number(slide.score, self.app.language) + "%"
        self.query_one("#v-score", Digits).update(score)
        verdict = Text(justify="center")
        if slide.score is None:
            verdict.append(self.t("p_no_score"), paint.style("muted"))
        else:
            verdict.append(slide.verdict, paint.style("fg", bold=True))
        if slide.provisional and slide.score is not None:
            verdict.append(
                "\n\n" + self.t("p_provisional", n=slide.open), paint.style("muted", italic=True)
            )
        self.query_one("#v-verdict", Static).update(verdict)

    def _workshop(self, slide: WorkshopSlide, paint: Painter) -> None:
        self.query_one("#w-head", Static).update(paint.workshop_head(slide))
        for name in LISTS:
            head = Text(self.t(f"p_{name}"), paint.style("primary", bold=True))
            self.query_one(f"#w-{name}-head", Static).update(head)
            count = len(getattr(slide, name))
            before = self.shown_counts.get(name)
            self.shown_counts[name] = (slide.key, count)
            self.query_one(f"#w-{name}-items", Static).update(paint.workshop_list(slide, name))
            if before and before[0] == slide.key and count > before[1]:
                # A list grew while shown: bring its newest item into view.
                box = self.query_one(f"#w-{name}", VerticalScroll)
                self.call_after_refresh(box.scroll_end, animate=False)

    def _indicator(self, paint: Painter) -> None:
        text = Text(justify="right")
        if self.problem:
            text.append(self.t(f"p_stale_{self.problem}") + "   ", paint.style("eher_nein"))
        text.append(f"{self.index + 1} / {len(self.slides)}", paint.style("muted"))
        self.query_one("#indicator", Static).update(text)

    # ------------------------------------------------------------------ actions
    def go(self, index: int) -> None:
        index = max(0, min(index, len(self.slides) - 1))
        if index != self.index:
            self.index = index
            for page in self.query(".page, .w-list"):
                page.scroll_home(animate=False)
            self.show()

    def action_next_page(self) -> None:
        self.go(self.index + 1)

    def action_prev_page(self) -> None:
        self.go(self.index - 1)

    def action_first_page(self) -> None:
        self.go(0)

    def action_last_page(self) -> None:
        self.go(len(self.slides) - 1)

    def action_scroll_page(self, lines: int) -> None:
        switcher = self.query_one("#pages", ContentSwitcher)
        current = switcher.visible_content
        boxes = list(current.query(VerticalScroll)) if current else []
        if current is not None and isinstance(current, VerticalScroll):
            boxes = [current]
        for box in boxes:
            box.scroll_relative(y=lines * 3, animate=False)

    def action_leave(self) -> None:
        if self.standalone:
            self.app.exit()
        else:
            self.dismiss(None)


def present_in(app: NavigationMixin) -> None:
    """The editing app's presentation (``p``): live from its store, in the presentation
    theme, which is taken off again when the presentation closes."""
    if app.store is None or isinstance(app.screen, PresentationScreen):
        return
    before = app.theme
    app.theme = PRESENT.name
    source = lambda: (app.store.session, app.q, None)  # noqa: E731
    app.push_screen(
        make(PresentationScreen, app.language, source), lambda _: setattr(app, "theme", before)
    )
