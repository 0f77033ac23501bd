"""Core error messages in German: English template → German template.

:class:`wk_tui.errors.WkError` keeps the English template and its parameters; this table
gives the German text (``file:line:col`` and key paths stay as they are). A template that
is missing here is shown in English. Parameters that are :class:`~wk_tui.errors.Term`
(fixed words such as "a whole number") are translated too; all others are data.
"""

from __future__ import annotations

from .errors import Term


def translate(template: str, params: dict, lang: str) -> str | None:
    """The message in ``lang``, or None when there is no translation."""
    if lang != "de":
        return None
    text = ERRORS_DE.get(template)
    if text is None:
        return None
    values = {
        k: TERMS_DE.get(v, v)
        if isinstance(v, Term)
        else OS_ERRORS_DE.get(v, v)
        if k == "error"
        else v
        for k, v in params.items()
    }
    return text.format(**values) if values else text


TERMS_DE = {
    "text": "Text",
    "a whole number": "eine ganze Zahl",
    "a number": "eine Zahl",
    "true/false": "wahr/falsch",
    "a list": "eine Liste",
    "a table": "eine Tabelle",
    "a date like 2020-02-17": "ein Datum wie 2020-02-17",
    "a date-time like 2020-02-17T10:00:00+01:00": "ein Datum mit Uhrzeit wie 2020-02-17T10:00:00+01:00",
    "true or false": "true oder false",
    "a list of texts": "eine Liste von Texten",
    "a list of tables": "eine Liste von Tabellen",
}

#: The system's reasons (``OSError.strerror``, English whatever the locale) in an ``{error}``.
OS_ERRORS_DE = {
    "No such file or directory": "Datei oder Ordner nicht gefunden",
    "Permission denied": "keine Berechtigung",
    "Operation not permitted": "Vorgang nicht erlaubt",
    "No space left on device": "kein Speicherplatz mehr auf dem Gerät",
    "Disk quota exceeded": "Speicherkontingent überschritten",
    "Read-only file system": "schreibgeschütztes Dateisystem",
    "Is a directory": "ist ein Ordner",
    "Not a directory": "ist kein Ordner",
    "File name too long": "Dateiname zu lang",
    "Input/output error": "Ein-/Ausgabefehler",
    "Too many levels of symbolic links": "zu viele symbolische Verknüpfungen",
}

