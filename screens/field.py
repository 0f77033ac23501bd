"""One action field: its criteria to rate, with the live verdict beside them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from .base import ScreenKey, WkScreen
from .keys import key_for
from .widgets.criteria import CriterionList, CriterionRow
from .widgets.details import CriterionDetails, Picked
from .widgets.keybar import KeyBar
from .widgets.sidebar import VerdictSidebar
from .widgets.titlebar import TitleBar


class Body(Horizontal):
    """A container that draws nothing of its own: with ``BLANK`` Textual hands the
    compositor its background lines as they are, instead of styling each of them on every
    frame (on a 30-line screen, the two containers were 56 of 149 lines per key)."""

    BLANK = True


class Main(Vertical):
    """The list, the details and their title (drawing nothing itself, as ``Body``)."""

    BLANK = True


class FieldScreen(WkScreen):
    CSS_PATH = "field.tcss"
    #: No widget of this screen takes keys itself (no text input): the app handles its
    #: keys as they arrive (priority bindings), without sending them through the DOM.
    KEYS_FIRST = True
    BLANK = True  # its lines are all covered by its widgets
    KEY_AREAS = ("rate", "nav")

    def __init__(self, field_id: str, criterion_id: str | None = None) -> None:
        super().__init__(ScreenKey.field(field_id))
        self.field_id = field_id
        self.start_criterion = criterion_id  # the cursor's start (default: first not rated)

    def compose(self) -> ComposeResult:
        app = self.app
        # Before the first styling: a class set after it would restyle the whole screen
        # (~10 ms of the first paint at 80×24 and 100×30).
        self.on_resize()
        field = app.q.field(self.field_id)
        total = len(app.q.fields)
        yield TitleBar(self.t("field_of", n=field.number, total=total))
        with Body(id="body"):
            with Main(id="main"):
                yield Static(
                    Text(f"{self.t('field_n', n=field.number)} – {field.title}", "bold"),
                    id="field-title",
                )
                if field.description:
                    yield Static(Text(field.description), id="field-desc")
                session = app.session_store.session
                rows = [
                    CriterionRow(c, i, app.q, session, self.lang)
                    for i, c in enumerate(field.criteria)
                ]
                # The cursor starts on the first criterion not rated yet, so a rating key
                # pressed right after opening never overwrites an existing rating.
                start = next(
                    (i for i, c in enumerate(field.criteria) if c.id == self.start_criterion),
                    None,
                )
                if start is None:
                    start = next(
                        (i for i, c in enumerate(field.criteria) if session.value(c.id) is None),
                        0,
                    )
                # Kept: every key reaches these three (no DOM query per key).
                self.criteria = CriterionList(rows, start, id="criteria")
                self.details = CriterionDetails(id="details")
                yield self.criteria
                yield self.details
            self.sidebar = VerdictSidebar(app.result, self.field_id)
            yield self.sidebar
        yield KeyBar()

    def on_resize(self) -> None:
        # Small terminals (80×24): no field description, a shorter details panel.
        self.set_class(self.app.size.height < 32, "-compact")

    def on_mount(self) -> None:
        self.criteria.focus()
        # A watch, not the list's Moved message: the details follow the cursor in the
        # same frame as the rows (a message would arrive a frame later).
        self.watch(self.criteria, "index", self._moved, init=True)
        self.follow_revisions()

    def show_revision(self) -> None:
        self.criteria.refresh_rows()
        self.details.show()
        self.sidebar.result = self.app.result

    def focus_criterion(self, cid: str) -> None:
        for row in self.criteria.rows:
            if row.criterion.id == cid:
                self.criteria.index = row.index

    # ------------------------------------------------------------------ actions
    def action_cursor(self, delta: int) -> None:
        self.criteria.move(delta)

    def action_cursor_to(self, index: int) -> None:
        self.criteria.move_to(index)

    def action_rate(self, value: str) -> None:
        lst = self.criteria
        if self.app.rate(lst.criterion.id, value) is None:
            return
        if lst.index < len(lst.rows) - 1:
            lst.move(1)
        else:
            self.app.say(self.t("last_in_field", next_key=key_for("next_field")), timeout=3)

    def action_clear(self) -> None:
        self.app.rate(self.criteria.criterion.id, None)

    def action_step(self, delta: int) -> None:
        values = [s.value for s in self.app.q.scale]
        current = self.app.session_store.session.value(self.criteria.criterion.id)
        if current is None:
            pos = 0 if delta > 0 else len(values) - 1
        else:
            pos = max(0, min(values.index(current) + delta, len(values) - 1))
        self.app.rate(self.criteria.criterion.id, values[pos])

    def action_details(self, lines: int) -> None:
        self.details.scroll_by_lines(lines)

    def action_note(self) -> None:
        self.app.edit_note(self.criteria.criterion.id)

    # ------------------------------------------------------------------ mouse
    @on(CriterionList.Clicked)
    def _clicked(self, event: CriterionList.Clicked) -> None:
        self.criteria.index = event.index

    def _moved(self, index: int) -> None:
        rows = self.criteria.rows
        self.details.row = rows[index] if rows else None
        if rows:
            self.app.cursor_moved(self.field_id, rows[index].criterion.id)

    @on(Picked)
    def _picked(self, event: Picked) -> None:
        event.stop()
        self.criteria.index = event.index
        self.app.rate(self.criteria.criterion.id, event.value or None)
