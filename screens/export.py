"""Export the final report from the TUI: format, target file, and a Markdown preview."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from wk_tui.export import FORMATS, default_filename, encode, render
from wk_tui.files import atomic_write

from .base import Translated
from .widgets.keybar import KeyBar


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
                    for fmt in FORMATS:
                        yield RadioButton(fmt.upper(), value=fmt == self.fmt, name=fmt)
                yield Checkbox(self.t("with_notes"), value=True, id="notes")
            yield Static(Text(self.t("target"), "bold"))
            yield Input(str(self._default_target()), id="target")
            yield Static(id="export-status")
            yield Static(Text(self.t("preview"), "bold"))
            with VerticalScroll(id="preview"):
                yield Static("…", id="preview-md")
            with Horizontal(id="export-buttons"):
                yield Button(self.t("write"), id="write", variant="primary")
                yield Button(self.t("cancel"), id="cancel")
        yield KeyBar()

    def _default_target(self) -> Path:
        store = self.app.store
        return store.path.parent / default_filename(store.session, self.fmt)

    def _preview(self) -> object:
        """The Markdown report rendered by Rich: one widget, however long the report.

        (Textual's Markdown widget mounts a widget per block and table, which took
        seconds for a full report.)
        """
        from rich.markdown import Markdown

        store = self.app.store
        return Markdown(render(store.session, store.questionnaire, "md", self._notes()))

    def _notes(self) -> bool:
        boxes = self.query("#notes")
        return boxes.first(Checkbox).value if boxes else True

    def on_mount(self) -> None:
        # Paint the dialog first; the (longer) preview follows on the next refresh.
        self.call_after_refresh(self._notes_changed)

    @on(RadioSet.Changed, "#format")
    def _format(self, event: RadioSet.Changed) -> None:
        target = self.query_one("#target", Input)
        old_default = str(self._default_target())
        self.fmt = event.pressed.name
        if target.value == old_default:
            target.value = str(self._default_target())
        self.confirm_overwrite = None

    @on(Checkbox.Changed, "#notes")
    def _notes_changed(self) -> None:
        self.query_one("#preview-md", Static).update(self._preview())

    @on(Input.Changed, "#target")
    def _target_changed(self) -> None:
        self.confirm_overwrite = None

    @on(Button.Pressed, "#cancel")
    def action_dismiss_modal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#target")
    def _write(self) -> None:
        status = self.query_one("#export-status", Static)
        target = Path(self.query_one("#target", Input).value.strip()).expanduser()
        if target.exists() and self.confirm_overwrite != target:
            self.confirm_overwrite = target
            status.update(Text(self.t("exists"), "bold yellow"))
            return
        store = self.app.store
        data = encode(render(store.session, store.questionnaire, self.fmt, self._notes()), self.fmt)
        try:
            atomic_write(target, data, keep_backup=False)
        except OSError as exc:
            status.update(Text(f"{target}: {exc.strerror or exc}", "bold red"))
            return
        self.app.say(self.t("written", path=target))
        self.dismiss(target)
