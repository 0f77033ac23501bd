"""Respondents, merge, consensus and spread (core and ``wk-tui merge`` as a subprocess)."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from cli_helpers import run_cli
from conftest import EXAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from wk_tui.editing import set_respondent
from wk_tui.errors import WkError
from wk_tui.files import dumps, load_session, new_session, save_session
from wk_tui.questionnaire import bundled
from wk_tui.team import (
    consensus,
    disagreements,
    distribution,
    field_disagreement,
    merge_files,
    spread,
)

Q = bundled("weltoffene-kommune", "de")
K = "keine_einschaetzung"


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["ja"], "ja"),
        (["ja", "nein", "eher_ja"], "eher_ja"),  # odd: 0 2 3 → 2
        (["ja", "nein", "nein", "eher_nein", "ja"], "eher_nein"),  # 0 0 1 3 3 → 1
        (["ja", "nein"], "nein"),  # even: 0 3 → the lower middle, 0
        (["ja", "eher_ja", "eher_nein", "nein"], "eher_nein"),  # 0 1 2 3 → 1
        (["ja", "ja", "eher_ja", "eher_ja"], "eher_ja"),  # 2 2 3 3 → 2
        (["ja", K, "nein", K, K], "nein"),  # – is not counted: 0 3 → 0
        (["ja", K, "eher_ja"], "eher_ja"),  # 2 3 → 2
        (["eher_ja", K, None], "eher_ja"),  # one counted answer
        ([K, K], K),  # answered, nothing counted
        ([K, None], K),
        ([None, None], None),  # nobody answered: unrated
        ([], None),
    ],
)
def test_consensus_median_rule(values, expected):
    assert consensus(values, Q) == expected


@pytest.mark.parametrize(
    ("values", "expected", "flagged"),
    [
        (["ja", "ja"], 0, False),
        (["ja", "eher_ja", K], 1, False),
        (["ja", "eher_nein"], 2, True),
        (["nein", K, "ja", None], 3, True),
        ([K, None], None, False),
    ],
)
def test_spread_and_flag(values, expected, flagged):
    assert spread(values, Q) == expected
    assert (expected is not None and expected >= 2) is flagged


def test_distribution_counts_every_symbol():
    counts = distribution(["ja", "ja", K, None, "nein"], Q)
    assert counts == {"ja": 2, "eher_ja": 0, "eher_nein": 0, "nein": 1, K: 1, "": 1}


# --------------------------------------------------------------------------- files


def respondent_file(folder: Path, name: str, ratings: dict, who: str = "", role: str = ""):
    session = new_session("weltoffene-kommune", "de", "Musterstadt", who)
    session.respondent.role = role
    for cid, value in ratings.items():
        session.set_rating(cid, value)
    session.created = session.updated = None  # deterministic inputs
    if ratings:
        for r in session.ratings.values():
            r.updated = None
    path = folder / name
    save_session(session, path)
    return path


@pytest.fixture
def three(tmp_path):
    a = respondent_file(
        tmp_path, "anna.toml", {"hf1.steuerung": "ja", "hf1.monitoring": "nein"}, "Anna", "AL"
    )
    b = respondent_file(tmp_path, "b.toml", {"hf1.steuerung": "nein", "hf1.monitoring": K})
    c = respondent_file(
        tmp_path, "carl.toml", {"hf1.steuerung": "eher_ja", "hf1.monitoring": "nein"}, "Carl"
    )
    return a, b, c


def test_respondent_round_trip(tmp_path):
    path = respondent_file(tmp_path, "x.toml", {}, "Anna Müller", "Integrationsbeauftragte")
    text = path.read_text("utf-8")
    assert '[respondent]\nname = "Anna Müller"\nrole = "Integrationsbeauftragte"' in text
    session, _ = load_session(path)
    assert session.respondent.name == "Anna Müller"
    save_session(session, path)
    assert path.read_text("utf-8") == text


@settings(max_examples=40, deadline=None)
@given(
    name=st.text(max_size=30),
    role=st.text(max_size=20),
    dept=st.text(max_size=20),
    extra=st.dictionaries(st.sampled_from(["phone", "mail"]), st.text(max_size=10), max_size=2),
)
def test_respondent_survives_any_text(tmp_path_factory, name, role, dept, extra):
    path = tmp_path_factory.mktemp("r") / "s.toml"
    session = new_session("weltoffene-kommune", "de", "X", name)
    session.respondent.role, session.respondent.department = role, dept
    session.respondent.extra = dict(extra)
    save_session(session, path)
    again, _ = load_session(path)
    assert again.respondent == session.respondent


def test_merge_provenance_consensus_and_spread(three, tmp_path):
    out = tmp_path / "team.toml"
    merged = merge_files(three, out)
    doc = tomllib.loads(out.read_text("utf-8"))
    # Consensus in the normal ratings: 0 2 3 → eher_ja; nein nein – → nein.
    assert doc["ratings"]["hf1.steuerung"]["value"] == "eher_ja"
    assert doc["ratings"]["hf1.monitoring"]["value"] == "nein"
    assert "hf2.bildung" not in doc["ratings"]  # nobody answered: unrated
    people = doc["team"]["respondents"]
    assert [p["name"] for p in people] == ["Anna", "b.toml", "Carl"]  # file name when none
    assert people[0]["role"] == "AL" and people[0]["file"] == "anna.toml"
    assert people[1]["values"] == {"hf1.steuerung": "nein", "hf1.monitoring": K}
    assert doc["team"]["consensus"] == "median-lower"
    # The merged file is a normal session: it loads, scores and round-trips.
    session, q = load_session(out)
    assert session.team == merged.team
    assert dumps(session) == out.read_text("utf-8")
    rows = disagreements(session, q)
    assert rows[0].cid == "hf1.steuerung" and rows[0].spread == 3 and rows[0].flagged
    assert rows[0].values == ("ja", "nein", "eher_ja")
    assert rows[1].cid == "hf1.monitoring" and rows[1].spread == 0 and not rows[1].flagged
    assert field_disagreement(session, q)["hf1"] == (3, 1)
    assert field_disagreement(session, q)["hf2"] == (None, 0)


def test_merge_keeps_notes(tmp_path):
    a = respondent_file(tmp_path, "a.toml", {"hf1.steuerung": "ja"}, "A")
    session, _ = load_session(a)
    session.set_note("hf1.steuerung", "Gremium tagt monatlich")
    save_session(session, a)
    b = respondent_file(tmp_path, "b.toml", {"hf1.steuerung": "nein"}, "B")
    merge_files([a, b], tmp_path / "t.toml")
    merged, _ = load_session(tmp_path / "t.toml")
    assert merged.team.members[0].notes == {"hf1.steuerung": "Gremium tagt monatlich"}
    assert merged.value("hf1.steuerung") == "nein"  # even count: the lower middle


def test_merge_is_deterministic(three, tmp_path):
    merge_files(three, tmp_path / "one.toml")
    merge_files(three, tmp_path / "two.toml")
    merge_files(three, tmp_path / "one.toml", force=True)
    assert (tmp_path / "one.toml").read_bytes() == (tmp_path / "two.toml").read_bytes()


def test_merge_of_the_example_is_byte_identical(tmp_path):
    a = tmp_path / "a.toml"
    shutil.copyfile(EXAMPLE, a)
    b = tmp_path / "b.toml"
    b.write_text(EXAMPLE.read_text("utf-8").replace('value = "ja"', 'value = "nein"'), "utf-8")
    english = {"LC_ALL": "en_US.UTF-8"}  # the summary line below is asserted in English
    first = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "t1.toml"), env=english)
    second = run_cli("merge", str(a), str(b), "-o", str(tmp_path / "t2.toml"))
    assert first.returncode == 0 and second.returncode == 0, first.stderr
    assert (tmp_path / "t1.toml").read_bytes() == (tmp_path / "t2.toml").read_bytes()
    assert "2 respondents merged" in first.stderr
    report = run_cli("export", str(tmp_path / "t1.toml"), "--format", "md")
    assert report.returncode == 0, report.stderr
    assert "### Abweichungen im Team" in report.stdout
    assert "| Kriterium | Spanne | ✓ | (✓) | (✘) | ✘ | – |" in report.stdout
    # hf1.stellenwert: ja in a, nein in b → spread 3, one ✓ and one ✘.
    assert (
        "| Stellenwert von Weltoffenheit in Politik und Verwaltung (Handlungsfeld 1) | 3 | 1 | 0 | 0 | 1 | 0 |"
        in (report.stdout)
    )


def test_mismatched_questionnaire_is_refused(three, tmp_path):
    other = tmp_path / "other.toml"
    text = (
        three[1]
        .read_text("utf-8")
        .replace('questionnaire = "weltoffene-kommune"', 'questionnaire = "anderer-check"')
    )
    other.write_text(text, "utf-8")
    out = run_cli("merge", str(three[0]), str(other), "-o", str(tmp_path / "t.toml"))
    assert out.returncode == 3
    assert f"{other}:2:" in out.stderr and "anderer-check" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "t.toml").exists()


def test_output_that_is_an_input_is_refused(three, tmp_path):
    before = three[0].read_bytes()
    link = tmp_path / "same.toml"
    link.hardlink_to(three[0])  # another name, the same file
    for target in (three[0], link):
        out = run_cli("merge", str(three[0]), str(three[1]), "-o", str(target), "--force")
        assert out.returncode == 3
        assert "die Ausgabe ist eine der Eingaben" in out.stderr  # German: no LANG=en set
    assert three[0].read_bytes() == before


def test_an_input_named_twice_is_refused(three, tmp_path):
    """The same respondent twice would count twice in the median: refused, nothing written."""
    link = tmp_path / "again.toml"
    link.hardlink_to(three[1])  # another name, the same file
    for again in (three[1], link):
        out = run_cli(
            "merge", str(three[0]), str(three[1]), str(again), "-o", str(tmp_path / "t.toml")
        )
        assert out.returncode == 3
        assert out.stderr.strip().splitlines() == [
            f"wk-tui: Fehler: {again}: ist mehrfach angegeben; jede Datei zählt nur einmal"
        ]
        assert not (tmp_path / "t.toml").exists()


def test_existing_output_needs_force_and_merged_inputs_are_refused(three, tmp_path):
    out = tmp_path / "t.toml"
    merge_files(three, out)
    with pytest.raises(WkError, match="--force"):
        merge_files(three, out)
    with pytest.raises(WkError, match="already a merged session"):
        merge_files([three[0], out], tmp_path / "u.toml")


def test_bad_team_table_names_file_and_line(three, tmp_path):
    out = tmp_path / "t.toml"
    merge_files(three, out)
    text = out.read_text("utf-8").replace('"hf1.steuerung" = "nein"', '"hf1.steuerung" = "jein"')
    out.write_text(text, "utf-8")
    res = run_cli("validate", str(out))
    assert res.returncode == 3
    line = text.splitlines().index('"hf1.steuerung" = "jein"') + 1
    assert f"{out}:{line}:" in res.stderr and "jein" in res.stderr


def test_new_session_with_respondent(tmp_path):
    from wk_tui.session_store import SessionStore

    store = SessionStore.create_new(tmp_path / "n.toml", "Musterstadt", respondent="Anna")
    store.close()
    assert '[respondent]\nname = "Anna"' in (tmp_path / "n.toml").read_text("utf-8")
    store = SessionStore.open(tmp_path / "n.toml")
    store.edit(set_respondent, "Anna", " AL ", "Amt 50")
    revision = store.revision
    store.edit(set_respondent, "Anna", "AL", "Amt 50")  # no change: no new revision
    assert store.revision == revision
    store.close()
    session, _ = load_session(tmp_path / "n.toml")
    assert (session.respondent.role, session.respondent.department) == ("AL", "Amt 50")
    store = SessionStore.open(tmp_path / "n.toml")
    store.edit(set_respondent, "Bea", "", "")
    assert store.undo() == "respondent"
    assert store.session.respondent.name == "Anna"
    store.close()


def test_cli_new_accepts_respondent():
    out = run_cli("new", "--help")
    assert "--respondent NAME" in out.stdout


def test_chooser_rows_carry_each_fields_disagreement(three, tmp_path):
    from wk_tui.workshop import chooser

    out = tmp_path / "team.toml"
    merge_files(three, out)
    session, q = load_session(out)
    rows = {c.field.id: c for c in chooser(q, session)}
    assert (rows["hf1"].spread, rows["hf1"].flagged) == (3, 1)
    assert (rows["hf2"].spread, rows["hf2"].flagged) == (None, 0)
    single, q = load_session(three[0])
    assert all(c.spread is None and c.flagged == 0 for c in chooser(q, single))
