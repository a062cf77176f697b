"""Scoring the suggestions against the curated concordance: P@1, Recall@5, MRR and Gap detection.

Protocol (docs/mapping.md): the settings in ``Params`` were chosen on the reconstruction of the April 2024
draft (the *tuning* set); the revised draft's new articles (121-1, 126-1, 129-1, 135-1…) are *held out*. Every
query is one (draft article, jurisdiction) pair with at least one non-Gap link: the candidates of that
jurisdiction are ranked and the linked provisions are the relevant ones. A (draft article, jurisdiction) pair the
concordance marks Gap is a Gap query: the mapper should propose no supported candidate there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from ..akn import load
from .model import Concordance
from .provisions import Provision, provisions_of
from .suggest import Cache, Params, Suggestion, related, suggest
from .topics import Lexicon, load_lexicon


@dataclass(frozen=True)
class QueryResult:
    split: str  # tuning / held-out
    version: str
    lang: str
    draft_eid: str
    jurisdiction: str
    topic: str
    relevant: tuple[str, ...]  # eIds of the linked provisions
    rank: int | None  # rank of the first relevant candidate (None: not ranked at all)
    found_at_5: int
    top1: str  # citation of the first candidate


@dataclass(frozen=True)
class GapResult:
    split: str
    version: str
    lang: str
    draft_eid: str
    jurisdiction: str
    expected_gap: bool
    predicted_gap: bool


@dataclass(frozen=True)
class Metrics:
    n: int
    p_at_1: float
    recall_at_5: float
    mrr: float

    @staticmethod
    def of(results: list[QueryResult]) -> "Metrics":
        n = len(results)
        if not n:
            return Metrics(0, 0.0, 0.0, 0.0)
        return Metrics(
            n,
            round(sum(1 for r in results if r.rank == 1) / n, 3),
            round(sum(r.found_at_5 / len(r.relevant) for r in results) / n, 3),
            round(sum(1 / r.rank for r in results if r.rank) / n, 3),
        )


@dataclass
class Evaluation:
    params: Params
    embed: bool
    queries: list[QueryResult] = field(default_factory=list)
    gaps: list[GapResult] = field(default_factory=list)

    def metrics(self, split: str | None = None, lang: str | None = None, by: str | None = None
                ) -> dict[str, Metrics]:
        """Metrics over the queries of a split/language, overall ("all") or grouped by ``topic``/``jurisdiction``."""
        rs = [q for q in self.queries if (split is None or q.split == split) and (lang is None or q.lang == lang)]
        if by is None:
            return {"all": Metrics.of(rs)}
        groups: dict[str, list[QueryResult]] = {}
        for q in rs:
            groups.setdefault(getattr(q, by), []).append(q)
        return {k: Metrics.of(v) for k, v in sorted(groups.items())}

    def gap_counts(self, split: str | None = None, lang: str | None = None) -> dict[str, int]:
        gs = [g for g in self.gaps if (split is None or g.split == split) and (lang is None or g.lang == lang)]
        return {
            "gap_pairs": sum(1 for g in gs if g.expected_gap),
            "gap_found": sum(1 for g in gs if g.expected_gap and g.predicted_gap),
            "linked_pairs": sum(1 for g in gs if not g.expected_gap),
            "linked_called_gap": sum(1 for g in gs if not g.expected_gap and g.predicted_gap),
        }


def sibling(path: str, lang: str) -> str:
    """The same draft in another language: ``…/2024-04-01-rus.xml`` -> ``…/2024-04-01-kaz.xml``."""
    stem, ext = os.path.splitext(path)
    return stem.rsplit("-", 1)[0] + f"-{lang}" + ext


def foreign_pool(conc: Concordance) -> list[Provision]:
    """Every provision of every work the concordance names, with the concordance's jurisdiction."""
    out: list[Provision] = []
    for w in sorted(conc.works.values(), key=lambda w: w.key):
        for p in provisions_of(load(w.path)):
            out.append(replace(p, jurisdiction=w.jurisdiction))
    return out


def evaluate(
    conc: Concordance,
    params: Params = Params(),
    use_embed: bool = False,
    languages: tuple[str, ...] = ("rus",),
    lexicon: Lexicon | None = None,
    foreign: list[Provision] | None = None,
    cache: Cache | None = None,
) -> Evaluation:
    """Run the mapper on every draft version and language, and score it against the concordance."""
    lexicon = lexicon or load_lexicon()
    foreign = foreign if foreign is not None else foreign_pool(conc)
    path_of = {os.path.abspath(w.path): w for w in conc.works.values()}
    ev = Evaluation(params, use_embed)
    cache = cache or Cache()  # profiles and embeddings, shared by every draft version and language
    versions = list(conc.drafts)
    first = load(conc.drafts[versions[0]])
    tuning_eids = {p.eid for p in provisions_of(first)}
    for version in versions:
        for lang in languages:
            path = sibling(conc.drafts[version], lang)
            if not os.path.exists(path):
                continue
            draft = provisions_of(load(path))
            results = suggest(draft, foreign, params, lexicon, use_embed, conc, version, cache, passages=False)
            for s in results:
                split = "tuning" if s.unit.eid in tuning_eids else "held-out"
                if version != versions[0] and split == "tuning":
                    continue  # unchanged or amended old articles: already scored on the first version
                _score(ev, conc, s, version, lang[:2] if lang != "kaz" else "kk", split, path_of, foreign)
    return ev


