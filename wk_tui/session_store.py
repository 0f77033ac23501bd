"""An open session for an interactive program: lock, autosave writer, undo, flush.

Every change of the session goes through the store (:meth:`rate`, :meth:`undo`,
:meth:`set_note`), which owns the revision: each change bumps it once and tells the
subscribers (the UI follows it; see :meth:`subscribe`). Changes happen on the caller's thread,
which copies the document for the autosave (a consistent snapshot); a background writer
turns it into TOML and writes it (write + fsync + rename), so typing never waits for the
disk. :meth:`flush` writes synchronously (quit, SIGTERM, SIGHUP).
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from .editing import SECTION, R
from .errors import Notice, ReadOnlyError, WkError
from .files import (
    SessionLock,
    atomic_write,
    dumps,
    dumps_document,
    load_session,
    new_session,
    remove_orphans,
    snapshot,
)
from .lock import takeover_notice
from .questionnaire import DEFAULT_ID, Questionnaire, bundled, load_questionnaire
from .record import Record
from .session import Session, now
from .tally import Tally
from .validate import check_storable


class Change(Record):
    """One undoable change of one criterion: its rating value or its note, as it was."""

    cid: str
    kind: str  # "rating" or "note"
    before: str | None  # the previous value (None: unrated) or the previous note text
    updated: dt.datetime | None  # the criterion's previous "updated" stamp


class Edit(Record):
    """One undoable change of a section (municipality, timeline, workshop): its old value."""

    section: str
    before: object
    merge: object = None  # edits with the same key in a row are undone as one


class SessionStore:
    def __init__(
        self,
        path: Path,
        session: Session,
        questionnaire: Questionnaire,
        read_only: bool = False,
        lock: SessionLock | None = None,
    ) -> None:
        self.path, self.session, self.questionnaire = Path(path), session, questionnaire
        self.read_only, self.lock = read_only, lock
        self.undo_stack: list[Change | Edit] = []
        self.saved_revision = self.revision = 0
        self.last_error: str | None = None
        self._written: bytes | None = None  # the bytes of the newest durable write
        self._durable = 0  # the revision of those bytes
        self._queued: int | None = None  # the revision handed to the writer last
        self._pending: tuple[int, dict] | None = None
        self._io = threading.Lock()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._listeners: list[Callable[[], None]] = []
        #: called after each write, durable or failed (on the writer's thread, or the
        #: flusher's): the app's save indicator follows it, and a failed save is retried
        self.on_written: Callable[[], None] | None = None
        #: one-line messages for the user about the opening (e.g. a stale lock taken over)
        self.notices: list[Notice] = []
        #: why a session opened read-only could not be opened for writing (None: asked for)
        self.protected: ReadOnlyError | None = None
        self.orphans_removed: list[Path] = []
        self.tally = Tally(session)

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: Path,
        questionnaire: Path | Questionnaire | None = None,
        read_only: bool = False,
        *,
        or_read_only: bool = False,
    ) -> SessionStore:
        """Load ``path`` (lenient about unknown ids) and take the write lock.

        Raises LockedError if another process holds the lock and ``read_only`` is false.
        A session this process may not write raises ReadOnlyError, or with ``or_read_only``
        opens read-only with the reason in :attr:`protected` (nothing is written beside it).
        """
        path = Path(path)
        protected = None
        try:
            lock = None if read_only else SessionLock(path).acquire()
        except ReadOnlyError as exc:
            if not or_read_only:
                raise
            lock, read_only, protected = None, True, exc
        try:
            session, q = load_session(path, questionnaire, strict=False)
        except BaseException:
            if lock:
                lock.release()
            raise
        store = cls(path, session, q, read_only, lock)
        store.protected = protected
        if lock is not None:
            # Only a writer cleans up: temp files of killed writers of this file.
            store.orphans_removed = remove_orphans(path)
            if lock.took_over:
                store.notices.append(takeover_notice(path, lock.took_over))
        return store

    @classmethod
    def create(cls, path: Path, session: Session, questionnaire: Questionnaire) -> SessionStore:
        path = Path(path)
        if path.exists():
            raise WkError("file exists already; open it instead of creating it", path)
        lock = SessionLock(path).acquire()
        store = cls(path, session, questionnaire, False, lock)
        try:
            store.changed()
            store._write(store.revision, dumps(session).encode("utf-8"))
        except BaseException:
            lock.release()
            raise
        if store.last_error:
            lock.release()
            raise WkError("cannot create the session file: {error}", path, error=store.last_error)
        return store

    @classmethod
    def create_new(
        cls,
        path: Path,
        municipality: str = "",
        language: str = "de",
        questionnaire: Path | None = None,
        respondent: str = "",
    ) -> SessionStore:
        """Create a new session file at ``path`` (bundled or custom questionnaire)."""
        q = load_questionnaire(questionnaire) if questionnaire else bundled(DEFAULT_ID, language)
        return cls.create(path, new_session(q.id, q.language, municipality, respondent), q)

    # ------------------------------------------------------------------ editing
    def _writable(self) -> None:
        """Changes of a read-only session are refused, never kept only in memory."""
        if self.read_only:
            raise ReadOnlyError(
                "the session is open read-only; changes are not possible", self.path, "open"
            )

    def rate(self, cid: str, value: str | None) -> bool:
        """Set or clear a rating; returns False if nothing changed."""
        self._writable()
        current = self.session.value(cid)
        if current == value:
            return False
        self._remember(cid, "rating", current)
        self.session.set_rating(cid, value)
        self.changed((cid,))
        return True

    def set_note(self, cid: str, note: str) -> bool:
        """Set a note (undoable like a rating); returns False if nothing changed."""
        self._writable()
        check_storable(note)
        current = self.session.note(cid)
        if current == note:
            return False
        self._remember(cid, "note", current)
        self.session.set_note(cid, note)
        self.changed(())
        return True

    def _remember(self, cid: str, kind: str, before: str | None) -> None:
        rating = self.session.ratings.get(cid)
        self.undo_stack.append(Change(cid, kind, before, rating.updated if rating else None))

    def edit(self, fn: Callable[..., R], *args: object, merge: object = None, **kw: object) -> R:
        """Run ``fn(session, *args, **kw)`` from :mod:`wk_tui.editing`, undoably.

        The section ``fn`` changes is copied first; if the call raises (InvalidInput) nothing
        is recorded. Successive edits with the same ``merge`` key (typing into one field)
        make one undo step. Returns what ``fn`` returns.
        """
        self._writable()
        check_storable((args, kw))
        section = SECTION[fn]
        before = copy.deepcopy(getattr(self.session, section))
        result = fn(self.session, *args, **kw)
        if getattr(self.session, section) != before:
            top = self.undo_stack[-1] if self.undo_stack else None
            merged = (
                merge is not None
                and isinstance(top, Edit)
                and top.section == section
                and top.merge == merge
            )
            if not merged:
                self.undo_stack.append(Edit(section, before, merge))
            self.session.updated = now()
            self.changed(())  # no rating changed: nothing to re-score
        return result

    @property
    def next_undo(self) -> Change | Edit | None:
        """What :meth:`undo` would undo next (a rating, a note or a section), or None."""
        return self.undo_stack[-1] if self.undo_stack else None

    def undo(self) -> str | None:
        """Undo the most recent change of any kind; returns the criterion id or the section
        it touched (None if nothing is left).

        Only what that change touched is restored: undoing a rating keeps a note written
        since, undoing a note keeps the rating.
        """
        self._writable()
        if not self.undo_stack:
            return None
        change = self.undo_stack.pop()
        if isinstance(change, Edit):
            setattr(self.session, change.section, change.before)
            self.session.updated = now()
            self.changed(())
            return change.section
        if change.kind == "note":
            self.session.set_note(change.cid, change.before or "")
        else:
            self.session.set_rating(change.cid, change.before)
        rating = self.session.ratings.get(change.cid)
        if rating is not None:
            rating.updated = change.updated
        self.session.updated = now()
        self.changed((change.cid,))
        return change.cid

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change of the session (on the changing thread)."""
        self._listeners.append(listener)

    def changed(self, rated: Iterable[str] | None = None) -> None:
        """The one place a change lands: a new revision, then the subscribers.

        ``rated``: the criteria whose rating may have changed, so only their fields are
        re-scored (``()`` for changes that leave ratings alone; ``None``: any may have).
        """
        self.tally.touch(rated)
        self.revision += 1
        for listener in self._listeners:
            listener()

    @property
    def dirty(self) -> bool:
        """True until the current revision is durable on disk (written, fsynced, renamed)."""
        return self.revision != self.saved_revision

    # ------------------------------------------------------------------ saving
    def autosave(self) -> None:
        """Hand a snapshot to the background writer (no-op if nothing changed).

        ``dirty`` stays true until the writer has made this revision durable.
        """
        if self.read_only or not self.dirty or self.revision == self._queued:
            return
        rev = self.revision
        # Only a copy of the document is made here; the writer thread turns it into
        # TOML, so the UI thread never stalls on a big session.
        doc = snapshot(self.session)
        with self._wake:
            self._pending = (rev, doc)
            self._queued = rev
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._writer, name="wk-autosave", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def _writer(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._closed:
                    self._wake.wait()
                pending, self._pending = self._pending, None
            if pending is None:  # woken by close() with nothing left to write
                return
            rev, doc = pending
            try:
                data = dumps_document(doc).encode("utf-8")
            except (UnicodeEncodeError, ValueError) as exc:  # refused on entry; never here
                self.last_error = f"{self.path}: {exc}"
                self._queued = None
                continue
            self._write(rev, data)

    def _write(self, rev: int, data: bytes) -> bool:
        """Make revision ``rev`` (serialised as ``data``) durable; False if the write failed.

        Writes are serialised and never go backwards: a snapshot older than what is
        already on disk is dropped. Only here, after the rename and the folder's fsync,
        does ``saved_revision`` move.
        """
        failed = False
        with self._io:
            if rev <= self._durable:
                return True
            if data != self._written:
                try:
                    atomic_write(self.path, data, lock=self.lock)
                except OSError as exc:
                    self.last_error = f"{self.path}: {exc.strerror or exc}"
                    self._queued = None  # the next autosave tries again
                    failed = True
                else:
                    self._written = data
            if not failed:
                self._durable = rev
                self.saved_revision = max(self.saved_revision, rev)
                self.last_error = None
        if self.on_written is not None:
            self.on_written()
        return not failed

    @property
    def writing(self) -> bool:
        """True while the current revision is with the writer (handed over, not yet done)."""
        return self.dirty and self._queued == self.revision

    def flush(self) -> bool:
        """Write everything now, synchronously (quit, SIGTERM, SIGHUP); True when durable."""
        if self.read_only:
            return True
        with self._wake:
            self._pending = None
        if self.dirty:
            self._write(self.revision, dumps(self.session).encode("utf-8"))
        return not self.dirty

    def save_as(self, target: Path) -> SessionStore:
        """Save as: a new, writable session file at ``target`` holding this session.

        The new store carries on with the same session object (so whatever shows it stays
        right) and this store is closed; its own file is left as it is (e.g. one the user
        may not write). Refused (WkError), with this store still open, when ``target``
        exists or cannot be written.
        """
        new = SessionStore.create(Path(target), self.session, self.questionnaire)
        self.close()
        return new

    def rescue(self, folder: Path | None = None) -> Path | None:
        """Save a copy of the session elsewhere when its own file cannot be written.

        The copy goes to ``folder`` (default: the user's data folder, ``rescue/``, 0700);
        returns its path, or None if that fails too. The session's own file and its
        pending revision are left as they are (the autosave keeps trying).
        """
        if folder is None:
            from .userconf import data_dir

            folder = data_dir() / "rescue"
        stamp = now().strftime("%Y%m%d-%H%M%S")
        target = Path(folder) / f"{self.path.stem}-rescued-{stamp}{self.path.suffix or '.toml'}"
        try:
            Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(target, dumps(self.session).encode("utf-8"), keep_backup=False)
        except OSError:
            return None
        return target

    def close(self) -> None:
        """Flush, stop the writer and release the lock. Idempotent."""
        if self._closed:
            return
        self.flush()
        with self._wake:
            self._closed = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self.lock is not None:
            self.lock.release()
