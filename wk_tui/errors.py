"""Error types with a one-line, user-facing rendering."""

from __future__ import annotations

from typing import Any


class Term(str):
    """A fixed word in an error message (translated with it), not data."""


class WkError(Exception):
    """A problem a user can act on: rendered as ``file:line:col: message``.

    ``message`` is English; with ``params`` it is a template (``"unknown format {fmt}"``).
    :meth:`text` gives it in a user's language: the template is looked up in the error
    string table (:mod:`wk_tui.errtext`), the location stays as it is. ``prefix`` is a key
    path (``ratings."hf1.x".value``) put before the message in every language.
    """

    exit_code = 3

    def __init__(
        self,
        message: str,
        path: object = None,
        line: int | None = None,
        col: int | None = None,
        prefix: str = "",
        **params: Any,
    ) -> None:
        self.template, self.params, self.prefix = message, params, prefix
        text = message.format(**params) if params else message
        self.message = f"{prefix}: {text}" if prefix else text
        super().__init__(self.message)
        self.path = path
        self.line = line
        self.col = col

    def localized(self, lang: str) -> str:
        """The message (without location) in ``lang`` ("de" or "en")."""
        if lang == "en":
            return self.message
        from .errtext import translate

        text = translate(self.template, self.params, lang)
        if text is None:
            return self.message
        return f"{self.prefix}: {text}" if self.prefix else text

    def text(self, lang: str) -> str:
        """``file:line:col: message`` in ``lang``, on one line."""
        loc = self.location()
        text = " ".join(self.localized(lang).split("\n"))
        return f"{loc}: {text}" if loc else text

    def location(self) -> str:
        parts = [str(self.path)] if self.path is not None else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        loc = self.location()
        text = " ".join(self.message.split("\n"))
        return f"{loc}: {text}" if loc else text


class ValidationError(WkError):
    """One or more problems in a questionnaire or session file."""

    def __init__(self, problems: list[WkError]) -> None:
        self.problems = problems
        first = problems[0]
        extra = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first.message + extra, first.path, first.line, first.col)

    def localized(self, lang: str) -> str:
        more = len(self.problems) - 1
        if not more:
            return self.problems[0].localized(lang)
        from .errtext import translate

        extra = translate(" (and {n} more)", {"n": more}, lang) or f" (and {more} more)"
        return self.problems[0].localized(lang) + extra


class SchemaTooNewError(WkError):
    """The file was written by a newer program; it is never rewritten."""


class LockedError(WkError):
    """Another process holds the session's write lock."""

    def __init__(self, message: str, path: object, holder: dict, **params: Any) -> None:
        super().__init__(message, path, **params)
        self.holder = holder


class ReadOnlyError(WkError):
    """This process cannot write the session's file or folder (permissions, a read-only
    mount). ``reason`` is "folder", "file" or "denied"; an interactive program opens the
    session read-only instead (:meth:`wk_tui.session_store.SessionStore.open`)."""

    def __init__(self, message: str, path: object, reason: str, **params: Any) -> None:
        super().__init__(message, path, **params)
        self.reason = reason


class Notice(WkError):
    """Not an error: one line about something the program did for the user (a stale lock
    taken over), shown rather than raised, translated like an error message."""


class UsageError(WkError):
    """The command line lacks something that cannot be asked for (exit 2, like argparse)."""

    exit_code = 2
