"""The output of ``wk-tui aggregate``: statistics, a highlighted session, the rows.

Formats: ``md`` (default), ``csv`` (one row per session), ``json`` (everything; see
docs/formats.md). Skipped files always go to stderr as ``wk-tui: skipped: file:line:col:
message`` (in the user's language); ``md`` and ``json`` list them too. Exit code 0, or 4
when any file was skipped.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .aggregate import (
    ERROR_LANG,
    EXIT_SKIPPED,
    Q_OVERRIDE,
    SCHEMA,
    Row,
    collect,
    position,
    quartiles,
    read_row,
)
from .errors import WkError
from .i18n import CLI, number, tr
from .questionnaire import Questionnaire, bundled, load_questionnaire

STRINGS = {
    "de": {
        "title": "Vergleich von {n} Selbstchecks",
        "stats": "Verteilung der Werte",
        "column": "Spalte",
        "overall": "Gesamt",
        "position": "Position: {name}",
        "score": "Wert",
        "rank": "Rang",
        "quarter": "Viertel",
        "q4": "oberstes Viertel",
        "q3": "zweites Viertel",
        "q2": "drittes Viertel",
        "q1": "unterstes Viertel",
        "sessions": "Sitzungen",
        "file": "Datei",
        "municipality": "Kommune",
        "date": "Datum",
        "verdict": "Einschätzung",
        "skipped": "Übersprungene Dateien ({n})",
        "method": "Quartile: lineare Interpolation an Position (n − 1) · p der sortierten Werte.",
        "of": "{rank} von {n}",
    },
    "en": {
        "title": "Comparison of {n} self-checks",
        "stats": "Distribution of the scores",
        "column": "Column",
        "overall": "Overall",
        "position": "Position: {name}",
        "score": "Score",
        "rank": "Rank",
        "quarter": "Quarter",
        "q4": "top quarter",
        "q3": "second quarter",
        "q2": "third quarter",
        "q1": "bottom quarter",
        "sessions": "Sessions",
        "file": "File",
        "municipality": "Municipality",
        "date": "Date",
        "verdict": "Verdict",
        "skipped": "Skipped files ({n})",
        "method": "Quartiles: linear interpolation at position (n − 1) · p of the sorted scores.",
        "of": "{rank} of {n}",
    },
}


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def build(
    root: Path,
    jobs: int | None = None,
    highlight: Path | None = None,
    q_override: Questionnaire | None = None,
    progress: bool = False,
    error_lang: str = "en",
) -> tuple[dict, Questionnaire, str]:
    """The aggregate document (the JSON output), its questionnaire and language; skipped
    files' messages are in ``error_lang``."""
    Q_OVERRIDE[:] = [q_override] if q_override else []
    ERROR_LANG[:] = [error_lang]
    rows, skipped = collect(root, jobs, progress)
    mark: Row | None = None
    inside = False
    if highlight is not None:
        mark = next((r for r in rows if _same(root / r.file, highlight)), None)
        inside = mark is not None
        if mark is None:
            mark = read_row(highlight.parent, highlight)  # a bad file: its own error
    ref = mark or (rows[0] if rows else None)
    if ref is None:
        raise WkError("no session could be loaded from this folder", root)
    qid = q_override.id if q_override else ref.questionnaire
    q = q_override or bundled(qid, ref.language)
    kept = []
    for r in rows:
        if r.questionnaire == qid:
            kept.append(r)
        else:
            other = WkError(
                "questionnaire {got} differs from {want}",
                root / r.file,
                got=repr(r.questionnaire),
                want=repr(qid),
            )
            skipped.append((r.file, other.text(error_lang)))
    skipped.sort()
    names = ["overall"] + [f.id for f in q.fields]

    def column(r: Row, i: int) -> float | None:
        return r.overall if i == 0 else r.fields[i - 1]

    stats, where = {}, {}
    for i, name in enumerate(names):
        values = [v for r in kept if (v := column(r, i)) is not None]
        stats[name] = quartiles(values)
        if mark is not None:
            mine = column(mark, i)
            others = values if inside or mine is None else values + [mine]
            where[name] = position(mine, others, quartiles(others))
    doc = {
        "schema": SCHEMA,
        "questionnaire": qid,
        "count": len(kept),
        "columns": names,
        "statistics": stats,
        "highlight": None
        if mark is None
        else {"file": str(highlight), "municipality": mark.municipality, "position": where},
        "sessions": [
            {
                "file": r.file,
                "municipality": r.municipality,
                "date": r.date,
                "overall": _r(r.overall),
                "verdict": r.band,
                "fields": {f.id: _r(s) for f, s in zip(q.fields, r.fields, strict=False)},
                "highlight": inside and r is mark,
            }
            for r in kept
        ],
        "skipped": [{"file": name, "error": error} for name, error in skipped],
    }
    return doc, q, ref.language


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


