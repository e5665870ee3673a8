"""Property tests: whatever text comes in, a conversion ends either in schema-valid AKN
and TEI that conserve the text, or in a clear InputError (a code, one line); the CLI
either writes its files and exits 0, or exits non-zero with one-line messages and
writes nothing. Never a traceback, never invalid XML.

The inputs are arbitrary text and bytes (control characters, NUL, lone surrogates,
bidirectional marks, `<`, `&`, `]]>`), and mutations of text the project owns: the
seed input and the small documents of tests/cases/segment*.txt (truncated, pages
reordered, paragraphs duplicated or deleted, numbers changed, languages mixed).
Variants of the shared corpus belong to the torture run (`invoke torture`).

Example counts come from the hypothesis profile: `ci` (bounded, the default) or
`deep` (many more); choose with AKN_HYPOTHESIS_PROFILE=deep.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, currently_in_test_context, event, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from casefile import read_cases
from conftest import MARKUP_DATE, ROOT, SEED
from pipeline.cli import main
from pipeline.convert import Conversion, Options, convert
from pipeline.diagnostics import CODES, InputError, Level

OPTIONS = Options(markup_date=MARKUP_DATE)

# --------------------------------------------------------------------------- sources


def _owned_documents() -> list[tuple[str, str]]:
    """(language, text) of every document the project owns: the seed and the small
    documents of the segment case files (their first line names the language)."""
    docs = [("zh", SEED.read_text(encoding="utf-8"))]
    for path in sorted((ROOT / "tests" / "cases").glob("segment*.txt")):
        for case in read_cases(path):
            first, _, rest = case.given.partition("\n")
            m = re.match(r"lang: (\w\w)$", first)
            if m and rest.strip():
                docs.append((m.group(1), rest))
    return docs


DOCUMENTS = _owned_documents()

# Characters PDF tools and hostile files produce, mixed into arbitrary text.
HOSTILE = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\r", "\r\n", "\t",
           "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069",
           "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff", "\u2028", "\u3000", "\u00a0", "\u00ad",
           "<", ">", "&", "]]>", "<![CDATA[", "&amp;", "&#0;", "\"", "'", "--", "<!--", "¹", "²", "⁴²",
           "(1)", ")1(", "1.", "(a)", "-1", "١", "٢٣", "،", "؛", "。", "；", "ـ", "\u064b", "\u0651"]

text_piece = st.one_of(st.text(st.characters(exclude_categories=()), max_size=20), st.sampled_from(HOSTILE))
hostile_text = st.lists(text_piece, max_size=40).map("".join)
lines_text = st.lists(hostile_text, max_size=30).map("\n".join)


# --------------------------------------------------------------------------- mutations

def _pages(text: str) -> list[str]:
    """Pages: at form feeds, else at runs of blank lines (a block layer's page turns)."""
    if "\f" in text:
        return text.split("\f")
    return re.split(r"(?<=\n)(?=\n{3,})", text) if "\n\n\n\n" in text else text.split("\n\n")


@st.composite
def mutated(draw) -> tuple[str, str]:
    """A document the project owns, damaged the ways archives damage them."""
    lang, text = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "shuffle_pages", "duplicate", "delete", "renumber",
                                     "mix", "insert", "splice_lines"]))
        paragraphs = text.split("\n\n")
        if kind == "truncate":
            text = text[:draw(st.integers(0, len(text)))]
        elif kind == "shuffle_pages":
            pages = _pages(text)
            text = ("\f" if "\f" in text else "\n\n").join(draw(st.permutations(pages)))
        elif kind == "duplicate" and paragraphs:
            i = draw(st.integers(0, len(paragraphs) - 1))
            paragraphs.insert(draw(st.integers(0, len(paragraphs))), paragraphs[i])
            text = "\n\n".join(paragraphs)
        elif kind == "delete" and paragraphs:
            del paragraphs[draw(st.integers(0, len(paragraphs) - 1))]
            text = "\n\n".join(paragraphs)
        elif kind == "renumber":  # gaps, repeats and numbers going back
            shift = draw(st.integers(-3, 7))
            text = re.sub(r"(?m)^(\d{1,3})([.\-．])", lambda m: f"{max(0, int(m[1]) + shift)}{m[2]}", text)
        elif kind == "mix":  # a paragraph of another document, perhaps another language
            _, other = draw(st.sampled_from(DOCUMENTS))
            others = other.split("\n\n")
            paragraphs.insert(draw(st.integers(0, len(paragraphs))), draw(st.sampled_from(others)))
            text = "\n\n".join(paragraphs)
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(hostile_text) + text[at:]
        elif kind == "splice_lines":  # lines of one document inside another
            _, other = draw(st.sampled_from(DOCUMENTS))
            lines, theirs = text.split("\n"), other.split("\n")
            a = draw(st.integers(0, len(theirs)))
            lines[draw(st.integers(0, len(lines))):0] = theirs[a:a + draw(st.integers(0, 20))]
            text = "\n".join(lines)
    return lang, text


