"""The command line: outputs, exit codes, stdin/stdout, nothing written on failure."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SEED
from pipeline import cli
from pipeline.cli import main


def test_convert_writes_akn_tei_and_html_and_exits_0(tmp_path, capsys, fixed_date):
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path)]) == 0
    out = tmp_path / "A_HRC_RES_38_3.zh.akn.xml"
    tei = tmp_path / "A_HRC_RES_38_3.zh.tei.xml"
    html = tmp_path / "A_HRC_RES_38_3.zh.html"
    assert out.exists() and b"<akomaNtoso" in out.read_bytes()
    assert tei.exists() and b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="zh">' in tei.read_bytes()
    assert html.exists() and b'id="para_19"' in html.read_bytes()
    captured = capsys.readouterr()
    assert captured.out.startswith("ok ") and "31 operative" in captured.out and str(tei) in captured.out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, tei.name, html.name])  # no temporary files


def test_format_chooses_the_outputs(tmp_path, fixed_date):
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path), "--format", "tei", "-q"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["A_HRC_RES_38_3.zh.tei.xml"]


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(SEED), "--format", "akn,pdf"])
    assert exit_info.value.code == 2 and "akn,tei,html" in capsys.readouterr().err


def test_html_alone(tmp_path, fixed_date):
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path), "--format", "html", "-q"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["A_HRC_RES_38_3.zh.html"]


def test_stdin_writes_the_one_format_named():
    result = subprocess.run([sys.executable, "-m", "pipeline", "convert", "-", "--format", "tei"],
                            input=SEED.read_bytes(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert b'<TEI xmlns="http://www.tei-c.org/ns/1.0"' in result.stdout and b"<akomaNtoso" not in result.stdout


def test_a_missing_tei_schema_is_a_usage_error_naming_the_fetch(tmp_path, monkeypatch, capsys):
    from pipeline import validate as validation

    monkeypatch.setenv(validation.TEI_SCHEMA_ENV, str(tmp_path / "absent.rng"))
    validation._tei_schema.cache_clear()
    try:
        assert main(["convert", str(SEED), "--out-dir", str(tmp_path / "o")]) == 2
    finally:
        validation._tei_schema.cache_clear()
    assert "invoke schemas" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_output_is_byte_identical_between_runs(tmp_path, fixed_date):
    main(["convert", str(SEED), "--out-dir", str(tmp_path / "a"), "-q"])
    main(["convert", str(SEED), "--out-dir", str(tmp_path / "b"), "-q"])
    name = "A_HRC_RES_38_3.zh.akn.xml"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert b'<FRBRdate date="2026-01-01" name="markup"/>' in (tmp_path / "a" / name).read_bytes()


def test_stdin_to_stdout():
    result = subprocess.run([sys.executable, "-m", "pipeline", "convert", "-"], input=SEED.read_bytes(),
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"<?xml") and b"para_31" in result.stdout


def test_stdin_beside_files_keeps_standard_output_for_its_document(tmp_path):
    """A file and "-" in one call: the file's outputs go to the folder, standard output
    holds the AKN of standard input and nothing else (the "ok" lines go to stderr)."""
    result = subprocess.run([sys.executable, "-m", "pipeline", "convert", str(SEED), "-", "--out-dir", str(tmp_path)],
                            input=SEED.read_bytes(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"<?xml") and result.stdout.rstrip().endswith(b"</akomaNtoso>")
    assert b"ok      " in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [SEED.stem + ext for ext in (".akn.xml", ".html", ".tei.xml")]


def test_unreadable_input_exits_2_names_the_file_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n binary")  # a PDF goes to the PDF reader (tests/test_read_pdf.py)
    out = tmp_path / "out"
    assert main(["convert", str(bad), "--out-dir", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: error E001: not a text file" in err
    assert not out.exists()


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["convert", str(tmp_path / "nope.txt"), "--out-dir", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_empty_input_exits_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n  \n")
    assert main(["convert", str(empty), "--out-dir", str(tmp_path / "o")]) == 2
    assert "E004" in capsys.readouterr().err


def test_a_folder_stands_for_its_text_files_then_its_pdfs(tmp_path, capsys, fixed_date):
    from pdf_fixtures import resolution_pdf

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_bytes(SEED.read_bytes())
    (folder / "C.TXT").write_bytes(SEED.read_bytes())  # from a Windows archive: an input too
    (folder / "a.pdf").write_bytes(resolution_pdf())
    (folder / "notes.md").write_text("not an input")
    (folder / "README.md").write_text("what the folder holds")
    (folder / ".gitkeep").write_text("")
    (folder / "sub" / "c.txt").write_bytes(SEED.read_bytes())  # a subfolder's are not taken
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    assert main(["convert", str(folder), "--out-dir", str(out), "--format", "akn", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    printed = captured.out.splitlines()
    assert [line.split()[1] for line in printed[:3]] == [str(folder / "C.TXT"), str(folder / "b.txt"),
                                                         str(folder / "a.pdf")]
    assert printed[3].startswith("done    3 inputs: 3 converted")
    assert sorted(p.name for p in out.iterdir()) == ["C.akn.xml", "a.akn.xml", "b.akn.xml"]
    # a file that is no input is named, not passed over in silence (a README, a hidden file are none)
    assert captured.err.splitlines() == [f"skipped {folder / 'notes.md'}  (not a .txt or .pdf file)"]
    # a folder with no input is an input that cannot be read; the others are converted
    assert main(["convert", str(tmp_path / "empty"), str(SEED), "--out-dir", str(tmp_path / "o2"), "-q"]) == 2
    assert f"{tmp_path / 'empty'}: error E001: cannot read: a folder that holds no .txt or .pdf file" in \
        capsys.readouterr().err
    assert (tmp_path / "o2" / "A_HRC_RES_38_3.zh.akn.xml").exists()


def test_encoding_names_how_a_legacy_file_is_read(tmp_path, capsys, fixed_date):
    legacy = tmp_path / "fr.txt"
    legacy.write_bytes("2/1. Résolution\n\nLe Conseil des droits de l’homme,\n\n1. Décide de rester saisi.\n"
                       .encode("cp1252"))
    assert main(["convert", str(legacy), "--out-dir", str(tmp_path / "o"), "-q"]) == 2
    assert "--encoding" in capsys.readouterr().err
    assert main(["convert", str(legacy), "--out-dir", str(tmp_path / "o"), "-q", "--encoding", "cp1252"]) == 0
    assert "Le Conseil des droits de l’homme" in (tmp_path / "o" / "fr.akn.xml").read_text(encoding="utf-8")
    assert main(["convert", str(legacy), "--out-dir", str(tmp_path / "o"), "--encoding", "klingon"]) == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


def test_many_inputs_one_failure_exit_2_others_written(tmp_path, fixed_date):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    out = tmp_path / "out"
    assert main(["convert", str(SEED), str(bad), "--out-dir", str(out), "-q", "--format", "akn,tei"]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["A_HRC_RES_38_3.zh.akn.xml", "A_HRC_RES_38_3.zh.tei.xml"]


def test_warnings_print_compiler_style_and_strict_fails(tmp_path, capsys, fixed_date):
    doc = tmp_path / "gap.txt"
    doc.write_text("1/1. 标题\n\n大会，\n\n1. 决定一；\n\n3. 决定三。\n", encoding="utf-8")
    assert main(["convert", str(doc), "--out-dir", str(tmp_path / "o")]) == 0
    assert f"{doc}:7: warning W012: operative paragraph 2 missing (1 → 3)" in capsys.readouterr().err
    assert main(["convert", str(doc), "--out-dir", str(tmp_path / "s"), "--strict"]) == 1
    assert not (tmp_path / "s").exists()


def test_invalid_output_is_reported_and_not_written(tmp_path, capsys, monkeypatch, fixed_date):
    from pipeline import convert as convert_module
    from pipeline.validate import SchemaError, Validation

    monkeypatch.setattr(convert_module, "validate_akn",
                        lambda xml, strict=False: (Validation((SchemaError(3, "/akomaNtoso/statement", "broken"),)),
                                                   None))
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "error E002: output line 3 /akomaNtoso/statement: broken" in err
    assert list(tmp_path.iterdir()) == []


def test_invalid_tei_is_reported_and_nothing_is_written(tmp_path, capsys, monkeypatch, fixed_date):
    from pipeline import convert as convert_module

    monkeypatch.setattr(convert_module, "to_tei", lambda document, options: b"<TEI/>")
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "error E005: TEI output" in err and "invalid output, nothing written" in err
    assert list(tmp_path.iterdir()) == []


def test_explicit_language_wins_and_unknown_language_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(SEED), "--lang", "de"])
    assert exit_info.value.code == 2


def test_outline_command(capsys):
    assert main(["outline", str(SEED)]) == 0
    assert "  operative (31 paragraphs)" in capsys.readouterr().out


def test_console_script_and_module_agree():
    result = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("akn-pipeline ")


def test_bad_source_date_epoch_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path)]) == 2
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err


# -- many inputs: the build's process pool (batch.convert_batch on pipeline.workers) ------

def _copies(folder, count):
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"doc{i}.txt"
        path.write_bytes(SEED.read_bytes())
        paths.append(str(path))
    return paths


def test_many_inputs_on_two_workers_write_the_bytes_of_one_process(tmp_path, capsys, fixed_date):
    paths = _copies(tmp_path / "in", 5)
    assert main(["convert", *paths, "--out-dir", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert main(["convert", *paths, "--out-dir", str(tmp_path / "two"), "--jobs", "2"]) == 0
    one, two = sorted((tmp_path / "one").iterdir()), sorted((tmp_path / "two").iterdir())
    assert [p.name for p in one] == [p.name for p in two] and len(one) == 15
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two))
    out = capsys.readouterr().out.splitlines()
    # per document in input order, then one summary line, for each run
    assert [line.split()[1] for line in out if line.startswith("ok ")] == paths * 2
    done = [line for line in out if line.startswith("done ")]
    assert len(done) == 2 and "5 inputs: 5 converted, 0 failed, 0 not read or refused" in done[1]
    assert "on 2 worker processes" in done[1] and "on 1 process" in done[0]


def test_many_inputs_on_workers_keep_the_exit_statuses(tmp_path, capsys, fixed_date):
    paths = _copies(tmp_path / "in", 2)
    gap = tmp_path / "in" / "gap.txt"
    gap.write_text("1/1. 标题\n\n大会，\n\n1. 决定一；\n\n3. 决定三。\n", encoding="utf-8")
    binary = tmp_path / "in" / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    twin = tmp_path / "in" / "DOC0.txt"  # the output names of doc0.txt, on a case-insensitive disk
    twin.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    # warnings under --strict: 1; a refused input (not text, name taken, missing) wins with 2
    assert main(["convert", *paths, str(gap), "--out-dir", str(out), "--jobs", "2", "--strict"]) == 1
    err = capsys.readouterr().err
    assert f"{gap}:7: warning W012: operative paragraph 2 missing (1 → 3)" in err
    assert f"failed  {gap}  (warnings under --strict)" in err
    assert not (out / "gap.akn.xml").exists() and (out / "doc1.akn.xml").exists()
    assert main(["convert", *paths, str(binary), str(twin), str(tmp_path / "missing.txt"),
                 "--out-dir", str(out), "--jobs", "2"]) == 2
    captured = capsys.readouterr()
    assert f"{binary}: error E001: not a text file" in captured.err and f"failed  {binary}\n" in captured.err
    assert f"{twin}: error E011" in captured.err and f"failed  {twin}  (nothing written)" in captured.err
    assert f"{tmp_path / 'missing.txt'}: error E001: cannot read" in captured.err
    assert "5 inputs: 2 converted, 0 failed, 3 not read or refused" in captured.out


def test_one_input_prints_no_summary_line(tmp_path, capsys, fixed_date):
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path), "--jobs", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("ok ")


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["convert", str(SEED), "--jobs", "0"])
    assert exit_info.value.code == 2 and "--jobs" in capsys.readouterr().err


def test_progress_bar_on_a_terminal_or_when_asked(monkeypatch, capsys):
    from tqdm import tqdm

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not isinstance(cli.progress_bar(10), tqdm)  # a log file or a pipe: no bar
    assert not isinstance(cli.progress_bar(10, False), tqdm)
    bar = cli.progress_bar(10, True)
    try:
        assert isinstance(bar, tqdm) and bar.total == 10
    finally:
        bar.close()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    bar = cli.progress_bar(10)
    try:
        assert isinstance(bar, tqdm)
    finally:
        bar.close()


def test_progress_flag_shows_the_bar_on_a_pipe(tmp_path):
    paths = _copies(tmp_path / "in", 3)
    # the bar shows after a second: a tiny delay in the child makes that certain
    slow = ("import sys, time; from pipeline import cli, batch; real = batch.build_document\n"
            "def slow(*a): time.sleep(0.5); return real(*a)\n"
            "batch.build_document = slow; sys.exit(cli.main(sys.argv[1:]))")
    result = subprocess.run([sys.executable, "-c", slow, "convert", *paths, "--out-dir", str(tmp_path / "o"),
                             "--jobs", "1", "--progress", "-q"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "3/3" in result.stderr and result.stdout == ""
    quiet = subprocess.run([sys.executable, "-m", "pipeline", "convert", *paths, "--out-dir", str(tmp_path / "p"),
                            "-q"], capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_an_output_folder_that_cannot_be_made_is_one_line_before_any_conversion(tmp_path, capsys, monkeypatch):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder")
    converted = []
    monkeypatch.setattr(cli.batch, "convert_batch", lambda *a, **k: converted.append(1) or iter(()))
    assert main(["convert", str(SEED), "--out-dir", str(in_the_way / "out")]) == 2
    err = capsys.readouterr().err
    assert f"{in_the_way / 'out'}: error E015: cannot write the output folder: Not a directory" in err
    assert "Traceback" not in err and not converted


def test_a_file_that_cannot_be_written_takes_the_document_s_other_files_with_it(tmp_path, capsys, fixed_date):
    out = tmp_path / "out"
    (out / "A_HRC_RES_38_3.zh.tei.xml").mkdir(parents=True)  # a folder where the TEI goes
    assert main(["convert", str(SEED), "--out-dir", str(out)]) == 1
    err = capsys.readouterr().err
    assert "error E015: cannot write" in err and "A_HRC_RES_38_3.zh.tei.xml" in err
    assert sorted(p.name for p in out.iterdir()) == ["A_HRC_RES_38_3.zh.tei.xml"]  # the AKN went again


def test_a_run_that_writes_nothing_leaves_no_folder_behind(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    out = tmp_path / "new" / "out"
    assert main(["convert", str(empty), "--out-dir", str(out)]) == 2
    assert not (tmp_path / "new").exists()
