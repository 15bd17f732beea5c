"""The PDF path: fixture PDFs of several layouts give the bundled records; bad PDFs fail cleanly."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hankkeet import model
from hankkeet.cli import app
from hankkeet.errors import SourceError
from hankkeet.parse import parse_bytes, parse_file

from conftest import records

FIXTURES = Path(__file__).parent / "fixtures"
LAYOUTS = ["summary_original.pdf", "summary_reflowed.pdf", "summary_landscape.pdf", "summary_centred.pdf"]


@pytest.fixture(scope="module")
def bundled() -> model.Snapshot:
    return model.load()


@pytest.mark.slow
@pytest.mark.parametrize("name", LAYOUTS)
def test_fixture_layout_gives_the_bundled_records(name: str, bundled: model.Snapshot) -> None:
    path = FIXTURES / name
    snapshot = parse_file(path)
    assert len(snapshot.projects) == 21
    assert records(snapshot.projects) == records(bundled.projects)
    assert snapshot.source.title == bundled.source.title
    assert snapshot.source.subtitle == bundled.source.subtitle
    assert snapshot.source.file == name
    assert snapshot.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_pdf_detected_by_content_not_name(tmp_path: Path, bundled: model.Snapshot) -> None:
    renamed = tmp_path / "summary.bin"
    renamed.write_bytes((FIXTURES / "summary_reflowed.pdf").read_bytes())
    assert records(parse_file(renamed).projects) == records(bundled.projects)


def test_encrypted_pdf_opens_with_its_password() -> None:
    snapshot = parse_file(FIXTURES / "bad_encrypted.pdf", password="salasana")
    assert [p.id for p in snapshot.projects] == ["eksote", "kotka"]


def _truncated(tmp_path: Path) -> Path:
    data = (FIXTURES / "summary_original.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_CASES = {
    "encrypted": (lambda tmp: FIXTURES / "bad_encrypted.pdf", "", "encrypted; give its password with --password"),
    "wrong password": (lambda tmp: FIXTURES / "bad_encrypted.pdf", "arvaus", "wrong password"),
    "image only": (lambda tmp: FIXTURES / "bad_image_only.pdf", "", "no text layer"),
    "no table": (lambda tmp: FIXTURES / "bad_no_table.pdf", "", "no project table"),
    "wrong columns": (lambda tmp: FIXTURES / "bad_wrong_columns.pdf", "", "wrong columns"),
    "truncated": (_truncated, "", "truncated PDF"),
    "damaged": (lambda tmp: _write(tmp, "damaged.pdf", b"%PDF-1.7\n1 0 obj <<\n%%EOF\n"), "", "cannot read PDF"),
    "text named .pdf": (lambda tmp: _write(tmp, "notes.pdf", b"muistiinpanoja\n"), "", "no project table"),
    "binary named .pdf": (lambda tmp: _write(tmp, "blob.pdf", bytes(range(256)) * 4), "", "neither a PDF"),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_pdf_raises_one_clear_source_error(case: str, tmp_path: Path) -> None:
    make, password, expected = BAD_CASES[case]
    path = make(tmp_path)
    with pytest.raises(SourceError) as info:
        parse_file(path, password=password)
    message = info.value.message
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


def test_unexpected_pdfminer_failure_becomes_source_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from pdfminer.pdfpage import PDFPage

    def explode(*args, **kwargs):
        raise KeyError("/Kids")

    # pdfminer walking a damaged page tree
    monkeypatch.setattr(PDFPage, "create_pages", explode)
    with pytest.raises(SourceError, match=r"x\.pdf: cannot read PDF: KeyError"):
        parse_bytes((FIXTURES / "summary_original.pdf").read_bytes(), "x.pdf")


# -- CLI ------------------------------------------------------------------------

runner = CliRunner()


def _invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_cli_parse_pdf_writes_snapshot(tmp_path: Path, bundled: model.Snapshot) -> None:
    out = tmp_path / "snapshot.json"
    result = _invoke("parse", str(FIXTURES / "summary_reflowed.pdf"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "parsed 21 projects from summary_reflowed.pdf" in result.stderr
    snapshot = model.load(out)
    assert records(snapshot.projects) == records(bundled.projects)
    listed = _invoke("--data", str(out), "list", "--json")
    assert listed.exit_code == 0
    assert '"riihimaki"' in listed.stdout


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_cli_bad_pdf_exit_2_one_line_no_output(case: str, tmp_path: Path) -> None:
    make, password, expected = BAD_CASES[case]
    source = make(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "snapshot.json"
    args = ["parse", str(source), "-o", str(out)] + (["--password", password] if password else [])
    result = _invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in result.stderr
    assert list(out_dir.iterdir()) == []


def test_other_commands_do_not_import_pdfminer() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from hankkeet.cli import app\n"
        "r = CliRunner().invoke(app, ['list', '--json'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('pdfminer' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