# --------------------------------------------------------------------------- the property

def _event(what: str) -> None:
    """Count an outcome in hypothesis's statistics (--hypothesis-show-statistics)."""
    if currently_in_test_context():
        event(what)


def _well_formed(xml: bytes) -> None:
    etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))


def converts_cleanly(data: bytes | str, lang: str | None = None) -> Conversion | None:
    """Convert; a refusal must be an InputError with an error code and a one-line
    message, any result valid, well-formed and conserving. Returns the conversion."""
    try:
        conversion = convert(data, "prop.txt", Options(lang=lang, markup_date=MARKUP_DATE))
    except InputError as err:
        d = err.diagnostic
        assert d.code in CODES and d.level == Level.ERROR
        assert "\n" not in d.format("prop.txt") and d.message.strip()
        _event(f"refused {d.code}")
        return None
    _well_formed(conversion.akn)
    _well_formed(conversion.tei)
    errors = [d.format("prop.txt") for d in conversion.diagnostics if d.level >= Level.ERROR]
    assert conversion.ok, "\n".join(errors)
    _event("converted")
    return conversion


@given(hostile_text)
def test_any_text_converts_or_is_refused(text):
    converts_cleanly(text)


@given(lines_text, st.sampled_from(sorted({lang for lang, _ in DOCUMENTS})))
# found by the deep profile: a note line cut at its full stop, before its mirrored marker (a crash)
@example(text="0\n\u0600。\t)0(", lang="ar")
@example(text="\u202a\u0328I", lang="ar")  # (deep profile) a combining mark reversed away from its letter
@example(text="\u202a\U00018cd6\u0328I", lang="ar")  # ... or away from the character it is written on
@example(text="I\x08\u0328", lang="ar")  # a control character taken out from between a letter and its mark
@example(text=":\n0\t\u202a(0)\t\x0c", lang="ar")  # a note line read with the space a form feed left: a crash
def test_any_lines_in_a_given_language(text, lang):
    converts_cleanly(text, lang)


@given(st.binary(max_size=2000))
def test_any_bytes_convert_or_are_refused(data):
    converts_cleanly(data)


