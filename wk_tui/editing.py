"""Changes to the profile, the timeline and the workshop of a session.

Every function here takes the session first, validates what people typed (raising
:class:`~wk_tui.validate.InvalidInput` before anything changes) and then changes one
section: ``municipality``, ``timeline`` or ``workshop`` (see :data:`SECTION`). Run them
through :meth:`SessionStore.edit`, which records the section's previous value for undo and
schedules the autosave. Keys the program does not know (``extra``) are kept.
"""

from __future__ import annotations

from typing import TypeVar

from . import validate as v
from .session import PRIORITIES, Action, Event, FieldWork, KeyFigure, Session
from .workshop import LISTS

#: Simple text fields of the profile (single line except ``context``).
PROFILE_TEXTS = (
    "name",
    "population_source",
    "foreign_share_source",
    "head_of_administration",
    "context",
)
#: List fields of the profile (one item per line in the form).
PROFILE_LISTS = ("project_leads", "challenges")


def move_in(items: list, i: int, delta: int) -> int:
    """Move ``items[i]`` by ``delta`` places (clamped); returns its new index."""
    j = max(0, min(i + delta, len(items) - 1))
    if 0 <= i < len(items) and j != i:
        items.insert(j, items.pop(i))
        return j
    return i


# --------------------------------------------------------------------------- profile


#: Profile values that are parsed and checked (the rest is text).
PROFILE_PARSERS = {"population": v.parse_population, "foreign_share": v.parse_share}


def check_profile(key: str, text: str, lang: str) -> None:
    """Raise InvalidInput if ``text`` is not a valid value for ``key`` (nothing changes)."""
    if key in PROFILE_PARSERS:
        PROFILE_PARSERS[key](text, lang)


def set_profile(s: Session, key: str, text: str, lang: str) -> None:
    """Set a profile value from what was typed; population and share are validated."""
    m = s.municipality
    if key in PROFILE_PARSERS:
        setattr(m, key, PROFILE_PARSERS[key](text, lang))
    elif key == "context":
        m.context = text.strip("\n").rstrip()
    elif key in PROFILE_TEXTS:
        setattr(m, key, text.strip())
    elif key in PROFILE_LISTS:
        setattr(m, key, [line.strip() for line in text.splitlines() if line.strip()])
    else:
        raise KeyError(key)


def put_key_figure(
    s: Session, index: int | None, label: str, value: str, source: str, lang: str
) -> int:
    """Add (``index`` None) or change a key figure; returns its index."""
    label = v.required(label, lang, "label_label")
    figures = s.municipality.key_figures
    if index is None:
        figures.append(KeyFigure(label, value.strip(), source.strip()))
        return len(figures) - 1
    k = figures[index]
    k.label, k.value, k.source = label, value.strip(), source.strip()
    return index


def delete_key_figure(s: Session, index: int) -> None:
    del s.municipality.key_figures[index]


def move_key_figure(s: Session, index: int, delta: int) -> int:
    return move_in(s.municipality.key_figures, index, delta)


# --------------------------------------------------------------------------- timeline


def put_event(
    s: Session,
    index: int | None,
    lang: str,
    date: str,
    end: str = "",
    title: str = "",
    participants: str = "",
    text: str = "",
) -> int:
    """Add (``index`` None: in date order) or change an event; returns its index."""
    start = v.parse_date(date, lang, "date_label")
    if start is None:
        raise v.InvalidInput(v.message(lang, "required", label=v.message(lang, "date_label")))
    stop = v.parse_date(end, lang, "end_label")
    if stop is not None and stop < start:
        raise v.InvalidInput(
            v.message(
                lang, "end_before", end=v.format_date(stop, lang), start=v.format_date(start, lang)
            )
        )
    title = v.required(title, lang, "title_label")
    participants, text = participants.strip(), text.strip("\n").rstrip()
    timeline = s.timeline
    if index is None:
        at = next((i for i, e in enumerate(timeline) if e.date > start), len(timeline))
        timeline.insert(at, Event(start, title, end=stop, participants=participants, text=text))
        return at
    e = timeline[index]
    e.date, e.title = start, title
    e.end, e.participants, e.text = stop, participants, text
    return index


