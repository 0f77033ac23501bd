"""The questionnaire as data: fields, criteria, rating scale and verdict bands."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from . import qcache
from .errors import WkError
from .i18n import LANGUAGES
from .paths import questionnaire_path
from .record import Factory, Record
from .tomlpos import read_toml

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


def load_questionnaire(path: Path) -> Questionnaire:
    path = Path(path)

    def parse() -> Questionnaire:
        from .questionnaire_schema import parse_questionnaire  # only when a file is read

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
