"""Helpers for the Pilot tests."""

from __future__ import annotations

import re
import shutil
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import tomli_w
from conftest import EXAMPLE

from wk_tui.files import new_session, save_session
from wk_tui.screens.app import WkApp, create_app


def empty_session(tmp_path: Path, name: str = "Musterstadt", lang: str = "de") -> Path:
    path = tmp_path / "session.toml"
    save_session(new_session("weltoffene-kommune", lang, name), path)
    return path


def example_session(tmp_path: Path) -> Path:
    path = tmp_path / "dessau.toml"
    shutil.copyfile(EXAMPLE, path)
    return path


def app_for(path: Path, **kwargs) -> WkApp:
    return create_app(path, config={}, **kwargs)


def screen_text(app: WkApp) -> str:
    """What the terminal shows, as plain text lines (parsed from the SVG screenshot)."""
    return svg_text(app.export_screenshot())


def svg_text(svg: str) -> str:
    """The plain text lines of an SVG screenshot."""
    root = ET.fromstring(svg)
    rows: dict[float, list[tuple[float, str]]] = {}
    for el in root.iter("{http://www.w3.org/2000/svg}text"):
        if el.text is None or "x" not in el.attrib or "y" not in el.attrib:
            continue
        rows.setdefault(float(el.attrib["y"]), []).append((float(el.attrib["x"]), el.text))
    lines = ["".join(t for _, t in sorted(parts)) for _, parts in sorted(rows.items())]
    return "\n".join(line.replace("\u00a0", " ") for line in lines if line.strip())


def screen_style(app: WkApp, needle: str) -> str:
    """How the terminal draws the first run of text that contains ``needle``: the CSS of
    its class in the SVG screenshot (``fill``, ``font-weight``, ``font-style``)."""
    svg = app.export_screenshot()
    rules = dict(re.findall(r"\.(terminal-\d+-r\d+) \{([^}]*)\}", svg))
    for el in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"):
        if el.text is not None and needle in el.text.replace("\u00a0", " "):
            return rules[el.attrib["class"]].strip()
    raise AssertionError(f"{needle!r} is not shown")


def bundled_questionnaire() -> dict:
    """The bundled German questionnaire as TOML data, for a test to change."""
    path = Path(__file__).parent.parent / "data" / "questionnaires" / "weltoffene-kommune.de.toml"
    return tomllib.loads(path.read_text("utf-8"))


def app_with_questionnaire(tmp_path: Path, doc: dict, field: str) -> WkApp:
    """An empty session of questionnaire ``doc`` (written beside it), opened on ``field``."""
    q = tmp_path / f"{doc['id']}.de.toml"
    q.write_text(tomli_w.dumps(doc), "utf-8")
    path = tmp_path / "session.toml"
    save_session(new_session(doc["id"], "de", "Musterstadt"), path)
    return create_app(path, questionnaire=q, config={}, field=field)


DATA = Path(__file__).parent / "data"
LONG_Q = DATA / "long-details.questionnaire.toml"


def long_details_app(tmp_path: Path, **kwargs) -> WkApp:
    """A session whose first criterion has a long suggestion (rated nein) and a long note."""
    path = tmp_path / "long.toml"
    shutil.copyfile(DATA / "long-details.toml", path)
    return create_app(path, questionnaire=LONG_Q, config={}, **kwargs)


def record_toasts(app: WkApp) -> list[str]:
    """The texts of the app's toasts (``app.say``), recorded as they are said."""
    said: list[str] = []
    real_say = app.say
    app.say = lambda message, **kw: said.append(message) or real_say(message, **kw)
    return said
