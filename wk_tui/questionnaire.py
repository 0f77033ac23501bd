"""The questionnaire as data: fields, criteria, rating scale and verdict bands."""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import TypeGuard

from . import qcache
from .errors import SchemaTooNewError, Term, ValidationError, WkError
from .i18n import LANGUAGES
from .paths import questionnaire_path
from .record import Factory, Record
from .tomlpos import Problems, locate, read_toml

FORMAT_ID = "wk-tui-questionnaire"
FORMAT_VERSION = 1

#: The five rating values in scale order, with the points the scoring expects.
SCALE_VALUES = ("ja", "eher_ja", "eher_nein", "nein", "keine_einschaetzung")
EXPECTED_POINTS = {"ja": 3, "eher_ja": 2, "eher_nein": 1, "nein": 0, "keine_einschaetzung": None}
MAX_POINTS = 3
DEFAULT_ID = "weltoffene-kommune"
MAX_WEIGHT = 1_000_000
_SLUG = re.compile(r"[a-z0-9-]+")


def is_slug(text: str) -> bool:
    """An id that can never name a path: lowercase ASCII letters, digits and '-'."""
    return _SLUG.fullmatch(text) is not None


class ScaleStep(Record):
    value: str
    symbol: str
    label: str
    points: int | None  # None: "keine Einschätzung", rated but not counted


class Band(Record):
    id: str
    min: float
    max: float
    label: str

    def holds(self, score: float, last: bool) -> bool:
        return self.min <= score < self.max or (last and score == self.max)


class Criterion(Record):
    id: str
    title: str
    field_id: str
    questions: tuple[str, ...] = ()
    suggestion: str = ""


class Field(Record):
    id: str
    number: int
    title: str
    description: str = ""
    weight: float = 1.0
    criteria: tuple[Criterion, ...] = ()


class Questionnaire(Record):
    id: str
    language: str
    title: str
    version: str
    description: str
    scoring: str
    scale: tuple[ScaleStep, ...]
    bands: tuple[Band, ...]
    fields: tuple[Field, ...]
    path: Path | None = None
    index_: dict = Factory(factory=dict)
    _transient = ("index_",)

    def __post_init__(self) -> None:
        self.index_ = {}
        for f in self.fields:
            self.index_[f.id] = f
            for c in f.criteria:
                self.index_[c.id] = c
        for s in self.scale:
            self.index_["scale:" + s.value] = s

    def field(self, fid: str) -> Field:
        return self.index_[fid]

    def criterion(self, cid: str) -> Criterion:
        return self.index_[cid]

    def has_criterion(self, cid: str) -> bool:
        return isinstance(self.index_.get(cid), Criterion)

    def step(self, value: str) -> ScaleStep:
        return self.index_["scale:" + value]

    @property
    def criteria(self) -> list[Criterion]:
        return [c for f in self.fields for c in f.criteria]

    def band_for(self, score: float | None) -> Band | None:
        if score is None:
            return None
        for i, band in enumerate(self.bands):
            if band.holds(score, i == len(self.bands) - 1):
                return band
        return None


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


def load_questionnaire(path: Path) -> Questionnaire:
    path = Path(path)

    def parse() -> Questionnaire:
        doc, text = read_toml(path)
        return parse_questionnaire(doc, text, path)

    # Big files go through the parse cache (keyed by content); small ones parse directly.
    try:
        st = path.stat()
        big = stat.S_ISREG(st.st_mode) and st.st_size >= qcache.MIN_BYTES
        data = path.read_bytes() if big else b""
    except OSError:
        big = False
    return qcache.cached(path, data, parse, Questionnaire) if big else parse()


_CACHE: dict[tuple[str, str], Questionnaire] = {}


def translated(q: Questionnaire, lang: str) -> Questionnaire:
    """``q`` in ``lang`` when it is a bundled questionnaire whose translation has the same
    criteria; a custom questionnaire (even one reusing a bundled id) has none and stays."""
    if q.language == lang or q.path is None:
        return q
    try:
        other = bundled(q.id, lang)
    except WkError:
        return q
    if [c.id for c in other.criteria] != [c.id for c in q.criteria]:
        return q
    if q.path.resolve() != questionnaire_path(q.id, q.language).resolve():
        return q  # a custom questionnaire with the bundled id: keep it
    return other


def bundled(qid: str = DEFAULT_ID, language: str = "de") -> Questionnaire:
    """The bundled questionnaire ``qid`` in ``language`` (cached)."""
    key = (qid, language)
    if not is_slug(qid) or language not in LANGUAGES:
        raise WkError(
            "questionnaire {qid} ({lang}) is not bundled; pass --questionnaire PATH",
            qid=repr(qid),
            lang=language,
        )
    if key not in _CACHE:
        _CACHE[key] = load_questionnaire(questionnaire_path(qid, language))
    return _CACHE[key]
