"""Ranked, explained suggestions: for each draft unit, the foreign provisions most comparable to it.

Three channels score every (draft unit, foreign provision) pair — lexical (same language only), topic (any
language, through the lexicon) and, optionally, multilingual embeddings — and are fused by weighted reciprocal
rank fusion. A unit whose best candidate has no real support in any channel is reported as a Gap instead of
being forced onto its least-bad match. Labels are proposals for a person to confirm.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from . import embed as embed_mod
from . import lexical, topics
from .model import Concordance, Link
from .provisions import Provision


@dataclass(frozen=True)
class Params:
    """Fusion and decision settings. The defaults were chosen by ``scripts/tune_mapping.py`` on the tuning split
    (the reconstruction's articles) only; see docs/mapping.md."""

    rrf_k: int = 5
    w_topic: float = 1.0
    w_lexical: float = 1.0
    w_embed: float = 1.0
    # Support thresholds: below all of them a pair is not evidence of correspondence (-> Gap).
    min_topic: float = 0.30
    min_lexical: float = 0.25
    min_embed: float = 0.86
    # Topic cosine from which the proposed label is Full / Partial (else Complementary).
    full: float = 0.70
    partial: float = 0.40
    top: int = 5


# With the embedding channel on, the same grid search (scripts/tune_mapping.py --embed, tuning split only) chose:
EMBED_PARAMS = Params(rrf_k=10, w_lexical=0.5, w_embed=0.5, min_topic=0.25, min_embed=0.90)


def default_params(use_embed: bool, top: int = 5) -> Params:
    """The tuned settings for the channels in use."""
    return replace(EMBED_PARAMS if use_embed else Params(), top=top)


@dataclass(frozen=True)
class ChannelScore:
    channel: str  # topic, lexical, embed
    score: float
    rank: int  # 1-based among the candidates this channel scored above zero
    why: tuple[str, ...]  # shared topics / shared terms


@dataclass(frozen=True)
class Candidate:
    provision: Provision
    fused: float
    channels: dict[str, ChannelScore]
    supported: bool
    label: str  # proposed: Full / Partial / Complementary
    passage: str = ""  # eId of the best-matching paragraph or point inside the provision
    curated: tuple[Link, ...] = ()

    @property
    def topic_score(self) -> float:
        c = self.channels.get("topic")
        return c.score if c else 0.0


@dataclass(frozen=True)
class Suggestion:
    unit: Provision
    topics: tuple[str, ...]  # main topics of the draft unit
    candidates: tuple[Candidate, ...]  # ranked, best first (top N)
    ranked: tuple[Candidate, ...]  # every candidate with any evidence, ranked (for evaluation)
    margin: float  # fused score of the first minus the second candidate
    gap: bool  # no supported candidate at all
    by_jurisdiction: dict[str, Candidate | None] = field(default_factory=dict)  # best supported, or None = Gap
    curated_missing: tuple[Link, ...] = ()  # curated links whose provision is not among the candidates


def related(a: str, b: str) -> bool:
    """Whether two eIds name the same unit or one contains the other (``art_10`` and ``art_10__para_2``)."""
    return a == b or a.startswith(b + "__") or b.startswith(a + "__")


@dataclass
class Cache:
    """Work shared by several runs over the same texts (evaluation, tuning): topic profiles and embeddings."""

    profiles: dict = field(default_factory=dict)  # (lang, text) -> TopicProfile
    embeddings: dict = field(default_factory=dict)  # text -> vector


@dataclass
class _Pool:
    """Everything computed once per run: topic vectors, lexical indexes and embeddings."""

    lexicon: topics.Lexicon
    profiles: dict[str, topics.TopicProfile]
    vectors: dict[str, dict[str, float]]
    lex: dict[str, lexical.LexicalIndex]
    lexvec: dict[str, dict[str, float]]
    emb: dict[str, object]

    @staticmethod
    def build(units: list[Provision], lexicon: topics.Lexicon, use_embed: bool, cache: Cache) -> "_Pool":
        profiles = {}
        for u in units:
            # The heading is counted twice: it names the provision's subject more reliably than its body does.
            text = f"{u.heading}\n{u.text}"
            if (u.lang, text) not in cache.profiles:
                cache.profiles[(u.lang, text)] = topics.profile(lexicon, text, u.lang)
            profiles[u.key] = cache.profiles[(u.lang, text)]
        idf = topics.topic_idf(list(profiles.values()), lexicon)
        vectors = {k: topics.vector(p, idf) for k, p in profiles.items()}
        lex, lexvec = {}, {}
        for lang in sorted({u.lang for u in units}):
            same = [u for u in units if u.lang == lang]
            lex[lang] = lexical.LexicalIndex.build([u.text for u in same], lang)
            lexvec.update({u.key: lex[lang].vector(u.text) for u in same})
        emb: dict[str, object] = {}
        if use_embed:
            matrix = embed_mod.embed([u.text for u in units], cache.embeddings)
            emb = {u.key: matrix[i] for i, u in enumerate(units)}
        return _Pool(lexicon, profiles, vectors, lex, lexvec, emb)


def _rank(scores: dict[str, float]) -> dict[str, int]:
    order = sorted((k for k, s in scores.items() if s > 0), key=lambda k: (-scores[k], k))
    return {k: i + 1 for i, k in enumerate(order)}


def _topic_why(pool: _Pool, a: Provision, b: Provision) -> tuple[str, ...]:
    pa, pb = pool.profiles[a.key], pool.profiles[b.key]
    va, vb = pool.vectors[a.key], pool.vectors[b.key]
    shared = sorted(pa.scores.keys() & pb.scores.keys(), key=lambda t: -(va[t] * vb[t]))
    out = []
    for t in shared[:3]:
        out.append(f"{t}: {', '.join(pa.terms[t][:3])} ~ {', '.join(pb.terms[t][:3])}")
    return tuple(out)


def _label(topic: float, lex: float, params: Params) -> str:
    if topic >= params.full or lex >= 2 * params.min_lexical + 0.2:
        return "Full"
    if topic >= params.partial or lex >= 2 * params.min_lexical:
        return "Partial"
    return "Complementary"


def _best_passage(pool: _Pool, unit: Provision, cand: Provision) -> str:
    """The paragraph or point of ``cand`` that shares most topics (or, same language, most words) with ``unit``."""
    if not cand.passages:
        return ""
    uv = pool.vectors[unit.key]
    idx = pool.lex.get(cand.lang) if unit.lang == cand.lang else None
    ul = pool.lexvec.get(unit.key, {}) if idx else {}
    best, best_score = "", 0.0
    for eid, text in cand.passages:
        prof = topics.profile(pool.lexicon, text, cand.lang)
        score = topics.cosine(uv, topics.vector(prof, {t: 1.0 for t in prof.scores}))
        if idx:
            score += lexical.cosine(ul, idx.vector(text))
        if score > best_score:
            best, best_score = eid, score
    return best


def suggest(
    draft: list[Provision],
    foreign: list[Provision],
    params: Params = Params(),
    lexicon: topics.Lexicon | None = None,
    use_embed: bool = False,
    concordance: Concordance | None = None,
    version: str | None = None,
    cache: Cache | None = None,
    passages: bool = True,
) -> list[Suggestion]:
    """Suggestions for every draft unit against the foreign pool (``passages``: find each candidate's best
    paragraph, for display; evaluation does without)."""
    lexicon = lexicon or topics.load_lexicon()
    pool = _Pool.build(draft + foreign, lexicon, use_embed, cache or Cache())
    jurisdictions = sorted({f.jurisdiction for f in foreign})
    out = []
    for unit in draft:
        chans: dict[str, dict[str, float]] = {"topic": {}, "lexical": {}, "embed": {}}
        for f in foreign:
            chans["topic"][f.key] = round(topics.cosine(pool.vectors[unit.key], pool.vectors[f.key]), 4)
            if f.lang == unit.lang:
                chans["lexical"][f.key] = round(lexical.cosine(pool.lexvec[unit.key], pool.lexvec[f.key]), 4)
            if pool.emb:
                chans["embed"][f.key] = round(float(pool.emb[unit.key] @ pool.emb[f.key]), 4)
        ranks = {c: _rank(s) for c, s in chans.items()}
        weights = {"topic": params.w_topic, "lexical": params.w_lexical, "embed": params.w_embed}
        mins = {"topic": params.min_topic, "lexical": params.min_lexical, "embed": params.min_embed}
        cands = []
        for f in foreign:
            per: dict[str, ChannelScore] = {}
            fused = 0.0
            for c in ("topic", "lexical", "embed"):
                r = ranks[c].get(f.key)
                if r is None:
                    continue
                fused += weights[c] / (params.rrf_k + r)
                if c == "topic":
                    why = _topic_why(pool, unit, f)
                elif c == "lexical":
                    why = tuple(lexical.shared_features(pool.lexvec[unit.key], pool.lexvec[f.key]))
                else:
                    why = (f"cosine {chans[c][f.key]:.3f} ({embed_mod.MODEL})",)
                per[c] = ChannelScore(c, chans[c][f.key], r, why)
            if not per:
                continue
            supported = any(per[c].score >= mins[c] for c in per)
            topic_s = per["topic"].score if "topic" in per else 0.0
            lex_s = per["lexical"].score if "lexical" in per else 0.0
            cands.append(Candidate(f, round(fused, 6), per, supported, _label(topic_s, lex_s, params)))
        # Supported candidates always rank above unsupported ones: evidence first, then fused rank.
        cands.sort(key=lambda c: (not c.supported, -c.fused, c.provision.key))
        links = _curated(concordance, unit, version)
        cands = [_with_curated(c, links, concordance) for c in cands]
        top = [
            Candidate(c.provision, c.fused, c.channels, c.supported, c.label,
                      _best_passage(pool, unit, c.provision) if passages else "", c.curated)
            for c in cands[: params.top]
        ]
        margin = round(cands[0].fused - cands[1].fused, 6) if len(cands) > 1 else (cands[0].fused if cands else 0)
        by_j: dict[str, Candidate | None] = {}
        for j in jurisdictions:
            by_j[j] = next((c for c in cands if c.provision.jurisdiction == j and c.supported), None)
        shown = {(os.path.abspath(c.provision.path), c.provision.eid) for c in top}
        pooled = {os.path.abspath(f.path) for f in foreign}
        missing = tuple(
            ln for ln in links
            if ln.eid and concordance and os.path.abspath(concordance.works[ln.work].path) in pooled
            and not any(p == os.path.abspath(concordance.works[ln.work].path) and related(e, ln.eid) for p, e in shown)
        )
        out.append(Suggestion(
            unit=unit, topics=pool.profiles[unit.key].main_topics(), candidates=tuple(top), ranked=tuple(cands),
            margin=margin, gap=not any(c.supported for c in cands), by_jurisdiction=by_j, curated_missing=missing,
        ))
    return out


def _curated(conc: Concordance | None, unit: Provision, version: str | None) -> list[Link]:
    if conc is None:
        return []
    return [ln for ln in conc.links_for(unit.eid) if conc.applies(ln, version) and ln.work in conc.works]


def _with_curated(c: Candidate, links: list[Link], conc: Concordance | None) -> Candidate:
    if not links or conc is None:
        return c

    mine = tuple(
        ln for ln in links
        if ln.eid and os.path.abspath(conc.works[ln.work].path) == os.path.abspath(c.provision.path)
        and related(c.provision.eid, ln.eid)
    )
    if not mine:
        return c
    return Candidate(c.provision, c.fused, c.channels, c.supported, c.label, c.passage, mine)
