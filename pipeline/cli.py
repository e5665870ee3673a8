"""Command line: `akn-pipeline convert INPUT... [--out-dir DIR] [--format akn,tei,html]`,
`akn-pipeline outline INPUT`, `akn-pipeline validate FILE... [--json [PATH]] [--junit PATH]`,
`akn-pipeline extract INPUT.pdf`, `akn-pipeline check-parallel INPUT...`.

The only module (with tasks.py) that touches folders, prints and picks exit codes:
0 when every document converted, 1 when any failed (invalid output, or warnings
under --strict), 2 for usage errors and unreadable input, 130 when interrupted.
"""
from __future__ import annotations

import argparse
import errno
import os
import re
import stat
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Iterable

from . import __version__, batch, workers
from .check import INVALID, KIND_NAMES, UNCHECKED, VALID, FileCheck, check_file, not_checked
from .convert import DEFAULT_MAX_BYTES, Options, convert, markup_date, over_limit
from .diagnostics import Diagnostic, InputError, Level, printable, refusal
from .formats import WRITERS, OutputNames
from .languages import UN_LANGUAGES
from .report import counts, to_json, to_junit
from .validate import SchemaIntegrityError, SchemaMissingError, warm_up

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# what became of an input (`_written`) -> the exit status it asks for
_EXIT_OF = {"ok": EXIT_OK, "failed": EXIT_FAILED, "refused": EXIT_USAGE}
_SIZE_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
               "ki": 2**10, "kib": 2**10, "mi": 2**20, "mib": 2**20, "gi": 2**30, "gib": 2**30}


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


def byte_size(value: str) -> int:
    """The `--max-bytes` value: a number of bytes, with an optional unit (k, M, G are
    powers of 1000; Ki, Mi, Gi of 1024).

    >>> byte_size("20000000"), byte_size("20MB"), byte_size("512k"), byte_size("1MiB")
    (20000000, 20000000, 512000, 1048576)
    """
    match = re.fullmatch(r"\s*(\d+)\s*([a-zA-Z]*)\s*", value)
    unit = match and _SIZE_UNITS.get(match.group(2).lower())
    if not unit or int(match.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"a positive number of bytes, like 20000000, 20MB or 512KiB (got {value!r})")
    return int(match.group(1)) * unit


# the inputs a folder holds, in this order (`invoke build` reads input/ so), whatever
# the case of their suffix (`A_RES_78_1.TXT` from a Windows archive)
INPUT_SUFFIXES = (".txt", ".pdf")
XML_SUFFIXES = (".xml",)  # what `validate` checks in a folder (a build writes NAME.akn.xml, NAME.tei.xml)


def folder_contents(folder: Path, suffixes: tuple[str, ...] = INPUT_SUFFIXES) -> tuple[list[Path], list[Path]]:
    """The inputs a folder holds, its text files, then its PDFs (or the files with
    `suffixes`), each kind sorted by name, not those of its subfolders; and its other
    files, to be named rather than passed over in silence (`notes.docx`,
    `A_RES_78_1.txt.bak`): hidden files (`.gitkeep`) and a README that says what the
    folder is for are none of them. The folder is listed once."""
    files = sorted(path for path in folder.iterdir() if path.is_file())
    inputs = [path for suffix in suffixes for path in files if path.suffix.lower() == suffix]
    others = [path for path in files if path.suffix.lower() not in suffixes and not path.name.startswith(".")
              and path.stem.upper() != "README"]
    return inputs, others


def expand_folders(inputs: Iterable[str], suffixes: tuple[str, ...] = INPUT_SUFFIXES,
                   skipped: list[Path] | None = None) -> list[str]:
    """The inputs of a call with each folder among them replaced by the inputs it holds
    (its other files added to `skipped`). A folder that holds none stays, and is
    reported as an input that cannot be read (`read_input`)."""
    expanded = []
    for path in inputs:
        held, others = [], []
        if path != "-" and "\0" not in path and os.path.isdir(path):
            try:
                held, others = folder_contents(Path(path), suffixes)
            except OSError:  # a folder that cannot be listed: reported as an input that cannot be read
                pass
        if held and skipped is not None:
            skipped.extend(others)
        expanded.extend(map(str, held) if held else [path])
    return expanded


def print_skipped(paths: list[Path], suffixes: tuple[str, ...], quiet: bool = False) -> None:
    """One line for each file of an input folder that was not taken."""
    if quiet:
        return
    for path in paths:
        print(f"skipped {printable(str(path))}  (not a {' or '.join(suffixes)} file)", file=sys.stderr)


