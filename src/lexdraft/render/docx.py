"""The comparative table as a Word document, for ministries that exchange Word files.

A4 landscape; the header row repeats on every page and rows do not break across pages; changed words in bold,
deleted words also struck through; "Отсутствует" / "Исключить" for inserted / repealed units; the provenance
warning of a non-official input at the top.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Any

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .. import __version__
from ..compare.model import ChangeSet
from ..model import Document
from . import labels as lb
from .annotations import Annotations
from .html import attachments, document_title, provenance_warnings, ui_language
from .rows import Line, build, is_mark

# Column widths in mm on A4 landscape (297 mm minus 2 × 15 mm margins = 267 mm).
WIDTHS = (12, 40, 85, 85, 45)
EXTRA_WIDTH = 30  # each extra column (from the sidecar) takes this much from the two wording columns


def column_widths(extra: int) -> tuple[int, ...]:
    no, unit, old, new, why = WIDTHS
    cut = extra * EXTRA_WIDTH // 2
    return (no, unit, old - cut, new - cut) + (EXTRA_WIDTH,) * extra + (why,)
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)  # core properties: no wall-clock time, same bytes each run


def _flag(parent, tag: str) -> None:
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    parent.append(el)


def _write_line(paragraph, ln: Line) -> None:
    indent = min(ln.depth, 3)
    if indent:
        paragraph.paragraph_format.left_indent = Mm(3 * indent)
    parts = [(ln.num, True), (ln.heading, True), (ln.text, False)]
    first = True
    for ops, strong in parts:
        if not ops:
            continue
        if not first:
            paragraph.add_run(" ")
        first = False
        for op in ops:
            run = paragraph.add_run(op.text)
            if is_mark(op):
                run.bold = True
                if op.op == "-":
                    run.font.strike = True
            elif strong and ln.depth == 0:
                run.bold = True


def _cell_lines(cell, lines: list[Line], absent: str) -> None:
    cell.paragraphs[0].text = ""
    if not lines:
        run = cell.paragraphs[0].add_run(absent)
        run.italic = True
        return
    for i, ln in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(3)
        _write_line(p, ln)


def render_docx(
    cs: ChangeSet,
    old_doc: Document | None,
    new_doc: Document | None,
    *,
    ui_lang: str | None = None,
    annotations: Any = None,
    generated: str | None = None,
) -> bytes:
    """The comparative table as .docx bytes."""
    lang = ui_language(cs, ui_lang)
    L = lb.labels(lang)
    model = build(cs, old_doc, new_doc, lang)
    notes: Annotations = attachments(annotations, None)

    doc = WordDocument()
    props = doc.core_properties
    props.title = f"{L['title']} — {document_title(cs)}"[:255]  # the OOXML limit for a core property
    props.author = f"lexdraft {__version__}"
    props.created = props.modified = FIXED_DATE
    props.last_modified_by = "lexdraft"
    props.revision = 1
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin = section.bottom_margin = Mm(15)

    for w in provenance_warnings(cs, lang):
        p = doc.add_paragraph()
        run = p.add_run(f"⚠ {w.label}: {w.text}")
        run.bold = True
        run.font.color.rgb = RGBColor(0x8F, 0x1D, 0x1D)
    heading = doc.add_paragraph()
    heading.alignment = 1  # centre
    run = heading.add_run(L["title"])
    run.bold = True
    run.font.size = Pt(14)
    sub = doc.add_paragraph()
    sub.alignment = 1
    sub.add_run(document_title(cs))
    for label, side in ((L["old_version"], cs.old), (L["new_version"], cs.new)):
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        p.add_run(f"{label}: ").bold = True
        p.add_run(f"{side.frbr.work} · {side.frbr.date} · {side.frbr.language} · sha256 {side.sha256[:16]}…")
    meta = doc.add_paragraph()
    meta.add_run(f"lexdraft {__version__}" + (f" · {L['generated']}: {generated}" if generated else "")).italic = True

    extra = notes.columns
    widths = column_widths(len(extra))
    table = doc.add_table(rows=1, cols=5 + len(extra))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _flag(header._tr.get_or_add_trPr(), "w:tblHeader")
    _flag(header._tr.get_or_add_trPr(), "w:cantSplit")
    titles = [L["col_no"], L["col_unit"], L["col_old"], L["col_new"], *extra, L["col_reason"]]
    for cell, title in zip(header.cells, titles):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        cell.paragraphs[0].alignment = 1
    for r in model.rows:
        row = table.add_row()
        _flag(row._tr.get_or_add_trPr(), "w:cantSplit")
        cells = row.cells
        cells[0].paragraphs[0].text = str(r.number)
        cells[0].paragraphs[0].alignment = 1
        cells[1].paragraphs[0].text = r.citation
        kinds = ", ".join(lb.kind_label(k, lang) for k in r.kinds)
        cells[1].add_paragraph().add_run(f"({kinds})").italic = True
        if r.moved_from:
            key = "moved_from" if r.moved_from.anchor else "formerly"
            cells[1].add_paragraph(L[key].replace("{where}", r.moved_from.citation))
        _cell_lines(cells[2], r.old, L["absent"])
        gone = L["moved_to_unit"].replace("{where}", r.moved_to.citation) if r.moved_to else L["delete"]
        _cell_lines(cells[3], r.new, gone)
        for i, column in enumerate(extra):
            cells[4 + i].paragraphs[0].text = notes.cell(r.eid, column)
        why = cells[-1]
        why.paragraphs[0].text = notes.justification(r.eid)
        for c in notes.comments(r.eid):
            who = " — ".join(x for x in (c.author, c.date) if x)
            why.add_paragraph().add_run(c.text + (f" ({who})" if who else "")).italic = True
    for column, width in zip(table.columns, widths):  # the grid (LibreOffice reads it) and every cell (Word)
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Mm(width)
    if not model.rows:
        doc.add_paragraph(L["no_changes"])

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
