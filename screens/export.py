"""Export the final report from the TUI: format, target file, and a Markdown preview.

The dialog only shows and asks: where to write, whether a file may be replaced and the
writing itself are the core's (:mod:`wk_tui.export.plan`), the same as for the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from wk_tui.errors import WkError
from wk_tui.export import ALL_FORMATS, EXTENSIONS, render, render_bytes
from wk_tui.export.plan import plan_export, write_export

from .base import Translated
from .widgets.keybar import KeyBar

if TYPE_CHECKING:
    from rich.markdown import Markdown


class ExportScreen(Translated, ModalScreen[Path | None]):
    """Dismisses with the written path, or None when cancelled."""

    CSS_PATH = "export.tcss"
    KEY_AREAS = ("modal",)

    def __init__(self) -> None:
        super().__init__()
        self.fmt = "md"
        self.confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(Text(self.t("export_title"), "bold"), id="export-title")
            with Horizontal(id="export-options"):
                with RadioSet(id="format"):
                    for fmt in ALL_FORMATS:
                        yield RadioButton(fmt.upper(), value=fmt == self.fmt, name=fmt)
            yield Checkbox(self.t("with_notes"), value=True, id="notes")
            yield Static(Text(self.t("target"), "bold"), id="target-label")
            yield Input(str(self._default_target()), id="target")
            yield Static(id="export-status")
            preview = VerticalScroll(id="preview")
            preview.border_title = self.t("preview")
            with preview:
                yield Static("…", id="preview-md")
            with Horizontal(id="export-buttons"):
                yield Button(self.t("write"), id="write", variant="primary")
                yield Button(self.t("cancel"), id="cancel")
        yield KeyBar()

    def _default_target(self) -> Path:
        """The default file name in the session's folder (planned by the core)."""
        store = self.app.session_store
        folder = store.path.parent if str(store.path.parent) else Path(".")
        try:
            target = plan_export(store.path, store.session, folder, self.fmt).target
        except WkError:
            target = None
        return target or folder

    def _preview(self) -> Markdown:
        """The Markdown report rendered by Rich: one widget, however long the report.

        (Textual's Markdown widget mounts a widget per block and table, which took
        seconds for a full report.)
        """
        from rich.markdown import Markdown  # ~tens of ms: only once a preview is shown

        store = self.app.session_store
        return Markdown(render(store.session, store.questionnaire, "md", self._notes()))

    def _notes(self) -> bool:
        boxes = self.query("#notes")
        return boxes.first(Checkbox).value if boxes else True

    def on_mount(self) -> None:
        # Paint the dialog first; the (longer) preview follows on the next refresh.
        self.call_after_refresh(self._notes_changed)

    @on(RadioSet.Changed, "#format")
    def _format(self, event: RadioSet.Changed) -> None:
        fmt = event.pressed.name
        if fmt is None:  # every format's button is named by its format
            return
        target = self.query_one("#target", Input)
        old_default = str(self._default_target())
        self.fmt = fmt
        if target.value == old_default:
            target.value = str(self._default_target())
        self.confirm_overwrite = None

    @on(Checkbox.Changed, "#notes")
    def _notes_changed(self) -> None:
        self.query_one("#preview-md", Static).update(self._preview())

    @on(Input.Changed, "#target")
    def _target_changed(self, event: Input.Changed) -> None:
        """A file name whose extension names a format decides it (as on the command line):
        bericht.docx is written as Word, not as Markdown under a .docx name."""
        self.confirm_overwrite = None
        named = EXTENSIONS.get(Path(event.value.strip()).suffix.lower().lstrip("."))
        if named is None or named == self.fmt:
            return
        self.fmt = named
        for button in self.query_one("#format", RadioSet).query(RadioButton):
            if button.name == named:
                button.value = True

    @on(Button.Pressed, "#cancel")
    def action_dismiss_modal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#target")
    def _write(self) -> None:
        status = self.query_one("#export-status", Static)
        store = self.app.session_store
        value = self.query_one("#target", Input).value.strip()
        if not value:
            status.update(Text(self.t("target_missing"), "bold red"))
            return
        try:
            plan = plan_export(store.path, store.session, value, self.fmt)
            if plan.exists and self.confirm_overwrite != plan.target:
                self.confirm_overwrite = plan.target  # ask once; the next Write replaces
                status.update(Text(self.t("exists"), "bold yellow"))
                return
            data = render_bytes(store.session, store.questionnaire, plan.fmt, self._notes())
            written = write_export(plan, data, store.path, overwrite=plan.exists)
        except WkError as exc:
            self.confirm_overwrite = None
            status.update(Text(exc.text(self.app.language), "bold red"))
            return
        self.app.say(self.t("written", path=written))
        self.dismiss(written)
