"""Loading and crash-safe saving of session files, with an advisory write lock.

- Saves are atomic: a temp file in the same directory is written, fsynced and renamed
  over the target; the directory is fsynced too. The previous version is kept as
  ``<name>.bak`` (a hard link, so it costs no copy). New files get mode 0600.
- A failed load never touches the file; errors name ``file:line:column``.
- ``SessionLock`` is an ``flock`` on ``<name>.lock`` holding ``pid``/``host``/``since``;
  the kernel drops it when the process dies, so a stale lock file is harmless.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .errors import LockedError, SchemaTooNewError, ValidationError, WkError
from .questionnaire import Questionnaire, bundled, load_questionnaire
from .session import (
    SCHEMA_ID,
    SCHEMA_VERSION,
    Session,
    check_against,
    now,
    parse_session,
    session_to_dict,
)
from .tomlpos import Problems, locate, read_toml


def _schema_version(doc: dict, text: str, path: Path) -> None:
    schema = doc.get("schema")
    line, col = locate(text, ("schema",))
    if not isinstance(schema, str) or "/" not in schema:
        raise WkError(
            f'schema: expected "{SCHEMA_ID}/{SCHEMA_VERSION}", got {schema!r}', path, line, col
        )
    name, _, version = schema.rpartition("/")
    if name != SCHEMA_ID or not version.isdigit():
        raise WkError(f'schema: expected "{SCHEMA_ID}/<version>", got {schema!r}', path, line, col)
    if int(version) > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"schema: version {version} is newer than this program understands "
            f"({SCHEMA_VERSION}); update wk-tui to open it (the file was not changed)",
            path,
            line,
            col,
        )


def resolve_questionnaire(session: Session, override: Path | None = None) -> Questionnaire:
    if override is not None:
        return load_questionnaire(override)
    try:
        return bundled(session.questionnaire, session.language)
    except WkError as exc:
        if exc.message == "file not found":
            raise WkError(
                f"questionnaire {session.questionnaire!r} ({session.language}) is "
                "not bundled; pass --questionnaire PATH"
            ) from None
        raise


def load_session(
    path: Path, questionnaire: Path | Questionnaire | None = None, strict: bool = True
) -> tuple[Session, Questionnaire]:
    """Load and validate a session.

    With ``strict`` unknown criterion or field ids are errors; otherwise they become
    ``session.warnings`` and the ratings stay in the session (and so in the file).
    """
    path = Path(path)
    doc, text = read_toml(path)
    _schema_version(doc, text, path)
    p = Problems(path, text)
    session = parse_session(doc, p)
    if p:
        raise ValidationError(p.items)
    if isinstance(questionnaire, Questionnaire):
        q = questionnaire
    else:
        q = resolve_questionnaire(session, questionnaire)
    session.warnings = check_against(session, q, p if strict else None)
    if p:
        raise ValidationError(p.items)
    return session, q


def dumps(session: Session) -> str:
    import tomli_w  # only writers need it

    return tomli_w.dumps(session_to_dict(session), multiline_strings=False)


def atomic_write(path: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o777
        exists = True
    except FileNotFoundError:
        mode, exists = 0o600, False
    tmp = directory / f".{path.name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if exists and keep_backup:
            bak = path.with_name(path.name + ".bak")
            bak_tmp = directory / f".{path.name}.bak.{os.getpid()}.tmp"
            try:
                if bak_tmp.exists():
                    bak_tmp.unlink()
                os.link(path, bak_tmp)
                os.replace(bak_tmp, bak)
            except OSError:
                # Filesystems without hard links: a backup is nice to have, not required.
                bak_tmp.unlink(missing_ok=True)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dfd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def save_session(session: Session, path: Path) -> None:
    """Atomically write ``session`` to ``path`` (the previous version becomes ``.bak``)."""
    atomic_write(Path(path), dumps(session).encode("utf-8"))


def new_session(qid: str, language: str, municipality: str = "") -> Session:
    stamp = now()
    session = Session(qid, language, stamp, stamp)
    session.municipality.name = municipality
    return session


class SessionLock:
    """Advisory, exclusive write lock for one session file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.fd: int | None = None

    def holder(self) -> dict:
        import json

        try:
            return json.loads(self.lock_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}

    def acquire(self) -> SessionLock:
        import json
        import socket

        while True:
            try:
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                where = (
                    "folder does not exist"
                    if isinstance(exc, FileNotFoundError)
                    else exc.strerror or str(exc)
                )
                raise WkError(f"cannot open the session for writing: {where}", self.path) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                info = self.holder()
                who = (
                    f"pid {info.get('pid', '?')} on {info.get('host', '?')} "
                    f"since {info.get('since', '?')}"
                )
                raise LockedError(
                    f"session is open for writing by {who}; "
                    "open it read-only or close the other program",
                    self.path,
                    info,
                ) from None
            # The file may have been unlinked by the previous holder between our open
            # and our flock: only a lock on the inode that is still at the path counts.
            try:
                same = os.fstat(fd).st_ino == os.stat(self.lock_path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": now().isoformat()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        self.lock_path.unlink(missing_ok=True)
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
