"""The HTML pages in a real browser: headless Chromium, driven by Selenium through
the system's chromedriver, against pages served on localhost.

The seed's page shows its 31 operative paragraphs, fetches nothing, and its
footnote call jumps to the note and the note's back link returns; an Arabic page
is laid out right to left, its paragraph numbers on the right of their text.
Screenshots go to output/screenshots/ for a person to look at. Skips (with the
reason) where Chromium, its driver or Selenium is missing: on Debian,
`apt-get install chromium chromium-driver` and `pip install -e '.[dev]'`.
"""
from __future__ import annotations

import functools
import os
import shutil
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import MARKUP_DATE, ROOT, SEED, SHARED
from pipeline.batch import convert_batch
from pipeline.convert import Options
from pipeline.to_html import to_html
from pipeline.to_index import to_index

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install -e '.[dev]'")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
if not CHROMIUM or not CHROMEDRIVER:
    pytest.skip(f"headless Chromium is not available (chromium: {CHROMIUM or 'not found'}, chromedriver: "
                f"{CHROMEDRIVER or 'not found'}); on Debian: apt-get install chromium chromium-driver",
                allow_module_level=True)

SCREENSHOTS = ROOT / "output" / "screenshots"
WINDOW = (1200, 900)
ARABIC_SOURCE = ("corpus", "parallel", "ar_A_HRC_RES_56_2.blocks.txt")
SEED_PAGE = "A_HRC_RES_38_3.zh.html"
ARABIC_PAGE = "ar_A_HRC_RES_56_2.blocks.html"
# Long enough for a fragment jump or a page load, which take milliseconds: this is
# how long to wait for the condition, never a measure that is asserted.
WAIT = 15


def arabic_model():
    """A short Arabic resolution written for this test (not taken from the corpus):
    formula, two preambular paragraphs, numbered paragraphs with items and a note."""
    from pipeline.model import (Document, Emphasis, Footnote, Formula, Item, Metadata, NoteRef, Paragraph,
                                Recital, Span, Text)

    s = Span(1, 1)
    meta = Metadata("ar", "HRC", "resolution", "1/1", "A/HRC/RES/1/1", False, "1", "2024-07-10", "1")
    return Document("tests/arabic-model", meta, s,
                    formula=Formula((Text("إن مجلس حقوق الإنسان،"),), s),
                    preamble=(Recital("إذ يشير", (Emphasis("إذ يشير"),
                                                  Text(" إلى جميع قراراته السابقة بشأن هذه المسألة،")), s),
                              Recital("وإذ يؤكد", (Emphasis("وإذ يؤكد"),
                                                   Text(" أهمية التعاون الدولي في هذا المجال،")), s)),
                    operative=(Paragraph("1 -", 1, (Emphasis("يقرر"),
                                                    Text(" مواصلة النظر في هذه المسألة في دورته المقبلة؛")), s),
                               Paragraph("2 -", 2, (Emphasis("يطلب"), Text(" إلى الأمين العام أن يقدم تقريرا"),
                                                    NoteRef("1"), Text(":")), s,
                                         (Item("(أ)", "أ", (Text("عن التقدم المحرز؛"),), s),
                                          Item("(ب)", "ب", (Text("عن التحديات القائمة؛"),), s))),
                               Paragraph("3 -", 3, (Emphasis("يقرر"), Text(" أن يبقي المسألة قيد نظره.")), s)),
                    footnotes=(Footnote("1", (Text("انظر الوثيقة A/HRC/1/1."),), s),))


def _model_conversion(document):
    from pipeline.clean import Cleaned
    from pipeline.convert import Conversion
    from pipeline.read import Source
    from pipeline.to_akn import AknOptions, to_akn
    from pipeline.to_tei import TeiOptions, to_tei
    from pipeline.validate import validate, validate_tei

    akn = to_akn(document, AknOptions(markup_date=MARKUP_DATE))
    tei = to_tei(document, TeiOptions(markup_date=MARKUP_DATE))
    return Conversion(Source(document.source, "", "utf-8"), Cleaned((), (), (), (), ()), document, akn,
                      validate(akn), (), tei, validate_tei(tei))


@pytest.fixture(scope="module")
def site():
    """A build of the seed (and of an Arabic corpus document, when ../shared is
    there) with its index, and a page written for this test, served from a
    temporary folder on a free localhost port."""
    folder = Path(tempfile.mkdtemp(prefix="akn-html-"))
    inputs = [("input/A_HRC_RES_38_3.zh.txt", SEED.read_bytes())]
    arabic = SHARED.joinpath(*ARABIC_SOURCE)
    if arabic.exists():
        inputs.append(("../shared/" + "/".join(ARABIC_SOURCE), arabic.read_bytes()))
    records = []
    for record, outputs in convert_batch(inputs, Options(markup_date=MARKUP_DATE)):
        for fmt, data in outputs.items():
            (folder / record.files[fmt]).write_bytes(data)
        records.append(record)
    (folder / "index.html").write_bytes(to_index(records))
    (folder / "arabic-model.html").write_bytes(to_html(_model_conversion(arabic_model())))

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):  # the test's output is the browser's findings
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="akn-chromium-")
    # headless, and quiet on the network: without these Chromium keeps calling home
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}",
                 f"--window-size={WINDOW[0]},{WINDOW[1]}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    assert driver.save_screenshot(str(path)), f"no screenshot written to {path}"
    return path


