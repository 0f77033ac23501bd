"""The layers hold: the import contracts in pyproject.toml, checked by import-linter.

CI runs ``lint-imports`` too; running it here means a full test run catches a broken
contract before CI does. The failing contract's report is the assertion message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout
    # The contracts exist and see the UI (through the wk_tui/screens symlink).
    for name in ("one seam", "never imports Textual", "file formats", "export modules"):
        assert name in out.stdout
    assert "KEPT (1 ignored import)" in out.stdout  # the seam itself was seen and allowed
