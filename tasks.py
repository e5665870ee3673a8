"""Project tasks: `invoke build` (input/ → output/), `invoke test`, `invoke score`.

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


@task
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
