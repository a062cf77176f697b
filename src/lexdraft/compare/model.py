"""The ChangeSet: what changed between two versions, as a plain serialisable model.

This is the contract between diffing (``lexdraft.compare``) and everything downstream (render, amend,
history). Word operations hold the *original* text (not the normalised one), so both versions of every
provision can be rebuilt exactly: old = the ``=`` and ``-`` ops joined, new = the ``=`` and ``+`` ops joined.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import FRBR, Provenance

KINDS = (
    "unchanged", "amended", "reworded", "inserted", "repealed", "moved", "renumbered", "split", "merged",
)

OpCode = Literal["=", "+", "-"]

REWORDED_BELOW = 0.5  # word similarity under which an amended unit counts as reworded (mostly new text)


@dataclass(frozen=True)
class WordOp:
    """One run of word tokens: kept (``=``), inserted (``+``) or deleted (``-``)."""

    op: OpCode
    text: str
    cosmetic: bool = False  # the - and + of a pair equal once normalised (quote style, NFC): not a change in wording


@dataclass(frozen=True)
class UnitRef:
    """A unit on one side of a change, as cited."""

    eid: str
    num: str
    heading: str = ""
    kind: str = ""  # article, paragraph, point…
    line: int | None = None
    container: str = ""  # the enclosing chapter/section as displayed ("Глава 19 …"), for grouping and citation
    index: int = -1  # position among its siblings on its side (0-based), so each side's order can be rebuilt


@dataclass
class Change:
    """One aligned pair (or group, for splits and merges) of units and what happened to it.

    ``kinds`` names every applicable kind, primary first: ``("renumbered", "amended")`` is a provision that
    was renumbered and had words changed; ``("unchanged",)`` is identical text at the same number.
    For ``split`` (1 old → n new) and ``merged`` (n old → 1 new), ``children`` holds one ordinary pair per piece
    (``old[0]`` → each new unit, or each old unit → ``new[0]``) and ``ops`` are empty. See docs/diff.md.
    """

    kinds: tuple[str, ...]
    old: list[UnitRef]
    new: list[UnitRef]
    similarity: float = 1.0
    heading_ops: list[WordOp] = field(default_factory=list)
    ops: list[WordOp] = field(default_factory=list)
    children: list["Change"] = field(default_factory=list)
    # "" for an ordinary entry. A sub-unit moved to another parent appears twice, with the same content:
    # "to" at its new place (its old side belongs to another parent) and "from" at its old place (its new side
    # belongs to another parent). Rebuilding a parent's old text skips "to" entries; its new text skips "from".
    placement: str = ""

    @property
    def kind(self) -> str:
        return self.kinds[0]

    @property
    def changed(self) -> bool:
        """True unless the unit and all its sub-units are unchanged."""
        return self.kinds != ("unchanged",) or any(c.changed for c in self.children)


@dataclass(frozen=True)
class Side:
    """One input of a comparison."""

    path: str
    frbr: FRBR
    sha256: str
    provenance: Provenance = field(default_factory=Provenance)


@dataclass
class ChangeSet:
    """Every aligned top-level provision of two versions, unchanged ones included, in the new version's order
    (repealed provisions at their old position), and the containers around them."""

    old: Side
    new: Side
    changes: list[Change]
    level: str = "article"
    # The containers above the provisions (parts, chapters…), paired and compared by number and heading, in the
    # new version's order; their provisions are in ``changes``. Empty for documents without containers.
    containers: list[Change] = field(default_factory=list)
    # The preamble (enacting words, citations, recitals) as one change whose children are its aligned recitals
    # and citations; empty when neither version has one.
    preamble: list[Change] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """Count of top-level changes per primary kind (all kinds present, zeros included)."""
        counts = {k: 0 for k in KINDS}
        for c in self.changes:
            counts[c.kind] += 1
        return counts

    @property
    def has_changes(self) -> bool:
        """True if any provision, container or the preamble changed (a renamed chapter is a textual change)."""
        return any(c.changed for c in (*self.changes, *self.containers, *self.preamble))
