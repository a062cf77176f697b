"""The rendering model: from a ChangeSet and its two Documents to what every view shows.

Pure functions, no markup. Two shapes come out of one ChangeSet:

- ``Row``s for the comparative table: one per changed unit in the order of the act (the deepest unit that
  changed, so a changed point is cited as "подпункт 3) пункта 2 статьи 125"; whole inserted, repealed or
  reworded units as one row);
- ``Block``s for the full-text views (inline, side by side, clean): one per top-level provision, each a list of
  ``Line``s (one per unit: number, heading and text as word operations), with ``ghost`` blocks marking where a
  moved provision used to be.

Word operations keep the original text: a side's text is the ``=`` ops plus its own ``-`` (old) or ``+`` (new).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..compare.model import Change, ChangeSet, UnitRef, WordOp
from ..model import CONTAINER_KINDS, Document, Unit
from ..text import normalize
from .citation import cite

WHOLE_KINDS = ("inserted", "repealed", "reworded", "split", "merged")


@dataclass(frozen=True)
class Line:
    """One unit's own line: number, heading and text as word ops (``=``, ``+``, ``-``)."""

    eid: str
    anchor: str  # unique HTML id of this unit in the full-text view
    kind: str  # article, paragraph, point…
    depth: int
    num: tuple[WordOp, ...]
    heading: tuple[WordOp, ...]
    text: tuple[WordOp, ...]

    @property
    def changed(self) -> bool:
        return any(is_mark(op) for op in (*self.num, *self.heading, *self.text))

    def side(self, which: str) -> "Line":
        """The line as one version reads it: ``old`` keeps ``=``/``-``, ``new`` keeps ``=``/``+``."""
        return Line(self.eid, self.anchor, self.kind, self.depth, _side(self.num, which),
                    _side(self.heading, which), _side(self.text, which))

    @property
    def present_old(self) -> bool:
        return any(op.op != "+" and op.text.strip() for op in (*self.num, *self.heading, *self.text))

    @property
    def present_new(self) -> bool:
        return any(op.op != "-" and op.text.strip() for op in (*self.num, *self.heading, *self.text))


@dataclass(frozen=True)
class Moved:
    """Where a moved unit came from: its old citation and the anchor of its old place."""

    citation: str
    anchor: str


@dataclass
class Row:
    """One row of the comparative table."""

    number: int  # № п/п, from 1
    eid: str  # the unit's eId (new side, or old for a repeal)
    anchor: str  # anchor of the unit in the full-text view
    citation: str
    kinds: tuple[str, ...]
    chapter: str
    old: list[Line]  # old-side lines (empty: "Отсутствует")
    new: list[Line]  # new-side lines (empty: "Исключить")
    provision_eid: str  # the top-level provision this row belongs to
    moved_from: Moved | None = None
    moved_to: Moved | None = None  # for the old place of a unit moved to another parent

    @property
    def kind(self) -> str:
        return self.kinds[0]


@dataclass
class Block:
    """One top-level provision in the full-text views (or the ghost of a moved one at its old place)."""

    eid: str
    anchor: str
    kinds: tuple[str, ...]
    changed: bool
    chapter: str
    containers: tuple[tuple[str, str], ...]  # (anchor, display name) of the enclosing containers, outermost first
    lines: list[Line]
    rows: list[int] = field(default_factory=list)  # numbers of the table rows inside this provision
    ghost_of: str = ""  # for a ghost: the anchor of the moved provision's new place
    ghost_label: str = ""
    moved_from: Moved | None = None
    toc: str = ""  # its entry in the table of contents
    source: Change | None = field(default=None, repr=False, compare=False)  # the top-level change shown


@dataclass
class RenderModel:
    rows: list[Row]
    blocks: list[Block]
    chapters: list[str]  # in order of first appearance
    kind_counts: dict[str, int]  # top-level changes per primary kind (the ChangeSet's summary)
    chapter_counts: dict[str, dict[str, int]]  # chapter -> primary kind -> top-level changes (changed only)
    containers_changed: int = 0  # chapters, parts, sections whose number or heading changed (they have rows too)
    preamble_changed: bool = False  # the preamble's rows come first


