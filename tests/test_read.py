"""Reading bytes: encodings and line ends accepted, everything else refused clearly."""
from __future__ import annotations

import codecs

import pytest

from pipeline.diagnostics import InputError
from pipeline.read import read_source

TEXT = "人权理事会，\n重申致力于按照《联合国宪章》，\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
])
def test_encodings(data, encoding):
    source = read_source(data, "a.txt")
    assert source.text == TEXT and source.encoding == encoding


@pytest.mark.parametrize("ends", ["\r\n", "\r", "\n"])
def test_line_ends_become_lf(ends):
    assert read_source(TEXT.replace("\n", ends).encode("utf-8")).text == TEXT


@pytest.mark.parametrize("data, words", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (bytes(range(256)) * 4, "control bytes"),
    ("Résolution adoptée\npar le Conseil".encode("latin-1"), "not valid UTF-8"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "byte-order mark"),
])
def test_refused_with_a_one_line_message(data, words):
    with pytest.raises(InputError) as info:
        read_source(data, "input/bad.txt")
    message = info.value.diagnostic.format("input/bad.txt")
    assert words in message and message.startswith("input/bad.txt")
    assert "\n" not in message and info.value.diagnostic.code == "E001"


def test_undecodable_input_names_the_line():
    data = "第一行\n第二行\n".encode("utf-8") + "café".encode("latin-1")
    with pytest.raises(InputError) as info:
        read_source(data, "x.txt")
    assert info.value.diagnostic.line == 3


def test_a_few_stray_nul_bytes_are_not_binary():
    assert read_source(b"The Council,\x00\nDecides\n").text == "The Council,\x00\nDecides\n"


@pytest.mark.parametrize("text, encoding", [
    ("Le Conseil des droits de l’homme,\nRéaffirmant…\n", "cp1252"),
    ("Совет по правам человека,\nвновь подтверждая\n", "cp1251"),
    ("إن مجلس حقوق الإنسان،\nإذ يؤكد\n", "cp1256"),
])
def test_a_named_encoding_is_read_and_no_other_guessed(text, encoding):
    data = text.encode(encoding)
    with pytest.raises(InputError, match="--encoding"):  # unnamed, it is refused, with the way out named
        read_source(data, "a.txt")
    source = read_source(data, "a.txt", encoding)
    assert source.text == text and source.encoding == encoding


def test_a_byte_the_named_encoding_cannot_decode_names_its_line():
    with pytest.raises(InputError) as info:
        read_source("Council,\nConseil\n".encode("ascii") + "é".encode("utf-8"), "a.txt", "ascii")
    assert info.value.diagnostic.line == 3 and "not valid ascii" in info.value.diagnostic.message


def test_an_unknown_or_binary_encoding_is_refused_by_the_options():
    from pipeline.convert import Options

    with pytest.raises(ValueError, match="unknown encoding"):
        Options(encoding="klingon")
    with pytest.raises(ValueError, match="no text encoding"):
        Options(encoding="rot13")
