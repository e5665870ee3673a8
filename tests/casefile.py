"""Labelled case files: many small titled cases in one text file.

    ## title of the case
    <<<
    input lines
    >>>
    expected lines

Blank lines inside a block are kept; a block ends at the next marker line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    title: str
    given: str
    expected: str
    line: int

    def __str__(self) -> str:
        return self.title


def read_cases(path: Path) -> list[Case]:
    cases, title, block, given, expected, start = [], None, None, [], [], 0
    lines = path.read_text(encoding="utf-8").split("\n")

    def finish():
        if title is not None:
            cases.append(Case(title, "\n".join(given).strip("\n"), "\n".join(expected).strip("\n"), start))

    for number, line in enumerate(lines, start=1):
        if line.startswith("## "):
            finish()
            title, block, given, expected, start = line[3:].strip(), None, [], [], number
        elif line == "<<<":
            block = given
        elif line == ">>>":
            block = expected
        elif block is not None:
            block.append(line)
    finish()
    return cases
