"""From a ChangeSet to amendment operations, choosing like a drafter.

The drafting rule (documented in docs/versions-and-amendments.md):

* a unit is **rewritten** ("изложить в следующей редакции") when the diff calls it reworded, when fewer than
  ``KEEP_AT_LEAST`` (70 %) of its own words are kept, when its own text needs more than ``MAX_WORD_CHANGES`` (3)
  separate word changes, or when more than ``MAX_PART_INSTRUCTIONS`` (5) instructions would be needed inside it;
* otherwise its changed words are **replaced** ("слова «…» заменить словами «…»"; "после слов … дополнить
  словами …"; "слова … исключить"), its heading is rewritten if it changed, and its parts are amended the same
  way one by one: new parts inserted ("дополнить подпунктом 3-1) …"), dropped parts repealed ("… исключить").
* a part that cannot be cited (unnumbered, or its number is not unique) is never amended on its own: its
  nearest citable ancestor is rewritten instead;
* the same words replaced in ``THROUGHOUT_AT_LEAST`` (3) or more provisions, and nowhere left unreplaced, become
  one instruction "по всему тексту слова «…» заменить словами «…»".

Every operation is checked by applying it to the old text as it is built: whatever would not give the new
wording exactly falls back to rewriting the unit, so ``apply(old, amend(old, new))`` reproduces ``new``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..compare.model import Change, ChangeSet, UnitRef, WordOp
from ..errors import LexdraftError
from ..model import Document, Unit
from ..text import normalize, tokens, words
from .apply import AmendmentError, apply, clone, edit_words, find_unit, find_words, text_of
from .model import CITABLE_KINDS, Operation, Ref, repealed_wording

KEEP_AT_LEAST = 0.70
MAX_WORD_CHANGES = 3
MAX_PART_INSTRUCTIONS = 5
THROUGHOUT_AT_LEAST = 3  # provisions with the same replacement before it becomes "по всему тексту"


@dataclass(frozen=True)
class Rule:
    """The thresholds of the drafting rule (see module docstring)."""

    keep_at_least: float = KEEP_AT_LEAST
    max_word_changes: int = MAX_WORD_CHANGES
    max_part_instructions: int = MAX_PART_INSTRUCTIONS
    throughout_at_least: int = THROUGHOUT_AT_LEAST


class _Rewrite(Exception):
    """Raised inside a unit when only rewriting it will do."""


# ---------------------------------------------------------------- word hunks

def _clean_ops(ops: list[WordOp]) -> list[tuple[str, str]]:
    """(op, text), a cosmetic -/+ pair (quote style only) kept as the old text: drafters do not amend it."""
    out: list[tuple[str, str]] = []
    skip = False
    for k, op in enumerate(ops):
        if skip:
            skip = False
            continue
        nxt = ops[k + 1] if k + 1 < len(ops) else None
        if getattr(op, "cosmetic", False) and op.op == "-" and nxt is not None and nxt.op == "+" and nxt.cosmetic:
            out.append(("=", op.text))
            skip = True
            continue
        out.append((op.op, op.text))
    return out


def _token_runs(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Ops split into single tokens, so context can grow word by word."""
    return [(op, t) for op, text in ops for t in tokens(text)]


def _is_word(tok: str) -> bool:
    return bool(words(tok))


