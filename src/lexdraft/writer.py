"""Writing the model back to Akoma Ntoso 3.0: ``document_to_akn(doc) -> bytes``.

The one serialiser of the project: the importer, the EU AI Act normaliser and the amend/apply helpers all build
a ``Document`` and call ``document_to_akn``. The output passes the strict OASIS XSD and reads back with
``akn.load`` into the same units (kind, num, heading, text, children).

How the model maps to AKN:
- ``doc.frbr``: work URI (``/akn/kz/act/code/2024/digital-code``), expression = work + ``/rus@2024-04-01``,
  manifestation = expression + ``/!main.xml``; the FRBR dates are the expression date (the output stays
  deterministic: same model → same bytes); lexdraft is the manifestation author.
- ``doc.provenance`` → ``<proprietary source="#lexdraft"><ld:provenance status note source/></proprietary>``.
- A top-level unit of kind ``preamble`` → ``<preamble>``: its text lines as ``<p>``, its children as
  ``<recitals><recital>``. Every other top-level unit goes into ``<body>``.
- A unit's kind is its element name when AKN has one (chapter, article, paragraph, point, subparagraph…);
  other kinds become ``<hcontainer name="kind">``.
- A unit without children: ``<content>`` with one ``<p>`` per text line. With children: its text lines in
  ``<intro>``, then the children. Text after the children is a child of its own (an unnumbered
  ``subparagraph``), which keeps the reading order without ``wrapUp`` ambiguity.
- eIds follow the AKN naming convention from the hierarchy: ``chp_19__art_125__para_2__point_3``; inserted
  numbers keep their hyphen (``art_126-1``); unnumbered units count among their unnumbered siblings of the same
  kind (``subpara_1``); a repeated number (a source defect such as two points ``(1)``) gets ``_2``, ``_3``.
"""

from __future__ import annotations

import re

from lxml import etree

from .akn import AKN3_NS, LEXDRAFT_NS
from .model import Document, Unit
from .numbering import label as num_label

# AKN hierarchical elements the model's kinds map to directly (anything else becomes an hcontainer).
HIER_ELEMENTS = frozenset(
    """alinea article book chapter clause division indent level list paragraph part point proviso rule section
    subchapter subclause subdivision subparagraph subpart subrule subsection subtitle title tome transitional""".split()
)
# eId prefixes of the AKN naming convention.
EID_PREFIX = {
    "alinea": "al", "article": "art", "book": "book", "chapter": "chp", "clause": "cl", "division": "dvs",
    "indent": "indent", "level": "lvl", "list": "list", "paragraph": "para", "part": "part", "point": "point",
    "proviso": "prv", "rule": "rule", "section": "sec", "subchapter": "subchp", "subclause": "subcl",
    "subdivision": "subdvs", "subparagraph": "subpara", "subpart": "subpart", "subrule": "subrule",
    "subsection": "subsec", "subtitle": "subtitle", "title": "title", "tome": "tome", "transitional": "trans",
    "recital": "rec", "hcontainer": "hcontainer",
}
SOFTWARE = "lexdraft"
# The body element of each document type the writer produces (act and bill: body; doc: mainBody).
BODY_ELEMENT = {"act": "body", "bill": "body", "doc": "mainBody"}


def _q(name: str) -> str:
    return f"{{{AKN3_NS}}}{name}"


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, _q(tag), attrs)


def expression_uri(work: str, language: str, date: str) -> str:
    """``/akn/kz/act/code/2024/digital-code`` + ``rus`` + ``2024-04-01`` → ``…/digital-code/rus@2024-04-01``."""
    return f"{work.rstrip('/')}/{language}@{date}"


def country_of(work: str) -> str:
    """The country segment of an AKN work URI (``/akn/kz/act/…`` → ``kz``), or ``""``."""
    parts = work.strip("/").split("/")
    return parts[1] if len(parts) > 1 and parts[0] == "akn" else ""