class UnitIndex:
    """Find the unit a ``UnitRef`` names in one document, with its ancestors.

    By position first (``UnitRef.index`` among the siblings the diff aligned, resolved once for the whole
    ChangeSet by ``resolve``), since real and generated files repeat eIds; then by eId and source line, then eId.
    """

    def __init__(self, doc: Document | None, prefix: str, taken: set[str]):
        self.by_key: dict[tuple[str, int | None], Unit] = {}
        self.by_eid: dict[str, Unit] = {}
        self.chains: dict[int, list[Unit]] = {}  # id(unit) -> the unit's ancestors and itself, outermost first
        self.resolved: dict[int, Unit] = {}  # id(UnitRef) -> unit, by position
        self.anchors: dict[int, str] = {}  # id(unit) -> unique anchor
        self.provisions = doc.provisions() if doc is not None else []
        self._prefix = prefix
        self._taken = taken
        self._counter = 0
        if doc is not None:
            self._index(doc.units, [])

    def _index(self, units: list[Unit], trail: list[Unit]) -> None:
        for u in units:
            chain = trail + [u]
            self.chains[id(u)] = chain
            self.by_key.setdefault((u.eid, u.line), u)  # units without eId (preambles) by line
            if u.eid:
                self.by_eid.setdefault(u.eid, u)
            self._index(u.children, chain)

    def resolve(self, refs: list[UnitRef], siblings: list[Unit]) -> list[Unit]:
        """Record the unit at each ref's position among ``siblings`` when it is the one named; return them."""
        found = []
        for r in refs:
            if 0 <= r.index < len(siblings) and siblings[r.index].eid == r.eid and siblings[r.index].num == r.num:
                self.resolved[id(r)] = siblings[r.index]
            u = self.resolved.get(id(r))
            if u is not None:
                found.append(u)
        return found

    def find(self, ref: UnitRef) -> tuple[Unit, list[Unit]] | None:
        u = self.resolved.get(id(ref)) or self.by_key.get((ref.eid, ref.line)) or (
            self.by_eid.get(ref.eid) if ref.eid else None)
        return (u, self.chains[id(u)]) if u is not None else None

    def anchor(self, unit: Unit) -> str:
        """A unique HTML id for a unit: its eId when free, else the eId with this side's prefix and a counter."""
        key = id(unit)
        if key not in self.anchors:
            base = unit.eid or f"{self._prefix}u{self._counter}"
            anchor = base
            if anchor in self._taken:
                anchor = f"{self._prefix}{base}"
            n = 2
            while anchor in self._taken:
                anchor = f"{self._prefix}{base}~{n}"
                n += 1
            self._counter += 1
            self._taken.add(anchor)
            self.anchors[key] = anchor
        return self.anchors[key]


def is_mark(op: WordOp) -> bool:
    """True for an op a reader must see marked: an insertion or deletion that is not merely cosmetic (a change
    of quote style or Unicode form, which the diff pairs as ``-``/``+`` with ``cosmetic`` set)."""
    return op.op != "=" and not op.cosmetic


