"""Applying amendment operations to a base version, all-or-nothing.

Every cited unit is bound in the *base* text first (instruments cite the numbering in force before they
apply), then the operations run in order on a copy. Repealed units stay in place until the end so that
later insertions can still be anchored after them. Any instruction that does not apply (unit missing, words
not found, citation ambiguous) is collected with its position; if there is one, nothing is returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import LexdraftError
from ..model import Document, Unit
from ..numbering import label as num_label
from ..numbering import sort_key
from ..text import normalize
from .model import Operation, Ref, repealed_wording


@dataclass(frozen=True)
class Problem:
    """An instruction that does not apply."""

    number: str
    line: int | None
    message: str


class AmendmentError(LexdraftError):
    """Raised by ``apply`` with every problem found; the first is the message."""

    def __init__(self, problems: list[Problem], path: str | None = None):
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"instruction {first.number}: {first.message}{more}", path, first.line)
        self.problems = problems

    def lines(self) -> list[str]:
        where = self.path or "<amendment>"
        return [
            (f"{where}:{p.line}: " if p.line else f"{where}: ") + f"instruction {p.number}: {p.message}"
            for p in self.problems
        ]


def clone(unit: Unit) -> Unit:
    """A deep copy without cached properties (so edited text is never shadowed by a stale cache)."""
    return Unit(
        kind=unit.kind, eid=unit.eid, wid=unit.wid, num=unit.num, heading=unit.heading, text=unit.text,
        children=[clone(c) for c in unit.children], line=unit.line, notes=list(unit.notes),
    )


# ---------------------------------------------------------------- finding units

def _labelled(unit: Unit) -> str:
    """The unit's bare number from its current ``num`` (not the cached ``label``: renumbering edits ``num``)."""
    return num_label(unit.num)


def _kind_matches(unit: Unit, kind: str) -> bool:
    return unit.kind == kind or (kind == "paragraph" and unit.kind == "subparagraph" and bool(unit.num))


def _search_below(unit: Unit, kind: str, lbl: str) -> list[Unit]:
    """Descendants of ``kind`` numbered ``lbl`` reached through unnumbered units only."""
    found: list[Unit] = []
    for c in unit.children:
        if _kind_matches(c, kind) and _labelled(c) == lbl:
            found.append(c)
        elif not c.num or c.kind in ("list",):
            found.extend(_search_below(c, kind, lbl))
    return found


def _search_anywhere(root: Unit, kind: str, lbl: str) -> list[Unit]:
    """Top-most units of ``kind`` numbered ``lbl`` anywhere (articles are numbered throughout an act)."""
    found: list[Unit] = []
    for c in root.children:
        if _kind_matches(c, kind) and _labelled(c) == lbl:
            found.append(c)
        elif c.kind != kind:
            found.extend(_search_anywhere(c, kind, lbl))
    return found


def find_unit(root: Unit, ref: Ref) -> tuple[Unit | None, str]:
    """The unit ``ref`` cites in the tree under ``root``, or (None, why not)."""
    if ref.is_root:
        return root, ""
    if ref.eid:
        hits = [u for u in root.walk() if u.eid == ref.eid and u is not root]
        if len(hits) == 1:
            return hits[0], ""
        if not ref.path:
            return None, f"no unit with eId {ref.eid}" if not hits else f"eId {ref.eid} is not unique"
    current: Unit | None = None
    for i, (kind, lbl) in enumerate(ref.path):
        hits = _search_anywhere(root, kind, lbl) if i == 0 else _search_below(current, kind, lbl)
        if not hits:
            return None, f"{ref}: {kind} {lbl} not found"
        if len(hits) > 1:
            return None, f"{ref}: {kind} {lbl} is ambiguous ({len(hits)} units)"
        current = hits[0]
    return current, ""


def _top_of_kind(root: Unit, kind: str) -> list[Unit]:
    out: list[Unit] = []
    for c in root.children:
        if c.kind == kind:
            out.append(c)
        else:
            out.extend(_top_of_kind(c, kind))
    return out


def _parent_of(root: Unit, unit: Unit) -> Unit | None:
    for u in root.walk():
        if any(c is unit for c in u.children):
            return u
    return None


# ---------------------------------------------------------------- words in text

_QUOTE_CLASS = "[\"'«»“”„‟‘’‚]"


def _pattern(needle: str) -> re.Pattern:
    """``needle`` found whatever the whitespace and quote style (drafters retype quotations)."""
    norm = normalize(needle)
    parts: list[str] = [r"(?<!\w)" if norm[:1].isalnum() else ""]
    for ch in norm:
        if ch == " ":
            parts.append(r"\s+")
        elif ch in "\"'":
            parts.append(_QUOTE_CLASS)
        else:
            parts.append(re.escape(ch))
    if norm[-1:].isalnum():
        parts.append(r"(?!\w)")
    return re.compile("".join(parts))


