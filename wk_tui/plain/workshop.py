"""``wk-tui fill PATH --plain --workshop``: the workshop lists, line by line.

For each action field chosen for the workshop: what already works, what does not work
yet, and the needs for action (with who is responsible and until when), as described in
docs/formats.md (``[workshop.results.<field id>]``). Each entry is saved at once through
the session store.
"""

from __future__ import annotations

import datetime as dt
import re

from ..export.strings import REPORT
from ..i18n import tr
from ..session import Action, FieldWork, now
from ..session_store import SessionStore
from .fill import Quit
from .io import Prompter, plain
from .strings import PLAIN

LISTS = ("works", "not_yet", "actions")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class SkipField(Exception):
    """``s``: go on with the next chosen field."""


def parse_date(text: str) -> dt.date | None:
    """``2021-06-30`` or ``30.06.2021``; ``None`` if it is neither."""
    m = _GERMAN_DATE.match(text)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class WorkshopFiller:
    def __init__(self, store: SessionStore, lang: str, io: Prompter) -> None:
        self.store, self.lang, self.io = store, lang, io
        self.q = store.questionnaire
        self.workshop = store.session.workshop

    def t(self, key: str, **kw: object) -> str:
        return tr(PLAIN, self.lang, key, **kw)

    def read(self, question: str) -> str:
        line = self.io.ask(question)
        if line is None:
            raise Quit
        return plain(line)

    def save(self) -> None:
        self.store.session.updated = now()
        self.store.changed()
        self.store.flush()

    def numbers(self, fids: list[str]) -> str:
        known = {f.id: str(f.number) for f in self.q.fields}
        return ", ".join(known.get(fid, plain(fid)) for fid in fids)

    # ------------------------------------------------------------------ fields

    def choose_fields(self) -> None:
        w, fields = self.workshop, self.q.fields
        if w.fields:
            self.io.say(self.t("ws_fields_now", fields=self.numbers(w.fields)))
        else:
            self.io.say(self.t("ws_fields_none"))
        while True:
            text = self.read(self.t("ws_fields_ask", max=len(fields)))
            if text == "":
                return
            if text.casefold() == "q":
                raise Quit
            parts = [p for p in re.split(r"[\s,;]+", text) if p]
            if not all(p.isdigit() and 1 <= int(p) <= len(fields) for p in parts):
                self.io.say(self.t("ws_fields_bad", text=text, max=len(fields)))
                continue
            chosen = list(dict.fromkeys(fields[int(p) - 1].id for p in parts))
            # Fields chosen before that are not known to the questionnaire stay.
            known = {f.id for f in fields}
            w.fields = chosen + [fid for fid in w.fields if fid not in known]
            self.save()
            self.io.say(self.t("ws_fields_saved", fields=self.numbers(w.fields)))
            return

    # ------------------------------------------------------------------ lists

    def run(self) -> None:
        name = self.store.session.municipality.name or self.store.path.name
        self.io.say(self.t("ws_intro", name=plain(name)))
        try:
            self.choose_fields()
            known = {f.id: f for f in self.q.fields}
            chosen = [fid for fid in self.workshop.fields if fid in known]
            if not chosen:
                self.io.say(self.t("ws_none"))
                return
            for i, fid in enumerate(chosen, 1):
                f = known[fid]
                self.io.say(
                    "",
                    self.t(
                        "ws_field", number=f.number, title=plain(f.title), i=i, count=len(chosen)
                    ),
                )
                try:
                    for key in LISTS:
                        self.fill_list(fid, key)
                except SkipField:
                    self.io.say(self.t("ws_skipped"))
            self.io.say(self.t("ws_done"))
        except Quit:
            return

    def items(self, fid: str, key: str) -> list:
        work = self.workshop.results.get(fid)
        return getattr(work, key) if work else []

    def fill_list(self, fid: str, key: str) -> None:
        self.io.say("", self.t("ws_list", title=tr(REPORT, self.lang, key)))
        self.read_out(fid, key)
        while True:
            text = self.read(self.t("ws_item_ask"))
            word = text.casefold()
            if word == "":
                return
            if word == "q":
                raise Quit
            if word == "s":
                raise SkipField
            if word in ("?", "h", "hilfe", "help"):
                self.io.say(self.t("ws_help"))
                continue
            m = re.fullmatch(r"d\s*(\S+)", word)
            if m:
                self.delete(fid, key, m.group(1))
                continue
            self.add(fid, key, text)

    def read_out(self, fid: str, key: str) -> None:
        items = self.items(fid, key)
        if not items:
            self.io.say(self.t("ws_list_empty"))
        for n, item in enumerate(items, 1):
            self.io.say(self.describe(n, item))

    def describe(self, n: int, item: str | Action) -> str:
        if isinstance(item, Action):
            if item.owner or item.due:
                return self.t(
                    "ws_action_extra",
                    n=n,
                    text=plain(item.text),
                    owner=plain(item.owner) or "–",
                    due=item.due.isoformat() if item.due else "–",
                )
            return self.t("ws_item", n=n, text=plain(item.text))
        return self.t("ws_item", n=n, text=plain(item))

    def add(self, fid: str, key: str, text: str) -> None:
        work = self.workshop.results.setdefault(fid, FieldWork())
        items = getattr(work, key)
        if key != "actions":
            items.append(text)
        else:
            # The action is saved with its text first, so the end of input while asking
            # for the owner or the date loses nothing that was typed.
            action = Action(text)
            items.append(action)
            self.save()
            action.owner = self.read(self.t("ws_owner_ask"))
            self.save()
            action.due = self.ask_due()
        self.save()
        self.io.say(self.t("ws_added", n=len(items)))

    def ask_due(self) -> dt.date | None:
        while True:
            text = self.read(self.t("ws_due_ask"))
            if text == "":
                return None
            due = parse_date(text)
            if due is not None:
                return due
            self.io.say(self.t("ws_due_bad", text=text))

    def delete(self, fid: str, key: str, text: str) -> None:
        items = self.items(fid, key)
        if not (text.isdigit() and 1 <= int(text) <= len(items)):
            self.io.say(self.t("ws_bad_delete", text=text, max=len(items)))
            return
        item = items.pop(int(text) - 1)
        self.save()
        self.io.say(self.t("ws_deleted", n=text, text=plain(getattr(item, "text", item))))

    def summary(self) -> str:
        results = self.workshop.results
        entries = sum(len(getattr(fw, key)) for fw in results.values() for key in LISTS)
        return self.t(
            "summary_ws", path=self.store.path, fields=len(self.workshop.fields), items=entries
        )


def fill_workshop(store: SessionStore, lang: str, io: Prompter) -> None:
    filler = WorkshopFiller(store, lang, io)
    try:
        filler.run()
    finally:
        store.flush()
    io.say(filler.summary())
