"""Translations: message tables in German (default) and English.

Each area keeps its own table (``{"de": {...}, "en": {...}}``) next to its code; a test
checks that every table has the same keys in both languages.
"""

from __future__ import annotations

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"

Table = dict[str, dict[str, str]]


def tr(table: Table, lang: str, key: str, **kw: object) -> str:
    """Look up ``key`` in ``table`` for ``lang`` (falling back to German) and format it."""
    text = table.get(lang, table[DEFAULT_LANGUAGE]).get(key) or table[DEFAULT_LANGUAGE][key]
    return text.format(**kw) if kw else text


def number(value: float, lang: str, digits: int = 1) -> str:
    """``67.9`` in English, ``67,9`` in German."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text


CLI: Table = {
    "de": {
        "overall": "Gesamt",
        "field": "Handlungsfeld",
        "score": "Wert",
        "verdict": "Einschätzung",
        "no_score": "kein Wert",
        "provisional": "vorläufig",
        "counts": "bewertet {rated} · gezählt {counted} · keine Einschätzung {unknown} · offen {open}",
        "open_n": "{n} offen",
        "valid_session": "{path}: gültige Sitzung ({rated}/{total} Kriterien bewertet)",
        "valid_questionnaire": "{path}: gültiger Fragebogen ({fields} Handlungsfelder, {criteria} Kriterien)",
        "warning": "Warnung",
        "error": "Fehler",
        "skipped": "wk-tui: übersprungen: {error}",
        "demo_copy": "wk-tui: Demo-Sitzung (eine temporäre Kopie, beim Beenden gelöscht): {path}",
        "answers_saved": "wk-tui: Ihre Antworten werden in {path} gespeichert",
        "created": "wk-tui: Sitzung angelegt: {path} (bewerten mit 'wk-tui fill {path}')",
        "merged": "wk-tui: {path}: {n} Befragte zusammengeführt, {flagged} Kriterien mit einer "
        "Spanne von {spread} oder mehr",
    },
    "en": {
        "overall": "Overall",
        "field": "Action field",
        "score": "Score",
        "verdict": "Verdict",
        "no_score": "no score",
        "provisional": "provisional",
        "counts": "rated {rated} · counted {counted} · no assessment {unknown} · open {open}",
        "open_n": "{n} open",
        "valid_session": "{path}: valid session ({rated}/{total} criteria rated)",
        "valid_questionnaire": "{path}: valid questionnaire ({fields} action fields, {criteria} criteria)",
        "warning": "warning",
        "error": "error",
        "skipped": "wk-tui: skipped: {error}",
        "demo_copy": "wk-tui: demo session (a temporary copy, removed when the app closes): {path}",
        "answers_saved": "wk-tui: your answers are saved in {path}",
        "created": "wk-tui: session created: {path} (rate it with 'wk-tui fill {path}')",
        "merged": "wk-tui: {path}: {n} respondents merged, {flagged} criteria with a spread of "
        "{spread} or more",
    },
}
