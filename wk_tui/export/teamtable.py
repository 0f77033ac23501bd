"""Report section for merged sessions: the flagged criteria and how the team answered.

Added to section 3 when the session carries a ``[team]`` table (``wk-tui merge``): one row
per criterion with a spread of 2 or more, with the count of each answer.
"""

from __future__ import annotations

from ..i18n import tr
from ..team import FLAG_SPREAD, disagreements, distribution
from .mdescape import cell
from .report import Report, table

STRINGS = {
    "de": {
        "heading": "Abweichungen im Team",
        "intro": "{n} Befragte haben den Fragebogen ausgefüllt; die Einschätzungen oben sind "
        "der Konsens (Median, bei gerader Anzahl der niedrigere mittlere Wert). Bei diesen "
        "Kriterien liegen die Antworten {min} oder mehr Punkte auseinander:",
        "none": "{n} Befragte haben den Fragebogen ausgefüllt; bei keinem Kriterium liegen "
        "die Antworten {min} oder mehr Punkte auseinander.",
        "criterion": "Kriterium",
        "spread": "Spanne",
    },
    "en": {
        "heading": "Disagreements in the team",
        "intro": "{n} respondents filled in the questionnaire; the ratings above are the "
        "consensus (median, with an even count the lower middle value). For these criteria "
        "the answers are {min} or more points apart:",
        "none": "{n} respondents filled in the questionnaire; for no criterion are the "
        "answers {min} or more points apart.",
        "criterion": "Criterion",
        "spread": "Spread",
    },
}


def add_team(r: Report) -> None:
    team = r.s.team
    if team is None or not team.members:
        return
    t = lambda key, **kw: tr(STRINGS, r.lang, key, **kw)  # noqa: E731
    n = len(team.members)
    flagged = [d for d in disagreements(r.s, r.q) if d.flagged]
    r.add(f"### {t('heading')}")
    if not flagged:
        r.add(t("none", n=n, min=FLAG_SPREAD))
        return
    steps = list(r.q.scale)
    rows = []
    for d in flagged:
        c = r.q.criterion(d.cid)
        counts = distribution(d.values, r.q)
        rows.append(
            [
                f"{cell(c.title)} ({r.t('field', number=r.q.field(c.field_id).number)})",
                str(d.spread),
                *(str(counts[s.value]) for s in steps),
            ]
        )
    header = [t("criterion"), t("spread"), *(cell(s.symbol) for s in steps)]
    r.add(t("intro", n=n, min=FLAG_SPREAD), table(header, "lr" + "r" * len(steps), rows))
