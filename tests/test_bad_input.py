"""Hostile and malformed files: one clear line naming file and line, exit 3, in every command.

Each input is judged by ``validate``, ``summary`` and ``export`` (the one loader), and
must give the same verdict: exit 3, one line ``file:line[:col]: message``, no traceback,
nothing modified.
"""

from __future__ import annotations

import os
import re
import tomllib

import pytest
import tomli_w
from cli_helpers import run_cli
from conftest import EXAMPLE, QUESTIONNAIRES

from wk_tui import cli, tomlpos
from wk_tui.files import load_session

HEAD = 'schema = "wk-tui-session/1"\nquestionnaire = "weltoffene-kommune"\n'

BAD_SESSIONS = {
    "date for a date-time": (HEAD + "updated = 2020-12-15\n", 3, "Datum mit Uhrzeit"),
    "schema superscript": ('schema = "wk-tui-session/²"\n', 1, "schema"),
    "no schema": ('questionnaire = "weltoffene-kommune"\n', 1, "schema"),
    "deep arrays": (HEAD + "x = " + "[" * 1200 + "]" * 1200 + "\n", 3, "zu tief verschachtelt"),
    "deep tables": (HEAD + "x = " + "{a = " * 1200 + "1" + "}" * 1200 + "\n", 3, "verschachtelt"),
    "unterminated string": (HEAD + 'name = "open\n', 3, "ungültiges TOML"),
    "unterminated at end": (HEAD + 'name = """open', 3, "ungültiges TOML"),
    "foreign share nan": (HEAD + "[municipality]\nforeign_share = nan\n", 4, "endliche Zahl"),
    "foreign share inf": (HEAD + "[municipality]\nforeign_share = -inf\n", 4, "endliche Zahl"),
    "questionnaire path": (
        'schema = "wk-tui-session/1"\nquestionnaire = "../../etc/x"\n',
        2,
        "keine ID",
    ),
    "questionnaire absolute": (
        'schema = "wk-tui-session/1"\nlanguage = "de"\nquestionnaire = "/any/dir/x"\n',
        3,
        "keine ID",
    ),
}


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("name", "case"), BAD_SESSIONS.items(), ids=list(BAD_SESSIONS))
def test_every_command_gives_one_line_with_file_and_line(tmp_path, capsys, name, case):
    content, line, words = case
    path = tmp_path / "bad.toml"
    path.write_text(content, "utf-8")
    before = path.read_bytes()
    for argv in (
        ["validate", str(path)],
        ["summary", str(path)],
        ["summary", "--json", str(path)],
        ["export", str(path), "--format", "md"],
        ["export", str(path), "--format", "json"],
    ):
        code, out, err = run(argv, capsys)
        assert code == 3, (argv, out, err)
        first = err.splitlines()[0]
        assert re.search(rf"{re.escape(str(path))}:{line}\b", first), (argv, err)
        assert words in err and "Traceback" not in err
        assert out == "" or argv[0] == "validate"
    assert path.read_bytes() == before


def test_the_tui_loader_agrees(tmp_path):
    from wk_tui.errors import WkError
    from wk_tui.session_store import SessionStore

    for name, (content, line, _) in BAD_SESSIONS.items():
        path = tmp_path / f"{len(name)}-{name.replace(' ', '-')}.toml"
        path.write_text(content, "utf-8")
        with pytest.raises(WkError) as info:
            SessionStore.open(path)
        assert info.value.line == line, name


def hostile_questionnaire(tmp_path, weight: str):
    text = (QUESTIONNAIRES / "weltoffene-kommune.de.toml").read_text("utf-8")
    text = re.sub(r"(\[\[fields\]\]\n)", rf"\1weight = {weight}\n", text, count=1)
    q = tmp_path / "q.toml"
    q.write_text(text, "utf-8")
    return q, text[: text.index(f"weight = {weight}")].count("\n") + 1


@pytest.mark.parametrize("weight", ["nan", "inf", "-inf", "1e308", "0", "-1"])
def test_non_finite_or_absurd_weights_are_rejected(tmp_path, capsys, weight):
    q, line = hostile_questionnaire(tmp_path, weight)
    session = tmp_path / "s.toml"
    session.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    for argv in (
        ["validate", str(q)],
        ["summary", "--json", str(session), "--questionnaire", str(q)],
        ["export", str(session), "--questionnaire", str(q), "--format", "json"],
    ):
        code, out, err = run(argv, capsys)
        assert code == 3, (argv, out, err)
        assert f"{q}:{line}" in err and "weight" in err
        assert "NaN" not in out and "nan %" not in out