def find_words(text: str, needle: str) -> list[tuple[int, int]]:
    """Spans of ``needle`` in ``text`` (non-overlapping), tolerant of whitespace and quote style."""
    if not normalize(needle):
        return []
    return [m.span() for m in _pattern(needle).finditer(text)]


def _join(left: str, middle: str, right: str) -> str:
    """Insert ``middle`` between two texts with the single spaces a drafter's words imply."""
    if not middle:
        if left.endswith(" ") and right.startswith(" "):
            return left + right[1:]
        if left.endswith(" ") and (not right or right[:1] in ",.;:)»"):
            return left.rstrip(" ") + right
        if not left and right.startswith(" "):
            return right[1:]
        return left + right
    if left and not left[-1].isspace() and middle[:1] not in ",.;:)»" and left[-1] not in "(«\"":
        middle = " " + middle
    if right and not right[0].isspace() and right[0] not in ",.;:)»" and middle[-1:] not in "(«":
        middle = middle + " "
    return left + middle + right


def edit_words(text: str, op: Operation) -> tuple[str, int]:
    """``text`` with a words operation applied to every occurrence; and how many occurrences there were."""
    spans = find_words(text, op.old)
    if not spans:
        return text, 0
    result, pos = "", 0
    for start, end in spans:
        result += text[pos:start]
        if op.action == "insert_words":
            result += text[start:end]
        pos = end
        new_words = "" if op.action == "delete_words" else op.new
        nxt = next((s for s, _ in spans if s >= end), len(text))
        joined = _join(result, new_words, text[pos:nxt])
        result, pos = joined, nxt
    return result + text[pos:], len(spans)


# ---------------------------------------------------------------- applying

@dataclass
class _State:
    root: Unit
    repealed: list[Unit] = field(default_factory=list)
    cursor: dict[int, Unit] = field(default_factory=dict)  # anchor id -> last unit inserted after it
    cursor_start: dict[int, Unit] = field(default_factory=dict)  # parent id -> last unit inserted at its start


def _gone(state: _State, unit: Unit) -> bool:
    return any(unit is r for r in state.repealed)


def _replace_child(parent: Unit, old: Unit, new: Unit) -> None:
    parent.children[:] = [new if c is old else c for c in parent.children]


def _insert(state: _State, op: Operation, parent: Unit, anchor: Unit | None) -> str:
    new = clone(op.unit)
    siblings = parent.children
    if anchor is not None:
        last = state.cursor.get(id(anchor), anchor)
        idx = next((i for i, c in enumerate(siblings) if c is last), None)
        if idx is None:
            return "the unit to insert after is no longer there"
        siblings.insert(idx + 1, new)
        state.cursor[id(anchor)] = new
        return ""
    if op.at_start:
        last = state.cursor_start.get(id(parent))
        idx = next((i + 1 for i, c in enumerate(siblings) if c is last), 0)
        siblings.insert(idx, new)
        state.cursor_start[id(parent)] = new
        return ""
    if parent is state.root:
        # "дополнить статьей 126-1": after the article numbered just before it, wherever it stands.
        same = [u for u in _top_of_kind(state.root, new.kind) if _labelled(u)]
        if any(_labelled(u) == _labelled(new) and not _gone(state, u) for u in same):
            return f"{new.kind} {_labelled(new)} already exists"
        before = [u for u in same if sort_key(_labelled(u)) < sort_key(_labelled(new))]
        if before:
            prev = max(before, key=lambda u: sort_key(_labelled(u)))
            parent = _parent_of(state.root, prev) or state.root
            last = state.cursor.get(id(prev), prev)
            idx = next((i for i, c in enumerate(parent.children) if c is last), len(parent.children) - 1)
            parent.children.insert(idx + 1, new)
            state.cursor[id(prev)] = new
            return ""
        if same:
            parent = _parent_of(state.root, same[0]) or state.root
            parent.children.insert(parent.children.index(same[0]), new)
            return ""
    siblings = parent.children
    # In numbering order among siblings of the same kind: after the last one numbered before it.
    key = sort_key(_labelled(new))
    pos = None
    for i, c in enumerate(siblings):
        if c.kind == new.kind and _labelled(c) and sort_key(_labelled(c)) < key:
            pos = i + 1
        if c.kind == new.kind and _labelled(c) == _labelled(new) and not _gone(state, c):
            return f"{new.kind} {_labelled(new)} already exists"
    if pos is None:
        first = next((i for i, c in enumerate(siblings) if c.kind == new.kind), len(siblings))
        pos = first
    siblings.insert(pos, new)
    return ""


def _apply_words_to_unit(unit: Unit, op: Operation) -> int:
    """Apply a words op to the unit's own text, or else to its sub-units' texts; occurrences changed."""
    text, n = edit_words(unit.text, op)
    if n:
        unit.text = text
        return n
    total = 0
    for sub in unit.walk():
        if sub is unit:
            continue
        text, k = edit_words(sub.text, op)
        if k:
            sub.text = text
            total += k
    return total


