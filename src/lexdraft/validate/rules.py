"""The project's rules on top of the XSD: unique eIds, eIds that match their position, numbering sequences,
internal references that resolve, consistent FRBR identity. See akn/PROFILE.md for the reasoning.

Every rule is a pure function ``(tree or document, path) -> list[Finding]`` on one AKN 3.0 file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree

from ..akn import DOC_TAGS, UNIT_TAGS, local
from ..model import Document, Unit
from ..numbering import label as num_label, roman_value
from .findings import ERROR, WARNING, Finding

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# AKN Naming Convention 1.0 prefixes for the units we check; elements not listed are not checked for type.
EID_PREFIXES: dict[str, tuple[str, ...]] = {
    "article": ("art",), "paragraph": ("para",), "subparagraph": ("subpara",), "point": ("point", "item"),
    "chapter": ("chp",), "subchapter": ("subchp",), "section": ("sec",), "subsection": ("subsec",),
    "part": ("part",), "subpart": ("subpart",), "title": ("title",), "subtitle": ("subtitle",),
    "book": ("book",), "tome": ("tome",), "division": ("dvs",), "subdivision": ("subdvs",),
    "clause": ("cl",), "subclause": ("subcl",), "alinea": ("al",), "indent": ("indent",),
    "recital": ("rec",), "citation": ("cit",), "rule": ("rule",), "subrule": ("subrule",), "proviso": ("proviso",),
}
# Units whose eId may start afresh instead of extending a container's ("art_5" inside "chp_1" is common).
MAY_RESTART = frozenset(
    "article section chapter subchapter part subpart title subtitle book tome division subdivision rule "
    "hcontainer recital citation clause".split()
)
QUOTED = frozenset({"quotedStructure", "embeddedStructure"})
_SEGMENT = r"[A-Za-z][A-Za-z0-9]*(?:_[^_\s]+)?"
CONVENTION = re.compile(rf"^{_SEGMENT}(?:__{_SEGMENT})*$")


def _outside_meta(root: etree._Element) -> Iterator[etree._Element]:
    """Elements of the document text (``<meta>`` holds TLC ids that belong to a different id space)."""
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or local(el) == "meta":
            continue
        yield el
        stack.extend(reversed(list(el)))


def duplicate_ids(tree: etree._ElementTree, path: str, eid_severity: str = ERROR) -> list[Finding]:
    """``eid-unique``: an eId (or LEOS-style xml:id) used twice; reported at each repeat with the first line.

    As in the XSD, eIds are unique within one document element (a collection's embedded documents each
    have their own id space); xml:ids are unique in the whole file (XML's own rule) and always an error.
    ``eid_severity`` is WARNING under ``--lenient``, whose XSD allows repeated eIds.
    """
    found: list[Finding] = []
    xml_ids: dict[str, int | None] = {}

    def visit(el: etree._Element, eids: dict[str, int | None]) -> None:
        for c in el:
            if not isinstance(c.tag, str):
                continue
            for value, seen, name, severity in ((c.get("eId"), eids, "eId", eid_severity),
                                                (c.get(XML_ID), xml_ids, "xml:id", ERROR)):
                if value is None:
                    continue
                if value in seen:
                    where = f"line {seen[value]}" if seen[value] else "earlier"
                    found.append(Finding(path, c.sourceline, "eid-unique", severity,
                                         f"duplicate {name} '{value}' on <{local(c)}> (first used at {where})"))
                else:
                    seen[value] = c.sourceline
            visit(c, {} if local(c) in DOC_TAGS else eids)

    visit(tree.getroot(), {})
    return found


def duplicated_values(findings: list[Finding]) -> frozenset[str]:
    """The id values named in ``eid-unique`` findings (so the XSD's restatement of them can be dropped)."""
    return frozenset(re.search(r"'(.*)' on <", f.message).group(1) for f in findings if f.rule == "eid-unique")


def uses_naming_convention(tree: etree._ElementTree) -> bool:
    """True when the document's unit eIds follow the AKN naming convention (``chp_19__art_125__para_2``):
    at least 90% of the eIds of articles, paragraphs, points… have the convention's shape and name their kind.

    Publishers with their own id schemes (LEOS ``akn_art_B6BGPx``, generated ids) are not checked by
    ``eid-path``: flagging every id of a consistent foreign scheme would be noise, not a finding.
    """
    units = [(local(el), el.get("eId")) for el in _outside_meta(tree.getroot())
             if local(el) in EID_PREFIXES and el.get("eId")]
    if not units:
        return False
    matching = sum(1 for kind, eid in units if CONVENTION.match(eid) and _kind_of_segment(eid) in
                   EID_PREFIXES[kind] + (kind,))
    return matching >= 0.9 * len(units)


def _kind_of_segment(eid: str) -> str:
    return eid.rpartition("__")[2].partition("_")[0]


def _num_of(el: etree._Element) -> str:
    for c in el:
        if local(c) == "num":
            return " ".join("".join(c.itertext()).split())
    return ""


def eid_paths(tree: etree._ElementTree, path: str, severity: str = ERROR, always: bool = True) -> list[Finding]:
    """``eid-path``: a unit's eId extends a container's eId, names its kind and carries its number.

    With ``always`` false (another publisher's document) only documents that use the naming convention are
    checked (see ``uses_naming_convention``); lexdraft's own documents promise the convention, so always.
    """
    if not always and not uses_naming_convention(tree):
        return []
    found: list[Finding] = []

    def add(el: etree._Element, message: str) -> None:
        found.append(Finding(path, el.sourceline, "eid-path", severity, message))

    def visit(el: etree._Element, ancestors: tuple[str, ...], unit: str) -> None:
        for c in el:
            if not isinstance(c.tag, str) or local(c) == "meta":
                continue
            eid = c.get("eId")
            kind = local(c)
            if kind in QUOTED:
                continue  # quoted text of an amendment follows the amended document's ids
            if eid and kind in UNIT_TAGS:
                _check_unit(c, kind, eid, ancestors, unit, add)
            visit(c, ancestors + (eid,) if eid else ancestors, eid if eid and kind in UNIT_TAGS else unit)

    visit(tree.getroot(), (), "")
    return found


def _check_unit(el: etree._Element, kind: str, eid: str, ancestors: tuple[str, ...], unit: str,
                add: Callable[[etree._Element, str], None]) -> None:
    """``unit``: the eId of the nearest enclosing unit ("" at the top of a body)."""
    if not CONVENTION.match(eid):
        add(el, f"eId '{eid}' of <{kind}> does not follow the naming convention (e.g. chp_19__art_125__para_2)")
        return
    prefix, _, segment = eid.rpartition("__")
    if prefix:
        if prefix not in ancestors:
            parent = ancestors[-1] if ancestors else "(none)"
            add(el, f"eId '{eid}' of <{kind}> does not extend the eId of a container (nearest: '{parent}')")
    elif unit and kind not in MAY_RESTART:
        add(el, f"eId '{eid}' of <{kind}> should extend the eId of the unit it is in, '{unit}'")
    name, _, number = segment.partition("_")
    allowed = EID_PREFIXES.get(kind)
    if allowed and name not in allowed and name != kind:
        add(el, f"eId '{eid}' names '{name}' but the element is <{kind}> (expected '{allowed[0]}_…')")
    lbl = number_label(_num_of(el))
    if lbl and number and not _same_number(number, lbl):
        add(el, f"eId '{eid}' says number '{number}' but <num> says '{lbl}'")


def _same_number(number: str, lbl: str) -> bool:
    n = number.lower().replace(".", "-")
    return n == lbl.replace(".", "-") or n.lstrip("0") == lbl.lstrip("0")


def references(tree: etree._ElementTree, path: str, severity: str = ERROR) -> list[Finding]:
    """``ref-resolves``: ``<ref href="#x">`` (and noteRef, rref from/upTo) name an id present in the file."""
    root = tree.getroot()
    ids: set[str] = set()
    for el in root.iter():
        if isinstance(el.tag, str):
            for attr in ("eId", "wId", "GUID", XML_ID, "id"):
                v = el.get(attr)
                if v:
                    ids.add(v)
    found: list[Finding] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        kind = local(el)
        attrs = {"ref": ("href",), "noteRef": ("href",), "rref": ("from", "upTo")}.get(kind, ())
        for attr in attrs:
            target = el.get(attr) or ""
            if target.startswith("#") and target[1:] not in ids:
                found.append(Finding(path, el.sourceline, "ref-resolves", severity,
                                     f"<{kind} {attr}=\"{target}\"> points to no id in this document"))
    return found


def frbr(tree: etree._ElementTree, path: str, severity: str = ERROR) -> list[Finding]:
    """``frbr``: the expression URI extends the work URI; the expression has a language and a date."""
    found: list[Finding] = []
    for ident in tree.getroot().iter("{*}identification"):
        work = _child(ident, "FRBRWork")
        expr = _child(ident, "FRBRExpression")
        if work is None or expr is None:
            continue  # the XSD reports missing FRBR blocks
        for name in ("FRBRthis", "FRBRuri"):
            w, e = _child(work, name), _child(expr, name)
            if w is None or e is None or not w.get("value") or not e.get("value"):
                continue
            wv, ev = w.get("value"), e.get("value")
            if name == "FRBRthis":
                wv = re.sub(r"/![^/]*$", "", wv)  # the work's FRBRthis names a component: /…/!main
            if not ev.startswith(wv.rstrip("/") + "/"):
                found.append(Finding(path, e.sourceline, "frbr", severity,
                                     f"expression {name} '{ev}' does not extend the work's '{wv}'"))
        for name, attr in (("FRBRlanguage", "language"), ("FRBRdate", "date")):
            el = _child(expr, name)
            if el is None or not (el.get(attr) or "").strip():
                where = expr if el is None else el
                what = "has no" if el is None else f"has an empty {attr} in its"
                found.append(Finding(path, where.sourceline, "frbr", severity, f"the expression {what} {name}"))
    return found


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if local(c) == name), None)


