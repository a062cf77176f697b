"""Versions of a work: a folder of AKN expressions, one file per date and language.

``resolve("kz-digital-code@2024-04-01:kaz")`` turns a selector into a file path (``lexdraft diff`` uses it);
``log`` lists the expressions in order with change counts between neighbours; ``show`` gives a unit as it stood
at a date; ``blame`` follows every unit of the latest version back through the versions — through moves and
renumbering, using the diff's alignment — to the version that introduced it and the one that last changed it.

Selectors: ``WORK@DATE``, ``WORK@DATE:LANG`` or ``WORK:LANG@DATE``. WORK is a folder path, or a folder name
under ``drafts/`` (searched one level deeper too: ``eu-ai-act`` finds ``drafts/foreign/eu-ai-act``). DATE is
an ISO date or a prefix of one (``2024``, ``2024-04``) — the latest version matching it — or ``latest``; a full
date between versions selects the version in force then (the latest one dated on or before it). Without LANG
the first of rus, kaz, eng present at that date is taken (the order of the official languages in lexdraft).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable

from . import akn
from .compare import diff_documents
from .compare.model import Change, ChangeSet
from .errors import LexdraftError
from .languages import iso3
from .model import Document, Unit

DRAFTS = "drafts"
LANG_PREFERENCE = ("rus", "kaz", "eng")
_FILE = re.compile(r"^(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)-(?P<lang>[a-z]{2,3})\.xml$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Version:
    """One expression of a work: a file with its date and language."""

    path: str
    date: str
    language: str

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def label(self) -> str:
        return f"{self.date}:{self.language}"


@dataclass
class Work:
    """A folder of expressions, in date order (then language)."""

    name: str
    folder: str
    versions: list[Version] = field(default_factory=list)

    @property
    def languages(self) -> list[str]:
        present = sorted({v.language for v in self.versions})
        return [x for x in LANG_PREFERENCE if x in present] + [x for x in present if x not in LANG_PREFERENCE]

    def in_language(self, lang: str) -> list[Version]:
        return [v for v in self.versions if v.language == lang]


# ---------------------------------------------------------------- finding works and versions

def _version_of(path: str) -> Version | None:
    """A file's date and language: from its name (``2024-04-01-rus.xml``), else from its FRBR metadata."""
    m = _FILE.match(os.path.basename(path))
    if m:
        return Version(path, m.group("date"), m.group("lang"))
    try:
        doc = akn.load(path)
    except LexdraftError:
        return None
    if not doc.frbr.date:
        return None
    return Version(path, doc.frbr.date, (doc.frbr.language or "und").lower())


def open_work(folder: str) -> Work:
    """The work stored in ``folder`` (its ``*.xml`` expressions; other files are ignored)."""
    if not os.path.isdir(folder):
        raise LexdraftError("not a folder of versions", folder)
    versions = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".xml"):
            v = _version_of(os.path.join(folder, name))
            if v is not None:
                versions.append(v)
    if not versions:
        raise LexdraftError("no AKN expressions (DATE-LANG.xml) in this folder", folder)
    versions.sort(key=lambda v: (v.date, v.language))
    return Work(os.path.basename(os.path.normpath(folder)), folder, versions)


def find_work(name: str, root: str | None = None) -> Work:
    """A work by folder path, or by folder name under ``drafts/`` (one level of grouping allowed)."""
    if os.path.isdir(name):
        return open_work(name)
    base = root or DRAFTS
    candidates = [os.path.join(base, name)]
    if os.path.isdir(base):
        candidates += [os.path.join(base, d, name) for d in sorted(os.listdir(base))]
    for c in candidates:
        if os.path.isdir(c):
            return open_work(c)
    raise LexdraftError(f"no work {name!r}: not a folder, nor a folder under {base}/")


def _split_selector(selector: str) -> tuple[str, str, str]:
    """``WORK[:LANG]@DATE[:LANG]`` → (work, date, lang)."""
    if "@" not in selector:
        raise LexdraftError(f"{selector!r} is not a WORK@DATE selector")
    work, _, date = selector.rpartition("@")
    lang = ""
    if ":" in date:
        date, _, lang = date.partition(":")
    m = re.match(r"^(.*):([a-z]{2,3})$", work)
    if m and not os.path.isdir(work):
        work, lang = m.group(1), lang or m.group(2)
    return work, date, lang