def _why(err: OSError) -> str:
    """What the system says went wrong, or the error's name when it says nothing."""
    return err.strerror or type(err).__name__


def read_input(path: str, limit: int, outcome: str = "nothing written",
               suffixes: tuple[str, ...] = INPUT_SUFFIXES) -> bytes:
    """The bytes of an input file (`-`: standard input), never more than `limit` of them.

    A regular file over the limit is refused by its size before any byte is read; a
    pipe or device is read one byte past the limit to know it is over. Raises
    `InputError` (E010) for both, `OSError` when the file cannot be read.
    """
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        if "\0" in path:  # open() would raise ValueError, which is no reading error
            raise OSError(errno.EINVAL, "the file name holds a NUL character")
        if os.path.isdir(path):  # a folder with inputs (files with `suffixes`) was replaced by them
            raise IsADirectoryError(errno.EISDIR, f"a folder that holds no {' or '.join(suffixes)} file")
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise InputError(over_limit(limit, info.st_size, outcome))
            data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(over_limit(limit, None, outcome))
    return data


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write via a temporary file in the same folder and a rename, so a reader (or an
    interrupted run) never sees a partial file. `data` may come in pieces (a build's
    index and report, written without holding them whole).

    The temporary file is `.NAME.PID.RANDOM.tmp`: removed on any exception, Ctrl-C
    included; after a kill that leaves no chance to remove it, the process id in its
    name tells the next run (`sweep_interrupted`) that nobody is writing it any more.
    The rename replaces a symbolic link at `path` rather than writing through it.
    The file gets the permissions a plain write would give it (mkstemp makes it
    readable by its owner only, which a web server or a colleague could not read).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _plain_mode())
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, (bytes, bytearray, memoryview)):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _plain_mode() -> int:
    """The permissions open() gives a new file: 0o666 less the process's umask."""
    umask = os.umask(0o022)  # reading the umask means setting it; it is put back at once
    os.umask(umask)
    return 0o666 & ~umask


# write_atomically's temporary names; tempfile draws the 8 characters from [a-z0-9_]
_TEMPORARY = re.compile(r"\..+\.(?P<pid>\d+)\.[a-z0-9_]{8}\.tmp")


def sweep_interrupted(folder: Path) -> list[Path]:
    """Remove the temporary files that a killed run left in `folder`, so that the rerun
    that finishes its job leaves none behind; return them.

    Only write_atomically's names whose process is gone are removed: a run still
    writing into the same folder keeps its files. (Process ids are only meaningful
    on this machine: a folder shared by several machines is not swept safely.)
    """
    if os.name != "posix" or not folder.is_dir():  # os.kill(pid, 0) would end a process on Windows
        return []
    removed = []
    for entry in sorted(folder.iterdir()):
        match = _TEMPORARY.fullmatch(entry.name)
        if match and not _running(int(match["pid"])) and entry.is_file() and not entry.is_symlink():
            try:
                entry.unlink()
            except FileNotFoundError:  # another run swept it first
                continue
            removed.append(entry)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():  # a file of this very process is one it is writing
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, as another user
        return True
    except OverflowError:  # no process has such an id, so this run did not write it: leave it
        return True
    return True


def print_diagnostics(diagnostics, source: str, verbose: bool, stream, write=print) -> None:
    """Warnings and errors compiler-style (informational ones too when `verbose`);
    `write` is print, or a progress bar's write, which keeps the bar below the lines."""
    for d in diagnostics:
        if d.level >= Level.WARNING or verbose:
            write(d.format(source), file=stream)


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


def _options(args, day) -> Options | None:
    """The conversion options the command line gives, with the date `day()` gives, or
    None after saying what is wrong with them (an unknown encoding, a bad
    SOURCE_DATE_EPOCH)."""
    try:
        return Options(lang=args.lang, markup_date=day(), max_bytes=args.max_bytes, encoding=args.encoding)
    except ValueError as err:
        print(f"akn-pipeline: error: {err}", file=sys.stderr)
        return None