# ---- numbering ---------------------------------------------------------------------------------------------

_LATIN_INSERT = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
_LATIN_RE = re.compile(r"(\d+)[\s.-]*(" + "|".join(_LATIN_INSERT) + r")\b", re.IGNORECASE)


def number_label(num: str) -> str:
    """The bare number of a ``<num>``, keeping Latin insertions (Italian/Spanish ``1-bis``) that
    ``numbering.label`` drops."""
    m = _LATIN_RE.search(num or "")
    return f"{m.group(1)}-{m.group(2).lower()}" if m else num_label(num)


def unit_label(unit: Unit) -> str:
    return number_label(unit.num)


def _position(lbl: str, style: str) -> tuple[int, int] | None:
    """(base, insertion) in a sequence of one ``style``: 17 → (17, 0), 17-1 → (17, 1), 5a → (5, 1),
    1-bis → (1, 1), b → (2, 0), iv → (4, 0). None when the label does not fit the style."""
    if style == "number":
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", lbl)
        if m:
            return int(m.group(1)), int(m.group(2) or 0)
        m = re.fullmatch(r"(\d+)([a-z])", lbl)
        if m:
            return int(m.group(1)), ord(m.group(2)) - ord("a") + 1
        m = re.fullmatch(r"(\d+)-([a-z]+)", lbl)
        if m and m.group(2) in _LATIN_INSERT:
            return int(m.group(1)), _LATIN_INSERT.index(m.group(2)) + 1
        return None
    if style == "roman":
        value = roman_value(lbl)
        return (value, 0) if value else None
    if style == "letter" and re.fullmatch(r"[a-z]", lbl):
        return ord(lbl) - ord("a") + 1, 0
    return None


