"""The parse cache of big questionnaires: served only for the same bytes, never stale."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from wk_tui import qcache
from wk_tui.errors import WkError
from wk_tui.questionnaire import load_questionnaire

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import gen  # noqa: E402


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = gen.generate_questionnaire(tmp_path, 60, 20)  # 1,200 criteria, > MIN_BYTES
    assert path.stat().st_size >= qcache.MIN_BYTES
    return path


def entries() -> list[Path]:
    return sorted(qcache.cache_dir().glob("*.pickle"))


def test_second_load_comes_from_the_cache_and_equals_a_parse(big: Path, monkeypatch):
    first = load_questionnaire(big)
    assert len(entries()) == 1
    calls = []
    real = qcache.pickle.loads
    monkeypatch.setattr(qcache.pickle, "loads", lambda b: calls.append(1) or real(b))
    second = load_questionnaire(big)
    assert calls == [1]
    assert second == first and second.criterion("hf3.c4").title == first.criterion("hf3.c4").title
    assert oct(qcache.cache_dir().stat().st_mode & 0o777) == "0o700"


def test_edit_with_same_size_and_mtime_is_not_served_stale(big: Path):
    load_questionnaire(big)
    st = big.stat()
    text = big.read_text("utf-8").replace("Kriterium 1.1:", "Kriterium 1.X:", 1)
    assert len(text.encode()) == st.st_size
    big.write_text(text, "utf-8")
    os.utime(big, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert load_questionnaire(big).criterion("hf1.c1").title.startswith("Kriterium 1.X:")


def test_invalid_file_is_never_cached(big: Path):
    big.write_text(big.read_text("utf-8").replace('id = "hf2"', "id = 17", 1), "utf-8")
    for _ in range(2):
        with pytest.raises(WkError):
            load_questionnaire(big)
    assert entries() == []


def test_untrusted_or_corrupt_entries_are_ignored(big: Path):
    load_questionnaire(big)
    (entry,) = entries()
    entry.chmod(0o666)  # writable by others: never unpickled
    entry.write_bytes(b"not a pickle")
    assert len(load_questionnaire(big).criteria) == 1200
    entry.chmod(0o600)
    entry.write_bytes(b"still not a pickle")
    assert len(load_questionnaire(big).criteria) == 1200


def test_small_files_are_not_cached(tmp_path: Path):
    path = gen.generate_questionnaire(tmp_path, 2, 3)
    load_questionnaire(path)
    assert entries() == []
