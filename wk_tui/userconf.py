"""Per-user state in the XDG directories: preferences, the recent-sessions list and the
last cursor position in each session."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

from .files import atomic_write
from .paths import is_demo_copy

APP = "wk-tui"
MAX_RECENT = 12


def config_dir() -> Path:
    override = os.environ.get("WK_TUI_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # only without an override (tests, CI)

    return Path(user_config_dir(APP))


def data_dir() -> Path:
    override = os.environ.get("WK_TUI_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir  # only without an override (tests, CI)

    return Path(user_data_dir(APP))


def state_dir() -> Path:
    """Where the recent-sessions list lives: the XDG *state* directory.

    ``WK_TUI_STATE_DIR`` overrides it; without that, an existing ``WK_TUI_DATA_DIR``
    override is honoured too (it held the list before), so set-ups that isolate wk-tui
    by one variable stay isolated.
    """
    override = os.environ.get("WK_TUI_STATE_DIR") or os.environ.get("WK_TUI_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_state_dir  # only without an override (tests, CI)

    return Path(user_state_dir(APP))


def load_config() -> dict:
    path = config_dir() / "config.toml"
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        # A missing or broken preferences file must never stop the program.
        return {}


def save_config(**changes: object) -> None:
    config = {**load_config(), **{k: v for k, v in changes.items() if v is not None}}
    path = config_dir() / "config.toml"
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # private, any umask
        import tomli_w  # only writers need it; the CLI reads the config on every start

        atomic_write(path, tomli_w.dumps(config).encode("utf-8"), keep_backup=False)
    except OSError:
        return  # preferences are best effort (read-only home, full disk)


def recent_sessions() -> list[dict]:
    """Most recent first: ``{"path": str, "name": str, "opened": iso-time}``."""
    try:
        items = json.loads(_recent_file().read_text("utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(items, list):
        return []
    return [i for i in items if isinstance(i, dict) and isinstance(i.get("path"), str)]


def remember(path: Path, name: str, opened: str) -> None:
    """Put ``path`` first in the recent list; a demo copy (removed on quit) is not listed."""
    if is_demo_copy(path):
        return
    path_s = str(Path(path).resolve())
    items = [i for i in recent_sessions() if i["path"] != path_s]
    items.insert(0, {"path": path_s, "name": name, "opened": opened})
    _write_state("recent.json", items[:MAX_RECENT])


def _recent_file() -> Path:
    """The recent list; one written by an older version in the data directory still counts."""
    path = state_dir() / "recent.json"
    if not path.exists() and not os.environ.get("WK_TUI_STATE_DIR"):
        old = data_dir() / "recent.json"
        if old.exists():
            return old
    return path


#: How many sessions' last cursor positions are kept (the oldest written is forgotten).
MAX_POSITIONS = 100


def last_position(path: Path) -> tuple[str, str] | None:
    """Where the cursor was when ``path`` was last closed: ``(field id, criterion id)``."""
    entry = _positions().get(str(Path(path).resolve()))
    if isinstance(entry, dict):
        field, criterion = entry.get("field"), entry.get("criterion")
        if isinstance(field, str) and isinstance(criterion, str):
            return field, criterion
    return None


def remember_position(path: Path, field: str, criterion: str) -> None:
    """Keep the cursor position of ``path`` (beside the recent list, keyed the same way)."""
    if is_demo_copy(path):
        return
    positions = _positions()
    key = str(Path(path).resolve())
    positions.pop(key, None)
    positions[key] = {"field": field, "criterion": criterion}  # the newest last
    _write_state("positions.json", dict(list(positions.items())[-MAX_POSITIONS:]))


def _write_state(name: str, data: object) -> None:
    target = state_dir() / name
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # private, any umask
        atomic_write(
            target,
            json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
            keep_backup=False,
        )
    except OSError:
        return  # the recent list and the positions are a convenience


def _positions() -> dict:
    try:
        items = json.loads((state_dir() / "positions.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return items if isinstance(items, dict) else {}
