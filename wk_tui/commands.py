"""Headless commands: ``validate`` and ``summary``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .console import make_console, rich_output
from .errors import ValidationError
from .files import load_session
from .i18n import CLI, number, tr
from .questionnaire import Questionnaire, load_questionnaire, translated
from .scoring import Result, result_json, score
from .session import Session
from .termsafe import for_terminal, is_terminal, safe
from .tomlpos import read_toml


def _is_questionnaire(path: Path) -> bool:
    doc, _ = read_toml(path)
    return "format" in doc and "schema" not in doc


def validate(args: argparse.Namespace) -> int:
    """Print every problem, one ``file:line:col: key: message`` line each (exit 3).

    Unknown criterion or field ids are warnings, as in the app: printed, kept, exit 0.
    Everything is printed in the user's language (``args.ui_lang``).
    """
    lang = user_language(args)
    try:
        if _is_questionnaire(args.path):
            q = load_questionnaire(args.path)
            print(
                tr(
                    CLI,
                    lang,
                    "valid_questionnaire",
                    path=args.path,
                    fields=len(q.fields),
                    criteria=len(q.criteria),
                )
            )
            return 0
        session, q = load_session(args.path, args.questionnaire, strict=False)
    except ValidationError as exc:
        for problem in exc.problems:
            print(problem.text(lang), file=sys.stderr)
        return exc.exit_code
    print_warnings(session, lang)
    values = session.values(q)
    print(
        tr(
            CLI,
            lang,
            "valid_session",
            path=args.path,
            rated=len(values),
            total=len(q.criteria),
        )
    )
    return 0


def user_language(args: argparse.Namespace) -> str:
    """The language of messages: resolved by the CLI (flag > config > locale > de)."""
    return getattr(args, "ui_lang", None) or "de"


def print_warnings(session: Session, lang: str) -> None:
    """The kept warnings (unknown ids) on stderr: ``file:line:col: warning: key: message``."""
    label = tr(CLI, lang, "warning")
    for item in session.warning_items:
        loc, text = item.location(), item.localized(lang)
        line = f"{loc}: {label}: {text}" if loc else f"{label}: {text}"
        print(safe(line, allow_newlines=False), file=sys.stderr)


def in_language(
    session: Session, q: Questionnaire, lang: str | None
) -> tuple[Session, Questionnaire]:
    """The session and questionnaire to show in ``lang`` (None: the session's language).

    A bundled questionnaire is swapped for its translation; a custom one has none and
    stays. The session itself is not changed (a copy carries the language).
    """
    if not lang or lang == session.language:
        return session, q
    return session.replace(language=lang), translated(q, lang)


def summary(args: argparse.Namespace) -> int:
    session, q = load_session(args.path, args.questionnaire, strict=False)
    print_warnings(session, user_language(args))
    session, q = in_language(session, q, getattr(args, "lang", None))
    result = score(q, session.values(q))
    name = session.municipality.name or str(args.path)
    terminal = is_terminal(sys.stdout)
    if args.json:
        text = json.dumps(result_json(result), ensure_ascii=False, indent=2) + "\n"
        sys.stdout.write(for_terminal(text, "json") if terminal else text)
        return 0
    console = make_console()
    if rich_output(console):
        _rich_summary(console, result, name, q.title, session.language)
    else:
        text = plain_summary(result, name, q.title, session.language)
        sys.stdout.write(safe(text) if terminal else text)
    return 0


def _score(value: float | None, lang: str) -> str:
    return tr(CLI, lang, "no_score") if value is None else number(value, lang) + " %"


def plain_summary(result: Result, name: str, title: str, lang: str) -> str:
    t = lambda key, **kw: tr(CLI, lang, key, **kw)  # noqa: E731
    lines = [f"{name} — {title}", ""]
    verdict = result.band.label if result.band else ""
    prov = f" ({t('provisional')})" if result.provisional else ""
    lines.append(f"{t('overall')}: {_score(result.score, lang)}{prov}  {verdict}")
    c = result.counts
    lines.append(
        "  " + t("counts", rated=c.rated, counted=c.counted, unknown=c.unknown, open=c.open)
    )
    lines.append("")
    width = max(len(fr.field.title) for fr in result.fields)
    for fr in result.fields:
        open_ = f"  {t('open_n', n=fr.counts.open)}" if fr.counts.open else ""
        label = fr.band.label if fr.band else ""
        lines.append(
            f"{fr.field.id:<4} {fr.field.title:<{width}}  "
            f"{_score(fr.score, lang):>9}  {label}{open_}"
        )
    return "\n".join(lines) + "\n"


def _rich_summary(console: Any, result: Result, name: str, title: str, lang: str) -> None:
    from rich.table import Table  # Rich only for a terminal, not for --json or pipes
    from rich.text import Text

    t = lambda key, **kw: tr(CLI, lang, key, **kw)  # noqa: E731
    table = Table(title=Text(safe(f"{name} — {title}")), title_justify="left", expand=False)
    table.add_column("", style="dim")
    table.add_column(t("field"))
    table.add_column(t("score"), justify="right")
    table.add_column(t("verdict"))
    for fr in result.fields:
        open_ = f" ({t('open_n', n=fr.counts.open)})" if fr.counts.open else ""
        table.add_row(
            Text(safe(fr.field.id)),
            Text(safe(fr.field.title)),
            _score(fr.score, lang),
            Text(safe((fr.band.label if fr.band else "") + open_)),
        )
    prov = f" ({t('provisional')})" if result.provisional else ""
    table.add_section()
    table.add_row(
        "",
        Text(t("overall"), style="bold"),
        Text(_score(result.score, lang), style="bold"),
        Text(safe((result.band.label if result.band else "") + prov), style="bold cyan"),
    )
    console.print(table)
    c = result.counts
    console.print(
        Text(
            t("counts", rated=c.rated, counted=c.counted, unknown=c.unknown, open=c.open),
            style="dim",
        )
    )
