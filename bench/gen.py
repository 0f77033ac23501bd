"""Generated inputs for the benchmarks: big questionnaires and sessions."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent.parent
TOPICS = (
    "Steuerung",
    "Verwaltung",
    "Bildung",
    "Arbeit",
    "Wohnen",
    "Gesundheit",
    "Kultur",
    "Sport",
    "Teilhabe",
    "Sicherheit",
)


def generate_questionnaire(folder: Path, n_fields: int = 50, per_field: int = 20) -> Path:
    """A valid questionnaire of n_fields × per_field criteria, scale/bands from the de file."""
    src = tomllib.loads(
        (ROOT / "data" / "questionnaires" / "weltoffene-kommune.de.toml").read_text("utf-8")
    )
    total = n_fields * per_field
    qid = f"bench-{total}"
    doc = {k: src[k] for k in ("format", "version", "language", "description", "scoring")}
    doc.update(
        id=qid,
        title=f"Benchmark-Fragebogen mit {total:,} Kriterien".replace(",", "."),
        scale=src["scale"],
        bands=src["bands"],
        fields=[],
    )
    for n in range(1, n_fields + 1):
        topic = TOPICS[n % len(TOPICS)]
        field = {
            "id": f"hf{n}",
            "title": f"Testfeld {n}: {topic} und Zusammenhalt",
            "description": f"Wie die Kommune im Bereich {topic} Weltoffenheit verankert, "
            "Zuständigkeiten klärt und Fortschritte regelmäßig überprüft.",
            "criteria": [],
        }
        for j in range(1, per_field + 1):
            field["criteria"].append(
                {
                    "id": f"hf{n}.c{j}",
                    "title": f"Kriterium {n}.{j}: {topic} – Strukturen, Angebote und Beteiligung",
                    "questions": [
                        f"Gibt es im Bereich {topic} eine benannte Stelle, die Angebote für "
                        "Zugewanderte koordiniert?",
                        "Werden Ziele und Zuständigkeiten regelmäßig überprüft und öffentlich "
                        "berichtet?",
                    ],
                    "suggestion": f"Eine feste Arbeitsgruppe {topic} mit klarem Mandat einrichten "
                    "und ihre Ergebnisse jährlich der Verwaltungsspitze berichten.",
                }
            )
        doc["fields"].append(field)
    path = folder / f"{qid}.de.toml"
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return path


def make_session(folder: Path, name: str, qid: str) -> Path:
    from wk_tui.files import new_session, save_session

    path = folder / name
    save_session(new_session(qid, "de", "Benchstadt"), path)
    return path