def delete_event(s: Session, index: int) -> None:
    del s.timeline[index]


def move_event(s: Session, index: int, delta: int) -> int:
    return move_in(s.timeline, index, delta)


# --------------------------------------------------------------------------- workshop


def choose_fields(s: Session, fids: list[str]) -> None:
    """Set the chosen fields (in the given order); their results are kept either way."""
    s.workshop.fields = list(dict.fromkeys(fids))


def set_workshop_info(
    s: Session,
    lang: str,
    date: str,
    facilitator: str,
    participants: str,
    outlook: str | None = None,
) -> None:
    """Date (validated), facilitator, participants and, if given, the outlook text."""
    w = s.workshop
    w.date = v.parse_date(date, lang, "date_label")
    w.facilitator, w.participants = facilitator.strip(), participants.strip()
    if outlook is not None:
        set_outlook(s, outlook)


def set_outlook(s: Session, text: str) -> None:
    s.workshop.outlook = text.strip("\n").rstrip()


def _work(s: Session, fid: str) -> FieldWork:
    return s.workshop.results.setdefault(fid, FieldWork())


def _list(s: Session, fid: str, kind: str) -> list:
    if kind not in LISTS:
        raise KeyError(kind)
    return getattr(_work(s, fid), kind)


def _tidy(s: Session, fid: str) -> None:
    """Drop a field's results when they became empty (nothing else to keep)."""
    fw = s.workshop.results.get(fid)
    if fw is not None and fw == FieldWork():
        del s.workshop.results[fid]


def add_item(s: Session, fid: str, kind: str, text: str, lang: str, at: int | None = None) -> int:
    """Add an item to list ``kind`` of field ``fid`` (at the end by default); its index."""
    text = v.required(text, lang, "text_label")
    items = _list(s, fid, kind)
    at = len(items) if at is None else max(0, min(at, len(items)))
    items.insert(at, Action(text) if kind == "actions" else text)
    return at


def edit_item(s: Session, fid: str, kind: str, index: int, text: str, lang: str) -> None:
    text = v.required(text, lang, "text_label")
    items = _list(s, fid, kind)
    if kind == "actions":
        items[index].text = text
    else:
        items[index] = text


def delete_item(s: Session, fid: str, kind: str, index: int) -> None:
    del _list(s, fid, kind)[index]
    _tidy(s, fid)


def move_item(s: Session, fid: str, kind: str, index: int, delta: int) -> int:
    return move_in(_list(s, fid, kind), index, delta)


def set_action(
    s: Session,
    fid: str,
    index: int,
    lang: str,
    owner: str,
    due: str,
    priority: str = "",
    outlook: bool = False,
) -> None:
    """Set an action's owner, due date (validated), priority and outlook mark."""
    when = v.parse_date(due, lang, "due_label")
    if priority not in ("", *PRIORITIES):
        raise KeyError(priority)
    a = _list(s, fid, "actions")[index]
    a.owner, a.due, a.priority, a.outlook = owner.strip(), when, priority, bool(outlook)


def toggle_outlook(s: Session, fid: str, index: int) -> bool:
    """Flip the outlook mark of an action; returns the new mark."""
    a = _list(s, fid, "actions")[index]
    a.outlook = not a.outlook
    return a.outlook


def set_respondent(s: Session, name: str, role: str, department: str) -> None:
    """Who filled in this session (the ``[respondent]`` table); extra keys are kept."""
    who = s.respondent
    who.name, who.role, who.department = name.strip(), role.strip(), department.strip()


#: The section of the session each function changes (for the store's undo record).
SECTION = {
    set_respondent: "respondent",
    **dict.fromkeys(
        (set_profile, put_key_figure, delete_key_figure, move_key_figure), "municipality"
    ),
    **dict.fromkeys((put_event, delete_event, move_event), "timeline"),
    **dict.fromkeys(
        (
            choose_fields,
            set_workshop_info,
            set_outlook,
            add_item,
            edit_item,
            delete_item,
            move_item,
            set_action,
            toggle_outlook,
        ),
        "workshop",
    ),
}

#: What an edit function returns; :meth:`SessionStore.edit` and the app's ``edit`` pass it on.
R = TypeVar("R")
