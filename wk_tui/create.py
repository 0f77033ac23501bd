"""``wk-tui new`` without a terminal: create the session from the options alone.

A script can then rate it with ``wk-tui fill`` (plain mode). Nothing can be asked, so a
missing municipality name is one line naming the option (exit 2) and nothing is created.
"""

from __future__ import annotations

import argparse
import sys

from .errors import UsageError
from .i18n import CLI, tr
from .session_store import SessionStore
from .termsafe import safe


def create_headless(args: argparse.Namespace) -> int:
    name = args.municipality.strip()
    if not name:
        raise UsageError(
            "without a terminal the municipality cannot be asked for; give --municipality NAME",
            args.path,
        )
    store = SessionStore.create_new(
        args.path,
        municipality=name,
        language=args.lang or args.ui_lang,  # flag > remembered > locale > German
        questionnaire=args.questionnaire,
        respondent=args.respondent.strip(),
    )
    store.close()
    message = tr(CLI, args.ui_lang, "created", path=args.path)
    print(safe(message, allow_newlines=False), file=sys.stderr)
    return 0