def _hunks(toks: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Index ranges of changed tokens; changes separated by fewer than two kept words form one hunk."""
    spans: list[list[int]] = []
    for i, (op, _) in enumerate(toks):
        if op == "=":
            continue
        if spans:
            gap = [t for o, t in toks[spans[-1][1]:i] if o == "=" and _is_word(t)]
            if len(gap) < 2:
                spans[-1][1] = i + 1
                continue
        spans.append([i, i + 1])
    return [(a, b) for a, b in spans]


def _side(toks: list[tuple[str, str]], keep: str) -> str:
    return "".join(t for o, t in toks if o in ("=", keep))


def _word_operations(old_text: str, toks: list[tuple[str, str]], ref: Ref, rule: Rule) -> list[Operation]:
    """Words operations turning ``old_text`` into the new side of ``toks``; ``_Rewrite`` if not worth it."""
    if not any(o != "=" for o, _ in toks):
        return []
    old_words = len(words(_side(toks, "-")))
    new_words = len(words(_side(toks, "+")))
    kept = len(words("".join(t for o, t in toks if o == "=")))
    if kept < rule.keep_at_least * max(old_words, new_words, 1):
        raise _Rewrite
    hunks = _hunks(toks)
    if len(hunks) > rule.max_word_changes:
        raise _Rewrite
    result: list[Operation] = []
    current = old_text  # the text as the instructions so far leave it
    for a, b in hunks:
        op = _hunk_operation(toks, a, b, ref, current)
        if op is None:
            raise _Rewrite
        expected = _text(toks, b, 0)
        got, n = edit_words(current, op)
        if n != 1 or normalize(got) != normalize(expected):
            raise _Rewrite
        current = expected
        result.append(op)
    return result


def _text(toks: list[tuple[str, str]], done: int, start: int, end: int | None = None, new_from: int = -1) -> str:
    """Tokens [start, end) as the text reads once every hunk before ``done`` is applied; tokens from
    ``new_from`` on (the hunk being worded) in their new form when ``new_from`` ≥ 0."""
    end = len(toks) if end is None else end
    out = []
    for i in range(start, end):
        o, t = toks[i]
        applied = i < done or (0 <= new_from <= i)
        if o == "=" or (o == "+" and applied) or (o == "-" and not applied):
            out.append(t)
    return "".join(out)


def _hunk_operation(toks, a: int, b: int, ref: Ref, current: str) -> Operation | None:
    """The smallest words instruction for hunk [a, b): grow context (left first, as in "после слов …") until
    the quoted words occur exactly once in the current text."""
    left, right = a, b
    pure_insert = not any(o == "-" for o, _ in toks[a:b])
    pure_delete = not any(o == "+" for o, _ in toks[a:b])
    while True:
        old = _text(toks, a, left, right).strip()
        new = (_text(toks, a, left, a) + _text(toks, a, a, b, new_from=a) + _text(toks, a, b, right)).strip()
        ctx_left = _text(toks, a, left, a).strip()
        ctx_right = _text(toks, a, b, right).strip()
        if old and len(find_words(current, old)) == 1:
            if pure_insert and ctx_left and not ctx_right:
                inserted = "".join(t for o, t in toks[a:b] if o == "+").strip()
                return Operation("insert_words", ref, old=ctx_left, new=inserted)
            if pure_delete and not ctx_left and not ctx_right:
                return Operation("delete_words", ref, old=old)
            return Operation("replace_words", ref, old=old, new=new)
        if left > 0:
            left -= 1
            while left > 0 and not _is_word(toks[left][1]):
                left -= 1
        elif right < len(toks):
            right += 1
            while right < len(toks) and not _is_word(toks[right - 1][1]):
                right += 1
        else:
            return None


# ---------------------------------------------------------------- units

def _citable(unit: Unit) -> bool:
    return bool(unit.label) and unit.kind in CITABLE_KINDS


class _Drafter:
    def __init__(self, old: Document, new: Document, rule: Rule):
        self.old, self.new, self.rule = old, new, rule
        self.root = Unit(kind="root", children=old.units)
        self.eid_count: dict[str, int] = {}
        for u in old.walk():
            self.eid_count[u.eid] = self.eid_count.get(u.eid, 0) + 1

    def ref(self, trail: list[Unit]) -> Ref | None:
        """The citation of the last unit of ``trail``: its numbered path from the provision down, or — where
        units carry no numbers (e.g. a "Artículo 4" heading with no ``<num>``) — its eId if unique."""
        unit = trail[-1]
        path = tuple((u.kind, u.label) for u in trail if u.label)
        if _citable(unit) and path and len(path) == sum(1 for u in trail if u.kind in CITABLE_KINDS):
            found, _ = find_unit(self.root, Ref(path))
            if found is unit:
                return Ref(path, unit.eid)
        if unit.eid and self.eid_count.get(unit.eid) == 1:
            return Ref((), unit.eid)
        return None

    def cite(self, trail: list[Unit]) -> Ref:
        """``ref`` for a provision, which must be citable: a one-line error naming it otherwise."""
        ref = self.ref(trail)
        if ref is None:
            unit = trail[-1]
            raise LexdraftError(f"{unit.display_name()} can be cited neither by number nor by a unique eId",
                                self.old.path, unit.line)
        return ref

    def unit_ops(self, o: Unit, n: Unit, ch: Change, trail: list[Unit]) -> list[Operation]:
        """Operations turning ``o`` into ``n`` (a 1-1 pair); rewrite of ``o`` when the rule says so."""
        ref = self.ref(trail)
        if ref is None:
            raise _Rewrite
        rewrite = self.rewrite(ref, o, n)
        if "reworded" in ch.kinds or "split" in ch.kinds or "merged" in ch.kinds:
            return rewrite
        try:
            ops: list[Operation] = []
            if o.num.strip() != n.num.strip():
                ops.append(Operation("renumber", ref, new=n.num))
            if normalize(o.heading) != normalize(n.heading):
                ops.append(Operation("rewrite_heading", ref, new=n.heading))
            toks = _token_runs(_clean_ops(ch.ops))
            if normalize(_side(toks, "-")) != o.norm or normalize(_side(toks, "+")) != n.norm:
                raise _Rewrite
            ops.extend(_word_operations(o.text, toks, ref, self.rule))
            ops.extend(self.children_ops(o, n, ch, trail, ref))
            if len(ops) > self.rule.max_part_instructions:
                raise _Rewrite
            return ops
        except _Rewrite:
            return rewrite

    def children_ops(self, o: Unit, n: Unit, ch: Change, trail: list[Unit], ref: Ref) -> list[Operation]:
        ops: list[Operation] = []
        anchor: Unit | None = None  # last old child kept in place, the anchor for insertions
        pending_start = True
        for c in _pair_same_numbers(ch.children, o.children, n.children):
            if not c.changed and c.old and c.new and c.placement == "":
                anchor = _pick(o.children, c.old[0])
                pending_start = False
                continue
            olds = [_pick(o.children, r) for r in c.old] if c.placement != "to" else []
            news = [_pick(n.children, r) for r in c.new] if c.placement != "from" else []
            moving = c.placement or "moved" in c.kinds or c.kind in ("split", "merged")
            if len(olds) == 1 and len(news) == 1 and not moving and c.kind != "repealed":
                ops.extend(self.unit_ops(olds[0], news[0], c, trail + [olds[0]]))
                anchor = olds[0]
                pending_start = False
                continue
            if c.kind == "repealed" and olds and news:  # repealed in place: "3. Исключен" stays
                r = self.ref(trail + [olds[0]])
                if r is None:
                    raise _Rewrite
                ops.extend([self.repeal_in_place(r, news[0]) or Operation("rewrite", r, unit=news[0])])
                anchor = olds[0]
                continue
            for u in olds:
                r = self.ref(trail + [u])
                if r is None or self.keeps_numbers(u):
                    # Under the Kazakh convention "исключить" leaves "3. Исключен." in place: a part that is
                    # simply gone from the new wording can only come from rewriting its parent.
                    raise _Rewrite
                ops.append(Operation("repeal", r))
            for u in news:
                if not _citable(u):
                    raise _Rewrite
                if anchor is not None:
                    r = self.ref(trail + [anchor])
                    if r is None:
                        raise _Rewrite
                    ops.append(Operation("insert", ref, unit=u, after=r))
                elif pending_start:
                    ops.append(Operation("insert", ref, unit=u, at_start=True))
                else:
                    raise _Rewrite
        return ops

    @staticmethod
    def rewrite(ref: Ref, o: Unit, n: Unit) -> list[Operation]:
        """"изложить в следующей редакции" (the quoted wording carries the new number if it changed)."""
        return [Operation("rewrite", ref, unit=n)]

    def keeps_numbers(self, unit: Unit) -> bool:
        """True where a repealed unit keeps its number (Kazakh acts), so it cannot silently disappear."""
        return bool(repealed_wording(self.old.frbr.language, unit.kind, self.old.frbr.country or "kz"))

    def repeal_in_place(self, ref: Ref, n: Unit) -> Operation | None:
        """"пункт 3 исключить" when the new version reads just "3. Исключен." (the convention of the act)."""
        wording = repealed_wording(self.old.frbr.language, n.kind, self.old.frbr.country or "kz")
        if wording and not n.children and not n.heading and normalize(n.text) == normalize(wording):
            return Operation("repeal", ref, new=wording)
        return None

    def provision_ops(self, o: Unit, n: Unit, c: Change, trail: list[Unit]) -> list[Operation]:
        """A provision's operations, verified on the provision alone; a rewrite when they fall short."""
        ref = self.cite(trail)
        rewrite = self.rewrite(ref, o, n)
        if c.kind == "repealed":
            repeal = self.repeal_in_place(ref, n)
            return [repeal] if repeal else rewrite
        try:
            ops = self.unit_ops(o, n, c, trail)
        except _Rewrite:
            return rewrite
        if ops == rewrite:
            return ops
        mini = Document(path="", dialect="", frbr=self.old.frbr, units=[clone(o)])
        try:
            got = apply(mini, ops)
        except AmendmentError:
            return rewrite
        return ops if text_of(got.units) == text_of([n]) else rewrite

    def provisions(self, cs: ChangeSet) -> list[Operation]:
        """Operations for the top-level provisions, in the order of the act.

        A 1-1 pair that kept its place is amended in place; anything else (moved, split, merged, inserted)
        repeals the old units and inserts the new ones, each after the nearest provision before it in the new
        version that stayed in place (successive insertions after one anchor follow each other).
        """
        olds, news = self.old.provisions(), self.new.provisions()
        trails = _trails(self.old)
        events: list[tuple[float, int, list[Operation]]] = []
        kept: dict[int, tuple[Unit, Change]] = {}  # new index -> (old unit, change) amended in place
        inserted: set[int] = set()
        last_new = -1.0
        for seq, c in enumerate(_pair_same_numbers(cs.changes, olds, news)):
            o_units = [olds[r.index] for r in c.old]
            moving = "moved" in c.kinds or c.kind in ("split", "merged")
            if len(c.old) == 1 and len(c.new) == 1 and not moving:
                kept[c.new[0].index] = (o_units[0], c)
                last_new = c.new[0].index
                continue
            if c.kind in ("split", "merged"):
                # The piece that keeps the old number is the old unit in a new wording ("изложить"), in place.
                same = [(o, r) for o in o_units for r in c.new if news[r.index].label == o.label and o.label]
                if same:
                    o, r = same[0]
                    kept[r.index] = (o, Change(("reworded",), [], [], 0.0))
                    o_units = [u for u in o_units if u is not o]
                    c = Change(c.kinds, [x for x in c.old if olds[x.index] is not o], [x for x in c.new if x is not r])
            for u in o_units:
                events.append((last_new + 0.5, seq, [Operation("repeal", self.cite(trails[id(u)]))]))
            inserted.update(r.index for r in c.new)
            if c.new:
                last_new = max(last_new, max(r.index for r in c.new))
        anchor: Unit | None = None
        for j, n in enumerate(news):
            if j in kept:
                o, c = kept[j]
                if c.changed or o.num.strip() != n.num.strip():
                    events.append((j, 0, self.provision_ops(o, n, c, trails[id(o)])))
                anchor = o
            elif j in inserted:
                if anchor is not None:
                    op = Operation("insert", Ref(), unit=n, after=self.cite(trails[id(anchor)]))
                else:
                    op = Operation("insert", Ref(), unit=n, at_start=True)
                events.append((j, 0, [op]))
        events += self.container_events(cs, news)
        events.sort(key=lambda e: (e[0], e[1]))
        return [op for _, _, ops in events for op in ops]

    def container_events(self, cs: ChangeSet, news: list[Unit]) -> list[tuple[float, int, list[Operation]]]:
        """"заголовок главы 19 изложить в следующей редакции" for each container whose heading changed, placed
        before the operations on the first provision it holds. Containers inserted, repealed, moved or renumbered
        are structure, which the provisions' own operations carry (or cannot), and are left out; so are those
        that cannot be cited by a number of a citable kind (a part, an unnumbered section)."""
        wanted = [(seq, c) for seq, c in enumerate(cs.containers) if len(c.old) == 1 and len(c.new) == 1
                  and not {"moved", "renumbered"} & set(c.kinds)
                  and any(o.op != "=" and not o.cosmetic for o in c.heading_ops)]
        if not wanted:
            return []
        old_chains, new_chains = _chains(self.old), _chains(self.new)
        old_units = {(u.eid, u.line): u for u in self.old.walk()}
        new_units = {(u.eid, u.line): u for u in self.new.walk()}
        first: dict[int, int] = {}  # id(new container) -> index of the first provision inside it
        for j, p in enumerate(news):
            for u in new_chains[id(p)]:
                first.setdefault(id(u), j)
        events = []
        for seq, c in wanted:
            o = old_units.get((c.old[0].eid, c.old[0].line))
            n = new_units.get((c.new[0].eid, c.new[0].line))
            if o is None or n is None or not n.heading:
                continue
            trail = old_chains[id(o)] + [o]
            ref = self.ref([u for u in trail if u.kind in CITABLE_KINDS] or trail)
            if ref is None or not ref.path:  # a container is cited by its number ("главы 19"), never by an eId
                continue
            events.append((first.get(id(n), len(news)) - 0.75, seq, [Operation("rewrite_heading", ref, new=n.heading)]))
        return events


def _pair_same_numbers(changes: list[Change], olds: list[Unit], news: list[Unit]) -> list[Change]:
    """A unit dropped and a unit added under the same number are one unit in a new wording (a drafter writes
    "пункт 1 изложить в следующей редакции", never "пункт 1 исключить; дополнить пунктом 1")."""
    gone = {}
    for k, c in enumerate(changes):
        if c.kinds == ("repealed",) and len(c.old) == 1 and not c.new and not c.placement:
            u = olds[c.old[0].index] if 0 <= c.old[0].index < len(olds) else None
            if u is not None and u.label:
                gone.setdefault(u.label, []).append(k)
    out = list(changes)
    drop: set[int] = set()
    for k, c in enumerate(changes):
        if c.kinds == ("inserted",) and len(c.new) == 1 and not c.old and not c.placement:
            u = news[c.new[0].index] if 0 <= c.new[0].index < len(news) else None
            ks = gone.get(u.label if u is not None else "", [])
            between = changes[min(k, ks[0]) + 1:max(k, ks[0])] if len(ks) == 1 else []
            in_place = not any(b.old and b.new for b in between)  # no unit kept in place between them
            if u is not None and u.label and len(ks) == 1 and ks[0] not in drop and in_place:
                old_change = changes[ks[0]]
                out[k] = Change(("reworded",), old_change.old, c.new, 0.0)
                drop.add(ks[0])
    return [c for k, c in enumerate(out) if k not in drop]


def _pick(units: list[Unit], ref) -> Unit:
    """The unit a ChangeSet ``UnitRef`` points at among ``units``; ``_Rewrite`` if it is not there."""
    if 0 <= ref.index < len(units) and units[ref.index].eid == ref.eid and units[ref.index].num == ref.num:
        return units[ref.index]
    raise _Rewrite


def _chains(doc: Document) -> dict[int, list[Unit]]:
    """id(unit) -> the units above it, outermost first, for every unit of the document."""
    out: dict[int, list[Unit]] = {}

    def rec(units: list[Unit], trail: list[Unit]) -> None:
        for u in units:
            out[id(u)] = trail
            rec(u.children, trail + [u])

    rec(doc.units, [])
    return out


def _trails(doc: Document) -> dict[int, list[Unit]]:
    """id(unit) -> the unit with its ancestors, from the top of the document (containers dropped later)."""
    units = {id(u): u for u in doc.walk()}
    out = {key: above + [units[key]] for key, above in _chains(doc).items()}
    provisions = {id(p) for p in doc.provisions()}
    # Citations start at the provision: drop containers (chapters) above it.
    for key, t in out.items():
        start = next((i for i, u in enumerate(t) if id(u) in provisions), 0)
        out[key] = t[start:]
    return out


def throughout(old: Document, new: Document, ops: list[Operation], rule: Rule) -> list[Operation]:
    """Replace the same words in many places by one "по всему тексту" instruction, as drafters do when a term
    changes across an act — only where the old words occur nowhere else (so the result is the same), and only
    when the replacement recurs in at least ``rule.throughout_at_least`` provisions."""
    places: dict[tuple[str, str], list[int]] = {}
    for k, op in enumerate(ops):
        if op.action == "replace_words" and op.target.path:
            places.setdefault((op.old, op.new), []).append(k)
    pairs = []
    drop: set[int] = set()
    for (old_words, new_words), ks in places.items():
        provisions = {ops[k].target.path[0] for k in ks}
        if len(provisions) < rule.throughout_at_least:
            continue
        everywhere = sum(len(find_words(u.text, old_words)) + len(find_words(u.heading, old_words))
                         for u in old.walk())
        if everywhere == len(ks):  # each occurrence is one of these instructions
            pairs.append((old_words, new_words))
            drop.update(ks)
    if not pairs:
        return ops
    candidate = [Operation("replace_throughout", pairs=tuple(pairs))] + [
        op for k, op in enumerate(ops) if k not in drop]
    try:
        got = apply(old, candidate)
    except AmendmentError:
        return ops
    return candidate if text_of(got.provisions()) == text_of(apply(old, ops).provisions()) else ops


def _reuses_numbers(ops: list[Operation]) -> bool:
    """An article repealed and an article inserted under the same number: what the diff saw as a move."""
    gone = {op.target.path[0][1] for op in ops if op.action == "repeal" and len(op.target.path) == 1}
    return any(op.action == "insert" and op.target.is_root and op.unit.label in gone for op in ops)


def by_number(old: Document, new: Document) -> list[Change]:
    """Top-level changes pairing provisions by their numbers (for acts where numbers never move): same number →
    one provision (rewritten if its wording differs), a new number → inserted, a number gone → repealed."""
    olds, news = old.provisions(), new.provisions()
    index = {u.label: i for i, u in enumerate(olds) if u.label}
    changes: list[Change] = []
    done: set[int] = set()

    def ref(u: Unit, i: int) -> UnitRef:
        return UnitRef(eid=u.eid, num=u.num, heading=u.heading, kind=u.kind, line=u.line, index=i)

    for j, n in enumerate(news):
        i = index.get(n.label) if n.label else None
        if i is None:
            changes.append(Change(("inserted",), [], [ref(n, j)], 0.0))
            continue
        for k in range(len(olds)):
            if k < i and k not in done and olds[k].label not in {x.label for x in news}:
                changes.append(Change(("repealed",), [ref(olds[k], k)], [], 0.0))
                done.add(k)
        done.add(i)
        same = text_of([olds[i]]) == text_of([n])
        changes.append(Change(("unchanged",) if same else ("reworded",), [ref(olds[i], i)], [ref(n, j)],
                              1.0 if same else 0.0))
    changes += [Change(("repealed",), [ref(u, k)], [], 0.0) for k, u in enumerate(olds) if k not in done]
    return changes


def draft(old: Document, new: Document, changeset: ChangeSet, rule: Rule = Rule()) -> list[Operation]:
    """The amendment operations turning ``old`` into ``new``, in the order of the act, checked by applying.

    In an act whose repealed units keep their numbers (Kazakh acts), a move the diff reports — an article
    repealed and another inserted under the same number — cannot be worded; such drafts pair the articles by
    number instead (``by_number``)."""
    drafter = _Drafter(old, new, rule)
    ops = drafter.provisions(changeset)
    if _reuses_numbers(ops) and drafter.keeps_numbers(Unit("article")):
        ops = drafter.provisions(replace(changeset, changes=by_number(old, new)))
    ops = throughout(old, new, ops, rule)
    numbered = [_numbered(op, i + 1) for i, op in enumerate(ops)]
    try:
        apply(old, numbered)
    except AmendmentError as exc:  # pragma: no cover - a drafting bug; say which instruction
        raise AmendmentError(exc.problems, old.path) from None
    return numbered


def _numbered(op: Operation, i: int) -> Operation:
    return replace(op, number=str(i))
