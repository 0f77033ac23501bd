"""Report section for a room result (``m`` in the room's projector view):
"Einschätzung im Workshop" — how the workshop rated each criterion of the room's fields,
beside the administration's own rating.

Added to section 3 when ``[team] consensus = "room"``. No names: the participants are
counted, never listed.
"""

from __future__ import annotations

from ..i18n import tr
from ..team import consensus, distribution, spread
from .mdescape import cell
from .report import Report, table

STRINGS = {
    "de": {
        "heading": "Einschätzung im Workshop",
        "intro": "{n} Teilnehmende haben im Workshop die Kriterien von {fields} eingeschätzt. "
        "Die Tabelle stellt ihre Einschätzung der Selbsteinschätzung der Verwaltung gegenüber "
        "(Workshop: Median der Punkte, bei gerader Anzahl der niedrigere mittlere Wert; "
        "Spanne: höchste minus niedrigste Punktzahl).",
        "criterion": "Kriterium",
        "admin": "Verwaltung",
        "room": "Workshop",
        "spread": "Spanne",
        "and": " und ",
        "field": "Handlungsfeld {n}",
    },
    "en": {
        "heading": "Assessment in the workshop",
        "intro": "{n} participants rated the criteria of {fields} in the workshop. The table "
        "sets their assessment beside the administration's self-assessment (workshop: median "
        "of the points, with an even count the lower middle value; spread: highest minus "
        "lowest points).",
        "criterion": "Criterion",
        "admin": "Administration",
        "room": "Workshop",
        "spread": "Spread",
        "and": " and ",
        "field": "action field {n}",
    },
}


def add_room(r: Report) -> None:
    team = r.s.team
    room = r.s.extra.get("room")
    if team is None or not isinstance(room, dict):
        return
    t = lambda key, **kw: tr(STRINGS, r.lang, key, **kw)  # noqa: E731
    fields = [f for f in r.q.fields if f.id in set(room.get("fields", []))]
    steps = list(r.q.scale)

    def symbol(value: str | None) -> str:
        return cell(r.q.step(value).symbol) if value else "·"

    rows = []
    for f in fields:
        for c in f.criteria:
            values = [m.values.get(c.id) for m in team.members]
            counts = distribution(values, r.q)
            gap = spread(values, r.q)
            rows.append(
                [
                    f"{cell(c.title)} ({f.number})",
                    symbol(r.s.value(c.id)),
                    symbol(consensus(values, r.q)),
                    "–" if gap is None else str(gap),
                    *(str(counts[s.value]) for s in steps),
                ]
            )
    names = t("and").join(t("field", n=f.number) for f in fields)
    header = [t("criterion"), t("admin"), t("room"), t("spread"), *(cell(s.symbol) for s in steps)]
    r.add(f"### {t('heading')}")
    r.add(
        t("intro", n=len(team.members), fields=names),
        table(header, "lccr" + "r" * len(steps), rows),
    )
