"""Reading Akoma Ntoso safely: one parser for the whole project.

XML is untrusted input. The parser resolves no entities, loads no DTD, touches no network, refuses any
DOCTYPE, and stops at a size limit — with a one-line ``LexdraftError`` naming file and line. Four dialects
share AKN's element vocabulary and are all read into the same model: AKN 3.0 (OASIS), OASIS committee drafts
(``…/3.0/CSDxx``), AKN 2.0 and LegalDocML.de. Only AKN 3.0 can be schema-checked (see ``lexdraft.validate``).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass

from lxml import etree

from .errors import LexdraftError
from .gcpause import paused_gc
from .model import FRBR, Document, Provenance, Unit
from .text import split_footnotes

AKN3_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN2_NS = "http://www.akomantoso.org/2.0"
LDML_DE_PREFIX = "http://Inhaltsdaten.LegalDocML.de/"
LEXDRAFT_NS = "urn:lexdraft:meta:1"  # our proprietary metadata (provenance of an expression)
LEOS_NS = "urn:eu:europa:ec:leos"
# LEOS track changes keep a ghost of moved-away or deleted content ("MOVED to Article 1(-1)"); it is not part of
# the version's text, so it is not read as a unit.
_LEOS_GHOST = frozenset({"move_to", "del"})

MAX_BYTES = 64 * 1024 * 1024  # larger files are refused: real acts are a few MB

DIALECT_NAMES = {
    "akn3": "Akoma Ntoso 3.0 (OASIS)",
    "akn3-csd": "an OASIS committee draft of Akoma Ntoso 3.0",
    "akn2": "Akoma Ntoso 2.0",
    "ldml-de": "LegalDocML.de",
}

# Elements that are structural units (hierarchy + provisions + preamble pieces).
UNIT_TAGS = frozenset(
    """book tome part subpart title subtitle chapter subchapter section subsection division subdivision level
    article paragraph subparagraph point indent alinea clause subclause rule subrule proviso transitional
    hcontainer recital citation list_item""".split()
)
# Elements whose content is not the unit's own text.
SKIP_TAGS = frozenset("num heading subheading meta authorialNote footnote noteRef eol eop".split())
NOTE_TAGS = frozenset({"authorialNote", "footnote"})
# Structures quoted by an amending provision (<mod>): their units belong to the amended act, so they are read
# as the quoting unit's text, never as its sub-units.
QUOTED_TAGS = frozenset({"quotedStructure", "embeddedStructure"})
BLOCK_TAGS = frozenset(
    """p block blockList item listIntroduction listWrapUp intro wrapUp content tblock toc tocItem tr th td
    li ul ol table blockContainer formula crossHeading longTitle container""".split()
)
DOC_TAGS = (
    "act", "bill", "amendment", "amendmentList", "doc", "statement", "portion", "documentCollection",
    "officialGazette", "debate", "debateReport", "judgment",
)
BODY_TAGS = (
    "body", "mainBody", "amendmentBody", "debateBody", "judgmentBody", "collectionBody", "portionBody",
)


@dataclass
class ParsedXml:
    """A parsed file: its tree, dialect and raw bytes' hash."""

    path: str
    tree: etree._ElementTree
    dialect: str
    namespace: str
    sha256: str


def make_parser(recover: bool = False) -> etree.XMLParser:
    """The project's only XML parser configuration: nothing is resolved, loaded or fetched."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,  # duplicate xml:id must be a finding, not a refusal to read
        remove_blank_text=False,
        recover=recover,
    )


def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file with the size limit; errors are one-line ``LexdraftError``s."""
    try:
        if os.path.isdir(path):
            raise LexdraftError("is a directory, not an XML file", path)
        size = os.path.getsize(path)
        if size > max_bytes:
            raise LexdraftError(
                f"file is {size / 1048576:.0f} MB, over the {max_bytes / 1048576:.0f} MB limit for one document", path
            )
        if size == 0:
            raise LexdraftError("file is empty", path)
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise LexdraftError(exc.strerror or str(exc), path) from None


_DOCTYPE_REFUSED = "DOCTYPE declarations are refused (entities and DTDs are a security risk in untrusted XML)"
# An 8-bit encoded prolog (XML declaration, comments, PIs) followed by <!DOCTYPE; other encodings are caught
# after parsing by the docinfo check.
_PROLOG_DOCTYPE = re.compile(rb"(?:\s|<\?.*?\?>|<!--.*?-->)*+<!DOCTYPE", re.S)  # possessive: no backtracking


