"""User text is data, never markup: hostile text through the Markdown and HTML reports."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLE
from export_helpers import parse, shape, tables, text, walk
from hypothesis import given, settings
from hypothesis import strategies as st

from wk_tui.export import render
from wk_tui.export.mdescape import block, cell, inline
from wk_tui.files import load_session
from wk_tui.session import Action, Event, FieldWork, KeyFigure

HOSTILE = [
    "A | B || C \\| D",
    "`code` and ``more`` and ```fence",
    "# not a heading ##",
    "*star* **bold** _under_ __dunder__ snake_case_word",
    "<script>alert('x')</script>",
    "[x](http://evil.example) ![img](y.png) <http://auto.link> <b>bold</b>",
    "line one\nline two\n- not a list\n1. not ordered\n> not a quote\n---\n===\n",
    "[bold]rich markup[/bold] [link=http://x]y[/link]",
    "- leading dash",
    "+ leading plus",
    "1. one",
    "2) two",
    "> quote",
    "&lt;b&gt; &amp; &#60;script&#62; &copy;",
    "ends with a backslash \\",
    "    indented like code",
    "~~~ tilde ~~strike~~",
    "\x1b[31mred\x1b[0m\x07",
    "<!-- comment --> <?php ?> <![CDATA[x]]>",
    "| --- | --- |",
    '[ref]: http://evil.example "title"',
    "=",
    "\\*not emphasised\\*",
]

BENIGN = "X"


def _literal(s: str) -> str:
    """What a reader must see: whitespace collapsed, control characters gone."""
    return " ".join("".join(ch for ch in s if ch.isprintable() or ch.isspace()).split())


def fill(text_for) -> tuple:
    """The example session with every free text replaced by ``text_for(i)``."""
    session, q = load_session(EXAMPLE, None, strict=False)
    n = iter(range(10_000))
    t = lambda: text_for(next(n))  # noqa: E731
    m = session.municipality
    m.name, m.population_source, m.foreign_share_source = t(), t(), t()
    m.head_of_administration, m.context = t(), t()
    m.project_leads = [t(), t()]
    m.challenges = [t() for _ in range(len(HOSTILE))]
    m.key_figures = [KeyFigure(t(), t(), t()) for _ in range(3)]
    for cid in session.ratings:
        session.ratings[cid].note = t()
    session.timeline = [Event(dt.date(2020, 1, i + 1), t(), None, t(), t()) for i in range(3)]
    w = session.workshop
    w.facilitator, w.participants, w.outlook = t(), t(), t()
    w.results = {
        fid: FieldWork(
            [t(), t()], [t(), t()], [Action(t(), t(), dt.date(2021, 1, 1)), Action(t(), t())]
        )
        for fid in w.fields
    }
    # A questionnaire can be a user file, too: its texts are escaped the same way.
    fields = tuple(
        f.replace(
            title=t(), criteria=tuple(c.replace(title=t(), suggestion=t()) for c in f.criteria)
        )
        for f in q.fields
    )
    bands = tuple(b.replace(label=t()) for b in q.bands)
    q = q.replace(title=t(), fields=fields, bands=bands)
    return session, q


@pytest.fixture(scope="module")
def hostile():
    used: list[str] = []

    def text_for(i: int) -> str:
        used.append(HOSTILE[i % len(HOSTILE)])
        return used[-1]

    session, q = fill(text_for)
    return render(session, q, "md"), used


@pytest.fixture(scope="module")
def benign():
    return render(*fill(lambda i: BENIGN), "md")


def _without_line_breaks(tokens: list[tuple]) -> list[tuple]:
    """The shape with hard breaks taken out: a note's own line breaks are kept on purpose."""
    out = []
    for kind, tag, nesting, children in tokens:
        kept: list[str] = []
        for child in children:
            if child != "hardbreak" and not (child == "text" and kept[-1:] == ["text"]):
                kept.append(child)
        out.append((kind, tag, nesting, tuple(kept)))
    return out


def test_hostile_text_does_not_change_the_document_structure(hostile, benign):
    assert _without_line_breaks(shape(parse(hostile[0]))) == shape(parse(benign))