def eid_component(unit: Unit, counters: dict[str, int]) -> str:
    """This unit's part of an eId (``art_126-1``, ``point_a``, ``subpara_1``); ``counters`` numbers the
    unnumbered siblings of each kind in order."""
    kind = unit.kind if unit.kind in EID_PREFIX else "hcontainer"
    prefix = EID_PREFIX[kind]
    lbl = re.sub(r"[^\w.-]", "", num_label(unit.num))  # not the cached Unit.label: nums may be edited; "б" stays
    if not lbl:
        counters[kind] = counters.get(kind, 0) + 1
        lbl = str(counters[kind])
    return f"{prefix}_{lbl}"


def _unique(eid: str, used: set[str]) -> str:
    if eid not in used:
        used.add(eid)
        return eid
    n = 2
    while f"{eid}_{n}" in used:
        n += 1
    used.add(f"{eid}_{n}")
    return f"{eid}_{n}"


def _paragraphs(parent: etree._Element, text: str) -> None:
    lines = [line for line in text.split("\n") if line.strip()] or [""]
    for line in lines:
        _sub(parent, "p").text = line


# Preamble children: unit kind → (group element, group eId, item prefix).
PREAMBLE_GROUPS = {"recital": ("recitals", "recs", "rec"), "citation": ("citations", "cits", "cit")}


def plan_eids(units: list[Unit], flat_articles: bool = False) -> dict[int, str]:
    """The eId of every unit, keyed by ``id(unit)``, computed from the hierarchy as ``document_to_akn`` writes
    them; a preamble group (``<recitals>``, ``<citations>``) opened before a child is keyed by ``-id(child)``.

    ``flat_articles``: articles start their own eIds (``art_5``, not ``chp_2__art_5``), as EU publishers number
    them through the act; ids then stay stable when chapters are renumbered between versions."""
    used: set[str] = set()
    plan: dict[int, str] = {}

    def body(children: list[Unit], prefix: str) -> None:
        counters: dict[str, int] = {}
        for unit in children:
            comp = eid_component(unit, counters)
            base = "" if flat_articles and unit.kind == "article" else prefix
            plan[id(unit)] = eid = _unique(f"{base}__{comp}" if base else comp, used)
            body(unit.children, eid)

    for unit in units:
        if unit.kind != "preamble":
            continue
        group_kind, group_eid, counters = "", "", {}
        for child in unit.children:
            if child.kind not in PREAMBLE_GROUPS:
                raise ValueError(f"a preamble holds recitals and citations, not {child.kind!r}")
            _tag, gid, prefix = PREAMBLE_GROUPS[child.kind]
            if child.kind != group_kind:
                group_kind, group_eid, counters = child.kind, _unique(gid, used), {}
                plan[-id(child)] = group_eid  # the group element opened before this child
            lbl = re.sub(r"[^\w.-]", "", num_label(child.num))
            if not lbl:
                counters[prefix] = counters.get(prefix, 0) + 1
                lbl = str(counters[prefix])
            plan[id(child)] = _unique(f"{group_eid}__{prefix}_{lbl}", used)
    body([u for u in units if u.kind != "preamble"], "")
    return plan


def assign_eids(units: list[Unit], flat_articles: bool = False) -> None:
    """Set ``unit.eid`` on a model to the eIds the writer will give it (the importer's model then matches the file)."""
    plan = plan_eids(units, flat_articles)
    for unit in units:
        for u in unit.walk():
            if id(u) in plan:
                u.eid = plan[id(u)]


def _write_unit(parent: etree._Element, unit: Unit, plan: dict[int, str]) -> None:
    eid = plan[id(unit)]
    if unit.kind in HIER_ELEMENTS:
        el = _sub(parent, unit.kind, eId=eid)
    else:
        el = _sub(parent, "hcontainer", eId=eid, name=unit.kind)
    if unit.num:
        _sub(el, "num").text = unit.num
    if unit.heading:
        _sub(el, "heading").text = unit.heading
    if unit.children:
        if unit.text.strip():
            _paragraphs(_sub(el, "intro"), unit.text)
        for child in unit.children:
            _write_unit(el, child, plan)
    else:
        _paragraphs(_sub(el, "content"), unit.text)


def write_unit(parent: etree._Element, unit: Unit, plan: dict[int, str]) -> None:
    """Append ``unit`` and its children to an lxml element, with eIds from ``plan_eids`` (used by the amendment
    writer for quoted structures). The public name of ``_write_unit``."""
    _write_unit(parent, unit, plan)


