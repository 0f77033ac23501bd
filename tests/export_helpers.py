"""Helpers for the export tests: parse Markdown with markdown-it-py and read it back."""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

MD = MarkdownIt("commonmark").enable("table")


def parse(markdown: str) -> list[Token]:
    return MD.parse(markdown)


def walk(tokens: list[Token]) -> Iterator[Token]:
    for tok in tokens:
        yield tok
        if tok.children:
            yield from walk(tok.children)


def text(tok: Token) -> str:
    """The literal text of an inline token (what a reader sees, markup removed)."""
    return "".join(c.content for c in tok.children or () if c.type in ("text", "text_special"))


def tables(tokens: list[Token]) -> list[tuple[str, list[list[str]], list[list[str]]]]:
    """Each table as (the text of the heading before it, header rows, body rows)."""
    out, heading, current, part = [], "", None, None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            heading = text(tokens[i + 1])
        elif tok.type == "table_open":
            current = (heading, [], [])
        elif tok.type in ("thead_open", "tbody_open"):
            part = current[1] if tok.type == "thead_open" else current[2]
        elif tok.type == "tr_open":
            part.append([])
        elif tok.type == "inline" and current is not None and part is not None:
            part[-1].append(text(tok))
        elif tok.type == "table_close":
            out.append(current)
            current = part = None
    return out


def headings(tokens: list[Token], level: int | None = None) -> list[str]:
    return [
        text(tokens[i + 1])
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and (level is None or tok.tag == f"h{level}")
    ]


def shape(tokens: list[Token]) -> list[tuple]:
    """The document structure without any text: block and inline token types."""
    return [(t.type, t.tag, t.nesting, tuple(c.type for c in t.children or ())) for t in tokens]
