"""PDF input: the reader's geometry on a PDF made here, its refusals (scan, password,
broken file), the CLI on PDFs, reading order of right-to-left lines, and the dev
corpus's PDFs when ../shared is present."""
from __future__ import annotations

import pytest

from conftest import MARKUP_DATE, shared_path
from pdf_fixtures import JOB, LONG_PARAGRAPH, SYMBOL, broken_pdf, encrypted_pdf, resolution_pdf, scanned_pdf
from pipeline.cli import main
from pipeline.convert import Options, convert
from pipeline.diagnostics import InputError
from pipeline.read_pdf import _Char, _ligatures, logical_order, read_pdf

pytest.importorskip("reportlab", reason="reportlab writes the test PDFs: pip install -e '.[dev]'")


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return resolution_pdf()


@pytest.fixture(scope="module")
def source(pdf):
    return read_pdf(pdf, "fixture.pdf")


@pytest.fixture(scope="module")
def conversion(pdf):
    return convert(pdf, "fixture.pdf", Options(markup_date=MARKUP_DATE))


def lines_in(source, band):
    return [text for text, hint in zip(source.text.split("\n"), source.hints) if hint and hint.band == band]


def test_one_hint_per_line_and_a_form_feed_between_pages(source):
    lines = source.text.split("\n")
    assert len(source.hints) == len(lines)
    assert "\f" in lines and {h.page for h in source.hints if h} == {1, 2}
    assert all(hint is None for text, hint in zip(lines, source.hints) if not text.strip())


def test_running_header_and_footers_are_marked_not_dropped(source):
    assert lines_in(source, "header") == [SYMBOL]
    assert lines_in(source, "footer") == [f"{JOB}(E)", "*2312345*", "2", JOB]


def test_footnote_zone_and_raised_call_become_superscripts(source):
    assert lines_in(source, "footnote") == ["¹ A/HRC/54/1."]
    body = "\n".join(lines_in(source, "body"))
    assert "on the question,¹ and the views" in body


def test_blocks_from_geometry(source):
    body = lines_in(source, "body")
    # a hanging title is one block; the closing lines set right are one block each
    assert any(line.startswith("54/99.") and line.endswith("in all circumstances") for line in body)
    assert body[-2:] == ["47th meeting", "12 October 2023"]
    # the paragraph cut by the page break: its first line on page 2 goes on from page 1
    page_two = [h for h in source.hints if h and h.page == 2 and h.band == "body"]
    assert page_two[0].continues is True and page_two[1].continues is False


def test_the_pdf_converts_with_furniture_and_notes_recorded(conversion):
    assert conversion.ok
    doc = conversion.document
    assert len(doc.preamble) == 2 and sum(1 for _ in doc.paragraphs()) == 3
    assert [f.marker for f in doc.footnotes] == ["1"]
    paragraph_two = list(doc.paragraphs())[1]
    assert LONG_PARAGRAPH[-40:] in "".join(str(getattr(run, "text", "")) for run in paragraph_two.content)
    akn = conversion.akn.decode()
    assert JOB not in akn and "*2312345*" not in akn
    removed = {(r.text, r.reason) for r in conversion.cleaned.removed}
    assert (SYMBOL, "running header") in removed and ("*2312345*", "page footer") in removed
    furniture = [d.message for d in conversion.diagnostics if d.code == "I001"]
    assert f"page furniture removed (running header): {SYMBOL} (page 2)" in furniture
    assert all("(page " in message for message in furniture)


def test_ragged_text_gives_the_same_document():
    """Without justification no line reaches the far margin: blocks come from the
    gaps, the indents and the room left at a line's end."""
    ragged = convert(resolution_pdf(justified=False), "ragged.pdf", Options(markup_date=MARKUP_DATE))
    assert ragged.ok
    assert len(ragged.document.preamble) == 2 and sum(1 for _ in ragged.document.paragraphs()) == 3
    assert [f.marker for f in ragged.document.footnotes] == ["1"]


def test_text_input_has_no_hints_and_no_pages_in_messages(seed_conversion):
    assert seed_conversion.source.hints is None
    assert not any("(page " in d.message for d in seed_conversion.diagnostics)


@pytest.mark.parametrize("make, code, words", [
    (scanned_pdf, "E008", "no text layer"),
    (encrypted_pdf, "E007", "encrypted"),
    (broken_pdf, "E007", "not a readable PDF"),
])
def test_unreadable_pdfs_are_refused_clearly(make, code, words):
    with pytest.raises(InputError) as refused:
        convert(make(), "bad.pdf", Options(markup_date=MARKUP_DATE))
    assert refused.value.diagnostic.code == code and words in refused.value.diagnostic.message


@pytest.mark.parametrize("make", [scanned_pdf, encrypted_pdf, broken_pdf])
def test_cli_names_the_file_and_writes_nothing(tmp_path, capsys, make):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(make())
    out = tmp_path / "out"
    assert main(["convert", str(bad), "--out-dir", str(out)]) == 2
    assert str(bad) in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_cli_converts_a_pdf_and_extracts_its_text(tmp_path, capsys, monkeypatch, pdf):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    path = tmp_path / "A_HRC_RES_54_99.pdf"
    path.write_bytes(pdf)
    assert main(["convert", str(path), "--out-dir", str(tmp_path), "--format", "akn", "-q"]) == 0
    assert (tmp_path / "A_HRC_RES_54_99.akn.xml").exists()
    capsys.readouterr()
    assert main(["extract", str(path)]) == 0
    text = capsys.readouterr().out
    assert text == read_pdf(pdf, str(path)).text
    assert main(["extract", "--hints", str(path)]) == 0
    assert "\t2\theader\t9.0\t" in capsys.readouterr().out


