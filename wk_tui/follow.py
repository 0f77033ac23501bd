"""Follow a session file that another process writes (the presentation is read-only).

A cheap stat poll: the signature ``(mtime_ns, size, inode)`` is compared on every
:meth:`FileFollower.poll`. A changed file is loaded through the core loader once its
signature has stayed the same for one poll, so a writer caught mid-way is not read at all
(an atomic rename changes the inode at once and is complete). A file that is missing,
truncated or invalid never replaces the last good state; :attr:`FileFollower.problem`
says what is wrong until a good version appears.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import WkError
from .files import load_session
from .questionnaire import Questionnaire
from .session import Session

Signature = tuple[int, int, int]


def signature(path: Path) -> Signature:
    st = os.stat(path)
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class FileFollower:
    """The last good state of ``path``: never takes a lock, never writes."""

    def __init__(self, path: Path, questionnaire: Path | None = None) -> None:
        self.path = Path(path)
        self.override = questionnaire
        self.session: Session | None = None
        self.questionnaire: Questionnaire | None = None
        #: None while the file on disk is the state shown; else "missing" or "invalid".
        self.problem: str | None = None
        #: What is wrong, for logs (the UI shows only a discreet translated marker).
        self.detail = ""
        self._done: Signature | None = None  # last signature loaded or found bad
        self._pending: Signature | None = None  # changed, waiting to settle for a poll

    def load(self) -> FileFollower:
        """The first load: a bad file here is an error for the caller (WkError)."""
        before = signature(self.path) if self.path.exists() else None
        self.session, self.questionnaire = load_session(self.path, self.override, strict=False)
        self._done = before
        return self

    def poll(self) -> bool:
        """Look at the file once; True when the shown state or the problem changed."""
        try:
            sig = signature(self.path)
        except OSError as exc:
            self._done = self._pending = None
            return self._flag("missing", exc.strerror or str(exc))
        if sig == self._done:
            return False
        if sig != self._pending:
            self._pending = sig  # let a writer finish: read it at the next poll
            return False
        self._pending = None
        try:
            session, q = load_session(self.path, self.override, strict=False)
        except (WkError, OSError) as exc:
            self._done = sig
            return self._flag("invalid", str(exc))
        try:
            if signature(self.path) != sig:
                return False  # rewritten while we read: take the next version
        except OSError:
            return False
        self._done = sig
        self.session, self.questionnaire = session, q
        self.problem, self.detail = None, ""
        return True

    def _flag(self, problem: str, detail: str) -> bool:
        changed = problem != self.problem
        self.problem, self.detail = problem, detail
        return changed
