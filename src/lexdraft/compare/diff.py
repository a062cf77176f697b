"""From two documents to a ChangeSet: align provisions, classify each pair, diff words, recurse into sub-units.

Change kinds of a 1-1 pair (several can apply; primary first):

- ``moved``: the pair left the longest run of pairs that kept their relative order (a renumbering that follows
  an insertion is *not* a move);
- ``renumbered``: both sides have a number and the bare numbers differ;
- ``repealed``: the new side only says "Исключен" / "алып тасталды" / "deleted" (a unit repealed in place);
- ``amended``: some words changed and the word similarity is at least ``REWORDED_BELOW``;
- ``reworded``: words changed and the similarity is below ``REWORDED_BELOW`` (mostly new text, "изложить в
  новой редакции");
- ``unchanged``: none of the above (identical wording at the same number and place).

A unit whose only differences are inside its sub-units is classified from its whole subtree's words; a unit whose
sub-units were only renumbered or reordered is ``amended`` with similarity 1.0 (its wording is intact).
Unpaired units are ``inserted`` / ``repealed``; groups are ``split`` (1 old → n new) and ``merged`` (n → 1), whose
``children`` hold one ordinary pair per piece (``old[0]``→each new piece, or each old piece→``new[0]``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import islice

from ..gcpause import paused_gc
from ..model import CONTAINER_KINDS, Document, Unit
from ..numbering import renumbered
from .align import ContentKeys, Pair, align, is_repealed_text, moved_pairs
from .containers import diff_containers
from .model import REWORDED_BELOW, Change, ChangeSet, Side, UnitRef
from .worddiff import _WORDS, WordStats, bag_similarity, stats, text_ops, whole_ops

CROSS_MOVE_MIN_WORDS = 3  # sub-units shorter than this are not matched across parents (e.g. "(a)" alone)
LEVELS = ("article", "paragraph", "point")


@dataclass
class _Node:
    """A change being built, with the units and word counts it was built from."""

    change: Change
    old: Unit | None
    new: Unit | None
    words: WordStats


def _ref(u: Unit, index: int, container: str = "") -> UnitRef:
    return UnitRef(eid=u.eid, num=u.num, heading=u.heading, kind=u.kind, line=u.line, container=container,
                   index=index)


class _Differ:
    """Builds the Change tree of one comparison; holds that comparison's caches (content keys, built nodes)."""

    def __init__(self, containers_old: dict[int, str], containers_new: dict[int, str]) -> None:
        self.containers = (containers_old, containers_new)
        self.nodes: list[tuple[_Node, int]] = []  # every node built below the top level, with its depth
        self.top: list[_Node] = []
        self.content = ContentKeys()

    def run(self, old: list[Unit], new: list[Unit]) -> list[Change]:
        self.top = self.siblings(old, new, 0)
        self.cross_moves()
        return [n.change for n in self.top]

    def run_pair(self, old: Unit | None, new: Unit | None) -> list[Change]:
        """One unit of each version compared as the same unit, whatever its content (a preamble): its sub-units
        are aligned as usual. Either side may be missing (a preamble added or dropped)."""
        if old is not None and new is not None:
            self.top = [self.pair(old, new, 0, 0, False, 0)]
        elif old is not None or new is not None:
            self.top = [self.one_sided(old or new, 0, old is not None, 0)]  # type: ignore[arg-type]
        self.cross_moves()
        return [n.change for n in self.top]

    def ref_old(self, u: Unit, i: int) -> UnitRef:
        return _ref(u, i, self.containers[0].get(id(u), ""))

    def ref_new(self, u: Unit, j: int) -> UnitRef:
        return _ref(u, j, self.containers[1].get(id(u), ""))

    def one_sided(self, u: Unit, index: int, old: bool, depth: int) -> _Node:
        op = "-" if old else "+"
        children = [self.one_sided(c, k, old, depth + 1) for k, c in enumerate(u.children)]
        for ch in children:
            self.nodes.append((ch, depth + 1))
        words = stats(whole_ops(op, u.heading) + whole_ops(op, u.text))
        for ch in children:
            words = words + ch.words
        change = Change(
            kinds=("repealed",) if old else ("inserted",),
            old=[self.ref_old(u, index)] if old else [],
            new=[] if old else [self.ref_new(u, index)],
            similarity=0.0,
            heading_ops=whole_ops(op, u.heading),
            ops=whole_ops(op, u.text),
            children=[c.change for c in children],
        )
        return _Node(change, u if old else None, None if old else u, words)

    def same(self, o: Unit, n: Unit, i: int, j: int, moved: bool, depth: int) -> _Node:
        """Fast path for a subtree written identically on both sides (most of a revised code)."""
        children = [self.same(a, b, k, k, False, depth + 1) for k, (a, b) in enumerate(zip(o.children, n.children))]
        kinds = ("moved",) if moved else ()
        if o.num != n.num and renumbered(o.num, n.num):
            kinds += ("renumbered",)
        change = Change(
            kinds=kinds or ("unchanged",),
            old=[self.ref_old(o, i)],
            new=[self.ref_new(n, j)],
            similarity=1.0,
            heading_ops=whole_ops("=", o.heading),
            ops=whole_ops("=", o.text),
            children=[c.change for c in children],
        )
        kept = self.content.spaces(o) + 1  # approximate word count: only weighs this unit in its parent
        return _Node(change, o, n, WordStats(kept=kept))

    def pair(self, o: Unit, n: Unit, i: int, j: int, moved: bool, depth: int) -> _Node:
        if _written_alike(o, n):
            return self.same(o, n, i, j, moved, depth)
        if _is_wrapper(o) != _is_wrapper(n):  # one markup wraps the text in an unnumbered sub-unit
            o, n = _hoisted(o), _hoisted(n)
        heading_ops = text_ops(o.heading, n.heading)
        ops = text_ops(o.text, n.text)
        children = self.siblings(o.children, n.children, depth + 1)
        inner_change = any(ch.change.changed for ch in children)
        words = stats(heading_ops) + stats(ops)
        for ch in children:
            words = words + ch.words
        if children and words.changed and words.similarity < REWORDED_BELOW:
            # Before calling it reworded, compare the words regardless of nesting: two markups may split the
            # same text into sub-units differently (points run into a paragraph, a wrapper sub-unit).
            flat = bag_similarity(wording(o), wording(n))
            if flat > words.similarity:
                shared = round(flat * (2 * words.kept + words.deleted + words.inserted) / 2)
                total_old, total_new = words.kept + words.deleted, words.kept + words.inserted
                words = WordStats(shared, max(total_old - shared, 0), max(total_new - shared, 0))
        kinds: list[str] = []
        if moved:
            kinds.append("moved")
        if renumbered(o.num, n.num):
            kinds.append("renumbered")
        if not self.content.equal(o, n) and _repealed_in_place(n) and not _repealed_in_place(o):
            kinds.append("repealed")
        elif words.changed:
            kinds.append(words.wording_kind)
        elif inner_change:
            kinds.append("amended")  # sub-units renumbered or reordered, wording intact
        change = Change(
            kinds=tuple(kinds) or ("unchanged",),
            old=[self.ref_old(o, i)],
            new=[self.ref_new(n, j)],
            similarity=round(words.similarity, 4),
            heading_ops=heading_ops,
            ops=ops,
            children=[c.change for c in children],
        )
        return _Node(change, o, n, words)

    def group(self, p: Pair, olds: list[Unit], news: list[Unit], depth: int) -> _Node:
        """A split (1 → n) or a merge (n → 1): one ordinary pair per piece as children."""
        if len(p.old) == 1:
            parts = [self.pair(olds[p.old[0]], news[j], p.old[0], j, False, depth) for j in p.new]
            kind = "split"
        else:
            parts = [self.pair(olds[i], news[p.new[0]], i, p.new[0], False, depth) for i in p.old]
            kind = "merged"
        words = WordStats()
        for part in parts:
            words = words + part.words
        change = Change(
            kinds=(kind,),
            old=[self.ref_old(olds[i], i) for i in p.old],
            new=[self.ref_new(news[j], j) for j in p.new],
            similarity=round(p.score, 4),
            children=[part.change for part in parts],
        )
        return _Node(change, olds[p.old[0]] if len(p.old) == 1 else None,
                     news[p.new[0]] if len(p.new) == 1 else None, words)

    def siblings(self, olds: list[Unit], news: list[Unit], depth: int) -> list[_Node]:
        """Changes for two lists of sibling units (articles of a document, or sub-units of one pair)."""
        if _same_sequence(olds, news, self.content):
            pairs = [Pair([k], [k], "identical") for k in range(len(olds))]
        else:
            pairs = align(olds, news, splits=depth == 0, content=self.content)
        moved = moved_pairs(pairs)
        out: list[_Node] = []
        for k, p in enumerate(pairs):
            if len(p.old) == 1 and len(p.new) == 1:
                node = self.pair(olds[p.old[0]], news[p.new[0]], p.old[0], p.new[0], k in moved, depth)
            elif not p.new:
                node = self.one_sided(olds[p.old[0]], p.old[0], True, depth)
            elif not p.old:
                node = self.one_sided(news[p.new[0]], p.new[0], False, depth)
            else:
                node = self.group(p, olds, news, depth)
            out.append(node)
            if depth > 0:
                self.nodes.append((node, depth))
        return out

    def cross_moves(self) -> None:
        """Sub-units that left one parent for another: turn the repeal + insertion into a "from"/"to" pair."""
        gone: dict[str, list[_Node]] = {}
        came: dict[str, list[_Node]] = {}
        for node, _ in self.nodes:
            kinds = node.change.kinds
            unit = node.old if kinds == ("repealed",) and node.new is None else None
            unit_new = node.new if kinds == ("inserted",) and node.old is None else None
            if unit is not None and _movable(unit):
                gone.setdefault(self.content(unit), []).append(node)
            if unit_new is not None and _movable(unit_new):
                came.setdefault(self.content(unit_new), []).append(node)
        parents = _parents(c.change for c in self.top) if came and gone else {}
        for key, dests in came.items():
            srcs = gone.get(key, [])
            if len(dests) != 1 or len(srcs) != 1:
                continue
            src, dst = srcs[0], dests[0]
            o, n = src.old, dst.new
            assert o is not None and n is not None
            moved = self.pair(o, n, src.change.old[0].index, dst.change.new[0].index, True, 1)
            # for citation, each side names the provision it sits in ("Article 3", "Article 1")
            old_ref = replace(moved.change.old[0], container=_where(parents.get(id(src.change)), "old"))
            new_ref = replace(moved.change.new[0], container=_where(parents.get(id(dst.change)), "new"))
            for target, placement in ((dst.change, "to"), (src.change, "from")):
                target.kinds = moved.change.kinds
                target.old = [old_ref]
                target.new = [new_ref]
                target.similarity = moved.change.similarity
                target.heading_ops = moved.change.heading_ops
                target.ops = moved.change.ops
                target.children = moved.change.children
                target.placement = placement
        if came and gone:
            self._soften_parents()

    def _soften_parents(self) -> None:
        """A parent that only gained or lost a moved sub-unit keeps its wording: amended, not reworded."""
        for node, _ in self.nodes + [(t, 0) for t in self.top]:
            ch = node.change
            if "reworded" in ch.kinds and any(c.placement for c in ch.children):
                ch.kinds = tuple("amended" if k == "reworded" else k for k in ch.kinds)


