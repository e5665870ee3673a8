"""The output formats, declared once: their names, file suffixes and writers, and the
file names an input's outputs get. The CLI and the build both read this table.

Output file names come from input file names only (never from a document's symbol,
which holds `/`), reduced to one safe path component: see `output_name`. Within one
run, `OutputNames` makes sure no two inputs write the same file.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Callable, Iterable

from .convert import Conversion
from .diagnostics import Diagnostic, printable
from .to_html import to_html

# format -> (file suffix, writer); the order is the order of --format's default
WRITERS: dict[str, tuple[str, Callable[[Conversion], bytes]]] = {
    "akn": (".akn.xml", lambda conversion: conversion.akn),
    "tei": (".tei.xml", lambda conversion: conversion.tei),
    "html": (".html", to_html),
}

# Device names that Windows reserves in every folder, whatever follows the first dot:
# `CON.zh.akn.xml` would open the console, not a file. Superscript digits count too.
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul"}
                            | {f"{port}{digit}" for port in ("com", "lpt") for digit in "123456789¹²³"})
# 255 bytes is the usual limit of one file name; the stem leaves room for the longest
# suffix (`.akn.xml`) and for the temporary name it is written under first (see
# cli.write_atomically: `.NAME.PID.RANDOM.tmp`).
MAX_STEM_BYTES = 200
DEFAULT_STEM = "document"  # for a name with nothing usable left: "", ".txt", "..", "???"


def output_name(input_path: str) -> str:
    """Output stem for an input file: its name without the folder and `.txt` or `.pdf`,
    reduced to one component that is safe in any file system and any shell.

    Kept: letters and digits of any script (NFC), `_`, `-` and inner dots. Any other
    run of characters (separators `/` and `\\`, `:`, spaces, NUL, controls, bidi
    marks) becomes one `_`; dots and `_` at the ends and `-` at the start go (no
    hidden files, no `..`, nothing an option parser reads). A Windows device name
    gets a `_`; a name over MAX_STEM_BYTES is cut, with a hash of the whole so that
    long names stay distinct.

    >>> output_name("input/A_HRC_RES_38_3.zh.txt"), output_name("input/A_RES_78_53.pdf")
    ('A_HRC_RES_38_3.zh', 'A_RES_78_53')
    >>> output_name("../../etc/passwd"), output_name("a b/..\\\\c:d.txt"), output_name("/abs/olute.TXT")
    ('passwd', 'c_d', 'olute')
    >>> output_name("CON.txt"), output_name("com1.zh.txt"), output_name(".."), output_name("-rf.txt")
    ('CON_', 'com1_.zh', 'document', 'rf')
    """
    name = re.split(r"[\\/]", input_path)[-1]
    if name.lower().endswith((".txt", ".pdf")):  # a.txt and a.pdf both give a.akn.xml
        name = name[:-4]
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"[^\w.\-]+", "_", name)
    name = re.sub(r"^[._\-]+|[._]+$", "", name) or DEFAULT_STEM
    device = name.split(".", 1)[0]
    if device.casefold() in WINDOWS_DEVICES:
        name = device + "_" + name[len(device):]
    encoded = name.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        digest = hashlib.sha256(encoded).hexdigest()[:8]
        cut = encoded[:MAX_STEM_BYTES - len(digest) - 1].decode("utf-8", "ignore").rstrip("._")
        name = f"{cut}-{digest}"
    return name


def _same_file(file_name: str) -> str:
    """What file systems that ignore case (Windows, macOS) or Unicode normalisation
    (macOS) compare: two names with the same key are one file there."""
    return unicodedata.normalize("NFC", file_name).casefold()


class OutputNames:
    """The output files of one run, claimed input by input, in the order of the run.

    Two inputs whose names sanitise alike (`a b.txt` and `a_b.txt`, `A.txt` and
    `a.txt`, `x/doc.txt` and `y/doc.txt`) would write the same files: the first input
    keeps the name, each later one gets E011 and nothing is written for it (renaming
    it silently would hand the reader a file name that no input has). `reserved`
    names are files the run writes itself, like the build's `index.html`.
    """

    def __init__(self, suffixes: Iterable[str], reserved: dict[str, str] | None = None):
        self._suffixes = tuple(suffixes)
        self._owners = {_same_file(name): why for name, why in (reserved or {}).items()}

    def claim(self, source: str) -> tuple[str, Diagnostic | None]:
        """The output stem of `source`, and E011 when one of its files is taken."""
        stem = output_name(source)
        files = [stem + suffix for suffix in self._suffixes]
        for file_name in files:
            owner = self._owners.get(_same_file(file_name))
            if owner is not None:
                return stem, Diagnostic(
                    "E011", f"its output {file_name} is already written by {owner} in this run (file names "
                            "are compared ignoring case); nothing written for it: rename one of the two")
        for file_name in files:
            self._owners[_same_file(file_name)] = f"input {printable(source)}"
        return stem, None
