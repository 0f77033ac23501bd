"""The command line in the user's language: which language, and argparse speaking it.

Language: ``--lang`` on the command line > the language remembered in the config (the app
saves it) > ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` starting with "en" > German. The parser
is built in that language, so ``--help`` and usage errors follow it: help texts are looked
up in :data:`HELP_DE` by their English text (anything missing stays English).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from .i18n import LANGUAGES


def env_language() -> str | None:
    """``en`` if the locale (POSIX precedence) asks for English, else None."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else None
    return None


def resolve_language(flag: str | None = None, config: dict | None = None) -> str:
    """The user's language: flag > remembered config language > locale > German."""
    if flag in LANGUAGES:
        return flag
    if config is None:
        from .userconf import load_config

        config = load_config()
    remembered = config.get("language")
    if remembered in LANGUAGES:
        return remembered
    return env_language() or "de"


def flag_language(argv: list[str]) -> str | None:
    """``--lang X`` / ``--lang=X`` in ``argv`` (read before the parser exists)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGUAGES else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGUAGES else None
    return None


def translate(text: str, lang: str) -> str:
    if lang != "de" or not text:
        return text
    return HELP_DE.get(text, text)


class _Formatter(argparse.HelpFormatter):
    lang = "de"

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = translate("usage: ", self.lang)
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(translate(heading, self.lang) if heading else heading)


class _Parser(argparse.ArgumentParser):
    lang = "de"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        for key in ("description", "epilog"):
            if kwargs.get(key):
                kwargs[key] = translate(kwargs[key], self.lang)
        base = kwargs.get("formatter_class", argparse.HelpFormatter)
        bases = (base,) if issubclass(base, _Formatter) else (_Formatter, base)
        kwargs["formatter_class"] = type("Formatter", bases, {"lang": self.lang})
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="show this help message and exit")

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        help_ = kwargs.get("help")
        if isinstance(help_, str) and help_ != argparse.SUPPRESS:
            kwargs["help"] = translate(help_, self.lang)
        return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        kwargs.setdefault("parser_class", type(self))
        if kwargs.get("title"):
            kwargs["title"] = translate(kwargs["title"], self.lang)
        action = super().add_subparsers(**kwargs)
        add_parser, lang = action.add_parser, self.lang

        def localized_add_parser(name: str, **kw: Any) -> argparse.ArgumentParser:
            if isinstance(kw.get("help"), str):
                kw["help"] = translate(kw["help"], lang)
            return add_parser(name, **kw)

        # The action's own method, wrapped on this instance (argparse has no hook for it).
        setattr(action, "add_parser", localized_add_parser)  # noqa: B010
        return action

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        for english, german in ERRORS_DE.items():
            if self.lang == "de" and message.startswith(english):
                message = german + message[len(english) :]
                break
        if self.lang == "de":
            for english, german in PHRASES_DE.items():
                message = message.replace(english, german)
        label = "Fehler" if self.lang == "de" else "error"
        self.exit(2, f"{self.prog}: {label}: {message}\n")


def parser_class(lang: str) -> type[argparse.ArgumentParser]:
    """An ``ArgumentParser`` class whose help, usage and errors are in ``lang``."""
    return type("WkArgumentParser", (_Parser,), {"lang": lang})


ERRORS_DE = {
    "the following arguments are required:": "diese Argumente fehlen:",
    "unrecognized arguments:": "unbekannte Argumente:",
    "argument ": "Argument ",
}

#: argparse's phrases inside a message (after "argument --x: ").
PHRASES_DE = {
    "invalid choice: ": "ungültige Auswahl: ",
    "(choose from ": "(möglich: ",
    "expected one argument": "erwartet ein Argument",
    "expected at least one argument": "erwartet mindestens ein Argument",
    "invalid int value: ": "keine ganze Zahl: ",
    "invalid float value: ": "keine Zahl: ",
    "not allowed with argument ": "nicht zusammen mit Argument ",
    "ignored explicit argument ": "ignoriertes Argument ",
}

HELP_DE = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "die Version zeigen und beenden",
    "Selbstcheck Weltoffene Kommune — rate, score and report in the terminal.": (
        "Selbstcheck Weltoffene Kommune — bewerten, auswerten und berichten im Terminal."
    ),
    "Without a command: a start screen with recent sessions. "
    "'wk-tui PATH' is short for 'wk-tui open PATH'.": (
        "Ohne Befehl: ein Startbildschirm mit den zuletzt geöffneten Sitzungen. "
        "'wk-tui PFAD' ist kurz für 'wk-tui open PFAD'."
    ),
    "questionnaire TOML to use instead of the bundled one": (
        "Fragebogen (TOML) statt des mitgelieferten"
    ),
    "create a session and open it": "Sitzung anlegen und öffnen",
    "name of the municipality": "Name der Kommune",
    "language of the session and the interface (default: remembered, else from LANG)": (
        "Sprache der Sitzung und der Oberfläche (Standard: gespeichert, sonst aus LANG)"
    ),
    "language of the output (default: the session's)": (
        "Sprache der Ausgabe (Standard: die der Sitzung)"
    ),
    "who fills in this session": "wer diese Sitzung ausfüllt",
    "open a session in the TUI": "Sitzung in der Terminal-Oberfläche öffnen",
    "never write the file": "die Datei nie schreiben",
    "rate line by line (plain mode for screen readers, dumb terminals, pipes)": (
        "zeilenweise bewerten (einfacher Modus für Screenreader, einfache Terminals, Pipes)"
    ),
    "Plain mode is used with --plain, when ACCESSIBLE is set, when TERM=dumb, "
    "or when standard input or output is not a terminal; otherwise the TUI opens.": (
        "Der einfache Modus gilt mit --plain, wenn ACCESSIBLE gesetzt ist, bei TERM=dumb "
        "oder wenn Ein- oder Ausgabe kein Terminal ist; sonst öffnet sich die Oberfläche."
    ),
    "line by line, even on a terminal": "zeilenweise, auch im Terminal",
    "fill the workshop lists instead": "stattdessen die Workshop-Listen füllen",
    "default: the session's": "Standard: die der Sitzung",
    "open a temporary copy of the bundled example": (
        "eine temporäre Kopie des mitgelieferten Beispiels öffnen"
    ),
    "check a session or questionnaire file": "Sitzungs- oder Fragebogendatei prüfen",
    "scores and verdicts of a session": "Punktwerte und Einschätzungen einer Sitzung",
    "machine-readable output": "maschinenlesbare Ausgabe",
    "write the final report (Abschlussbericht)": "den Abschlussbericht schreiben",
    "file, or directory for <municipality>-selbstcheck-<date>.<ext>": (
        "Datei, oder Ordner für <kommune>-selbstcheck-<datum>.<ext>"
    ),
    "default: from the output file's extension, else md": (
        "Standard: nach der Endung der Zieldatei, sonst md"
    ),
    "CSV for spreadsheet programs: semicolons, byte order mark, formula-safe cells": (
        "CSV für Tabellenkalkulationen: Semikolons, Byte Order Mark, formelsichere Zellen"
    ),
    "leave out the notes appendix": "den Anhang mit den Notizen weglassen",
    "render the Markdown in the terminal": "den Bericht im Terminal anzeigen",
    "overwrite an existing file": "eine vorhandene Datei überschreiben",
    "file readable by you only (0600), not per umask": (
        "Datei nur für Sie lesbar (0600), nicht nach umask"
    ),
    "merge several respondents' sessions into one": (
        "die Sitzungen mehrerer Beteiligter zu einer zusammenführen"
    ),
    "replace an existing output file": "eine vorhandene Zieldatei ersetzen",
    "what changed between two sessions of a municipality": (
        "was sich zwischen zwei Sitzungen einer Kommune geändert hat"
    ),
    "default: a view on a terminal, else md": "Standard: eine Ansicht im Terminal, sonst md",
    "scores of all sessions in a folder, with quartiles": (
        "Punktwerte aller Sitzungen eines Ordners, mit Quartilen"
    ),
    "mark this session's position": "die Position dieser Sitzung markieren",
    "worker processes": "Arbeitsprozesse",
    "show the results to a room, read-only, following the file live": (
        "die Ergebnisse vor Publikum zeigen, schreibgeschützt, der Datei live folgend"
    ),
    "serve the presentation to web browsers (each viewer its own)": (
        "die Präsentation für Webbrowser bereitstellen (jeder Zuschauer seine eigene)"
    ),
    "address to bind (default: 127.0.0.1)": "Adresse, an die gebunden wird (Standard: 127.0.0.1)",
    "port (default: 8000)": "Port (Standard: 8000)",
    "start a live room: everyone rates, the projector counts": (
        "einen Live-Raum starten: alle bewerten, der Beamer zählt"
    ),
    "the administration's session (needed when the room is new)": (
        "die Sitzung der Verwaltung (nötig, wenn der Raum neu ist)"
    ),
    "the fields to rate (default: the session's workshop fields)": (
        "die zu bewertenden Handlungsfelder (Standard: die Workshop-Felder der Sitzung)"
    ),
    "a drop box on a multi-user host (mode 1733, see README)": (
        "ein Briefkasten auf einem Mehrbenutzer-Rechner (Modus 1733, siehe README)"
    ),
    "print the counts as JSON and exit": "die Zählung als JSON ausgeben und beenden",
    "let participants join in a browser": "Teilnehmende im Browser beitreten lassen",
    "join a live room and rate its criteria": (
        "einem Live-Raum beitreten und seine Kriterien bewerten"
    ),
    "your name (default: anonymous)": "Ihr Name (Standard: anonym)",
    "the room code (asked for when --ask-code)": "der Raumcode (mit --ask-code wird er erfragt)",
    "ask for the room code first": "zuerst nach dem Raumcode fragen",
}
