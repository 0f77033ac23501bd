"""While fewer than half of the criteria are rated, the verdict says plainly that it is
provisional and how much is rated, and does not look final."""

from __future__ import annotations

import pytest
from tui_helpers import app_for, empty_session, screen_style, screen_text

from wk_tui.questionnaire import bundled
from wk_tui.scoring import score
from wk_tui.screens.base import tr


def fill(css: str) -> str:
    """The text colour in a CSS rule of :func:`screen_style`."""
    return css.split("fill:")[1].split(";")[0].strip()


def counts_line(app) -> str:
    """The sidebar's counts line (drawn dimmed), as shown."""
    c = app.result.counts
    return tr(app.language, "counts", rated=c.rated, open=c.open, unknown=c.unknown)


def test_the_result_knows_when_it_is_early():
    q = bundled()
    ids = [c.id for c in q.criteria]
    assert score(q, {ids[0]: "ja"}).early
    half = {cid: "ja" for cid in ids[: len(ids) // 2]}
    assert not score(q, half).early and score(q, half).provisional
    less = dict(list(half.items())[:-1])
    r = score(q, less)
    assert r.early and (r.counts.rated, r.counts.total) == (len(ids) // 2 - 1, len(ids))


@pytest.mark.parametrize(
    ("lang", "early", "final"),
    [
        ("de", "vorläufig · 1 von 34 bewertet", "Die Kommune ist weltoffen aufgestellt."),
        ("en", "provisional · 1 of 34 rated", "The municipality is set up as open to the world."),
    ],
)
async def test_one_rating_is_shown_as_provisional_with_how_much_is_rated(
    tmp_path, lang, early, final
):
    app = app_for(empty_session(tmp_path, lang=lang), language=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert early in screen_text(app)
        label = app.result.band.label
        assert label == final  # the one rating is a "ja": the best band, yet not final
        other = app.result.fields[1]  # not the current field (drawn reversed)
        normal = fill(screen_style(app, other.field.title[:10]))
        yellow = fill(screen_style(app, f"{other.counts.open}○"))  # its open count
        warning = screen_style(app, early)
        assert "bold" in warning and fill(warning) == yellow != normal
        dimmed = screen_style(app, label[:15])  # the sentence does not look final
        assert "italic" in dimmed and fill(dimmed) == fill(screen_style(app, counts_line(app)))
        assert fill(dimmed) != normal
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert text.index(early) < text.index(label.split()[0])
        # Half rated: the usual verdict (still provisional while anything is open).
        await pilot.press("left_square_bracket")
        for c in app.q.criteria[:17]:
            app.store.rate(c.id, "ja")
        await pilot.pause()
        assert not app.result.early and app.result.provisional
        text = screen_text(app)
        assert early not in text
        assert early.split(" · ")[0] in text  # "vorläufig" / "provisional"
        sentence = screen_style(app, app.result.band.label[:15])
        assert fill(sentence) == normal and "italic" not in sentence  # no longer dimmed
