"""The input size limit: an input over it is refused with one line naming the file,
exit 2, nothing written, and it is never read whole."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import MARKUP_DATE, SEED
from pipeline import cli
from pipeline.cli import main
from pipeline.convert import DEFAULT_MAX_BYTES, Options, convert
from pipeline.diagnostics import InputError

SEED_SIZE = SEED.stat().st_size


def test_the_default_limit_is_20_mb():
    assert DEFAULT_MAX_BYTES == Options().max_bytes == 20_000_000


def test_the_python_api_refuses_an_input_over_options_max_bytes():
    with pytest.raises(InputError) as refused:
        convert(SEED.read_bytes(), "seed.txt", Options(markup_date=MARKUP_DATE, max_bytes=SEED_SIZE - 1))
    assert refused.value.diagnostic.code == "E010"
    assert refused.value.diagnostic.format("seed.txt") == (
        f"seed.txt: error E010: the input is {SEED_SIZE:,} bytes, over the limit of {SEED_SIZE - 1:,} bytes "
        "(--max-bytes); nothing written")
    # at the limit exactly, it converts
    assert convert(SEED.read_bytes(), "seed.txt", Options(markup_date=MARKUP_DATE, max_bytes=SEED_SIZE)).ok


def test_a_str_input_is_measured_in_utf8_bytes():
    text = "人" * 10  # 30 bytes in UTF-8
    with pytest.raises(InputError, match="30 bytes"):
        convert(text, "t.txt", Options(max_bytes=29))


@pytest.mark.parametrize("bad", [0, -1, 1.5, None])
def test_the_limit_must_be_a_positive_number_of_bytes(bad):
    with pytest.raises(ValueError, match="max_bytes"):
        Options(max_bytes=bad)


def test_cli_refuses_with_one_line_naming_the_file_exit_2_nothing_written(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    reads = []
    real_open = open

    def watched_open(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        if str(path) == str(SEED):
            real_read = handle.read
            handle = _Recording(handle, real_read, reads)
        return handle

    monkeypatch.setattr("builtins.open", watched_open)
    assert main(["convert", str(SEED), "--out-dir", str(out), "--max-bytes", str(SEED_SIZE - 1)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"{SEED}: error E010: the input is {SEED_SIZE:,} bytes, over the limit of "
                      f"{SEED_SIZE - 1:,} bytes (--max-bytes); nothing written")
    assert err[1:] == [f"failed  {SEED}"]
    assert not out.exists()
    assert reads == []  # refused by its size: not one byte was read


class _Recording:
    """A file handle that records how much was asked of read()."""

    def __init__(self, handle, real_read, reads):
        self._handle, self._real_read, self._reads = handle, real_read, reads

    def read(self, size=-1):
        self._reads.append(size)
        return self._real_read(size)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._handle.__exit__(*exc)


def test_other_inputs_of_the_run_are_still_converted(tmp_path, capsys, fixed_date):
    small = tmp_path / "small.txt"
    small.write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    out = tmp_path / "out"
    limit = small.stat().st_size
    assert main(["convert", str(SEED), str(small), "--out-dir", str(out), "--max-bytes", str(limit),
                 "--format", "akn", "-q"]) == 2
    assert [p.name for p in out.iterdir()] == ["small.akn.xml"]
    assert "E010" in capsys.readouterr().err


def test_a_stream_is_read_no_further_than_one_byte_past_the_limit():
    # 50 MB of zeros through a pipe: refused after 1,001 bytes, with the limit in the message
    script = ("import sys\n"
              "chunk = b'x' * 1_000_000\n"
              "try:\n"
              "    for _ in range(50): sys.stdout.buffer.write(chunk)\n"
              "except BrokenPipeError: pass\n")
    producer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    result = subprocess.run([sys.executable, "-m", "pipeline", "convert", "-", "--max-bytes", "1000"],
                            stdin=producer.stdout, capture_output=True, text=True)
    producer.stdout.close()
    producer.wait()
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "<stdin>: error E010: the input is over the limit of 1,000 bytes (--max-bytes); nothing written")


def test_max_bytes_takes_units_and_refuses_nonsense(capsys):
    assert cli.byte_size("20MB") == 20_000_000 and cli.byte_size("2KiB") == 2048 and cli.byte_size("7") == 7
    for nonsense in ("0", "-5", "lots", "20 parsecs", ""):
        with pytest.raises(SystemExit) as exit_info:
            main(["convert", str(SEED), "--max-bytes", nonsense])
        assert exit_info.value.code == 2
    assert "positive number of bytes" in capsys.readouterr().err


def test_outline_has_the_limit_too(capsys):
    assert main(["outline", str(SEED), "--max-bytes", "100"]) == 2
    assert "error E010" in capsys.readouterr().err


def test_the_build_lists_an_input_over_the_limit_as_failed_and_goes_on(tmp_path, monkeypatch, capsys, fixed_date):
    from invoke import Exit

    from buildproject import documents_written, project

    small = b"The General Assembly,\n\n1. Decides to act.\n"
    tasks = project(tmp_path, monkeypatch, {"big.txt": SEED.read_bytes(), "small.txt": small})
    with pytest.raises(Exit, match="1 of 2 documents not valid"):
        tasks.build.body(None, max_bytes=str(len(small)))
    err = capsys.readouterr().err
    assert (f"failed  input/big.txt → nothing written  (input/big.txt: error E010: the input is {SEED_SIZE:,} "
            f"bytes, over the limit of {len(small):,} bytes (--max-bytes); nothing written)") in err
    assert documents_written(tmp_path / "output") == [
        "index.html", "small.akn.xml", "small.html", "small.tei.xml"]