def _pick_language(candidates: list[Version], lang: str, selector: str) -> Version:
    if lang:
        for v in candidates:
            if v.language == lang:
                return v
        have = ", ".join(sorted({v.language for v in candidates}))
        raise LexdraftError(f"{selector}: no {lang} expression at {candidates[0].date} (have {have})")
    by_lang = {v.language: v for v in candidates}
    for pref in LANG_PREFERENCE:
        if pref in by_lang:
            return by_lang[pref]
    return sorted(candidates, key=lambda v: v.language)[0]


def select(work: Work, date: str, lang: str = "", selector: str = "") -> Version:
    """The version a date (ISO, prefix, ``latest``, or a date between versions) selects."""
    selector = selector or f"{work.name}@{date}"
    pool = [v for v in work.versions if not lang or v.language == lang]
    if not pool:
        raise LexdraftError(f"{selector}: no {lang} expressions (languages: {', '.join(work.languages)})")
    if date in ("latest", "head", ""):
        chosen = pool[-1].date
    else:
        matching = [v for v in pool if v.date.startswith(date)]
        if matching:
            chosen = matching[-1].date
        elif _ISO.match(date):
            before = [v for v in pool if v.date <= date]
            if not before:
                raise LexdraftError(f"{selector}: no version on or before {date} (first: {pool[0].date})")
            chosen = before[-1].date
        else:
            dates = ", ".join(sorted({v.date for v in pool}))
            raise LexdraftError(f"{selector}: no version dated {date!r} (versions: {dates})")
    return _pick_language([v for v in work.versions if v.date == chosen], lang, selector)


def resolve(selector: str, lang: str | None = None, root: str | None = None) -> str:
    """The file a ``WORK@DATE[:LANG]`` selector names (``lang`` overrides the selector's language)."""
    work_name, date, sel_lang = _split_selector(selector)
    work = find_work(work_name, root)
    return select(work, date, _norm_lang(lang or sel_lang), selector).path


def _norm_lang(lang: str) -> str:
    return iso3(lang)


# ---------------------------------------------------------------- log

@dataclass
class LogEntry:
    version: Version
    provisions: int
    units: int
    provenance: str
    changes: dict[str, int] | None  # summary against the previous version in the same language (None: first)


Progress = Callable[[str], None] | None  # told what is being compared (the CLI prints it on a terminal)


def log(work: Work, lang: str | None = None, progress: Progress = None) -> dict[str, list[LogEntry]]:
    """Per language, the versions in date order with change counts against the previous one."""
    out: dict[str, list[LogEntry]] = {}
    for language in ([_norm_lang(lang)] if lang else work.languages):
        entries: list[LogEntry] = []
        prev: Document | None = None
        for v in work.in_language(language):
            doc = akn.load(v.path)
            if prev is not None and progress:
                progress(f"{language}: {prev.frbr.date} → {v.date}")
            changes = None if prev is None else _counts(diff_documents(prev, doc))
            entries.append(LogEntry(v, len(doc.provisions()), sum(1 for _ in doc.walk()),
                                    doc.provenance.status, changes))
            prev = doc
        if not entries:
            raise LexdraftError(f"no {language} expressions in {work.folder}")
        out[language] = entries
    return out


def _counts(cs: ChangeSet) -> dict[str, int]:
    """Top-level provisions per primary kind (changed kinds only, then ``unchanged``), ``containers``: the
    chapters, parts… that changed, when any did (a version that only renamed a chapter is not "no change"), and
    ``preamble`` (1) when the preamble changed."""
    summary = cs.summary()
    containers = sum(1 for c in cs.containers if c.changed)
    preamble = sum(1 for c in cs.preamble if c.changed)
    return ({k: n for k, n in summary.items() if n and k != "unchanged"}
            | ({"containers": containers} if containers else {}) | ({"preamble": preamble} if preamble else {})
            | {"unchanged": summary["unchanged"]})


# ---------------------------------------------------------------- show

def show(selector: str, eid: str, lang: str | None = None, root: str | None = None,
         follow: bool = False) -> tuple[Document, Unit]:
    """The unit ``eid`` as it stood in the version the selector names.

    With ``follow``, ``eid`` names a unit of the *latest* version and its lineage is followed back (through
    moves and renumbering) to the unit it was in that version: ``eu-ai-act@2021 --unit art_50 --follow`` is the
    proposal's Article 52.
    """
    path = resolve(selector, lang, root)
    if follow:
        work_name = _split_selector(selector)[0]
        work = find_work(work_name, root)
        chosen = next(v for v in work.versions if v.path == path)
        _, lineages = blame(work, chosen.language)
        lineage = next((x for x in lineages if x.unit.eid == eid), None)
        if lineage is None:
            raise LexdraftError(f"no unit {eid} in the latest {chosen.language} version", path)
        step = next((s for s in lineage.history if s.date == chosen.date), None)
        if step is None:
            raise LexdraftError(f"{eid} did not exist yet on {chosen.date} (introduced {lineage.introduced.date})",
                                path)
        eid = step.eid
    doc = akn.load(path)
    unit = doc.find(eid)
    if unit is None:
        near = [u.eid for u in doc.walk() if u.eid and eid in u.eid][:5]
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise LexdraftError(f"no unit {eid} in {doc.frbr.date or os.path.basename(path)}{hint}", path)
    return doc, unit


