"""The UN's own paragraphs, one per line, as a word processor saves a text: every dev
resolution without annexes or unnumbered operative units, its title, formula,
recitals, and numbered paragraphs with their items written one per line with no
blank line between them, gives the gold's numbers of preambular and operative
paragraphs and of sub-items; and so it does when the paragraph numbers are left out,
as a word processor that numbered them itself drops them from the text it copies.
Skips when ../shared is absent."""
from __future__ import annotations

import json

import pytest

from conftest import MARKUP_DATE, shared_path
from pipeline.convert import Options, convert
from pipeline.model import Paragraph

pytestmark = pytest.mark.corpus

_AT_LEAST = 60  # documents of the dev corpus the test must cover


def _one_per_line(gold: dict, numbered: bool) -> str | None:
    """The gold's text one paragraph per line, or None when it has parts the gold's
    structure does not give in order (annexes, parts, unnumbered operative units)."""
    if gold["annexes"].get("count") or gold.get("components"):
        return None
    if any(unit.get("num") is None or "text" not in unit for unit in gold["operative"]):
        return None
    numbered_title = gold["body"] in ("GA", "HRC") and gold.get("number")
    title = gold.get("title") or ""
    lines = [f"{gold['number']}. {title}" if numbered_title else title, gold["formula"] or "",
             *gold["preamble"]]

    def items(units):
        for unit in units:
            lines.append(f"{unit.get('num') or ''} {unit.get('text', '')}".strip())
            items(unit.get("items", []))

    for unit in gold["operative"]:
        lines.append(f"{unit['num']} {unit['text']}" if numbered else unit["text"])
        items(unit.get("items", []))
    return "\n".join(line for line in lines if line.strip())


def _count(units, children) -> int:
    """Units and their sub-items at every depth."""
    return sum(1 + _count(children(unit), children) for unit in units)


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "numbers left out"])
def test_a_paragraph_per_line_gives_the_gold_paragraphs(numbered):
    folder = shared_path("corpus", "dev")
    checked, differ = 0, []
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = _one_per_line(gold, numbered)
        if text is None:
            continue
        name = path.name.removesuffix(".gold.json")
        document = convert(text, f"{name}.txt", Options(markup_date=MARKUP_DATE)).document
        paragraphs = [u for u in document.operative if isinstance(u, Paragraph)]
        got = (len(document.preamble), len(paragraphs), _count(paragraphs, lambda u: u.items) - len(paragraphs))
        want = (len(gold["preamble"]), len(gold["operative"]),
                _count(gold["operative"], lambda u: u.get("items", [])) - len(gold["operative"]))
        checked += 1
        if got != want:
            differ.append(f"{name}: {got} vs gold {want}")
    assert checked >= _AT_LEAST, f"only {checked} documents written one paragraph per line"
    assert not differ, "\n".join(differ)
