"""Safe output names: no input name and no document symbol can place a file outside
the output folder, and no two inputs of one run silently write the same file."""
from __future__ import annotations

import itertools
import unicodedata

import pytest

from conftest import SEED
from pipeline.cli import main
from pipeline.formats import DEFAULT_STEM, MAX_STEM_BYTES, WINDOWS_DEVICES, WRITERS, OutputNames, output_name

SUFFIXES = [suffix for suffix, _ in WRITERS.values()]
SMALL = b"The General Assembly,\n\n1. Decides to act.\n"

HOSTILE = [
    "../../x", "../../x.txt", "..\\..\\x.txt", "/etc/passwd", "/", "C:\\Windows\\system32\\x.txt", "C:x.txt",
    "\\\\server\\share\\x.txt", "a\x00b.txt", "\x00", "a\nb.txt", "\r\n", "line\u2028break.txt",
    "CON", "con.txt", "NUL.zh.txt", "Aux.txt", "prn", "COM1", "lpt9.txt", "COM¹.txt", "CON .txt", "con.",
    "x" * 1000, "字" * 300 + ".txt", "é" * 250, "", ".", "..", "...", ".txt", "..txt", ".hidden.txt", "-rf.txt",
    "--help.txt", "\u202etxt.exe", "a/", "a/.", "a/..", "~/x", "$HOME.txt", "`rm -rf ~`.txt", "a:b",
    'a*b?c<d>e|f"g.txt', " ", "\t", "\udcff.txt", "e\u0301.txt", "A/HRC/RES/38/3", "A/HRC/RES/38/3.txt",
    "S/PRST/2024/1", "%2e%2e%2fx.txt", "..%2F..%2Fx", "\uff0e\uff0e\uff0fx.txt", "a\u2215b.txt",
]


def _assert_one_safe_component(stem: str):
    assert stem and stem not in (".", "..")
    assert not stem.startswith((".", "-")) and not stem.endswith((".", " "))
    assert all(ch.isprintable() and ch not in '/\\:*?"<>|' for ch in stem), stem
    assert unicodedata.normalize("NFC", stem) == stem
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert stem.split(".", 1)[0].casefold() not in WINDOWS_DEVICES


@pytest.mark.parametrize("name", HOSTILE, ids=repr)
def test_a_hostile_name_gives_one_safe_component_inside_the_folder(name, tmp_path):
    stem = output_name(name)
    _assert_one_safe_component(stem)
    for suffix in SUFFIXES:
        target = tmp_path / (stem + suffix)
        assert target.parent == tmp_path and target.resolve().parent == tmp_path.resolve()
        # and the longest name it is written under first fits a file system's 255 bytes
        assert len(f".{stem}{suffix}.{2**22}.abcdefgh.tmp".encode("utf-8")) <= 255


def test_every_short_name_over_the_awkward_characters_is_safe():
    # every name of up to 4 characters over an alphabet of separators, dots, controls,
    # device-name letters and a decomposed accent: about 70,000 names
    alphabet = "./\\\x00\n-_ :CONé\u0301\u202ex"
    for length in range(5):
        for chars in itertools.product(alphabet, repeat=length):
            _assert_one_safe_component(output_name("".join(chars)))


def test_expected_names():
    assert output_name("../../x.txt") == "x"
    assert output_name("C:\\Windows\\x.txt") == "x"
    assert output_name("a\nb.txt") == "a_b" and output_name("a\x00b.txt") == "a_b"
    assert output_name("CON") == "CON_" and output_name("nul.zh.txt") == "nul_.zh"
    assert output_name("COM¹.txt") == "COM¹_"
    assert output_name("") == output_name("..") == output_name(".txt") == output_name("???") == DEFAULT_STEM
    assert output_name(".hidden.txt") == "hidden" and output_name("--help.txt") == "help"
    assert output_name("A/HRC/RES/38/3.txt") == "3"  # a symbol used as a path is a path
    assert output_name("e\u0301.txt") == "\u00e9"  # NFC, as macOS would store it anyway
    assert output_name("\u202etxt.exe") == "txt.exe"


def test_long_names_are_cut_with_a_hash_that_keeps_them_distinct():
    a, b = output_name("x" * 1000 + "a"), output_name("x" * 1000 + "b")
    assert a != b and len(a.encode()) == len(b.encode()) == MAX_STEM_BYTES
    assert a == output_name("x" * 1000 + "a")  # deterministic
    chinese = output_name("字" * 300)
    assert len(chinese.encode()) <= MAX_STEM_BYTES and chinese.startswith("字" * 60)  # cut on a character


# --------------------------------------------------------------------------- collisions

