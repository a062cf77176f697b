"""Containers above the provisions (parts, titles, chapters, sections): paired, then compared by number and heading.

A renamed chapter ("Глава 19. Гарантии безопасного …" → "Глава 19. Гарантии надёжного …") is a textual change a
drafter makes and a reviewer must see, yet the provisions inside it may not change at all.

Containers are paired level by level (the outermost of one version with the outermost of the other, so a
proposal's TITLE III can pair with an act's CHAPTER III):

1. the same number and heading: a chapter that kept both is the same chapter, whatever moved in or out of it;
2. the provisions they hold, as the provision alignment paired them: a chapter is the same chapter when most of
   its articles went into it;
3. for containers holding no paired provision, the same identifier, then the same number.

What is left was inserted or repealed, except containers that hold no provision at all (heading-only lines of
converted markup), which are left out. The preamble is not a container and is not compared here.

Each pair is one ``Change`` with the kinds of a provision (``renumbered``, ``amended``/``reworded`` for heading or
own-text words, ``moved`` when it left the order of the others, ``inserted``, ``repealed``, ``unchanged``), its
heading and own text as word ops, and no children: the provisions inside are in ``ChangeSet.changes``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import CONTAINER_KINDS, Unit
from ..numbering import renumbered
from ..text import normalize
from .align import Pair, moved_pairs, order_pairs
from .model import Change, UnitRef
from .worddiff import stats, text_ops, whole_ops


@dataclass
class _Container:
    unit: Unit
    level: int  # 0 = outermost container
    index: int  # position among its sibling containers
    parent: str  # the containers above it as displayed ("Part I / Chapter 2")
    holds: bool  # it holds at least one provision


# The preamble is not a container of provisions; its recitals are not compared here.
_STRUCTURE = frozenset(CONTAINER_KINDS) - {"preamble", "recitals"}


def _tree(units: list[Unit], provisions: list[Unit]) -> tuple[list[_Container], dict[int, list[int]]]:
    """Containers (empty ones included) in document order, and for each provision (by index) its containers'
    positions in that list, outermost first. One walk: whether a container holds a provision is known once its
    subtree has been walked."""
    prov_index = {id(u): k for k, u in enumerate(provisions)}
    found: list[_Container] = []
    chain_of: dict[int, list[int]] = {}

    def rec(children: list[Unit], chain: list[int], trail: tuple[str, ...]) -> bool:
        """Record the containers among ``children``; True if any provision is below them."""
        any_provision = False
        siblings = 0
        for u in children:
            k = prov_index.get(id(u))
            if k is not None:
                chain_of[k] = chain
                any_provision = True
                continue
            at = len(found)
            found.append(_Container(u, len(chain), siblings, " / ".join(trail), False))
            full = rec(u.children, chain + [at], trail + (u.display_name(),))
            if u.kind not in _STRUCTURE and not full:  # neither a container nor holding one: not kept
                del found[at:]
                continue
            found[at].holds = full
            siblings += 1
            any_provision = any_provision or full
        return any_provision

    rec(units, [], ())
    return found, chain_of


def _ref(c: _Container) -> UnitRef:
    u = c.unit
    return UnitRef(eid=u.eid, num=u.num, heading=u.heading, kind=u.kind, line=u.line, container=c.parent,
                   index=c.index)


def _pairs(olds: list[_Container], news: list[_Container], votes: Counter) -> list[Pair]:
    """One-to-one pairs: the same level, number and heading; then most shared provisions; then the same
    identifier; then the same level and number."""
    pairs: list[Pair] = []
    old_done: set[int] = set()
    new_done: set[int] = set()

    def by_key(how: str, key) -> None:
        """Pair the free containers whose ``key`` names exactly one free container on each side."""
        olds_by: dict = defaultdict(list)
        for i, c in enumerate(olds):
            if i not in old_done and key(c):
                olds_by[key(c)].append(i)
        news_by: dict = defaultdict(list)
        for j, c in enumerate(news):
            if j not in new_done and key(c):
                news_by[key(c)].append(j)
        for k, js in news_by.items():
            found = olds_by.get(k, ())
            if len(js) == 1 and len(found) == 1 and olds[found[0]].level == news[js[0]].level:
                old_done.add(found[0])
                new_done.add(js[0])
                pairs.append(Pair([found[0]], js, how, 0.0))

    # A container that kept its number and heading is the same container, whatever moved in or out of it.
    by_key("number+heading", lambda c: (c.level, c.unit.label, normalize(c.unit.heading)) if c.unit.label else None)
    for (i, j), _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if i in old_done or j in new_done or olds[i].level != news[j].level:
            continue
        old_done.add(i)
        new_done.add(j)
        pairs.append(Pair([i], [j], "provisions", float(votes[(i, j)])))
    # Containers holding no paired provision (empty ones, or all of theirs inserted or repealed): the same
    # identifier, then the same level and number.
    by_key("wid", lambda c: c.unit.wid)
    by_key("eid", lambda c: c.unit.eid)
    by_key("same-number", lambda c: (c.level, c.unit.label) if c.unit.label else None)
    # An unpaired container that holds no provision is left out: in converted markup these are heading-only
    # lines (the AI Act proposal's empty <section>s "Chapter 1", "Chapter 2"…), not structure that came or went.
    pairs += [Pair([i], [], "repealed") for i in range(len(olds)) if i not in old_done and olds[i].holds]
    pairs += [Pair([], [j], "inserted") for j in range(len(news)) if j not in new_done and news[j].holds]
    return order_pairs(pairs, len(olds))


def _change(o: _Container | None, n: _Container | None, moved: bool) -> Change:
    if o is None or n is None:
        c = o or n
        assert c is not None
        op = "-" if n is None else "+"
        return Change(kinds=("repealed",) if n is None else ("inserted",), old=[_ref(c)] if n is None else [],
                      new=[] if n is None else [_ref(c)], similarity=0.0,
                      heading_ops=whole_ops(op, c.unit.heading), ops=whole_ops(op, c.unit.text))
    heading_ops = text_ops(o.unit.heading, n.unit.heading)
    ops = text_ops(o.unit.text, n.unit.text)
    words = stats(heading_ops) + stats(ops)
    kinds: list[str] = ["moved"] if moved else []
    if renumbered(o.unit.num, n.unit.num):
        kinds.append("renumbered")
    if words.changed:
        kinds.append(words.wording_kind)
    return Change(kinds=tuple(kinds) or ("unchanged",), old=[_ref(o)], new=[_ref(n)],
                  similarity=round(words.similarity, 4), heading_ops=heading_ops, ops=ops)


def diff_containers(old_units: list[Unit], new_units: list[Unit], old_provisions: list[Unit],
                    new_provisions: list[Unit], changes: list[Change]) -> list[Change]:
    """Every container of both versions, paired, in the new version's order (repealed ones where they were).

    ``changes`` are the top-level provision changes of the same comparison (``UnitRef.index`` is the position
    in ``old_provisions`` / ``new_provisions``); their pairs vote for the pairs of the containers around them.
    """
    olds, old_chain = _tree(old_units, old_provisions)
    news, new_chain = _tree(new_units, new_provisions)
    if not olds and not news:
        return []
    votes: Counter = Counter()
    for c in changes:
        for a in c.old:
            for b in c.new:
                oc, nc = old_chain.get(a.index, []), new_chain.get(b.index, [])
                for i, j in zip(oc, nc):  # level by level, outermost first
                    votes[(i, j)] += 1
    pairs = _pairs(olds, news, votes)
    moved = moved_pairs(pairs)
    return [_change(olds[p.old[0]] if p.old else None, news[p.new[0]] if p.new else None, k in moved)
            for k, p in enumerate(pairs)]
