"""The gap report: topics and provisions without counterpart, both ways, and a topic x jurisdiction matrix.

A topic "is treated" by a unit when it is among the unit's main topics (lexicon weights, see ``topics``). A
foreign provision "has a counterpart" when the mapper finds a supported draft unit for it; a draft unit "has a
counterpart" in a jurisdiction when it finds a supported provision there. Curated Gap rows are listed as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import topics as topics_mod
from .model import Concordance, Link
from .provisions import Provision
from .suggest import Params, Suggestion, related, suggest

BOTH, DRAFT_GAP, FOREIGN_GAP, NEITHER = "both", "missing-in-draft", "draft-only", "neither"


@dataclass(frozen=True)
class Cell:
    topic: str
    jurisdiction: str
    state: str  # both / missing-in-draft / draft-only / neither
    draft_units: tuple[str, ...]  # citations
    foreign_units: tuple[str, ...]


@dataclass(frozen=True)
class Unmatched:
    provision: Provision
    topics: tuple[str, ...]
    curated: tuple[Link, ...]  # curated Gap rows about this provision


@dataclass(frozen=True)
class DraftGap:
    unit: Provision
    topics: tuple[str, ...]
    jurisdictions: tuple[str, ...]  # jurisdictions where no supported counterpart was found
    curated: tuple[Link, ...]


@dataclass
class GapReport:
    draft: list[Provision]
    jurisdictions: list[str]
    topics: list[tuple[str, str]]  # (id, English label), lexicon order
    cells: dict[tuple[str, str], Cell]
    foreign_without_counterpart: list[Unmatched]
    draft_without_counterpart: list[DraftGap]


def _main(lexicon: topics_mod.Lexicon, p: Provision) -> tuple[str, ...]:
    return topics_mod.profile(lexicon, p.text, p.lang).main_topics()


def gap_report(
    draft: list[Provision],
    foreign: list[Provision],
    suggestions: list[Suggestion],
    params: Params = Params(),
    lexicon: topics_mod.Lexicon | None = None,
    concordance: Concordance | None = None,
    version: str | None = None,
) -> GapReport:
    lexicon = lexicon or topics_mod.load_lexicon()
    jurisdictions = sorted({f.jurisdiction for f in foreign})
    draft_topics = {p.key: _main(lexicon, p) for p in draft}
    foreign_topics = {p.key: _main(lexicon, p) for p in foreign}
    cells = {}
    for t in lexicon.topics:
        d = tuple(p.citation for p in draft if t.id in draft_topics[p.key])
        for j in jurisdictions:
            f = tuple(p.citation for p in foreign if p.jurisdiction == j and t.id in foreign_topics[p.key])
            state = BOTH if d and f else DRAFT_GAP if f else FOREIGN_GAP if d else NEITHER
            cells[(t.id, j)] = Cell(t.id, j, state, d, f)
    # Reverse direction: which foreign provisions find no supported draft unit?
    reverse = suggest(foreign, draft, params, lexicon)
    curated_gaps = [ln for ln in (concordance.links if concordance else [])
                    if ln.label == "Gap" and concordance.applies(ln, version)]
    unmatched = []
    for s in reverse:
        mine = tuple(ln for ln in curated_gaps if not ln.draft and ln.eid
                     and _same_file(concordance, ln, s.unit) and related(s.unit.eid, ln.eid))
        if s.gap or mine:
            unmatched.append(Unmatched(s.unit, foreign_topics[s.unit.key], mine))
    draft_gaps = []
    for s in suggestions:
        missing = tuple(j for j, c in sorted(s.by_jurisdiction.items()) if c is None)
        mine = tuple(ln for ln in curated_gaps if ln.draft == s.unit.eid)
        if missing or mine:
            draft_gaps.append(DraftGap(s.unit, draft_topics[s.unit.key], missing, mine))
    return GapReport(draft, jurisdictions, [(t.id, t.label("en")) for t in lexicon.topics], cells, unmatched,
                     draft_gaps)


def _same_file(conc: Concordance | None, ln: Link, p: Provision) -> bool:
    import os

    w = conc.works.get(ln.work) if conc else None
    return w is not None and os.path.abspath(w.path) == os.path.abspath(p.path)
