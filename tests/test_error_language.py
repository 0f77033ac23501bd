"""Every error a user can see has a German and an English text.

Errors are ``WkError(template, path, line, col, **params)``: the English template is the
key of :data:`wk_tui.errtext.ERRORS_DE`. A message built with an f-string cannot be
looked up, so it would stay English; these tests read the source and refuse that.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT
from test_cli_language import cli

from wk_tui.errors import WkError
from wk_tui.errtext import ERRORS_DE, TERMS_DE

#: The classes whose first argument is a message template.
ERROR_CLASSES = {"WkError", "SchemaTooNewError", "LockedError", "UsageError"}
#: WkError's own parameters: a template placeholder with one of these names cannot be filled.
RESERVED = {"message", "path", "line", "col", "prefix", "holder"}


def modules() -> list[str]:
    """Every module of the core and the UI (wk_tui/screens is a link to screens/)."""
    found = []
    for top in ("wk_tui", "screens"):
        for folder, dirs, files in os.walk(ROOT / top):  # does not follow the link
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            found += [str((Path(folder) / f).relative_to(ROOT)) for f in files if f.endswith(".py")]
    return sorted(found)


MODULES = modules()


def error_calls(tree: ast.AST):
    """(line, template node, keyword names) of every error raised or problem added."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in ERROR_CLASSES:
            message = node.args[0]
        elif name == "add" and len(node.args) >= 2:  # Problems.add(where, template, ...)
            message = node.args[1]
        else:
            continue
        yield node.lineno, message, {k.arg for k in node.keywords if k.arg}


def untranslated(relative: str) -> list[str]:
    found = []
    tree = ast.parse((ROOT / relative).read_text("utf-8"))
    for line, message, keywords in error_calls(tree):
        where = f"{relative}:{line}"
        if isinstance(message, ast.JoinedStr):
            found.append(f"{where}: an f-string message cannot be translated")
        elif isinstance(message, ast.Constant) and isinstance(message.value, str):
            if message.value not in ERRORS_DE:
                found.append(f"{where}: no German text for {message.value!r}")
            wanted = set(re.findall(r"{(\w+)}", message.value))
            if wanted & RESERVED or wanted - keywords:
                found.append(f"{where}: placeholders {wanted} vs. parameters {keywords}")
    for term in terms(tree):
        if term not in TERMS_DE:
            found.append(f"{relative}: no German text for the term {term!r}")
    return found


