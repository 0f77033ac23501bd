"""Interactive commands (``new``, ``open``, ``demo``, none): build the TUI and run it.

This is the one seam between the core and the UI: ``wk_tui.cli`` imports this module
only for the interactive commands, so headless commands never import Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from wk_tui.errors import WkError
from wk_tui.i18n import CLI, tr
from wk_tui.paths import demo_copy, remove_demo_copies
from wk_tui.session_store import SessionStore
from wk_tui.startup import resume_collector

from .app import WkApp, create_app

#: Set by textual-serve for the app it runs behind a browser (``wk-tui serve``).
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def _require_tty() -> None:
    if os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:
        return  # Textual's web driver talks to the browser over pipes, not a terminal
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise WkError(
            "the interactive app needs a terminal; for reports without one use "
            "'wk-tui summary PATH' or 'wk-tui export PATH'"
        )


def launch(args: argparse.Namespace) -> int:
    """Run the command's app. The CLI paused the garbage collector for start-up: WkApp
    resumes it after its first frame, every other app right away."""
    try:
        if args.command in ("serve", "present", "compare", "room", "join"):
            resume_collector()
        return _launch(args)
    finally:
        resume_collector()  # the app failed to start, or has ended


def _launch(args: argparse.Namespace) -> int:
    if args.command == "serve":
        from .serve import serve

        return serve(args)
    if args.command == "present":
        return _present(args)
    _require_tty()
    if args.command == "compare":
        from .compare import compare_app

        return compare_app(args.old, args.new, args.questionnaire).run() or 0
    if args.command in ("room", "join"):
        from .room_launch import launch_room  # runs its own app(s)

        return launch_room(args)
    try:
        app = _build(args)
        try:
            code = app.run()
        finally:
            if app.store is not None:
                app.store.close()
        return code or app.return_code or 0
    finally:
        remove_demo_copies()  # `demo` and the start screen's example are temporary


def _build(args: argparse.Namespace) -> WkApp:
    command = args.command
    if command == "new":
        store = SessionStore.create_new(
            args.path,
            municipality=args.municipality,
            language=args.lang or args.ui_lang,  # flag > remembered > locale > German
            questionnaire=args.questionnaire,
            respondent=args.respondent,
        )
        return WkApp(store, store.questionnaire.language)
    if command == "open":
        if not Path(args.path).exists():
            raise WkError("file not found (create it with 'wk-tui new PATH')", args.path)
        return create_app(args.path, questionnaire=args.questionnaire, read_only=args.read_only)
    if command == "demo":
        path = demo_copy()
        app = create_app(path, language=args.lang)
        print(tr(CLI, args.ui_lang, "demo_copy", path=path), file=sys.stderr)
        return app
    return create_app(None)


def _present(args: argparse.Namespace) -> int:
    """The read-only presentation of ``args.path`` (no lock: beside the editing window)."""
    from wk_tui.follow import FileFollower
    from wk_tui.userconf import load_config

    from .present_app import PresentApp

    if not Path(args.path).exists():
        raise WkError("file not found", args.path)
    follower = FileFollower(args.path, args.questionnaire).load()
    _require_tty()  # after the file: a bad file is named even without a terminal
    lang = args.lang or load_config().get("language")
    return PresentApp(follower, lang).run() or 0
