"""Reading a questionnaire document: every rule it must follow, each problem reported with
its line (all at once, as one :class:`~wk_tui.errors.ValidationError`)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeGuard

from .errors import SchemaTooNewError, Term, ValidationError
from .i18n import LANGUAGES
from .questionnaire import (
    EXPECTED_POINTS,
    FORMAT_ID,
    FORMAT_VERSION,
    MAX_WEIGHT,
    SCALE_VALUES,
    Band,
    Criterion,
    Field,
    Questionnaire,
    ScaleStep,
    is_slug,
)
from .tomlpos import Problems, locate


def _str(p: Problems, d: dict, key: str, where: tuple, required: bool = True) -> str:
    v = d.get(key)
    if v is None:
        if required:
            p.add(where + (key,), "missing (expected text)")
        return ""
    if not isinstance(v, str):
        p.add(where + (key,), "expected {what}, got {got}", what=Term("text"), got=type(v).__name__)
        return ""
    if required and not v.strip():
        p.add(where + (key,), "must not be empty")
    return v


def _number(v: object) -> TypeGuard[int | float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def parse_questionnaire(doc: dict, text: str, path: Path) -> Questionnaire:
    """Validate a parsed questionnaire document; raise ValidationError with all problems."""
    p = Problems(path, text)
    fmt = doc.get("format")
    if not isinstance(fmt, str) or not fmt.startswith(FORMAT_ID + "/"):
        p.add(("format",), "expected {want}", want=f'"{FORMAT_ID}/{FORMAT_VERSION}"')
        raise ValidationError(p.items)
    try:
        version = int(fmt.split("/", 1)[1])
    except ValueError:
        p.add(("format",), "bad version number in {fmt}", fmt=repr(fmt))
        raise ValidationError(p.items) from None
    if version > FORMAT_VERSION:
        raise SchemaTooNewError(
            "questionnaire format version {version} is newer than this program understands "
            "({known}); please update wk-tui",
            path,
            *locate(text, ("format",)),
            version=version,
            known=FORMAT_VERSION,
        )

    qid = _str(p, doc, "id", ())
    if qid and not is_slug(qid):
        p.add(("id",), "id {qid} must be lowercase letters, digits and '-'", qid=repr(qid))
    lang = _str(p, doc, "language", ())
    if lang and lang not in LANGUAGES:
        p.add(
            ("language",),
            "unknown language {lang} (expected one of {languages})",
            lang=repr(lang),
            languages=", ".join(LANGUAGES),
        )
    title = _str(p, doc, "title", ())
    description = _str(p, doc, "description", (), required=False)
    scoring = _str(p, doc, "scoring", (), required=False)
    edition = doc.get("version", "")
    edition = str(edition) if edition is not None else ""

    scale = _parse_scale(p, doc.get("scale"))
    bands = _parse_bands(p, doc.get("bands"))
    fields = _parse_fields(p, doc.get("fields"))
    if p:
        raise ValidationError(p.items)
    return Questionnaire(
        qid, lang, title, edition, description, scoring, scale, bands, fields, path
    )


def _parse_scale(p: Problems, raw: object) -> tuple[ScaleStep, ...]:
    if not isinstance(raw, list) or not raw:
        p.add(("scale",), "missing: expected [[scale]] entries for the five rating values")
        return ()
    steps, seen = [], set()
    for i, item in enumerate(raw):
        where = ("scale", i)
        if not isinstance(item, dict):
            p.add(where, "expected a table")
            continue
        value = _str(p, item, "value", where)
        if value and value not in EXPECTED_POINTS:
            p.add(
                where + ("value",),
                "unknown rating value {value} (known: {values})",
                value=repr(value),
                values=", ".join(SCALE_VALUES),
            )
            continue
        if value in seen:
            p.add(where + ("value",), "duplicate rating value {value}", value=repr(value))
        seen.add(value)
        points = item.get("points")
        if points != EXPECTED_POINTS.get(value) or isinstance(points, bool):
            want = EXPECTED_POINTS.get(value)
            if want is None:
                p.add(where + ("points",), "{value} must have no points", value=value)
            else:
                p.add(
                    where + ("points",), "{value} must have points = {want}", value=value, want=want
                )
        steps.append(
            ScaleStep(value, _str(p, item, "symbol", where), _str(p, item, "label", where), points)
        )
    missing = [v for v in SCALE_VALUES if v not in seen]
    if missing:
        p.add(("scale",), "missing rating values: {values}", values=", ".join(missing))
    return tuple(steps)


def _parse_bands(p: Problems, raw: object) -> tuple[Band, ...]:
    if not isinstance(raw, list) or not raw:
        p.add(("bands",), "missing: expected [[bands]] covering 0–100")
        return ()
    bands, ids = [], set()
    for i, item in enumerate(raw):
        where = ("bands", i)
        if not isinstance(item, dict):
            p.add(where, "expected a table")
            continue
        bid = _str(p, item, "id", where)
        if bid in ids:
            p.add(where + ("id",), "duplicate band id {id}", id=repr(bid))
        ids.add(bid)
        lo, hi = item.get("min"), item.get("max")
        if not _number(lo) or not _number(hi):
            p.add(where, "min and max must be numbers")
            continue
        if not 0 <= lo < hi <= 100:
            p.add(
                where + ("min",),
                "band [{lo}, {hi}] must satisfy 0 <= min < max <= 100",
                lo=lo,
                hi=hi,
            )
        bands.append(Band(bid, float(lo), float(hi), _str(p, item, "label", where)))
    ordered = sorted(bands, key=lambda b: b.min)
    if ordered and not p:
        if ordered[0].min != 0:
            p.add(
                ("bands",),
                "bands leave a gap: {lo} to {hi} is not covered",
                lo=0,
                hi=f"{ordered[0].min:g}",
            )
        if ordered[-1].max != 100:
            p.add(
                ("bands",),
                "bands leave a gap: {lo} to {hi} is not covered",
                lo=f"{ordered[-1].max:g}",
                hi=100,
            )
        for a, b in zip(ordered, ordered[1:], strict=False):
            if a.max < b.min:
                p.add(
                    ("bands",),
                    "bands leave a gap between {lo} and {hi}",
                    lo=f"{a.max:g}",
                    hi=f"{b.min:g}",
                )
            elif a.max > b.min:
                p.add(
                    ("bands",),
                    "bands {a} and {b} overlap ({lo}–{hi})",
                    a=repr(a.id),
                    b=repr(b.id),
                    lo=f"{b.min:g}",
                    hi=f"{a.max:g}",
                )
    return tuple(ordered)


def _parse_fields(p: Problems, raw: object) -> tuple[Field, ...]:
    if not isinstance(raw, list) or not raw:
        p.add(("fields",), "missing: expected [[fields]] with [[fields.criteria]]")
        return ()
    fields, ids = [], set()
    for i, item in enumerate(raw):
        where = ("fields", i)
        if not isinstance(item, dict):
            p.add(where, "expected a table")
            continue
        fid = _str(p, item, "id", where)
        if fid in ids:
            p.add(where + ("id",), "duplicate id {id}", id=repr(fid))
        ids.add(fid)
        weight = item.get("weight", 1)
        if not _number(weight) or not 0 < weight <= MAX_WEIGHT:
            p.add(
                where + ("weight",),
                "weight must be a number above 0 and at most {max}",
                max=MAX_WEIGHT,
            )
            weight = 1
        crits = []
        raw_c = item.get("criteria")
        if not isinstance(raw_c, list) or not raw_c:
            p.add(where, "field {fid} has no criteria", fid=repr(fid))
            raw_c = []
        for j, c in enumerate(raw_c):
            cw = where + ("criteria", j)
            if not isinstance(c, dict):
                p.add(cw, "expected a table")
                continue
            cid = _str(p, c, "id", cw)
            if cid and not cid.startswith(fid + "."):
                p.add(
                    cw + ("id",),
                    "criterion id {cid} must start with its field id {start}",
                    cid=repr(cid),
                    start=repr(fid + "."),
                )
            if cid in ids:
                p.add(cw + ("id",), "duplicate id {id}", id=repr(cid))
            ids.add(cid)
            qs = c.get("questions", [])
            if not isinstance(qs, list) or not all(isinstance(q, str) for q in qs):
                p.add(cw + ("questions",), "expected a list of texts")
                qs = []
            crits.append(
                Criterion(
                    cid,
                    _str(p, c, "title", cw),
                    fid,
                    tuple(qs),
                    _str(p, c, "suggestion", cw, required=False),
                )
            )
        fields.append(
            Field(
                fid,
                i + 1,
                _str(p, item, "title", where),
                _str(p, item, "description", where, required=False),
                float(weight),
                tuple(crits),
            )
        )
    return tuple(fields)
