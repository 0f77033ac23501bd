"""The workshop: per chosen field what works, what does not yet, and the needs for action.

Quick capture: ``a`` opens an input at the end of the focused list, Enter adds and keeps it
open. Every change runs through the core (:mod:`wk_tui.editing`) and the store, so it is
autosaved and undoable; the screen repaints from the session on each revision.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static

from wk_tui import editing as ed
from wk_tui import workshop as ws
from wk_tui.session import PRIORITIES, Action
from wk_tui.validate import InvalidInput, format_date

from .base import WORKSHOP, WkScreen
from .form import FormField, FormScreen
from .widgets.capture import CaptureColumn, Captured, ItemList
from .widgets.criteria import SYMBOL_STYLE
from .widgets.keybar import KeyBar
from .widgets.sidebar import pct
from .widgets.titlebar import TitleBar


def bullet(text: Text) -> Table:
    """An item with a hanging indent: its wrapped lines align after the bullet."""
    grid = Table.grid(expand=True)
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row("•", text)
    return grid


class WorkshopScreen(WkScreen):
    CSS_PATH = "workshop.tcss"
    KEY_AREAS = ("items", "workshop", "nav")

    def __init__(self) -> None:
        super().__init__(WORKSHOP)
        self.fid: str | None = None
        self.kind = ws.LISTS[0]

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield TitleBar(self.t("workshop_title"))
        yield Static(id="ws-header")
        with Horizontal(id="ws-body"):
            with Vertical(id="ws-lists"):
                for kind in ws.LISTS:
                    yield CaptureColumn(kind, self.t(f"list_{kind}"))
                yield Static(Text(self.t("no_fields"), "italic"), id="ws-none")
            with VerticalScroll(id="ws-criteria"):
                yield Static(id="ws-criteria-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.follow_revisions()
        chosen = self.chosen()
        self.fid = chosen[0] if chosen else None
        self.show_revision()
        self.column(ws.LISTS[0]).items.focus()
        if not chosen:
            self.call_after_refresh(self.action_choose)

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < 100, "-narrow")

    def chosen(self) -> list[str]:
        return [f.id for f in ws.chosen_fields(self.app.session_store.session, self.app.q)]

    def column(self, kind: str) -> CaptureColumn:
        return self.query_one(f"#col-{kind}", CaptureColumn)

    # ------------------------------------------------------------------ showing
    def show_revision(self) -> None:
        chosen = self.chosen()
        if self.fid not in chosen:
            self.fid = chosen[0] if chosen else None
        self.set_class(self.fid is None, "-nofields")
        self.query_one("#ws-header", Static).update(self._header(chosen))
        self.query_one("#ws-criteria-text", Static).update(self._criteria())
        if self.fid is None:
            return
        session = self.app.session_store.session
        for kind in ws.LISTS:
            if kind == "actions":
                prompts = [self._action_prompt(a) for a in ws.actions(session, self.fid)]
            else:
                prompts = [bullet(Text(x)) for x in ws.items(session, self.fid, kind)]
            self.column(kind).show_items(prompts)

    def _header(self, chosen: list[str]) -> Text:
        if self.fid is None:
            return Text("")
        f = self.app.q.field(self.fid)
        text = Text(self.t("ws_field", n=f.number, title=f.title), "bold")
        pos = self.t("ws_field_pos", i=chosen.index(self.fid) + 1, total=len(chosen))
        text.append(f"  ·  {pos}", "dim")
        return text

    def _criteria(self) -> Group | Text:
        if self.fid is None:
            return Text("")
        q, lang = self.app.q, self.lang
        field = q.field(self.fid)
        fr = self.app.live_result.field(self.fid)
        head = Text(self.t("criteria_panel"), "bold")
        head.append("\n" + self.t("field_score", score=pct(fr.score, lang)))
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(no_wrap=True, width=3)
        grid.add_column(ratio=1)
        for c in field.criteria:
            value = self.app.session_store.session.value(c.id)
            symbol = Text(q.step(value).symbol, SYMBOL_STYLE[value]) if value else Text("·")
            grid.add_row(symbol, Text(c.title, "" if value else "dim"))
        return Group(head, grid)

    def _action_prompt(self, a: Action) -> Table:
        text = Text(a.text)
        meta = []
        if a.owner:
            meta.append(self.t("owner", owner=a.owner))
        if a.due:
            meta.append(self.t("due", date=format_date(a.due, self.lang)))
        if a.priority:
            meta.append(self.t("priority", p=self.t(f"prio_{a.priority}")))
        if a.outlook:
            meta.append(self.t("outlook_mark"))
        if meta:
            text.append("\n" + " · ".join(meta), "italic")
        return bullet(text)

    # ------------------------------------------------------------------ where we are
    def focused_column(self) -> CaptureColumn:
        return self.column(self.kind)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for node in event.widget.ancestors_with_self:
            if isinstance(node, CaptureColumn):
                self.kind = node.kind
                for k in ws.LISTS:
                    self.column(k).set_class(k == node.kind, "-current")
                return

    def selected(self) -> int | None:
        lst = self.focused_column().items
        return lst.highlighted if lst.option_count else None

    def _focus_list(self, kind: str) -> None:
        col = self.focused_column()
        if col.is_open and not col.input.value.strip():
            col.close_input()
        self.kind = kind
        self.column(kind).items.focus()

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Editing keys are off (and out of the key bar) in a read-only session, and the
        item keys while no field is chosen."""
        if action in ("add", "edit", "delete", "move", "details", "choose", "info"):
            if self.app.session_store.read_only:
                return False
            if self.fid is None and action not in ("choose", "info"):
                return False
        return True

    def action_next_list(self) -> None:
        i = ws.LISTS.index(self.kind)
        self._focus_list(ws.LISTS[(i + 1) % len(ws.LISTS)])

    def action_prev_list(self) -> None:
        i = ws.LISTS.index(self.kind)
        self._focus_list(ws.LISTS[(i - 1) % len(ws.LISTS)])

    def action_next_field(self) -> None:
        self._step_field(1)

    def action_prev_field(self) -> None:
        self._step_field(-1)

    def _step_field(self, delta: int) -> None:
        chosen = self.chosen()
        if self.fid not in chosen:
            return
        i = max(0, min(chosen.index(self.fid) + delta, len(chosen) - 1))
        self.goto(chosen[i], ws.LISTS[0])

    def goto(self, fid: str, kind: str, index: int | None = None) -> None:
        """Show field ``fid`` with list ``kind`` focused (and item ``index`` highlighted)."""
        for k in ws.LISTS:
            if self.column(k).is_open:
                self.column(k).close_input()
        if fid != self.fid:
            self.fid = fid
            for k in ws.LISTS:
                self.column(k).items.highlighted = None
            self.show_revision()
        self._focus_list(kind)
        if index is not None:
            self.column(kind).items.highlighted = index

    def action_add(self) -> None:
        self.focused_column().open_input()

    def action_edit(self) -> None:
        if self.app.session_store.read_only:
            return
        i = self.selected()
        if i is None:
            self.app.say(self.t("nothing_selected"), timeout=2)
            return
        if self.fid is None:  # no field chosen: no lists to edit (check_action)
            return
        text = ws.items(self.app.session_store.session, self.fid, self.kind)[i]
        self.focused_column().open_input(text, i)

    @on(OptionList.OptionSelected)
    def _enter_on_item(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, ItemList):
            self.action_edit()

    def action_delete(self) -> None:
        i = self.selected()
        if i is not None:
            self.app.edit(ed.delete_item, self.fid, self.kind, i)

    def action_move(self, delta: int) -> None:
        i = self.selected()
        if i is None:
            return
        j = self.app.edit(ed.move_item, self.fid, self.kind, i, delta)
        if j is not None:
            self.focused_column().items.highlighted = j

    def action_close_input(self) -> None:
        col = self.focused_column()
        if col.is_open:
            col.close_input()

    @on(Captured)
    def _captured(self, event: Captured) -> None:
        col = event.column
        try:
            if event.index is None:
                if not event.text.strip():
                    return  # Enter on an empty input: nothing to add
                at = self.app.edit(ed.add_item, self.fid, col.kind, event.text, self.lang)
                col.input.value = ""
                if at is not None:
                    col.items.highlighted = at
                    col.items.scroll_to_highlight()
            else:
                self.app.edit(ed.edit_item, self.fid, col.kind, event.index, event.text, self.lang)
                col.close_input()
                col.items.highlighted = event.index
        except InvalidInput as exc:
            self.app.say(exc.message, severity="warning")

    # ------------------------------------------------------------------ dialogs
    def action_details(self) -> None:
        i = self.selected()
        if self.kind != "actions" or i is None:
            self.app.say(self.t("only_actions"), timeout=3)
            return
        if self.fid is None:  # no field chosen: no actions (check_action)
            return
        a = ws.actions(self.app.session_store.session, self.fid)[i]
        fid, lang = self.fid, self.lang
        options = ((self.t("prio_none"), ""),) + tuple((self.t(f"prio_{p}"), p) for p in PRIORITIES)
        fields = [
            FormField("owner", self.t("a_owner"), a.owner),
            FormField("due", self.t("a_due"), format_date(a.due, lang)),
            FormField("priority", self.t("a_priority"), a.priority, "select", options),
            FormField("outlook", self.t("a_outlook"), a.outlook, "check"),
        ]

        def commit(v: dict) -> None:
            self.app.edit(
                ed.set_action, fid, i, lang, v["owner"], v["due"], v["priority"], v["outlook"]
            )

        self.app.push_screen(self._form(self.t("action_title") + f": {a.text}", fields, commit))

    def action_info(self) -> None:
        w, lang = self.app.session_store.session.workshop, self.lang
        fields = [
            FormField("date", self.t("i_date"), format_date(w.date, lang)),
            FormField("facilitator", self.t("i_facilitator"), w.facilitator),
            FormField("participants", self.t("i_participants"), w.participants),
            FormField("outlook", self.t("i_outlook"), w.outlook, "area"),
        ]

        def commit(v: dict) -> None:
            self.app.edit(
                ed.set_workshop_info,
                lang,
                v["date"],
                v["facilitator"],
                v["participants"],
                v["outlook"],
            )

        self.app.push_screen(self._form(self.t("info_title"), fields, commit))

    def _form(
        self, title: str, fields: list[FormField], commit: Callable[[dict], object]
    ) -> FormScreen:
        from .base import make

        return make(FormScreen, self.lang, title, fields, commit)

    def action_choose(self) -> None:
        from .base import make
        from .chooser import ChooserScreen

        def chosen(fids: list[str] | None) -> None:
            if fids:
                self.app.edit(ed.choose_fields, fids)
                if self.fid not in fids:
                    self.goto(self.chosen()[0], ws.LISTS[0])

        self.app.push_screen(make(ChooserScreen, self.lang), chosen)

    def action_plan(self) -> None:
        from .base import make
        from .plan import PlanScreen

        def picked(where: tuple[str, int] | None) -> None:
            if where is not None and where[0] in self.chosen():
                self.goto(where[0], "actions", where[1])

        self.app.push_screen(make(PlanScreen, self.lang), picked)
