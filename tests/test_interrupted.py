"""Atomic and resumable: a build or conversion interrupted mid-way (Ctrl-C, or a kill
that leaves no chance to clean up) leaves no partial file under an output name, and
running it again finishes the job with the same bytes as an uninterrupted run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from buildproject import DOCUMENTS, about_the_run, project
from conftest import EPOCH, ROOT
from pipeline import cli
from pipeline.cli import main, sweep_interrupted

pytestmark = pytest.mark.usefixtures("fixed_date")


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not about_the_run(p.name)}


def interrupt_at(monkeypatch, call: int, interruption=KeyboardInterrupt):
    """Make the `call`-th file write stop between writing its data and keeping it:
    the worst moment, with a temporary file on disk holding the data."""
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == call:
            raise interruption()
        real_fsync(fd)

    monkeypatch.setattr(cli.os, "fsync", fsync)
    return calls


def convert_in(folder: Path, monkeypatch) -> tuple[int, Path]:
    """`akn-pipeline convert a.txt b.txt c.txt --out-dir out` run in `folder` (the
    source names are written into the outputs, so they are the same in every run)."""
    folder.mkdir(exist_ok=True)
    for name, data in DOCUMENTS.items():
        (folder / name).write_bytes(data)
    monkeypatch.chdir(folder)
    return main(["convert", *DOCUMENTS, "--out-dir", "out", "-q"]), folder / "out"


def test_ctrl_c_on_the_second_document_leaves_complete_files_only_and_a_rerun_finishes(
        tmp_path, monkeypatch, capsys):
    status, reference = convert_in(tmp_path / "reference", monkeypatch)
    assert status == 0
    expected = files(reference)

    calls = interrupt_at(monkeypatch, 5)  # a's three files are kept; b's second is being written
    status, out = convert_in(tmp_path / "interrupted", monkeypatch)
    assert status == cli.EXIT_INTERRUPTED and len(calls) == 5
    assert "interrupted; files already written are complete, run it again to finish" in capsys.readouterr().err
    left = files(out)
    assert sorted(left) == ["a.akn.xml", "a.html", "a.tei.xml", "b.akn.xml"]  # no temporary file
    assert all(left[name] == expected[name] for name in left)  # each one whole

    monkeypatch.setattr(cli.os, "fsync", os.fsync)
    status, out = convert_in(tmp_path / "interrupted", monkeypatch)
    assert status == 0 and files(out) == expected


def test_an_exception_while_writing_removes_the_temporary_file(tmp_path, monkeypatch):
    interrupt_at(monkeypatch, 1, OSError)
    with pytest.raises(OSError):
        cli.write_atomically(tmp_path / "x.akn.xml", b"<x/>")
    assert list(tmp_path.iterdir()) == []


def test_files_get_the_permissions_of_a_plain_write(tmp_path):
    (tmp_path / "plain").write_bytes(b"x")
    cli.write_atomically(tmp_path / "atomic", b"x")
    assert (tmp_path / "atomic").stat().st_mode == (tmp_path / "plain").stat().st_mode


def test_ctrl_c_in_a_build_then_the_rerun_finishes_it(tmp_path, monkeypatch, capsys):
    reference = project(tmp_path / "reference", monkeypatch, DOCUMENTS)
    reference.build.body(None)
    expected = files(tmp_path / "reference" / "output")
    assert sorted(expected) == ["a.akn.xml", "a.html", "a.tei.xml", "b.akn.xml", "b.html", "b.tei.xml",
                                "c.akn.xml", "c.html", "c.tei.xml", "index.html"]

    tasks = project(tmp_path / "interrupted", monkeypatch, DOCUMENTS)
    out = tmp_path / "interrupted" / "output"
    interrupt_at(monkeypatch, 4)  # the first file of the second document
    with pytest.raises(KeyboardInterrupt):
        tasks.build.body(None)
    left = files(out)
    assert sorted(left) == ["a.akn.xml", "a.html", "a.tei.xml"]  # no index yet, no temporary file
    assert all(left[name] == expected[name] for name in left)

    monkeypatch.setattr(cli.os, "fsync", os.fsync)
    tasks.build.body(None)
    assert files(out) == expected


# A build in a process of its own that kills itself (SIGKILL: no handler, no cleanup)
# at the N-th file, between writing its data and renaming it.
KILLED_BUILD = """
import importlib.util, os, signal, sys
from pathlib import Path

tasks_file, folder, kill_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
spec = importlib.util.spec_from_file_location("tasks", tasks_file)
tasks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tasks)
tasks.ROOT, tasks.INPUT, tasks.OUTPUT = folder, folder / "input", folder / "output"
real_fsync, calls = os.fsync, []

def fsync(fd):
    calls.append(fd)
    if len(calls) == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync(fd)

os.fsync = fsync
tasks.build.body(None)
"""


def run_build(folder: Path, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLED_BUILD, str(ROOT / "tasks.py"), str(folder), str(kill_at)],
                          capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})


def test_a_killed_build_leaves_no_partial_file_and_the_rerun_sweeps_and_finishes(tmp_path, monkeypatch):
    reference = project(tmp_path / "reference", monkeypatch, DOCUMENTS)
    reference.build.body(None)
    expected = files(tmp_path / "reference" / "output")

    folder = tmp_path / "killed"
    project(folder, monkeypatch, DOCUMENTS)
    killed = run_build(folder, kill_at=5)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    out = folder / "output"
    kept = {name: data for name, data in files(out).items() if not name.startswith(".")}
    assert sorted(kept) == ["a.akn.xml", "a.html", "a.tei.xml", "b.akn.xml"]
    assert all(kept[name] == expected[name] for name in kept)  # every file under its name is whole
    # the one being written is left under its temporary name only, named after the dead process
    [temporary] = [p for p in out.iterdir() if p.name.startswith(".") and not about_the_run(p.name)]
    assert temporary.name.startswith(".b.tei.xml.") and temporary.name.endswith(".tmp")

    rerun = run_build(folder, kill_at=0)  # no kill
    assert rerun.returncode == 0, rerun.stderr
    assert f"removed output/{temporary.name}  (left by an interrupted build)" in rerun.stderr
    assert files(out) == expected


def test_the_sweep_keeps_files_of_running_processes_and_files_it_did_not_write(tmp_path):
    alive = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    try:
        names = [f".a.akn.xml.{alive.pid}.abcd_123.tmp", f".a.akn.xml.{dead.stdout.strip()}.abcd_123.tmp",
                 f".a.akn.xml.{os.getpid()}.abcd_123.tmp", "notes.tmp", ".a.akn.xml.12.tmp", "a.akn.xml",
                 f".a.akn.xml.{10 ** 30}.abcd_123.tmp"]
        for name in names:
            (tmp_path / name).write_bytes(b"x")
        assert sweep_interrupted(tmp_path) == [tmp_path / names[1]]
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[:1] + names[2:])
    finally:
        alive.communicate(b"")
