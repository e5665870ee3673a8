"""Patterns that are the same in every language: document symbols and the page
furniture the UN prints around the text (job numbers, barcodes, page numbers)."""
from __future__ import annotations

import re

# A document symbol: A/RES/78/199, S/RES/2710 (2023), E/RES/2023/17, A/HRC/RES/38/3,
# A/DEC/77/521, A/RES/ES-10/24, S/PRST/2021/9, S/2024/302.
SYMBOL = re.compile(r"^(?P<symbol>[AES]/(?:[A-Z0-9][\w.\-]*/)*[\w.\-]+(?:\s*\(\d{4}\))?)$")

# The heading of a numbered section of a resolution: "I", "II. Title" (the title may follow
# on the same line). Roman numerals are used so in every language.
SECTION_HEADING = re.compile(r"^[IVXL]{1,5}\.?(?:\s+\S|$)")

# The job number of the printing office: GE.23-39077(E) in Geneva, 23-43320 (E) in New
# York; later pages print it without the language letter. Right-to-left layers may
# mirror its brackets, or print the letter first ("(A) 24-36099").
_JOB = r"(?:[()][A-Z][()]\s*)?[()]?(?:GE\.)?\d{2}-\d{5}\s*(?:[()]?[A-Z][()]?)?"
JOB_NUMBER = re.compile(rf"^{_JOB}$")
# The same, run on to the end of a text line by the extractor ("vulnerable situGE.23-39077(E)").
GLUED_JOB_NUMBER = re.compile(r"(?<=\S)(?:GE\.)?\d{2}-\d{5}\s*\([A-Z]\)$")
# The barcode under the job number on the first page: *2339077*
BARCODE = re.compile(r"^\*{1,2}\d{7}\*{0,2}$")
# A page number alone on its line.
PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# The page number and the job number on one line, as an extractor that keeps the
# page's columns prints a footer (`pdftotext -layout`: "2        23-43320"; the space
# between is one space by the time the furniture is looked for).
NUMBERED_FOOTER = re.compile(rf"^(?:\d{{1,3}}\s+{_JOB}|{_JOB}\s+\d{{1,3}})$")


def is_furniture(line: str) -> bool:
    """
    >>> [is_furniture(x) for x in ("GE.23-39077(E)", "23-43320 (E)", "(A) 24-36099", "*2343320*", "7", "7.", "Note 7")]
    [True, True, True, True, True, False, False]
    >>> [is_furniture(x) for x in ("2      23-43320", "23-43320 3", "2 23-43320 and")]
    [True, True, False]
    """
    return is_job_number(line) or bool(PAGE_NUMBER.match(line.strip()))


def is_job_number(line: str) -> bool:
    """The job number or the barcode, which no text line can be mistaken for (a bare
    page number can: a hanging paragraph number without its point).

    >>> [is_job_number(x) for x in ("22-88725", "*2288725*", "3", "2022-2026", "4     22-88725")]
    [True, True, False, False, True]
    """
    if "-" not in line and "*" not in line:
        return False  # a job number holds a hyphen, a barcode an asterisk: tested before any pattern
    text = line.strip()
    return bool(JOB_NUMBER.match(text) or BARCODE.match(text) or NUMBERED_FOOTER.match(text))
