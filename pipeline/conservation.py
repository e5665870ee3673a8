"""Text conservation: does every character of the input reach the output, in order?

The check compares visible characters (whitespace aside). From the input it takes
everything except what the clean stage recorded as removed page furniture and the
footnote texts it moved; from the AKN it takes the text outside the metadata in
document order, with each footnote (`authorialNote`) standing for its printed
superscript marker. The moved footnote texts must equal the notes' contents.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lxml import etree

from .clean import Cleaned
from .scripts import SUPERSCRIPT_DIGITS

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


@dataclass(frozen=True)
class Report:
    ok: bool
    expected: int  # visible characters expected in the running text
    found: int
    detail: str = ""


def _visible(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text) if not c.isspace())


def expected_running_text(source_text: str, cleaned: Cleaned) -> str:
    """Visible input characters that must appear in the running text, in order."""
    lines = source_text.split("\n")
    moved = {n for note in cleaned.notes for n in range(note.span.first, note.span.last + 1)}
    out = []
    for number, line in enumerate(lines, start=1):
        if number in moved:
            continue
        text = line
        for removal in cleaned.removed:
            if removal.line == number:
                for char in removal.text:
                    text = text.replace(char, "", 1)
        out.append(_visible(text.replace("\f", "")))
    return "".join(out)


def output_running_text(akn: bytes) -> tuple[str, list[tuple[str, str]]]:
    """Visible characters of the AKN outside meta, notes replaced by their markers;
    and the (marker, text) of each note."""
    root = etree.fromstring(akn)
    notes: list[tuple[str, str]] = []
    parts: list[str] = []

    def walk(element):
        if element.tag == f"{AKN}meta":
            return
        if element.tag == f"{AKN}authorialNote":
            marker = element.get("marker", "")
            notes.append((marker, _visible("".join(element.itertext()))))
            parts.append(marker.translate(_TO_SUPERSCRIPT))
            return
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(root)
    return _visible("".join(parts)), notes


def check(source_text: str, cleaned: Cleaned, akn: bytes) -> Report:
    """Compare the input with the output; `detail` shows the first difference."""
    expected = expected_running_text(source_text, cleaned)
    found, notes = output_running_text(akn)
    if expected != found:
        pairs = enumerate(zip(expected, found, strict=False))
        at = next((i for i, (a, b) in pairs if a != b), min(len(expected), len(found)))
        return Report(False, len(expected), len(found),
                      f"first difference at character {at}: input …{expected[max(0, at - 20):at + 20]}… "
                      f"output …{found[max(0, at - 20):at + 20]}…")
    moved = sorted(_visible(note.text) for note in cleaned.notes)
    written = sorted(marker.translate(_TO_SUPERSCRIPT) + text for marker, text in notes)
    if moved != written:
        return Report(False, len(expected), len(found), f"footnotes differ: input {moved} output {written}")
    return Report(True, len(expected), len(found))