ERRORS_DE = {
    " (and {n} more)": " (und {n} weitere)",
    # reading files
    "file not found": "Datei nicht gefunden",
    "is a directory, expected a TOML file": "ist ein Ordner, erwartet wird eine TOML-Datei",
    "cannot read file: {error}": "Datei kann nicht gelesen werden: {error}",
    "not valid UTF-8 text": "kein gültiger UTF-8-Text",
    "is not a regular file (a pipe or a device?), expected a TOML file": (
        "ist keine normale Datei (eine Pipe oder ein Gerät?), erwartet wird eine TOML-Datei"
    ),
    "is not a regular file, expected a TOML file": (
        "ist keine normale Datei, erwartet wird eine TOML-Datei"
    ),
    "file is too large ({size} MB; the limit is {limit} MB)": (
        "die Datei ist zu groß ({size} MB; die Grenze liegt bei {limit} MB)"
    ),
    "file is too large (it grew while being read)": (
        "die Datei ist zu groß (sie ist beim Lesen gewachsen)"
    ),
    "invalid TOML: arrays or tables nested too deeply": (
        "ungültiges TOML: Listen oder Tabellen zu tief verschachtelt"
    ),
    "invalid TOML: {detail}": "ungültiges TOML: {detail}",
    "schema: expected {want}, got {got}": "schema: erwartet {want}, gefunden {got}",
    "schema: missing (expected {want})": "schema: fehlt (erwartet {want})",
    "schema: version {version} is newer than this program understands ({known}); "
    "update wk-tui to open it (the file was not changed)": (
        "schema: Version {version} ist neuer als dieses Programm versteht ({known}); "
        "aktualisieren Sie wk-tui, um sie zu öffnen (die Datei wurde nicht verändert)"
    ),
    "questionnaire {qid} ({lang}) is not bundled; pass --questionnaire PATH": (
        "Fragebogen {qid} ({lang}) ist nicht mitgeliefert; bitte --questionnaire PFAD angeben"
    ),
    # session contents
    "missing (expected text)": "fehlt (erwartet wird Text)",
    "missing (expected a date like 2020-02-17)": "fehlt (erwartet wird ein Datum wie 2020-02-17)",
    "expected {what}, got {got}": "erwartet wird {what}, gefunden: {got}",
    "expected a list of texts": "erwartet wird eine Liste von Texten",
    "expected a table": "erwartet wird eine Tabelle",
    "expected a finite number, got {value}": "erwartet wird eine endliche Zahl, gefunden: {value}",
    "expected a date-time like {example}, got the date {date}": (
        "erwartet wird ein Datum mit Uhrzeit wie {example}, gefunden: das Datum {date}"
    ),
    'expected a table of [ratings."<criterion-id>"]': (
        'erwartet wird eine Tabelle [ratings."<Kriteriums-ID>"]'
    ),
    "expected a table of [workshop.results.<field-id>]": (
        "erwartet wird eine Tabelle [workshop.results.<Handlungsfeld-ID>]"
    ),
    "questionnaire id {qid} is not an id (lowercase letters, digits and '-'); a "
    "questionnaire file outside the bundled ones comes from --questionnaire": (
        "Fragebogen-ID {qid} ist keine ID (Kleinbuchstaben, Ziffern und '-'); ein nicht "
        "mitgelieferter Fragebogen wird mit --questionnaire angegeben"
    ),
    "unknown priority {priority} (expected one of {values})": (
        "unbekannte Priorität {priority} (erwartet eine von {values})"
    ),
    "unknown language {lang} (expected de or en)": "unbekannte Sprache {lang} (erwartet de oder en)",
    "unknown rating value {value} (expected one of {values})": (
        "unbekannter Bewertungswert {value} (erwartet einer von {values})"
    ),
    "unknown criterion id {cid} (not in questionnaire {qid})": (
        "unbekannte Kriteriums-ID {cid} (nicht im Fragebogen {qid})"
    ),
    "unknown field id {fid}": "unbekannte Handlungsfeld-ID {fid}",
    "session is for questionnaire {have}, not {want}": (
        "die Sitzung gehört zum Fragebogen {have}, nicht zu {want}"
    ),
    # questionnaire contents
    "expected {want}": "erwartet wird {want}",
    "bad version number in {fmt}": "ungültige Versionsnummer in {fmt}",
    "questionnaire format version {version} is newer than this program understands "
    "({known}); please update wk-tui": (
        "Fragebogen-Formatversion {version} ist neuer als dieses Programm versteht "
        "({known}); bitte wk-tui aktualisieren"
    ),
    "id {qid} must be lowercase letters, digits and '-'": (
        "ID {qid} darf nur Kleinbuchstaben, Ziffern und '-' enthalten"
    ),
    "unknown language {lang} (expected one of {languages})": (
        "unbekannte Sprache {lang} (erwartet eine von {languages})"
    ),
    "missing: expected [[scale]] entries for the five rating values": (
        "fehlt: erwartet werden [[scale]]-Einträge für die fünf Bewertungswerte"
    ),
    "unknown rating value {value} (known: {values})": (
        "unbekannter Bewertungswert {value} (bekannt sind: {values})"
    ),
    "duplicate rating value {value}": "doppelter Bewertungswert {value}",
    "{value} must have no points": "{value} darf keine Punkte haben",
    "{value} must have points = {want}": "{value} muss points = {want} haben",
    "missing rating values: {values}": "fehlende Bewertungswerte: {values}",
    "missing: expected [[bands]] covering 0–100": (
        "fehlt: erwartet werden [[bands]], die 0–100 abdecken"
    ),
    "duplicate band id {id}": "doppelte Stufen-ID {id}",
    "min and max must be numbers": "min und max müssen Zahlen sein",
    "band [{lo}, {hi}] must satisfy 0 <= min < max <= 100": (
        "Stufe [{lo}, {hi}] muss 0 <= min < max <= 100 erfüllen"
    ),
    "missing: expected [[fields]] with [[fields.criteria]]": (
        "fehlt: erwartet werden [[fields]] mit [[fields.criteria]]"
    ),
    "weight must be a number above 0 and at most {max}": (
        "das Gewicht muss eine Zahl über 0 und höchstens {max} sein"
    ),
    "must not be empty": "darf nicht leer sein",
    "duplicate id {id}": "doppelte ID {id}",
    "criterion id {cid} must start with its field id {start}": (
        "Kriteriums-ID {cid} muss mit der ID ihres Handlungsfelds beginnen: {start}"
    ),
    "field {fid} has no criteria": "Handlungsfeld {fid} hat keine Kriterien",
    "bands leave a gap: {lo} to {hi} is not covered": (
        "die Stufen lassen eine Lücke: {lo} bis {hi} ist nicht abgedeckt"
    ),
    "bands leave a gap between {lo} and {hi}": "die Stufen lassen eine Lücke zwischen {lo} und {hi}",
    "bands {a} and {b} overlap ({lo}–{hi})": "die Stufen {a} und {b} überlappen sich ({lo}–{hi})",
    # sessions and locks
    "session is open for writing by {who}; open it read-only or close the other program": (
        "die Sitzung ist zum Schreiben geöffnet von {who}; öffnen Sie sie nur lesend oder "
        "schließen Sie das andere Programm"
    ),
    "cannot write here: the folder {folder} is read-only for you": (
        "hier kann nicht geschrieben werden: der Ordner {folder} ist für Sie schreibgeschützt"
    ),
    "cannot write here: the file is read-only for you": (
        "hier kann nicht geschrieben werden: die Datei ist für Sie schreibgeschützt"
    ),
    "cannot write here: {error}": "hier kann nicht geschrieben werden: {error}",
    "the session is open read-only; changes are not possible": (
        "die Sitzung ist nur zum Lesen geöffnet; Änderungen sind nicht möglich"
    ),
    "took over the lock of pid {pid} on {host} (no longer running)": (
        "Sperre von Prozess {pid} auf {host} übernommen (läuft nicht mehr)"
    ),
    "took over the lock of pid {pid} on {host} from {since} (older than a day: stale)": (
        "Sperre von Prozess {pid} auf {host} vom {since} übernommen (älter als ein Tag: verwaist)"
    ),
    "file exists already; open it instead of creating it": (
        "die Datei existiert bereits; öffnen Sie sie, statt sie neu anzulegen"
    ),
    "file not found (create it with 'wk-tui new PATH')": (
        "Datei nicht gefunden (anlegen mit 'wk-tui new PFAD')"
    ),
    "cannot open the session for writing: folder does not exist": (
        "die Sitzung kann nicht zum Schreiben geöffnet werden: der Ordner existiert nicht"
    ),
    "cannot open the session for writing: {error}": (
        "die Sitzung kann nicht zum Schreiben geöffnet werden: {error}"
    ),
    "cannot create the session file: {error}": (
        "die Sitzungsdatei kann nicht angelegt werden: {error}"
    ),
    "the interactive app needs a terminal; for reports without one use "
    "'wk-tui summary PATH' or 'wk-tui export PATH'": (
        "die interaktive Oberfläche braucht ein Terminal; für Berichte ohne Terminal "
        "'wk-tui summary PFAD' oder 'wk-tui export PFAD' verwenden"
    ),
    "without a terminal the municipality cannot be asked for; give --municipality NAME": (
        "ohne Terminal kann nicht nach der Kommune gefragt werden; bitte --municipality NAME "
        "angeben"
    ),
    # export
    "file exists; use --force to overwrite it": (
        "Datei existiert bereits; mit --force wird sie überschrieben"
    ),
    "is the session file itself (or its .bak/.lock); choose another output file": (
        "ist die Sitzungsdatei selbst (oder ihre .bak/.lock); bitte eine andere Zieldatei wählen"
    ),
    "is a directory; give a file name or an existing directory": (
        "ist ein Ordner; bitte einen Dateinamen oder einen vorhandenen Ordner angeben"
    ),
    "directory not found": "Ordner nicht gefunden",
    "cannot write file: {error}": "Datei kann nicht geschrieben werden: {error}",
    "standard output is closed; use -o FILE": "die Standardausgabe ist geschlossen; -o DATEI verwenden",
    "unknown format {fmt}; use one of {formats}": "unbekanntes Format {fmt}; möglich: {formats}",
    "cannot tell the format from the file name {name}; use --format {formats} or an "
    "extension {extensions}": (
        "das Format geht aus dem Dateinamen {name} nicht hervor; --format {formats} oder "
        "eine Endung {extensions} verwenden"
    ),
    "{fmt} is a binary file format and is not written to a terminal; use -o FILE (or "
    "redirect standard output to a file)": (
        "{fmt} ist ein Binärformat und wird nicht in ein Terminal geschrieben; -o DATEI "
        "verwenden (oder die Standardausgabe in eine Datei umleiten)"
    ),
    "--csv-excel writes CSV; leave out --format or use --format csv": (
        "--csv-excel schreibt CSV; --format weglassen oder --format csv verwenden"
    ),
    # room (wk-tui room / join)
    "unknown field {fields} (known: {known})": (
        "unbekanntes Handlungsfeld {fields} (bekannt sind: {known})"
    ),
    "no fields chosen: choose the workshop fields in the session or pass --fields": (
        "keine Handlungsfelder gewählt: bitte die Workshop-Felder in der Sitzung wählen oder "
        "--fields angeben"
    ),
    "the room is for questionnaire {room}, the session for {session}": (
        "der Raum gehört zum Fragebogen {room}, die Sitzung zu {session}"
    ),
    "not a room: room.toml is missing (start one with 'wk-tui room')": (
        "kein Raum: room.toml fehlt (einen Raum starten mit 'wk-tui room')"
    ),
    "not a room yet: start it with --session ADMIN.toml": (
        "noch kein Raum: bitte mit --session ADMIN.toml starten"
    ),
    "cannot read the room: {error}": "der Raum kann nicht gelesen werden: {error}",
    "invalid room file: {detail}": "ungültige Raumdatei: {detail}",
    "invalid room file: missing or wrong key {key}": (
        "ungültige Raumdatei: Schlüssel {key} fehlt oder ist falsch"
    ),
    "wrong room code": "falscher Raum-Code",
    "nobody in the room has answered yet": "im Raum hat noch niemand geantwortet",
    "left the room without joining": "Raum verlassen, ohne beizutreten",
    # team (wk-tui merge / compare / aggregate)
    "is already a merged session; merge the respondents' own files instead": (
        "ist bereits eine zusammengeführte Sitzung; bitte stattdessen die eigenen Dateien "
        "der Befragten zusammenführen"
    ),
    "nothing to merge: name at least one session file": (
        "nichts zusammenzuführen: bitte mindestens eine Sitzungsdatei angeben"
    ),
    "questionnaire {got} differs from {want}": "Fragebogen {got} weicht von {want} ab",
    "is named more than once; each file counts once": (
        "ist mehrfach angegeben; jede Datei zählt nur einmal"
    ),
    "the output is one of the inputs; choose another file": (
        "die Ausgabe ist eine der Eingaben; bitte eine andere Datei wählen"
    ),
    "file exists already; use --force to replace it": (
        "die Datei existiert bereits; mit --force wird sie ersetzt"
    ),
    'expected a table of "<criterion-id>" = "<text>"': (
        'erwartet wird eine Tabelle "<Kriteriums-ID>" = "<Text>"'
    ),
    "expected text": "erwartet wird Text",
    "questionnaire {new} differs from {old} of {other}; only checks with the same "
    "questionnaire can be compared": (
        "Fragebogen {new} weicht von {old} in {other} ab; nur Selbstchecks mit demselben "
        "Fragebogen lassen sich vergleichen"
    ),
    "no session could be loaded from this folder": (
        "aus diesem Ordner ließ sich keine Sitzung laden"
    ),
    "not a folder (expected a folder of session files)": (
        "kein Ordner (erwartet wird ein Ordner mit Sitzungsdateien)"
    ),
    # presentation (wk-tui present / serve)
    "'serve' needs the package textual-serve (pip install textual-serve)": (
        "'serve' braucht das Paket textual-serve (pip install textual-serve)"
    ),
}
