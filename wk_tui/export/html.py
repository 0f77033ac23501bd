"""The report as one self-contained HTML file (inline CSS, prints on A4).

It is made from the Markdown report with markdown-it-py with raw HTML disabled, so text
from the session can never become a tag, whatever the escaping upstream did.
"""

from __future__ import annotations

from html import escape

from ..i18n import tr
from ..questionnaire import Questionnaire
from ..session import Session
from .mdescape import clean
from .strings import REPORT

CSS = """\
@page { size: A4; margin: 18mm; }
:root { color-scheme: light; }
body {
  font-family: "Source Sans 3", "Segoe UI", "Noto Sans", "DejaVu Sans", Arial,
    "Segoe UI Symbol", "Noto Sans Symbols 2", sans-serif;
  font-size: 11pt; line-height: 1.45; color: #1a1a1a; background: #fff;
  max-width: 48em; margin: 2em auto; padding: 0 1em;
}
h1 { font-size: 1.8em; margin: 0 0 .2em; }
h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 2px solid #1d5f8a;
  padding-bottom: .15em; }
h3 { font-size: 1.12em; margin-top: 1.4em; }
h4 { font-size: 1em; margin: 1.2em 0 .4em; }
h2, h3, h4 { color: #0f3f5f; break-after: avoid; page-break-after: avoid; }
blockquote { margin: 1em 0; padding: .4em 1em; border-left: 4px solid #1d5f8a;
  background: #eef4f8; }
blockquote p { margin: .3em 0; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; }
th, td { border: 1px solid #777; padding: .3em .5em; vertical-align: top;
  text-align: left; }
th { background: #e4ebf0; }
td[style*="center"], th[style*="center"] { white-space: nowrap; font-size: 1.05em; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
ul, ol { padding-left: 1.4em; }
li { margin: .15em 0; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
"""

PAGE = """\
<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
{body}</body>
</html>
"""


def markdown_to_html(markdown: str) -> str:
    """The body HTML of a CommonMark + GFM-table document; raw HTML stays text."""
    from markdown_it import MarkdownIt  # markdown-it only for the HTML export

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)


def render_html(markdown: str, session: Session, q: Questionnaire) -> str:
    lang = session.language if session.language in REPORT else "de"
    name = clean(session.municipality.name)  # as in the heading: no control characters
    title = tr(REPORT, lang, "title", name=name) if name else tr(REPORT, lang, "title_anon")
    return PAGE.format(
        lang=lang,
        title=escape(f"{title} – {clean(q.title)}"),
        css=CSS,
        body=markdown_to_html(markdown),
    )
