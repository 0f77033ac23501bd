"""``wk-tui export PATH [-o OUT] [--format md|html|json|csv|docx|xlsx] [--no-notes] [--show]
[--force]``.

Headless: works without a TTY and with stdin closed. Output goes to stdout (as UTF-8
bytes, so the locale does not matter) or to a file written atomically; the binary formats
(docx, xlsx) are never written to a terminal. Only ``--show`` imports Rich (and its
Markdown renderer); only HTML and Word output import markdown-it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import WkError
from ..files import atomic_write, load_session
from ..i18n import CLI, tr
from ..session import Session
from . import EXTENSIONS, OFFICE_FORMATS, default_filename, encode, render, render_bytes


class UsageError(WkError):
    """A bad combination of arguments (exit code 2, like argparse)."""

    exit_code = 2


def output_format(fmt: str | None, output: Path | None) -> str:
    """``--format`` if given, else from the output file's extension, else Markdown."""
    if fmt:
        return fmt
    if output is None or str(output) == "-" or output.is_dir():
        return "md"
    ext = output.suffix.lower().lstrip(".")
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    raise UsageError(
        f"cannot tell the format from the file name {str(output)!r}; "
        "use --format md|html|json|csv|docx|xlsx or an extension "
        ".md .html .json .csv .docx .xlsx"
    )


def output_path(output: Path | None, session: Session, fmt: str) -> Path | None:
    """The file to write (``None``: stdout); an existing directory gets the default name."""
    if output is None or str(output) == "-":
        return None
    if output.is_dir():
        return output / default_filename(session, fmt)
    return output


def check_target(target: Path, source: Path, force: bool) -> None:
    if target.is_dir():
        raise WkError("is a directory; give a file name or an existing directory", target)
    if not target.parent.is_dir() and str(target.parent):
        raise WkError("directory not found", target.parent)
    if target.exists():
        if target.resolve() == source.resolve():
            raise WkError("is the session file itself; choose another output file", target)
        if not force:
            raise WkError("file exists; use --force to overwrite it", target)


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args.format, args.output)
    session, q = load_session(args.path, args.questionnaire, strict=False)
    for warning in session.warnings:
        print(
            f"wk-tui: {tr(CLI, session.language, 'warning')}: {args.path}: {warning}",
            file=sys.stderr,
        )
    notes = not args.no_notes
    target = output_path(args.output, session, fmt)
    if target is not None:
        check_target(target, Path(args.path), args.force)
    if fmt in OFFICE_FORMATS:
        if target is None and not args.show and _is_terminal(sys.stdout):
            raise UsageError(
                f"{fmt} is a binary file format and is not written to a terminal; "
                "use -o FILE (or redirect standard output to a file)"
            )
        text, data = "", render_bytes(session, q, fmt, notes)
    else:
        text = render(session, q, fmt, notes)
        data = encode(text, fmt)
    if target is not None:
        try:
            atomic_write(target, data, keep_backup=False)
        except OSError as exc:
            raise WkError(f"cannot write file: {exc.strerror or exc}", target) from None
        if not args.show:
            print(target)
    if args.show:
        show(text if fmt == "md" else render(session, q, "md", notes))
    elif target is None:
        if sys.stdout is None:
            raise WkError("standard output is closed; use -o FILE")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except ValueError:
        return False


def show(markdown: str) -> None:
    """Render the report with Rich; page it when it is longer than the terminal."""
    from rich.console import Console
    from rich.markdown import Markdown

    console = Console()  # no ANSI unless stdout is a terminal; honours NO_COLOR, TERM=dumb
    doc = Markdown(markdown)
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
