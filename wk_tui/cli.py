"""Command line: ``wk-tui [PATH] | new | open | fill | demo | present | serve | validate |
summary | export | merge | compare | aggregate``.

Headless commands (validate, summary, export) import neither Textual nor rich.markdown;
the TUI is imported only when a command needs it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .cli_i18n import flag_language, parser_class, resolve_language
from .errors import WkError
from .i18n import CLI, LANGUAGES, tr
from .room_cli import add_room_commands
from .termsafe import safe

COMMANDS = (
    "new",
    "open",
    "fill",
    "demo",
    "present",
    "serve",
    "validate",
    "summary",
    "export",
    "merge",
    "compare",
    "aggregate",
    "room",
    "join",
)


def build_parser(lang: str = "de") -> argparse.ArgumentParser:
    """The parser, speaking ``lang`` in ``--help`` and usage errors."""
    parser = parser_class(lang)(
        prog="wk-tui",
        description="Selbstcheck Weltoffene Kommune — rate, score and report in the terminal.",
        epilog="Without a command: a start screen with recent sessions. "
        "'wk-tui PATH' is short for 'wk-tui open PATH'.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"wk-tui {__version__}",
        help="show program's version number and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def lang_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=None,
            help="language of the output (default: the session's)",
        )

    def q_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--questionnaire",
            type=Path,
            metavar="FILE",
            help="questionnaire TOML to use instead of the bundled one",
        )

    p = sub.add_parser("new", help="create a session and open it")
    p.add_argument("path", type=Path)
    p.add_argument("--municipality", default="", metavar="NAME", help="name of the municipality")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the session and the interface (default: remembered, else from LANG)",
    )
    p.add_argument("--respondent", default="", metavar="NAME", help="who fills in this session")
    q_option(p)

    p = sub.add_parser("open", help="open a session in the TUI")
    p.add_argument("path", type=Path)
    p.add_argument("--read-only", action="store_true", help="never write the file")
    q_option(p)

    p = sub.add_parser(
        "fill",
        help="rate line by line (plain mode for screen readers, dumb terminals, pipes)",
        description="Plain mode is used with --plain, when ACCESSIBLE is set, when TERM=dumb, "
        "or when standard input or output is not a terminal; otherwise the TUI opens.",
    )
    p.add_argument("path", type=Path)
    p.add_argument("--plain", action="store_true", help="line by line, even on a terminal")
    p.add_argument("--workshop", action="store_true", help="fill the workshop lists instead")
    p.add_argument("--lang", choices=LANGUAGES, default=None, help="default: the session's")
    q_option(p)

    p = sub.add_parser("demo", help="open a temporary copy of the bundled example")
    p.add_argument("--lang", choices=LANGUAGES, default=None)

    p = sub.add_parser(
        "present", help="show the results to a room, read-only, following the file live"
    )
    p.add_argument("path", type=Path)
    p.add_argument("--lang", choices=LANGUAGES, default=None)
    q_option(p)

    p = sub.add_parser("serve", help="serve the presentation to web browsers (each viewer its own)")
    p.add_argument("path", type=Path)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--lang", choices=LANGUAGES, default=None)
    q_option(p)

    p = sub.add_parser("validate", help="check a session or questionnaire file")
    p.add_argument("path", type=Path)
    q_option(p)

    p = sub.add_parser("summary", help="scores and verdicts of a session")
    p.add_argument("path", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    lang_option(p)
    q_option(p)

    p = sub.add_parser("export", help="write the final report (Abschlussbericht)")
    p.add_argument("path", type=Path)
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="file, or directory for <municipality>-selbstcheck-<date>.<ext>",
    )
    p.add_argument(
        "--format",
        choices=("md", "html", "json", "csv", "docx", "xlsx"),
        default=None,
        help="default: from the output file's extension, else md",
    )
    p.add_argument(
        "--csv-excel",
        action="store_true",
        help="CSV for spreadsheet programs: semicolons, byte order mark, formula-safe cells",
    )
    p.add_argument("--no-notes", action="store_true", help="leave out the notes appendix")
    p.add_argument("--show", action="store_true", help="render the Markdown in the terminal")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument(
        "--private", action="store_true", help="file readable by you only (0600), not per umask"
    )
    lang_option(p)
    q_option(p)
    add_team_commands(sub, q_option)
    add_room_commands(sub)
    return parser


def add_team_commands(
    sub: argparse._SubParsersAction, q_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    """``merge``, ``compare`` and ``aggregate`` (several sessions at once)."""
    p = sub.add_parser("merge", help="merge several respondents' sessions into one")
    p.add_argument("inputs", type=Path, nargs="+", metavar="SESSION")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="TEAM.toml")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    q_option(p)

    p = sub.add_parser("compare", help="what changed between two sessions of a municipality")
    p.add_argument("old", type=Path, metavar="OLD")
    p.add_argument("new", type=Path, metavar="NEW")
    p.add_argument(
        "--format",
        choices=("md", "json"),
        default=None,
        help="default: a view on a terminal, else md",
    )
    q_option(p)

    p = sub.add_parser("aggregate", help="scores of all sessions in a folder, with quartiles")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--format", choices=("md", "csv", "json"), default="md")
    p.add_argument("--highlight", type=Path, metavar="FILE", help="mark this session's position")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="worker processes")
    q_option(p)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        argv.insert(0, "open")
    lang = resolve_language(flag_language(argv))
    args = build_parser(lang).parse_args(argv)
    args.ui_lang = lang  # messages, warnings and errors; reports follow --lang or the session
    # Each command imports only its own modules, inside its branch: headless commands
    # never load Textual, and none loads what another command needs.
    try:
        if args.command in ("validate", "summary"):
            from . import commands

            return getattr(commands, args.command)(args)
        if args.command == "export":
            from .export.command import run

            return run(args)
        if args.command == "fill":
            from .plain import run as fill
            from .plain import wants_plain

            if wants_plain(args.plain):
                return fill(args)
            # On a capable terminal ``fill`` is ``open``: the TUI, through the seam below.
            args = argparse.Namespace(**{**vars(args), "command": "open", "read_only": False})
        if args.command == "new" and not (sys.stdin.isatty() and sys.stdout.isatty()):
            from .create import create_headless  # no terminal: nothing to open, nothing to ask

            return create_headless(args)
        if args.command == "merge":
            from .team import run_merge

            return run_merge(args)
        if args.command == "aggregate":
            from .aggregate import run_aggregate

            return run_aggregate(args)
        if args.command in ("room", "join"):
            from .room_cli import run_join, run_room

            code = (run_room if args.command == "room" else run_join)(args)
            if code is not None:
                return code  # headless (--json, plain mode); else the TUI, below
        if args.command == "compare" and (args.format or not sys.stdout.isatty()):
            from .compare import run_compare

            return run_compare(args)
        if args.command == "open" and not args.read_only and _plain_environment():
            # A screen reader or a dumb terminal (ACCESSIBLE, TERM=dumb): the line-by-line
            # mode, not a full-screen app.
            from .plain import run as fill

            return fill(
                argparse.Namespace(
                    path=args.path,
                    plain=True,
                    workshop=False,
                    lang=None,
                    questionnaire=args.questionnaire,
                )
            )
        # The one seam between core and UI: only interactive commands import Textual.
        from .startup import pause_collector

        pause_collector()  # until the first frame: start-up frees next to nothing
        from .screens.launch import launch

        return launch(args)
    except WkError as exc:
        print(
            safe(f"wk-tui: {tr(CLI, lang, 'error')}: {exc.text(lang)}", allow_newlines=False),
            file=sys.stderr,
        )
        return exc.exit_code
    except BrokenPipeError:
        _reader_gone()
        return 0
    except OSError as exc:
        # Anything the file system refuses that no command turned into a WkError.
        name = f"{exc.filename}: " if exc.filename else ""
        message = f"wk-tui: {tr(CLI, lang, 'error')}: {name}{exc.strerror or exc}"
        print(safe(message, allow_newlines=False), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130


def _reader_gone() -> None:
    """The reader went away (``| head``): not an error, but stop writing.

    Whatever is still buffered goes to /dev/null, so the interpreter's final flush cannot
    print "Exception ignored ... BrokenPipeError".
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _plain_environment() -> bool:
    from .plain import requested_by_environment

    return requested_by_environment()


def run() -> None:
    code = main()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()
    sys.exit(code)