# ---------------------------------------------------------------- blame

@dataclass
class Step:
    """A unit in one version: its eId and number there, and what the step into this version did to it."""

    date: str
    path: str
    eid: str
    num: str
    kinds: tuple[str, ...]  # ("inserted",) where it first appears; ("unchanged",) when the step left it as it was


@dataclass
class Lineage:
    """One unit of the latest version and its history, oldest first."""

    unit: Unit
    depth: int
    history: list[Step]

    @property
    def introduced(self) -> Step:
        return self.history[0]

    @property
    def last_changed(self) -> Step:
        changed = [s for s in self.history if s.kinds != ("unchanged",)]
        return changed[-1] if changed else self.history[0]


def _index(units: list[Unit]) -> dict[tuple[str, int | None], Unit]:
    return {(u.eid, u.line): u for top in units for u in top.walk()}


def _predecessors(old: Document, new: Document, cs: ChangeSet) -> dict[int, tuple[Unit, Change]]:
    """id(new unit) -> (the old unit it continues, the change between them), from the diff's alignment.

    1-1 pairs (amended, moved, renumbered…) continue their old unit; a split's pieces continue the whole; a
    merged unit continues its first piece. Inserted units have no predecessor.
    """
    old_ix = _index(old.units)
    new_ix = _index(new.units)
    out: dict[int, tuple[Unit, Change]] = {}

    def unit_of(ix, ref) -> Unit | None:
        return ix.get((ref.eid, ref.line))

    def rec(changes: list[Change]) -> None:
        for c in changes:
            if c.placement == "from":
                continue  # the same pair is recorded at its "to" place
            if c.old and c.new:
                first_old = unit_of(old_ix, c.old[0])
                for r in c.new:
                    n = unit_of(new_ix, r)
                    if n is not None and first_old is not None:
                        out[id(n)] = (first_old, c)
            rec(c.children)

    rec(cs.changes)
    return out


def blame(work: Work, lang: str | None = None, progress: Progress = None) -> tuple[list[Version], list[Lineage]]:
    """For every unit of the latest version in ``lang``: its history through all versions of that language."""
    language = _norm_lang(lang) if lang else work.languages[0]
    versions = work.in_language(language)
    if not versions:
        raise LexdraftError(f"no {language} expressions in {work.folder} (languages: {', '.join(work.languages)})")
    docs = [akn.load(v.path) for v in versions]
    steps: list[dict[int, tuple[Unit, Change]]] = [{}]
    for v, prev, doc in zip(versions[1:], docs, docs[1:]):
        if progress:
            progress(f"{language}: {prev.frbr.date} → {v.date}")
        steps.append(_predecessors(prev, doc, diff_documents(prev, doc)))
    latest = docs[-1]
    provisions = {id(p) for p in latest.provisions()}
    lineages: list[Lineage] = []

    def visit(u: Unit, depth: int, inside: bool) -> None:
        inside = inside or id(u) in provisions
        if inside:
            lineages.append(Lineage(u, depth, _history(u, len(docs) - 1, versions, steps)))
        for c in u.children:
            visit(c, depth + (1 if inside else 0), inside)

    for top in latest.units:
        visit(top, 0, False)
    return versions, lineages


def _history(unit: Unit, k: int, versions: list[Version], steps) -> list[Step]:
    """Walk back from version ``k``: each step's kinds, until the unit has no predecessor — ``original`` in the
    first version, ``inserted`` in a later one."""
    trail: list[Step] = []
    current = unit
    while True:
        v = versions[k]
        pred = steps[k].get(id(current))
        if pred is None:
            trail.append(Step(v.date, v.path, current.eid, current.num, ("inserted",) if k > 0 else ("original",)))
            break
        old, change = pred
        kinds = change.kinds if change.changed else ("unchanged",)
        trail.append(Step(v.date, v.path, current.eid, current.num, kinds))
        current, k = old, k - 1
    trail.reverse()
    return trail
