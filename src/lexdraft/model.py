"""The light document model every feature works on: FRBR identity and a tree of units.

Built from AKN by ``lexdraft.akn.load``; immutable in spirit (features derive new objects rather than edit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from .numbering import label as num_label
from .text import normalize

# Kinds that hold provisions (containers) and kinds that are provisions.
CONTAINER_KINDS = (
    "book", "tome", "part", "subpart", "title", "subtitle", "chapter", "subchapter", "section",
    "subsection", "division", "subdivision", "level", "hcontainer", "preamble", "recitals",
)
PROVISION_KINDS = ("article", "section", "rule", "clause", "regulation", "transitional")


@dataclass(frozen=True)
class Provenance:
    """Where a text comes from and how far it can be trusted.

    ``status`` is one of ``official``, ``excerpt`` (real text, incomplete), ``unofficial-translation``,
    ``machine-translation``, ``quotation`` (known only through a study quoting it), ``illustrative``
    (built by lexdraft from descriptions: never to be shown without saying so).
    """

    status: str = "official"
    note: str = ""
    source: str = ""

    @property
    def is_illustrative(self) -> bool:
        return self.status == "illustrative"

    @property
    def warning(self) -> str:
        """A visible line for every output that shows this text; empty for official texts."""
        if self.status == "official":
            return ""
        label = {
            "illustrative": "ILLUSTRATIVE RECONSTRUCTION — not the official text",
            "excerpt": "Excerpt — the text is incomplete",
            "unofficial-translation": "Unofficial translation — not an authentic text",
            "machine-translation": "Machine translation — not an authentic text",
            "quotation": "Quoted from a secondary study — not the official text",
        }.get(self.status, self.status)
        return f"{label}. {self.note}".strip()


@dataclass(frozen=True)
class FRBR:
    """FRBR identity of one expression (a version of a work in one language at one date)."""

    work: str = ""
    expression: str = ""
    manifestation: str = ""
    date: str = ""  # expression date, ISO (may be year-only in real feeds)
    language: str = ""  # as written in the file: "rus", "kaz", "en", "eng"…
    country: str = ""
    doc_type: str = ""  # act, bill, amendment, doc…
    name: str = ""  # @name of the document element
    title: str = ""  # docTitle / shortTitle when present


@dataclass
class Unit:
    """One structural unit (chapter, article, paragraph, point…).

    ``text`` is the unit's own text as displayed (intro, content and wrap-up, paragraphs joined by newlines),
    without its children; ``notes`` holds consolidation footnotes and authorial notes set aside from comparison.
    """

    kind: str
    eid: str = ""
    wid: str = ""
    num: str = ""
    heading: str = ""
    text: str = ""
    children: list["Unit"] = field(default_factory=list)
    line: int | None = None
    notes: list[str] = field(default_factory=list)

    @cached_property
    def label(self) -> str:
        """The bare number (``"17-1"``), or ``""`` for unnumbered units."""
        return num_label(self.num)

    @cached_property
    def norm(self) -> str:
        """Own text normalised for comparison."""
        return normalize(self.text)

    @cached_property
    def norm_heading(self) -> str:
        return normalize(self.heading)

    @cached_property
    def full_text(self) -> str:
        """Own text and all descendants' text, with their numbers and headings, for display and search."""
        parts = [self.text] if self.text else []
        for u in self.walk():
            if u is not self:
                line = " ".join(x for x in (u.num, u.heading, u.text) if x)
                if line:
                    parts.append(line)
        return "\n".join(parts)

    @cached_property
    def full_norm(self) -> str:
        """The whole provision (heading, text and all descendants, with numbers) normalised."""
        return normalize(" ".join([self.heading, self.full_text]))

    def walk(self) -> Iterator["Unit"]:
        """This unit and its descendants, depth first in document order."""
        stack = [self]
        while stack:
            u = stack.pop()
            yield u
            stack.extend(reversed(u.children))

    def display_name(self) -> str:
        return " ".join(x for x in (self.num, self.heading) if x) or self.kind


@dataclass
class Document:
    """One AKN expression as read from a file."""

    path: str
    dialect: str  # "akn3", "akn2", "akn3-csd", "ldml-de"
    frbr: FRBR
    units: list[Unit]  # top-level units of the body (and the preamble, if any, first)
    sha256: str = ""
    provenance: Provenance = field(default_factory=Provenance)

    def walk(self) -> Iterator[Unit]:
        for u in self.units:
            yield from u.walk()

    def provisions(self) -> list[Unit]:
        """The units a diff pairs at the top level: articles, or sections/rules/clauses where there are none.

        Containers (parts, chapters) are looked through; the kind chosen is the highest-ranking provision kind
        present, so an act of sections nested in parts yields its sections.
        """
        present = {u.kind for u in self.walk()}
        for kind in PROVISION_KINDS:
            if kind in present:
                return [u for u in _top_of_kind(self.units, kind)]
        # No provision kinds at all: the body's own top units (e.g. a doc made of paragraphs).
        return [u for u in self.units if u.kind != "preamble"]

    def preamble(self) -> Unit | None:
        """The preamble (enacting words, citations, recitals), which the body's provisions do not include."""
        return next((u for u in self.units if u.kind == "preamble"), None)

    def find(self, eid: str) -> Unit | None:
        return next((u for u in self.walk() if u.eid == eid), None)


def _top_of_kind(units: list[Unit], kind: str) -> Iterator[Unit]:
    """Units of ``kind`` not nested inside another unit of that kind, in document order."""
    for u in units:
        if u.kind == kind:
            yield u
        else:
            yield from _top_of_kind(u.children, kind)


def ancestors(doc: Document, unit: Unit) -> list[Unit]:
    """The containers above ``unit``, outermost first (e.g. [chapter 19] for article 125)."""
    def search(units: list[Unit], trail: list[Unit]) -> list[Unit] | None:
        for u in units:
            if u is unit:
                return trail
            found = search(u.children, trail + [u])
            if found is not None:
                return found
        return None

    return search(doc.units, []) or []
