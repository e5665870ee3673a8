"""Emit the reports of `akn-pipeline validate`: JSON, and JUnit XML with one test case
per file, so that CI systems (Jenkins, GitLab, GitHub actions that read JUnit) show
each file as a test that passed, failed (invalid) or errored (not checked).

The JUnit report follows the common schema of that format (Jenkins' junit-10.xsd,
which the tests fetch and validate it against). Neither report holds a time or a
host name: the same files give the same bytes.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Sequence

from lxml import etree

from . import __version__
from .check import INVALID, KIND_NAMES, UNCHECKED, VALID, FileCheck
from .diagnostics import Level

SUITE = "akn-pipeline validate"


def counts(checks: Sequence[FileCheck]) -> dict[str, int]:
    """How many files are valid, invalid and not checked."""
    statuses = Counter(check.status for check in checks)
    return {"files": len(checks), VALID: statuses[VALID], INVALID: statuses[INVALID], UNCHECKED: statuses[UNCHECKED]}


def to_json(checks: Sequence[FileCheck]) -> bytes:
    """The JSON report: the verdict on every file, with its errors as diagnostics.

    >>> from pipeline.diagnostics import Diagnostic
    >>> report = json.loads(to_json([FileCheck("a.xml", "akn", ()),
    ...                              FileCheck("b.xml", None, (Diagnostic("E013", "no root", 3),))]))
    >>> report["valid"], report["counts"], report["files"][1]["errors"][0]["line"]
    (False, {'files': 2, 'valid': 1, 'invalid': 1, 'unchecked': 0}, 3)
    """
    report = {
        "tool": f"akn-pipeline {__version__}",
        "valid": all(check.status == VALID for check in checks),
        "counts": counts(checks),
        "files": [{"file": check.source, "kind": check.kind, "status": check.status,
                   "errors": [d.as_dict() for d in check.diagnostics if d.level >= Level.ERROR]}
                  for check in checks],
    }
    return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_junit(checks: Sequence[FileCheck]) -> bytes:
    """The JUnit XML report: one `testsuite`, one `testcase` per file. An invalid file
    is a `failure`, a file that could not be checked an `error`; each carries the
    error lines as the CLI prints them, the first in its `message`.

    >>> from pipeline.diagnostics import Diagnostic
    >>> print(to_junit([FileCheck("a.xml", "akn", ()),
    ...                 FileCheck("b.xml", None, (Diagnostic("E013", "no root", 3),))]).decode())
    <?xml version='1.0' encoding='UTF-8'?>
    <testsuites name="akn-pipeline validate" tests="2" failures="1" errors="0">
      <testsuite name="akn-pipeline validate" tests="2" failures="1" errors="0" skipped="0">
        <testcase name="a.xml" classname="validate.akn">
          <system-out>a.xml: valid Akoma Ntoso 3.0</system-out>
        </testcase>
        <testcase name="b.xml" classname="validate.unknown">
          <failure type="E013" message="b.xml:3: error E013: no root">b.xml:3: error E013: no root</failure>
        </testcase>
      </testsuite>
    </testsuites>
    <BLANKLINE>
    """
    total = counts(checks)
    numbers = {"tests": str(total["files"]), "failures": str(total[INVALID]), "errors": str(total[UNCHECKED])}
    suites = etree.Element("testsuites", name=SUITE, **numbers)
    suite = etree.SubElement(suites, "testsuite", name=SUITE, **numbers, skipped="0")
    for check in checks:
        case = etree.SubElement(suite, "testcase", name=check.source, classname=f"validate.{check.kind or 'unknown'}")
        errors = [d.format(check.source) for d in check.diagnostics if d.level >= Level.ERROR]
        if check.status == VALID:
            etree.SubElement(case, "system-out").text = f"{check.source}: valid {KIND_NAMES[check.kind]}"
            continue
        outcome = etree.SubElement(case, "failure" if check.status == INVALID else "error",
                                   type=check.diagnostics[0].code,
                                   message=errors[0] + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
        outcome.text = "\n".join(errors)
    etree.indent(suites)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8") + b"\n"
