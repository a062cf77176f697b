"""Human-readable views of a ChangeSet: a terminal summary and a patch-like unified view.

The summary lists counts per kind, then each changed unit at the chosen level (article, paragraph or point)
with its word changes inline — ``[-deleted-]{+inserted+}`` in plain text, red/green with rich on a terminal.
Non-official inputs carry their provenance warning at the top of every view.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from .model import KINDS, Change, ChangeSet, UnitRef, WordOp
from .rebuild import Rebuilt, side_units

LEVEL_DEPTH = {"article": 0, "paragraph": 1, "point": 2}
_SIGN = {"inserted": "+", "repealed": "-", "unchanged": " "}
STYLE = {"-": "red strike", "+": "green underline", "=": "", "head": "bold", "warn": "bold yellow", "dim": "dim"}


@dataclass
class Entry:
    """One changed unit to show, with the path of numbers that leads to it."""

    change: Change
    path: str
    depth: int


def ref_label(refs: list[UnitRef]) -> str:
    if not refs:
        return "—"
    return " + ".join(" ".join(x for x in (r.num or r.eid, r.heading) if x) for r in refs)


def change_title(c: Change) -> str:
    """ "old → new" as numbered and titled; a unit with neither (a preamble) by its kind."""
    if not any(r.num or r.eid or r.heading for r in c.old + c.new):
        return (c.new or c.old or [UnitRef("", "", kind="—")])[0].kind or "—"
    old, new = ref_label(c.old), ref_label(c.new)
    if not c.old:
        return new
    if not c.new:
        return old
    return old if old == new else f"{old} → {new}"


def _path_of(parent: str, c: Change) -> str:
    ref = (c.new or c.old)[0]
    return f"{parent} {ref.num or ref.eid}".strip()


def entries(cs: ChangeSet, level: str) -> list[Entry]:
    """Changed units at ``level``; a changed unit with no sub-units below that level stands for itself."""
    depth = LEVEL_DEPTH[level]
    out: list[Entry] = []

    def visit(c: Change, path: str, d: int) -> None:
        if not c.changed:
            return
        here = _path_of(path, c)
        below = [x for x in c.children if x.changed]
        own = c.kinds != ("unchanged",) and (c.ops or c.heading_ops or not c.children)
        if d >= depth or not below or c.kind in ("inserted", "repealed", "split", "merged"):
            out.append(Entry(c, here, d))
            return
        if own and any(o.op != "=" for o in c.ops + c.heading_ops):
            out.append(Entry(c, here, d))
        for x in below:
            visit(x, here, d + 1)

    for c in cs.changes:
        visit(c, "", 0)
    return out


def summary_counts(cs: ChangeSet, level: str) -> dict[str, int]:
    if level == "article":
        return cs.summary()
    counts = {k: 0 for k in KINDS}
    for e in entries(cs, level):
        counts[e.change.kind] += 1
    return counts


CONTEXT_WORDS = 8  # kept words shown on each side of a change in the summary


def _elide(text: str, keep_head: bool, keep_tail: bool, n: int = CONTEXT_WORDS) -> str:
    """A long kept run shortened to its first/last ``n`` words around "…"."""
    words = text.split(" ")
    if len(words) <= 2 * n + 1:
        return text
    head = " ".join(words[:n]) if keep_head else ""
    tail = " ".join(words[-n:]) if keep_tail else ""
    return f"{head} … {tail}".strip(" ") if head or tail else "…"


def inline_ops(ops: list[WordOp], color: bool, context: bool = True) -> Text:
    """Word ops as one line: kept text plain (long runs elided around the changes), deletions and insertions
    marked; a cosmetic difference shows the new form."""
    t = Text()
    last = len(ops) - 1
    for k, o in enumerate(ops):
        if o.cosmetic:
            if o.op != "-":
                t.append(o.text)
            continue
        if o.op == "=":
            t.append(_elide(o.text, k > 0, k < last) if context else o.text)
        elif color:
            t.append(o.text, style=STYLE[o.op])
        else:
            t.append(("[-" if o.op == "-" else "{+") + o.text + ("-]" if o.op == "-" else "+}"))
    return t


def _detail(c: Change, color: bool, indent: str, out: list[Text]) -> None:
    """The word-level lines of one changed unit and its changed sub-units."""
    if c.kind in ("split", "merged"):
        for part in c.children:
            out.append(Text(f"{indent}{change_title(part)} [{', '.join(part.kinds)}]"))
            _detail(part, color, indent + "  ", out)
        return
    if c.heading_ops and any(o.op != "=" and not o.cosmetic for o in c.heading_ops):
        out.append(Text(indent + "heading: ") + inline_ops(c.heading_ops, color))
    if c.ops and any(o.op != "=" and not o.cosmetic for o in c.ops):
        out.append(Text(indent) + inline_ops(c.ops, color))
    for x in c.children:
        if not x.changed:
            continue
        ref = (x.new or x.old)[0]
        kinds = ", ".join(x.kinds)
        other = (x.new if x.placement == "from" else x.old)[0] if x.placement else None
        where = (f" ({'moved to' if x.placement == 'from' else 'moved from'} "
                 + ", ".join(p for p in (other.container, other.num or other.eid) if p) + ")") if other else ""
        line = Text(f"{indent}{_SIGN.get(x.kind, '~')} {change_title(x)} [{kinds}]{where}")
        out.append(line)
        if x.kind in ("inserted", "repealed"):
            text = "".join(o.text for o in x.ops)
            if text:
                out.append(Text(indent + "    " + text, style=STYLE["+" if x.kind == "inserted" else "-"] if color else ""))
            continue
        _detail(x, color, indent + "    ", out)


def header(cs: ChangeSet) -> list[Text]:
    lines = [Text(f"--- {cs.old.path}  {cs.old.frbr.expression or cs.old.frbr.date}".rstrip()),
             Text(f"+++ {cs.new.path}  {cs.new.frbr.expression or cs.new.frbr.date}".rstrip())]
    for side_name, side in (("old", cs.old), ("new", cs.new)):
        if side.provenance.warning:
            lines.append(Text(f"! {side_name}: {side.provenance.warning}", style=STYLE["warn"]))
    return lines


def render_summary(cs: ChangeSet, level: str = "article", color: bool = False) -> list[Text]:
    """The default terminal view."""
    out = header(cs)
    counts = summary_counts(cs, level)
    shown = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    kinds = {r.kind for c in cs.changes for r in c.old + c.new}
    top = f"{kinds.pop()}s" if len(kinds) == 1 else "provisions"
    what = top if level == "article" else f"changes at {level} level"
    out.append(Text(f"{what}: {shown or 'none'}", style=STYLE["head"] if color else ""))
    out.extend(_preamble_lines(cs, color))
    out.extend(_container_lines(cs, color))
    group = None
    for e in entries(cs, level):
        c = e.change
        container = ((c.new or c.old)[0].container if e.depth == 0 else "")
        if container and container != group:
            group = container
            out.append(Text(""))
            out.append(Text(container, style=STYLE["head"] if color else ""))
        sim = f" similarity {c.similarity:.2f}" if c.old and c.new else ""
        title = change_title(c) if e.depth == 0 else f"{e.path}"
        out.append(Text(f"{_SIGN.get(c.kind, '~')} {title} [{', '.join(c.kinds)}]{sim}",
                        style=STYLE["head"] if color else ""))
        if c.kind in ("inserted", "repealed"):
            continue
        _detail(c, color, "    ", out)
    return out


def _kind_counts(changes: list[Change]) -> str:
    """"3 amended, 2 inserted": the changed ones per primary kind, in order of first appearance."""
    counts: dict[str, int] = {}
    for c in changes:
        if c.changed:
            counts[c.kind] = counts.get(c.kind, 0) + 1
    return ", ".join(f"{n} {k}" for k, n in counts.items())


def _preamble_lines(cs: ChangeSet, color: bool) -> list[Text]:
    """The changed preamble: its kinds, the count of its changed recitals and citations per kind, then each."""
    head = STYLE["head"] if color else ""
    out: list[Text] = []
    for c in cs.preamble:
        if not c.changed:
            continue
        parts = _kind_counts(c.children)
        sim = f" similarity {c.similarity:.2f}" if c.old and c.new else ""
        inner = f"; recitals and citations: {parts}" if parts else ""
        out.append(Text(f"preamble: {', '.join(c.kinds)}{sim}{inner}", style=head))
        if c.kind not in ("inserted", "repealed"):
            _detail(c, color, "    ", out)
    return out


def _container_lines(cs: ChangeSet, color: bool) -> list[Text]:
    """The changed containers (a renamed or renumbered chapter…), each with its heading's word changes."""
    changed = [c for c in cs.containers if c.changed]
    if not changed:
        return []
    head = STYLE["head"] if color else ""
    out = [Text(f"containers: {_kind_counts(changed)}", style=head)]
    for c in changed:
        out.append(Text(f"{_SIGN.get(c.kind, '~')} {(c.new or c.old)[0].kind} {change_title(c)} [{', '.join(c.kinds)}]",
                        style=head))
        if c.kind not in ("inserted", "repealed"):
            _detail(c, color, "    ", out)
    return out


