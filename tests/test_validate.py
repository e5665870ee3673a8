"""Validation against the official schema, and the schema's own integrity."""
from __future__ import annotations

import shutil

import pytest

from pipeline import validate as validation
from pipeline.validate import AKN_SCHEMA_SHA256, SchemaIntegrityError, akn_schema_path, check_schema_file


def test_the_installed_schema_is_the_official_file():
    check_schema_file(akn_schema_path())


def test_a_changed_schema_is_refused(tmp_path):
    copy = tmp_path / "akomantoso30.xsd"
    shutil.copy(akn_schema_path(), copy)
    copy.write_bytes(copy.read_bytes().replace(b'use="required"', b'use="optional"', 1))
    with pytest.raises(SchemaIntegrityError, match=AKN_SCHEMA_SHA256):
        check_schema_file(copy)


def test_an_invalid_document_gets_lines_and_paths(seed_conversion):
    broken = seed_conversion.akn.replace(b"<num>5.</num>", b"<num>5.</num><bogus/>")
    result = validation.validate(broken)
    assert not result.valid
    error = result.errors[0]
    assert error.path and error.path.endswith("paragraph[5]") and error.line


def test_malformed_xml_is_an_error_not_an_exception():
    result = validation.validate(b"<akomaNtoso><unclosed></akomaNtoso>")
    assert not result.valid and "not well-formed" in result.errors[0].message


def test_entities_are_not_expanded_and_no_network_is_touched():
    xxe = (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>')
    result = validation.validate(xxe)
    assert not result.valid
    assert all("root:" not in str(e) for e in result.errors)


# --------------------------------------------------------------------------- TEI

TEI_MINIMAL = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
               b'<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>'
               b'<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>'
               b'<text><body><p xml:id="a">x <ref target="#a">here</ref></p></body></text></TEI>')


def test_the_fetched_tei_schema_is_the_official_file():
    from pipeline.validate import TEI_SCHEMA_SHA256, tei_schema_path

    check_schema_file(tei_schema_path(), TEI_SCHEMA_SHA256)


def test_a_changed_tei_schema_is_refused(tmp_path, monkeypatch):
    from pipeline.validate import TEI_SCHEMA_ENV, TEI_SCHEMA_SHA256, tei_schema_path

    copy = tmp_path / "tei_all.rng"
    copy.write_bytes(tei_schema_path().read_bytes().replace(b"<choice>", b"<interleave>", 1))
    monkeypatch.setenv(TEI_SCHEMA_ENV, str(copy))
    validation._tei_schema.cache_clear()
    try:
        with pytest.raises(SchemaIntegrityError, match=TEI_SCHEMA_SHA256):
            validation.validate_tei(TEI_MINIMAL)
    finally:
        validation._tei_schema.cache_clear()


def test_a_missing_tei_schema_names_the_command_that_fetches_it(tmp_path, monkeypatch):
    from pipeline.validate import TEI_SCHEMA_ENV, SchemaMissingError

    monkeypatch.setenv(TEI_SCHEMA_ENV, str(tmp_path / "nowhere.rng"))
    validation._tei_schema.cache_clear()
    try:
        with pytest.raises(SchemaMissingError, match="invoke schemas"):
            validation.validate_tei(TEI_MINIMAL)
    finally:
        validation._tei_schema.cache_clear()


def test_minimal_tei_is_valid_and_a_stray_element_is_not():
    assert validation.validate_tei(TEI_MINIMAL).valid
    result = validation.validate_tei(TEI_MINIMAL.replace(b"<body>", b"<body><bogus/>"))
    assert not result.valid and result.errors[0].line == 1


def test_tei_with_a_doctype_is_refused():
    xxe = b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + TEI_MINIMAL
    assert not validation.validate_tei(xxe).valid


def test_resolved_pointers_pass():
    assert validation.check_pointers(TEI_MINIMAL) == ()


def test_a_dangling_pointer_is_reported_with_its_line_and_attribute():
    dangling = TEI_MINIMAL.replace(b'<p xml:id="a">', b'<p xml:id="a">\n<relation name="x" active="#a #GBR" passive="#a"/>')
    errors = validation.check_pointers(dangling)
    assert [(e.line, e.message) for e in errors] == [(2, "@active: #GBR resolves to no xml:id")]


def test_external_and_empty_pointers_are_reported():
    # a ref may point to a cited document on the web by an absolute URL, and only a ref
    external = TEI_MINIMAL.replace(b'target="#a"', b'target="https://undocs.org/A/RES/72/171"')
    assert validation.check_pointers(external) == ()
    relative = TEI_MINIMAL.replace(b'target="#a"', b'target="A/RES/72/171"')
    assert [e.message for e in validation.check_pointers(relative)] == [
        "@target: A/RES/72/171 is not a local #id nor an absolute URL"]
    elsewhere = TEI_MINIMAL.replace(b'<ref target="#a">here</ref>', b'<ptr target="https://example.org/"/>')
    assert [e.message for e in validation.check_pointers(elsewhere)] == [
        "@target: https://example.org/ is not a local #id"]
    empty = TEI_MINIMAL.replace(b'target="#a"', b'target=" "')
    assert [e.message for e in validation.check_pointers(empty)] == ["@target: empty pointer"]
