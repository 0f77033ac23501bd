"""Start-up of the interactive app: no garbage collection before the first frame.

Starting the TUI imports Textual and builds the first screen: it allocates a few hundred
thousand objects and frees almost none, so the collector's passes over them (about 60 of
them, 30–50 ms on a slow machine) find nothing. The CLI pauses the collector before it
imports the UI; the app resumes it after its first frame. Resuming first *freezes* what
start-up built (``gc.freeze``: moved to the permanent generation, which later passes
skip), so no pass walks those objects right after the first frame either.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    """No automatic collections until :func:`resume_collector` (interactive start only)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Collect as usual again; start-up's objects stay out of later passes.

    Does nothing unless :func:`pause_collector` paused the collector, so apps built by the
    tests (or by anything else) leave the collector as they found it.
    """
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
