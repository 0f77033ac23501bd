"""Where bundled data lives: inside the wheel (``wk_tui/data``) or in the checkout."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The bundled ``data/`` folder, from an installed wheel or from the checkout."""
    for candidate in (_HERE / "data", _HERE.parent / "data"):
        if (candidate / "questionnaires").is_dir():
            return candidate
    raise FileNotFoundError("bundled data folder not found (broken installation?)")


def questionnaire_path(qid: str, language: str) -> Path:
    return data_dir() / "questionnaires" / f"{qid}.{language}.toml"


def example_path(name: str = "dessau-rosslau-2020") -> Path:
    return data_dir() / "examples" / f"{name}.toml"


def demo_copy() -> Path:
    """A fresh temporary copy of the bundled example (the original is never modified)."""
    folder = Path(tempfile.mkdtemp(prefix="wk-tui-demo-"))
    target = folder / "dessau-rosslau-2020.toml"
    shutil.copyfile(example_path(), target)
    target.chmod(0o600)
    return target