def _convert_command(args) -> int:
    options = _options(args, markup_date)  # one date for the whole batch
    if options is None:
        return EXIT_USAGE
    if not _schemas_ready():
        return EXIT_USAGE
    out_dir = Path(args.out_dir)
    skipped: list[Path] = []
    args.inputs = expand_folders(args.inputs, skipped=skipped)
    print_skipped(skipped, INPUT_SUFFIXES, args.quiet)
    if any(path != "-" for path in args.inputs):
        for left in sweep_interrupted(out_dir):
            if not args.quiet:
                print(f"removed {left}  (left by an interrupted run)", file=sys.stderr)
    names = OutputNames(WRITERS[name][0] for name in args.format)
    if args.inputs == ["-"]:
        return _convert_inputs(args, options, out_dir, names)
    made = _missing_folders(out_dir)
    try:
        if not _writable_folder(out_dir):
            return EXIT_USAGE
        return _convert_inputs(args, options, out_dir, names)
    finally:
        for folder in made:  # a run that wrote nothing leaves no folder behind either
            try:
                folder.rmdir()
            except OSError:  # not empty: files were written (or the folder went meanwhile)
                break


def _convert_inputs(args, options: Options, out_dir: Path, names: OutputNames) -> int:
    """Convert the inputs: files as a batch, or one after the other when standard
    input is among them."""
    if "-" not in args.inputs:
        return _convert_files(args, options, out_dir, names)
    # standard input among the inputs: one after the other, in this process
    status = EXIT_OK
    for path in args.inputs:
        shown = "<stdin>" if path == "-" else printable(path)
        stem = None
        # a refusal is printed as a batch prints one (_written)
        if path != "-":
            stem, taken = names.claim(path)
            if taken:
                _written(batch.refused(shown, stem, taken, options.lang, "name"), {}, args, out_dir, _NoBar())
                status = EXIT_USAGE
                continue
        try:
            data = read_input(path, options.max_bytes)
        except (OSError, InputError) as err:
            _written(batch.unread(shown, stem or "stdin", err, options.lang), {}, args, out_dir, _NoBar())
            status = EXIT_USAGE
            continue
        # standard output takes one format: the one named, else the AKN (as before --format)
        formats = args.format if path != "-" else (args.format[0] if len(args.format) == 1 else "akn",)
        record, made = batch.build_document(shown, stem or "stdin", data, options, args.strict, formats)
        outcome = _written(record, made, args, out_dir, _NoBar(), to_stdout=path == "-")
        status = max(status, _EXIT_OF[outcome])
    return status


def _missing_folders(folder: Path) -> list[Path]:
    """The folders of `folder`'s path that do not exist yet, the deepest first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return missing


def _writable_folder(folder: Path) -> bool:
    """Make the output folder, and see that a file can be written in it, before any
    input is converted: else say why in one line (E015). A run that cannot write its
    outputs would convert everything for nothing and then fail on each document."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        print(Diagnostic("E015", f"cannot write the output folder: {_why(err)}").format(printable(str(folder))),
              file=sys.stderr)
        return False
    return True


def _convert_files(args, options: Options, out_dir: Path, names: OutputNames) -> int:
    """Files only: converted as `invoke build` converts them (`batch.convert_batch`), on
    `--jobs` worker processes, each printed and written as it comes back in input
    order; with more than one input, a summary line at the end."""
    jobs = max(1, min(args.jobs or workers.cores(), len(args.inputs)))
    inputs = ((path, reader(path, options.max_bytes)) for path in args.inputs)
    many = len(args.inputs) > 1
    bar = progress_bar(len(args.inputs), args.progress if many else False)
    status, outcomes = EXIT_OK, dict.fromkeys(("ok", "failed", "refused"), 0)
    started = time.perf_counter()
    try:
        with workers.local(jobs) as submit:
            for record, made in batch.convert_batch(inputs, options, args.strict, submit=submit, formats=args.format,
                                              names=names):
                bar.update(1)
                outcome = _written(record, made, args, out_dir, bar)
                outcomes[outcome] += 1
                status = max(status, _EXIT_OF[outcome])
    finally:
        bar.close()
    if many and not args.quiet:
        seconds = time.perf_counter() - started
        where = f"{jobs} worker processes" if jobs > 1 else "1 process"
        print(f"done    {_count(len(args.inputs), 'input')}: {outcomes['ok']} converted, {outcomes['failed']} failed, "
              f"{outcomes['refused']} not read or refused; {seconds:.1f} s on {where}, "
              f"{len(args.inputs) / seconds if seconds > 0 else 0:.1f} documents/s")
    return status


def reader(path: str, limit: int):
    """What reads one input of a batch, when the batch comes to it (not all at once)."""
    return lambda: read_input(path, limit)


