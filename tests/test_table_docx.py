"""The comparative table as Word: re-read with python-docx (and converted by LibreOffice where installed)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from lexdraft.akn import load
from lexdraft.cli import main
from lexdraft.compare import diff_documents
from lexdraft.render.rows import build
from redline_support import ES_NEW, ES_OLD, chapter19_pair


@pytest.fixture(scope="module")
def kk_docx(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("docx")
    old, new = chapter19_pair("kaz")
    out = tmp / "table-kk.docx"
    result = CliRunner().invoke(main, ["table", str(old), str(new), "-o", str(out), "--no-timestamp"])
    assert result.exit_code == 0, result.output
    return old, new, out


def _rows(doc):
    return doc.tables[0].rows


def test_landscape_a4(kk_docx):
    doc = WordDocument(str(kk_docx[2]))
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert abs(section.page_width.mm - 297) < 1 and abs(section.page_height.mm - 210) < 1


def test_header_repeats_and_rows_do_not_split(kk_docx):
    doc = WordDocument(str(kk_docx[2]))
    rows = _rows(doc)
    header = rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    grid = [int(g.get(qn("w:w"))) for g in doc.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[2] == grid[3] > grid[1] > grid[0]  # the two wording columns get the room
    assert [c.text for c in rows[0].cells] == ["Р/с №", "Құрылымдық элемент", "Қолданыстағы редакция",
                                               "Ұсынылып отырған редакция", "Негіздеме"]


def test_one_row_per_changed_unit_with_marks(kk_docx):
    old, new, out = kk_docx
    o, n = load(str(old)), load(str(new))
    model = build(diff_documents(o, n), o, n, "kk")
    doc = WordDocument(str(out))
    body = _rows(doc)[1:]
    assert len(body) == len(model.rows)
    for row, r in zip(body, model.rows):
        assert row.cells[0].text == str(r.number)
        assert row.cells[1].text.startswith(r.citation)
        if not r.old:
            assert row.cells[2].text == "Жоқ"
    runs_new = [run for row in body for p in row.cells[3].paragraphs for run in p.runs]
    runs_old = [run for row in body for p in row.cells[2].paragraphs for run in p.runs]
    bold_new = "".join(run.text for run in runs_new if run.bold)
    struck_old = [run.text for run in runs_old if run.font.strike]
    assert struck_old and all(run.bold for run in runs_old if run.font.strike)  # deletions: bold and struck
    assert not any(run.font.strike for run in runs_new)
    # the words inserted by the revision are bold, words kept are not
    inserted = "".join(op.text for r in model.rows for ln in r.new for op in ln.text if op.op == "+")
    assert inserted.split()[0] in bold_new
    assert any(run.text.strip() and not run.bold for run in runs_new)


def test_provenance_warning_is_in_the_document(kk_docx):
    doc = WordDocument(str(kk_docx[2]))
    top = "\n".join(p.text for p in doc.paragraphs[:4])
    assert "ILLUSTRATIVE RECONSTRUCTION" in top


def test_official_pair_has_no_warning_and_spanish_falls_back_to_english(tmp_path):
    out = tmp_path / "es.docx"
    result = CliRunner().invoke(main, ["table", str(ES_OLD), str(ES_NEW), "-o", str(out)])
    assert result.exit_code == 0
    doc = WordDocument(str(out))
    assert "ILLUSTRATIVE" not in "\n".join(p.text for p in doc.paragraphs)
    assert _rows(doc)[0].cells[2].text == "Current wording"
    assert len(_rows(doc)) == 1 + 17


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice not installed")
def test_libreoffice_converts_it_to_pdf(kk_docx, tmp_path):
    exe = shutil.which("libreoffice") or shutil.which("soffice")
    proc = subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(kk_docx[2])],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / "table-kk.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_parliament_stage_columns_from_the_sidecar(tmp_path):
    """A later stage adds columns (amendment author, committee decision): configuration, not code."""
    old, new = chapter19_pair("rus")
    notes = tmp_path / "stage.yaml"
    notes.write_text(
        "columns: [Автор поправки, Решение комитета]\n"
        "units:\n  chp_19__art_126-1:\n    justification: Рекомендация R5\n"
        "    cells: {Автор поправки: Депутат А., Решение комитета: Принять}\n", encoding="utf-8")
    out = tmp_path / "stage.docx"
    result = CliRunner().invoke(main, ["table", str(old), str(new), "-o", str(out), "--annotations", str(notes)])
    assert result.exit_code == 0, result.output
    rows = _rows(WordDocument(str(out)))
    assert [c.text for c in rows[0].cells] == ["№ п/п", "Структурный элемент", "Действующая редакция",
                                               "Предлагаемая редакция", "Автор поправки", "Решение комитета",
                                               "Обоснование"]
    row = next(r for r in rows[1:] if r.cells[1].text.startswith("статья 126-1"))
    assert [c.text for c in row.cells[4:]] == ["Депутат А.", "Принять", "Рекомендация R5"]
    html = tmp_path / "stage.html"
    assert CliRunner().invoke(main, ["redline", str(old), str(new), "-o", str(html), "--annotations",
                                     str(notes)]).exit_code == 0
    text = html.read_text(encoding="utf-8")
    assert '<th scope="col">Решение комитета</th>' in text and '<td class="extra">Принять</td>' in text
    bad = tmp_path / "bad.yaml"
    bad.write_text("columns: [A]\nart_1: {cells: {B: x}}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["table", str(old), str(new), "-o", str(tmp_path / "x.docx"),
                                       "--annotations", str(bad)])
    assert result.exit_code == 2 and "columns" in result.output and not (tmp_path / "x.docx").exists()
