"""Abweichungen / Disagreements: the criteria of a merged session by spread, largest first.

Each row shows the spread, the criterion, every respondent's rating as a symbol (in the
order of the legend) and the consensus, so a facilitator can pick topics for discussion.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from wk_tui.team import FLAG_SPREAD, disagreements

from .base import DISAGREEMENTS, WkScreen
from .widgets.criteria import SYMBOL_STYLE
from .widgets.keybar import KeyBar
from .widgets.scrolling import ReportScroll
from .widgets.titlebar import TitleBar


class DisagreementsScreen(WkScreen):
    CSS_PATH = "disagreements.tcss"

    def __init__(self) -> None:
        super().__init__(DISAGREEMENTS)

    def compose(self) -> ComposeResult:
        yield TitleBar(self.t("dis_title"))
        with ReportScroll(id="dis-scroll"):
            yield Static(id="dis-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_revision()
        self.follow_revisions()
        self.query_one("#dis-scroll").focus()

    def show_revision(self) -> None:
        self.query_one("#dis-body", Static).update(self.build())

    def build(self) -> Group | Text:
        store = self.app.store
        assert store is not None  # shown only with an open session
        q, session = self.app.q, store.session
        team = session.team
        if team is None or not team.members:
            return Text(self.t("dis_none"), "italic")
        rows = disagreements(session, q)
        flagged = sum(d.flagged for d in rows)
        head = Text(self.t("dis_intro", n=len(team.members), flagged=flagged, min=FLAG_SPREAD))
        legend = Text()
        for i, m in enumerate(team.members, 1):
            who = ", ".join(x for x in (m.role, m.department) if x)
            legend.append(f"{i:>2} ", "bold")
            legend.append(m.name)
            if who:
                legend.append(f" ({who})", "dim")
            legend.append("\n")
        table = Table(expand=True, show_edge=False, pad_edge=False)
        table.add_column(self.t("dis_spread"), justify="right", width=7)
        table.add_column(self.t("criterion"), ratio=1)
        table.add_column(self.t("dis_answers"), ratio=1)
        table.add_column(self.t("dis_consensus"), justify="center", width=9)
        for d in rows:
            c = q.criterion(d.cid)
            spread = Text("–" if d.spread is None else str(d.spread))
            if d.flagged:
                spread = Text(f"⚑ {d.spread}", "bold yellow")
            answers = Text()
            for i, value in enumerate(d.values):
                if i:
                    answers.append(" ")
                if value:
                    answers.append(f"{q.step(value).symbol:^3}", SYMBOL_STYLE[value])
                else:
                    answers.append(" · ", "dim")
            value = session.value(d.cid)
            agreed = Text(q.step(value).symbol, SYMBOL_STYLE[value]) if value else Text("")
            table.add_row(spread, Text(c.title), answers, agreed)
        return Group(head, Text(), legend, table)