def _write_preamble(parent: etree._Element, unit: Unit, plan: dict[int, str]) -> None:
    """Preamble text lines as ``<p>``, then its recitals and citations, each run grouped in its container."""
    pre = _sub(parent, "preamble")
    if unit.text.strip():
        _paragraphs(pre, unit.text)
    group: etree._Element | None = None
    for child in unit.children:
        if -id(child) in plan:
            group = _sub(pre, PREAMBLE_GROUPS[child.kind][0], eId=plan[-id(child)])
        item = _sub(group, child.kind, eId=plan[id(child)])
        if child.num:
            _sub(item, "num").text = child.num
        _paragraphs(item, child.text)
    if not unit.text.strip() and not unit.children:
        _sub(pre, "p")


def _frbr_block(parent: etree._Element, name: str, this: str, date: str, date_name: str, author: str) -> etree._Element:
    block = _sub(parent, name)
    _sub(block, "FRBRthis", value=this)
    _sub(block, "FRBRuri", value=this)
    _sub(block, "FRBRdate", date=date, name=date_name)
    _sub(block, "FRBRauthor", href=author)
    return block


def _meta(doc_el: etree._Element, doc: Document) -> None:
    f = doc.frbr
    work = f.work.rstrip("/")
    expression = f.expression or expression_uri(work, f.language, f.date)
    manifestation = f.manifestation or f"{expression}/!main.xml"
    meta = _sub(doc_el, "meta")
    ident = _sub(meta, "identification", source=f"#{SOFTWARE}")
    w = _frbr_block(ident, "FRBRWork", work, f.date, "work", "#author")
    _sub(w, "FRBRcountry", value=f.country or country_of(work) or "unknown")
    e = _frbr_block(ident, "FRBRExpression", expression, f.date, "expression", "#author")
    _sub(e, "FRBRlanguage", language=f.language)
    _frbr_block(ident, "FRBRManifestation", manifestation, f.date, "generation", f"#{SOFTWARE}")
    refs = _sub(meta, "references", source=f"#{SOFTWARE}")
    _sub(refs, "TLCOrganization", eId=SOFTWARE, href=f"/ontology/organization/{SOFTWARE}", showAs=SOFTWARE)
    _sub(refs, "TLCRole", eId="author", href="/ontology/role/author", showAs="Author")
    prop = _sub(meta, "proprietary", source=f"#{SOFTWARE}")
    p = doc.provenance
    attrs = {"status": p.status}
    if p.note:
        attrs["note"] = p.note
    if p.source:
        attrs["source"] = p.source
    etree.SubElement(prop, f"{{{LEXDRAFT_NS}}}provenance", attrs)


def document_to_akn(doc: Document, flat_articles: bool = False) -> bytes:
    """Serialise ``doc`` as an AKN 3.0 file (UTF-8 bytes with XML declaration, indented, deterministic).

    Needs ``doc.frbr.work``, ``date`` (ISO) and ``language``; ``doc_type`` defaults to ``act`` and ``name`` to
    the last segment of the work URI. ``doc.units`` must hold at least one unit besides a preamble. The caller
    validates the result (``lexdraft import`` does, strictly) — this function never writes files.
    ``flat_articles``: see ``plan_eids`` (used for the EU AI Act, whose article ids are ``art_N``).
    """
    f = doc.frbr
    doc_type = f.doc_type or "act"
    name = f.name or f.work.rstrip("/").rsplit("/", 1)[-1] or doc_type
    root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN3_NS, "ld": LEXDRAFT_NS})
    doc_el = _sub(root, doc_type, name=name)
    _meta(doc_el, doc)
    if f.title:
        preface = _sub(doc_el, "preface")
        _sub(_sub(preface, "p"), "docTitle").text = f.title
    plan = plan_eids(doc.units, flat_articles)
    for unit in doc.units:
        if unit.kind == "preamble":
            _write_preamble(doc_el, unit, plan)
    body = _sub(doc_el, BODY_ELEMENT.get(doc_type, "body"))
    for unit in doc.units:
        if unit.kind != "preamble":
            _write_unit(body, unit, plan)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