def _score(ev: Evaluation, conc: Concordance, s: Suggestion, version: str, lang: str, split: str,
           path_of: dict, foreign: list[Provision]) -> None:
    links = [ln for ln in conc.links_for(s.unit.eid) if conc.applies(ln, version) and ln.work in conc.works]
    if not links:
        return
    topic = conc.units[s.unit.eid].topic if s.unit.eid in conc.units else "?"
    by_j: dict[str, list] = {}
    for ln in links:
        by_j.setdefault(conc.works[ln.work].jurisdiction, []).append(ln)
    for jur, lns in sorted(by_j.items()):
        linked = [ln for ln in lns if ln.label != "Gap" and ln.eid]
        predicted_gap = s.by_jurisdiction.get(jur) is None
        ev.gaps.append(GapResult(split, version, lang, s.unit.eid, jur, not linked, predicted_gap))
        if not linked:
            continue
        ranked = [c.provision for c in s.ranked if c.provision.jurisdiction == jur]

        def hit(p: Provision, lns=linked) -> bool:
            w = path_of.get(os.path.abspath(p.path))
            return any(w is not None and w.key == ln.work and related(p.eid, ln.eid) for ln in lns)

        relevant = {p.key for p in foreign if p.jurisdiction == jur and hit(p)}
        if not relevant:
            continue  # the linked work is not in the pool (e.g. its file is missing): nothing to score
        rank = next((i + 1 for i, p in enumerate(ranked) if p.key in relevant), None)
        found = sum(1 for p in ranked[:5] if p.key in relevant)
        ev.queries.append(QueryResult(
            split, version, lang, s.unit.eid, jur, topic,
            tuple(sorted(p.citation for p in foreign if p.key in relevant)),
            rank, found, ranked[0].citation if ranked else "",
        ))


PROTOCOL = (
    "Gold: the curated concordance. Query = (draft article, jurisdiction) with at least one non-Gap link; the "
    "jurisdiction's candidates are ranked by the fused score; a candidate is relevant when it is, contains or is "
    "contained in a linked unit. Tuning set: the articles of the reconstruction (first draft version); the lexicon "
    "and the defaults in Params were adjusted while looking at these only. Held-out: the articles new in the "
    "revised draft. Caveat: the same person wrote the lexicon, the gold links and the drafts' revised articles "
    "were read before tuning, so held-out figures are optimistic."
)


def _m(m: Metrics) -> dict:
    return {"n": m.n, "p_at_1": m.p_at_1, "recall_at_5": m.recall_at_5, "mrr": m.mrr}


def evaluation_data(ev: Evaluation) -> dict:
    """The JSON-able figures: per split and language, per jurisdiction, per topic, and Gap detection."""
    splits = ("tuning", "held-out")
    langs = sorted({q.lang for q in ev.queries})
    return {
        "protocol": PROTOCOL,
        "embed": ev.embed,
        "params": ev.params.__dict__,
        "overall": {s: {lg: _m(ev.metrics(s, lg)["all"]) for lg in langs} for s in splits},
        "by_jurisdiction": {s: {k: _m(v) for k, v in ev.metrics(s, "ru", "jurisdiction").items()} for s in splits},
        "by_topic": {s: {k: _m(v) for k, v in ev.metrics(s, "ru", "topic").items()} for s in splits},
        "gaps": {s: {lg: ev.gap_counts(s, lg) for lg in langs} for s in splits},
        "queries": [
            {"split": q.split, "version": q.version, "lang": q.lang, "draft": q.draft_eid,
             "jurisdiction": q.jurisdiction, "topic": q.topic, "rank": q.rank, "found_at_5": q.found_at_5,
             "relevant": list(q.relevant), "top1": q.top1}
            for q in ev.queries
        ],
    }


def evaluation_text(data: dict) -> str:
    lines = ["Protocol: " + data["protocol"], ""]
    lines.append(f"{'split':<10} {'lang':<5} {'n':>3} {'P@1':>6} {'R@5':>6} {'MRR':>6}   Gap pairs found / linked pairs called Gap")
    for split, per in data["overall"].items():
        for lang, m in per.items():
            g = data["gaps"][split][lang]
            lines.append(f"{split:<10} {lang:<5} {m['n']:>3} {m['p_at_1']:>6.3f} {m['recall_at_5']:>6.3f} "
                         f"{m['mrr']:>6.3f}   {g['gap_found']}/{g['gap_pairs']}  /  "
                         f"{g['linked_called_gap']}/{g['linked_pairs']}")
    for title, key in (("jurisdiction", "by_jurisdiction"), ("topic", "by_topic")):
        lines.append("")
        lines.append(f"Per {title} (Russian draft):")
        for split, per in data[key].items():
            for k, m in per.items():
                lines.append(f"  {split:<10} {k:<26} n={m['n']:<3} P@1={m['p_at_1']:.3f} R@5={m['recall_at_5']:.3f} "
                             f"MRR={m['mrr']:.3f}")
    return "\n".join(lines) + "\n"