def _parents(changes) -> dict[int, Change]:
    """id(change) -> the change it is a child of, over whole trees."""
    out: dict[int, Change] = {}
    stack = list(changes)
    while stack:
        c = stack.pop()
        for x in c.children:
            out[id(x)] = c
            stack.append(x)
    return out


def _where(parent: Change | None, side: str) -> str:
    """The parent unit as displayed on one side ("Article 3 Scope"), with its own container before it."""
    refs = (parent.old if side == "old" else parent.new) if parent is not None else []
    if not refs:
        return ""
    ref = refs[0]
    here = " ".join(x for x in (ref.num or ref.eid, ref.heading) if x)
    return " / ".join(x for x in (ref.container, here) if x)


def _written_alike(o: Unit, n: Unit) -> bool:
    """Same heading, text and sub-units (numbers included) character for character, at every level."""
    if o.heading != n.heading or o.text != n.text or len(o.children) != len(n.children):
        return False
    return all(a.num == b.num and _written_alike(a, b) for a, b in zip(o.children, n.children))


def _is_wrapper(u: Unit) -> bool:
    """A unit with no text of its own and a single untitled sub-unit holding it, unnumbered or repeating the
    unit's own number (``<section><num>5.</num><subsection><num>5.</num>…``)."""
    if u.text or len(u.children) != 1:
        return False
    inner = u.children[0]
    return not inner.heading and (not inner.num or inner.num.strip() == u.num.strip())


