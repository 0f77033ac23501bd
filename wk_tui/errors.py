"""Error types with a one-line, user-facing rendering."""

from __future__ import annotations


class WkError(Exception):
    """A problem a user can act on: rendered as ``file:line:col: message``."""

    exit_code = 3

    def __init__(
        self, message: str, path: object = None, line: int | None = None, col: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

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


class SchemaTooNewError(WkError):
    """The file was written by a newer program; it is never rewritten."""


class LockedError(WkError):
    """Another process holds the session's write lock."""

    def __init__(self, message: str, path: object, holder: dict) -> None:
        super().__init__(message, path)
        self.holder = holder
