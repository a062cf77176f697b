"""Checking a concordance: every link must resolve to a real unit (called by ``lexdraft validate`` on YAML files)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..akn import load
from ..errors import LexdraftError
from ..model import Document
from .loader import load_concordance
from .topics import load_lexicon

RULE = "concordance-link"

try:  # the validate helper's finding type, when it exists: one finding type for the whole of `validate`
    from ..validate.findings import Finding  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the order features land in

    @dataclass(frozen=True)
    class Finding:  # type: ignore[no-redef]
        file: str
        line: int | None
        rule: str
        severity: str
        message: str


def _finding(file: str, line: int | None, severity: str, message: str) -> Finding:
    return Finding(file=file, line=line, rule=RULE, severity=severity, message=message)


def check_concordance(path: str) -> list[Finding]:
    """Findings for one concordance file (empty when every link resolves)."""
    try:
        conc = load_concordance(path)
    except LexdraftError as exc:
        return [_finding(path, exc.line, "error", exc.message)]
    out: list[Finding] = []
    docs: dict[str, Document | None] = {}

    def doc(p: str, line: int, what: str) -> Document | None:
        if p not in docs:
            try:
                docs[p] = load(p)
            except LexdraftError as exc:
                out.append(_finding(path, line, "error", f"{what} {os.path.relpath(p)} cannot be read: {exc}"))
                docs[p] = None
        return docs[p]

    drafts = {k: doc(p, 1, f"draft '{k}'") for k, p in conc.drafts.items()}
    for w in conc.works.values():
        doc(w.path, w.line, f"work '{w.key}'")
    topics = set(load_lexicon().ids)
    for u in conc.units.values():
        if u.topic not in topics:
            out.append(_finding(path, u.line, "error", f"unit {u.eid}: unknown topic '{u.topic}'"))
        if not any(d is not None and d.find(u.eid) for d in drafts.values()):
            out.append(_finding(path, u.line, "error", f"unit {u.eid} is in none of the drafts"))
    seen: dict[tuple[str, str, str], int] = {}
    for ln in conc.links:
        for v in ln.versions:
            if v not in conc.drafts:
                out.append(_finding(path, ln.line, "error", f"unknown draft version '{v}'"))
        if ln.draft:
            names = ln.versions or tuple(conc.drafts)
            if not any(drafts.get(v) is not None and drafts[v].find(ln.draft) for v in names):
                out.append(_finding(path, ln.line, "error",
                                    f"draft unit {ln.draft} does not exist in {', '.join(names)}"))
        work = conc.works.get(ln.work)
        if work is None:
            out.append(_finding(path, ln.line, "error", f"unknown work '{ln.work}' (not listed under works)"))
        elif ln.eid:
            d = docs.get(work.path)
            if d is not None and d.find(ln.eid) is None:
                out.append(_finding(path, ln.line, "error",
                                    f"{ln.eid} does not exist in {work.raw_path} (work '{work.key}')"))
        key = (ln.draft, ln.work, ln.eid)
        if key in seen and not ln.versions:
            out.append(_finding(path, ln.line, "warning", f"duplicate of the link on line {seen[key]}"))
        seen.setdefault(key, ln.line)
    return out
