"""Strings of the Word and Excel exports (German and English), used with ``i18n.tr``.

Column and section names shared with the Markdown report come from :mod:`.strings`.
"""

from __future__ import annotations

from ..i18n import Table

OFFICE: Table = {
    "de": {
        "page": "Seite {page} von {pages}",
        "sheet_results": "Ergebnis",
        "sheet_criteria": "Kriterien",
        "sheet_workshop": "Workshop HF {number}",
        "col_number": "Nr.",
        "col_score": "Punktwert (%)",
        "col_rated": "eingeschätzt",
        "col_counted": "gezählt",
        "col_unknown": "keine Einschätzung",
        "col_open": "offen",
        "col_symbol": "Symbol",
        "col_value": "Wert",
        "col_points": "Punkte",
        "col_note": "Notiz",
        "col_list": "Liste",
        "col_entry": "Eintrag",
        "col_outlook": "Ausblick",
        "overall": "Gesamt",
        "yes": "ja",
    },
    "en": {
        "page": "Page {page} of {pages}",
        "sheet_results": "Results",
        "sheet_criteria": "Criteria",
        "sheet_workshop": "Workshop AF {number}",
        "col_number": "No.",
        "col_score": "Score (%)",
        "col_rated": "rated",
        "col_counted": "counted",
        "col_unknown": "no assessment",
        "col_open": "open",
        "col_symbol": "Symbol",
        "col_value": "Value",
        "col_points": "Points",
        "col_note": "Note",
        "col_list": "List",
        "col_entry": "Entry",
        "col_outlook": "Outlook",
        "overall": "Overall",
        "yes": "yes",
    },
}
