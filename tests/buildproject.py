"""`invoke build` on a project folder of a test's own: tasks.py loaded from its file
(it is a script beside the package, not part of it) and pointed at that folder."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import ROOT, SEED
from pipeline.incremental import STATE_NAME

# a small project: two minimal resolutions and the seed
DOCUMENTS = {"a.txt": b"The General Assembly,\n\n1. Decides to act.\n",
             "b.txt": b"The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n"
                      b"2. Requests a report.\n",
             "c.txt": SEED.read_bytes()}


# What a build writes about itself rather than about the documents: the report holds
# the times of this run, the state file what was built from what (pipeline.incremental).
# (SQLite keeps a journal beside the state file while it writes, and after a kill.)
def about_the_run(name: str) -> bool:
    return name == "report.json" or name.startswith(STATE_NAME)


def documents_written(output: Path) -> list[str]:
    """The names of the files in a build's output folder, but those about the run."""
    return sorted(p.name for p in output.iterdir() if not about_the_run(p.name))


def load_tasks():
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    return tasks


def project(folder: Path, monkeypatch, inputs: dict[str, bytes]):
    """tasks.py with its ROOT at `folder`, holding input/NAME for each of `inputs`."""
    tasks = load_tasks()
    (folder / "input").mkdir(parents=True)
    for name, data in inputs.items():
        (folder / "input" / name).write_bytes(data)
    monkeypatch.setattr(tasks, "ROOT", folder)
    monkeypatch.setattr(tasks, "INPUT", folder / "input")
    monkeypatch.setattr(tasks, "OUTPUT", folder / "output")
    return tasks
