"""Plain mode: the questionnaire and the workshop lists as plain lines of text.

For screen readers and braille displays, dumb terminals, ``ssh -T`` and scripts. Chosen by
``wk-tui fill PATH --plain``, or automatically when ``ACCESSIBLE`` is set, when
``TERM=dumb``, or when standard input or output is not a terminal. This package never
imports Textual or Rich.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from ..errors import WkError
from ..i18n import LANGUAGES


def requested_by_environment(environ: Mapping[str, str] | None = None) -> bool:
    """``ACCESSIBLE`` set (non-empty) or ``TERM=dumb``: no full-screen app, whatever the command."""
    environ = os.environ if environ is None else environ
    return bool(environ.get("ACCESSIBLE")) or environ.get("TERM") == "dumb"


def wants_plain(
    forced: bool,
    environ: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> bool:
    """Whether ``fill`` runs line by line instead of opening the full-screen TUI."""
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if forced or requested_by_environment(environ):
        return True
    return not (_tty(stdin) and _tty(stdout))


def _tty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:
        return False


def ui_language(given: str | None, session_language: str) -> str:
    """As in the TUI: ``--lang``, else the remembered choice, else the session's language."""
    from ..userconf import load_config

    lang = given or load_config().get("language") or session_language
    return lang if lang in LANGUAGES else "de"


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def run(args: argparse.Namespace) -> int:
    """``wk-tui fill`` in plain mode (on a capable terminal the CLI opens the TUI instead)."""
    if not Path(args.path).exists():
        raise WkError("file not found (create it with 'wk-tui new PATH')", args.path)
    from ..session_store import SessionStore
    from .fill import fill
    from .io import Prompter
    from .workshop import fill_workshop

    store = SessionStore.open(args.path, args.questionnaire)
    previous = {sig: signal.signal(sig, _exit_on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        for warning in store.session.warnings:
            print(f"wk-tui: {args.path}: {warning}", file=sys.stderr)
        lang = ui_language(args.lang, store.session.language)
        (fill_workshop if args.workshop else fill)(store, lang, Prompter())
    finally:
        store.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