def test_questionnaire_id_must_be_a_slug(tmp_path, capsys):
    text = (QUESTIONNAIRES / "weltoffene-kommune.de.toml").read_text("utf-8")
    text = re.sub(r'(?m)^id = "weltoffene-kommune"', 'id = "../../x"', text, count=1)
    q = tmp_path / "q.toml"
    q.write_text(text, "utf-8")
    code, _, err = run(["validate", str(q)], capsys)
    assert code == 3 and "Kleinbuchstaben" in err and f"{q}:" in err


def test_utf8_bom_is_accepted(tmp_path, capsys):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    code, out, err = run(["validate", str(path)], capsys)
    assert code == 0, err
    session, _ = load_session(path)
    assert session.municipality.name


def test_oversized_file_is_refused_before_reading(tmp_path, capsys, monkeypatch):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as fh:
        fh.truncate(tomlpos.MAX_BYTES + 1)  # sparse: costs no disk
    reads = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda p, *a, **k: reads.append(p) or real_open(p, *a, **k))
    code, _, err = run(["summary", str(path)], capsys)
    assert code == 3 and "zu groß" in err and f"{path}" in err
    assert str(path) not in map(str, reads)


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    for command in ("validate", "summary", "export"):
        result = run_cli(command, str(fifo), timeout=30)  # before: blocked forever in open()
        assert result.returncode == 3
        assert "keine normale Datei" in result.stderr and str(fifo) in result.stderr


def test_many_problems_are_located_in_one_pass(tmp_path, monkeypatch):
    """20,000 bad values: one index of the file, not one scan per problem."""
    doc = tomllib.loads(EXAMPLE.read_text("utf-8"))
    doc["ratings"] = {f"hf1.x{i}": {"value": "super"} for i in range(20_000)}
    path = tmp_path / "many.toml"
    path.write_text(tomli_w.dumps(doc), "utf-8")
    passes = []
    real_index = tomlpos._index
    monkeypatch.setattr(tomlpos, "_index", lambda text: passes.append(1) or real_index(text))
    from wk_tui.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        load_session(path)
    problems = info.value.problems
    assert len(problems) >= 20_000
    assert len(passes) == 1  # one linear pass for 20,000 positions
    text = path.read_text("utf-8").splitlines()
    last = problems[19_999]
    assert text[last.line - 1].startswith("value") and "x19999" in text[last.line - 2]


def test_long_dotted_key_is_located_in_linear_work(tmp_path):
    key = ".".join(f"k{i}" for i in range(20_000))
    text = HEAD + f"{key} = 1\n"
    where, _ = tomlpos._index(text)
    assert len(where) <= 4  # the key and its first part, not 20,000 prefixes
    assert tomlpos.locate(text, ("k0",)) == (3, 1)


def test_lone_surrogates_are_refused_when_entered(tmp_path):
    import shutil

    from wk_tui import editing
    from wk_tui.errors import WkError
    from wk_tui.session_store import SessionStore

    path = tmp_path / "s.toml"
    shutil.copyfile(EXAMPLE, path)
    store = SessionStore.open(path)
    cid = store.questionnaire.criteria[0].id
    before = (store.session.note(cid), store.revision, len(store.undo_stack))
    with pytest.raises(WkError, match="cannot be stored"):
        store.set_note(cid, "Zwischenstand \udcfc")  # a Latin-1 byte through surrogateescape
    setter = next(f for f in vars(editing).values() if callable(f) and f in editing.SECTION)
    with pytest.raises(WkError, match="cannot be stored"):
        store.edit(setter, "\ud800")
    assert (store.session.note(cid), store.revision, len(store.undo_stack)) == before
    store.set_note(cid, "fine")
    assert store.flush()
    store.close()
    assert load_session(path)[0].note(cid) == "fine"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("de", 'schema: fehlt (erwartet "wk-tui-session/1")'),
        ("en", 'schema: missing (expected "wk-tui-session/1")'),
    ],
)
def test_a_missing_schema_says_missing_not_none(tmp_path, capsys, lang, expected):
    """An empty file or one without ``schema``: no Python ``None`` in the message."""
    for content in ("", 'questionnaire = "weltoffene-kommune"\n'):
        path = tmp_path / "s.toml"
        path.write_text(content, "utf-8")
        code, _, err = run(["summary", str(path), "--lang", lang], capsys)
        assert code == 3
        assert err.strip().endswith(f"{path}:1:1: {expected}"), err
        assert "None" not in err
