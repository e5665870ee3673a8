"""Diagnostics as values: a stable code, a level, a message and the input line.

Stages return diagnostics instead of printing them; the CLI prints them
compiler-style (`input/foo.txt:57: warning W012: …`). Codes never change meaning;
new ones get new numbers.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    level: Level
    summary: str


# The registry of every diagnostic the converter can emit, in code order.
CODES: dict[str, Code] = {c.code: c for c in (
    Code("E001", "unreadable-input", Level.ERROR, "the input is not text in a supported encoding"),
    Code("E002", "schema-invalid", Level.ERROR, "the output does not validate against the official schema"),
    Code("E003", "unsupported-language", Level.ERROR, "the language is not one of the six UN languages"),
    Code("E004", "no-content", Level.ERROR, "the input holds no text"),
    Code("E005", "tei-schema-invalid", Level.ERROR, "the TEI output does not validate against tei_all.rng"),
    Code("E006", "tei-dangling-pointer", Level.ERROR, "a TEI pointer resolves to no xml:id of the document"),
    Code("E007", "unreadable-pdf", Level.ERROR, "the PDF cannot be opened: encrypted, damaged or not a PDF"),
    Code("E008", "no-text-layer", Level.ERROR, "the PDF has no text to read (a scan; OCR is not done)"),
    Code("E009", "text-not-conserved", Level.ERROR,
         "input text is missing from the output (or was added) without a record of the fix that did it"),
    Code("E010", "input-too-large", Level.ERROR,
         "the input is larger than the size limit (--max-bytes); it is not read further"),
    Code("E011", "output-name-taken", Level.ERROR,
         "another input of the same run already writes the output file this one would"),
    Code("E012", "doctype-refused", Level.ERROR,
         "the XML declares a DOCTYPE (DTD, entities): refused before parsing, nothing expanded or fetched"),
    Code("E013", "not-well-formed", Level.ERROR, "the file is not well-formed XML"),
    Code("E014", "not-akn-or-tei", Level.ERROR,
         "the root element is in neither the Akoma Ntoso 3.0 nor the TEI namespace"),
    Code("E015", "output-unwritable", Level.ERROR,
         "the output folder or an output file cannot be written (permissions, a full disk, a file in the way)"),
    Code("I001", "page-furniture-removed", Level.INFO, "a page artefact was taken out of the text"),
    Code("I002", "paragraph-rejoined", Level.INFO, "a paragraph split by a page break was joined"),
    Code("I003", "footnote-lifted", Level.INFO, "a footnote text was moved out of the running text"),
    Code("I004", "language-detected", Level.INFO, "the language was detected from the text"),
    Code("I005", "layout-echo-dropped", Level.INFO,
         "text the layer printed twice (a vote heading and empty labels) was kept once"),
    Code("W010", "no-title", Level.WARNING, "no numbered title line was found"),
    Code("W011", "no-formula", Level.WARNING, "no enacting formula was found"),
    Code("W012", "missing-operative-number", Level.WARNING, "operative numbering has a gap"),
    Code("W013", "footnote-marker-without-note", Level.WARNING, "a footnote call has no note text"),
    Code("W014", "footnote-note-without-marker", Level.WARNING, "a note text has no call in the text"),
    Code("W015", "vote-count-mismatch", Level.WARNING, "a vote count differs from the length of its list"),
    Code("W016", "unclassified-text", Level.WARNING, "text fitted no rule and was kept as a plain paragraph"),
    Code("W017", "no-adoption-date", Level.WARNING, "no adoption date was found"),
    Code("W018", "unknown-body", Level.WARNING, "the adopting body could not be determined"),
    Code("W019", "duplicate-operative-number", Level.WARNING, "an operative number repeats or goes back"),
    Code("W020", "unknown-member-state", Level.WARNING,
         "a name in a vote list maps to no ISO 3166 code (it keeps a generated id)"),
    Code("W025", "parallel-mismatch", Level.WARNING,
         "check-parallel: a version of a resolution differs from what most versions print "
         "(a count, the numbering, a vote count, the states that voted one way)"),
)}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    line: int | None = None

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code}")

    @property
    def level(self) -> Level:
        return CODES[self.code].level

    @property
    def name(self) -> str:
        return CODES[self.code].name

    def format(self, source: str) -> str:
        """Compiler-style line.

        >>> Diagnostic("W012", "operative paragraph 12 missing (11 → 13)", 57).format("input/a.txt")
        'input/a.txt:57: warning W012: operative paragraph 12 missing (11 → 13)'
        """
        where = f"{source}:{self.line}" if self.line else source
        return f"{where}: {self.level} {self.code}: {self.message}"

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "level": str(self.level),
                "line": self.line, "message": self.message}


def printable(name: str) -> str:
    """A file name as it may be printed and written into an output: characters that
    are not printable (controls, line breaks, bidi overrides, the lone surrogates
    that undecodable bytes of a file name become) are shown as escapes, so that a
    name can neither break a diagnostic line nor make the XML that records it invalid.

    >>> printable("input/A_HRC_RES_38_3.zh.txt"), printable("a\\nb\\x01\\u202ec\\udcff.txt")
    ('input/A_HRC_RES_38_3.zh.txt', 'a\\\\nb\\\\x01\\\\u202ec\\\\udcff.txt')
    """
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
                   for ch in name)


class InputError(Exception):
    """Input that cannot be converted at all (unreadable, empty, unsupported).

    Carries a diagnostic so the CLI can report it like any other; the CLI exits 2.
    """

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def refusal(err: OSError | InputError) -> Diagnostic:
    """Why an input was not converted: it could not be read (E001), or it was refused.

    >>> refusal(FileNotFoundError(2, "No such file or directory")).format("a.txt")
    'a.txt: error E001: cannot read: No such file or directory'
    """
    return err.diagnostic if isinstance(err, InputError) else Diagnostic("E001", f"cannot read: {err.strerror}")
