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


#: Temporary folders made by :func:`demo_copy` in this process.
_DEMO_FOLDERS: list[Path] = []


def demo_copy() -> Path:
    """A fresh temporary copy of the bundled example (the original is never modified).

    Its folder is removed by :func:`remove_demo_copies` when the app closes.
    """
    folder = Path(tempfile.mkdtemp(prefix="wk-tui-demo-"))
    _DEMO_FOLDERS.append(folder)
    target = folder / "dessau-rosslau-2020.toml"
    shutil.copyfile(example_path(), target)
    target.chmod(0o600)
    return target


def is_demo_copy(path: Path) -> bool:
    """Whether ``path`` lies in one of this process's temporary demo folders."""
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(folder.resolve()) for folder in _DEMO_FOLDERS)


def remove_demo_copies() -> None:
    """Delete the temporary folders of this process's demo copies (after the app closed)."""
    while _DEMO_FOLDERS:
        shutil.rmtree(_DEMO_FOLDERS.pop(), ignore_errors=True)
