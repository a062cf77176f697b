"""Both versions' provisions rebuilt from a ChangeSet alone — the proof that the diff (and its JSON) lost nothing.

Rules (docs/diff.md, "Rebuilding the texts"): a unit's heading and text are its side of ``heading_ops`` and
``ops``; its number is its ``UnitRef.num``; its sub-units are its children's units on that side, in ``index``
order, skipping children placed ``"to"`` (old side) or ``"from"`` (new side). A split gives its old unit from its
first piece and one new unit per piece; a merge the reverse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Unit
from .model import Change, ChangeSet


@dataclass
class Rebuilt:
    """A unit as the ChangeSet records it: enough to compare with the original document."""

    num: str
    heading: str
    text: str
    children: list["Rebuilt"] = field(default_factory=list)


def _side_text(ops, side: str) -> str:
    skip = "+" if side == "old" else "-"
    return "".join(o.text for o in ops if o.op != skip)


def side_units(change: Change, side: str) -> list[tuple[int, Rebuilt]]:
    """(index, unit) of every unit this change contributes to one side."""
    refs = change.old if side == "old" else change.new
    if not refs:
        return []
    if change.kind in ("split", "merged"):
        group_side = "old" if change.kind == "split" else "new"
        parts = change.children[:1] if side == group_side else change.children
        return [u for part in parts for u in side_units(part, side)]
    ref = refs[0]
    skip = "to" if side == "old" else "from"
    kids = sorted(
        (u for c in change.children if c.placement != skip for u in side_units(c, side)), key=lambda x: x[0]
    )
    return [(ref.index, Rebuilt(ref.num, _side_text(change.heading_ops, side), _side_text(change.ops, side),
                                [u for _, u in kids]))]


def rebuild(cs: ChangeSet | list[Change], side: str) -> list[Rebuilt]:
    """The top-level provisions of the ``"old"`` or ``"new"`` version, in that version's order."""
    if side not in ("old", "new"):
        raise ValueError("side must be 'old' or 'new'")
    changes = cs.changes if isinstance(cs, ChangeSet) else cs
    return [u for _, u in sorted((x for c in changes for x in side_units(c, side)), key=lambda x: x[0])]


def snapshot(u: Unit) -> Rebuilt:
    """The same shape taken from a document unit, to compare with what was rebuilt."""
    return Rebuilt(u.num, u.heading, u.text, [snapshot(c) for c in u.children])


def without_wrappers(r: Rebuilt) -> Rebuilt:
    """The tree with wrapper sub-units lifted (see ``diff._is_wrapper``): the one normalisation the diff applies
    to structure, when only one markup wraps a unit's text in an unnumbered sub-unit."""
    kids = [without_wrappers(c) for c in r.children]
    if not r.text and len(kids) == 1 and not kids[0].heading and (not kids[0].num or kids[0].num.strip() == r.num.strip()):
        return Rebuilt(r.num, r.heading, kids[0].text, kids[0].children)
    return Rebuilt(r.num, r.heading, r.text, kids)
