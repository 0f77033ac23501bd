"""wk-tui core: questionnaire, session, scoring, storage, export and CLI.

Nothing in this package imports Textual; the TUI lives in the ``screens`` package.
"""

__version__ = "0.1.0"
