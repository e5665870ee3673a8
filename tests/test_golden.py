"""End-to-end golden files for the reference input: model outline, diagnostics, and
the AKN and TEI compared after C14N canonicalisation. To accept a deliberate change:

    pytest tests/test_golden.py --update-golden
"""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from lxml import etree

from pipeline.validate import check_pointers, validate, validate_tei

GOLDEN = Path(__file__).parent / "golden" / "A_HRC_RES_38_3.zh"
ACCEPT = "pytest tests/test_golden.py --update-golden"


def canonical(xml: bytes) -> str:
    """C14N 2.0 without comments (they carry the converter version)."""
    return etree.canonicalize(xml_data=xml.decode("utf-8"), with_comments=False)


def _compare(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing; create it with: {ACCEPT}")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}", "actual", n=2))
        pytest.fail(f"{name} differs from the golden file:\n{diff[:6000]}\nIf the change is intended: {ACCEPT}")


def test_outline_matches_golden(seed_conversion, update_golden):
    _compare("outline.txt", seed_conversion.document.dump(), update_golden)


def test_diagnostics_match_golden(seed_conversion, update_golden):
    shown = "".join(d.format("input/A_HRC_RES_38_3.zh.txt") + "\n" for d in seed_conversion.diagnostics)
    _compare("diagnostics.txt", shown, update_golden)


@pytest.mark.parametrize("fmt", ["akn", "tei"])
def test_output_matches_golden_canonically(fmt, seed_conversion, update_golden):
    made = getattr(seed_conversion, fmt)
    if update_golden:
        (GOLDEN / f"{fmt}.xml").write_bytes(made)
    golden = (GOLDEN / f"{fmt}.xml").read_bytes()
    _compare(f"{fmt}.c14n.xml", canonical(made), update_golden)
    assert canonical(golden) == canonical(made), f"golden/{fmt}.xml is stale: {ACCEPT}"


def test_golden_akn_is_schema_valid():
    assert validate((GOLDEN / "akn.xml").read_bytes()).valid


def test_golden_tei_is_schema_valid_and_pointer_complete():
    golden = (GOLDEN / "tei.xml").read_bytes()
    assert validate_tei(golden).valid
    assert check_pointers(golden) == ()