def text_of(units: list[Unit]) -> str:
    """The wording of units as compared by the round trip: numbers, headings and texts, normalised."""
    return normalize(" ".join(x for top in units for u in top.walk() for x in (u.num, u.heading, u.text) if x))


def apply(base: Document, operations: list[Operation], path: str | None = None) -> Document:
    """The base version with ``operations`` applied, as a new ``Document`` (the base is not changed).

    Raises ``AmendmentError`` listing every instruction that does not apply; nothing is half-applied.
    """
    root = Unit(kind="root", children=[clone(u) for u in base.units])
    state = _State(root)
    problems: list[Problem] = []

    def problem(op: Operation, message: str) -> None:
        problems.append(Problem(op.number or "?", op.line, message))

    # Bind every citation in the base text before anything changes.
    bound: list[tuple[Operation, Unit | None, Unit | None]] = []
    for op in operations:
        if op.action == "replace_throughout":
            bound.append((op, None, None))
            continue
        target, why = find_unit(root, op.target)
        if target is None:
            problem(op, why)
            bound.append((op, None, None))
            continue
        anchor = None
        if op.action == "insert" and op.after is not None:
            anchor, why = find_unit(root, op.after)
            if anchor is None:
                problem(op, f"cannot insert after {why}")
        bound.append((op, target, anchor))
    failed: set[int] = set()
    for op, target, anchor in bound:
        if op.action != "replace_throughout" and (target is None or (op.action == "insert" and op.after is not None
                                                                      and anchor is None)):
            failed.add(id(op))

    # Renumbering first — "считать …", and a new wording that carries a new number: every citation is already
    # bound to its unit, and an insertion "by number" must see the new numbers ("статью 2 изложить в следующей
    # редакции: «Статья 2-1. …»" and "дополнить статьей 2" in one instrument).
    def renumbers(i: int) -> bool:
        op, target, _ = bound[i]
        return op.action == "renumber" or (op.action == "rewrite" and target is not None and op.unit is not None
                                           and _labelled(op.unit) != _labelled(target))

    for k in sorted(range(len(bound)), key=lambda i: not renumbers(i)):
        op, target, anchor = bound[k]  # read afresh: a rewrite rebinds later instructions to the new unit
        if id(op) in failed:
            continue  # already reported; the others are still checked so that every problem is listed
        if op.action == "replace_throughout":
            for old, new in op.pairs:
                sub = Operation("replace_words", old=old, new=new)
                n = 0
                for u in root.walk():
                    if u is root:
                        continue
                    text, k = edit_words(u.text, sub)
                    head, h = edit_words(u.heading, sub)
                    if k:
                        u.text = text
                    if h:
                        u.heading = head
                    n += k + h
                if not n:
                    problem(op, f"words «{old}» not found anywhere in the text")
            continue
        if _gone(state, target):
            problem(op, f"{op.target} was repealed by an earlier instruction")
            continue
        if op.action == "rewrite":
            parent = _parent_of(root, target)
            if parent is None:
                problem(op, f"{op.target} cannot be rewritten (no parent)")
                continue
            new = clone(op.unit)
            _replace_child(parent, target, new)
            # Later instructions citing the old unit now act on its new wording.
            for i, (o, t, a) in enumerate(bound):
                if t is target:
                    bound[i] = (o, new, a)
                if a is target:
                    bound[i] = (o, t, new)
            state.cursor[id(new)] = state.cursor.pop(id(target), new)
        elif op.action == "rewrite_heading":
            target.heading = op.new
        elif op.action == "renumber":
            target.num = op.new
        elif op.action == "repeal" and (op.new or op.by_convention and repealed_wording(
                base.frbr.language, target.kind, base.frbr.country or "kz")):
            target.heading, target.children = "", []
            target.text = op.new or repealed_wording(base.frbr.language, target.kind, base.frbr.country or "kz")
        elif op.action == "repeal":
            state.repealed.append(target)
        elif op.action == "insert":
            parent = target
            if anchor is not None:
                parent = _parent_of(root, anchor) or root
            why = _insert(state, op, parent, anchor)
            if why:
                problem(op, why)
        else:
            if not _apply_words_to_unit(target, op):
                problem(op, f"words «{op.old}» not found in {op.target}")
    if problems:
        raise AmendmentError(problems, path)

    def prune(u: Unit) -> Unit:
        u.children = [prune(c) for c in u.children if not any(c is r for r in state.repealed)]
        return u

    prune(root)
    units = [clone(u) for u in root.children]
    return Document(
        path=path or base.path, dialect=base.dialect, frbr=base.frbr, units=units, sha256="",
        provenance=base.provenance,
    )
