"""The curated concordance: typed links between draft units and foreign provisions.

A link shows conceptual correspondence, not legal equivalence. Labels follow the framework crosswalks:
Full (the foreign provision covers what the draft unit does), Partial (overlap with material differences),
Complementary (a related provision that addresses the same concern from another angle), Gap (nothing
corresponds: a draft unit without counterpart in a regime, or a foreign provision without counterpart in the draft).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("Full", "Partial", "Complementary", "Gap")


@dataclass(frozen=True)
class Work:
    """A foreign (or comparison) text the concordance links to: a short key for one AKN file."""

    key: str
    path: str  # resolved path of the AKN file
    raw_path: str  # as written in the YAML (relative to the concordance file)
    jurisdiction: str
    citation: str
    line: int


@dataclass(frozen=True)
class DraftUnit:
    """What the concordance says about one draft unit: its main topic (used for per-topic figures)."""

    eid: str
    topic: str
    line: int


@dataclass(frozen=True)
class Link:
    """One row: draft unit -> foreign provision, with a label and a one-line rationale.

    ``draft`` is empty for a foreign provision with no counterpart in the draft; ``eid`` is empty for a draft
    unit with no counterpart in ``work`` (both are Gap rows). ``versions`` limits the row to some drafts.
    """

    draft: str
    work: str
    eid: str
    label: str
    rationale: str
    line: int
    versions: tuple[str, ...] = ()
    citation: str = ""  # "Regulation (EU) 2024/1689 (Artificial Intelligence Act), Article 14 Human oversight"
    text: str = ""  # the foreign provision's text, when its file could be read ("" for Gap rows without eid)

    @property
    def unit(self) -> str:
        """The draft eId (the name the redline's margin looks links up by)."""
        return self.draft


@dataclass
class Concordance:
    path: str
    caveat: str
    drafts: dict[str, str]  # version key -> resolved AKN path
    works: dict[str, Work]
    units: dict[str, DraftUnit]
    links: list[Link] = field(default_factory=list)

    def links_for(self, draft_eid: str) -> list[Link]:
        return [ln for ln in self.links if ln.draft == draft_eid]

    def version_of(self, path: str) -> str | None:
        """The version key of a draft file named in the concordance, if it is one of them."""
        import os

        target = os.path.abspath(path)
        return next((k for k, p in self.drafts.items() if os.path.abspath(p) == target), None)

    def applies(self, link: Link, version: str | None) -> bool:
        return not link.versions or version is None or version in link.versions
