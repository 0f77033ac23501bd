from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "examples" / "dessau-rosslau-2020.toml"
QUESTIONNAIRES = ROOT / "data" / "questionnaires"
SHARED = ROOT.parent / "shared"
TSV = SHARED / "reference" / "dessau-rosslau-2020-ratings.tsv"

SYMBOL_TO_VALUE = {
    "✓": "ja",
    "(✓)": "eher_ja",
    "(✘)": "eher_nein",
    "✘": "nein",
    "–": "keine_einschaetzung",
}


def seed_rows() -> list[tuple[int, str, str, str]]:
    """The seed's results table: (field number, field title, criterion title, symbol)."""
    if TSV.exists():
        lines = TSV.read_text("utf-8").splitlines()[1:]
        return [(int(a), b, c, d) for a, b, c, d in (ln.split("\t") for ln in lines)]
    # Without ../shared (e.g. an sdist), fall back to the copy kept with the tests.
    lines = (ROOT / "tests" / "data" / "seed-ratings.tsv").read_text("utf-8").splitlines()[1:]
    return [(int(a), b, c, d) for a, b, c, d in (ln.split("\t") for ln in lines)]


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "dessau.toml"
    shutil.copyfile(EXAMPLE, dest)
    return dest


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """Keep tests away from the real user config/data dirs; no animations."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("WK_TUI_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("WK_TUI_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("WK_TUI_STATE_DIR", str(base / "state"))
    # German unless a test asks for English (the CLI follows LC_ALL/LC_MESSAGES/LANG).
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("WK_TUI_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
