"""UI strings of a write-protected session (the user may not write its folder or file):
the notice, the refusal of changes and the editable copy. German and English."""

from __future__ import annotations

PROTECTED_UI: dict[str, dict[str, str]] = {
    "de": {
        "protected": "schreibgeschützt",
        "protected_folder": "Der Ordner {folder} ist für Sie schreibgeschützt: Die Sitzung ist nur zum Lesen geöffnet, Änderungen werden nicht gespeichert. Zum Bearbeiten: Strg+P → „Bearbeitbare Kopie speichern“.",
        "protected_file": "Die Sitzungsdatei ist schreibgeschützt: Sie ist nur zum Lesen geöffnet, Änderungen werden nicht gespeichert. Zum Bearbeiten: Strg+P → „Bearbeitbare Kopie speichern“.",
        "protected_denied": "Hier darf nicht gespeichert werden ({error}): Die Sitzung ist nur zum Lesen geöffnet, Änderungen werden nicht gespeichert. Zum Bearbeiten: Strg+P → „Bearbeitbare Kopie speichern“.",
        "protected_blocked": "Schreibgeschützt: Änderungen sind hier nicht möglich. Strg+P → „Bearbeitbare Kopie speichern“",
        "cmd_copy": "Bearbeitbare Kopie speichern",
        "cmd_copy_help": "Die Sitzung in eine Datei speichern, die Sie bearbeiten dürfen, und dort weiterarbeiten",
        "copy_title": "Bearbeitbare Kopie speichern",
        "copy_target": "Neue Datei (die schreibgeschützte Sitzung bleibt unverändert)",
        "copy_suffix": "kopie",
        "copy_missing": "Bitte eine Zieldatei angeben",
        "copy_saved": "Kopie gespeichert: {path} – Sie bearbeiten jetzt die Kopie.",
    },
    "en": {
        "protected": "write-protected",
        "protected_folder": "The folder {folder} is read-only for you: the session is open read-only, changes are not saved. To edit: Ctrl+P → “Save an editable copy”.",
        "protected_file": "The session file is read-only: it is open read-only, changes are not saved. To edit: Ctrl+P → “Save an editable copy”.",
        "protected_denied": "Saving is not allowed here ({error}): the session is open read-only, changes are not saved. To edit: Ctrl+P → “Save an editable copy”.",
        "protected_blocked": "Write-protected: changes are not possible here. Ctrl+P → “Save an editable copy”",
        "cmd_copy": "Save an editable copy",
        "cmd_copy_help": "Save the session to a file you may write, and go on working there",
        "copy_title": "Save an editable copy",
        "copy_target": "New file (the write-protected session stays as it is)",
        "copy_suffix": "copy",
        "copy_missing": "Please enter a target file",
        "copy_saved": "Copy saved: {path} – you are editing the copy now.",
    },
}