def _hoisted(u: Unit) -> Unit:
    """The wrapper's sub-unit lifted into it: same words, numbers and full text, one level less."""
    if not _is_wrapper(u):
        return u
    inner = u.children[0]
    return replace(u, text=inner.text, children=inner.children, notes=u.notes + inner.notes)


def wording(u: Unit) -> str:
    """The words of a unit and its sub-units without their numbers, normalised: what "amended" is judged on.

    Numbers are left out (renumbering is its own kind) and so is the nesting, so two markups of the same text
    that nest paragraphs differently compare equal.
    """
    parts = [u.norm_heading, u.norm] + [x for d in u.walk() if d is not u for x in (d.norm_heading, d.norm)]
    return " ".join(p for p in parts if p)


def _repealed_in_place(u: Unit) -> bool:
    return len(u.full_text) < 400 and (is_repealed_text(u.full_text) or is_repealed_text(u.full_norm))


def _movable(u: Unit) -> bool:
    # = len(lexdraft.text.words(u.full_text)) >= CROSS_MOVE_MIN_WORDS, stopping at the third word (_WORDS finds those words)
    return next(islice(_WORDS.finditer(u.full_text), CROSS_MOVE_MIN_WORDS - 1, None), None) is not None


def _same_sequence(olds: list[Unit], news: list[Unit], content: ContentKeys) -> bool:
    """Fast path: the same units in the same order with the same numbers (most of an unchanged code)."""
    return len(olds) == len(news) and all(
        (o.num == n.num or o.label == n.label) and content.equal(o, n) for o, n in zip(olds, news)
    )


