"""`akn-pipeline validate`: any AKN or TEI file, made by this converter or elsewhere,
checked without loading a DTD, expanding an entity or touching the network; text,
JSON and JUnit XML reports; exit 0 only when every file is valid."""
from __future__ import annotations

import json
import socket

import pytest
from lxml import etree

from buildproject import load_tasks
from pipeline import check
from pipeline.check import check_file
from pipeline.cli import main
from pipeline.validate import check_schema_file, safe_parser

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
TEI_MINIMAL = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
               b'<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>'
               b'<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>'
               b'<text><body><p xml:id="a">x <ref target="#a">here</ref></p></body></text></TEI>')
SECRET = "LOCAL-SECRET-7f3a9c"  # what a file-reading entity would leak


@pytest.fixture(scope="module")
def junit_schema() -> etree.XMLSchema:
    """junit-10.xsd as `invoke schemas` fetched it (sha256-checked)."""
    tasks = load_tasks()
    if not tasks.JUNIT_SCHEMA.is_file():
        pytest.fail(f"{tasks.JUNIT_SCHEMA} is missing: fetch it with `invoke schemas` (`invoke test` does this first)")
    check_schema_file(tasks.JUNIT_SCHEMA, tasks.JUNIT_SCHEMA_SHA256)
    return etree.XMLSchema(etree.parse(str(tasks.JUNIT_SCHEMA), safe_parser()))


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.fixture
def listener():
    """A TCP port on the loopback that records every connection made to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    server.setblocking(False)
    yield server
    server.close()


def connections(server: socket.socket) -> int:
    """Connections made so far: the kernel queues each one until it is accepted."""
    count = 0
    while True:
        try:
            connection, _ = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def run(capsys, *args) -> tuple[int, str, str]:
    status = main(["validate", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(folder, name: str, data: bytes | str):
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --------------------------------------------------------------------------- valid files

def test_the_converters_own_outputs_are_valid(tmp_path, capsys, seed_conversion, junit_schema):
    akn = write(tmp_path, "seed.akn.xml", seed_conversion.akn)
    tei = write(tmp_path, "seed.tei.xml", seed_conversion.tei)
    report = tmp_path / "report.xml"
    status, out, err = run(capsys, akn, tei, "--junit", report)
    assert status == 0 and err == ""
    assert out.splitlines() == [f"valid   {akn}  (Akoma Ntoso 3.0)", f"valid   {tei}  (TEI P5)",
                                "2 files: 2 valid, 0 invalid, 0 not checked"]
    tree = etree.parse(str(report))
    junit_schema.assertValid(tree)
    assert tree.xpath("//testcase/@name") == [str(akn), str(tei)] and not tree.xpath("//failure|//error")


def test_a_folder_stands_for_its_xml_files(tmp_path, capsys, seed_conversion):
    # an archive checks the folder a build wrote: its .xml files, by name; not its subfolders
    write(tmp_path, "b.tei.xml", seed_conversion.tei)
    write(tmp_path, "a.akn.xml", seed_conversion.akn)
    write(tmp_path, "a.html", b"<html></html>")
    (tmp_path / "old").mkdir()
    write(tmp_path / "old", "c.akn.xml", b"<broken")
    status, out, _ = run(capsys, tmp_path)
    assert status == 0 and out.splitlines() == [
        f"valid   {tmp_path / 'a.akn.xml'}  (Akoma Ntoso 3.0)", f"valid   {tmp_path / 'b.tei.xml'}  (TEI P5)",
        "2 files: 2 valid, 0 invalid, 0 not checked"]
    empty = tmp_path / "empty"
    empty.mkdir()
    status, _, err = run(capsys, empty)
    assert status == 2 and f"{empty}: error E001: cannot read: a folder that holds no .xml file" in err


def test_files_made_elsewhere_are_checked_by_their_namespace(tmp_path, capsys, seed_conversion):
    # the same AKN with another prefix and no XML declaration, as another tool may write it
    tree = etree.fromstring(seed_conversion.akn)
    prefixed = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={"akn": AKN_NS})
    prefixed[:] = list(tree)
    akn = write(tmp_path, "other.xml", etree.tostring(prefixed, encoding="UTF-8"))
    # TEI that points to the web and to other files, as corpora do: that is not an error here
    tei = write(tmp_path, "corpus.xml", TEI_MINIMAL.replace(b'<ref target="#a">', b'<ref target="https://un.org/x">')
                .replace(b"</p></body>", b' <ref target="other.xml#p1">there</ref></p></body>'))
    status, out, _ = run(capsys, akn, tei)
    assert status == 0, out
    assert f"valid   {akn}  (Akoma Ntoso 3.0)" in out and f"valid   {tei}  (TEI P5)" in out


def test_a_tei_file_in_utf16_with_its_mark_is_read(tmp_path, capsys):
    data = b'<?xml version="1.0" encoding="UTF-16"?>' + TEI_MINIMAL
    path = write(tmp_path, "utf16.xml", data.decode("ascii").encode("utf-16"))  # with a BOM
    assert run(capsys, path)[0] == 0


# --------------------------------------------------------------------------- invalid files

def test_schema_errors_are_printed_compiler_style_with_line_and_path(tmp_path, capsys, seed_conversion):
    broken = seed_conversion.akn.replace(b"<num>5.</num>", b"<num>5.</num><bogus/>")
    akn = write(tmp_path, "broken.akn.xml", broken)
    line = broken[:broken.index(b"<bogus/>")].count(b"\n") + 1
    status, out, err = run(capsys, akn)
    assert status == 1
    first = err.splitlines()[0]
    assert first.startswith(f"{akn}:{line}: error E002: /akomaNtoso/statement/mainBody/paragraph[5]")
    assert f"invalid {akn}  (Akoma Ntoso 3.0, " in out


def test_a_dangling_tei_pointer_and_a_tei_schema_error(tmp_path, capsys):
    tei = write(tmp_path, "t.xml", TEI_MINIMAL.replace(b'target="#a"', b'target="#nowhere"')
                .replace(b"<body>", b"<body>\n<bogus/>"))
    status, _, err = run(capsys, tei)
    assert status == 1
    assert f"{tei}:2: error E005: /TEI/text/body/bogus: " in err
    assert f"{tei}:2: error E006: /TEI/text/body/p/ref: @target: #nowhere resolves to no xml:id" in err


@pytest.mark.parametrize("data, message", [
    (b"<html><body/></html>", "the root element html is in no namespace, neither Akoma Ntoso 3.0"),
    (b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"/>',
     "the root element akomaNtoso is in {http://www.akomantoso.org/2.0}, neither Akoma Ntoso 3.0"),
    (b'<TEI xmlns="http://www.tei-c.org/ns/2.0"/>', "the root element TEI is in {http://www.tei-c.org/ns/2.0}"),
])
def test_anything_else_is_an_error_for_that_file(tmp_path, capsys, data, message):
    path = write(tmp_path, "other.xml", data)
    status, out, err = run(capsys, path)
    assert status == 1 and f"{path}:1: error E014: {message}" in err
    assert f"invalid {path}  (1 error)" in out


@pytest.mark.parametrize("data, line", [
    (b"<akomaNtoso>\n<unclosed>\n</akomaNtoso>", 3), (b"", 1), (b"plain text, not XML", 1),
    (b"<?xml version='1.0'?>\n<!-- never closed\n<a/>", 2), (b"<a>&undeclared;</a>", 1),
])
def test_what_is_not_well_formed_is_e013(tmp_path, capsys, data, line):
    path = write(tmp_path, "bad.xml", data)
    status, _, err = run(capsys, path)
    assert status == 1 and err.startswith(f"{path}:{line}: error E013: "), err


def test_unreadable_and_too_large_files_are_not_checked_exit_2(tmp_path, capsys, seed_conversion, junit_schema):
    good = write(tmp_path, "good.tei.xml", seed_conversion.tei)
    big = write(tmp_path, "big.akn.xml", seed_conversion.akn)
    report = tmp_path / "report.xml"
    status, out, err = run(capsys, good, big, tmp_path / "missing.xml", "--max-bytes", len(seed_conversion.tei),
                           "--junit", report)
    assert status == 2
    assert (f"{big}: error E010: the input is {len(seed_conversion.akn):,} bytes, over the limit of "
            f"{len(seed_conversion.tei):,} bytes (--max-bytes); not checked") in err
    assert f"{tmp_path / 'missing.xml'}: error E001: cannot read: No such file or directory" in err
    assert out.splitlines()[-1] == "3 files: 1 valid, 0 invalid, 2 not checked"
    tree = etree.parse(str(report))
    junit_schema.assertValid(tree)
    assert tree.xpath("//testcase/error/@type") == ["E010", "E001"]


def test_exit_0_only_when_every_file_is_valid(tmp_path, capsys, seed_conversion):
    good = write(tmp_path, "good.xml", seed_conversion.tei)
    bad = write(tmp_path, "bad.xml", b"<a/>")
    assert run(capsys, good)[0] == 0
    assert run(capsys, good, bad)[0] == 1
    assert run(capsys, bad, good)[0] == 1


# --------------------------------------------------------------------------- hostile files

def xxe(target: str, root: str = "akomaNtoso", namespace: str = AKN_NS) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n  <!ENTITY x SYSTEM "{target}">\n]>\n'
            f'<{root} xmlns="{namespace}">&x;</{root}>').encode("utf-8")


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
          + "".join(f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
                    for n in range(1, 10))
          + ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" n="&lol9;">&lol9;</TEI>').encode("utf-8")
QUADRATIC = ('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY a "' + "x" * 100_000 + '">]>\n<a>'
             + "&a;" * 10_000 + "</a>").encode("utf-8")


def test_xxe_of_a_local_file_is_refused_and_nothing_is_read(tmp_path, capsys, secret, junit_schema):
    path = write(tmp_path, "xxe.xml", xxe(secret.as_uri()))
    report, json_report = tmp_path / "r.xml", tmp_path / "r.json"
    status, out, err = run(capsys, path, "--junit", report, "--json", json_report)
    assert status == 1
    assert err == (f'{path}:2: error E012: DOCTYPE refused: it declares the external entity x (SYSTEM '
                   f'"{secret.as_uri()}"); AKN and TEI use no DTD: nothing was expanded, read or fetched\n')
    for text in (out, err, report.read_text(), json_report.read_text()):
        assert SECRET not in text
    junit_schema.assertValid(etree.parse(str(report)))


def test_xxe_over_http_and_every_other_pointer_out_fetches_nothing(tmp_path, capsys, listener):
    url = "http://127.0.0.1:%d/" % listener.getsockname()[1]
    files = {
        "entity.xml": xxe(url + "entity"),
        "parameter.xml": f'<!DOCTYPE a [<!ENTITY % p SYSTEM "{url}p.dtd"> %p;]><a/>'.encode(),
        "dtd.xml": f'<!DOCTYPE akomaNtoso SYSTEM "{url}akn.dtd"><akomaNtoso xmlns="{AKN_NS}"/>'.encode(),
        # no DOCTYPE: these point out too, and must be left unfollowed by the parser and both validators
        "hints.xml": (f'<?xml-model href="{url}model.rng"?><?xml-stylesheet href="{url}s.xsl"?>'
                      f'<akomaNtoso xmlns="{AKN_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                      f'xsi:schemaLocation="{AKN_NS} {url}akn.xsd"/>').encode(),
        "xinclude.xml": TEI_MINIMAL.replace(b"<body>", f'<body><xi:include xmlns:xi="http://www.w3.org/2001/'
                                                       f'XInclude" href="{url}part.xml"/>'.encode()),
    }
    paths = [write(tmp_path, name, data) for name, data in files.items()]
    status, _, err = run(capsys, *paths)
    assert status == 1
    for name, line in (("entity.xml", 2), ("parameter.xml", 1), ("dtd.xml", 1)):
        assert f"{tmp_path / name}:{line}: error E012: DOCTYPE refused" in err
    assert f"it declares the external parameter entity p (SYSTEM \"{url}p.dtd\")" in err
    assert f"it names the external DTD {url}akn.dtd" in err
    assert connections(listener) == 0
    # and the listener does see a connection when one is made (the check above can fail)
    probe = socket.create_connection(listener.getsockname())
    listener.setblocking(True)
    listener.settimeout(30)
    accepted, _ = listener.accept()
    accepted.close()
    probe.close()


@pytest.mark.parametrize("data", [LAUGHS, QUADRATIC], ids=["billion-laughs", "quadratic-blowup"])
def test_entity_bombs_are_refused_before_any_parser_sees_them(tmp_path, capsys, monkeypatch, data):
    def no_parser():
        raise AssertionError("the parser was handed a file with a DOCTYPE")

    monkeypatch.setattr(check, "safe_parser", no_parser)
    path = write(tmp_path, "bomb.xml", data)
    status, out, err = run(capsys, path)
    assert status == 1 and f"{path}:2: error E012: DOCTYPE refused: it declares" in err
    assert len(err) < 1000 and "lollol" not in err + out and "xxxxxxxxxx" not in err + out
    if data is LAUGHS:
        assert "it declares 10 entities (lol, lol1, lol2, lol3, lol4, …), some made of others (an expansion bomb)" in err


DISGUISED = {  # an XXE file, written in ways that hide it from a plain look at the bytes
    "utf-16": lambda uri: xxe(uri).decode("ascii").encode("utf-16"),  # with its byte-order mark
    "utf-16-le": lambda uri: xxe(uri).decode("ascii").encode("utf-16-le"),  # without: told by its first bytes
    "utf-32": lambda uri: xxe(uri).decode("ascii").encode("utf-32"),
    "utf-8-bom": lambda uri: b"\xef\xbb\xbf" + xxe(uri),
    # in UTF-7, '+ADw-' is '<': no '<!DOCTYPE' in the bytes at all
    "utf-7": lambda uri: (f'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE a +AFs-+ADw-!ENTITY x SYSTEM '
                          f'+ACI-{uri}+ACI-+AD4-+AF0-+AD4-+ADw-a+AD4-+ACY-x+ADs-+ADw-/a+AD4-').encode("ascii"),
    # declared UTF-16 in plain ASCII: were the parser to read it otherwise than declared
    "declared-utf-16": lambda uri: xxe(uri).replace(b'version="1.0"', b'version="1.0" encoding="UTF-16"'),
    "after-comments": lambda uri: b"<!-- a comment first -->\n<?pi before?>\n" + xxe(uri).split(b"\n", 1)[1],
    "lower-case": lambda uri: f'<!doctype a [<!ENTITY x SYSTEM "{uri}">]><a>&x;</a>'.encode(),
}


@pytest.mark.parametrize("disguise", DISGUISED)
def test_a_doctype_in_any_encoding_or_place_is_refused_before_parsing(secret, disguise, monkeypatch):
    def no_parser():
        raise AssertionError("the parser was handed a file with a DOCTYPE")

    monkeypatch.setattr(check, "safe_parser", no_parser)
    result = check_file(DISGUISED[disguise](secret.as_uri()), "x.xml")
    assert [d.code for d in result.diagnostics] == ["E012"], result.diagnostics
    assert SECRET not in str(result)


def test_an_unknown_declared_encoding_is_not_parsed(monkeypatch):
    monkeypatch.setattr(check, "safe_parser", None)
    result = check_file(b'<?xml version="1.0" encoding="x-klingon"?><a/>', "x.xml")
    assert [d.format("x.xml") for d in result.diagnostics] == [
        "x.xml:1: error E013: unknown encoding 'x-klingon' declared"]


def test_without_the_first_look_the_parser_still_reads_and_fetches_nothing(tmp_path, secret, monkeypatch, listener):
    """Defence in depth: were a DOCTYPE to get past refuse_doctype, the parser options
    (no DTD, no entities, no network) and the check after parsing still refuse it."""
    url = "http://127.0.0.1:%d/" % listener.getsockname()[1]
    monkeypatch.setattr(check, "refuse_doctype", lambda data: None)
    for data in (xxe(secret.as_uri()), xxe(url + "entity"), LAUGHS, QUADRATIC,
                 f'<!DOCTYPE a SYSTEM "{url}a.dtd"><a/>'.encode()):
        result = check_file(data, "x.xml")
        assert result.status == "invalid" and result.diagnostics[0].code in ("E012", "E013"), result
        assert SECRET not in str(result) and "lollol" not in str(result)
    assert connections(listener) == 0


# --------------------------------------------------------------------------- reports

def test_json_to_standard_output_is_json_only(tmp_path, capsys, seed_conversion):
    good = write(tmp_path, "good.xml", seed_conversion.akn)
    bad = write(tmp_path, "bad.xml", b"<html/>")
    status, out, err = run(capsys, good, bad, "--json")
    assert status == 1
    report = json.loads(out)
    assert report["valid"] is False and report["counts"] == {"files": 2, "valid": 1, "invalid": 1, "unchecked": 0}
    assert [(f["file"], f["kind"], f["status"]) for f in report["files"]] == [
        (str(good), "akn", "valid"), (str(bad), None, "invalid")]
    assert report["files"][1]["errors"][0]["code"] == "E014" and report["files"][1]["errors"][0]["line"] == 1
    assert err.startswith(f"{bad}:1: error E014")  # the errors still go to standard error


def test_json_and_junit_to_files_and_the_same_files_give_the_same_bytes(tmp_path, capsys, seed_conversion):
    good = write(tmp_path, "good.xml", seed_conversion.tei)
    reports = []
    for attempt in ("a", "b"):
        status, out, _ = run(capsys, good, "--json", tmp_path / f"{attempt}.json", "--junit", tmp_path / f"{attempt}.xml")
        assert status == 0 and out.endswith("1 file: 1 valid, 0 invalid, 0 not checked\n")
        reports.append(((tmp_path / f"{attempt}.json").read_bytes(), (tmp_path / f"{attempt}.xml").read_bytes()))
    assert reports[0] == reports[1]
    assert json.loads(reports[0][0])["valid"] is True


def test_the_junit_report_is_valid_whatever_the_file_names_and_messages(tmp_path, capsys, junit_schema):
    hostile = ['a]]>b&c<d>"e\'.xml', "line\nbreak.xml", "tab\tand\x01control.xml", "字\u202eabc.xml"]
    paths = [write(tmp_path, name, b"<x>\x01</x>" if n % 2 else b"<a:b/>") for n, name in enumerate(hostile)]
    report = tmp_path / "junit.xml"
    status, _, _ = run(capsys, *paths, tmp_path / "nope\x7f.xml", "--junit", report)
    assert status == 2
    tree = etree.parse(str(report))
    junit_schema.assertValid(tree)
    suite = tree.getroot()[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "4", "1")
    names = tree.xpath("//testcase/@name")
    assert names[0] == str(paths[0]) and names[1].endswith("line\\nbreak.xml") and "\\x01" in names[2]


def test_a_report_that_cannot_be_written_is_exit_2(tmp_path, capsys, seed_conversion):
    good = write(tmp_path, "good.xml", seed_conversion.tei)
    (tmp_path / "dir").mkdir()
    status, _, err = run(capsys, good, "--junit", tmp_path / "dir")
    assert status == 2 and f"cannot write {tmp_path / 'dir'}" in err
