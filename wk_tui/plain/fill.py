"""``wk-tui fill PATH --plain``: rate the criteria one at a time, line by line.

Works on a terminal, over ``ssh -T`` and from a pipe. Every answer and note goes through
the session store (atomic write, lock) and is written at once, before the next question.
"""

from __future__ import annotations

from ..i18n import number, tr
from ..questionnaire import Criterion, Field
from ..scoring import Result, score
from ..session_store import SessionStore
from .io import Prompter, plain, shown_questionnaire
from .strings import PLAIN

#: Digits typed at the prompt, in the order the answers are read out.
DIGITS = {"1": "ja", "2": "eher_ja", "3": "eher_nein", "4": "nein", "0": "keine_einschaetzung"}


class Quit(Exception):
    """``q`` or the end of input: save and stop."""


class Filler:
    def __init__(self, store: SessionStore, lang: str, io: Prompter) -> None:
        self.store, self.lang, self.io = store, lang, io
        self.q = shown_questionnaire(store.questionnaire, lang)
        self.items: list[tuple[Field, Criterion]] = [
            (f, c) for f in self.q.fields for c in f.criteria
        ]
        self.answers = {}
        for digit, value in DIGITS.items():
            step = self.q.step(value)
            self.answers[digit] = value
            for word in (value, step.label, step.symbol):
                self.answers[word.casefold()] = value

    def t(self, key: str, **kw: object) -> str:
        return tr(PLAIN, self.lang, key, **kw)

    # ------------------------------------------------------------------ reading out

    def result(self) -> Result:
        return score(self.q, self.store.session.values(self.q))

    def percent(self, value: float | None) -> str:
        if value is None:
            return self.t("no_score")
        return self.t("percent", value=number(value, self.lang))

    def answer_list(self) -> str:
        return ", ".join(f"{d} {self.q.step(v).label}" for d, v in DIGITS.items())

    def show(self, i: int) -> None:
        f, c = self.items[i]
        session = self.store.session
        self.io.say(
            "",
            self.t(
                "position",
                field=f.number,
                fields=len(self.q.fields),
                criterion=f.criteria.index(c) + 1,
                criteria=len(f.criteria),
            ),
            self.t("field", title=plain(f.title)),
            self.t("criterion", title=plain(c.title)),
        )
        if c.questions:
            self.io.say(self.t("questions"), *(f"- {plain(x)}" for x in c.questions))
        value = session.value(c.id)
        if value:
            step = self.q.step(value)
            self.io.say(self.t("current", label=step.label, symbol=step.symbol))
        else:
            self.io.say(self.t("current_none"))
        if session.note(c.id).strip():
            self.io.say(self.t("note", note=plain(session.note(c.id))))
        self.io.say(self.t("answers", answers=self.answer_list()))

    def verdict(self) -> None:
        res = self.result()
        c = res.counts
        lines = [self.t("verdict", rated=c.rated, total=c.total, open=c.open)]
        if res.band is not None:
            prov = self.t("provisional") if res.provisional else ""
            lines.append(
                self.t(
                    "verdict_score", score=self.percent(res.score), prov=prov, label=res.band.label
                )
            )
        else:
            lines.append(self.t("verdict_none"))
        for fr in res.fields:
            open_ = self.t("open_n", n=fr.counts.open) if fr.counts.open else ""
            lines.append(
                self.t(
                    "verdict_field",
                    number=fr.field.number,
                    title=plain(fr.field.title),
                    score=self.percent(fr.score),
                    open=open_,
                )
            )
        self.io.say(*lines)

    def summary(self) -> str:
        res = self.result()
        c = res.counts
        return self.t(
            "summary",
            path=self.store.path,
            rated=c.rated,
            total=c.total,
            open=c.open,
            score=self.percent(res.score),
            prov=self.t("provisional") if res.provisional and res.score is not None else "",
        )

    # ------------------------------------------------------------------ asking

    def read(self, question: str) -> str:
        line = self.io.ask(question)
        if line is None:
            raise Quit
        return plain(line)

    def start(self) -> int:
        values = self.store.session.values(self.q)
        for i, (_, c) in enumerate(self.items):
            if c.id not in values:
                return i
        self.io.say(self.t("all_rated"))
        return 0

    def run(self) -> None:
        session = self.store.session
        res = self.result()
        self.io.say(
            self.t(
                "intro",
                name=plain(session.municipality.name or self.store.path.name),
                title=plain(self.q.title),
            ),
            self.t("intro_counts", rated=res.counts.rated, total=res.counts.total),
        )
        i = self.start()
        try:
            while i < len(self.items):
                i = self.step(i)
        except Quit:
            return
        self.io.say(self.t("end"))

    def step(self, i: int) -> int:
        """Ask about criterion ``i`` until an input moves on; return the next index."""
        self.show(i)
        f, c = self.items[i]
        while True:
            text = self.read(self.t("ask"))
            word = text.casefold()
            command, _, rest = word.partition(" ")
            if word in self.answers:
                self.rate(c.id, self.answers[word])
                return self.next(i)
            if word == "":
                value = self.store.session.value(c.id)
                self.io.say(
                    self.t("kept", label=self.q.step(value).label) if value else self.t("kept_none")
                )
                return self.next(i)
            if word == "s":
                self.io.say(self.t("skipped"))
                return self.next(i)
            if word == "b":
                if i == 0:
                    self.io.say(self.t("first"))
                    continue
                return i - 1
            if word == "q":
                raise Quit
            if word in ("?", "h", "hilfe", "help"):
                self.io.say(self.t("help"))
                continue
            if word == "r":
                self.verdict()
                continue
            if command == "n" or word == "n":
                self.note(c.id, text[1:].strip())
                continue
            if command == "g" or (word[:1] == "g" and word[1:].strip().isdigit()):
                target = self.goto(rest.strip() if command == "g" else word[1:].strip())
                if target is not None:
                    return target
                continue
            self.io.say(self.t("bad", text=text))

    def next(self, i: int) -> int:
        f = self.items[i][0]
        if i + 1 == len(self.items) or self.items[i + 1][0] is not f:
            fr = self.result().field(f.id)
            self.io.say(self.t("field_done", number=f.number, score=self.percent(fr.score)))
        return i + 1

    def goto(self, text: str) -> int | None:
        fields = self.q.fields
        if not text.isdigit() or not 1 <= int(text) <= len(fields):
            self.io.say(self.t("bad_field", text=text, fields=len(fields)))
            return None
        f = fields[int(text) - 1]
        values = self.store.session.values(self.q)
        c = next((c for c in f.criteria if c.id not in values), f.criteria[0])
        return self.items.index((f, c))

    # ------------------------------------------------------------------ writing

    def rate(self, cid: str, value: str) -> None:
        self.store.rate(cid, value)
        self.store.flush()
        self.io.say(self.t("saved", label=self.q.step(value).label))

    def note(self, cid: str, first: str) -> None:
        if first:
            lines = [first]
        else:
            self.io.say(self.t("note_ask"))
            lines = []
            while True:
                line = self.io.ask(self.t("note_line"))
                if line is None or line.strip() == ".":
                    break
                lines.append(plain(line))
        text = "\n".join(lines).strip()
        if not text:
            self.io.say(self.t("note_cancel"))
            return
        old = self.store.session.note(cid)
        if old.strip():
            self.io.say(self.t("note_existing"))
            text = old.rstrip() + "\n" + text
        self.store.set_note(cid, text)
        self.store.flush()
        self.io.say(self.t("note_saved"))


def fill(store: SessionStore, lang: str, io: Prompter) -> None:
    """Rate ``store``'s criteria line by line; prints a summary line when done."""
    filler = Filler(store, lang, io)
    try:
        filler.run()
    finally:
        store.flush()
    io.say(filler.summary())
