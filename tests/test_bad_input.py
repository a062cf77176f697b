"""Hostile and broken inputs, through ``lexdraft validate`` and through ``lexdraft.akn.load``: each gives one
line naming the file (and the line where known), a non-zero exit, no traceback, and nothing read from outside
the input. Slow or dangerous cases also run in a real subprocess with a timeout, so a hang fails the test
instead of stalling the suite."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from lexdraft.akn import load
from lexdraft.cli import main
from lexdraft.errors import LexdraftError

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SECRET = "LEXDRAFT-CANARY-7f3a9c"  # content of a file the XXE tries to pull in
PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "/usr/sbin/nologin", "daemon:")


def _billion_laughs() -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE akomaNtoso [", ' <!ENTITY lol0 "lol">']
    for i in range(1, 10):
        lines.append(f' <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">')
    lines += ["]>", f'<akomaNtoso xmlns="{AKN_NS}"><act name="x">&lol9;</act></akomaNtoso>']
    return "\n".join(lines) + "\n"


# name -> (file content as bytes or str, expected words in the message, expected line or None)
def cases(tmp_path) -> dict[str, tuple[object, str, int | None]]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    return {
        "xxe-passwd.xml": (
            '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n  <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
            f'<akomaNtoso xmlns="{AKN_NS}"><act name="x">&x;</act></akomaNtoso>\n', "DOCTYPE", 2),
        "xxe-local.xml": (
            f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">]>\n'
            f'<akomaNtoso xmlns="{AKN_NS}"><act name="x">&x;</act></akomaNtoso>\n', "DOCTYPE", 2),
        "billion-laughs.xml": (_billion_laughs(), "DOCTYPE", 2),
        "external-dtd.xml": (
            '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/akomantoso.dtd">\n'
            f'<akomaNtoso xmlns="{AKN_NS}"/>\n', "DOCTYPE", 2),
        "malformed.xml": (
            f'<akomaNtoso xmlns="{AKN_NS}">\n  <act name="x">\n    <body>\n  </act>\n</akomaNtoso>\n',
            "malformed XML", 4),
        "wrong-namespace.xml": ('<akomaNtoso xmlns="http://example.org/not-akn"><act/></akomaNtoso>\n',
                                "unsupported Akoma Ntoso namespace", 1),
        "not-akn.xml": ("<html>\n<body><p>hello</p></body>\n</html>\n", "not an Akoma Ntoso document", 1),
        "junk.xml": (bytes(range(256)) * 20, "binary", 1),
        "text.xml": ("just some words, no markup\n", "not an XML file", 1),
        "empty.xml": ("", "empty", None),
        "deep.xml": (f'<akomaNtoso xmlns="{AKN_NS}"><act name="x"><body>' + "<article>" * 3000
                     + "</article>" * 3000 + "</body></act></akomaNtoso>", "depth", 1),
    }


def _write(path, content) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def _assert_clean(text: str) -> None:
    assert "Traceback" not in text and "XMLSyntaxError" not in text and "Exception" not in text
    assert SECRET not in text
    assert not any(marker in text for marker in PASSWD_MARKERS)


NAMES = ["xxe-passwd.xml", "xxe-local.xml", "billion-laughs.xml", "external-dtd.xml", "malformed.xml",
         "wrong-namespace.xml", "not-akn.xml", "junk.xml", "text.xml", "empty.xml", "deep.xml"]


@pytest.mark.parametrize("name", NAMES)
def test_bad_file_through_validate(tmp_path, name):
    content, words, line = cases(tmp_path)[name]
    path = tmp_path / name
    _write(path, content)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _assert_clean(result.output)
    mentioning = [ln for ln in result.output.splitlines() if str(path) in ln]
    assert len(mentioning) == 1, result.output
    where = f"{path}:{line}: " if line else f"{path}: "
    assert mentioning[0].startswith(where + "error [parse] ") and words in mentioning[0]
    assert path.read_bytes() == before  # the input is never changed


@pytest.mark.parametrize("name", NAMES)
def test_bad_file_through_load(tmp_path, name):
    content, words, line = cases(tmp_path)[name]
    path = tmp_path / name
    _write(path, content)
    with pytest.raises(LexdraftError) as err:
        load(str(path))
    assert err.value.path == str(path) and err.value.line == line
    text = str(err.value)
    assert "\n" not in text and words in text
    _assert_clean(text)


def test_bad_file_in_a_json_report_is_a_finding_with_file_and_line(tmp_path):
    import json

    content, _, line = cases(tmp_path)["malformed.xml"]
    path = tmp_path / "malformed.xml"
    _write(path, content)
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(path)])
    data = json.loads(result.output)
    assert result.exit_code == 2 and data["exit_code"] == 2
    assert [(f["file"], f["line"], f["rule"]) for f in data["findings"]] == [(str(path), line, "parse")]


def test_one_bad_file_does_not_hide_the_others(tmp_path):
    """A folder with a broken file and a corpus file: both get their verdict, the exit code says 'unreadable'."""
    _write(tmp_path / "a-broken.xml", cases(tmp_path)["malformed.xml"][0])
    good = tmp_path / "b-good.xml"
    good.write_bytes((__import__("conftest").AKN / "us-title9-chap3.xml").read_bytes())
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "a-broken.xml:4: error [parse]" in result.output
    assert result.output.splitlines()[-1].startswith("2 files checked (strict XSD): 1 invalid, 1 error")


def test_directory_without_xml(tmp_path):
    (tmp_path / "readme.txt").write_text("nothing to validate")
    (tmp_path / "sub").mkdir()
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    _assert_clean(result.output)
    assert result.output.strip() == f"lexdraft: error: {tmp_path}: directory holds no XML file to validate"


def test_nonexistent_path(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.xml")])
    assert result.exit_code == 2
    assert result.output.strip() == f"lexdraft: error: {tmp_path / 'nope.xml'}: no such file or directory"


def test_directory_given_to_load(tmp_path):
    with pytest.raises(LexdraftError, match="is a directory"):
        load(str(tmp_path))


@pytest.fixture
def huge_file(tmp_path):
    """A 100 MB file made sparse (instantly, no disk used): an XML-looking start, then zeros."""
    path = tmp_path / "huge.xml"
    with open(path, "wb") as fh:
        fh.write(f'<akomaNtoso xmlns="{AKN_NS}">'.encode())
        fh.truncate(100 * 1024 * 1024)
    return path


def test_100mb_file_is_refused_by_the_size_limit(huge_file):
    with pytest.raises(LexdraftError, match=r"file is 100 MB, over the 64 MB limit") as err:
        load(str(huge_file))
    assert err.value.path == str(huge_file)
    result = CliRunner().invoke(main, ["validate", str(huge_file)])
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == f"{huge_file}: error [parse] file is 100 MB, over the 64 MB limit for one document"


def _lexdraft(*args: str) -> subprocess.CompletedProcess:
    """The real command in a child process; the timeout turns a hang into a failure (not a timing assertion)."""
    code = "import sys; from lexdraft.cli import main; sys.argv[0] = 'lexdraft'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60)


def test_real_process_on_bomb_xxe_and_huge_file(tmp_path, huge_file):
    for name in ("billion-laughs.xml", "xxe-passwd.xml", "external-dtd.xml"):
        _write(tmp_path / name, cases(tmp_path)[name][0])
    proc = _lexdraft("validate", "--format", "json", str(tmp_path / "billion-laughs.xml"),
                     str(tmp_path / "xxe-passwd.xml"), str(tmp_path / "external-dtd.xml"), str(huge_file))
    assert proc.returncode == 2
    _assert_clean(proc.stdout + proc.stderr)
    assert proc.stderr == ""  # no progress (not a terminal), no warnings, no traceback
    assert proc.stdout.count('"rule": "parse"') == 4


def test_external_dtd_and_entity_are_never_fetched_or_opened(tmp_path):
    """Proof by trap: the DTD URL is a local port we listen on, the entity a FIFO (opening it to read would
    block until the timeout). Nothing connects, nothing blocks."""
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(0.5)
        port = server.getsockname()[1]
        fifo = tmp_path / "trap.fifo"
        os.mkfifo(fifo)
        dtd = tmp_path / "dtd.xml"
        dtd.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:{port}/akn.dtd">\n'
                       f'<akomaNtoso xmlns="{AKN_NS}"/>\n')
        ent = tmp_path / "ent.xml"
        ent.write_text(f'<!DOCTYPE a [<!ENTITY x SYSTEM "file://{fifo}">]>\n<akomaNtoso xmlns="{AKN_NS}">&x;'
                       "</akomaNtoso>\n")
        proc = _lexdraft("validate", str(dtd), str(ent))
        assert proc.returncode == 2 and proc.stdout.count("DOCTYPE declarations are refused") == 2
        with pytest.raises(socket.timeout):
            server.accept()


def test_xinclude_is_not_processed(tmp_path):
    """XInclude is not a DOCTYPE: the file parses, but the included file is never read."""
    path = tmp_path / "xinclude.xml"
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    path.write_text(
        f'<akomaNtoso xmlns="{AKN_NS}" xmlns:xi="http://www.w3.org/2001/XInclude">\n'
        f'<act name="x"><xi:include href="{secret}" parse="text"/></act></akomaNtoso>\n', encoding="utf-8")
    doc = load(str(path))
    assert SECRET not in repr(doc)
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1  # schema errors, not a crash
    _assert_clean(result.output)
