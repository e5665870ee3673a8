"""A build's documents and its index page: which files each document gets, how a
document that fails is recorded, and what the index shows and links."""
from __future__ import annotations

import dataclasses

from conftest import MARKUP_DATE, SEED
from htmlpage import parse
from pipeline import batch
from pipeline.batch import FAILED, INVALID, VALID, Record, convert_batch
from pipeline.convert import Options
from pipeline.to_index import to_index
from pipeline.validate import SchemaError, Validation

OPTIONS = Options(markup_date=MARKUP_DATE)
# An English text of my own with two warnings (no title, no adoption date) and a gap.
WARNED = (b"The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n"
          b"3. Requests a report.\n")


def run(*inputs, strict=False):
    return list(convert_batch(inputs, OPTIONS, strict))


def test_a_valid_document_gets_its_akn_tei_and_html():
    [(record, outputs)] = run(("input/A_HRC_RES_38_3.zh.txt", SEED.read_bytes()))
    assert record.status == VALID and record.error is None
    assert dict(record.files) == {"akn": "A_HRC_RES_38_3.zh.akn.xml", "tei": "A_HRC_RES_38_3.zh.tei.xml",
                                  "html": "A_HRC_RES_38_3.zh.html"}
    assert set(outputs) == {"akn", "tei", "html"} and outputs["akn"].startswith(b"<?xml")
    assert b"<TEI " in outputs["tei"]
    assert (record.lang, record.body, record.symbol, record.operative, record.preambular, record.footnotes,
            record.warnings) == ("zh", "HRC", "A/HRC/RES/38/3", 31, 27, 1, 0)
    assert record.title == "38/3. 加强人权领域的国际合作"


def test_documents_that_cannot_be_converted_fail_without_stopping_the_batch():
    records = run(("input/empty.txt", b"  \n\n"), ("input/binary.txt", b"\x00\x01\x02\xff\xfe\x00" * 50),
                  ("input/warned.txt", WARNED))
    assert [r.status for r, _ in records] == [FAILED, FAILED, VALID]
    empty, binary = records[0][0], records[1][0]
    assert empty.error == "input/empty.txt: error E004: the input holds no text"
    assert binary.error.startswith("input/binary.txt: error E00")
    assert records[0][1] == {} and records[1][1] == {} and not empty.files


def test_strict_fails_a_warned_document_but_keeps_its_html_page():
    [(record, outputs)] = run(("input/warned.txt", WARNED), strict=True)
    assert record.status == FAILED and record.error == "3 warnings under --strict"
    assert set(outputs) == {"html"} and dict(record.files) == {"html": "warned.html"}


def test_a_schema_invalid_document_gets_only_the_page_that_explains_it(monkeypatch):
    real = batch.convert

    def invalid(data, name, options):
        result = real(data, name, options)
        return dataclasses.replace(result, validation=Validation((SchemaError(3, "/akomaNtoso", "broken"),)))

    monkeypatch.setattr(batch, "convert", invalid)
    [(record, outputs)] = run(("input/warned.txt", WARNED))
    assert record.status == INVALID and set(outputs) == {"html"}


def test_a_crash_is_a_failed_record(monkeypatch):
    def crash(conversion):
        raise RuntimeError("boom")

    monkeypatch.setitem(batch.WRITERS, "html", (".html", crash))
    [(record, outputs)] = run(("input/warned.txt", WARNED))
    assert record.status == FAILED and outputs == {}
    assert record.error == "internal error, please report: RuntimeError: boom"


def test_index_lists_every_document_and_links_only_the_files_written():
    records = [r for r, _ in run(("input/A_HRC_RES_38_3.zh.txt", SEED.read_bytes()), ("input/empty.txt", b""))]
    records.append(Record("input/ar.txt", "ar", INVALID, error="input/ar.txt: error E002: output broken", lang="ar",
                          direction="rtl", body="SC", title="القرار 1", warnings=2, files={"html": "ar.html"}))
    tree = parse(to_index(records))
    rows = tree.xpath("//tbody/tr")
    assert [r.get("class") for r in rows] == [VALID, FAILED, INVALID]
    seed, empty, arabic = rows
    cells = [c.xpath("string()") for c in seed.xpath("td")]
    assert cells[1:6] == ["zh", "HRC", "A/HRC/RES/38/3", "valid", "0"]
    assert seed.xpath("td[@class='files']/a/@href") == ["A_HRC_RES_38_3.zh.akn.xml", "A_HRC_RES_38_3.zh.tei.xml",
                                                         "A_HRC_RES_38_3.zh.html"]
    # a format the build did not write is named but not linked
    assert arabic.xpath("td[@class='files']/span/text()") == ["AKN", "TEI"]
    assert seed.xpath("td[@class='title']//a/@href") == ["A_HRC_RES_38_3.zh.html"]
    assert empty.xpath("string(.//span[@class='error'])") == "input/empty.txt: error E004: the input holds no text"
    assert empty.xpath("td[@class='files']/a") == []
    assert arabic.xpath("td[@class='title']/span/@dir") == ["rtl"]
    assert arabic.xpath("td[@class='files']/a/@href") == ["ar.html"]
    assert tree.xpath("string(//p[@class='summary'])").split() == (
        "3 documents: 1 valid, 1 invalid, 1 failed; 2 warnings.".split())


def test_an_empty_index_is_still_a_page():
    tree = parse(to_index([]))
    assert tree.xpath("//tbody/tr") == []
