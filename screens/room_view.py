"""The live room on the projector: per chosen criterion, the administration's rating and
how the room answered — hidden until the facilitator reveals it.

Read-only and follows the room folder: a worker thread polls it (``Scanner`` parses only
changed files), and the screen repaints only when the counts changed. No names, no notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.widget import Widget

from wk_tui.errors import WkError
from wk_tui.files import load_session
from wk_tui.room import Room, RoomState, Scanner, load_room
from wk_tui.room_count import CriterionTally, by_disagreement, tally, write_result
from wk_tui.session import Session

from .base import Translated, tr
from .keys import localized
from .themes import LIGHT_ANSI, PRESENT

POLL_SECONDS = 0.3
#: (text style, theme colour) of each rating, as on the field screens
SYMBOL_STYLE = {
    "ja": ("bold", "success"),
    "eher_ja": ("", "success"),
    "eher_nein": ("bold", "warning"),
    "nein": ("bold", "error"),
    "keine_einschaetzung": ("", "foreground"),
}


class RoomHeader(Widget):
    """Participants (live), the room code and the URL when serving."""

    DEFAULT_CSS = (
        "RoomHeader { width: 1fr; height: 1; background: $primary; color: $text; padding: 0 1; }"
    )

    def render(self) -> Text:
        app = room_app(self)
        lang, state = app.language, app.state
        left = Text(tr(lang, "room_participants", n=len(state.participants)), "bold")
        if state.unreadable:
            left.append("  " + tr(lang, "room_unreadable", n=state.unreadable))
        right = Text(tr(lang, "room_code", code=app.room.code))
        if app.url:
            right.append(f"  ·  {app.url}")
        pad = max(1, self.size.width - 2 - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * pad, right)


class CriterionPanel(Widget):
    """One criterion: title, the administration's rating, the room's distribution."""

    DEFAULT_CSS = "CriterionPanel { width: 1fr; height: 1fr; padding: 1 2; }"

    def render(self) -> Text:
        app = room_app(self)
        lang, q = app.language, app.q
        row = app.current_row()
        text = Text()
        if row is None:
            return Text(tr(lang, "room_no_criteria"))
        f = q.field(row.field_id)
        pos = app.order.index(row.id) + 1
        accent = self.app.theme_variables.get("accent", "")
        text.append(f"{tr(lang, 'field_n', n=f.number)} – {f.title}\n", f"bold {accent}")
        muted = self.app.theme_variables.get("text-muted", "")
        text.append(tr(lang, "room_position", n=pos, total=len(app.order)) + "\n\n", muted)
        text.append(row.title + "\n\n", "bold")
        text.append(tr(lang, "room_admin") + "  ", "bold")
        text.append_text(self.value(row.admin) + Text("\n\n"))
        answered = tr(lang, "room_answered", n=row.rated, total=len(app.state.participants))
        text.append(tr(lang, "room_room") + "  ", "bold")
        text.append(answered + "\n")
        if row.id not in app.revealed:
            text.append("\n" + tr(lang, "room_hidden") + "\n", "italic")
            return text
        most = max(row.counts.values()) or 1
        labels = {s.value: f"{s.symbol:>4} {s.label}" for s in q.scale}
        column = max(len(label) for label in labels.values()) + 2
        width = max(4, self.size.width - column - 6)
        for step in q.scale:
            n = row.counts[step.value]
            text.append(f"\n{labels[step.value]:<{column}}", self.style(step.value))
            text.append("█" * round(n / most * width) if n else "", self.style(step.value))
            text.append(f" {n}", "bold")
        text.append("\n\n" + tr(lang, "room_consensus") + " ", "bold")
        text.append_text(self.value(row.consensus))
        if row.spread is not None:
            text.append("  ·  " + tr(lang, "room_spread", n=row.spread))
        return text

    def style(self, value: str) -> str:
        weight, colour = SYMBOL_STYLE[value]
        return f"{weight} {self.app.theme_variables.get(colour, '')}".strip()

    def value(self, value: str | None) -> Text:
        app = room_app(self)
        if not value:
            return Text("·  " + tr(app.language, "not_rated"), app.theme_variables["text-muted"])
        step = app.q.step(value)
        return Text(f"{step.symbol} {step.label}", self.style(value))


class RoomScreen(Translated, Screen):
    CSS_PATH = "room_view.tcss"
    KEY_AREAS = ("room",)

    def compose(self) -> ComposeResult:
        yield RoomHeader()
        yield CriterionPanel()

    def action_step(self, delta: int) -> None:
        room_app(self).step(delta)

    def action_reveal(self) -> None:
        room_app(self).toggle_reveal()

    def action_reveal_all(self) -> None:
        room_app(self).reveal_all()

    def action_sort(self) -> None:
        room_app(self).toggle_sort()

    def action_merge(self) -> None:
        room_app(self).merge()

    def action_quit(self) -> None:
        self.app.exit()


class RoomApp(App):
    """The facilitator's projector view of a room (no session is opened for writing)."""

    TITLE = "wk-tui room"
    ENABLE_COMMAND_PALETTE = False
    # The presentation's high-contrast theme (every text colour ≥ 4.5:1, a test checks it).
    ansi_theme_light = Reactive(LIGHT_ANSI, init=False)
    language = var("de")

    def __init__(self, folder: Path, url: str = "", language: str | None = None) -> None:
        super().__init__()
        self.room: Room = load_room(folder)
        self.admin: Session
        self.admin, self.q = load_session(self.room.admin, strict=False)
        self.language = language or self.room.language
        self.url = url
        self.scanner = Scanner(self.room, self.q)
        self.state = self.scanner.scan()
        self.rows: list[CriterionTally] = tally(
            self.room, self.q, self.admin, self.state.participants
        )
        self.sorted = False
        self.order = [r.id for r in self.rows]
        self.index = 0
        self.revealed: set[str] = set()
        self.scanning = False

    # ------------------------------------------------------------------ state
    def current_row(self) -> CriterionTally | None:
        if not self.order:
            return None
        cid = self.order[self.index]
        return next(r for r in self.rows if r.id == cid)

    def get_default_screen(self) -> Screen:
        return localized(RoomScreen, self.language)()

    def on_mount(self) -> None:
        self.register_theme(PRESENT)
        self.theme = PRESENT.name
        self.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        """Start a scan unless one is still running (a slow scan is never piled upon)."""
        if not self.scanning:
            self.scanning = True
            self.scan()

    @work(thread=True, group="room-poll")
    def scan(self) -> None:
        try:
            state = self.scanner.scan()
        except WkError as exc:
            self.call_from_thread(
                self.notify, exc.text(self.language), severity="warning", markup=False
            )
            state = self.state
        finally:
            self.scanning = False
        if state != self.state:
            self.call_from_thread(self.show_state, state)

    def show_state(self, state: RoomState) -> None:
        self.state = state
        self.rows = tally(self.room, self.q, self.admin, state.participants)
        if self.sorted:
            self.resort()
        self.screen.query_one(RoomHeader).refresh()
        self.screen.query_one(CriterionPanel).refresh()

    # ------------------------------------------------------------------ actions
    def step(self, delta: int) -> None:
        if self.order:
            self.index = max(0, min(self.index + delta, len(self.order) - 1))
            self.screen.query_one(CriterionPanel).refresh()

    def toggle_reveal(self) -> None:
        row = self.current_row()
        if row is not None:
            self.revealed ^= {row.id}
            self.screen.query_one(CriterionPanel).refresh()

    def reveal_all(self) -> None:
        everything = {r.id for r in self.rows}
        self.revealed = set() if self.revealed >= everything else everything
        self.screen.query_one(CriterionPanel).refresh()

    def resort(self) -> None:
        current = self.order[self.index] if self.order else None
        rows = by_disagreement(self.rows) if self.sorted else self.rows
        self.order = [r.id for r in rows]
        if current is not None:
            self.index = self.order.index(current)

    def toggle_sort(self) -> None:
        """Sort by disagreement (and start at the largest) or back to questionnaire order."""
        self.sorted = not self.sorted
        self.resort()
        self.index = 0
        self.notify(tr(self.language, "room_sorted" if self.sorted else "room_unsorted"))
        self.screen.query_one(CriterionPanel).refresh()

    def merge(self) -> None:
        try:
            path = write_result(self.room, self.q, self.state.participants)
        except WkError as exc:
            self.notify(exc.text(self.language), severity="error", markup=False)
            return
        except OSError as exc:
            self.notify(f"{exc.filename}: {exc.strerror}", severity="error", markup=False)
            return
        self.notify(tr(self.language, "room_written", path=str(path)), markup=False, timeout=8)


def room_app(node: Widget | Screen) -> RoomApp:
    """The typed app of a room widget or screen."""
    return cast(RoomApp, node.app)
