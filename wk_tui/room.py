"""A live room: participants rate the chosen criteria in their own session files, and the
projector counts them beside the administration's rating.

A room is a folder ``DIR`` with ``room.toml`` (questionnaire id, language, chosen fields,
a room code, the administration's session) and one ordinary session file per participant
(``p-<random>.toml``, written by ``wk-tui join`` through the usual crash-safe store, or
dropped in by hand). The room counts every valid session file in ``DIR`` whose
questionnaire matches; it never follows a symlink, skips files over
:data:`MAX_PARTICIPANT_BYTES`, and in a private room only counts files of its own user.

Reading is incremental (:class:`Scanner`): a file is parsed again only when its identity,
size or mtime changed, so polling 50 participants costs a few ``stat`` calls.
"""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

from .atomic import atomic_write
from .errors import WkError
from .files import dumps, load_session, new_session
from .questionnaire import Questionnaire
from .record import Factory, Record
from .session import Session

ROOM_FILE = "room.toml"
ROOM_SCHEMA = "wk-tui-room/1"
RESULT_FILE = "room-result.toml"
PARTICIPANT_PREFIX = "p-"
MAX_PARTICIPANT_BYTES = 1_000_000
#: A shared room is a drop box like /tmp: anyone may create files, nobody may list them.
SHARED_MODE = 0o1733
PRIVATE_MODE = 0o700


class Room(Record):
    folder: Path
    questionnaire: str
    language: str
    fields: tuple[str, ...]
    code: str
    admin: Path
    shared: bool = False


class Answers(Record):
    """One participant's ratings of the room's criteria (no names, no notes)."""

    file: str
    values: dict[str, str] = Factory(factory=dict)


class Ignored(Record):
    file: str
    reason: str  # "symlink", "not a regular file", "too big", "other owner", "unreadable"
    detail: str = ""


class RoomState(Record):
    participants: list[Answers] = Factory(factory=list)
    ignored: list[Ignored] = Factory(factory=list)

    @property
    def unreadable(self) -> int:
        return sum(1 for i in self.ignored if i.reason == "unreadable")


# --------------------------------------------------------------------------- the room file


def subset(q: Questionnaire, fields: Iterable[str]) -> Questionnaire:
    """``q`` restricted to ``fields`` (in questionnaire order); the room's questionnaire."""
    wanted = set(fields)
    return q.replace(fields=tuple(f for f in q.fields if f.id in wanted))


def _check_fields(q: Questionnaire, fields: Sequence[str], where: Path) -> tuple[str, ...]:
    known_ids = {f.id for f in q.fields}
    unknown = [f for f in fields if f not in known_ids]
    if unknown:
        known = ", ".join(f.id for f in q.fields)
        raise WkError(
            "unknown field {fields} (known: {known})", where, fields=", ".join(unknown), known=known
        )
    if not fields:
        raise WkError(
            "no fields chosen: choose the workshop fields in the session or pass --fields", where
        )
    order = [f.id for f in q.fields]
    return tuple(sorted(dict.fromkeys(fields), key=order.index))


def create_room(
    folder: Path,
    admin_path: Path,
    fields: Sequence[str] | None = None,
    shared: bool = False,
) -> Room:
    """Create ``folder`` and its ``room.toml`` (or reopen a room created before)."""
    folder, admin_path = Path(folder), Path(admin_path).resolve()
    admin, q = load_session(admin_path, strict=False)
    chosen = _check_fields(q, list(fields or admin.workshop.fields), admin_path)
    if (folder / ROOM_FILE).exists():
        room = load_room(folder)
        if room.questionnaire != q.id:
            raise WkError(
                "the room is for questionnaire {room}, the session for {session}",
                folder / ROOM_FILE,
                room=repr(room.questionnaire),
                session=repr(q.id),
            )
        room = room.replace(fields=chosen, admin=admin_path)
    else:
        room = Room(folder, q.id, q.language, chosen, new_code(), admin_path, shared)
    folder.mkdir(parents=True, exist_ok=True)
    # mkdir's mode is cut by the umask (and can't set the sticky bit): set it explicitly.
    os.chmod(folder, SHARED_MODE if room.shared else PRIVATE_MODE)
    _write_room(room)
    return room


def new_code() -> str:
    """Six digits, e.g. ``"482 913"``: easy to read out in a room, hard to guess online."""
    n = secrets.randbelow(1_000_000)
    return f"{n // 1000:03d} {n % 1000:03d}"


def _write_room(room: Room) -> None:
    import tomli_w  # only writers need it

    doc = {
        "schema": ROOM_SCHEMA,
        "questionnaire": room.questionnaire,
        "language": room.language,
        "fields": list(room.fields),
        "code": room.code,
        "administration": str(room.admin),
        "shared": room.shared,
    }
    path = room.folder / ROOM_FILE
    atomic_write(path, tomli_w.dumps(doc).encode("utf-8"), keep_backup=False)
    # Participants in a shared room read it (they can't list the folder, but know the name).
    os.chmod(path, 0o644 if room.shared else 0o600)