def _written(record: batch.Record, made: dict[str, bytes], args, out_dir: Path, bar, to_stdout: bool = False) -> str:
    """Print what became of one input, write its files (or, `to_stdout`, its one
    output to standard output) when it converted; return "ok", "failed" (exit status
    1) or "refused" (never converted: exit status 2)."""
    shown = record.source
    if record.refused:
        for d in record.diagnostics:
            bar.write(d.format(shown), file=sys.stderr)
        if not args.quiet and record.refused != "unreadable":
            bar.write(f"failed  {shown}" + ("  (nothing written)" if record.refused == "name" else ""), file=sys.stderr)
        return "refused"
    if not record.timings:  # a crash in the converter or a writer, or a lost worker: no verdict
        bar.write(f"{shown}: error: {record.error}", file=sys.stderr)
        return "failed"
    print_diagnostics(record.diagnostics, shown, args.verbose, sys.stderr, bar.write)
    if record.status != batch.VALID:
        reason = ("warnings under --strict" if record.status == batch.FAILED else "text not conserved, nothing written"
                  if any(d.code == "E009" for d in record.diagnostics) else "invalid output, nothing written")
        if not args.quiet:
            bar.write(f"failed  {shown}  ({reason})", file=sys.stderr)
        return "failed"
    if to_stdout:
        sys.stdout.buffer.write(next(iter(made.values())))
        sys.stdout.buffer.flush()
        return "ok"
    targets: list[Path] = []
    for fmt in args.format:
        target = out_dir / record.files[fmt]
        try:
            write_atomically(target, made[fmt])
        except OSError as err:  # a full disk, a folder in the way: this document's files all go, or none
            for written in targets:
                written.unlink(missing_ok=True)
            bar.write(Diagnostic("E015", f"cannot write {printable(str(target))}: {_why(err)}")
                      .format(shown), file=sys.stderr)
            if not args.quiet:
                bar.write(f"failed  {shown}  (output not writable, nothing written)", file=sys.stderr)
            return "failed"
        targets.append(target)
    if not args.quiet:
        # standard output carries a document when one input is "-": the lines go beside it, to stderr
        said = sys.stderr if "-" in args.inputs else sys.stdout
        bar.write(f"ok      {shown} → {', '.join(map(str, targets))}  ({describe(record)})", file=said)
    return "ok"


def describe(record: batch.Record) -> str:
    """`zh HRC A/HRC/RES/38/3: 27 preambular, 31 operative, 1 footnote, 0 warnings`"""
    return (f"{record.lang} {record.body or '?'} {record.symbol or '?'}: {record.preambular} preambular, "
            f"{record.operative} operative, {_count(record.footnotes, 'footnote')}, {_count(record.warnings, 'warning')}")


class _NoBar:
    """What a run prints through when there is no progress bar."""

    def update(self, n):
        pass

    def write(self, line, file):
        print(line, file=file)

    def close(self):
        pass


def progress_bar(total: int, wanted: bool | None = None):
    """A progress bar on standard error, shown once the run has taken a second (a run
    of a few documents never shows one); `wanted` None: only when standard error is a
    terminal (a log file or a pipe gets no bar), True: always, False: never. Lines
    written through it (`.write(line, file)`) go above the bar."""
    if wanted is False or (wanted is None and not sys.stderr.isatty()):
        return _NoBar()
    from tqdm import tqdm

    class Bar(tqdm):
        def write(self, line, file):
            tqdm.write(line, file=file)

    return Bar(total=total, unit="doc", delay=1.0, file=sys.stderr, dynamic_ncols=True)