def _style(labels: list[str]) -> str | None:
    """The numbering style of a group of siblings, or None when mixed (then only repeats are checked)."""
    for style in ("number", "letter", "roman"):
        if all(_position(lb, style) is not None for lb in labels):
            if style == "letter" and any(len(lb) > 1 for lb in labels):
                continue
            return style
    return None


def _sequence(units: list[Unit], path: str, what: str, severity: str) -> list[Finding]:
    found: list[Finding] = []
    numbered = [(unit_label(u), u) for u in units if unit_label(u)]
    style = _style([lb for lb, _ in numbered])
    seen: dict[str, Unit] = {}
    prev: tuple[int, int] | None = None
    prev_label = ""
    for lbl, u in numbered:
        if lbl in seen:
            found.append(Finding(path, u.line, "num-sequence", severity,
                                 f"{what} number '{lbl}' repeats (first at line {seen[lbl].line})"))
            continue
        seen[lbl] = u
        pos = _position(lbl, style) if style else None
        if pos is not None and prev is not None:
            (b0, i0), (b1, i1) = prev, pos
            if (b1, i1) < (b0, i0):
                found.append(Finding(path, u.line, "num-sequence", severity,
                                     f"{what} '{lbl}' comes after '{prev_label}': numbers out of order"))
            elif not ((b1 == b0 and i1 == i0 + 1) or (b1 == b0 + 1 and i1 == 0)):
                found.append(Finding(path, u.line, "num-sequence", WARNING,
                                     f"{what} numbering jumps from '{prev_label}' to '{lbl}'"))
        prev, prev_label = pos, lbl
    return found


def _top_articles(units: list[Unit]) -> Iterator[Unit]:
    """Articles not inside another article (quoted articles in an amending act have their own numbers)."""
    for u in units:
        if u.kind == "article":
            yield u
        else:
            yield from _top_articles(u.children)


def numbering(doc: Document, path: str, severity: str = ERROR) -> list[Finding]:
    """``num-sequence``: a repeated or out-of-order number gets ``severity``; a gap is only a warning
    (excerpts and reconstructions skip articles). Kazakh insertions (17, 17-1, 17-2, 18), EU ones (5, 5a, 6) and
    Latin ones (1, 1-bis, 2) continue a sequence.

    Articles are numbered through the whole document, across chapters and sections, as in civil-law codes;
    every other kind is numbered among its siblings of the same kind.
    """
    found: list[Finding] = []
    articles = list(_top_articles(doc.units))
    found += _sequence(articles, path, "article", severity)

    def visit(units: list[Unit]) -> None:
        groups: dict[str, list[Unit]] = {}
        for u in units:
            if u.kind != "article":
                groups.setdefault(u.kind, []).append(u)
        for kind, group in groups.items():
            found.extend(_sequence(group, path, kind, severity))
        for u in units:
            visit(u.children)

    visit(doc.units)
    return found
