"""``wk-tui compare OLD NEW`` on a terminal: the comparison as a scrollable view.

The core computes the comparison (:func:`wk_tui.compare.compare`); this view only shows it,
with the same strings as the Markdown output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.reactive import var
from textual.screen import Screen

from wk_tui.compare import STRINGS
from wk_tui.i18n import number, tr
from wk_tui.questionnaire import Questionnaire

from .base import make
from .themes import DEFAULT_THEME, THEMES
from .widgets.criteria import SYMBOL_STYLE
from .widgets.keybar import KeyBar
from .widgets.scrolling import ReportScroll
from .widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from pathlib import Path

STATUS_STYLE = {"done": "bold green", "open": "yellow", "missing": "dim"}
DIRECTION_STYLE = {"up": "green", "down": "bold red", "changed": "yellow", "same": ""}


class CompareScreen(Screen):
    CSS_PATH = "compare.tcss"
    KEY_AREAS = ("compare",)

    def __init__(self, doc: dict, q: Questionnaire, title: str) -> None:
        super().__init__(name="compare")
        self.doc, self.q, self.heading = doc, q, title

    @property
    def lang(self) -> str:
        app = self.app
        return app.language if isinstance(app, CompareApp) else "de"

    def t(self, key: str, **kw: object) -> str:
        return tr(STRINGS, self.lang, key, **kw)

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        yield TitleBar(self.heading)
        with ReportScroll(id="cmp-scroll"):
            yield Static(self.build(), id="cmp-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#cmp-scroll").focus()

    def action_quit(self) -> None:
        self.app.exit()

    def pct(self, x: float | None) -> str:
        return self.t("none") if x is None else number(x, self.lang) + " %"

    def change(self, x: float | None) -> Text:
        if x is None:
            return Text(self.t("none"))
        sign = "+" if x > 0 else "−" if x < 0 else "±"
        style = "green" if x > 0 else "bold red" if x < 0 else "dim"
        return Text(self.t("pp", value=sign + number(abs(x), self.lang)), style)

    def verdict(self, b: dict) -> Text:
        """The verdict text, wrapped in its column: ``label``, or ``old → new (besser)``."""
        label = {band.id: band.label for band in self.q.bands}
        if b["band_change"] in (None, "same"):
            return Text(label.get(b["new_band"], self.t("none")))
        return Text(
            f"{label[b['old_band']]} → {label[b['new_band']]} ({self.t(b['band_change'])})",
            DIRECTION_STYLE[b["band_change"]],
        )

    def build(self) -> Group:
        doc = self.doc
        scores = Table(expand=True, show_edge=False, pad_edge=False)
        scores.add_column(self.t("field"), ratio=1)
        scores.add_column(self.t("old"), justify="right", width=8)
        scores.add_column(self.t("new"), justify="right", width=8)
        scores.add_column(self.t("change"), justify="right", width=10)
        scores.add_column(self.t("verdict"), ratio=1)
        for f in doc["fields"]:
            scores.add_row(
                Text(f"{f['id']} {f['title']}"),
                self.pct(f["old"]),
                self.pct(f["new"]),
                self.change(f["change"]),
                self.verdict(f),
            )
        o = doc["overall"]
        scores.add_section()
        scores.add_row(
            Text(self.t("overall"), "bold"),
            self.pct(o["old"]),
            self.pct(o["new"]),
            self.change(o["change"]),
            self.verdict(o),
        )
        parts: list[RenderableType] = [
            scores,
            Text(),
            Text(self.t("criteria"), "bold"),
        ]
        if doc["criteria"]:
            crit = Table(expand=True, show_edge=False, pad_edge=False)
            crit.add_column(self.t("criterion"), ratio=1)
            crit.add_column(self.t("old"), justify="center", width=8)
            crit.add_column(self.t("new"), justify="center", width=8)
            crit.add_column(self.t("direction"), width=12)
            for c in doc["criteria"]:
                crit.add_row(
                    Text(f"{c['id']} {c['title']}"),
                    self.symbol(c["old"]),
                    self.symbol(c["new"]),
                    Text(self.t(c["direction"]), DIRECTION_STYLE[c["direction"]]),
                )
            parts.append(crit)
        else:
            parts.append(Text(self.t("no_changes"), "italic"))
        parts += [Text(), Text(self.t("actions"), "bold")]
        if doc["actions"]:
            acts = Table(expand=True, show_edge=False, pad_edge=False)
            acts.add_column(self.t("field"), width=5)
            acts.add_column(self.t("action"), ratio=3)
            acts.add_column(self.t("status"), ratio=1)
            acts.add_column(self.t("moved"), ratio=1)
            for a in doc["actions"]:
                status = self.t(a["status"]) + (f" ({a['done']})" if a["done"] else "")
                moved = Text(self.t("moved_n", up=a["field_up"], down=a["field_down"]) + ", ")
                moved.append_text(self.change(a["field_change"]))
                acts.add_row(
                    Text(a["field"]),
                    Text(a["text"]),
                    Text(status, STATUS_STYLE[a["status"]]),
                    moved,
                )
            parts.append(acts)
        else:
            parts.append(Text(self.t("no_actions"), "italic"))
        return Group(*parts)

    def symbol(self, value: str | None) -> Text:
        if not value:
            return Text(self.t("none"), "dim")
        return Text(self.q.step(value).symbol, SYMBOL_STYLE[value])


class CompareApp(App):
    """A one-screen app around :class:`CompareScreen` (no session is opened for writing)."""

    TITLE = "wk-tui compare"
    # What the shared title bar reads from the app.
    language = var("de")
    save_state = var("")
    store = None
    municipality_name = ""

    def __init__(self, doc: dict, q: Questionnaire, title: str, language: str) -> None:
        super().__init__()
        self.doc, self.q, self.heading = doc, q, title
        self.language = language if language in STRINGS else "de"

    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME
        self.push_screen(make(CompareScreen, self.language, self.doc, self.q, self.heading))


def compare_app(old_path: Path, new_path: Path, questionnaire: Path | None = None) -> CompareApp:
    from wk_tui.compare import compare, load_pair

    old, new, q = load_pair(old_path, new_path, questionnaire)
    title = tr(STRINGS, new.language, "title", old=old_path.name, new=new_path.name)
    return CompareApp(compare(old, new, q), q, title, new.language)
