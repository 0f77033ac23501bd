"""``wk-tui aggregate DIR``: every session below a folder, scored, with quartiles.

Speed and memory: the files are parsed by a pool of worker processes (one per core), in
chunks; a worker returns only the numbers a row needs (municipality, date, scores), never a
session, so memory stays flat however many files there are. Parsing uses the compiled
``tomli`` where installed; validation is the core's (:func:`files.session_from_doc`), and
any file the fast path does not accept is loaded again through :func:`files.load_session`,
so a skipped file's message is exactly what ``wk-tui validate`` says about it.

Quartiles: linear interpolation between closest ranks — the value at position
(n − 1) · p of the sorted scores (p = 0.25, 0.5, 0.75), as numpy's default, Excel's
QUARTILE.INC and R's type 7.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from .errors import WkError

SCHEMA = "wk-tui-aggregate/1"
#: Show a progress bar on a terminal from this many files on.
PROGRESS_FROM = 300
#: Exit code when some files were skipped (the report lists them).
EXIT_SKIPPED = 4


class Row(NamedTuple):
    """What a worker sends back for one file: a few strings and numbers, never a session."""

    file: str  # relative to DIR
    municipality: str
    date: str | None
    overall: float | None
    band: str | None
    fields: tuple  # field scores in questionnaire order (None: no score)
    questionnaire: str
    language: str


# --------------------------------------------------------------------------- workers

Q_OVERRIDE: list = []  # the --questionnaire object, set in the parent before forking
ERROR_LANG: list = []  # the language of a skipped file's message (default English), likewise


def _loads(text: str) -> dict:
    try:
        import tomli  # mypyc-compiled: about 3× the speed of tomllib
    except ImportError:  # pragma: no cover - tomli is a dependency
        import tomllib

        return tomllib.loads(text)
    return tomli.loads(text)


def load_row(root: Path, path: Path) -> Row | str:
    """One file → its row, or its one-line error (``file:line:col: message``)."""
    try:
        return read_row(root, path)
    except WkError as exc:
        return exc.text(ERROR_LANG[0]) if ERROR_LANG else str(exc)


def read_row(root: Path, path: Path) -> Row:
    """One file → its row; a file that cannot be read raises its WkError."""
    from .files import load_session, session_from_doc
    from .scoring import score

    q_override = Q_OVERRIDE[0] if Q_OVERRIDE else None
    try:
        text = path.read_bytes().decode("utf-8")
        session, q = session_from_doc(path, _loads(text), text, q_override, strict=False)
    except (WkError, ValueError, OSError):
        # The core's own loader gives the canonical message (or accepts the file).
        session, q = load_session(path, q_override, strict=False)
    result = score(q, session.values(q))
    stamp = session.updated or session.created
    return Row(
        str(path.relative_to(root)),
        session.municipality.name,
        stamp.date().isoformat() if stamp else None,
        result.score,
        result.band.id if result.band else None,
        tuple(fr.score for fr in result.fields),
        q.id,
        session.language,
    )


def _chunk(args: tuple[str, list[str]]) -> list[tuple[str, Row | str]]:
    root, names = args
    base = Path(root)
    return [(name, load_row(base, base / name)) for name in names]


# --------------------------------------------------------------------------- collecting


def session_files(root: Path) -> list[str]:
    """``*.toml`` below ``root`` (recursive, hidden folders skipped), sorted, relative."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(folder, root)
        for name in files:
            if name.endswith(".toml") and not name.startswith("."):
                found.append(name if rel == "." else os.path.join(rel, name))
    return sorted(found)


def _chunks(names: list[str], jobs: int) -> Iterator[list[str]]:
    size = max(8, min(128, len(names) // (jobs * 8) or 8))
    for i in range(0, len(names), size):
        yield names[i : i + size]


def collect(
    root: Path, jobs: int | None = None, progress: bool = False
) -> tuple[list[Row], list[tuple[str, str]]]:
    """Rows (sorted by file) and skipped files (file, error) below ``root``."""
    root = Path(root)
    names = session_files(root)
    jobs = jobs or os.cpu_count() or 1
    results: list[tuple[str, Row | str]] = []
    show = progress and len(names) >= PROGRESS_FROM
    if jobs <= 1 or len(names) < 64:
        bar = _progress(len(names)) if show else None
        for name in names:
            results.append((name, load_row(root, root / name)))
            if bar:
                bar.advance()
    else:
        import multiprocessing

        # fork: the workers start at once and inherit the imported core and questionnaire.
        # They are forked before the progress bar starts its refresh thread.
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            bar = _progress(len(names)) if show else None
            work = ((str(root), chunk) for chunk in _chunks(names, jobs))
            for part in pool.imap_unordered(_chunk, work):
                results.extend(part)
                if bar:
                    bar.advance(len(part))
    if bar:
        bar.stop()
    results.sort(key=lambda item: item[0])
    rows = [r for _, r in results if isinstance(r, Row)]
    skipped = [(name, r) for name, r in results if isinstance(r, str)]
    return rows, skipped


class _progress:
    """A Rich progress bar on stderr (imported only when shown)."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.p = Progress(console=Console(stderr=True), transient=True)
        self.task = self.p.add_task("aggregate", total=total)
        self.p.start()

    def advance(self, n: int = 1) -> None:
        self.p.advance(self.task, n)

    def stop(self) -> None:
        self.p.stop()


# --------------------------------------------------------------------------- statistics


def quartiles(values: Sequence[float]) -> dict | None:
    """n, min, q1, median, q3, max of ``values`` (linear interpolation), or None if empty."""
    xs = sorted(values)
    n = len(xs)
    if not n:
        return None

    def at(p: float) -> float:
        h = (n - 1) * p
        lo = int(h)
        hi = min(lo + 1, n - 1)
        return round(xs[lo] + (h - lo) * (xs[hi] - xs[lo]), 2)

    return {
        "n": n,
        "min": round(xs[0], 2),
        "q1": at(0.25),
        "median": at(0.5),
        "q3": at(0.75),
        "max": round(xs[-1], 2),
    }


def position(value: float | None, others: Sequence[float], stats: dict | None) -> dict | None:
    """Rank (1 = best) among ``others`` and the quarter (4 = top) of ``value``."""
    if value is None or stats is None:
        return None
    rank = 1 + sum(1 for x in others if x > value)
    quarter = (
        4
        if value >= stats["q3"]
        else 3
        if value >= stats["median"]
        else 2
        if value >= stats["q1"]
        else 1
    )
    return {"score": round(value, 2), "rank": rank, "of": len(others), "quarter": quarter}


def run_aggregate(args: argparse.Namespace) -> int:
    from .aggregate_report import report

    return report(args)