# --------------------------------------------------------------------------- rendering


def render_md(doc: dict, q: Questionnaire, lang: str) -> str:
    from .export.mdescape import cell
    from .export.report import table

    t = lambda key, **kw: tr(STRINGS, lang, key, **kw)  # noqa: E731
    titles = {"overall": t("overall"), **{f.id: f"{f.id} {f.title}" for f in q.fields}}
    bands = {b.id: b.label for b in q.bands}

    def num(x: float | None, digits: int = 1) -> str:
        return "–" if x is None else number(x, lang, digits)

    out = [f"# {t('title', n=doc['count'])}", f"## {t('stats')}"]
    rows = []
    for name in doc["columns"]:
        s = doc["statistics"][name]
        vals = [s[k] for k in ("min", "q1", "median", "q3", "max")] if s else [None] * 5
        rows.append([cell(titles[name]), str(s["n"] if s else 0), *(num(v, 2) for v in vals)])
    out.append(table([t("column"), "n", "min", "Q1", "Median", "Q3", "max"], "lrrrrrr", rows))
    out.append(t("method"))
    hl = doc["highlight"]
    if hl:
        out.append(f"## {cell(t('position', name=hl['municipality'] or hl['file']))}")
        rows = []
        for name in doc["columns"]:
            p = hl["position"].get(name)
            if p is None:
                rows.append([cell(titles[name]), "–", "–", "–"])
            else:
                rows.append(
                    [
                        cell(titles[name]),
                        num(p["score"]),
                        t("of", rank=p["rank"], n=p["of"]),
                        t(f"q{p['quarter']}"),
                    ]
                )
        out.append(table([t("column"), t("score"), t("rank"), t("quarter")], "lrrl", rows))
    out.append(f"## {t('sessions')}")
    header = [t("file"), t("municipality"), t("date"), t("overall"), t("verdict")]
    header += [f.id for f in q.fields]
    rows = []
    for s in doc["sessions"]:
        row = [
            cell(s["file"]),
            cell(s["municipality"]),
            s["date"] or "–",
            num(s["overall"]),
            cell(bands.get(s["verdict"], "–")),
        ]
        row += [num(s["fields"][f.id]) for f in q.fields]
        if s["highlight"]:
            row = [f"**▶ {row[0]}**", *(f"**{c}**" for c in row[1:])]
        rows.append(row)
    out.append(table(header, "lllrl" + "r" * len(q.fields), rows))
    if doc["skipped"]:
        out.append(f"## {t('skipped', n=len(doc['skipped']))}")
        out.append("\n".join(f"- `{x['file']}`: {cell(x['error'])}" for x in doc["skipped"]))
    return "\n\n".join(out) + "\n"


def render_json(doc: dict) -> str:
    """Indented at the top, one line per session and skipped file.

    (``json`` encodes in C only without ``indent``: this keeps 11,000 rows fast.)
    """
    import json

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    for key, value in doc.items():
        if key in ("sessions", "skipped"):
            inner = ",\n".join(f"    {one(item)}" for item in value)
            lines.append(f'  "{key}": [\n{inner}\n  ],' if value else f'  "{key}": [],')
        else:
            lines.append(
                f"  {one(key)}: {json.dumps(value, ensure_ascii=False, indent=2)},".replace(
                    "\n", "\n  "
                )
            )
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines) + "\n}\n"


def render_csv(doc: dict, q: Questionnaire) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(
        [
            "file",
            "municipality",
            "date",
            "overall",
            "verdict",
            *[f.id for f in q.fields],
            "highlight",
        ]
    )
    for s in doc["sessions"]:
        w.writerow(
            [
                s["file"],
                s["municipality"],
                s["date"] or "",
                _cell(s["overall"]),
                s["verdict"] or "",
                *[_cell(s["fields"][f.id]) for f in q.fields],
                "1" if s["highlight"] else "",
            ]
        )
    return "\ufeff" + buf.getvalue()


def _cell(x: float | None) -> str:
    return "" if x is None else f"{x:.2f}"


def report(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    if not root.is_dir():
        raise WkError("not a folder (expected a folder of session files)", root)
    q_override = load_questionnaire(args.questionnaire) if args.questionnaire else None
    progress = sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    ui = getattr(args, "ui_lang", None) or "en"
    doc, q, lang = build(root, args.jobs, args.highlight, q_override, progress, ui)
    for x in doc["skipped"]:
        print(tr(CLI, ui, "skipped", error=x["error"]), file=sys.stderr)
    if args.format == "json":
        text = render_json(doc)
    elif args.format == "csv":
        text = render_csv(doc, q)
    else:
        text = render_md(doc, q, lang)
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return EXIT_SKIPPED if doc["skipped"] else 0