def in_viewport(driver, element) -> bool:
    """The element's top edge is inside the visible part of the window."""
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;",
        element)


def hash_becomes(driver, expected: str) -> str:
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return location.hash") == expected)
    return driver.execute_script("return location.hash")


def test_seed_page_shows_its_31_operative_paragraphs_and_fetches_nothing(browser, site):
    browser.get(f"{site}/{SEED_PAGE}")
    paragraphs = browser.find_elements(By.CSS_SELECTOR, "section.operative > .paragraph")
    assert len(paragraphs) == 31
    assert all(p.is_displayed() for p in paragraphs)
    assert [p.find_element(By.CSS_SELECTOR, ".num").text for p in paragraphs] == [f"{n}." for n in range(1, 32)]
    assert browser.execute_script("return document.documentElement.lang") == "zh"
    # the page loaded no stylesheet, font, script or image (the browser asks for
    # /favicon.ico on its own, whatever the page says)
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [url for url in loaded if not url.endswith("/favicon.ico")] == []
    screenshot(browser, "seed.png")


def test_seed_footnote_call_jumps_to_the_note_and_the_back_link_returns(browser, site):
    browser.get(f"{site}/{SEED_PAGE}")
    call = browser.find_element(By.CSS_SELECTOR, "sup.note-call a")
    note_id = call.get_attribute("href").split("#", 1)[1]
    assert note_id == "para_19__p_1__authorialNote_1"
    note = browser.find_element(By.ID, note_id)
    assert not in_viewport(browser, note), "the note must start out of view for the jump to show anything"

    call.click()
    assert hash_becomes(browser, f"#{note_id}") == f"#{note_id}"
    assert in_viewport(browser, note)
    assert browser.execute_script("return arguments[0].matches(':target')", note)
    assert note.text.endswith("A/HRC/37/79。")
    screenshot(browser, "seed-footnote.png")

    back = note.find_element(By.CSS_SELECTOR, "a.note-back")
    back.click()
    assert hash_becomes(browser, f"#call-{note_id}") == f"#call-{note_id}"
    assert in_viewport(browser, call)
    assert not in_viewport(browser, note)
    paragraph = browser.find_element(By.ID, "para_19")
    assert browser.execute_script("return arguments[0].contains(arguments[1])", paragraph, call)


def _check_right_to_left(browser, url: str, shot: str):
    browser.get(url)
    assert browser.execute_script("return getComputedStyle(document.documentElement).direction") == "rtl"
    assert browser.execute_script("return document.documentElement.lang") == "ar"
    family = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "Naskh" in family or "Amiri" in family
    paragraphs = browser.find_elements(By.CSS_SELECTOR, "section.operative > .paragraph:not(.unclassified)")
    assert paragraphs, "no numbered operative paragraph on the page"
    for paragraph in paragraphs:
        num = paragraph.find_element(By.CSS_SELECTOR, ":scope > .num")
        body = paragraph.find_element(By.CSS_SELECTOR, ":scope > .body")
        assert browser.execute_script("return getComputedStyle(arguments[0]).direction", body) == "rtl"
        # the number stands to the right of its text (x grows to the right)
        assert num.rect["x"] >= body.rect["x"] + body.rect["width"], paragraph.get_attribute("id")
    # the converter's panel stays left to right inside the page
    panel = browser.find_element(By.ID, "diagnostics")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", panel) == "ltr"
    screenshot(browser, shot)
    return paragraphs


def test_arabic_page_written_for_the_test_is_right_to_left(browser, site):
    paragraphs = _check_right_to_left(browser, f"{site}/arabic-model.html", "arabic-model.png")
    assert len(paragraphs) == 3


def test_arabic_corpus_page_is_right_to_left(browser, site):
    if not SHARED.joinpath(*ARABIC_SOURCE).exists():
        pytest.skip(f"{SHARED.joinpath(*ARABIC_SOURCE)} is absent: the shared corpus lives in ../shared")
    paragraphs = _check_right_to_left(browser, f"{site}/{ARABIC_PAGE}", "arabic.png")
    browser.execute_script("arguments[0].scrollIntoView()", paragraphs[0])
    screenshot(browser, "arabic-operative.png")


def test_index_lists_the_build_and_links_to_the_pages(browser, site):
    browser.get(f"{site}/index.html")
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == (2 if SHARED.joinpath(*ARABIC_SOURCE).exists() else 1)
    assert [r.get_attribute("class") for r in rows] == ["valid"] * len(rows)
    screenshot(browser, "index.png")
    rows[0].find_element(By.LINK_TEXT, "HTML").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.current_url.endswith(SEED_PAGE))
    assert browser.title == "A/HRC/RES/38/3 — 38/3. 加强人权领域的国际合作"
