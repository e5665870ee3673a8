"""Emit, for people: a converted document → one self-contained, readable HTML page.

The text views and their eIds come from `to_akn.layout()`, the same views the AKN
templates lay out, so every HTML id equals the eId of the AKN element it shows and
`NAME.html#para_19` points at what `NAME.akn.xml` calls `para_19`. Python decides
here (vote table, notes, diagnostics, fonts); `templates/html/` only lays out.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import __version__
from .convert import Conversion
from .diagnostics import Diagnostic, Level
from .fixes.arabic import remove_bidi_controls
from .fixes.text import remove_control_chars
from .languages import load
from .model import Document, Title, VOTE_KEYS, Vote, count_ref, plain
from .templates import escape_text, inline_writer, register_filter, render
from .to_akn import COUNT_LABELS, layout


@dataclass(frozen=True)
class Typeface:
    """How a script is set: a font stack of faces that are commonly installed (no
    web fonts: the page must not fetch anything), and the size and leading it needs."""

    family: str
    size: str
    leading: str


# By `Profile.script`. UN documents are set in Times New Roman; Arabic and Chinese
# need faces of their own, and Arabic a larger size and leading for its marks.
TYPEFACES = {
    "Latin": Typeface('"Times New Roman", Times, "Liberation Serif", "Nimbus Roman", "DejaVu Serif", serif',
                      "1.06rem", "1.55"),
    "Cyrillic": Typeface('"Times New Roman", Times, "Liberation Serif", "PT Serif", "DejaVu Serif", serif',
                         "1.06rem", "1.55"),
    "Arabic": Typeface('"Amiri", "Noto Naskh Arabic", "Traditional Arabic", "Simplified Arabic", '
                       '"Sakkal Majalla", "Geeza Pro", "Noto Sans Arabic", "DejaVu Sans", serif',
                       "1.2rem", "1.9"),
    "Han": Typeface('"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", '
                    '"Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif',
                    "1.06rem", "1.8"),
}
# The longest stretch of an input line the diagnostics panel quotes.
QUOTED_LINE_LENGTH = 160


# The HTML of each kind of render-ready run (the `html_inline` filter: see
# templates.inline_writer for why a table and not a macro).
_INLINE = {
    "text": lambda r: escape_text(r["text"]),
    "emphasis": lambda r: (f'<{escape_text(r["element"])} class="opening">{escape_text(r["text"])}'
                           f'</{escape_text(r["element"])}>'),
    "note": lambda r: (f'<sup class="note-call"><a id="call-{escape_text(r["eid"])}" href="#{escape_text(r["eid"])}"'
                       f' role="doc-noteref">{escape_text(r["marker"])}</a></sup>'),
    "quantity": lambda r: f'<data class="quantity" value="{escape_text(r["value"])}">{escape_text(r["text"])}</data>',
    "organization": lambda r: (f'<span class="organization" data-state="{escape_text(r["refers_to"])}">'
                               f'{escape_text(r["text"])}</span>'),
    "date": lambda r: f'<time datetime="{escape_text(r["iso"])}">{escape_text(r["text"])}</time>',
    "ref": lambda r: f'<a class="ref" href="{escape_text(r["href"])}">{escape_text(r["text"])}</a>',
    "meeting": lambda r: f'<span class="meeting">{escape_text(r["text"])}</span>',
}


inline_markup = inline_writer(_INLINE)
register_filter("html_inline", inline_markup)


def to_html(conversion: Conversion) -> bytes:
    """Render one converted document as a self-contained HTML page (UTF-8)."""
    return render("html/document.html.j2", **_context(conversion)).encode("utf-8")


def _context(conversion: Conversion) -> dict:
    doc = conversion.document
    profile = load(doc.meta.lang)
    # the views the AKN was written from, when the conversion kept them: the same eIds
    views = dict(conversion.views) if conversion.views is not None else layout(doc)
    if doc.parts:
        views["components"] = [{**component, "text": _text(component["text"], component["vote"])}
                               for component in views["components"]]
    else:
        views["main"] = _text(views["main"], doc.vote)
    typeface = TYPEFACES[profile.script]
    return {
        **views,
        "lang": doc.meta.lang,
        "dir": profile.direction,
        # trusted constants, written into <style>, where entities would not be decoded
        "font_family": Markup(typeface.family), "font_size": typeface.size, "leading": typeface.leading,
        "page_title": page_title(doc.meta.symbol, doc.title, doc.source),
        "source": conversion.source.name,
        "generator": f"akn-pipeline {__version__}",
        "valid": conversion.ok,
        "uncalled_notes": _uncalled_notes(doc, views["notes"]),
        "diagnostics": _diagnostics(conversion),
    }


def page_title(symbol: str | None, title: Title | None, source: str) -> str:
    """What the browser tab shows: the symbol and the title as printed, else the file name.

    >>> from pipeline.model import Span, Text
    >>> page_title("A/HRC/RES/38/3", Title("38/3.", "38/3", (Text("加强人权领域的国际合作"),), Span(1, 1)), "a.txt")
    'A/HRC/RES/38/3 — 38/3. 加强人权领域的国际合作'
    >>> page_title(None, Title("2755 (2024)", "2755 (2024)", (), Span(1, 1), "Resolution ", ""), "a.txt")
    'Resolution 2755 (2024)'
    >>> page_title(None, None, "input/a.txt")
    'a.txt'
    """
    shown = [symbol] if symbol else []
    if title is not None:
        if title.before or title.after:
            shown.append(f"{title.before}{title.num}{title.after}".strip())
        else:
            shown.append(" ".join(p for p in (title.num, plain(title.content)) if p).strip())
    return " — ".join(p for p in shown if p) or source.rsplit("/", 1)[-1]


def _text(view: dict, vote: Vote | None) -> dict:
    """Split the conclusions of a text (document or part) into its closing lines
    and its vote: the outcome as printed and a table of counts and member states."""
    conclusions = view["conclusions"] or []
    closing = [p for p in conclusions if p["kind"] not in ("vote", "vote_group")]
    outcome = next((p for p in conclusions if p["kind"] == "vote"), None)
    groups = [p for p in conclusions if p["kind"] == "vote_group"]
    rows = []
    if vote is not None:
        for key in VOTE_KEYS:
            count = vote.count(key)
            group = next((g for g in groups if g["refers_to"] == count_ref(key)), None)
            if count is None and group is None:
                continue
            rows.append({"key": key, "eid": group["eid"] if group else None,
                         "label": group["label"] if group else COUNT_LABELS[key],
                         "count": count, "runs": group["runs"] if group else []})
    # a second list under the same key is not expected, but if the model has one it is shown, not dropped
    shown = {row["eid"] for row in rows}
    rows += [{"key": None, "eid": g["eid"], "label": g["label"], "count": None, "runs": g["runs"]}
             for g in groups if g["eid"] not in shown]
    return {**view, "closing": closing, "vote": {"outcome": outcome, "rows": rows} if outcome or rows else None}


def _uncalled_notes(doc: Document, calls: list[dict]) -> list[dict]:
    """Notes of the model that no call in the text names: the AKN has no place for
    them (a note lives at its call there), the page lists them after the others so
    that no text of the document is lost."""
    called = {id(call["footnote"]) for call in calls}
    return [{"marker": note.marker, "text": plain(note.content)}
            for note in doc.footnotes if id(note) not in called]


def _diagnostics(conversion: Conversion) -> dict:
    """Warnings and errors, then the repairs (infos), each as the compiler-style line
    the CLI prints and the input line it points at."""
    lines = conversion.source.text.split("\n")
    entries = [_diagnostic(d, conversion.source.name, lines) for d in conversion.diagnostics]
    problems = [e for e in entries if e["level"] != str(Level.INFO)]
    return {"problems": problems, "infos": [e for e in entries if e["level"] == str(Level.INFO)],
            "warnings": sum(1 for e in problems if e["level"] == str(Level.WARNING)),
            "errors": sum(1 for e in problems if e["level"] == str(Level.ERROR))}


def _diagnostic(d: Diagnostic, source: str, lines: list[str]) -> dict:
    quoted = None
    if d.line and d.line <= len(lines):
        # shown as a reader would see it: without the extractor's controls, shortened
        text = remove_bidi_controls(remove_control_chars(lines[d.line - 1])).replace("\x0c", "").strip()
        quoted = text if len(text) <= QUOTED_LINE_LENGTH else text[:QUOTED_LINE_LENGTH - 1] + "…"
    return {"level": str(d.level), "code": d.code, "name": d.name, "line": d.line,
            "text": d.format(source), "quoted": quoted or None}
