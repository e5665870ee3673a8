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