def containers(doc: Document, provisions: list[Unit] | None = None) -> dict[int, str]:
    """id(provision) -> the chain of containers above it as displayed ("Глава 19. Искусственный интеллект")."""
    out: dict[int, str] = {}
    ids = {id(u) for u in (doc.provisions() if provisions is None else provisions)}

    def rec(units: list[Unit], trail: tuple[str, ...]) -> None:
        for u in units:
            if id(u) in ids:
                out[id(u)] = " / ".join(trail)
            else:
                rec(u.children, trail + (u.display_name(),) if u.kind in CONTAINER_KINDS else trail)

    rec(doc.units, ())
    return out


def side(doc: Document) -> Side:
    return Side(path=doc.path, frbr=doc.frbr, sha256=doc.sha256, provenance=doc.provenance)


@paused_gc()
def diff_units(old: list[Unit], new: list[Unit], containers_old: dict[int, str] | None = None,
               containers_new: dict[int, str] | None = None) -> list[Change]:
    """Changes between two lists of top-level units (the library entry below ``diff_documents``)."""
    return _Differ(containers_old or {}, containers_new or {}).run(old, new)


@paused_gc()
def diff_preambles(old: Document, new: Document) -> list[Change]:
    """The two preambles compared as one unit (enacting words, citations and recitals, the recitals aligned like
    any sub-units: renumbered, moved, inserted…); empty when neither version has a preamble."""
    return _Differ({}, {}).run_pair(old.preamble(), new.preamble())


def diff_documents(old: Document, new: Document, level: str = "article") -> ChangeSet:
    """Every aligned top-level provision of two versions, with kinds, word ops and nested sub-unit changes; the
    containers around them (``lexdraft.compare.containers``); and the preamble."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    old_units, new_units = old.provisions(), new.provisions()
    changes = diff_units(old_units, new_units, containers(old, old_units), containers(new, new_units))
    return ChangeSet(old=side(old), new=side(new), changes=changes, level=level,
                     containers=diff_containers(old.units, new.units, old_units, new_units, changes),
                     preamble=diff_preambles(old, new))
