"""The app's part for saving: following the store, the save indicator, and quitting.

The store saves (autosave thread, flush, rescue copy); the app only follows it: a new
revision after every change, and the state the title bar shows ("saved", "unsaved",
"read-only" or why the save failed).

The autosave is a one-shot timer armed by a change, not a steady interval: an idle app
does no work at all, and a change is handed to the writer at most ``AUTOSAVE_SECONDS``
after it was made. The timer re-arms itself while the session is not yet durable (the
writer is busy, or the save failed and is retried).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from .base import tr

#: How long a change may wait before the writer gets it (a burst of keys is one write).
AUTOSAVE_SECONDS = 0.4

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.timer import Timer

    from wk_tui.session_store import SessionStore

    _AppBase = App
else:
    _AppBase = object


@dataclass
class StoreWritten(Message):
    """The store's writer thread wrote, or failed to write (posted from that thread)."""

    store: SessionStore


class SavingMixin(_AppBase):
    """Mixed into WkApp, which provides the attributes declared here."""

    if TYPE_CHECKING:
        store: SessionStore | None
        language: str
        revision: int
        save_state: str
        ui_thread: int
        quit_warned: bool
        autosave_timer: Timer | None

        def say(
            self, message: str, severity: SeverityLevel = ..., timeout: float = ...
        ) -> None: ...

    def watch_store(self, store: SessionStore) -> None:
        """Follow ``store`` from now on: its changes, and each write of its writer."""
        store.subscribe(lambda: self.follow(store))
        store.on_written = lambda: self._written(store)
        self.follow(store)

    def follow(self, store: SessionStore | None) -> None:
        """The one place the app follows the store: a new revision for the shown screen.

        Called by the store after every change (rating, undo, note), and when a session
        is opened or the language changes. Changes of a store no longer open are ignored.
        """
        if store is not self.store:
            return
        self.revision += 1
        self.save_state = self.current_save_state()
        self.arm_if_unsaved()  # a change arms the autosave

    def arm_autosave(self) -> None:
        """Make sure an autosave is due within ``AUTOSAVE_SECONDS`` (one timer at a time)."""
        if self.autosave_timer is None:
            self.autosave_timer = self.set_timer(
                AUTOSAVE_SECONDS, self._autosave_due, name="autosave"
            )

    def _autosave_due(self) -> None:
        self.autosave_timer = None
        self.autosave()
        self.arm_if_unsaved()

    def arm_if_unsaved(self) -> None:
        """Arm the timer while a change is neither durable nor with the writer."""
        store = self.store
        if store is not None and not store.read_only and store.dirty and not store.writing:
            self.arm_autosave()

    def _written(self, store: SessionStore) -> None:
        """The writer is done with a revision: the indicator says "saved" or why not."""
        if threading.get_ident() == self.ui_thread:
            self._saved_now(store)
            return
        # Thread-safe and without waiting: the writer never blocks on the UI, and a
        # message to an app that has closed is dropped.
        self.post_message(StoreWritten(store))

    def on_store_written(self, message: StoreWritten) -> None:
        self._saved_now(message.store)

    def _saved_now(self, store: SessionStore) -> None:
        if store is self.store:
            self.save_state = self.current_save_state()
            self.arm_if_unsaved()  # a failed save is tried again

    def current_save_state(self) -> str:
        store = self.store
        if store is None:
            return "saved"
        if store.read_only:
            return "read_only" if store.protected is None else "protected"
        if store.last_error:
            return tr(self.language, "save_failed", error=store.last_error)
        return "unsaved" if store.dirty else "saved"

    def autosave(self) -> None:
        store = self.store
        if store is None or store.read_only:
            return
        store.autosave()
        self.save_state = self.current_save_state()

    async def action_quit(self) -> None:
        """Save and leave; if the save fails, never leave silently.

        The first q after a failed save writes a copy elsewhere and says where; the
        autosave keeps trying the session's own file. A second q leaves (the copy stays).
        """
        store = self.store
        if store is not None and not store.flush() and not self.quit_warned:
            self.quit_warned = True
            copy = store.rescue()
            key = "quit_unsaved_copy" if copy else "quit_unsaved_no_copy"
            self.say(
                tr(self.language, key, error=store.last_error or "", copy=str(copy)),
                severity="error",
                timeout=30,
            )
            self.save_state = self.current_save_state()
            return
        self.exit()
