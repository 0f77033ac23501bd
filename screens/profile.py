"""The municipality profile (report section 1): key figures, people, challenges, context.

Text fields are saved as they are typed (through the core, so they autosave and ctrl+z
undoes a whole field edit at a time). Population and share are checked as they are typed
and saved when the field is left; when the text is not valid, the file keeps the last valid
value and a message says what is wrong.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from wk_tui import editing as ed
from wk_tui.validate import InvalidInput, format_number

from .base import PROFILE, WkScreen, make
from .form import FormField, FormScreen
from .widgets.keybar import KeyBar
from .widgets.scrolling import FieldList
from .widgets.titlebar import TitleBar

INPUTS = (
    "name",
    "population",
    "population_source",
    "foreign_share",
    "foreign_share_source",
    "head_of_administration",
)
AREAS = ("project_leads", "challenges", "context")
CHECKED = ("population", "foreign_share")


def field_key(widget: Widget) -> str:
    """The profile field a text field edits (its id is ``pf-<field>``)."""
    return (widget.id or "").removeprefix("pf-")


class ProfileScreen(WkScreen):
    CSS_PATH = "profile.tcss"
    KEY_AREAS = ("profile", "items", "nav")

    def __init__(self) -> None:
        super().__init__(PROFILE)
        self._shown: dict[str, object] = {}
        self._serial = 0  # a new undo step for each visit of a field

    def compose(self) -> ComposeResult:
        yield TitleBar(self.t("profile_title"))
        read_only = self.app.session_store.read_only
        with VerticalScroll(id="pf-form"):
            yield Static(Text(self.t("profile_hint"), "dim"), id="pf-hint")
            for key in INPUTS:
                with Horizontal(classes="pf-row"):
                    yield Static(Text(self.t(f"p_{key}")), classes="pf-label")
                    yield Input(id=f"pf-{key}", disabled=read_only)
                if key in CHECKED:
                    yield Static(id=f"err-{key}", classes="pf-error")
            for key in AREAS[:2]:
                yield Static(Text(self.t(f"p_{key}"), "bold"), classes="pf-heading")
                yield TextArea(
                    id=f"pf-{key}", soft_wrap=True, show_line_numbers=False, disabled=read_only
                )
            yield Static(Text(self.t("p_key_figures"), "bold"), classes="pf-heading")
            yield FieldList(id="pf-figures")
            yield Static(Text(self.t("no_key_figures"), "italic"), id="pf-no-figures")
            yield Static(Text(self.t("p_context"), "bold"), classes="pf-heading")
            yield TextArea(
                id="pf-context", soft_wrap=True, show_line_numbers=False, disabled=read_only
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.follow_revisions()
        self.show_revision()
        self.query_one("#pf-name", Input).focus()

    # ------------------------------------------------------------------ showing
    def _stored(self, key: str) -> object:
        value = getattr(self.app.session_store.session.municipality, key)
        return list(value) if isinstance(value, list) else value

    def _display(self, value: object) -> str:
        if isinstance(value, list):
            return "\n".join(value)
        if isinstance(value, int | float):
            return format_number(value, self.lang)
        return value if isinstance(value, str) else ""  # None: not filled in

    def show_revision(self) -> None:
        """Show stored values that changed since shown (undo, another screen); text being
        typed that is stored already is left alone."""
        for key in INPUTS + AREAS:
            stored = self._stored(key)
            if key in self._shown and self._shown[key] == stored:
                continue
            self._shown[key] = stored
            widget = self.query_one(f"#pf-{key}")
            if isinstance(widget, TextArea):
                widget.load_text(self._display(stored))
            elif isinstance(widget, Input):
                widget.value = self._display(stored)
            if key in CHECKED:
                self._error(key, None)
        self._show_figures()

    def _show_figures(self) -> None:
        lst = self.figures
        keep = lst.highlighted
        figures = self.app.session_store.session.municipality.key_figures
        lst.clear_options()
        for k in figures:
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(ratio=2)
            grid.add_column(ratio=3)
            value = Text(k.value)
            if k.source:
                value.append(f" ({k.source})", "dim")
            grid.add_row(Text(k.label, "bold"), value)
            lst.add_option(Option(grid))
        if figures:
            lst.highlighted = max(0, min(keep or 0, len(figures) - 1))
        self.set_class(not figures, "-no-figures")

    @property
    def figures(self) -> FieldList:
        return self.query_one("#pf-figures", FieldList)

    def _error(self, key: str, message: str | None) -> None:
        error = self.query_one(f"#err-{key}", Static)
        error.update(Text(message or ""))
        error.set_class(message is not None, "-shown")
        self.query_one(f"#pf-{key}").set_class(message is not None, "-invalid")

    # ------------------------------------------------------------------ saving as typed
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._serial += 1

    def _commit(self, key: str, text: str, final: bool) -> None:
        if self.app.session_store.read_only:
            return
        try:
            self.app.edit(ed.set_profile, key, text, self.lang, merge=(key, self._serial))
        except InvalidInput as exc:
            if final:
                self._error(key, exc.message)
            else:
                self.query_one(f"#pf-{key}").add_class("-invalid")
            return
        self._shown[key] = self._stored(key)
        if key in CHECKED:
            self._error(key, None)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        key = field_key(event.input)
        if key not in CHECKED:
            self._commit(key, event.value, final=False)
            return
        # Numbers are stored when the field is left: "12" on the way to "120" is not 12.
        try:
            ed.check_profile(key, event.value, self.lang)
        except InvalidInput:
            event.input.add_class("-invalid")
        else:
            event.input.remove_class("-invalid")

    @on(Input.Blurred)
    @on(Input.Submitted)
    def _left(self, event: Input.Blurred | Input.Submitted) -> None:
        # The current text, not the event's: an undo may have replaced it meanwhile.
        self._commit(field_key(event.input), event.input.value, final=True)

    @on(TextArea.Changed)
    def _area_typed(self, event: TextArea.Changed) -> None:
        self._commit(field_key(event.text_area), event.text_area.text, final=True)

    # ------------------------------------------------------------------ key figures
    def _figure_index(self) -> int | None:
        lst = self.figures
        if self.focused is not lst or not lst.option_count:
            return None
        return lst.highlighted

    def action_add(self) -> None:
        if self.focused is self.figures:
            self._figure_form(None)

    def action_edit(self) -> None:
        i = self._figure_index()
        if i is not None:
            self._figure_form(i)

    def action_leave_input(self) -> None:
        self.set_focus(None)  # the field saves as it loses the focus

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Esc only while a text field has the focus; the key figures' keys only on their
        list, and not in a read-only session (nor their key bar entries)."""
        if action == "leave_input":
            return isinstance(self.focused, Input | TextArea)
        if action in ("add", "edit", "delete", "move"):
            focused = self.focused
            return (
                focused is not None
                and focused.id == "pf-figures"
                and not self.app.session_store.read_only
            )
        return True

    @on(OptionList.OptionSelected, "#pf-figures")
    def _enter(self, event: OptionList.OptionSelected) -> None:
        if not self.app.session_store.read_only:
            self._figure_form(event.option_index)

    def action_delete(self) -> None:
        i = self._figure_index()
        if i is not None:
            self.app.edit(ed.delete_key_figure, i)

    def action_move(self, delta: int) -> None:
        i = self._figure_index()
        if i is not None:
            j = self.app.edit(ed.move_key_figure, i, delta)
            if j is not None:
                self.figures.highlighted = j

    def _figure_form(self, index: int | None) -> None:
        figures = self.app.session_store.session.municipality.key_figures
        k = figures[index] if index is not None else None
        fields = [
            FormField("label", self.t("kf_label"), k.label if k else ""),
            FormField("value", self.t("kf_value"), k.value if k else ""),
            FormField("source", self.t("kf_source"), k.source if k else ""),
        ]
        lang = self.lang

        def commit(v: dict) -> None:
            self.app.edit(ed.put_key_figure, index, v["label"], v["value"], v["source"], lang)

        self.app.push_screen(make(FormScreen, lang, self.t("kf_title"), fields, commit))
