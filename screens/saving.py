"""The app's part for saving: following the store, the save indicator, and quitting.

The store saves (autosave thread, flush, rescue copy); the app only follows it: a new
revision after every change, and the state the title bar shows ("saved", "unsaved",
"read-only" or why the save failed).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from .base import tr

if TYPE_CHECKING:
    from textual.app import App

    from wk_tui.session_store import SessionStore

    _AppBase = App
else:
    _AppBase = object


@dataclass
class StoreDurable(Message):
    """The store's writer thread made a revision durable (posted from that thread)."""

    store: Any


class SavingMixin(_AppBase):
    """Mixed into WkApp, which provides the attributes declared here."""

    if TYPE_CHECKING:
        store: SessionStore | None
        language: str
        revision: int
        save_state: str
        ui_thread: int
        quit_warned: bool

        def say(self, message: str, severity: str = ..., timeout: float = ...) -> None: ...

    def watch_store(self, store: SessionStore) -> None:
        """Follow ``store`` from now on: its changes, and the moment they are durable."""
        store.subscribe(lambda: self.follow(store))
        store.on_durable = lambda: self._durable(store)
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

    def _durable(self, store: SessionStore) -> None:
        """The writer made a revision durable: the indicator may say "saved" now."""
        if threading.get_ident() == self.ui_thread:
            self._saved_now(store)
            return
        # Thread-safe and without waiting: the writer never blocks on the UI, and a
        # message to an app that has closed is dropped.
        self.post_message(StoreDurable(store))

    def on_store_durable(self, message: StoreDurable) -> None:
        self._saved_now(message.store)

    def _saved_now(self, store: SessionStore) -> None:
        if store is self.store:
            self.save_state = self.current_save_state()

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
