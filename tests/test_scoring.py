"""Scoring: the Dessau-Roßlau acceptance figures and edge cases."""

from __future__ import annotations

import pytest
from conftest import EXAMPLE, SYMBOL_TO_VALUE, seed_rows

from wk_tui.files import load_session
from wk_tui.questionnaire import bundled
from wk_tui.scoring import result_json, score


@pytest.fixture(scope="module")
def q():
    return bundled("weltoffene-kommune", "de")


def seed_values(q) -> dict[str, str]:
    crits = q.criteria
    return {c.id: SYMBOL_TO_VALUE[row[3]] for c, row in zip(crits, seed_rows(), strict=True)}


def test_dessau_rosslau_acceptance(q):
    result = score(q, seed_values(q))
    assert [round(fr.score, 1) for fr in result.fields] == [
        58.3,
        77.8,
        91.7,
        66.7,
        44.4,
        77.8,
        58.3,
    ]
    assert round(result.score, 1) == 67.9
    assert result.band.label == "Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten."
    assert not result.provisional
    assert (
        result.counts.rated,
        result.counts.counted,
        result.counts.unknown,
        result.counts.open,
    ) == (34, 33, 1, 0)


def test_example_session_matches_seed(q):
    session, q2 = load_session(EXAMPLE)
    assert session.values(q2) == seed_values(q)
    data = result_json(score(q2, session.values(q2)))
    assert data["overall"] == {
        "score": 67.86,
        "band": "advanced",
        "label": "Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten.",
        "provisional": False,
        "rated": 34,
        "counted": 33,
        "unknown": 1,
        "open": 0,
    }
    assert [f["score"] for f in data["fields"]] == [58.33, 77.78, 91.67, 66.67, 44.44, 77.78, 58.33]
    assert data["fields"][1] == {
        "id": "hf2",
        "title": "Fairer Zugang und Teilhabechancen",
        "score": 77.78,
        "band": "open_minded",
        "label": "Die Kommune ist weltoffen aufgestellt.",
        "rated": 10,
        "counted": 9,
        "unknown": 1,
        "open": 0,
    }


def test_empty_session_has_no_score_and_is_provisional(q):
    result = score(q, {})
    assert result.score is None and result.band is None
    assert result.provisional
    assert result.counts.open == 34 and result.counts.rated == 0
    assert all(fr.score is None for fr in result.fields)
    data = result_json(result)
    assert data["overall"]["score"] is None and data["overall"]["label"] is None


def test_all_no_assessment_counts_as_rated_but_gives_no_score(q):
    result = score(q, {c.id: "keine_einschaetzung" for c in q.criteria})
    assert result.score is None
    assert not result.provisional  # – is an answer
    assert result.counts.unknown == 34 and result.counts.counted == 0


def test_one_field_only_is_the_overall_score(q):
    hf3 = q.field("hf3")
    values = {c.id: "nein" for c in hf3.criteria}
    values[hf3.criteria[0].id] = "ja"
    result = score(q, values)
    assert result.field("hf3").score == pytest.approx(25.0)
    assert result.score == pytest.approx(25.0)
    assert result.band.id == "on_the_way"  # 25 belongs to [25, 50)
    assert result.provisional
    assert result.field("hf1").score is None


def test_band_edges(q):
    assert q.band_for(0).id == "set_out"
    assert q.band_for(24.99).id == "set_out"
    assert q.band_for(50).id == "advanced"
    assert q.band_for(75).id == "open_minded"
    assert q.band_for(100).id == "open_minded"


def test_weights_change_the_overall_mean(q):
    values = {c.id: "ja" for c in q.field("hf1").criteria}
    values.update({c.id: "nein" for c in q.field("hf2").criteria})
    assert score(q, values).score == pytest.approx(50.0)
    fields = list(q.fields)
    fields[0] = fields[0].replace(weight=3.0)
    heavy = q.replace(fields=tuple(fields))
    assert score(heavy, values).score == pytest.approx(75.0)


#: The four levels of the original evaluation sheet (../shared/reference/verdict-levels.md).
ORIGINAL_LEVELS = [
    ("set_out", 0, 25, "Die Kommune hat sich auf den Weg zur Weltoffenheit gemacht."),
    ("on_the_way", 25, 50, "Die Kommune ist auf dem Weg zur Weltoffenheit."),
    ("advanced", 50, 75, "Die Kommune ist auf dem Weg zur Weltoffenheit fortgeschritten."),
    ("open_minded", 75, 100, "Die Kommune ist weltoffen aufgestellt."),
]


def test_bands_are_the_four_levels_of_the_original(q):
    assert [(b.id, b.min, b.max, b.label) for b in q.bands] == ORIGINAL_LEVELS
    en = bundled("weltoffene-kommune", "en")
    assert [(b.id, b.min, b.max) for b in en.bands] == [lvl[:3] for lvl in ORIGINAL_LEVELS]
    assert [b.label for b in en.bands] == [
        "The municipality has set out on the path to openness to the world.",
        "The municipality is on the path to openness to the world.",
        "The municipality has advanced on the path to openness to the world.",
        "The municipality is set up as open to the world.",
    ]


@pytest.mark.parametrize(
    ("points", "level"), [(0, "set_out"), (1, "on_the_way"), (2, "advanced"), (3, "open_minded")]
)
def test_a_field_verdict_uses_the_same_four_levels(q, points, level):
    # hf1 has four criteria: 0, 1, 2 or 3 points on each → 0, 33.3, 66.7, 100 %.
    value = {0: "nein", 1: "eher_nein", 2: "eher_ja", 3: "ja"}[points]
    fr = score(q, {c.id: value for c in q.field("hf1").criteria}).field("hf1")
    assert fr.band.id == level
    assert fr.band.label.startswith("Die Kommune ")


def test_a_score_on_a_band_boundary_lands_in_the_band_it_shows():
    """33.3… and 66.6… average to 50 — in floating point 49.999…, which was band 2."""
    from wk_tui.questionnaire import bundled
    from wk_tui.scoring import score

    q = bundled("weltoffene-kommune", "de")
    f1, f2 = q.fields[0], q.fields[1]
    values = {}
    # Field 1: one "eher nein" (1 of 3 points) → 33.3…; field 2: one "eher ja" → 66.6…
    values[f1.criteria[0].id] = "eher_nein"
    values[f2.criteria[0].id] = "eher_ja"
    result = score(q, values)
    assert result.score == 50.0
    assert result.band is not None and result.band.min == 50