def terms(tree: ast.AST):
    """Fixed words put into messages: ``Term("...")`` and the session reader's labels."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        args = node.args[:1] if name == "Term" else node.args[2:3] if name == "_get" else []
        for arg in args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield arg.value


@pytest.mark.parametrize("relative", MODULES)
def test_every_error_has_a_german_text(relative):
    assert untranslated(relative) == []


def test_every_german_text_is_used():
    """No dead entries: each English template stands in the source (as one string)."""
    strings = set()
    for relative in MODULES:
        for node in ast.walk(ast.parse((ROOT / relative).read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
    assert sorted(set(ERRORS_DE) - strings) == []
    assert sorted(set(TERMS_DE) - strings) == []


def test_the_scan_sees_an_untranslated_error(tmp_path):
    """The scan itself: an f-string and an unknown template are both reported."""
    source = (
        "def f(p, x):\n"
        "    p.add(('a',), f'bad {x}')\n"
        "    raise WkError('not in the table {x}', x=x)\n"
    )
    tree = ast.parse(source)
    kinds = [type(m).__name__ for _, m, _ in error_calls(tree)]
    assert kinds == ["JoinedStr", "Constant"]
    assert len(MODULES) > 100 and "screens/room_launch.py" in MODULES


def test_every_template_has_both_languages():
    for english, german in ERRORS_DE.items():
        assert english.strip() and german.strip(), english
        assert german != english, f"not translated: {english!r}"
        names = set(re.findall(r"{(\w+)}", english))
        assert names == set(re.findall(r"{(\w+)}", german)), english
        values = {n: "X" for n in names}
        assert english.format(**values) and german.format(**values)  # both format


def test_room_team_and_compare_errors_on_the_command_line(tmp_path):
    a, b, room = tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "r"
    shutil.copyfile(EXAMPLE, a)
    other = EXAMPLE.read_text("utf-8").replace(
        'questionnaire = "weltoffene-kommune"', 'questionnaire = "anderer-bogen"'
    )
    b.write_text(other, "utf-8")
    room.mkdir()
    cases = [
        (
            ("merge", str(a), "-o", str(a)),
            f"{a}: die Ausgabe ist eine der Eingaben; bitte eine andere Datei wählen",
            f"{a}: the output is one of the inputs; choose another file",
        ),
        (
            ("room", str(room), "--json"),
            f"{room}: noch kein Raum: bitte mit --session ADMIN.toml starten",
            f"{room}: not a room yet: start it with --session ADMIN.toml",
        ),
        (
            ("room", str(room), "--session", str(a), "--fields", "hf9", "--json"),
            f"{a}: unbekanntes Handlungsfeld hf9 (bekannt sind: hf1, hf2,",
            f"{a}: unknown field hf9 (known: hf1, hf2,",
        ),
        (
            ("compare", str(a), str(b)),
            f"{b}: Fragebogen 'anderer-bogen' weicht von 'weltoffene-kommune' in {a} ab",
            f"{b}: questionnaire 'anderer-bogen' differs from 'weltoffene-kommune' of {a}",
        ),
        (
            ("aggregate", str(a)),
            f"{a}: kein Ordner (erwartet wird ein Ordner mit Sitzungsdateien)",
            f"{a}: not a folder (expected a folder of session files)",
        ),
    ]
    for args, german, english in cases:
        de = cli(*args, LANG="de_DE.UTF-8")
        assert de.returncode == 3 and de.stdout == "", (args, de.stderr)
        assert de.stderr.startswith("wk-tui: Fehler: ") and german in de.stderr, de.stderr
        assert "Traceback" not in de.stderr and de.stderr.count("\n") == 1
        en = cli(*args, LANG="en_US.UTF-8")
        assert en.returncode == 3 and english in en.stderr, en.stderr
        if "--json" in args:  # the commands with --lang: the flag beats the locale
            flagged = cli(*args, "--lang", "en", LANG="de_DE.UTF-8")
            assert english in flagged.stderr, flagged.stderr
    assert not (room / "room.toml").exists()  # nothing was created


def test_join_and_merge_messages_on_the_command_line(tmp_path):
    a, b, room = tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "r"
    shutil.copyfile(EXAMPLE, a)
    shutil.copyfile(EXAMPLE, b)
    made = cli("room", str(room), "--session", str(a), "--json")
    assert made.returncode == 0, made.stderr
    wrong = ("join", str(room), "--name", "X", "--code", "1", "--plain")
    de = cli(*wrong, LANG="de_DE.UTF-8")
    assert de.returncode == 3 and de.stderr.endswith("room.toml: falscher Raum-Code\n")
    en = cli(*wrong, "--lang", "en", LANG="de_DE.UTF-8")
    assert en.stderr.endswith("room.toml: wrong room code\n")
    team = tmp_path / "t.toml"
    merged = cli("merge", str(a), str(b), "-o", str(team), LANG="de_DE.UTF-8")
    assert merged.returncode == 0, merged.stderr
    assert merged.stderr == (
        f"wk-tui: {team}: 2 Befragte zusammengeführt, 0 Kriterien mit einer Spanne von 2 "
        "oder mehr\n"
    )
    again = cli("merge", str(team), "-o", str(tmp_path / "u.toml"), LANG="en_US.UTF-8")
    assert again.stderr == (
        f"wk-tui: error: {team}: is already a merged session; merge the respondents' own "
        "files instead\n"
    )


@pytest.mark.parametrize(
    ("strerror", "german"),
    [
        ("No such file or directory", "Datei oder Ordner nicht gefunden"),
        ("Permission denied", "keine Berechtigung"),
        ("No space left on device", "kein Speicherplatz mehr auf dem Gerät"),
        ("Read-only file system", "schreibgeschütztes Dateisystem"),
    ],
)
def test_the_systems_reason_reads_german_too(strerror, german):
    """Python's strerror is English whatever the locale: a German message says it in German."""
    exc = WkError("cannot write file: {error}", "/x/bericht.md", error=strerror)
    assert exc.text("de") == f"/x/bericht.md: Datei kann nicht geschrieben werden: {german}"
    assert exc.text("en") == f"/x/bericht.md: cannot write file: {strerror}"