def inline_ops(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    """Ops for the inline view: a cosmetic pair shows its new form only, unmarked."""
    return tuple(WordOp("=", op.text) if op.cosmetic and op.op == "+" else op for op in ops
                 if not (op.cosmetic and op.op == "-"))


def _side(ops: tuple[WordOp, ...], which: str) -> tuple[WordOp, ...]:
    drop = "+" if which == "old" else "-"
    return tuple(op for op in ops if op.op != drop)


def _pair(old: str, new: str) -> tuple[WordOp, ...]:
    """Ops for a text pair the diff did not break into words: equal, or old deleted and new inserted."""
    if normalize(old) == normalize(new):
        return (WordOp("=", new),) if new else ()
    return tuple(op for op in (WordOp("-", old), WordOp("+", new)) if op.text)


def _whole(op: str, text: str) -> tuple[WordOp, ...]:
    return (WordOp(op, text),) if text else ()


def _joined(ops: list[WordOp], which: str) -> str:
    return "".join(op.text for op in _side(tuple(ops), which))


class _Builder:
    def __init__(self, old_doc: Document | None, new_doc: Document | None, lang: str):
        self.lang = lang
        taken: set[str] = set()
        # New side first, so the eIds of the current text are the plain anchors (#chp_19__art_125).
        self.new = UnitIndex(new_doc, "new-", taken)
        self.old = UnitIndex(old_doc, "old-", taken)
        if new_doc is not None:
            for u in new_doc.walk():
                self.new.anchor(u)
        self.positions = {id(u): i for i, u in enumerate(self.new.provisions)}  # provision -> place in new text

    # ---- lines -------------------------------------------------------------------------------------------
    def whole_lines(self, unit: Unit, index: UnitIndex, op: str, depth: int) -> list[Line]:
        lines = []
        stack = [(unit, depth)]
        while stack:
            u, d = stack.pop()
            lines.append(Line(u.eid, index.anchor(u), u.kind, d, _whole(op, u.num), _whole(op, u.heading),
                              _whole(op, u.text)))
            stack.extend(reversed([(c, d + 1) for c in u.children]))
        return lines

    def units(self, refs: list[UnitRef], index: UnitIndex) -> list[Unit]:
        found = [index.find(r) for r in refs]
        return [f[0] for f in found if f is not None]

    def change_lines(self, ch: Change, depth: int, elsewhere: frozenset[int] = frozenset()) -> list[Line]:
        """Lines of a change; ``elsewhere``: ids of old sub-units that a split carried into another piece, whose
        "repealed" entries in this piece are left out (they are not repealed, they are in the other piece)."""
        olds, news = self.units(ch.old, self.old), self.units(ch.new, self.new)
        if len(olds) > 1 or len(news) > 1 or ch.kind in ("split", "merged"):
            lines: list[Line] = []
            for u in olds:
                lines += self.whole_lines(u, self.old, "-", depth)
            for u in news:
                lines += self.whole_lines(u, self.new, "+", depth)
            return lines
        if not olds and not news:
            return []
        if not olds:
            return self.whole_lines(news[0], self.new, "+", depth)
        if not news:
            return self.whole_lines(olds[0], self.old, "-", depth)
        o, n = olds[0], news[0]
        num = (WordOp("=", n.num),) if o.label == n.label and n.num else _pair(o.num, n.num)
        heading = tuple(ch.heading_ops) if ch.heading_ops else _pair(o.heading, n.heading)
        covers_all = bool(ch.ops) and not ch.children and (o.children or n.children) and (
            normalize(_joined(ch.ops, "new")) == normalize(n.full_text)
        )
        text = tuple(ch.ops) if ch.ops else _pair(o.text, n.text)
        lines = [Line(n.eid, self.new.anchor(n), n.kind, depth, num, heading, text)]
        if ch.children:
            for c in ch.children:
                if c.kind == "repealed" and any(id(u) in elsewhere for u in self.units(c.old, self.old)):
                    continue
                lines += self.placed_lines(c, depth + 1)
        elif (o.children or n.children) and not covers_all:
            if [c.full_norm for c in o.children] == [c.full_norm for c in n.children]:
                for c in n.children:
                    lines += self.whole_lines(c, self.new, "=", depth + 1)
            else:
                for c in o.children:
                    lines += self.whole_lines(c, self.old, "-", depth + 1)
                for c in n.children:
                    lines += self.whole_lines(c, self.new, "+", depth + 1)
        return lines

    def placed_lines(self, ch: Change, depth: int) -> list[Line]:
        """A sub-unit moved to another parent is listed twice: at its old place ("from") it reads as deleted,
        at its new place ("to") as inserted."""
        if ch.placement == "from":
            lines = [ln for u in self.units(ch.old, self.old) for ln in self.whole_lines(u, self.old, "-", depth)]
            if lines and "moved" in ch.kinds:  # the target of the "moved from" link at the new place
                lines[0] = replace(lines[0], anchor="was-" + self.anchor(ch))
            return lines
        if ch.placement == "to":
            return [ln for u in self.units(ch.new, self.new) for ln in self.whole_lines(u, self.new, "+", depth)]
        return self.change_lines(ch, depth)

    # ---- citation and places -----------------------------------------------------------------------------
    def chain(self, ch: Change) -> tuple[list[Unit], UnitIndex] | tuple[None, None]:
        for refs, index in ((ch.new, self.new), (ch.old, self.old)):
            for r in refs:
                found = index.find(r)
                if found:
                    return found[1], index
        return None, None

    def _cite_all(self, refs: list[UnitRef], index: UnitIndex) -> str:
        found = [index.find(r) for r in refs]
        return " + ".join(cite(f[1], self.lang) for f in found if f)

    def citation(self, ch: Change) -> str:
        if len(ch.new) > 1:  # a split: every piece
            return self._cite_all(ch.new, self.new)
        chain, _ = self.chain(ch)
        if chain:
            return cite(chain, self.lang)
        ref = (ch.new or ch.old or [UnitRef("", "")])[0]
        return " ".join(x for x in (ref.num, ref.heading) if x) or ref.eid

    def containers(self, ch: Change) -> tuple[tuple[str, str], ...]:
        chain, index = self.chain(ch)
        if not chain or index is None:
            return ()
        return tuple((index.anchor(u), u.display_name()) for u in chain[:-1] if u.kind in CONTAINER_KINDS)

    def chapter(self, ch: Change) -> str:
        for ref in (*ch.new, *ch.old):
            if ref.container:
                return ref.container
        conts = self.containers(ch)
        return conts[-1][1] if conts else ""

    def anchor(self, ch: Change) -> str:
        for refs, index in ((ch.new, self.new), (ch.old, self.old)):
            for r in refs:
                found = index.find(r)
                if found:
                    return index.anchor(found[0])
        return ""

    def eid(self, ch: Change) -> str:
        ref = (ch.new or ch.old or [UnitRef("", "")])[0]
        return ref.eid

    def new_position(self, ch: Change) -> int | None:
        """Position of the change's (first) new provision in the new text, None when it has none."""
        found = self.new.find(ch.new[0]) if ch.new else None
        if found is None:
            return None
        return self.positions.get(id(found[0]))

    def moved(self, ch: Change) -> Moved | None:
        """Where the unit was: for moves, renumberings, and the old units of a split or merge."""
        if {"split", "merged"} & set(ch.kinds) and ch.old and ch.new:
            return Moved(self._cite_all(ch.old, self.old), "")
        if not ({"moved", "renumbered"} & set(ch.kinds)) or not ch.old:
            return None
        found = self.old.find(ch.old[0])
        if found is None:
            return None
        anchor = "was-" + self.anchor(ch) if "moved" in ch.kinds else ""
        return Moved(cite(found[1], self.lang), anchor)

    # ---- rows --------------------------------------------------------------------------------------------
    def rows(self, ch: Change, chapter: str, provision: str, out: list[Row]) -> None:
        if not ch.changed:
            return
        if ch.placement == "from":
            out.append(self.moved_away_row(ch, chapter, provision))
            return
        lines = self.change_lines(ch, 0)  # in the table a moved unit shows its old and its new text
        own_changed = ch.kinds != ("unchanged",)
        by_parts = ch.kind == "reworded" and (ch.new or ch.old)[0].kind == "preamble"  # a row per recital
        if (ch.kind in WHOLE_KINDS and not by_parts) or not ch.children or not any(c.changed for c in ch.children):
            out.append(self.row(ch, lines, chapter, provision))
            return
        if own_changed and lines and (lines[0].changed or {"moved", "renumbered"} & set(ch.kinds)):
            out.append(self.row(ch, lines[:1], chapter, provision))
        for c in ch.children:
            self.rows(c, chapter, provision, out)

    def moved_away_row(self, ch: Change, chapter: str, provision: str) -> Row:
        """The old place of a unit moved to another parent: its old text, deleted here, and where it went."""
        lines = self.placed_lines(ch, 0)
        found = self.old.find(ch.old[0])
        citation = cite(found[1], self.lang) if found else ch.old[0].eid
        to = Moved(self._cite_all(ch.new, self.new), self.anchor(ch)) if ch.new else None
        return Row(0, ch.old[0].eid, lines[0].anchor if lines else "", citation, ch.kinds, chapter,
                   [ln.side("old") for ln in lines], [], provision, moved_to=to)

    def row(self, ch: Change, lines: list[Line], chapter: str, provision: str) -> Row:
        old = [ln.side("old") for ln in lines if ln.present_old] if ch.old else []
        new = [ln.side("new") for ln in lines if ln.present_new] if ch.new else []
        kinds = ch.kinds
        if kinds == ("unchanged",):
            kinds = ("amended",)
        return Row(0, self.eid(ch), self.anchor(ch), self.citation(ch), kinds, chapter, old, new, provision,
                   self.moved(ch))


def _all_kinds(ch: Change) -> list[str]:
    kinds = [k for k in ch.kinds if k != "unchanged"]
    for c in ch.children:
        kinds += [k for k in _all_kinds(c) if k not in kinds]
    return kinds


def _resolve(changes: list[Change], b: "_Builder", old_siblings: list[Unit], new_siblings: list[Unit]) -> None:
    """Pin every UnitRef of the ChangeSet to its unit by position, level by level."""
    for ch in changes:
        olds = b.old.resolve(ch.old, old_siblings)
        news = b.new.resolve(ch.new, new_siblings)
        if ch.kind in ("split", "merged"):  # the children are the pieces: units of this same level
            _resolve(ch.children, b, old_siblings, new_siblings)
        elif ch.children:
            _resolve(ch.children, b, [c for u in olds for c in u.children], [c for u in news for c in u.children])


def build(cs: ChangeSet, old_doc: Document | None, new_doc: Document | None, lang: str) -> RenderModel:
    """The whole rendering model of a comparison, in the UI language ``lang`` (ru, kk, en)."""
    b = _Builder(old_doc, new_doc, lang)
    _resolve(cs.preamble, b, _preamble(old_doc), _preamble(new_doc))
    _resolve(cs.changes, b, b.old.provisions, b.new.provisions)
    rows: list[Row] = []
    blocks: list[tuple[int | None, Block]] = []  # (position in the new text, block)
    chapters: list[str] = []
    chapter_counts: dict[str, dict[str, int]] = {}
    for ch in cs.preamble + cs.changes:  # the preamble first: it has no place among the provisions
        chapter = b.chapter(ch)
        if chapter not in chapters:
            chapters.append(chapter)
        provision = b.eid(ch)
        first = len(rows)
        b.rows(ch, chapter, provision, rows)
        if ch.changed and not any(ch is p for p in cs.preamble):
            counts = chapter_counts.setdefault(chapter, {})
            counts[ch.kind] = counts.get(ch.kind, 0) + 1
        # A split shows each piece at its own place in the new text (the pieces need not be neighbours).
        pieces = ch.children if ch.kind == "split" and len(ch.new) > 1 and ch.children else [ch]
        carried = frozenset(id(u) for p in pieces if p is not ch for c in p.children if c.kind != "repealed"
                            for u in b.units(c.old, b.old))
        for k, piece in enumerate(pieces):
            kinds = tuple(dict.fromkeys(([] if piece is ch else [ch.kind]) + _all_kinds(piece))) or ("unchanged",)
            blk = Block(b.eid(piece), b.anchor(piece), kinds, ch.changed, chapter, b.containers(piece),
                        b.change_lines(piece, 0, carried), list(range(first + 1, len(rows) + 1)) if k == 0 else [],
                        moved_from=b.moved(ch) if k == 0 else None, source=ch)
            blocks.append((b.new_position(piece), blk))
    ordered = _with_ghosts(_in_new_order(blocks), b)
    provision_rows = list(rows)
    rows = _with_container_rows(cs.containers, b, rows, ordered)
    for i, r in enumerate(rows, 1):
        r.number = i
    for blk in ordered:  # positions among the provisions' rows → the rows' numbers
        blk.rows = [provision_rows[n - 1].number for n in blk.rows]
    blocks = ordered
    _one_id_per_unit(blocks)
    _drop_dangling_links(rows, blocks)
    for blk in blocks:
        blk.toc = _toc_entry(blk)
    return RenderModel(rows, blocks, chapters, cs.summary(), chapter_counts,
                       sum(1 for c in cs.containers if c.changed), any(c.changed for c in cs.preamble))


def _preamble(doc: Document | None) -> list[Unit]:
    found = doc.preamble() if doc is not None else None
    return [found] if found is not None else []


def _with_container_rows(containers: list[Change], b: "_Builder", rows: list[Row], blocks: list[Block]) -> list[Row]:
    """The provisions' rows with a row for each changed container (a renamed or renumbered chapter…) placed
    before the rows of the first provision it holds, outer containers before inner ones."""
    changed = [c for c in containers if c.changed]
    if not changed:
        return rows
    starts: dict[str, int] = {}  # container anchor -> index in ``rows`` where its provisions' rows begin
    nxt = 0
    for blk in blocks:
        here = blk.rows[0] - 1 if blk.rows else nxt
        for anchor, _ in blk.containers:
            starts.setdefault(anchor, here)
        if blk.rows:
            nxt = max(nxt, blk.rows[-1])
    placed: list[tuple[int, int, Row]] = []
    for k, ch in enumerate(changed):
        ref = (ch.new or ch.old)[0]
        index = b.new if ch.new else b.old
        found = index.find(ref)
        anchor = index.anchor(found[0]) if found else ""
        display = found[0].display_name() if found else " ".join(x for x in (ref.num, ref.heading) if x)
        chapter = " / ".join(x for x in (ref.container, display) if x)
        own = b.change_lines(ch, 0)[:1]  # the container's own line: number, heading, text; its provisions have rows
        placed.append((starts.get(anchor, len(rows)), k, b.row(ch, own, chapter, ref.eid)))
    out = list(rows)
    for at, _, row in sorted(placed, key=lambda t: (t[0], t[1]), reverse=True):
        out.insert(at, row)
    return out


def _one_id_per_unit(blocks: list[Block]) -> None:
    """A unit shown twice (the old article of a split, in each piece) keeps its anchor at the first place only."""
    seen: set[str] = set()
    for blk in blocks:
        for i, ln in enumerate(blk.lines):
            if ln.anchor in seen:
                blk.lines[i] = replace(ln, anchor="")
            seen.add(ln.anchor)


def _toc_entry(blk: Block) -> str:
    """Number and heading of a provision as the current text has them (the old text for a repealed one)."""
    if not blk.lines:
        return blk.eid
    ln = blk.lines[0]
    side = ln.side("new") if ln.present_new else ln.side("old")
    text = " ".join("".join(op.text for op in part).strip() for part in (side.num, side.heading))
    return " ".join(text.split())[:90] or blk.eid


def _drop_dangling_links(rows: list[Row], blocks: list[Block]) -> None:
    """A "moved from" link needs a place to land (a ghost, or the sub-unit's old line); without one the citation
    stays and the link goes."""
    anchors = {b.anchor for b in blocks} | {ln.anchor for b in blocks for ln in b.lines}
    for item in (*rows, *blocks):
        m = item.moved_from
        if m is not None and m.anchor and m.anchor not in anchors:
            item.moved_from = Moved(m.citation, "")


def _in_new_order(placed: list[tuple[int | None, Block]]) -> list[Block]:
    """Blocks in the order of the new text, given each one's position there; a block with none (a repeal) stays
    after its predecessor."""
    keyed, last = [], -1
    for seq, (position, blk) in enumerate(placed):
        if position is not None:
            last = position
        keyed.append(((last, position is None, seq), blk))
    return [blk for _, blk in sorted(keyed, key=lambda kb: kb[0])]


def _with_ghosts(blocks: list[Block], b: _Builder) -> list[Block]:
    """Insert, for every moved provision, a ghost block at its old place (before the provision that followed it
    in the old version), so "moved from" links land somewhere real."""
    old_pos: dict[int, int] = {}  # block index -> position of its old unit in the old document
    order = {uid: i for i, uid in enumerate(b.old.chains)}  # every old unit, in document order
    for i, blk in enumerate(blocks):
        if blk.source and blk.source.old:
            found = b.old.find(blk.source.old[0])
            if found:
                old_pos[i] = order.get(id(found[0]), -1)

    def moved(j: int) -> bool:
        return "moved" in blocks[j].source.kinds if blocks[j].source else False

    ghosts: dict[int, list[Block]] = {}
    for i, blk in enumerate(blocks):
        if blk.moved_from is None or not moved(i) or i not in old_pos:
            continue
        # The first non-moved block whose old position comes after this one's.
        later = [j for j, p in old_pos.items() if p > old_pos[i] and not moved(j)]
        at = min(later, key=lambda j: old_pos[j]) if later else len(blocks)
        ghosts.setdefault(at, []).append(Block(
            "", blk.moved_from.anchor, ("moved",), True, blk.chapter, blk.containers, [], [],
            ghost_of=blk.anchor, ghost_label=blk.moved_from.citation))
    out: list[Block] = []
    for i, blk in enumerate(blocks):
        out.extend(ghosts.get(i, []))
        out.append(blk)
    out.extend(ghosts.get(len(blocks), []))
    return out