def test_no_html_links_code_or_emphasis_from_user_text(hostile):
    tokens = list(walk(parse(hostile[0])))
    types = {t.type for t in tokens}
    for bad in (
        "html_inline",
        "html_block",
        "link_open",
        "image",
        "code_inline",
        "code_block",
        "fence",
        "em_open",
        "blockquote_open",
        "hr",
        "ordered_list_open",
    ):
        if bad == "blockquote_open":
            # Only the report's own quote (the overall verdict) is a blockquote.
            assert sum(t.type == bad for t in tokens) == 1
        else:
            assert bad not in types, bad
    assert "<script>" not in hostile[0] and "\x1b" not in hostile[0]


def test_every_hostile_text_survives_literally(hostile):
    markdown, used = hostile
    seen = " ".join(text(t) for t in walk(parse(markdown)) if t.type == "inline")
    for s in set(used):
        assert _literal(s) in seen, s


def test_tables_keep_their_columns_and_rows(hostile, benign):
    got = [
        (len(head[0]), len(body), {len(r) for r in body})
        for _, head, body in tables(parse(hostile[0]))
    ]
    want = [
        (len(head[0]), len(body), {len(r) for r in body}) for _, head, body in tables(parse(benign))
    ]
    assert got == want
    assert [n for n, _, _ in got] == [3, 2, 2, 2, 2, 2, 2, 2, 4]


def test_pipes_inside_cells_stay_in_their_cell():
    session, q = load_session(EXAMPLE, None, strict=False)
    session.workshop.results["hf4"].actions[0].text = "a | b \\| c"
    session.workshop.results["hf4"].actions[0].owner = "x|y"
    rows = tables(parse(render(session, q, "md")))[-1][2]
    assert rows[0] == ["4", "a | b \\| c", "x|y", ""]


def test_html_report_has_no_injected_tags():
    session, q = fill(lambda i: HOSTILE[i % len(HOSTILE)])
    session.municipality.name = "<script>x</script> & Co"
    page = render(session, q, "html")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "<a " not in page and "<img" not in page and "<code" not in page
    assert "<!--" not in page and "<b>" not in page and "\x1b" not in page
    head = page.split("</head>", 1)[0]
    assert '<html lang="de">' in head and '<meta charset="utf-8">' in head
    assert "<title>Abschlussbericht &lt;script&gt;x&lt;/script&gt; &amp; Co – " in head


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("a|b", "a|b"),
        ("- x", "\\- x"),
        ("10. Mai", "10\\. Mai"),
        ("3) drei", "3\\) drei"),
        ("<b>&", "&lt;b&gt;&amp;"),
        ("snake_case _x_", "snake_case \\_x\\_"),
        ("a\n\n b\tc", "a b c"),
        ("Einwohner*innen", "Einwohner\\*innen"),
        ("(✓) – ✘", "(✓) – ✘"),
    ],
)
def test_inline(raw, expected):
    assert inline(raw) == expected


def test_cell_and_block():
    assert cell("a|b\nc") == "a\\|b c"
    assert block("one\ntwo\n\n  \n# three\n\n\n") == "one two\n\n\\# three"
    tokens = parse(block("first\n- para\n\n> second *x*"))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"] * 2


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.sampled_from(list("|`*_#[]()<>&;!\\-+=.~:/\"' 1\n\tabä✓"))
        | st.characters(codec="utf-8", exclude_categories=("Cs",)),
        max_size=40,
    )
)
def test_inline_is_always_one_literal_paragraph(s):
    tokens = parse(f"| a |\n| --- |\n| {cell(s)} |\n\n- {inline(s)}\n")
    kinds = [t.type for t in tokens if t.type != "inline"]
    assert kinds[:5] == ["table_open", "thead_open", "tr_open", "th_open", "th_close"]
    assert kinds.count("td_open") == 1 and kinds.count("list_item_open") == 1
    literal = _literal(s)
    if literal:
        inlines = [text(t) for t in tokens if t.type == "inline"]
        assert inlines[-2:] == [literal, literal]
    assert not any(
        t.type
        in (
            "html_inline",
            "link_open",
            "code_inline",
            "em_open",
            "strong_open",
            "image",
            "softbreak",
        )
        for t in walk(tokens)
    )


def test_html_title_drops_control_characters_like_the_body():
    """A name with ESC/BEL reads the same in the page's <title> as in its heading."""
    session, q = fill(lambda i: "x")
    session.municipality.name = "A\x1b[31mB\x07\x9b C"
    page = render(session, q, "html")
    head = page.split("</head>", 1)[0]
    assert not any(ch in head for ch in "\x1b\x07\x9b")
    assert "<title>Abschlussbericht A[31mB C – " in head
    assert "<h1>Abschlussbericht A[31mB C</h1>" in page
