"""The output formats, declared once: their names, file suffixes and writers, and the
file stem an input's outputs share. The CLI and the build both read this table."""
from __future__ import annotations

import re
from typing import Callable

from .convert import Conversion
from .to_html import to_html

# format -> (file suffix, writer); the order is the order of --format's default
WRITERS: dict[str, tuple[str, Callable[[Conversion], bytes]]] = {
    "akn": (".akn.xml", lambda conversion: conversion.akn),
    "tei": (".tei.xml", lambda conversion: conversion.tei),
    "html": (".html", to_html),
}


def output_name(input_path: str) -> str:
    """Output stem for an input file: its name without the folder and `.txt` or `.pdf`,
    reduced to characters safe in any file system.

    >>> output_name("input/A_HRC_RES_38_3.zh.txt"), output_name("input/A_RES_78_53.pdf")
    ('A_HRC_RES_38_3.zh', 'A_RES_78_53')
    >>> output_name("../../etc/passwd"), output_name("a b/..\\\\c:d.txt")
    ('passwd', 'c_d')
    """
    name = re.split(r"[\\/]", input_path)[-1]
    if name.lower().endswith((".txt", ".pdf")):  # a.txt and a.pdf both give a.akn.xml
        name = name[:-4]
    name = re.sub(r"[^\w.\-]+", "_", name).strip("._") or "document"
    return name
