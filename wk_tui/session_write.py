"""Writing a session: the TOML document of a :class:`~wk_tui.session.Session`.

Empty optional values are left out and every unknown key kept in ``extra`` is written
back, so a hand-written file keeps its shape through a round trip.
"""

from __future__ import annotations

from .session import SCHEMA, Session
from .teamdata import team_to_dict


def _prune(d: dict) -> dict:
    """Drop empty optional values so hand-written files stay as small as they were."""
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def session_to_dict(s: Session) -> dict:
    m = s.municipality
    muni = _prune(
        {
            "name": m.name,
            "population": m.population,
            "population_source": m.population_source,
            "foreign_share": m.foreign_share,
            "foreign_share_source": m.foreign_share_source,
            "head_of_administration": m.head_of_administration,
            "project_leads": m.project_leads,
            "challenges": m.challenges,
            "context": m.context,
        }
    )
    if m.key_figures:
        muni["key_figures"] = [
            {**_prune({"label": k.label, "value": k.value, "source": k.source}), **k.extra}
            for k in m.key_figures
        ]
    muni.update(m.extra)
    ratings = {
        cid: {**_prune({"value": r.value, "note": r.note, "updated": r.updated}), **r.extra}
        for cid, r in s.ratings.items()
    }
    doc = {
        "schema": SCHEMA,
        "questionnaire": s.questionnaire,
        "language": s.language,
        **_prune({"created": s.created, "updated": s.updated}),
    }
    doc.update(s.extra)
    if muni:
        doc["municipality"] = muni
    who = s.respondent
    if not who.is_empty():
        doc["respondent"] = {
            **_prune({"name": who.name, "role": who.role, "department": who.department}),
            **who.extra,
        }
    if ratings:
        doc["ratings"] = ratings
    if s.timeline:
        doc["timeline"] = [
            {
                **_prune(
                    {
                        "date": e.date,
                        "end": e.end,
                        "title": e.title,
                        "participants": e.participants,
                        "text": e.text,
                    }
                ),
                **e.extra,
            }
            for e in s.timeline
        ]
    w = s.workshop
    if not w.is_empty():
        wd = _prune(
            {
                "date": w.date,
                "facilitator": w.facilitator,
                "participants": w.participants,
                "fields": w.fields,
                "outlook": w.outlook,
            }
        )
        if w.results:
            wd["results"] = {
                fid: {
                    **_prune(
                        {
                            "works": fw.works,
                            "not_yet": fw.not_yet,
                            "actions": [
                                {
                                    **_prune(
                                        {
                                            "text": a.text,
                                            "owner": a.owner,
                                            "due": a.due,
                                            "priority": a.priority,
                                            "outlook": a.outlook or None,
                                        }
                                    ),
                                    **a.extra,
                                }
                                for a in fw.actions
                            ],
                        }
                    ),
                    **fw.extra,
                }
                for fid, fw in w.results.items()
            }
        wd.update(w.extra)
        doc["workshop"] = wd
    if s.team is not None:
        doc["team"] = team_to_dict(s.team)
    return doc
