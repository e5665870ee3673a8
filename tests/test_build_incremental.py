"""Builds at archive scale: a rebuild of an unchanged corpus converts nothing, a change
to an input or to the converter converts again what it touches, worker processes give
the same bytes as one process, and output/report.json says what happened."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from buildproject import DOCUMENTS, documents_written, project
from pipeline import batch, incremental

pytestmark = pytest.mark.usefixtures("fixed_date")


@pytest.fixture
def conversions(monkeypatch):
    """The sources `convert` was called on in this process (builds with jobs=1)."""
    seen = []
    real = batch.convert

    def counting(data, source, options):
        seen.append(source)
        return real(data, source, options)

    monkeypatch.setattr(batch, "convert", counting)
    return seen


def outputs(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in documents_written(folder)}


def report(folder) -> dict:
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


def test_a_rebuild_of_an_unchanged_corpus_converts_nothing(tmp_path, monkeypatch, capsys, conversions):
    tasks = project(tmp_path, monkeypatch, DOCUMENTS)
    out = tmp_path / "output"
    tasks.build.body(None, jobs=1)
    assert sorted(conversions) == ["input/a.txt", "input/b.txt", "input/c.txt"]
    first = outputs(out)
    assert "report  output/report.json  (3 converted, 0 unchanged;" in capsys.readouterr().out

    conversions.clear()
    tasks.build.body(None, jobs=1)
    assert conversions == []
    printed = capsys.readouterr().out
    assert "ok      " not in printed  # no line per document that was kept
    assert "report  output/report.json  (0 converted, 3 unchanged;" in printed
    assert outputs(out) == first  # the index too: the kept records are those of the first build
    summary = report(out)["summary"]
    assert (summary["documents"], summary["converted"], summary["unchanged"], summary["valid"]) == (3, 0, 3, 3)
    assert [d["converted"] for d in report(out)["documents"]] == [False, False, False]


def test_what_changed_is_converted_again(tmp_path, monkeypatch, capsys, conversions):
    tasks = project(tmp_path, monkeypatch, DOCUMENTS)
    out = tmp_path / "output"
    tasks.build.body(None, jobs=1)

    conversions.clear()
    (tmp_path / "input" / "a.txt").write_bytes(DOCUMENTS["a.txt"] + b"\n2. Decides to remain seized of the matter.\n")
    (out / "b.tei.xml").unlink()  # an output that is gone is made again
    tasks.build.body(None, jobs=1)
    assert sorted(conversions) == ["input/a.txt", "input/b.txt"]
    assert b"remain seized" in (out / "a.akn.xml").read_bytes() and (out / "b.tei.xml").exists()

    conversions.clear()
    tasks.build.body(None, jobs=1, force=True)
    assert sorted(conversions) == ["input/a.txt", "input/b.txt", "input/c.txt"]

    from invoke import Exit

    conversions.clear()
    with pytest.raises(Exit):  # a and b have warnings: they fail under --strict
        tasks.build.body(None, jobs=1, strict=True)  # another option: maybe another verdict
    assert len(conversions) == 3

    conversions.clear()
    monkeypatch.setattr(incremental, "fingerprint", lambda: "a new converter")
    with pytest.raises(Exit):
        tasks.build.body(None, jobs=1, strict=True)
    assert len(conversions) == 3
    capsys.readouterr()


def test_the_converter_fingerprint_covers_code_templates_schemas_and_libraries(tmp_path, monkeypatch):
    import shutil

    from pipeline.templates import template_dir

    def fingerprint() -> str:
        incremental.fingerprint.cache_clear()  # it is kept for the process; each case makes its own
        return incremental.fingerprint()

    base = fingerprint()
    assert len(base) == 64 and fingerprint() == base
    changed = {}
    with monkeypatch.context() as m:  # a version bump
        m.setattr(incremental, "__version__", "999")
        changed["version"] = fingerprint()
    with monkeypatch.context() as m:  # a template edited (a copy left as it is changes nothing)
        templates = shutil.copytree(template_dir(), tmp_path / "templates")
        m.setattr(incremental, "template_dir", lambda: templates)
        assert fingerprint() == base
        (templates / "akn" / "extra.xml.j2").write_text("{# new #}\n", encoding="utf-8")
        changed["templates"] = fingerprint()
    with monkeypatch.context() as m:  # a source file edited (a copy left as it is changes nothing)
        package = shutil.copytree(Path(incremental.__file__).parent, tmp_path / "pipeline")
        m.setattr(incremental, "__file__", str(package / "incremental.py"))
        assert fingerprint() == base
        (package / "clean.py").write_text((package / "clean.py").read_text() + "\n# edited\n")
        changed["code"] = fingerprint()
    with monkeypatch.context() as m:  # another schema
        m.setattr(incremental, "TEI_SCHEMA_SHA256", "0" * 64)
        changed["schemas"] = fingerprint()
    with monkeypatch.context() as m:  # another lxml
        real = incremental.metadata.version  # every other library as installed: only lxml differs
        m.setattr(incremental.metadata, "version", lambda name: "0.0" if name == "lxml" else real(name))
        changed["libraries"] = fingerprint()
    assert fingerprint() == base  # every change undone, the same converter again
    assert {what: value != base for what, value in changed.items()} == dict.fromkeys(changed, True)


def test_worker_processes_write_the_same_bytes_as_one_process(tmp_path, monkeypatch, capsys):
    one = project(tmp_path / "one", monkeypatch, DOCUMENTS)
    one.build.body(None, jobs=1)
    two = project(tmp_path / "two", monkeypatch, DOCUMENTS)
    two.build.body(None, jobs=2, force=True)
    assert outputs(tmp_path / "one" / "output") == outputs(tmp_path / "two" / "output")
    assert "on 2 worker processes" in capsys.readouterr().out
    assert report(tmp_path / "two" / "output")["summary"]["workers"] == "2 worker processes"


def test_the_report_counts_diagnostics_and_times_the_stages(tmp_path, monkeypatch, capsys):
    tasks = project(tmp_path, monkeypatch, DOCUMENTS)
    tasks.build.body(None, jobs=1)
    documents = {d["source"]: d for d in report(tmp_path / "output")["documents"]}
    assert list(documents) == ["input/a.txt", "input/b.txt", "input/c.txt"]
    seed = documents["input/c.txt"]
    assert seed["status"] == "valid" and seed["converted"] and seed["lang"] == "zh"
    assert seed["files"] == {"akn": "c.akn.xml", "tei": "c.tei.xml", "html": "c.html"}
    assert seed["diagnostics"]["codes"]["I004"] == 1  # the language was detected
    assert sum(seed["diagnostics"]["codes"].values()) == sum(
        seed["diagnostics"][level] for level in ("error", "warning", "info"))
    assert {"read", "clean", "segment", "akn", "validate_akn", "tei", "validate_tei", "html",
            "total"} <= set(seed["seconds"])
    capsys.readouterr()


def test_a_lost_worker_fails_its_documents_and_they_are_tried_again(tmp_path):
    from concurrent.futures import Future

    def lost(function, *args):
        future = Future()
        future.set_exception(RuntimeError("worker killed"))
        return future

    inputs = [(f"{name}", data) for name, data in DOCUMENTS.items()]
    built = list(batch.convert_batch(inputs, submit=lost, chunk=2))
    assert [r.source for r, _ in built] == ["a.txt", "b.txt", "c.txt"]
    assert all(r.status == batch.FAILED and not r.settled for r, _ in built)
    assert "the worker converting it failed: RuntimeError: worker killed" in built[0][0].error


def test_results_come_back_in_input_order_and_no_more_than_a_window_ahead():
    from concurrent.futures import Future

    sent, read = [], []

    def later(function, *args):  # a future that runs when it is asked for its result
        sent.append(args[0])
        future = Future()
        future.set_result(function(*args))
        return future

    def reader(name, data):
        def read_it():
            read.append(name)
            return data
        return read_it

    inputs = [(f"{i}.txt", reader(f"{i}.txt", DOCUMENTS["a.txt"])) for i in range(12)]
    results = batch.convert_batch(inputs, submit=later, chunk=2, window=4)
    first, _ = next(results)
    assert first.source == "0.txt" and len(read) <= 4 + 2  # not the whole batch read ahead
    rest = [r.source for r, _ in results]
    assert rest == [f"{i}.txt" for i in range(1, 12)]


def test_the_dask_backend_runs_the_same_build_on_a_local_cluster(tmp_path, monkeypatch, capsys):
    """The CI test of `invoke build --scheduler ADDRESS` (the dask extra is part of dev)."""
    pytest.importorskip("distributed", reason="the dask extra is not installed: pip install -e '.[dask]'")
    from distributed import LocalCluster

    reference = project(tmp_path / "here", monkeypatch, DOCUMENTS)
    reference.build.body(None, jobs=1)
    tasks = project(tmp_path / "dask", monkeypatch, DOCUMENTS)
    # one worker in this process (threads, one at a time): quick to start, and the
    # documents still travel to it and back through the scheduler
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        tasks.build.body(None, scheduler=cluster.scheduler_address)
    assert outputs(tmp_path / "dask" / "output") == outputs(tmp_path / "here" / "output")
    printed = capsys.readouterr().out
    assert f"on the Dask cluster at {cluster.scheduler_address}" in printed
    assert report(tmp_path / "dask" / "output")["summary"]["converted"] == 3
