"""While fewer than half of the criteria are rated, the verdict says plainly that it is
provisional and how much is rated, and does not look final."""

from __future__ import annotations

import pytest
from tui_helpers import app_for, empty_session, screen_text

from wk_tui.questionnaire import bundled
from wk_tui.scoring import score
from wk_tui.screens.widgets.sidebar import VerdictSidebar


def styles_of(text, needle: str) -> set[str]:
    """The styles of the spans that cover ``needle`` in a Rich Text."""
    start = text.plain.index(needle)
    return {str(s.style) for s in text.spans if s.start <= start < s.end}


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
        sidebar = app.screen.query_one(VerdictSidebar)
        rendered = sidebar.render()
        assert "bold yellow" in styles_of(rendered, early)
        label = app.result.band.label
        assert "dim italic" in styles_of(rendered, label)  # the sentence does not look final
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
        rendered = app.screen.query_one(VerdictSidebar).render()
        assert early not in rendered.plain
        assert early.split(" · ")[0] in rendered.plain  # "vorläufig" / "provisional"
        assert not any("dim" in s for s in styles_of(rendered, app.result.band.label))