def _outline_command(args) -> int:
    options = _options(args, lambda: date.today().isoformat())
    if options is None:
        return EXIT_USAGE
    try:
        data = read_input(args.input, args.max_bytes, "nothing printed")
    except (OSError, InputError) as err:
        print(refusal(err).format(args.input), file=sys.stderr)
        return EXIT_USAGE
    if not _schemas_ready():
        return EXIT_USAGE
    try:
        conversion = convert(data, args.input, options)
    except InputError as err:
        print(err.diagnostic.format(args.input), file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(conversion.document.dump())
    print_diagnostics(conversion.diagnostics, args.input, args.verbose, sys.stderr)
    return EXIT_OK if conversion.ok else EXIT_FAILED


def _check_parallel_command(args) -> int:
    """Convert each version and print every fact that differs from what most versions print."""
    from .parallel import compare, facts

    if not _schemas_ready():
        return EXIT_USAGE
    versions = []
    for path in args.inputs:
        try:
            data = read_input(path, args.max_bytes, "not compared")
            conversion = convert(data, path, Options(markup_date=date.today().isoformat(), max_bytes=args.max_bytes))
        except (OSError, InputError) as err:
            print(refusal(err).format(path), file=sys.stderr)
            return EXIT_USAGE
        versions.append(facts(conversion.document, path))
    mismatches = compare(versions)
    for mismatch in mismatches:
        print(mismatch.format())
    if not args.quiet:
        print(f"{_count(len(versions), 'version')} of {versions[0].facts['symbol'].value or '?'}: "
              f"{len(mismatches)} mismatch{'' if len(mismatches) == 1 else 'es'}", file=sys.stderr)
    return EXIT_FAILED if mismatches else EXIT_OK


def _validate_command(args) -> int:
    """0 when every file is valid, 1 when any is invalid, 2 when any could not be
    checked (unreadable, over --max-bytes) or a report could not be written."""
    if not _schemas_ready():
        return EXIT_USAGE
    json_to_stdout = args.json == "-"
    checks = []
    # (a build's folder holds its HTML pages and report beside the XML: not named)
    for path in expand_folders(args.files, XML_SUFFIXES):
        shown = "<stdin>" if path == "-" else printable(path)
        try:
            check = check_file(read_input(path, args.max_bytes, "not checked", XML_SUFFIXES), shown, args.max_bytes)
        except (OSError, InputError) as err:
            check = not_checked(shown, refusal(err))
        checks.append(check)
        for d in check.diagnostics:
            print(d.format(check.source), file=sys.stderr)
        if not (args.quiet or json_to_stdout):
            print(_verdict(check))
    status = EXIT_OK
    if any(check.status == INVALID for check in checks):
        status = EXIT_FAILED
    if any(check.status == UNCHECKED for check in checks):
        status = EXIT_USAGE
    reports = {args.json: to_json, args.junit: to_junit}
    for target, render in reports.items():
        if target is None:
            continue
        try:
            if target == "-":
                sys.stdout.buffer.write(render(checks))
                sys.stdout.buffer.flush()
            else:
                write_atomically(Path(target), render(checks))
        except OSError as err:
            print(f"akn-pipeline: error: cannot write {target}: {err.strerror}", file=sys.stderr)
            status = EXIT_USAGE
    if not (args.quiet or json_to_stdout):
        total = counts(checks)
        print(f"{_count(total['files'], 'file')}: {total[VALID]} valid, {total[INVALID]} invalid, "
              f"{total[UNCHECKED]} not checked")
    return status


def _verdict(check: FileCheck) -> str:
    errors = sum(1 for d in check.diagnostics if d.level >= Level.ERROR)
    if check.status == VALID:
        return f"valid   {check.source}  ({KIND_NAMES[check.kind]})"
    if check.status == INVALID:
        kind = f"{KIND_NAMES[check.kind]}, " if check.kind else ""
        return f"invalid {check.source}  ({kind}{_count(errors, 'error')})"
    return f"error   {check.source}  (not checked)"


# -- extract: the text a PDF is read as (the lines its diagnostics point at) ------------
def _extract_command(args) -> int:
    from .convert import read

    try:
        source = read(read_input(args.input, args.max_bytes, "nothing printed"), args.input)
    except (OSError, InputError) as err:
        print(refusal(err).format(args.input), file=sys.stderr)
        return EXIT_USAGE
    lines = source.text.split("\n")
    hints = source.hints or (None,) * len(lines)
    for number, (text, hint) in enumerate(zip(lines, hints), start=1):
        if args.hints:  # line number, page, band, face size, indent: where each line came from
            where = f"{hint.page}\t{hint.band}\t{hint.size}\t{hint.indent}" if hint else "\t\t\t"
            text = f"{number}\t{where}\t{text}"
        sys.stdout.write(text + ("\n" if number < len(lines) or args.hints else ""))
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="akn-pipeline",
        description="Convert the text of UN resolutions and decisions into Akoma Ntoso (AKN4UN).")
    top.add_argument("--version", action="version", version=f"akn-pipeline {__version__}")
    commands = top.add_subparsers(dest="command", required=True)

    conv = commands.add_parser("convert", help="convert text files or PDFs to validated AKN and TEI XML",
                               description="Writes DIR/NAME.akn.xml, NAME.tei.xml and NAME.html for each "
                                           "NAME.txt or NAME.pdf (a folder: each one it holds); '-' reads stdin "
                                           "and writes the AKN to stdout (or the one format --format names).")
    conv.add_argument("inputs", nargs="+", metavar="INPUT",
                      help="text file or PDF of a resolution, a folder of them (its *.txt, then its *.pdf), or -")
    conv.add_argument("--out-dir", default="output", metavar="DIR", help="output folder (default: output)")
    conv.add_argument("--format", type=formats, default=tuple(WRITERS), metavar="LIST",
                      help="comma-separated outputs among akn,tei,html (default: all three)")
    _common(conv)
    conv.add_argument("--strict", action="store_true", help="treat warnings as failures")
    conv.add_argument("-q", "--quiet", action="store_true", help="no summary lines")
    conv.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                      help="worker processes for many inputs (default: every core; 1 converts in this process)")
    conv.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                      help="a progress bar on standard error for many inputs (default: when it is a terminal)")
    conv.set_defaults(run=_convert_command)

    check = commands.add_parser(
        "validate", help="check AKN or TEI files, made by any tool, against their official schemas",
        description="Checks each FILE: Akoma Ntoso 3.0 against akomantoso30.xsd, TEI P5 against tei_all.rng "
                    "and its #id pointers (told apart by the root's namespace; anything else is an error). "
                    "A DOCTYPE is refused before parsing: no DTD is loaded, no entity expanded, nothing fetched. "
                    "Exit status: 0 all valid, 1 any invalid, 2 any not checked (unreadable, too large).")
    check.add_argument("files", nargs="+", metavar="FILE",
                       help="an AKN or TEI XML file, a folder of them (its *.xml files), or -")
    check.add_argument("--json", nargs="?", const="-", metavar="PATH",
                       help="write a JSON report to PATH (no PATH, or -: to standard output, instead of the text)")
    check.add_argument("--junit", metavar="PATH", help="write a JUnit XML report to PATH, one test case per file")
    _max_bytes(check)
    check.add_argument("-q", "--quiet", action="store_true", help="print only the errors")
    check.set_defaults(run=_validate_command)

    outline = commands.add_parser("outline", help="print the document model as an outline")
    outline.add_argument("input", metavar="INPUT")
    _common(outline)
    outline.set_defaults(run=_outline_command)

    parallel = commands.add_parser(
        "check-parallel", help="compare versions of one resolution (languages, text layers, PDFs)",
        description="Converts each INPUT (text or PDF) and compares it with the first: paragraph, item and "
                    "footnote counts, the numbering, the vote counts and the states that voted each way. "
                    "Prints one line per difference, with both places. Exit status: 0 none, 1 any, 2 unreadable.")
    parallel.add_argument("inputs", nargs="+", metavar="INPUT", help="a text file or PDF of one version")
    _max_bytes(parallel)
    parallel.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    parallel.set_defaults(run=_check_parallel_command)

    extract = commands.add_parser("extract", help="print the text a PDF is read as",
                                  description="Prints the text the converter reads from INPUT (a PDF's "
                                              "pages, one block per line): the line numbers of its "
                                              "diagnostics are this text's.")
    extract.add_argument("input", metavar="INPUT")
    extract.add_argument("--hints", action="store_true",
                         help="prefix each line with its number, page, band, face size and indent (tab-separated)")
    _max_bytes(extract)
    extract.set_defaults(run=_extract_command)
    return top


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"a positive number (got {value!r})")
    return int(value)


def _common(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--lang", choices=sorted(UN_LANGUAGES), help="language of the input (default: detect)")
    sub.add_argument("--encoding", metavar="NAME",
                     help="encoding of text inputs, e.g. cp1252, cp1251, cp1256 (default: UTF-8, UTF-16/32 "
                          "with a byte-order mark, or GB18030 Chinese; anything else is refused)")
    sub.add_argument("-v", "--verbose", action="store_true", help="also print informational diagnostics")
    _max_bytes(sub)


def _max_bytes(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--max-bytes", type=byte_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                     help=f"refuse an input larger than this (default: {DEFAULT_MAX_BYTES:,} bytes; "
                          "units k, M, G or KiB, MiB, GiB)")


EXIT_INTERRUPTED = 130  # the shell's code for a process ended by Ctrl-C (128 + SIGINT)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        # every file written so far is complete and no temporary file is left
        # (write_atomically); running the same command again finishes the job
        print("akn-pipeline: interrupted; files already written are complete, run it again to finish",
              file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
