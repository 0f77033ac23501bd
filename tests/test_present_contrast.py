"""Contrast (WCAG 2 relative luminance): every colour pair of the presentation, and the
rating colours of the projector theme, reach at least 4.5:1 (level AA for text)."""

from __future__ import annotations

import pytest
from present_helpers import present_app
from rich.color import Color
from textual.app import App
from tui_helpers import app_for, example_session

from wk_tui.screens.themes import BACKGROUNDS, LIGHT_ANSI, PRESENT, PROJECTOR, palette
from wk_tui.screens.widgets.criteria import SYMBOL_STYLE

AA = 4.5


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(Color.parse(colour).get_truecolor())


def test_the_formula_gives_the_numbers_of_the_issue():
    white = (255, 255, 255)
    assert ratio((0, 0, 0), white) == pytest.approx(21)
    textual_light = App().ansi_theme_light  # Textual's default for light themes
    # Textual's light ANSI colours, as the projector theme showed them before.
    assert ratio(tuple(Color.parse("yellow").get_truecolor(textual_light)), white) == pytest.approx(
        2.79, abs=0.01
    )
    assert ratio(tuple(Color.parse("green").get_truecolor(textual_light)), white) == pytest.approx(
        4.18, abs=0.01
    )


def test_every_text_colour_of_the_presentation_palette_on_every_background():
    colours = palette(PRESENT)
    texts = [k for k in colours if k not in BACKGROUNDS]
    low = {
        (t, b): round(ratio(rgb(colours[t]), rgb(colours[b])), 2)
        for t in texts
        for b in BACKGROUNDS
        if ratio(rgb(colours[t]), rgb(colours[b])) < AA
    }
    assert low == {}
    assert len(texts) >= 8


async def test_every_colour_pair_on_every_rendered_page(tmp_path):
    """Cell by cell: the foreground and background of what each page really shows."""
    path = example_session(tmp_path)
    app = present_app(path)
    pairs: dict[tuple, str] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # The verdict, the results, an action field with every rating, both workshops.
        for page in range(11):
            app.screen.go(page)
            await pilot.pause()
            width, height = app.size
            for y in range(height):
                for x in range(width):
                    style = app.screen.get_style_at(x, y)
                    assert not style.dim, (page, x, y)
                    if style.color is None or style.bgcolor is None:
                        continue
                    fg = style.color.get_truecolor(app.ansi_theme)
                    bg = style.bgcolor.get_truecolor(app.ansi_theme)
                    pairs.setdefault((tuple(fg), tuple(bg)), f"page {page + 1} at {x},{y}")
    assert len(pairs) >= 6  # text, muted, primary, the ratings, on white and panel
    low = {
        where: round(ratio(fg, bg), 2) for (fg, bg), where in pairs.items() if ratio(fg, bg) < AA
    }
    assert low == {}


def test_projector_rating_colours_on_its_backgrounds():
    """``wk-projector``: the rating styles (Rich ANSI names) through our light ANSI theme."""
    backgrounds = [PROJECTOR.background, PROJECTOR.surface, PROJECTOR.panel]
    low = {}
    for value, style in SYMBOL_STYLE.items():
        assert "dim" not in style.split(), value  # dim blends the text into the background
        colour = next((w for w in style.split() if w not in ("bold", "italic")), None)
        fg = (
            tuple(Color.parse(colour).get_truecolor(LIGHT_ANSI))
            if colour
            else rgb(PROJECTOR.foreground)
        )
        for bg in backgrounds:
            if ratio(fg, rgb(bg)) < AA:
                low[(value, bg)] = round(ratio(fg, rgb(bg)), 2)
    assert low == {}
    for name in ("foreground", "primary", "success", "warning", "error"):
        assert ratio(rgb(getattr(PROJECTOR, name)), rgb(PROJECTOR.background)) >= AA, name


async def test_the_app_uses_the_light_ansi_colours_with_the_projector_theme(tmp_path):
    app = app_for(example_session(tmp_path), field="hf5")
    app.config["theme"] = "wk-projector"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "wk-projector"
        assert app.ansi_theme is LIGHT_ANSI
