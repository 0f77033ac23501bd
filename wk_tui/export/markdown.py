"""The final report (Abschlussbericht) as CommonMark with GFM tables.

The structure mirrors the Abschlussbericht of the model project: 1. Ausgangslage,
2. Umsetzung, 3. Ergebnisse Selbstcheck-Fragebogen, 4. Ergebnisse Selbstcheck-Workshop,
5. Ausblick, and an appendix with the notes. Sections without data are left out and the
remaining ones are numbered consecutively. Every text that does not come from this
module goes through :mod:`.mdescape`. The shared formatting lives in :mod:`.report`,
section 3 in :mod:`.results`.
"""

from __future__ import annotations

from ..questionnaire import Questionnaire
from ..session import Municipality, Session
from .mdescape import block, cell, inline
from .mdescape import lines as hard_lines
from .report import Report, bullets, table
from .results import add_results


class MarkdownReport(Report):
    """The whole report: its sections in order, rendered as one Markdown text."""

    # ----------------------------------------------------------------- report

    def render(self) -> str:
        name = self.s.municipality.name.strip()
        self.add("# " + (self.t("title", name=inline(name)) if name else self.t("title_anon")))
        subtitle = inline(self.q.title)
        if self.s.updated:
            subtitle += " · " + self.t("as_of", date=self.date(self.s.updated.date()))
        self.add(subtitle)
        if self.result.provisional:
            total = self.result.counts.total
            text = (
                self.t("provisional_text", open=self.result.counts.open, total=total)
                if self.values
                else self.t("provisional_none", total=total)
            )
            self.add(f"> **{self.t('provisional_label')}:** {text}")
        for part in (
            self.start,
            self.timeline,
            self.results,
            self.workshop,
            self.outlook,
            self.appendix,
        ):
            part()
        return "\n\n".join(self.blocks) + "\n"

    def start(self) -> None:
        m: Municipality = self.s.municipality
        items = []
        if m.population is not None:
            items.append(self.item("population", self.integer(m.population), m.population_source))
        if m.foreign_share is not None:
            items.append(
                self.item("foreign_share", self.percent(m.foreign_share), m.foreign_share_source)
            )
        for k in m.key_figures:
            items.append(self.item(None, inline(k.value), k.source, label=k.label))
        if m.head_of_administration.strip():
            items.append(self.item("head", inline(m.head_of_administration)))
        leads = [inline(x) for x in m.project_leads if x.strip()]
        if leads:
            items.append(self.item("leads", ", ".join(leads)))
        challenges = bullets(m.challenges)
        context = block(m.context)
        if not (items or challenges or context):
            return
        self.section("s_start")
        if items:
            name = m.name.strip()
            self.add(
                self.t("start_intro", name=inline(name)) if name else self.t("start_intro_anon"),
                "\n".join(items),
            )
        if challenges:
            self.add(f"### {self.t('challenges')}", self.t("challenges_intro"), challenges)
        if context:
            self.add(f"### {self.t('context')}", self.t("context_intro"), context)

    def timeline(self) -> None:
        if not self.s.timeline:
            return
        self.section("s_timeline")
        for e in self.s.timeline:
            title = inline(e.title)
            when = self.date_range(e.date, e.end)
            self.add(f"### {when}: {title}" if title else f"### {when}")
            if e.participants.strip():
                self.add(f"**{self.t('participants')}:** {inline(e.participants)}")
            self.add(block(e.text))

    def results(self) -> None:
        add_results(self)

    def workshop(self) -> None:
        w = self.s.workshop
        meta = []
        if w.date:
            meta.append(f"- **{self.t('ws_date')}:** {self.date(w.date)}")
        if w.facilitator.strip():
            meta.append(f"- **{self.t('ws_facilitator')}:** {inline(w.facilitator)}")
        if w.participants.strip():
            meta.append(f"- **{self.t('ws_participants')}:** {inline(w.participants)}")
        fids = self.workshop_fields()
        if not (meta or fids):
            return
        self.section("s_workshop")
        self.add("\n".join(meta))
        if w.fields:
            self.add(
                self.t("ws_fields_intro"),
                "\n".join("- " + self.ws_field_label(fid, "ws_field_item") for fid in w.fields),
            )
        worked = [fid for fid in fids if self.has_results(fid)]
        if worked:
            self.add(
                self.t("ws_questions_intro"),
                "\n".join(f"- {self.t(k)}" for k in ("ws_q_works", "ws_q_not_yet", "ws_q_actions")),
            )
        for fid in worked:
            fw = w.results[fid]
            self.add("### " + self.ws_field_label(fid, "ws_results"))
            for key, items in (
                ("works", fw.works),
                ("not_yet", fw.not_yet),
                ("actions", [a.text for a in fw.actions]),
            ):
                if bullets(items):
                    self.add(f"#### {self.t(key)}", bullets(items))

    def has_results(self, fid: str) -> bool:
        fw = self.s.workshop.results.get(fid)
        return bool(
            fw
            and (bullets(fw.works) or bullets(fw.not_yet) or bullets([a.text for a in fw.actions]))
        )

    def ws_field_label(self, fid: str, key: str) -> str:
        """``key`` is "ws_field_item" or "ws_results"; unknown ids are shown as they are."""
        f = self.known_field(fid)
        if f is not None:
            return self.t(key, number=f.number, title=inline(f.title))
        if key == "ws_results":
            return self.t("ws_results_unknown", title=inline(fid))
        return inline(fid)

    def outlook(self) -> None:
        """Needs for action with owner, due date (and priority when any has one).

        When actions are marked for the outlook, only those are listed here (section 4
        has them all); otherwise every action is. Rows keep the order shown on screen.
        """
        plan = [
            (fid, a)
            for fid in self.workshop_fields()
            for a in (
                self.s.workshop.results[fid].actions if fid in self.s.workshop.results else ()
            )
            if a.text.strip()
        ]
        marked = [(fid, a) for fid, a in plan if a.outlook]
        with_priority = any(a.priority for _, a in plan)
        rows = []
        for fid, a in marked or plan:
            f = self.known_field(fid)
            row = [
                str(f.number) if f else cell(fid),
                cell(a.text),
                cell(a.owner),
                self.date(a.due) if a.due else "",
            ]
            if with_priority:
                row.append(self.t(f"prio_{a.priority}") if a.priority else "")
            rows.append(row)
        outlook = block(self.s.workshop.outlook)
        if not (rows or outlook):
            return
        self.section("s_outlook")
        if rows:
            keys = ["col_field", "col_action", "col_owner", "col_due"]
            keys += ["col_priority"] if with_priority else []
            cols = [self.t(k) for k in keys]
            self.add(f"### {self.t('actions_heading')}")
            if marked:
                self.add(self.t("outlook_marked"))
            self.add(table(cols, "clll" + ("l" if with_priority else ""), rows))
        if outlook:
            if rows:
                self.add(f"### {self.t('outlook_heading')}")
            self.add(outlook)

    def appendix(self) -> None:
        if not self.notes:
            return
        parts = []
        for f in self.q.fields:
            lines = [
                f"- **{inline(c.title)}** ({self.step_label(self.s.value(c.id))}): "
                f"{hard_lines(self.s.note(c.id))}"
                for c in f.criteria
                if self.s.note(c.id).strip()
            ]
            if lines:
                parts += [f"### {self.field_title(f)}", "\n".join(lines)]
        if parts:
            self.add(f"## {self.t('s_notes')}", *parts)


def render_markdown(session: Session, q: Questionnaire, notes: bool = True) -> str:
    return MarkdownReport(session, q, notes).render()
