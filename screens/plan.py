"""The action plan: every need for action with owner, due date and priority, sortable."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wk_tui import workshop as ws
from wk_tui.validate import format_date

from .base import Translated
from .widgets.keybar import KeyBar
from .widgets.scrolling import FieldList


class PlanScreen(Translated, ModalScreen[tuple[str, int] | None]):
    """Dismisses with (field id, action index) to go to, or None."""

    CSS_PATH = "plan.tcss"
    KEY_AREAS = ("plan",)

    def __init__(self) -> None:
        super().__init__()
        self.sort = "due"
        self.rows: list[ws.PlanRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="plan-box"):
            yield Static(Text(self.t("plan_title"), "bold"), id="plan-title")
            yield Static(id="plan-sort")
            yield FieldList(id="plan-list")
            yield Static(Text(self.t("plan_empty"), "italic"), id="plan-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_plan()
        self.query_one(FieldList).focus()

    def show_plan(self) -> None:
        app = self.app
        self.rows = ws.action_plan(app.session_store.session, app.q, self.sort)
        self.query_one("#plan-sort", Static).update(Text(self.t(f"plan_sorted_{self.sort}"), "dim"))
        lst = self.query_one(FieldList)
        lst.clear_options()
        lst.add_options([Option(self._prompt(r)) for r in self.rows])
        if self.rows:
            lst.highlighted = 0
        self.set_class(not self.rows, "-empty")

    def _prompt(self, row: ws.PlanRow) -> Text:
        a, lang = row.action, self.app.language
        number = f"{row.field.number}" if row.field else row.fid
        head = Text(f"{self.t('col_field')} {number}", "bold")
        head.append(f"  {self.t('col_due')}: ", "dim")
        head.append(format_date(a.due, lang) or "–", "bold" if a.due else "dim")
        head.append(f"  {self.t('col_owner')}: ", "dim")
        head.append(a.owner or "–", "bold" if a.owner else "dim")
        if a.priority:
            head.append(f"  {self.t('col_priority')}: ", "dim")
            head.append(self.t(f"prio_{a.priority}"), "bold")
        if a.outlook:
            head.append(f"  {self.t('outlook_mark')}")
        head.append("\n")
        head.append(a.text)
        # A blank line between rows. (Vertical padding on options is not counted in the
        # option heights of Textual's OptionList, so the last line would be cut off.)
        head.append("\n")
        return head

    def action_sort(self) -> None:
        self.sort = "owner" if self.sort == "due" else "due"
        self.show_plan()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_goto_action()

    def action_goto_action(self) -> None:
        lst = self.query_one(FieldList)
        if lst.highlighted is None or not self.rows:
            return
        row = self.rows[lst.highlighted]
        self.dismiss((row.fid, row.index))

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)
