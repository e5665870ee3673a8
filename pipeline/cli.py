"""Command line: `akn-pipeline convert INPUT... [--out-dir DIR] [--format akn,tei,html]`,
`akn-pipeline outline INPUT`.

The only module (with tasks.py) that touches folders, prints and picks exit codes:
0 when every document converted, 1 when any failed (invalid output, or warnings
under --strict), 2 for usage errors and unreadable input.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from . import __version__
from .convert import Conversion, Options, convert, markup_date
from .diagnostics import InputError, Level
from .formats import WRITERS, output_name
from .languages import UN_LANGUAGES
from .validate import SchemaIntegrityError, SchemaMissingError, warm_up

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Output format -> file suffix, in the order they are written.


def formats(value: str) -> tuple[str, ...]:
    """The `--format` list: known names, each once, in the order given.

    >>> formats("tei,akn,tei")
    ('tei', 'akn')
    """
    chosen = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [name for name in chosen if name not in WRITERS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {','.join(WRITERS)} (got {value!r})")
    return chosen


def outputs(conversion: Conversion, chosen: tuple[str, ...]) -> dict[str, bytes]:
    """The bytes of each chosen format."""
    return {name: WRITERS[name][1](conversion) for name in chosen}


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and a rename, so a reader (or an
    interrupted run) never sees a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _print_diagnostics(diagnostics, source: str, verbose: bool, stream) -> None:
    for d in diagnostics:
        if d.level >= Level.WARNING or verbose:
            print(d.format(source), file=stream)


def _summary(conversion: Conversion, target: str) -> str:
    doc = conversion.document
    warnings = sum(1 for d in conversion.diagnostics if d.level == Level.WARNING)
    paragraphs = sum(1 for _ in doc.paragraphs())
    what = (f"{doc.meta.lang} {doc.meta.body or '?'} {doc.meta.symbol or doc.meta.number or '?'}: "
            f"{len(doc.preamble)} preambular, {paragraphs} operative, {_count(len(doc.footnotes), 'footnote')}, "
            f"{_count(warnings, 'warning')}")
    return f"{target}  ({what})"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _schemas_ready() -> bool:
    """Compile both schemas before the first document; a missing or changed schema is
    a setup problem, said once with its remedy, not a failure of every document."""
    try:
        warm_up()
    except (SchemaMissingError, SchemaIntegrityError) as err:
        print(f"akn-pipeline: error: {err}", file=sys.stderr)
        return False
    return True


def _convert_command(args) -> int:
    try:  # one date for the whole batch
        options = Options(lang=args.lang, markup_date=markup_date())
    except ValueError as err:
        print(f"akn-pipeline: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    if not _schemas_ready():
        return EXIT_USAGE
    out_dir = Path(args.out_dir)
    status = EXIT_OK
    for path in args.inputs:
        shown = "<stdin>" if path == "-" else path
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as err:
            print(f"{shown}: error E001: cannot read: {err.strerror}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        try:
            conversion = convert(data, shown, options)
        except InputError as err:
            print(err.diagnostic.format(shown), file=sys.stderr)
            if not args.quiet:
                print(f"failed  {shown}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        except Exception as err:  # a bug must not stop a batch of thousands of files
            print(f"{shown}: error: internal error, please report: {type(err).__name__}: {err}",
                  file=sys.stderr)
            status = max(status, EXIT_FAILED)
            continue
        _print_diagnostics(conversion.diagnostics, shown, args.verbose, sys.stderr)
        warned = any(d.level == Level.WARNING for d in conversion.diagnostics)
        if not conversion.ok or (args.strict and warned):
            reason = ("warnings under --strict" if conversion.ok else "text not conserved, nothing written"
                      if conversion.conservation and not conversion.conservation.ok else "invalid output, nothing written")
            if not args.quiet:
                print(f"failed  {shown}  ({reason})", file=sys.stderr)
            status = max(status, EXIT_FAILED)
            continue
        made = outputs(conversion, args.format)
        if path == "-":
            # one format named: that one; otherwise the AKN, as before --format existed
            sys.stdout.buffer.write(made[args.format[0]] if len(args.format) == 1 else conversion.akn)
            sys.stdout.buffer.flush()
            continue
        targets = []
        for name, data in made.items():
            target = out_dir / (output_name(path) + WRITERS[name][0])
            write_atomically(target, data)
            targets.append(str(target))
        if not args.quiet:
            print(f"ok      {shown} → {_summary(conversion, ', '.join(targets))}")
    return status


def _outline_command(args) -> int:
    try:
        data = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    except OSError as err:
        print(f"{args.input}: error E001: cannot read: {err.strerror}", file=sys.stderr)
        return EXIT_USAGE
    if not _schemas_ready():
        return EXIT_USAGE
    try:
        conversion = convert(data, args.input, Options(lang=args.lang, markup_date=date.today().isoformat()))
    except InputError as err:
        print(err.diagnostic.format(args.input), file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(conversion.document.dump())
    _print_diagnostics(conversion.diagnostics, args.input, args.verbose, sys.stderr)
    return EXIT_OK if conversion.ok else EXIT_FAILED


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="akn-pipeline",
        description="Convert the text of UN resolutions and decisions into Akoma Ntoso (AKN4UN).")
    top.add_argument("--version", action="version", version=f"akn-pipeline {__version__}")
    commands = top.add_subparsers(dest="command", required=True)

    conv = commands.add_parser("convert", help="convert text files to validated AKN and TEI XML",
                               description="Writes DIR/NAME.akn.xml, NAME.tei.xml and NAME.html for each "
                                           "NAME.txt; '-' reads stdin and writes the AKN to stdout (or "
                                           "the one format --format names).")
    conv.add_argument("inputs", nargs="+", metavar="INPUT", help="text file of a resolution, or -")
    conv.add_argument("--out-dir", default="output", metavar="DIR", help="output folder (default: output)")
    conv.add_argument("--format", type=formats, default=tuple(WRITERS), metavar="LIST",
                      help="comma-separated outputs among akn,tei,html (default: all three)")
    _common(conv)
    conv.add_argument("--strict", action="store_true", help="treat warnings as failures")
    conv.add_argument("-q", "--quiet", action="store_true", help="no summary lines")
    conv.set_defaults(run=_convert_command)

    outline = commands.add_parser("outline", help="print the document model as an outline")
    outline.add_argument("input", metavar="INPUT")
    _common(outline)
    outline.set_defaults(run=_outline_command)
    return top


def _common(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--lang", choices=sorted(UN_LANGUAGES), help="language of the input (default: detect)")
    sub.add_argument("-v", "--verbose", action="store_true", help="also print informational diagnostics")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
