"""Section 3 of the report: results of the self-check questionnaire.

Overall verdict and score, the verdict scale with a marker at the score, one results
table per action field with the scale symbols (as in the Abschlussbericht), the legend,
each field's score and verdict, the open criteria and the suggestions for weak ones.
"""

from __future__ import annotations

from ..scoring import WEAK_VALUES, open_criteria, weak_criteria
from ..teamdata import ROOM_CONSENSUS
from .mdescape import cell, inline
from .report import Report, table
from .roomtable import add_room
from .teamtable import add_team

__all__ = ["WEAK_VALUES", "add_results"]


def add_results(r: Report) -> None:
    res = r.result
    if not r.values:
        return
    r.section("s_results")
    fields_rated = sum(1 for fr in res.fields if fr.counts.rated)
    r.add(
        r.t(
            "results_intro",
            rated=res.counts.rated,
            total=res.counts.total,
            fields=fields_rated,
            all_fields=len(res.fields),
        )
    )
    prov = f" ({r.t('provisional')})" if res.provisional else ""
    if res.band is not None:
        r.add(f"> **{r.t('quote', text=inline(res.band.label))}**{prov}")
    else:
        r.add(r.t("no_verdict"))
    if res.score is not None:
        r.add(f"**{r.t('overall_score')}:** {r.percent(res.score)}{prov}")
    _scale(r)
    _open(r)
    _fields(r)
    _legend(r)
    _weak(r)
    if r.s.team is not None and r.s.team.consensus == ROOM_CONSENSUS:
        add_room(r)
    elif r.s.team is not None:
        add_team(r)


def _scale(r: Report) -> None:
    res = r.result
    rows = []
    for i, band in enumerate(r.q.bands):
        key = "range_last" if i == len(r.q.bands) - 1 else "range"
        here = r.t("here", score=r.percent(res.score)) if band == res.band else ""
        rows.append(
            [r.t(key, min=r.bound(band.min), max=r.bound(band.max)), cell(band.label), here]
        )
    cols = [r.t(k) for k in ("col_range", "col_verdict", "col_here")]
    r.add(r.t("scale_intro"), table(cols, "llc", rows))


def _open(r: Report) -> None:
    if not r.result.provisional:
        return
    number = {f.id: f.number for f in r.q.fields}
    lines = [
        f"- {inline(c.title)} ({r.t('field', number=number[c.field_id])})"
        for c in open_criteria(r.q, r.values)
    ]
    r.add(f"### {r.t('open_heading')}", "\n".join(lines))


def _fields(r: Report) -> None:
    r.add(f"### {r.t('fields_heading')}")
    cols = [r.t("col_criterion"), r.t("col_rating")]
    for fr in r.result.fields:
        f = fr.field
        rows = []
        for c in f.criteria:
            value = r.values.get(c.id)
            symbol = cell(r.q.step(value).symbol) if value else f"*{r.t('unrated')}*"
            rows.append([cell(c.title), symbol])
        line = f"**{r.t('field_score')}:** {r.percent(fr.score)}"
        if fr.provisional:
            line += f" ({r.t('provisional')}, {r.t('open_n', n=fr.counts.open)})"
        if fr.band is not None:
            line += f" – {inline(fr.band.label)}"
        r.add(f"#### {r.field_title(f)}", table(cols, "lc", rows), line)


def _legend(r: Report) -> None:
    lines = [f"- {inline(step.symbol)} = {inline(step.label)}" for step in reversed(r.q.scale)]
    r.add(f"**{r.t('legend')}**", "\n".join(lines))


def _weak(r: Report) -> None:
    number = {f.id: f.number for f in r.q.fields}
    lines = []
    for c, value in weak_criteria(r.q, r.values):
        step = r.q.step(value)
        line = (
            f"- **{inline(c.title)}** ({r.t('field', number=number[c.field_id])}, "
            f"{inline(step.symbol)} {inline(step.label)})"
        )
        if c.suggestion.strip():
            line += f": {inline(c.suggestion)}"
        lines.append(line)
    if lines:
        r.add(f"### {r.t('weak_heading')}", r.t("weak_intro"), "\n".join(lines))