def _unit_lines(c: Change, side: str) -> list[str]:
    """One side of a change as printed lines: "num heading", then text; "num text" for untitled units."""
    lines: list[str] = []

    def emit(u: Rebuilt, indent: str) -> None:
        paras = [t for t in u.text.split("\n") if t]
        if u.heading or not paras:
            first = " ".join(x for x in (u.num, u.heading) if x)
            lines.extend([indent + first] if first else [])
            lines.extend(indent + "  " + t for t in paras)
        else:  # "3. Text of the paragraph" on one line, as printed
            lines.append(indent + " ".join(x for x in (u.num, paras[0]) if x))
            lines.extend(indent + "  " + t for t in paras[1:])
        for child in u.children:
            emit(child, indent + "  ")

    for _, unit in side_units(c, side):
        emit(unit, "")
    return lines


def render_unified(cs: ChangeSet, color: bool = False) -> list[Text]:
    """A patch-like view: one hunk per changed provision, lines prefixed with " ", "-" or "+"."""
    import difflib

    out = header(cs)
    for c in cs.containers:  # a container hunk shows its own number, heading and text (its provisions follow)
        if not c.changed:
            continue
        out.append(Text(f"@@ {(c.new or c.old)[0].kind} {change_title(c)} [{', '.join(c.kinds)}] @@",
                        style="cyan" if color else ""))
        for sign, refs, ops, style in (("-", c.old, "-", "red"), ("+", c.new, "+", "green")):
            if refs:
                own = "".join(o.text for o in c.ops if o.op in ("=", ops))
                line = " ".join(x for x in (refs[0].num, refs[0].heading, own) if x)
                out.append(Text(sign + line, style=style if color else ""))
    for c in cs.preamble + cs.changes:
        if not c.changed:
            continue
        out.append(Text(f"@@ {change_title(c)} [{', '.join(c.kinds)}] @@", style="cyan" if color else ""))
        old_lines, new_lines = _unit_lines(c, "old"), _unit_lines(c, "new")
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                out.extend(Text(" " + line) for line in old_lines[i1:i2])
                continue
            out.extend(Text("-" + line, style="red" if color else "") for line in old_lines[i1:i2])
            out.extend(Text("+" + line, style="green" if color else "") for line in new_lines[j1:j2])
    return out


def to_plain(lines: list[Text]) -> str:
    return "".join(t.plain + "\n" for t in lines)