def parse_bytes(data: bytes, path: str = "<input>", recover: bool = False) -> ParsedXml:
    """Parse untrusted bytes into a tree and detect the dialect."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LexdraftError("not an XML file (binary content)", path, 1)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] != b"<":
        raise LexdraftError("not an XML file (does not start with '<')", path, 1)
    doctype = _PROLOG_DOCTYPE.match(data, len(data) - len(data.lstrip(b"\xef\xbb\xbf \t\r\n")))
    if doctype:  # refused before libxml2 sees it: no entity (bomb, XXE) or external DTD is ever looked at
        raise LexdraftError(_DOCTYPE_REFUSED, path, data[: doctype.end()].count(b"\n") + 1)
    try:
        root = etree.fromstring(data, make_parser(recover))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if getattr(exc, "lineno", None) else None
        msg = re.sub(r"\s*\(<string>, line \d+\)|, line \d+, column \d+", "", str(exc.msg or exc))
        raise LexdraftError(f"malformed XML: {msg}", path, line) from None
    if root is None:
        raise LexdraftError("malformed XML: no root element", path, 1)
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise LexdraftError(_DOCTYPE_REFUSED, path, 1)
    dialect, ns = detect_dialect(root, path)
    return ParsedXml(path, tree, dialect, ns, hashlib.sha256(data).hexdigest())


def read_xml(path: str, max_bytes: int = MAX_BYTES, recover: bool = False) -> ParsedXml:
    """Read and parse one AKN file safely."""
    return parse_bytes(read_bytes(path, max_bytes), path, recover)


def detect_dialect(root: etree._Element, path: str = "<input>") -> tuple[str, str]:
    """(dialect, namespace) of an AKN root; a plain one-line error for anything that is not AKN."""
    if not isinstance(root.tag, str):
        raise LexdraftError("not an Akoma Ntoso document (no element root)", path, 1)
    qname = etree.QName(root)
    ns = qname.namespace or ""
    if qname.localname != "akomaNtoso":
        raise LexdraftError(
            f"not an Akoma Ntoso document: root element is <{qname.localname}>"
            + (f" in namespace {ns}" if ns else " (no namespace)"),
            path, root.sourceline,
        )
    if ns == AKN3_NS:
        return "akn3", ns
    if ns.startswith(AKN3_NS + "/CSD") or ns.startswith(AKN3_NS + "/WD"):
        return "akn3-csd", ns
    if ns == AKN2_NS:
        return "akn2", ns
    if ns.startswith(LDML_DE_PREFIX):
        return "ldml-de", ns
    raise LexdraftError(
        f"unsupported Akoma Ntoso namespace {ns or '(none)'}; lexdraft reads AKN 3.0, its OASIS drafts, "
        "AKN 2.0 and LegalDocML.de",
        path, root.sourceline,
    )


def local(el: etree._Element) -> str:
    """Local name of an element ('' for comments and processing instructions)."""
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""  # = QName(el).localname, 5x faster


def _child(el: etree._Element, name: str) -> etree._Element | None:
    for c in el:
        if local(c) == name:
            return c
    return None


def _find(el: etree._Element, name: str) -> etree._Element | None:
    # "{*}name" matches the local name in any namespace or none, in C (= the first c in el.iter() with
    # local(c) == name): a search through a whole code for an element that is not there costs no Python loop
    return next(el.iter("{*}" + name), None)


def _any(tags) -> tuple:
    """lxml tag filters matching these local names in any namespace."""
    return tuple("{*}" + t for t in sorted(tags))


# Below these, an element's text is more than its text nodes joined in order (lxml's itertext): notes set aside,
# and entity references, left to the general path.
_NOT_INLINE = _any(NOTE_TAGS) + (etree.Entity,)
_TEXT_ONLY = ("num", "heading", "subheading")  # read as text where they are not the unit's own
_LEOS_SOFTACTION = f"{{{LEOS_NS}}}softaction"


def inline_text(el: etree._Element) -> str:
    """All text inside an element (num, heading…), notes excluded, whitespace collapsed."""
    if local(el) in NOTE_TAGS:
        return ""
    if not len(el):
        return " ".join(el.text.split()) if el.text else ""
    if next(el.iterdescendants(*_NOT_INLINE), None) is None:
        return " ".join("".join(el.itertext()).split())
    parts: list[str] = []
    _inline_parts(el, parts)
    return " ".join("".join(parts).split())


def _inline_parts(e: etree._Element, parts: list[str]) -> None:
    if local(e) in NOTE_TAGS:
        return
    if e.text:
        parts.append(e.text)
    for c in e:
        if isinstance(c.tag, str):
            _inline_parts(c, parts)
        if c.tail:
            parts.append(c.tail)


def _own_paragraphs(el: etree._Element, notes: list[str], units: list[etree._Element] | None = None) -> list[str]:
    """The unit's own text as a list of paragraphs, stopping at child units and leaving out num/heading.

    With ``units``, the same walk also collects the unit's sub-unit elements (what ``_unit_children`` finds),
    so each element is visited once.
    """
    return _walk_own_text(el, local(el), notes, units).paras


def _walk_own_text(el: etree._Element, name: str, notes: list[str], units: list[etree._Element] | None) -> "_OwnText":
    walk = _OwnText(notes, units)
    walk.rec(el, name, True, False, units is not None)
    walk.flush()
    return walk


class _OwnText:
    """The state of one ``_own_paragraphs`` walk. A class rather than nested functions: a nested recursive
    function is a reference cycle, garbage left for the cyclic collector once per unit read."""

    __slots__ = ("paras", "current", "notes", "units", "num", "heading")

    def __init__(self, notes: list[str], units: list[etree._Element] | None) -> None:
        self.paras: list[str] = []
        self.current: list[str] = []
        self.notes = notes
        self.units = units
        self.num: etree._Element | None = None  # the unit's first <num> and <heading> children, met on the way
        self.heading: etree._Element | None = None

    def flush(self) -> None:
        current = self.current
        if current:
            text = " ".join("".join(current).split())
            if text:
                self.paras.append(text)
            current.clear()

    def rec(self, e: etree._Element, name: str, top: bool, quoted: bool, collect: bool) -> None:
        quoted = quoted or name in QUOTED_TAGS
        if name in NOTE_TAGS:
            note = " ".join("".join(e.itertext()).split())
            if note:
                self.notes.append(note)
            return
        current = self.current
        block = name in BLOCK_TAGS or (quoted and name in UNIT_TAGS)
        if block and current:
            self.flush()
        if not top and not len(e):  # a leaf (most <p>): its text alone
            if block:  # a paragraph of its own (= append, then flush)
                if e.text:
                    text = " ".join(e.text.split())
                    if text:
                        self.paras.append(text)
            elif e.text:
                current.append(e.text)
            return
        if e.text and not top:
            current.append(e.text)
        for c in e:
            tag = c.tag
            cname = tag.rpartition("}")[2] if isinstance(tag, str) else ""  # = local(c)
            if not cname:  # comment / PI
                pass
            elif cname in NOTE_TAGS:
                self.rec(c, cname, False, False, False)  # set aside into ``notes``, never part of the text
            elif cname in UNIT_TAGS and not quoted:
                if current:
                    self.flush()
                if collect and c.get(_LEOS_SOFTACTION) not in _LEOS_GHOST:
                    self.units.append(c)  # type: ignore[union-attr]
            elif top and cname in SKIP_TAGS:
                if cname == "num":
                    if self.num is None:
                        self.num = c
                elif cname == "heading":
                    if self.heading is None:
                        self.heading = c
                elif collect and len(c) and cname not in _TEXT_ONLY and cname != "meta":
                    self.units.extend(_unit_children(c))  # type: ignore[union-attr]  # noteRef, eol, eop: looked through
            elif cname in _TEXT_ONLY and not top:
                self.rec(c, cname, False, quoted, False)  # e.g. a <num> inside a table, list item or quoted structure is text
            elif cname in SKIP_TAGS:
                if collect and len(c) and cname not in _TEXT_ONLY and cname != "meta":
                    self.units.extend(_unit_children(c))  # type: ignore[union-attr]
            else:
                self.rec(c, cname, False, quoted, collect and not quoted and cname not in QUOTED_TAGS)
            if c.tail and not (top and not current and not c.tail.strip()):
                current.append(c.tail)
        if block and current:
            self.flush()


def _unit_children(el: etree._Element) -> list[etree._Element]:
    """Unit elements below ``el`` reached without passing through another unit (looks through list, content…)."""
    found: list[etree._Element] = []
    stack = list(reversed([c for c in el]))
    while stack:
        c = stack.pop()
        name = local(c)
        if not name or name in NOTE_TAGS or name in QUOTED_TAGS or name in ("num", "heading", "subheading", "meta"):
            continue  # units quoted by an amending provision are its text, not its sub-units
        if name in UNIT_TAGS:
            if c.get(f"{{{LEOS_NS}}}softaction") not in _LEOS_GHOST:
                found.append(c)
        else:
            stack.extend(reversed([x for x in c]))
    return found


def _unit_id(el: etree._Element) -> str:
    return el.get("eId") or el.get("id") or el.get("{http://www.w3.org/XML/1998/namespace}id") or ""


def build_unit(el: etree._Element) -> Unit:
    """A ``Unit`` for one unit element, with its children."""
    notes: list[str] = []
    sub: list[etree._Element] = []
    kind = local(el)
    whole = kind in NOTE_TAGS or kind in QUOTED_TAGS  # read whole as text (or a note), but its sub-units still count
    walk = _walk_own_text(el, kind, notes, None if whole else sub)
    num_el, head_el = walk.num, walk.heading
    if whole:
        num_el, head_el, sub = _child(el, "num"), _child(el, "heading"), _unit_children(el)
    paras, footnotes = split_footnotes(walk.paras)
    if kind == "hcontainer" and el.get("name"):
        kind = el.get("name") or kind
    return Unit(
        kind=kind,
        eid=_unit_id(el),
        wid=el.get("wId") or "",
        num=inline_text(num_el) if num_el is not None else "",
        heading=inline_text(head_el) if head_el is not None else "",
        text="\n".join(paras),
        children=[build_unit(c) for c in sub],
        line=el.sourceline,
        notes=notes + footnotes,
    )


def _frbr(doc_el: etree._Element) -> FRBR:
    ident = _find(doc_el, "identification")

    def value(block: str, name: str, attr: str = "value") -> str:
        b = _find(ident, block) if ident is not None else None
        e = _child(b, name) if b is not None else None
        return (e.get(attr) or "") if e is not None else ""

    title_el = _find(doc_el, "docTitle")
    if title_el is None:
        title_el = _find(doc_el, "shortTitle")
    if title_el is None:
        alias = _find(ident, "FRBRalias") if ident is not None else None
        title = alias.get("value", "") if alias is not None else ""
    else:
        title = inline_text(title_el)
    return FRBR(
        work=value("FRBRWork", "FRBRthis") or value("FRBRWork", "FRBRuri"),
        expression=value("FRBRExpression", "FRBRthis") or value("FRBRExpression", "FRBRuri"),
        manifestation=value("FRBRManifestation", "FRBRthis") or value("FRBRManifestation", "FRBRuri"),
        date=value("FRBRExpression", "FRBRdate", "date"),
        language=value("FRBRExpression", "FRBRlanguage", "language"),
        country=value("FRBRWork", "FRBRcountry"),
        doc_type=local(doc_el),
        name=doc_el.get("name") or "",
        title=title,
    )


def _provenance(doc_el: etree._Element) -> Provenance:
    el = next(doc_el.iter(f"{{{LEXDRAFT_NS}}}provenance"), None)
    if el is None:
        return Provenance()
    return Provenance(status=el.get("status", "official"), note=el.get("note", ""), source=el.get("source", ""))


def _body_units(doc_el: etree._Element) -> list[Unit]:
    """Units of a document's body; a collection's embedded documents contribute theirs in order."""
    body = next((c for c in doc_el if local(c) in BODY_TAGS), None)
    if body is None:
        return []
    if local(body) != "collectionBody":
        return [build_unit(c) for c in _unit_children(body)]
    # Embedded documents may sit in the collection body or in a sibling <components> block (AKN 3.0 places
    # the referenced documents there); take every embedded document's body in order.
    units: list[Unit] = []
    holder = doc_el.getparent() if doc_el.getparent() is not None else doc_el
    for inner in holder.iter():
        if local(inner) in DOC_TAGS and inner is not doc_el:
            units.extend(_body_units(inner))
    return units


@paused_gc()
def document_from_xml(parsed: ParsedXml) -> Document:
    """Build the model from a parsed file (any supported dialect)."""
    root = parsed.tree.getroot()
    doc_el = next((c for c in root if local(c) in DOC_TAGS), None)
    if doc_el is None:
        doc_el = next((c for c in root if local(c)), None)
    if doc_el is None:
        raise LexdraftError("Akoma Ntoso root holds no document element", parsed.path, root.sourceline)
    units: list[Unit] = []
    preamble = _child(doc_el, "preamble")
    if preamble is not None:
        pre = build_unit(preamble)
        pre.kind = "preamble"
        if pre.children or pre.text:
            units.append(pre)
    units.extend(_body_units(doc_el))
    return Document(
        path=parsed.path,
        dialect=parsed.dialect,
        frbr=_frbr(doc_el),
        units=units,
        sha256=parsed.sha256,
        provenance=_provenance(doc_el),
    )


def load(path: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read an AKN file into a ``Document``: the one entry point every command uses."""
    return document_from_xml(read_xml(path, max_bytes))
