"""``wk-tui export PATH [-o OUT] [--format …] [--no-notes] [--show] [--force] [--private]``.

Headless: works without a TTY and with stdin closed. Output goes to stdout (as UTF-8
bytes, so the locale does not matter) or to a file planned and written by :mod:`.plan`;
the binary formats (docx, xlsx) are never written to a terminal. Only ``--show`` imports
Rich (and its Markdown renderer); only HTML and Word output import markdown-it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from ..commands import in_language, print_warnings, user_language
from ..errors import WkError
from ..files import load_session
from ..termsafe import for_terminal, safe
from . import OFFICE_FORMATS, encode, render, render_bytes
from .plan import UsageError, output_format, plan_export, write_export


def run(args: argparse.Namespace) -> int:
    if args.csv_excel:
        if args.format not in (None, "csv"):
            raise UsageError("--csv-excel writes CSV; leave out --format or use --format csv")
        args.format = "csv"
    output_format(args.format, args.output)  # a usage error comes before reading the file
    session, q = load_session(args.path, args.questionnaire, strict=False)
    print_warnings(session, user_language(args))
    original = session
    session, q = in_language(session, q, args.lang)
    plan = plan_export(Path(args.path), session, args.output, args.format)
    if plan.exists and not args.force:
        raise WkError("file exists; use --force to overwrite it", plan.target)
    notes = not args.no_notes
    fmt = plan.fmt
    if fmt in OFFICE_FORMATS:
        if plan.target is None and not args.show and _is_terminal(sys.stdout):
            raise UsageError(
                "{fmt} is a binary file format and is not written to a terminal; "
                "use -o FILE (or redirect standard output to a file)",
                fmt=fmt,
            )
        text, data = "", render_bytes(session, q, fmt, notes)
    elif fmt == "json":  # the session as stored, the scores in the chosen language
        text = render(original, q, fmt, notes)
        data = encode(text, fmt)
    else:
        text = render(session, q, fmt, notes, csv_excel=args.csv_excel)
        data = encode(text, fmt)
    if plan.target is not None:
        write_export(plan, data, Path(args.path), overwrite=args.force, private=args.private)
        if not args.show:
            print(plan.target)
    if args.show:
        show(text if fmt == "md" else render(session, q, "md", notes))
    elif plan.target is None:
        if sys.stdout is None:
            raise WkError("standard output is closed; use -o FILE")
        if _is_terminal(sys.stdout):  # what a terminal would obey is shown instead
            data = for_terminal(text, fmt).encode("utf-8")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except ValueError:
        return False


def show(markdown: str) -> None:
    """Render the report with Rich; page it when it is longer than the terminal."""
    from rich.markdown import Markdown  # Rich only when the report goes to a terminal

    from ..console import make_console

    console = make_console()  # Rich decides: FORCE_COLOR, NO_COLOR, TERM=dumb, a pipe
    doc = Markdown(safe(markdown))
    interactive = (
        console.is_terminal
        and not console.is_dumb_terminal
        and sys.stdin is not None
        and sys.stdin.isatty()
    )
    if interactive and len(console.render_lines(doc, pad=False)) > console.height:
        os.environ.setdefault("LESS", "-R")  # let less show the styles
        with console.pager(styles=True):
            console.print(doc)
    else:
        console.print(doc)
