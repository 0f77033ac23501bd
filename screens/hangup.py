"""When the terminal goes away or sends bytes that are not UTF-8.

Textual's ``LinuxDriver`` decodes keyboard input strictly as UTF-8: one Latin-1 byte
(``tmux send-keys -H fc``) kills its input thread, and a terminal closed without SIGHUP
(a pty whose other side is gone, under ``setsid``) makes ``read`` return nothing forever,
so the thread spins at 100 % CPU and the session stays locked.

:func:`lenient_driver` makes a subclass, passed to Textual through the public
``App.get_driver_class``, whose input thread decodes leniently (a byte that is not UTF-8
is read as Latin-1, so the "ü" arrives as "ü") and reports end of input (EOF or EIO) to
the app once. :func:`exit_soon` is the watchdog: once the session is saved and unlocked,
the process ends within a second even if Textual hangs writing to a dead terminal.
"""

from __future__ import annotations

import codecs
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.drivers import linux_driver

from wk_tui.errors import WkError


def _as_latin1(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("wk-tui-latin1", _as_latin1)

if TYPE_CHECKING:
    from textual.app import App
    from textual.driver import Driver

    from wk_tui.session_store import SessionStore

    _AppBase = App
else:
    _AppBase = object


def lenient_driver(base: type, on_end: Callable[[], None]) -> type:
    """A ``base`` (LinuxDriver) subclass with a lenient decoder that reports end of input."""

    class LenientDecoder(codecs.BufferedIncrementalDecoder):
        def _buffer_decode(self, input: Any, errors: str, final: bool) -> tuple[str, int]:
            return codecs.utf_8_decode(input, errors, final)

        def __init__(self, errors: str = "strict") -> None:
            super().__init__("wk-tui-latin1")
            self.ended = False

        def decode(self, data: Any, final: bool = False) -> str:
            if not data and not final and not self.ended:
                self.ended = True  # select said readable, read gave nothing: EOF
                on_end()
            return super().decode(data, final)

    def decoders(encoding: str) -> Any:
        return (
            LenientDecoder
            if encoding.replace("-", "").lower() == "utf8"
            else (codecs.getincrementaldecoder(encoding))
        )

    class WkDriver(base):
        def run_input_thread(self) -> None:
            # The decoder factory is looked up when the thread starts; ours is lenient.
            setattr(linux_driver, "getincrementaldecoder", decoders)  # noqa: B010
            try:
                super().run_input_thread()
            except OSError:
                on_end()  # EIO: the terminal is gone

    return WkDriver


#: Seconds the app's thread gets to save and unlock after the terminal is gone.
HANG_UP_GRACE = 20.0


def exit_soon(seconds: float = 1.0, code: int = 0) -> None:
    """End the process after ``seconds`` unless it has ended by then (a daemon thread)."""

    def watchdog() -> None:
        threading.Event().wait(seconds)
        os._exit(code)

    threading.Thread(target=watchdog, name="wk-exit-watchdog", daemon=True).start()


class HangUpMixin(_AppBase):
    """The app's side: a driver that reports the end of input, and the hang-up itself."""

    if TYPE_CHECKING:
        store: SessionStore | None
        open_note: tuple | None

        def keep_position(self) -> None: ...

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver; on Linux/macOS one that survives non-UTF-8 input and EOF."""
        base = super().get_driver_class()
        if isinstance(base, type) and issubclass(base, linux_driver.LinuxDriver):
            return lenient_driver(base, self._terminal_gone)
        return base

    def _terminal_gone(self) -> None:
        """End of input (EOF/EIO) on the input thread: hang up on the app's thread."""
        # Only if even the app's thread no longer answers: a loaded machine may need
        # seconds for the hang-up's flush, fsync and unlock, which must not be cut short.
        exit_soon(HANG_UP_GRACE)
        try:
            self.call_from_thread(self.hang_up)
        except RuntimeError:
            return  # the app has stopped already

    def hang_up(self) -> None:
        """Keep the text of an open note editor as the note (undoable), save, unlock, leave.

        The process ends within a second after the session is saved and unlocked, even if
        Textual blocks writing to a terminal that is gone.
        """
        store = self.store
        if store is not None and not store.read_only:
            if self.open_note is not None:
                cid, screen = self.open_note
                text = screen.current_text()
                if text is not None and screen in self.screen_stack:
                    try:
                        store.set_note(cid, text)
                    except WkError as exc:
                        self.log.warning(f"note not kept: {exc}")
            store.flush()
            store.close()
        self.keep_position()
        exit_soon(1.0)
        self.exit(return_code=0)