# -- reading order of right-to-left lines, from glyphs in visual order ----------------

@pytest.mark.parametrize("visual, logical", [
    # an Arabic word, a number and a bracketed number: numbers keep their order
    ("(2004) 1540 سلجم", "مجلس 1540 (2004)"),
    # a Latin run with its digits inside a right-to-left line, the full stop at its end
    (".United Nations, vol. 2445 (1)", "(1) United Nations, vol. 2445."),
    # a symbol run stops at brackets: the call after it is a number of its own
    ("(3) A/74/548 رظنا", "انظر A/74/548 (3)"),
    # the Arabic comma after a date goes to its end
    ("،2021 ربمسيد", "ديسمبر 2021،"),
])
def test_logical_order_of_right_to_left_lines(visual, logical):
    assert "".join(logical_order(list(visual), True)) == logical


def test_left_to_right_lines_keep_their_order_but_for_arabic_runs():
    assert "".join(logical_order(list("Resolution 77/75 on ةماعلا ةيعمجلا"), False)) == \
        "Resolution 77/75 on الجمعية العامة"


def test_lam_alef_parts_come_in_reading_order():
    # one ligature glyph at one position: lam reaches further right than alef
    lam, alef = _Char("ل", 10.0, 19.0, 0, 12, 5), _Char("ا", 10.0, 15.0, 0, 12, 6)
    assert _ligatures([lam, alef])[0].text == "لا"
    # the same box for both parts: PDFium reversed them, they are turned back
    alef2, lam2 = _Char("أ", 10.0, 19.0, 0, 12, 5), _Char("ل", 10.0, 19.0, 0, 12, 6)
    assert _ligatures([alef2, lam2])[0].text == "لأ"


# -- the dev corpus ------------------------------------------------------------------

@pytest.mark.corpus
@pytest.mark.parametrize("name", ["en_A_HRC_RES_54_17", "zh_S_RES_2711_2023", "ar_A_RES_77_75",
                                  "ru_S_RES_2671_2022", "fr_A_RES_76_294", "es_S_RES_2622_2022"])
def test_dev_pdfs_convert_valid(name):
    path = shared_path("corpus", "dev", f"{name}.pdf")
    manifest = shared_path("corpus", "dev", "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    symbol = next(line.split("\t")[3] for line in manifest if line.startswith(name + "\t"))
    result = convert(path.read_bytes(), str(path), Options(markup_date=MARKUP_DATE))
    assert result.ok, result.validation.errors[:3]
    assert result.document.meta.symbol == symbol and any(True for _ in result.document.paragraphs())
    assert not any(d.level >= 2 and d.code == "W016" for d in result.diagnostics)  # no text left unclassified


@pytest.mark.corpus
def test_arabic_from_the_pdf_keeps_lam_alef_and_reading_order():
    path = shared_path("corpus", "dev", "ar_A_RES_77_75.pdf")
    text = read_pdf(path.read_bytes(), str(path)).text
    assert "الأعمال" in text and "الأمن" in text and "األ" not in text
    assert "[بناء على تقرير اللجنة الأولى (A/77/385، الفقرة 110)]" in text
    assert "2019(³)، من دعم" in text


def test_a_dash_hanging_in_the_margin_keeps_its_paragraph_one_block():
    from pdf_fixtures import DASHED, dash_list_pdf
    body = [line for line in read_pdf(dash_list_pdf(), "dashes.pdf").text.split("\n") if line.strip()]
    assert body[1:] == [f"\u2013 {text}" for text in DASHED]


def test_a_language_the_user_names_is_the_one_the_reader_joins_lines_in(pdf, monkeypatch):
    # the reader tells the language only when it is not named (an explicit --lang wins)
    import pipeline.read_pdf as reader

    def no_detection(text):
        raise AssertionError("the language was told again")

    monkeypatch.setattr(reader, "detect", no_detection)
    assert convert(pdf, "fixture.pdf", Options(lang="en", markup_date=MARKUP_DATE)).ok
    with pytest.raises(AssertionError):
        read_pdf(pdf, "fixture.pdf")


def test_the_language_of_a_pdf_is_told_once(pdf, monkeypatch):
    # the reader tells it to join a block's lines; convert() takes it from the source
    import pipeline.convert as converter
    import pipeline.read_pdf as reader

    told = []
    monkeypatch.setattr(reader, "detect", lambda text: told.append("reader") or "en")
    monkeypatch.setattr(converter, "detect", lambda text: told.append("convert") or "en")
    result = convert(pdf, "fixture.pdf", Options(markup_date=MARKUP_DATE))
    assert result.ok and told == ["reader"]
    assert read_pdf(pdf, "fixture.pdf").lang == "en"
