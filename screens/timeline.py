"""The timeline of the implementation (report section 2): events with date or period."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from wk_tui import editing as ed
from wk_tui.session import Event
from wk_tui.validate import format_date

from .base import TIMELINE, WkScreen, make
from .form import FormField, FormScreen
from .widgets.keybar import KeyBar
from .widgets.scrolling import FieldList
from .widgets.titlebar import TitleBar


class TimelineScreen(WkScreen):
    CSS_PATH = "timeline.tcss"
    KEY_AREAS = ("items", "nav")

    def __init__(self) -> None:
        super().__init__(TIMELINE)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.t("timeline_title"))
        with Vertical(id="tl-main"):
            yield Static(Text(self.t("timeline_hint"), "dim"), id="tl-hint")
            yield FieldList(id="tl-events")
            yield Static(Text(self.t("no_events"), "italic"), id="tl-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.follow_revisions()
        self.show_revision()
        self.events.focus()

    @property
    def events(self) -> FieldList:
        return self.query_one("#tl-events", FieldList)

    def show_revision(self) -> None:
        lst = self.events
        keep = lst.highlighted
        timeline = self.app.session_store.session.timeline
        lst.clear_options()
        lst.add_options([Option(self._prompt(e)) for e in timeline])
        if timeline:
            lst.highlighted = max(0, min(keep or 0, len(timeline) - 1))
        self.set_class(not timeline, "-empty")

    def _prompt(self, e: Event) -> Table:
        when = format_date(e.date, self.lang)
        if e.end and e.end != e.date:
            when += "\n– " + format_date(e.end, self.lang)
        body = Text(e.title, "bold")
        if e.participants:
            body.append("\n" + e.participants, "italic")
        if e.text:
            text = e.text if len(e.text) <= 240 else e.text[:239] + "…"
            body.append("\n" + text, "dim")
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(no_wrap=True, width=12)
        grid.add_column(ratio=1)
        grid.add_row(Text(when, "bold"), body)
        grid.add_row("", "")  # a blank line between events (no option padding: see plan.py)
        return grid

    def selected(self) -> int | None:
        lst = self.events
        return lst.highlighted if lst.option_count else None

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """No editing keys (nor their key bar entries) in a read-only session."""
        if action in ("add", "edit", "delete", "move") and self.app.session_store.read_only:
            return False
        return True

    def action_add(self) -> None:
        self._form(None)

    def action_edit(self) -> None:
        i = self.selected()
        if i is not None:
            self._form(i)

    @on(OptionList.OptionSelected)
    def _enter(self, event: OptionList.OptionSelected) -> None:
        if not self.app.session_store.read_only:
            self._form(event.option_index)

    def action_delete(self) -> None:
        i = self.selected()
        if i is not None:
            self.app.edit(ed.delete_event, i)

    def action_move(self, delta: int) -> None:
        i = self.selected()
        if i is None:
            return
        j = self.app.edit(ed.move_event, i, delta)
        if j is not None:
            self.events.highlighted = j

    def _form(self, index: int | None) -> None:
        lang = self.lang
        e = self.app.session_store.session.timeline[index] if index is not None else None
        fields = [
            FormField("date", self.t("ev_date"), format_date(e.date, lang) if e else ""),
            FormField("end", self.t("ev_end"), format_date(e.end, lang) if e else ""),
            FormField("title", self.t("ev_title"), e.title if e else ""),
            FormField("participants", self.t("ev_participants"), e.participants if e else ""),
            FormField("text", self.t("ev_text"), e.text if e else "", "area"),
        ]
        where: list[int] = []

        def commit(v: dict) -> None:
            at = self.app.edit(
                ed.put_event,
                index,
                lang,
                v["date"],
                v["end"],
                v["title"],
                v["participants"],
                v["text"],
            )
            if at is not None:
                where.append(at)

        def done(kept: bool | None) -> None:
            if kept and where:
                self.events.highlighted = where[0]
                self.call_after_refresh(self.events.scroll_to_highlight)

        self.app.push_screen(make(FormScreen, lang, self.t("event_title"), fields, commit), done)
