"""``wk-tui fill PATH --plain --workshop``: the workshop lists, line by line.

For each action field chosen for the workshop: what already works, what does not work
yet, and the needs for action (with who is responsible and until when), as described in
docs/formats.md (``[workshop.results.<field id>]``). Every change goes through the core
(:mod:`wk_tui.editing` via :meth:`SessionStore.edit`: validated, undoable) and is written
at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from .. import editing
from ..export.strings import REPORT
from ..i18n import tr
from ..session import Action, Session
from ..session_store import SessionStore
from ..validate import InvalidInput, parse_date
from ..workshop import LISTS, chosen_fields, field_work
from .fill import Quit
from .io import Prompter, plain, shown_questionnaire
from .strings import PLAIN


class SkipField(Exception):
    """``s``: go on with the next chosen field."""


class WorkshopFiller:
    def __init__(self, store: SessionStore, lang: str, io: Prompter) -> None:
        self.store, self.lang, self.io = store, lang, io
        self.q = shown_questionnaire(store.questionnaire, lang)

    @property
    def session(self) -> Session:
        return self.store.session

    def t(self, key: str, **kw: object) -> str:
        return tr(PLAIN, self.lang, key, **kw)

    def read(self, question: str) -> str:
        line = self.io.ask(question)
        if line is None:
            raise Quit
        return plain(line)

    def edit(self, fn: Callable, *args: object) -> object:
        """One change through the core (validated, undoable), written at once."""
        result = self.store.edit(fn, *args)
        self.store.flush()
        return result

    def numbers(self, fids: list[str]) -> str:
        known = {f.id: str(f.number) for f in self.q.fields}
        return ", ".join(known.get(fid, plain(fid)) for fid in fids)

    # ------------------------------------------------------------------ fields

    def choose_fields(self) -> None:
        fields, current = self.q.fields, self.session.workshop.fields
        if current:
            self.io.say(self.t("ws_fields_now", fields=self.numbers(current)))
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
            chosen = [fields[int(p) - 1].id for p in parts]
            # Fields chosen before that the questionnaire does not know stay chosen.
            known = {f.id for f in fields}
            self.edit(editing.choose_fields, chosen + [f for f in current if f not in known])
            saved = self.numbers(self.session.workshop.fields)
            self.io.say(self.t("ws_fields_saved", fields=saved))
            return

    # ------------------------------------------------------------------ lists

    def run(self) -> None:
        name = self.session.municipality.name or self.store.path.name
        self.io.say(self.t("ws_intro", name=plain(name)))
        try:
            self.choose_fields()
            chosen = chosen_fields(self.session, self.q)
            if not chosen:
                self.io.say(self.t("ws_none"))
                return
            for i, f in enumerate(chosen, 1):
                title = plain(f.title)
                self.io.say(
                    "", self.t("ws_field", number=f.number, title=title, i=i, count=len(chosen))
                )
                try:
                    for kind in LISTS:
                        self.fill_list(f.id, kind)
                except SkipField:
                    self.io.say(self.t("ws_skipped"))
            self.io.say(self.t("ws_done"))
        except Quit:
            return

    def items(self, fid: str, kind: str) -> list[str | Action]:
        return getattr(field_work(self.session, fid), kind)

    def fill_list(self, fid: str, kind: str) -> None:
        self.io.say("", self.t("ws_list", title=tr(REPORT, self.lang, kind)))
        items = self.items(fid, kind)
        if not items:
            self.io.say(self.t("ws_list_empty"))
        for n, item in enumerate(items, 1):
            self.io.say(self.describe(n, item))
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
                self.delete(fid, kind, m.group(1))
                continue
            self.add(fid, kind, text)

    def describe(self, n: int, item: str | Action) -> str:
        if not isinstance(item, Action):
            return self.t("ws_item", n=n, text=plain(item))
        if not (item.owner or item.due):
            return self.t("ws_item", n=n, text=plain(item.text))
        return self.t(
            "ws_action_extra",
            n=n,
            text=plain(item.text),
            owner=plain(item.owner) or "–",
            due=item.due.isoformat() if item.due else "–",
        )

    def add(self, fid: str, kind: str, text: str) -> None:
        index = cast(int, self.edit(editing.add_item, fid, kind, text, self.lang))
        if kind == "actions":
            # The action is saved with its text first, so the end of input while asking
            # for the owner or the date loses nothing that was typed.
            owner = self.read(self.t("ws_owner_ask"))
            self.edit(editing.set_action, fid, index, self.lang, owner, "")
            due = self.ask_due()
            self.edit(editing.set_action, fid, index, self.lang, owner, due)
        self.io.say(self.t("ws_added", n=index + 1))

    def ask_due(self) -> str:
        while True:
            text = self.read(self.t("ws_due_ask"))
            try:
                parse_date(text, self.lang, "due_label")
            except InvalidInput:
                self.io.say(self.t("ws_due_bad", text=text))
                continue
            return text

    def delete(self, fid: str, kind: str, text: str) -> None:
        items = self.items(fid, kind)
        if not (text.isdigit() and 1 <= int(text) <= len(items)):
            self.io.say(self.t("ws_bad_delete", text=text, max=len(items)))
            return
        item = items[int(text) - 1]
        self.edit(editing.delete_item, fid, kind, int(text) - 1)
        self.io.say(self.t("ws_deleted", n=text, text=plain(getattr(item, "text", item))))

    def summary(self) -> str:
        w = self.session.workshop
        entries = sum(len(getattr(fw, kind)) for fw in w.results.values() for kind in LISTS)
        return self.t("summary_ws", path=self.store.path, fields=len(w.fields), items=entries)


def fill_workshop(store: SessionStore, lang: str, io: Prompter) -> None:
    filler = WorkshopFiller(store, lang, io)
    try:
        filler.run()
    finally:
        store.flush()
    io.say(filler.summary())
