"""Both official languages changed alike? Compare the diff of one language with the diff of the other.

Kazakh and Russian texts of a Kazakh law are both authentic, so a revision must change the same units in both —
provisions and their sub-units, and the chapters (or other containers) above them. Units are matched across languages by eId (a lexdraft draft uses the same eIds in every language), and by the
path of numbers when eIds differ. Flagged:

- ``changed-in-one``: a unit whose own wording changed (or that was inserted, repealed, moved, renumbered) in one
  language, while the same unit is unchanged in the other;
- ``kind-differs``: the unit changed in both, but it was inserted or repealed in one and not in the other;
- ``missing``: a unit present in one language's version and absent from the other's (old or new version).

Amended vs reworded is not flagged: word similarity differs between languages (Kazakh suffixes) for the same edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from .model import Change, ChangeSet, UnitRef

STRUCTURAL = ("inserted", "repealed")


@dataclass(frozen=True)
class Issue:
    kind: str  # changed-in-one | kind-differs | missing
    key: str  # eId (or number path) of the unit
    display: str  # number and heading as shown in the language where it was found
    detail: str


@dataclass
class BilingualReport:
    lang_a: str
    lang_b: str
    issues: list[Issue] = field(default_factory=list)
    compared: int = 0  # units compared across the two languages

    def to_dict(self) -> dict:
        return {
            "languages": [self.lang_a, self.lang_b],
            "compared": self.compared,
            "issues": [{"kind": i.kind, "key": i.key, "unit": i.display, "detail": i.detail} for i in self.issues],
        }


@dataclass
class _Seen:
    change: Change
    ref: UnitRef
    own: bool  # own wording/structure changed (not only through sub-units)


def own_change(c: Change) -> bool:
    """True if the unit itself changed, not only its sub-units."""
    if c.kinds == ("unchanged",):
        return False
    if any(k in c.kinds for k in ("inserted", "repealed", "reworded", "moved", "renumbered", "split", "merged")):
        return True
    return any(o.op != "=" and not o.cosmetic for o in c.ops + c.heading_ops)


def _index(cs: ChangeSet) -> tuple[dict[str, _Seen], dict[str, str], dict[str, str]]:
    """key -> change seen, and the key sets of the old and new versions (key -> display)."""
    seen: dict[str, _Seen] = {}
    old_keys: dict[str, str] = {}
    new_keys: dict[str, str] = {}

    def key_of(ref: UnitRef, path: str) -> str:
        return ref.eid or path

    def visit(c: Change, old_path: str, new_path: str) -> None:
        if c.kind in ("split", "merged"):
            for part in c.children:
                visit(part, old_path, new_path)
            return
        op = f"{old_path}/{c.old[0].num}" if c.old else old_path
        np = f"{new_path}/{c.new[0].num}" if c.new else new_path
        ref = (c.new or c.old)[0]
        key = key_of(ref, np if c.new else op)
        if c.placement != "from":
            if c.old:
                old_keys[key_of(c.old[0], op)] = _display(c.old[0])
            if c.new:
                new_keys[key] = _display(c.new[0])
            prev = seen.get(key)
            if prev is None or own_change(c):
                seen[key] = _Seen(c, ref, own_change(c))
        for x in c.children:
            visit(x, op, np)

    for c in cs.preamble:  # a preamble changed in one language only, too
        visit(c, "preamble", "preamble")
    for c in cs.containers + cs.changes:  # a chapter renamed in one language only is as inconsistent as an article
        visit(c, "", "")
    return seen, old_keys, new_keys


def _outermost(keys: set[str]) -> list[str]:
    """Sorted keys without those inside another listed key (a missing article's paragraphs go without saying)."""
    return sorted(k for k in keys if not any(k.startswith(p + "__") or k.startswith(p + "/") for p in keys))


def _display(ref: UnitRef) -> str:
    return " ".join(x for x in (ref.num, ref.heading) if x) or ref.eid


def compare_languages(a: ChangeSet, b: ChangeSet) -> BilingualReport:
    """Inconsistencies between the changes made to two language versions of the same two versions."""
    lang_a = a.new.frbr.language or a.old.frbr.language or "first"
    lang_b = b.new.frbr.language or b.old.frbr.language or "second"
    seen_a, old_a, new_a = _index(a)
    seen_b, old_b, new_b = _index(b)
    report = BilingualReport(lang_a, lang_b)
    for version, ka, kb in (("old", old_a, old_b), ("new", new_a, new_b)):
        for key in _outermost(set(ka) - set(kb)):
            report.issues.append(Issue("missing", key, ka[key], f"in the {version} {lang_a} version, not in {lang_b}"))
        for key in _outermost(set(kb) - set(ka)):
            report.issues.append(Issue("missing", key, kb[key], f"in the {version} {lang_b} version, not in {lang_a}"))
    for key in sorted(set(seen_a) & set(seen_b)):
        sa, sb = seen_a[key], seen_b[key]
        report.compared += 1
        if sa.own != sb.own:
            changed, lang, other = (sa, lang_a, lang_b) if sa.own else (sb, lang_b, lang_a)
            report.issues.append(Issue(
                "changed-in-one", key, _display(changed.ref),
                f"{', '.join(changed.change.kinds)} in {lang}, unchanged in {other}",
            ))
        elif sa.own and (sa.change.kind in STRUCTURAL or sb.change.kind in STRUCTURAL) \
                and sa.change.kind != sb.change.kind:
            report.issues.append(Issue(
                "kind-differs", key, _display(sa.ref),
                f"{', '.join(sa.change.kinds)} in {lang_a}, {', '.join(sb.change.kinds)} in {lang_b}",
            ))
    return report


def render_report(report: BilingualReport, color: bool = False) -> list[Text]:
    style = "bold yellow" if color else ""
    out = [Text(""), Text(f"bilingual check {report.lang_a} ↔ {report.lang_b}: {report.compared} units compared, "
                          f"{len(report.issues)} inconsistencies", style="bold" if color else "")]
    for i in report.issues:
        out.append(Text(f"! {i.kind}: {i.key} ({i.display}): {i.detail}", style=style))
    return out
