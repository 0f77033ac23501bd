"""The app's part for a write-protected session: say so, refuse changes, offer a copy.

Whether a session can be written is the core's decision (``SessionStore.protected``);
the app shows it, and offers to save an editable copy elsewhere, which the core writes
(``SessionStore.save_as``) and which is then the open session.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from wk_tui.errors import WkError
from wk_tui.validate import InvalidInput

from .base import make, tr

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from wk_tui.session_store import SessionStore

    _AppBase = App
else:
    _AppBase = object


class ProtectedMixin(_AppBase):
    """Mixed into WkApp, which provides the attributes declared here."""

    if TYPE_CHECKING:
        store: SessionStore | None
        language: str

        def say(
            self, message: str, severity: SeverityLevel = ..., timeout: float = ...
        ) -> None: ...
        def open_store(
            self, store: SessionStore, warnings: Iterable[str] = ..., show: bool = ...
        ) -> None: ...
        def set_language(self, lang: str) -> None: ...

    def announce_protected(self, store: SessionStore) -> None:
        """Say why ``store`` could not be opened for writing (if that is why it is read-only)."""
        why = store.protected
        if why is not None:
            text = tr(self.language, f"protected_{why.reason}", **why.params)
            self.say(text, severity="warning", timeout=12)

    def refuse_change(self) -> None:
        """A change was asked for in a read-only session: say why it is not made."""
        protected = self.store is not None and self.store.protected is not None
        key = "protected_blocked" if protected else "read_only_blocked"
        self.say(tr(self.language, key), severity="warning")

    def protected_commands(self) -> Iterable[SystemCommand]:
        if self.store is not None and self.store.protected is not None:
            t = lambda key: tr(self.language, key)  # noqa: E731
            yield SystemCommand(t("cmd_copy"), t("cmd_copy_help"), self.save_copy)

    def save_copy(self) -> None:
        """Ask where to save an editable copy; the core writes it, then it is edited."""
        from .form import FormField, FormScreen

        lang, store = self.language, self.store
        if store is None:
            return
        name = f"{store.path.stem}-{tr(lang, 'copy_suffix')}{store.path.suffix or '.toml'}"
        made: list[SessionStore] = []

        def commit(values: dict) -> None:
            text = str(values["target"]).strip()
            if not text:
                raise InvalidInput(tr(lang, "copy_missing"))
            try:
                made.append(store.save_as(Path(text).expanduser()))
            except WkError as exc:
                raise InvalidInput(exc.text(lang)) from None

        def done(kept: bool | None) -> None:
            if not kept or not made:
                return
            copy = made[0]  # the same session, in a file the user may write
            self.open_store(copy, show=False)
            self.set_language(self.language)  # screens built read-only are built anew
            self.say(tr(lang, "copy_saved", path=str(copy.path)), timeout=8)

        field = FormField("target", tr(lang, "copy_target"), str(Path.home() / name))
        self.push_screen(make(FormScreen, lang, tr(lang, "copy_title"), [field], commit), done)
