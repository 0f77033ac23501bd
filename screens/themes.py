"""Two themes of our own, registered on top of Textual's."""

from __future__ import annotations

from textual.theme import Theme

CALM_DARK = Theme(
    name="wk-calm",
    primary="#5E81AC",
    secondary="#81A1C1",
    accent="#88C0D0",
    foreground="#E5E9F0",
    background="#1F2430",
    surface="#272D3A",
    panel="#313847",
    success="#A3BE8C",
    warning="#EBCB8B",
    error="#BF616A",
    dark=True,
)

PROJECTOR = Theme(
    name="wk-projector",
    primary="#003A8C",
    secondary="#0050B3",
    accent="#A8071A",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E8E8E8",
    success="#135200",
    warning="#874D00",
    error="#A8071A",
    dark=False,
    variables={"text-muted": "#262626", "footer-key-foreground": "#003A8C"},
)

THEMES = (CALM_DARK, PROJECTOR)
DEFAULT_THEME = CALM_DARK.name
