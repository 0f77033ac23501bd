"""A small modal form (event, key figure, action details, workshop data).

The fields are described as data; on keep the values go to a ``commit`` callback that runs
the change through the core. If the core refuses the input (InvalidInput), its message is
shown in the form and nothing closes; otherwise the form dismisses with True.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from wk_tui.validate import InvalidInput

from .base import Translated
from .widgets.keybar import KeyBar


class FormField(NamedTuple):
    key: str
    label: str
    value: object = ""
    kind: str = "input"  # input | area | select | check
    options: tuple[tuple[str, str], ...] = ()  # (label, value) for select


class FormScreen(Translated, ModalScreen[bool]):
    CSS_PATH = "form.tcss"
    KEY_AREAS = ("form",)

    def __init__(
        self, title: str, fields: list[FormField], commit: Callable[[dict], object]
    ) -> None:
        super().__init__()
        self.form_title, self.fields, self.commit = title, fields, commit

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(Text(self.form_title, "bold"), id="form-title")
            with VerticalScroll(id="form-fields"):
                for f in self.fields:
                    if f.kind == "check":
                        yield Checkbox(f.label, bool(f.value), id=f"f-{f.key}")
                        continue
                    yield Static(Text(f.label), classes="form-label")
                    if f.kind == "area":
                        yield TextArea(
                            str(f.value), id=f"f-{f.key}", soft_wrap=True, show_line_numbers=False
                        )
                    elif f.kind == "select":
                        yield Select(f.options, value=f.value, allow_blank=False, id=f"f-{f.key}")
                    else:
                        yield Input(str(f.value), id=f"f-{f.key}")
            yield Static(id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(self.t("keep"), id="form-keep", variant="primary")
                yield Button(self.t("form_cancel"), id="form-cancel")
            yield Static(Text(self.t("form_hint"), "dim"), id="form-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#form-fields").query("Input, TextArea, Select, Checkbox").first().focus()

    def values(self) -> dict:
        result: dict[str, object] = {}
        for f in self.fields:
            widget = self.query_one(f"#f-{f.key}")
            if isinstance(widget, TextArea):
                result[f.key] = widget.text
            elif isinstance(widget, Input | Select | Checkbox):
                result[f.key] = widget.value
        return result

    def action_keep(self) -> None:
        try:
            self.commit(self.values())
        except InvalidInput as exc:
            error = self.query_one("#form-error", Static)
            error.update(Text(exc.message))
            error.add_class("-shown")
            return
        self.dismiss(True)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_keep()

    @on(Button.Pressed, "#form-keep")
    def _keep(self) -> None:
        self.action_keep()

    @on(Button.Pressed, "#form-cancel")
    def _cancel(self) -> None:
        self.dismiss(False)
