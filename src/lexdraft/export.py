"""``Document`` → structured legal text (the importer's input format) or JSON.

``document_to_text`` is the inverse of ``importer.text_to_document``: importing its output gives the same units
again, and for the corpus texts it reproduces the original file modulo whitespace (tests/test_export.py). Layout:
a blank line before each chapter, article, numbered paragraph, recital and preamble line; points one per line,
each deeper level indented 4 spaces; the front matter (YAML) carries the metadata and, as a comment, the
provenance warning of a non-official text.
"""

from __future__ import annotations

import json

import yaml

from .importer import PREAMBLE_WORD, has_flat_article_ids, is_heading_text  # the importer's rules decide how text is read back
from .model import Document, Unit

CONTAINERS = ("book", "tome", "part", "subpart", "title", "subtitle", "chapter", "subchapter", "division",
              "subdivision")
JSON_FORMAT = "lexdraft-export/1"


def _join(num: str, text: str) -> str:
    """``1.`` + text → ``1. text``; Chinese full-width numbers (``（一）``, ``一、``) take no space."""
    if not num:
        return text
    if not text:
        return num
    return f"{num}{text}" if num.endswith(("）", "、")) else f"{num} {text}"


def _provision_head(unit: Unit) -> list[list[str]]:
    """Blocks for an article/section heading line(s) and its own text."""
    lines = unit.text.split("\n") if unit.text else []
    inline = unit.num.endswith((".", "条"))
    if unit.heading:
        head = [_join(unit.num, unit.heading)] if inline or not unit.num else [unit.num, unit.heading]
        return [head] + ([lines] if lines else [])
    if lines and inline and not is_heading_text(lines[0]):
        return [[_join(unit.num, lines[0])] + lines[1:]]
    if lines and not is_heading_text(lines[0]):
        return [[unit.num] + lines]
    return [[unit.num]] + ([lines] if lines else [])


def _blocks(unit: Unit, point_depth: int = 0) -> list[list[str]]:
    """The unit as blocks of lines (blocks are separated by a blank line)."""
    kind = unit.kind
    lines = unit.text.split("\n") if unit.text else []
    if kind == "point":
        pad = "    " * point_depth
        blocks = [[pad + _join(unit.num, lines[0] if lines else "")] + [pad + x for x in lines[1:]]]
    elif kind == "subparagraph" or (kind == "paragraph" and not unit.num and not unit.heading):
        blocks = [lines] if lines else []
    elif kind in CONTAINERS or (kind == "section" and unit.heading and not unit.text):
        blocks = [[_join(unit.num, unit.heading) or kind]] + ([lines] if lines else [])
    elif kind in ("article", "section", "rule", "clause", "regulation", "transitional"):
        blocks = _provision_head(unit)
    elif kind == "paragraph":
        blocks = [[_join(unit.num, lines[0] if lines else "")] + lines[1:]]
    elif kind == "preamble":
        blocks = [[line] for line in lines]
    elif kind == "recital":
        blocks = [[_join(unit.num, lines[0] if lines else "")] + lines[1:]]
    else:  # omission and other hcontainers: their text (e.g. "[…]") as a block
        head = [x for x in (_join(unit.num, unit.heading),) if x]
        blocks = [head + lines] if head or lines else []
    for child in unit.children:
        child_depth = point_depth + 1 if kind == "point" else point_depth
        child_blocks = _blocks(child, child_depth)
        if child.kind in ("point", "subparagraph") and blocks:
            # points and unnumbered subparagraphs continue the block of their paragraph
            first, *rest = child_blocks or [[]]
            blocks[-1].extend(first)
            blocks.extend(rest)
        else:
            blocks.extend(child_blocks)
    return blocks


def _preamble_only(doc: Document) -> bool:
    """A preamble excerpt whose recitals the importer would not recognise without ``structure: preamble`` (no
    opening formula or "Preamble" line before them), and no body but the empty omission the importer adds."""
    pre = doc.units[0] if doc.units and doc.units[0].kind == "preamble" else None
    body = doc.units[1:] if pre else doc.units
    if pre is None or not pre.children or any(u.kind != "omission" or u.text or u.children for u in body):
        return False
    return not any(line.endswith(",") or PREAMBLE_WORD.match(line) for line in pre.text.split("\n") if line)


def front_matter(doc: Document) -> str:
    """The YAML front matter for ``doc`` (metadata the importer reads back), with the provenance warning."""
    f, p = doc.frbr, doc.provenance
    meta = {"work": f.work, "date": f.date, "language": f.language, "doc_type": f.doc_type or "act"}
    for key, value in (("title", f.title), ("name", f.name), ("status", p.status), ("note", p.note),
                       ("source", p.source)):
        if value:
            meta[key] = value
    if has_flat_article_ids(doc):
        meta["article_ids"] = "flat"
    if _preamble_only(doc):
        meta["structure"] = "preamble"
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    warning = f"# {p.warning}\n" if p.warning else ""
    return f"---\n{warning}{body}---\n"


def document_to_text(doc: Document, with_front_matter: bool = True) -> str:
    """The document in the structured text format (UTF-8 text ending with a newline)."""
    blocks: list[list[str]] = []
    for unit in doc.units:
        blocks.extend(_blocks(unit))
    text = "\n\n".join("\n".join(b) for b in blocks if b) + "\n"
    return (front_matter(doc) + "\n" + text) if with_front_matter else text


def unit_to_dict(unit: Unit) -> dict:
    return {
        "kind": unit.kind, "eid": unit.eid, "num": unit.num, "heading": unit.heading, "text": unit.text,
        "line": unit.line, "notes": list(unit.notes), "children": [unit_to_dict(c) for c in unit.children],
    }


def document_to_json(doc: Document) -> str:
    """The model as JSON (format ``lexdraft-export/1``): FRBR, provenance with its warning, the unit tree."""
    f, p = doc.frbr, doc.provenance
    data = {
        "format": JSON_FORMAT,
        "file": doc.path,
        "dialect": doc.dialect,
        "frbr": {"work": f.work, "expression": f.expression, "manifestation": f.manifestation, "date": f.date,
                 "language": f.language, "country": f.country, "doc_type": f.doc_type, "name": f.name,
                 "title": f.title},
        "provenance": {"status": p.status, "note": p.note, "source": p.source, "warning": p.warning},
        "units": [unit_to_dict(u) for u in doc.units],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
