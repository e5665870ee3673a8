"""Incremental builds: what a document's outputs were made from, so that a build
converts a document again only when its input, the converter (its version, its code
and its templates), the schemas or the build's options changed.

`fingerprint()` hashes the converter; `build_key()` adds the options. `State` keeps,
in a SQLite file in the output folder (`STATE_NAME`), each input's sha256, the key it
was built with and its record (files written, their sizes, its diagnostics), one row
per document, written as soon as the document's files are: a build that is
interrupted keeps what it finished, and memory does not grow with the corpus.

The manifestation date is part of the key only when it is pinned (SOURCE_DATE_EPOCH):
a build on a later day keeps the outputs of unchanged documents, with the date they
were made on.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Callable

from . import __version__
from .batch import Record
from .convert import Options
from .diagnostics import Diagnostic
from .templates import template_dir
from .validate import AKN_SCHEMA_SHA256, TEI_SCHEMA_SHA256

STATE_NAME = ".akn-pipeline-state.sqlite"
# the libraries whose behaviour is part of what an output is: a new lxml or jinja2
# can change a byte or a verdict, so the documents are made again
LIBRARIES = ("lxml", "jinja2", "markupsafe", "xmlschema", "cobalt", "pycountry", "pypdfium2", "pyspellchecker")


def digest(data: bytes) -> str:
    """The sha256 of an input, in hex.

    >>> digest(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


@cache
def fingerprint() -> str:
    """A hash of the converter: its version, every source file of the package, every
    template, both schemas' official sha256 (a schema that is not the official file
    is refused at load) and the versions of the libraries it builds on.

    The code is hashed rather than trusted to bump the version: a fix that changes
    one output must not leave the old outputs in place.
    """
    h = hashlib.sha256(f"akn-pipeline {__version__}\n".encode())
    package = Path(__file__).resolve().parent
    templates = template_dir()
    for folder, pattern in ((package, "*.py"), (templates, "*.j2")):
        for path in sorted(folder.rglob(pattern)):
            h.update(f"{path.relative_to(folder).as_posix()}\n".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(f"akn {AKN_SCHEMA_SHA256}\ntei {TEI_SCHEMA_SHA256}\n".encode())
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{library} {version}\n".encode())
    return h.hexdigest()


def build_key(options: Options, strict: bool, pinned_date: str | None) -> str:
    """What every output of a build depends on besides its input: the converter and
    the options that change an output or a verdict.

    >>> build_key(Options(), False, None) == build_key(Options(markup_date="2026-01-01"), False, None)
    True
    >>> build_key(Options(), False, None) == build_key(Options(), True, None)
    False
    """
    said = json.dumps({"converter": fingerprint(), "lang": options.lang, "max_bytes": options.max_bytes,
                       "strict": strict, "strict_validation": options.strict_validation,
                       "encoding": options.encoding, "date": pinned_date}, sort_keys=True)
    return hashlib.sha256(said.encode()).hexdigest()


class State:
    """The record of the last build of each input, in the SQLite file at `path`."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS documents (source TEXT PRIMARY KEY, digest TEXT NOT NULL, "
                         "build_key TEXT NOT NULL, record TEXT NOT NULL)")
        self._pending = 0

    def unchanged(self, source: str, name: str, input_digest: str, key: str,
                  size_of: Callable[[str], int | None]) -> Record | None:
        """The stored record of `source` when the same input was built with the same
        key into the same output name, and each file it wrote is still there with the
        size it was written with (`size_of(file name)`: None when it is missing)."""
        row = self._db.execute("SELECT digest, build_key, record FROM documents WHERE source = ?",
                               (source,)).fetchone()
        if row is None or row[0] != input_digest or row[1] != key:
            return None
        stored = json.loads(row[2])
        if stored["name"] != name or any(size_of(file) != size for file, size in stored["sizes"].items()):
            return None
        return _record(source, stored)

    def keep(self, record: Record, input_digest: str, key: str, sizes: dict[str, int]) -> None:
        """Remember that `record` was built from the input with `input_digest` (its
        files have `sizes`); committed every hundred documents and on `close`."""
        self._db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)",
                         (record.source, input_digest, key, json.dumps(_stored(record, sizes), ensure_ascii=False)))
        self._pending += 1
        if self._pending >= 100:
            self._db.commit()
            self._pending = 0

    def close(self) -> None:
        self._db.commit()
        self._db.close()


def _stored(record: Record, sizes: dict[str, int]) -> dict:
    return {"name": record.name, "status": record.status, "error": record.error, "lang": record.lang,
            "direction": record.direction, "body": record.body, "symbol": record.symbol, "title": record.title,
            "preambular": record.preambular, "operative": record.operative, "footnotes": record.footnotes,
            "warnings": record.warnings, "files": dict(record.files), "sizes": sizes,
            "diagnostics": [[d.code, d.message, d.line] for d in record.diagnostics]}


def _record(source: str, stored: dict) -> Record:
    return Record(source, stored["name"], stored["status"], error=stored["error"],
                  lang=stored["lang"], direction=stored["direction"], body=stored["body"], symbol=stored["symbol"],
                  title=stored["title"], preambular=stored["preambular"], operative=stored["operative"],
                  footnotes=stored["footnotes"], warnings=stored["warnings"], files=stored["files"],
                  diagnostics=tuple(Diagnostic(code, message, line) for code, message, line in stored["diagnostics"]),
                  reused=True)
