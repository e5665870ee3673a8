"""The synthetic resolutions of `invoke bench` are what they say: N operative
paragraphs with sub-items and footnotes, converted valid and conserved (a benchmark
of documents that fail would time the wrong path). No timing is asserted anywhere."""
from __future__ import annotations

import importlib.util
import json

from conftest import MARKUP_DATE, ROOT
from pipeline.convert import Options, convert


def load_bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_a_synthetic_resolution_has_its_paragraphs_items_and_footnotes():
    bench = load_bench()
    conversion = convert(bench.synthetic(30), "synthetic30.txt", Options(markup_date=MARKUP_DATE))
    assert conversion.ok, conversion.diagnostics
    paragraphs = list(conversion.document.paragraphs())
    assert len(paragraphs) == 30
    assert len(conversion.document.footnotes) == 3
    assert sum(len(p.items) for p in paragraphs) == 30  # (a)–(c) in every third paragraph
    assert not [d for d in conversion.diagnostics if d.code.startswith("W")]


def seed_row(floor_per_second: float, akn_per_second: float) -> dict:
    return {"floor_akn_per_second": floor_per_second, "akn_path_per_second": akn_per_second,
            "akn_path_floor_ratio": floor_per_second / akn_per_second, "all_formats_per_second": akn_per_second / 2,
            "all_formats_floor_ratio": 3.0}


def test_a_floor_below_the_target_is_said_to_bound_every_converter():
    # lxml alone at 317 documents a second: 500 is out of reach of anything that validates with it
    said = load_bench().floor_bound(seed_row(317.4, 58.0))
    assert said is not None
    assert "317 doc/s" in said and "500 doc/s" in said and "5.5× the floor" in said


def test_a_floor_above_the_target_bounds_nothing():
    assert load_bench().floor_bound(seed_row(1163.0, 183.0)) is None


def test_the_seed_targets_are_met_or_not_by_their_own_numbers():
    bench = load_bench()
    slow = {t["target"]: t["met"] for t in bench.seed_targets(seed_row(1163.0, 183.0))}
    assert list(slow.values()) == [False, False, False, True]  # 183 doc/s, 6.4× the floor
    fast = {t["target"]: t["met"] for t in bench.seed_targets(seed_row(2400.0, 1200.0))}
    assert list(fast.values()) == [True, True, True, True]  # 1,200 doc/s (all formats 600), 2× the floor


def test_the_synthetic_rows_keep_the_fastest_round_of_each_size(monkeypatch):
    bench = load_bench()
    # the machine slows down as the rounds go on, except for one fast minute in the second
    times = iter([0.5, 0.3, 0.6, 0.2, 0.7, 0.9])
    monkeypatch.setattr(bench, "synthetic", lambda size: "x" * size)
    monkeypatch.setattr(bench, "profile", lambda documents, label: {"workload": label, "documents": len(documents),
                                                                    "all_formats_ms_per_paragraph": next(times)})
    rows = bench.synthetic_rows([100, 1000], rounds=3)
    assert [r["workload"] for r in rows] == ["synthetic 100 paragraphs", "synthetic 1,000 paragraphs"]
    assert [r["all_formats_ms_per_paragraph"] for r in rows] == [0.5, 0.2]
    assert [r["documents"] for r in rows] == [50, 5]  # each size to 5,000 paragraphs


def test_the_benchmark_runs_end_to_end_and_writes_its_targets(monkeypatch, tmp_path, capsys):
    # `invoke bench` is timed by hand, never in CI: this runs it small (no corpus, one
    # worker) so that a change that breaks it shows here, not on the next person's run
    bench = load_bench()
    monkeypatch.setattr(bench, "dev_corpus", lambda: [])
    monkeypatch.setattr(bench, "SYNTHETIC_PARAGRAPHS", 40)
    out = tmp_path / "bench.json"
    assert bench.main(["--repeat", "2", "--sizes", "10,20", "--rounds", "2", "--documents", "4",
                       "--corpus-times", "1", "--workers", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "synthetic 10 paragraphs" in printed and "synthetic 20 paragraphs" in printed
    assert "time per paragraph flat 10→20" in printed
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["targets"]) == 7
    assert [w["workload"] for w in report["workloads"]] == ["seed ×2", "synthetic 10 paragraphs",
                                                            "synthetic 20 paragraphs"]
    assert report["memory"]["documents"] == 4 and report["memory"]["valid"] == 4
