"""Loading and crash-safe saving of session files, with an advisory write lock.

- Saves are atomic and durable (:mod:`wk_tui.atomic`): a ``mkstemp`` file in the same
  directory is written, fsynced and renamed over the target; the directory is fsynced
  too. The previous version is kept as ``<name>.bak`` (a hard link, so it costs no copy).
  New files get mode 0600.
- A failed load never touches the file; errors name ``file:line:column``.
- ``SessionLock`` (:mod:`wk_tui.lock`) locks the file's identity, not its name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .atomic import atomic_write, remove_orphans
from .errors import SchemaTooNewError, ValidationError, WkError
from .lock import SessionLock
from .questionnaire import Questionnaire, bundled, load_questionnaire
from .session import SCHEMA_ID, SCHEMA_VERSION, Session, now
from .session_read import check_against, parse_session
from .session_write import session_to_dict
from .tomlpos import Problems, locate, read_toml


def _schema_version(doc: dict, text: str, path: Path) -> None:
    schema = doc.get("schema")
    if schema == f"{SCHEMA_ID}/{SCHEMA_VERSION}":
        return  # the common case: no need to locate the key
    line, col = locate(text, ("schema",))
    if schema is None:
        raise WkError(
            "schema: missing (expected {want})",
            path,
            line,
            col,
            want=f'"{SCHEMA_ID}/{SCHEMA_VERSION}"',
        )
    if not isinstance(schema, str) or "/" not in schema:
        raise WkError(
            "schema: expected {want}, got {got}",
            path,
            line,
            col,
            want=f'"{SCHEMA_ID}/{SCHEMA_VERSION}"',
            got=repr(schema),
        )
    name, _, version = schema.rpartition("/")
    if name != SCHEMA_ID or not re.fullmatch("[0-9]{1,6}", version):
        raise WkError(
            "schema: expected {want}, got {got}",
            path,
            line,
            col,
            want=f'"{SCHEMA_ID}/<version>"',
            got=repr(schema),
        )
    if int(version) > SCHEMA_VERSION:
        raise SchemaTooNewError(
            "schema: version {version} is newer than this program understands "
            "({known}); update wk-tui to open it (the file was not changed)",
            path,
            line,
            col,
            version=version,
            known=SCHEMA_VERSION,
        )


def resolve_questionnaire(session: Session, override: Path | None = None) -> Questionnaire:
    if override is not None:
        return load_questionnaire(override)
    try:
        return bundled(session.questionnaire, session.language)
    except WkError as exc:
        if exc.message == "file not found":
            raise WkError(
                "questionnaire {qid} ({lang}) is not bundled; pass --questionnaire PATH",
                qid=repr(session.questionnaire),
                lang=session.language,
            ) from None
        raise


def load_session(
    path: Path, questionnaire: Path | Questionnaire | None = None, strict: bool = True
) -> tuple[Session, Questionnaire]:
    """Load and validate a session.

    With ``strict`` unknown criterion or field ids are errors; otherwise (what the app,
    ``validate``, ``summary`` and ``export`` do) they become ``session.warnings`` (messages),
    ``session.unknown_ids`` (the ids) and ``session.warning_items`` (located), and the
    ratings stay in the session (and so in the file).
    """
    path = Path(path)
    doc, text = read_toml(path)
    return session_from_doc(path, doc, text, questionnaire, strict)


def session_from_doc(
    path: Path,
    doc: dict,
    text: str,
    questionnaire: Path | Questionnaire | None = None,
    strict: bool = True,
) -> tuple[Session, Questionnaire]:
    """:func:`load_session` for a document parsed already (``text`` locates problems)."""
    _schema_version(doc, text, path)
    p = Problems(path, text)
    session = parse_session(doc, p)
    if p:
        raise ValidationError(p.items)
    if isinstance(questionnaire, Questionnaire):
        q = questionnaire
    else:
        q = resolve_questionnaire(session, questionnaire)
    if strict:
        session.warnings = check_against(session, q, p)
        if p:
            raise ValidationError(p.items)
    else:
        found = Problems(path, text)
        session.warnings = check_against(session, q, found)
        session.warning_items = found.items
    return session, q


def dumps(session: Session) -> str:
    return dumps_document(session_to_dict(session))


def snapshot(session: Session) -> dict:
    """The session's document in containers of its own: it can be serialised on another
    thread while the session changes (the leaves are immutable: str, int, float, bool)."""
    return _own(session_to_dict(session))


def _own(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _own(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_own(v) for v in value]
    return value


def dumps_document(doc: dict) -> str:
    """A session document (see :func:`snapshot`) as TOML text."""
    import tomli_w  # only writers need it

    return tomli_w.dumps(doc, multiline_strings=False)


def save_session(session: Session, path: Path) -> None:
    """Atomically write ``session`` to ``path`` (the previous version becomes ``.bak``)."""
    atomic_write(Path(path), dumps(session).encode("utf-8"))


def new_session(qid: str, language: str, municipality: str = "", respondent: str = "") -> Session:
    stamp = now()
    session = Session(qid, language, stamp, stamp)
    session.municipality.name = municipality
    session.respondent.name = respondent
    return session


__all__ = [
    "SessionLock",
    "atomic_write",
    "dumps",
    "load_session",
    "new_session",
    "remove_orphans",
    "resolve_questionnaire",
    "save_session",
]
