"""Our themes, registered on top of Textual's, and the colours the presentation uses."""

from __future__ import annotations

from rich.terminal_theme import TerminalTheme
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

#: The presentation's theme: black on white with dark accents, every text colour at
#: least 4.5:1 (WCAG AA) against the background, surface and panel (a test checks it).
PRESENT = Theme(
    name="wk-present",
    primary="#003A8C",
    secondary="#0050B3",
    accent="#6B1E8A",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#F0F0F0",
    success="#0B5D1E",
    warning="#7A4100",
    error="#A8071A",
    dark=False,
    variables={"text-muted": "#3D3D3D"},
)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


#: ANSI colours (Rich's "yellow", "green", …) on light themes. Textual's default maps
#: them to light tones (yellow 2.8:1 and green 4.2:1 on white); these are dark enough
#: for 4.5:1 on white and on the projector's panel grey.
LIGHT_ANSI = TerminalTheme(
    _rgb("#FFFFFF"),
    _rgb("#000000"),
    [
        _rgb(c)
        for c in (
            "#000000",  # black
            "#A8071A",  # red
            "#135200",  # green
            "#7A4100",  # yellow
            "#003A8C",  # blue
            "#6B1E8A",  # magenta
            "#005F6B",  # cyan
            "#4D4D4D",  # white (on a light background: dark grey)
        )
    ],
    [
        _rgb(c)
        for c in (
            "#262626",
            "#8C0616",
            "#0B5D1E",
            "#874D00",
            "#0050B3",
            "#5A1874",
            "#00515C",
            "#3D3D3D",
        )
    ],
)

THEMES = (CALM_DARK, PROJECTOR)
DEFAULT_THEME = CALM_DARK.name


def palette(theme: Theme) -> dict[str, str]:
    """The presentation's colours from ``theme``: text colours and backgrounds (hex)."""
    dark = theme.dark
    fg = theme.foreground or ("#E0E0E0" if dark else "#000000")
    bg = theme.background or ("#121212" if dark else "#FFFFFF")
    return {
        "fg": fg,
        "muted": theme.variables.get("text-muted", fg),
        "primary": theme.primary,
        "ja": theme.success or fg,
        "eher_ja": theme.success or fg,
        "eher_nein": theme.warning or fg,
        "nein": theme.error or fg,
        "keine_einschaetzung": fg,
        "bg": bg,
        "panel": theme.panel or bg,
    }


#: Keys of :func:`palette` that are backgrounds; every other key is a text colour.
BACKGROUNDS = ("bg", "panel")
