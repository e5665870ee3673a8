"""Deterministic output: the same input gives byte-identical AKN, TEI and HTML, in one
process and across processes with different hash seeds; the manifestation date is
SOURCE_DATE_EPOCH's when it is set (the reproducible-builds convention), else today's."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timezone

import pytest

from casefile import read_cases
from conftest import MARKUP_DATE, ROOT, SEED
from pipeline.convert import Options, convert
from pipeline.to_html import to_html

# the seed and one small document of each other language the case files hold
CASE_FILES = sorted((ROOT / "tests" / "cases").glob("segment_*.txt"))
SAMPLES = [SEED.read_text(encoding="utf-8")] + [read_cases(p)[0].given.partition("\n")[2] for p in CASE_FILES]
EPOCH = "1530748800"  # 2018-07-05


def _outputs(text: str) -> tuple[bytes, bytes, bytes]:
    conversion = convert(text, "sample.txt", Options(markup_date=MARKUP_DATE))
    return conversion.akn, conversion.tei, to_html(conversion)


@pytest.mark.parametrize("text", SAMPLES, ids=lambda t: t.split("\n", 1)[0][:20] or "seed")
def test_converting_twice_gives_the_same_bytes(text):
    assert _outputs(text) == _outputs(text)


def _cli(folder, env_changes: dict) -> dict[str, bytes]:
    """Run the CLI in a process of its own over the samples; the files it wrote."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs = []
    for number, text in enumerate(SAMPLES):
        (folder / f"in{number}.txt").write_text(text, encoding="utf-8")
        inputs.append(f"in{number}.txt")  # relative: the outputs name their source
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONHASHSEED")}
    env.update(env_changes)
    subprocess.run([sys.executable, "-m", "pipeline", "convert", *inputs, "--out-dir", "out", "-q"],
                   env=env, check=True, cwd=folder, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted((folder / "out").iterdir())}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[dict, dict]:
    """The files of two CLI processes with different hash seeds, SOURCE_DATE_EPOCH set."""
    folder = tmp_path_factory.mktemp("runs")
    return (_cli(folder / "a", {"PYTHONHASHSEED": "1", "SOURCE_DATE_EPOCH": EPOCH}),
            _cli(folder / "b", {"PYTHONHASHSEED": "4242", "SOURCE_DATE_EPOCH": EPOCH}))


def test_two_processes_with_different_hash_seeds_write_the_same_bytes(two_runs):
    first, second = two_runs
    assert len(first) == 3 * len(SAMPLES)
    assert first == second


def _manifestation_dates(files: dict[str, bytes]) -> set[str]:
    from lxml import etree

    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    dates = set()
    for name, data in files.items():
        if name.endswith(".akn.xml"):
            dates.update(etree.fromstring(data).xpath("//a:FRBRManifestation/a:FRBRdate/@date", namespaces=ns))
    return dates


def test_the_manifestation_date_is_source_date_epoch(two_runs):
    files = two_runs[0]
    assert _manifestation_dates(files) == {"2018-07-05"}
    assert all(b"2018-07-05" in data for name, data in files.items() if name.endswith(".tei.xml"))


def test_without_source_date_epoch_the_manifestation_date_is_today(tmp_path):
    before = date.today().isoformat()
    files = _cli(tmp_path, {})
    after = date.today().isoformat()
    assert _manifestation_dates(files) <= {before, after} and _manifestation_dates(files)


def test_a_bad_source_date_epoch_is_a_usage_error(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes(SEED.read_bytes())
    env = {**os.environ, "SOURCE_DATE_EPOCH": "yesterday"}
    done = subprocess.run([sys.executable, "-m", "pipeline", "convert", str(path), "--out-dir", str(tmp_path / "o")],
                          env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and "SOURCE_DATE_EPOCH" in done.stderr and not (tmp_path / "o").exists()


def test_the_epoch_is_read_as_utc():
    from pipeline.convert import markup_date

    midnight = int(datetime(2024, 2, 29, 23, 59, tzinfo=timezone.utc).timestamp())
    assert markup_date({"SOURCE_DATE_EPOCH": str(midnight)}) == "2024-02-29"
    assert markup_date({"SOURCE_DATE_EPOCH": ""}) == date.today().isoformat()