@pytest.mark.parametrize("first, second", [
    ("a b.txt", "a_b.txt"), ("A.txt", "a.txt"), ("x/doc.txt", "y/doc.txt"), ("doc.txt", "doc.TXT"),
    ("e\u0301.txt", "\u00e9.txt"), ("ΣΊΣΥΦΟΣ.txt", "σίσυφος.txt"), ("..txt", ".txt"), ("a:b.txt", "a?b.txt"),
])
def test_the_second_input_with_the_same_files_gets_e011(first, second):
    names = OutputNames(SUFFIXES)
    stem, taken = names.claim(first)
    assert taken is None
    other, clash = names.claim(second)
    assert clash.code == "E011" and f"already written by input {first}" in clash.message
    assert other.casefold() == stem.casefold()


def test_distinct_names_do_not_clash_and_reserved_files_are_kept():
    names = OutputNames(SUFFIXES, reserved={"index.html": "the build's index page"})
    assert [names.claim(n)[1] for n in ("a.txt", "a.zh.txt", "a.akn.txt", "b.txt")] == [None] * 4
    assert "the build's index page" in names.claim("INDEX.txt")[1].message


def test_cli_outputs_stay_in_the_folder_and_clashes_are_refused(tmp_path, capsys, fixed_date):
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    on_disk = ["a\nb.txt", "CON.txt", ".hidden.txt", "-rf.txt", "字" * 80 + ".txt", "a b.txt", "a_b.txt",
               "Doc.txt", "doc.txt", "\u202etxt.exe"]
    for name in on_disk:
        (inputs / name).write_bytes(SMALL)
    (inputs / "sub" / "up.txt").write_bytes(SMALL)
    out = tmp_path / "out"
    arguments = [str(inputs / name) for name in on_disk]
    arguments.append(str(inputs / "sub" / ".." / ".." / "in" / "sub" / "up.txt"))  # a path through ..
    before = {p for p in tmp_path.rglob("*")}
    assert main(["convert", *arguments, "--out-dir", str(out), "--format", "akn", "-q"]) == 2
    err = capsys.readouterr().err
    long_stem = output_name("字" * 80)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}.akn.xml" for stem in ("a_b", "CON_", "hidden", "rf", long_stem, "Doc", "txt.exe", "up"))
    assert {p for p in tmp_path.rglob("*")} - before == {out, *out.iterdir()}  # nothing anywhere else
    first = f"input {inputs}/a\\nb.txt"  # printed escaped, so that it stays on one line
    assert f"{inputs}/a b.txt: error E011: its output a_b.akn.xml is already written by {first}" in err
    assert f"{inputs}/a_b.txt: error E011: its output a_b.akn.xml is already written by {first}" in err
    assert f"{inputs}/doc.txt: error E011: its output doc.akn.xml is already written by input {inputs}/Doc.txt" in err
    assert all(line.startswith(str(inputs)) for line in err.splitlines())


def test_a_symbol_never_names_a_file(tmp_path, fixed_date):
    assert main(["convert", str(SEED), "--out-dir", str(tmp_path), "-q"]) == 0
    assert b"A/HRC/RES/38/3" in (tmp_path / "A_HRC_RES_38_3.zh.akn.xml").read_bytes()
    assert [p for p in tmp_path.rglob("*") if p.parent != tmp_path] == []


def test_a_symlink_in_the_output_folder_is_replaced_not_followed(tmp_path, fixed_date):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "small.akn.xml").symlink_to(outside)
    source = tmp_path / "small.txt"
    source.write_bytes(SMALL)
    assert main(["convert", str(source), "--out-dir", str(out), "--format", "akn", "-q"]) == 0
    assert outside.read_text() == "keep me"
    assert not (out / "small.akn.xml").is_symlink() and b"<akomaNtoso" in (out / "small.akn.xml").read_bytes()


def test_a_nul_in_a_path_is_an_unreadable_input(tmp_path, capsys):
    assert main(["convert", "a\x00b.txt", "--out-dir", str(tmp_path / "o")]) == 2
    assert "a\\x00b.txt: error E001: cannot read: the file name holds a NUL character" in capsys.readouterr().err


def test_the_build_refuses_an_input_that_would_overwrite_its_index(tmp_path, monkeypatch, capsys, fixed_date):
    from invoke import Exit

    from buildproject import documents_written, project

    tasks = project(tmp_path, monkeypatch, {"INDEX.txt": SMALL, "a b.txt": SMALL, "a_b.txt": SMALL})
    with pytest.raises(Exit, match="2 of 3 documents not valid"):
        tasks.build.body(None)
    err = capsys.readouterr().err
    assert ("input/INDEX.txt: error E011: its output INDEX.html is already written by the build's index page"
            in err)
    assert "input/a_b.txt: error E011: its output a_b.akn.xml is already written by input input/a b.txt" in err
    index = (tmp_path / "output" / "index.html").read_bytes()
    assert b"<!DOCTYPE html>" in index and index.count(b"<tr") >= 3
    assert documents_written(tmp_path / "output") == ["a_b.akn.xml", "a_b.html", "a_b.tei.xml", "index.html"]
