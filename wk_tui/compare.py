"""``wk-tui compare OLD NEW``: what changed between two checks of one municipality.

The comparison is one JSON-able dict (the ``--format json`` document, documented in
docs/formats.md); the Markdown and the TUI view render that dict.

- Scores per field and overall: old, new, change (percentage points), verdict change.
- Criteria whose rating changed: ``up`` / ``down`` when both have points, else ``changed``.
- Actions of the old workshop: ``done`` when an action with the same text (ignoring case
  and spacing) in the new session carries ``done = true`` or a ``done`` date, ``open``
  when it is there without, ``missing`` when the new session does not list it; plus how
  the criteria of its field moved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .errors import WkError
from .files import load_session
from .i18n import number, tr
from .questionnaire import Band, Questionnaire
from .scoring import FieldResult, Result, score
from .session import Action, Session

SCHEMA = "wk-tui-compare/1"

STRINGS = {
    "de": {
        "title": "Vergleich: {old} → {new}",
        "overall": "Gesamt",
        "field": "Handlungsfeld",
        "old": "vorher",
        "new": "nachher",
        "change": "Änderung",
        "verdict": "Einschätzung",
        "criteria": "Geänderte Einschätzungen",
        "criterion": "Kriterium",
        "direction": "Richtung",
        "no_changes": "Keine Einschätzung hat sich geändert.",
        "actions": "Handlungsbedarfe aus dem Workshop",
        "action": "Handlungsbedarf",
        "status": "Stand",
        "moved": "Kriterien des Feldes",
        "no_actions": "Die ältere Sitzung enthält keine Handlungsbedarfe.",
        "up": "besser",
        "down": "schlechter",
        "changed": "geändert",
        "same": "gleich",
        "done": "erledigt",
        "open": "offen",
        "missing": "nicht mehr aufgeführt",
        "moved_n": "{up} besser, {down} schlechter",
        "none": "–",
        "pp": "{value} Pp.",
    },
    "en": {
        "title": "Comparison: {old} → {new}",
        "overall": "Overall",
        "field": "Action field",
        "old": "before",
        "new": "after",
        "change": "change",
        "verdict": "Verdict",
        "criteria": "Changed ratings",
        "criterion": "Criterion",
        "direction": "direction",
        "no_changes": "No rating changed.",
        "actions": "Needs for action from the workshop",
        "action": "Need for action",
        "status": "status",
        "moved": "criteria of the field",
        "no_actions": "The older session lists no needs for action.",
        "up": "better",
        "down": "worse",
        "changed": "changed",
        "same": "same",
        "done": "done",
        "open": "open",
        "missing": "no longer listed",
        "moved_n": "{up} better, {down} worse",
        "none": "–",
        "pp": "{value} pp",
    },
}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _delta(old: float | None, new: float | None) -> float | None:
    return None if old is None or new is None else round(new - old, 2)


def _band_change(q: Questionnaire, old: Band | None, new: Band | None) -> str | None:
    if old is None or new is None:
        return None
    ids = [b.id for b in q.bands]
    a, b = ids.index(old.id), ids.index(new.id)
    return "up" if b > a else "down" if b < a else "same"


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def action_done(action: Action) -> bool | str:
    """``done = true`` → True, ``done = <date>`` → the ISO date, otherwise False."""
    done = action.extra.get("done")
    if isinstance(done, bool):
        return done
    if isinstance(done, dt.date):
        return done.isoformat()
    return False


def _find_action(new: Session, fid: str, text: str) -> Action | None:
    key = _norm(text)
    fields = [fid] + [f for f in new.workshop.results if f != fid]
    for f in fields:
        work = new.workshop.results.get(f)
        for a in work.actions if work else ():
            if _norm(a.text) == key:
                return a
    return None


def compare(old: Session, new: Session, q: Questionnaire) -> dict:
    """The comparison document (see the module docstring)."""
    r_old, r_new = score(q, old.values(q)), score(q, new.values(q))

    def block(a: Result | FieldResult, b: Result | FieldResult) -> dict:
        return {
            "old": _round(a.score),
            "new": _round(b.score),
            "change": _delta(a.score, b.score),
            "old_band": a.band.id if a.band else None,
            "new_band": b.band.id if b.band else None,
            "band_change": _band_change(q, a.band, b.band),
        }

    criteria, moved = [], {f.id: [0, 0] for f in q.fields}
    for c in q.criteria:
        a, b = old.value(c.id), new.value(c.id)
        if a == b:
            continue
        pa = q.step(a).points if a else None
        pb = q.step(b).points if b else None
        direction = "changed" if pa is None or pb is None else "up" if pb > pa else "down"
        if direction != "changed":
            moved[c.field_id][direction == "down"] += 1
        criteria.append(
            {
                "id": c.id,
                "field": c.field_id,
                "title": c.title,
                "old": a,
                "new": b,
                "direction": direction,
            }
        )
    fields = []
    for fa, fb in zip(r_old.fields, r_new.fields, strict=True):
        up, down = moved[fa.field.id]
        fields.append(
            {"id": fa.field.id, "title": fa.field.title, **block(fa, fb), "up": up, "down": down}
        )
    by_id = {f["id"]: f for f in fields}
    actions = []
    for fid, work in old.workshop.results.items():
        for action in work.actions:
            match = _find_action(new, fid, action.text)
            done = action_done(match) if match else False
            status = "missing" if match is None else "done" if done else "open"
            f = by_id.get(fid)
            actions.append(
                {
                    "field": fid,
                    "text": action.text,
                    "owner": action.owner,
                    "due": action.due.isoformat() if action.due else None,
                    "status": status,
                    "done": done if isinstance(done, str) else None,
                    "field_up": f["up"] if f else 0,
                    "field_down": f["down"] if f else 0,
                    "field_change": f["change"] if f else None,
                }
            )

    def who(s: Session) -> dict:
        stamp = s.updated or s.created
        return {
            "municipality": s.municipality.name,
            "updated": stamp.isoformat() if stamp else None,
        }

    return {
        "schema": SCHEMA,
        "questionnaire": q.id,
        "old": who(old),
        "new": who(new),
        "overall": block(r_old, r_new),
        "fields": fields,
        "criteria": criteria,
        "actions": actions,
    }


def load_pair(
    old_path: Path, new_path: Path, questionnaire: Path | None = None
) -> tuple[Session, Session, Questionnaire]:
    old, q = load_session(old_path, questionnaire, strict=False)
    new, q_new = load_session(new_path, q, strict=False)
    if new.questionnaire != old.questionnaire:
        raise WkError(
            "questionnaire {new} differs from {old} of {other}; only checks with the same "
            "questionnaire can be compared",
            new_path,
            new=repr(new.questionnaire),
            old=repr(old.questionnaire),
            other=str(old_path),
        )
    return old, new, q_new


# --------------------------------------------------------------------------- Markdown


def render_md(doc: dict, q: Questionnaire, lang: str, old_name: str, new_name: str) -> str:
    from .export.mdescape import cell, inline
    from .export.report import table

    t = lambda key, **kw: tr(STRINGS, lang, key, **kw)  # noqa: E731
    bands = {b.id: b.label for b in q.bands}

    def pct(x: float | None) -> str:
        return t("none") if x is None else number(x, lang) + " %"

    def change(x: float | None) -> str:
        if x is None:
            return t("none")
        sign = "+" if x > 0 else "−" if x < 0 else "±"
        return t("pp", value=sign + number(abs(x), lang))

    def verdict(b: dict) -> str:
        if b["band_change"] in (None, "same"):
            return cell(bands.get(b["new_band"], t("none")))
        return cell(f"{bands[b['old_band']]} → {bands[b['new_band']]} ({t(b['band_change'])})")

    out = [f"# {inline(t('title', old=old_name, new=new_name))}"]
    rows = [
        [
            cell(f"{f['id']} {f['title']}"),
            pct(f["old"]),
            pct(f["new"]),
            change(f["change"]),
            verdict(f),
        ]
        for f in doc["fields"]
    ]
    o = doc["overall"]
    rows.append(
        [f"**{t('overall')}**", pct(o["old"]), pct(o["new"]), change(o["change"]), verdict(o)]
    )
    out.append(table([t("field"), t("old"), t("new"), t("change"), t("verdict")], "lrrrl", rows))
    out.append(f"## {t('criteria')}")
    if doc["criteria"]:
        sym = {s.value: s.symbol for s in q.scale}
        rows = [
            [
                cell(f"{c['id']} {c['title']}"),
                sym.get(c["old"], t("none")),
                sym.get(c["new"], t("none")),
                t(c["direction"]),
            ]
            for c in doc["criteria"]
        ]
        out.append(table([t("criterion"), t("old"), t("new"), t("direction")], "lccl", rows))
    else:
        out.append(t("no_changes"))
    out.append(f"## {t('actions')}")
    if doc["actions"]:
        rows = []
        for a in doc["actions"]:
            status = t(a["status"]) + (f" ({a['done']})" if a["done"] else "")
            moved = t("moved_n", up=a["field_up"], down=a["field_down"])
            rows.append(
                [cell(a["field"]), cell(a["text"]), status, f"{moved}, {change(a['field_change'])}"]
            )
        out.append(table([t("field"), t("action"), t("status"), t("moved")], "llll", rows))
    else:
        out.append(t("no_actions"))
    return "\n\n".join(out) + "\n"


def run_compare(args: argparse.Namespace) -> int:
    import json

    old, new, q = load_pair(args.old, args.new, args.questionnaire)
    doc = compare(old, new, q)
    if args.format == "json":
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_md(doc, q, new.language, args.old.name, args.new.name)
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0
