"""The Rich console for headless output (imported only when something is rendered).

Rich decides about colour and terminal features from the environment: ``FORCE_COLOR``
forces colour even in a pipe, ``NO_COLOR`` removes it, ``TERM=dumb`` and a pipe get plain
text. A reader that goes away (``| head``) ends the output quietly: Rich's default is
``SystemExit(1)``; here it is a ``BrokenPipeError`` that the CLI turns into exit 0.
"""

from __future__ import annotations

from typing import Any


def make_console(**kwargs: Any) -> Any:
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return QuietConsole(**kwargs)


def rich_output(console: Any) -> bool:
    """Styled output (tables, colour) rather than plain text?"""
    return bool(console.is_terminal and not console.is_dumb_terminal)