@given(hostile_text, st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig", "gb18030"]))
def test_any_text_in_any_accepted_encoding(text, encoding):
    data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    converts_cleanly(data)


@given(mutated())
# found by the deep profile: a note without a call before a named title (the Security
# Council's), the only block to take it, whose call the AKN and TEI titles did not write
@example(document=("fr", "¹ A/77/999.\n\nRésolution 2999 (2031)"))
# ... and on a section heading printed twice, whose copy took the call and was dropped
@example(document=("fr", "75/247. Rapport sur les activités du Bureau\nL’Assemblée générale,\nI Activités du Bureau\n"
                         "I Activités du Bureau\n\n³ Note.\nRappelant ses résolutions 48/218 B du 29 juillet 1994,\n"
                         "1. Réaffirme que c’est à elle d’examiner les rapports ;\n46e séance plénière"))
@example(document=("ru", "³ 未引用的脚注。\n\nРезолюция 2998 (2025),\n\nпринятая Советом Безопасности 30 марта 2025 "
                         "года\n\nСовет Безопасности,\n\nссылаясь на свои предыдущие резолюции,\n\n1. постановляет "
                         "продолжать заниматься этим вопросом."))
def test_damaged_documents_convert_or_are_refused(document):
    lang, text = document
    converts_cleanly(text.encode("utf-8", errors="surrogatepass"))
    converts_cleanly(text, lang)


@given(mutated(), st.sampled_from(["\r\n", "\r"]))
# found by the ci profile: parts, then an annex, and a line after a part label (text not conserved)
@example(document=("en", "77/600. Questions deferred\n\n77/600. Questions deferred\n\nA\n2021/6. Programme of work "
                   "of the Forum\n\nThe Economic and Social Council,\n\nRecalling its resolution 2020/14,\n\nAdopts the "
                   "programme of work contained in the annex to the present resolution.\n\n8th plenary meeting 8 June "
                   "2021\n\nAnnex\n\nAt its 50th plenary meeting, on 1 December 2022, the General Assembly decided to "
                   "defer the item.\n\n50th plenary meeting 1 December 2022\n\nB\n\nAt its 60th plenary meeting, on 1 "
                   "March 2023, the General Assembly decided to defer the item again.\n\n60th plenary meeting 1 March 2023"),
          newline="\r\n")
def test_line_ends_do_not_matter(document, newline):
    lang, text = document
    # (control characters are judged by their share of the bytes, which CRLF changes)
    assume("\r" not in text and not _CONTROL_BYTE.search(text))
    plain = converts_cleanly(text.encode("utf-8", errors="surrogatepass"), lang)
    other = converts_cleanly(text.replace("\n", newline).encode("utf-8", errors="surrogatepass"), lang)
    assert (plain is None) == (other is None)
    if plain is not None:
        assert plain.akn == other.akn


# What word processors and web pages put in copied text: no-break, narrow and thin
# spaces in place of spaces, characters that print nothing after one, other line ends.
_SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007"]
_CONTROL_BYTE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_INVISIBLE = ["\u200b", "\u200e", "\u200f", "\u2060", "\ufeff", "\u061c", "\u00ad"]


@st.composite
def word_processed(draw) -> tuple[str, str, str]:
    """(language, text, the text as a word processor would hand it over)."""
    lang, text = draw(mutated())
    assume("\r" not in text and not any(c in text for c in _SPACES + _INVISIBLE + ["\u2028", "\u2029"]))
    spaces = [m.start() for m in re.finditer(" ", text)]
    assume(spaces)
    picked = sorted(draw(st.lists(st.sampled_from(spaces), min_size=1, max_size=30, unique=True)), reverse=True)
    out = text
    for at in picked:
        out = out[:at] + draw(st.sampled_from([c for c in _SPACES] + [" " + c for c in _INVISIBLE])) + out[at + 1:]
    return lang, text, out.replace("\n", draw(st.sampled_from(["\n", "\u2028", "\r\n", "\r"])))


@given(word_processed())
@example(document=("en", "2023/28. ", "2023/28. \xad"))  # a soft hyphen after a space, kept once
def test_spaces_and_invisible_characters_do_not_matter(document):
    # a document typed with no-break spaces, zero-width spaces, direction marks and soft
    # hyphens is the document: the same AKN, as bytes and as a text handed to the API
    lang, plain_text, processed = document
    # (as bytes, a text with control characters is judged by their share of its bytes,
    # which the characters added change: compared as a str only)
    ways = (str,) if _CONTROL_BYTE.search(plain_text) else (str, lambda t: t.encode("utf-8", errors="surrogatepass"))
    for as_given in ways:
        plain, other = converts_cleanly(as_given(plain_text), lang), converts_cleanly(as_given(processed), lang)
        assert (plain is None) == (other is None)
        if plain is not None:
            assert plain.akn == other.akn


# --------------------------------------------------------------------------- through the CLI

@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(mutated().map(lambda d: d[1].encode("utf-8", errors="surrogatepass")),
                 hostile_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
                 st.binary(max_size=500)))
def test_the_cli_writes_valid_files_or_fails_in_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("cli")
    source, out = folder / "in.txt", folder / "out"
    source.write_bytes(data)
    import contextlib
    import io

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["convert", str(source), "--out-dir", str(out), "-q"])
    said = stderr.getvalue()
    _event(f"exit {status}")
    assert "Traceback" not in said and "internal error" not in said
    written = sorted(p.name for p in out.glob("*")) if out.exists() else []
    if status == 0:
        assert written == ["in.akn.xml", "in.html", "in.tei.xml"]
        _well_formed((out / "in.akn.xml").read_bytes())
        _well_formed((out / "in.tei.xml").read_bytes())
    else:
        assert status in (1, 2) and not written
        errors = [line for line in said.splitlines() if re.match(rf"^{re.escape(str(source))}(:\d+)?: error E\d\d\d: ", line)]
        assert errors, said
        if status == 2:  # refused: the one line that says why
            assert said.splitlines() == errors[:1], said


# --------------------------------------------------------------------------- the extremes

@pytest.mark.parametrize("text", [
    pytest.param("\n" * 1_000_000, id="a million empty lines"),
    pytest.param("\x00" * 10_000, id="NUL only"),
    pytest.param("\u202b\u202c\n" * 1000, id="bidi marks only"),
    pytest.param("]]>" * 1000, id="CDATA ends"),
])
def test_extreme_inputs_are_refused_or_converted(text):
    converts_cleanly(text)


def test_a_ten_megabyte_line():
    line = ("Recalling its resolution & <b>the report</b> ]]> of the Council " * 160_000)[:10_000_000]
    conversion = converts_cleanly(line, "en")
    assert conversion is not None and conversion.conservation.expected > 8_000_000

