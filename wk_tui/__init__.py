"""wk-tui core: questionnaire, session, scoring, files, export and CLI.

Nothing in the core imports Textual. The UI is the subpackage ``wk_tui.screens``: in the
repository it is the top-level ``screens/`` folder (``wk_tui/screens`` is a symlink to it),
in a wheel it is installed as ``wk_tui/screens``. Only ``wk_tui.cli`` imports it, at one
seam (``wk_tui.screens.launch``).
"""

__version__ = "0.1.0"