def load_room(folder: Path) -> Room:
    path = Path(folder) / ROOM_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WkError(
            "not a room: room.toml is missing (start one with 'wk-tui room')", path
        ) from None
    except OSError as exc:
        raise WkError("cannot read the room: {error}", path, error=exc.strerror) from None
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise WkError("invalid room file: {detail}", path, detail=str(exc)) from None
    if doc.get("schema") != ROOM_SCHEMA:
        raise WkError(
            "schema: expected {want}, got {got}",
            path,
            1,
            want=f'"{ROOM_SCHEMA}"',
            got=repr(doc.get("schema")),
        )
    try:
        return Room(
            Path(folder),
            str(doc["questionnaire"]),
            str(doc["language"]),
            tuple(str(f) for f in doc["fields"]),
            str(doc["code"]),
            Path(str(doc["administration"])),
            bool(doc.get("shared", False)),
        )
    except (KeyError, TypeError) as exc:
        raise WkError(
            "invalid room file: missing or wrong key {key}", path, 1, key=str(exc)
        ) from None


def room_questionnaire(room: Room) -> tuple[Session, Questionnaire]:
    """The administration's session and the full questionnaire of the room."""
    return load_session(room.admin, strict=False)


def join(folder: Path, name: str = "", code: str | None = None) -> Path:
    """Make a new participant file in the room; returns its path.

    ``code`` is checked when given (the browser path always gives one).
    """
    room = load_room(folder)
    if code is not None and code.replace(" ", "") != room.code.replace(" ", ""):
        raise WkError("wrong room code", Path(folder) / ROOM_FILE)
    session = new_session(room.questionnaire, room.language)
    session.respondent.name = name
    session.extra["room"] = {"fields": list(room.fields)}
    data = dumps(session).encode("utf-8")
    folder = Path(folder)
    # Written in full to a hidden temp file first, then linked to its final name (which
    # fails instead of replacing a file that is there): a join killed half-way leaves no
    # half-written participant file for the room to find.
    fd, tmp_name = tempfile.mkstemp(prefix=".join-", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        os.write(fd, data)
        if room.shared:  # the facilitator reads it through the group (README)
            os.fchmod(fd, 0o640)
        os.fsync(fd)
        while True:
            path = folder / f"{PARTICIPANT_PREFIX}{secrets.token_hex(6)}.toml"
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue
            break
    finally:
        os.close(fd)
        tmp.unlink(missing_ok=True)
    return path


# --------------------------------------------------------------------------- reading


class Scanner:
    """Reads the participants of a room; parses a file again only when it changed."""

    def __init__(self, room: Room, q: Questionnaire) -> None:
        self.room, self.q = room, q
        self.criteria = [c.id for f in subset(q, room.fields).fields for c in f.criteria]
        self._cache: dict[str, tuple[tuple, Answers | Ignored]] = {}
        self._skip = {ROOM_FILE, RESULT_FILE}

    def scan(self) -> RoomState:
        state = RoomState()
        seen: set[str] = set()
        try:
            entries = list(os.scandir(self.room.folder))
        except OSError as exc:
            raise WkError(
                "cannot read the room: {error}", self.room.folder, error=exc.strerror
            ) from None
        admin = self.room.admin
        for entry in sorted(entries, key=lambda e: e.name):
            name = entry.name
            if not name.endswith(".toml") or name.startswith(".") or name in self._skip:
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if _same(st, admin):
                continue  # the administration's own session may live in the room folder
            seen.add(name)
            result = self._judge(entry.path, name, st)
            if isinstance(result, Answers):
                state.participants.append(result)
            else:
                state.ignored.append(result)
        for gone in set(self._cache) - seen:
            del self._cache[gone]
        return state

    def _judge(self, path: str, name: str, st: os.stat_result) -> Answers | Ignored:
        if stat.S_ISLNK(st.st_mode):
            return Ignored(name, "symlink")
        if not stat.S_ISREG(st.st_mode):
            return Ignored(name, "not a regular file")
        if st.st_size > MAX_PARTICIPANT_BYTES:
            return Ignored(name, "too big")
        if not self.room.shared and st.st_uid != os.getuid():
            return Ignored(name, "other owner")
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        cached = self._cache.get(name)
        if cached and cached[0] == key:
            return cached[1]
        result = self._read(path, name)
        self._cache[name] = (key, result)
        return result

    def _read(self, path: str, name: str) -> Answers | Ignored:
        try:  # O_NOFOLLOW + fstat: the file read is the one judged, not a swapped-in link
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError as exc:
            return Ignored(name, "unreadable", exc.strerror or "")
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_PARTICIPANT_BYTES:
                return Ignored(name, "unreadable", "changed while reading")
            try:
                session, _q = load_session(Path(f"/proc/self/fd/{fd}"), self.q, strict=False)
            except WkError as exc:
                return Ignored(name, "unreadable", exc.message)
        finally:
            os.close(fd)
        if session.questionnaire != self.room.questionnaire:
            return Ignored(name, "unreadable", f"questionnaire {session.questionnaire!r}")
        values = {c: v for c in self.criteria if (v := session.value(c))}
        return Answers(name, values)


def _same(st: os.stat_result, path: Path) -> bool:
    try:
        other = path.stat()
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino)
