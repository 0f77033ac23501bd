"""Interactive commands (``new``, ``open``, ``demo``, none): build the TUI and run it.

Textual is imported only here, inside the functions, so headless commands stay fast.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .errors import WkError
from .paths import example_path
from .questionnaire import DEFAULT_ID, bundled, load_questionnaire
from .storage import new_session
from .store import SessionStore


def demo_copy() -> Path:
    """A fresh temporary copy of the bundled example (the original is never modified)."""
    folder = Path(tempfile.mkdtemp(prefix="wk-tui-demo-"))
    target = folder / "dessau-rosslau-2020.toml"
    shutil.copyfile(example_path(), target)
    target.chmod(0o600)
    return target


def _require_tty() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise WkError("the interactive app needs a terminal; for reports without one use "
                      "'wk-tui summary PATH' or 'wk-tui export PATH'")


def launch(args: argparse.Namespace) -> int:
    _require_tty()
    from screens.app import WkApp, create_app

    command = args.command
    if command == "new":
        q = (load_questionnaire(args.questionnaire) if args.questionnaire
             else bundled(DEFAULT_ID, args.lang))
        session = new_session(q.id, q.language, args.municipality)
        store = SessionStore.create(args.path, session, q)
        app = WkApp(store, q.language)
    elif command == "open":
        if not Path(args.path).exists():
            raise WkError("file not found (create it with 'wk-tui new PATH')", args.path)
        app = create_app(args.path, questionnaire=args.questionnaire,
                         read_only=args.read_only)
    elif command == "demo":
        path = demo_copy()
        app = create_app(path, language=args.lang)
        print(f"wk-tui: demo session (a temporary copy): {path}", file=sys.stderr)
    else:
        app = create_app(None)
    try:
        code = app.run()
    finally:
        if app.store is not None:
            app.store.close()
    return code or app.return_code or 0
