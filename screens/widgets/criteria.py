"""The criteria of one action field: lean rows that render themselves.

A row is one widget with one ``render()``; there are no child widgets per rating, so a
field with 20 criteria costs 20 widgets. Rows announce intent (``Picked``, ``Clicked``);
the field screen acts on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from wk_tui.questionnaire import Criterion, Questionnaire
from wk_tui.session import Session

from ..base import tr
from ..keys import key_for

WEAK = ("eher_nein", "nein")
RATE_KEYS = {"ja": "1", "eher_ja": "2", "eher_nein": "3", "nein": "4",
             "keine_einschaetzung": key_for("rate('keine_einschaetzung')")}
#: The binding description keys of the rating keys (short labels for the hint bar).
RATE_LABEL_KEYS = {"ja": "k_ja", "eher_ja": "k_eher_ja", "eher_nein": "k_eher_nein",
                   "nein": "k_nein", "keine_einschaetzung": "k_keine"}
SYMBOL_STYLE = {"ja": "bold green", "eher_ja": "green", "eher_nein": "yellow",
                "nein": "bold red", "keine_einschaetzung": "dim"}


class CriterionRow(Widget):
    """One criterion: rating symbol and word, title, note marker; details when current."""

    DEFAULT_CSS = """
    CriterionRow { height: auto; padding: 0 1; }
    CriterionRow.-current { background: $boost; border-left: thick $accent; padding-left: 0; }
    """

    current = reactive(False, layout=True)

    @dataclass
    class Picked(Message):
        """A rating chip was clicked."""

        index: int
        value: str

    @dataclass
    class Clicked(Message):
        """The row was clicked (to make it current)."""

        index: int

    def __init__(self, criterion: Criterion, index: int, q: Questionnaire,
                 session: Session, lang: str) -> None:
        super().__init__()
        self.criterion, self.index, self.q, self.session, self.lang = (
            criterion, index, q, session, lang)
        self.shown: tuple[str | None, str] | None = None  # (value, note) last rendered

    def state(self) -> tuple[str | None, str]:
        return self.session.value(self.criterion.id), self.session.note(self.criterion.id)

    def watch_current(self, current: bool) -> None:
        self.set_class(current, "-current")

    def render(self) -> Table:
        c = self.criterion
        value, note = self.shown = self.state()
        left = Text(no_wrap=True, overflow="ellipsis")
        if value:
            step = self.q.step(value)
            left.append(f"{step.symbol:>3} ", SYMBOL_STYLE[value])
            left.append(step.label, SYMBOL_STYLE[value])
        else:
            left.append("  · ", "dim")
            left.append(tr(self.lang, "not_rated"), "dim italic")
        body = Text(c.title, "bold" if self.current else "")
        if note:
            body.append(f"  ✎ {tr(self.lang, 'has_note')}", "italic cyan")
        if self.current:
            self._details(body, value, note)
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(width=14, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(left, body)
        return grid

    def _details(self, body: Text, value: str | None, note: str) -> None:
        """Rating chips (clickable), guiding questions, suggestion and note."""
        c = self.criterion
        body.append("\n")
        # Full chips where they fit on one line, else key and symbol only.
        full = self.size.width - 16 >= sum(len(s.label) + len(s.symbol) + 4 for s in self.q.scale)
        for step in self.q.scale:
            chosen = step.value == value
            style = Style.parse("reverse bold" if chosen else "underline") + Style.from_meta(
                {"@click": f"pick({step.value!r})"})
            label = f" {step.label}" if full or chosen else ""
            body.append(f"{RATE_KEYS[step.value]}:{step.symbol}{label}", style)
            body.append("  ")
        if c.questions:
            body.append(f"\n{tr(self.lang, 'questions')}:", "bold")
            for question in c.questions:
                body.append(f"\n• {question}")
        if value in WEAK and c.suggestion:
            body.append(f"\n{tr(self.lang, 'suggestion')}: ", "bold yellow")
            body.append(c.suggestion)
        if note.strip():
            lines = note.strip().splitlines()
            body.append(f"\n✎ {lines[0]}" + (" …" if len(lines) > 1 else ""), "italic")

    def action_pick(self, value: str) -> None:
        self.post_message(self.Picked(self.index, value))

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class CriterionList(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Scrollable list of rows with a current index (keys come from the screen)."""

    DEFAULT_CSS = """
    CriterionList { height: 1fr; scrollbar-size-vertical: 1; }
    CriterionList:focus { border: none; }
    """

    index = reactive(0)

    def __init__(self, rows: list[CriterionRow], index: int = 0, **kwargs: object) -> None:
        super().__init__(*rows, **kwargs)
        self.rows = rows
        self.set_reactive(CriterionList.index, max(0, min(index, len(rows) - 1)))

    def on_mount(self) -> None:
        if self.rows:
            self.rows[self.index].current = True
            self.call_after_refresh(self.scroll_to_widget, self.rows[self.index],
                                    animate=False)

    def watch_index(self, old: int, new: int) -> None:
        if not self.rows:
            return
        self.rows[old].current = False
        self.rows[new].current = True
        self.call_after_refresh(self.scroll_to_widget, self.rows[new], animate=False)

    def move(self, delta: int) -> None:
        self.index = max(0, min(self.index + delta, len(self.rows) - 1))

    def move_to(self, index: int) -> None:
        self.index = index % len(self.rows)

    @property
    def criterion(self) -> Criterion:
        return self.rows[self.index].criterion

    def refresh_rows(self) -> None:
        """Re-render the rows whose rating or note changed (not all of them)."""
        for row in self.rows:
            if row.state() != row.shown:
                row.refresh(layout=True)
