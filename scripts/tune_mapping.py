#!/usr/bin/env python3
"""Choose the mapper's settings on the TUNING split only (the reconstruction's articles), then report them.

    python scripts/tune_mapping.py [--embed]
    python scripts/tune_mapping.py --lojo      # leave-one-jurisdiction-out check of the same grid

Grid search over rank fusion (rrf_k, channel weights) and the support thresholds that decide Gap. Objective, on the
tuning split, averaged over the ru/kk/en drafts: MRR + 0.5 x balanced Gap accuracy (Gap pairs found as Gap, linked
pairs not called Gap). The held-out split (articles new in the revised draft) is printed for the chosen settings
only, never used to choose. The chosen values are copied by hand into the ``Params`` defaults (and, with --embed,
into ``EMBED_PARAMS``) in lexdraft/concordance/suggest.py; docs/mapping.md reports both.
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from lexdraft.concordance import load_concordance  # noqa: E402
from lexdraft.concordance.evaluate import Metrics, evaluate, foreign_pool  # noqa: E402
from lexdraft.concordance.suggest import Cache, Params  # noqa: E402
from lexdraft.concordance.topics import load_lexicon  # noqa: E402

CONCORDANCE = Path(__file__).resolve().parent.parent / "drafts" / "concordance" / "kz-digital-code-ch19.yaml"
LANGS = ("ru", "kk", "en")


def objective(ev, split: str) -> float:
    mrr = sum(ev.metrics(split, lg)["all"].mrr for lg in LANGS) / len(LANGS)
    gap = 0.0
    for lg in LANGS:
        g = ev.gap_counts(split, lg)
        found = g["gap_found"] / g["gap_pairs"] if g["gap_pairs"] else 1.0
        kept = 1 - (g["linked_called_gap"] / g["linked_pairs"] if g["linked_pairs"] else 0.0)
        gap += (found + kept) / 2
    return mrr + 0.5 * gap / len(LANGS)


def _objective_without(ev, jurisdiction: str) -> float:
    """The tuning objective over the tuning queries of every jurisdiction but one."""
    mrr = gap = 0.0
    for lg in LANGS:
        qs = [q for q in ev.queries if q.split == "tuning" and q.lang == lg and q.jurisdiction != jurisdiction]
        gs = [g for g in ev.gaps if g.split == "tuning" and g.lang == lg and g.jurisdiction != jurisdiction]
        mrr += Metrics.of(qs).mrr
        exp = [g for g in gs if g.expected_gap]
        lnk = [g for g in gs if not g.expected_gap]
        found = sum(g.predicted_gap for g in exp) / len(exp) if exp else 1.0
        kept = 1 - (sum(g.predicted_gap for g in lnk) / len(lnk) if lnk else 0.0)
        gap += (found + kept) / 2
    return (mrr + 0.5 * gap) / len(LANGS)


def lojo(grid: list[Params], run) -> None:
    """For each jurisdiction: settings chosen without it, figures on it (all splits, Russian draft)."""
    evs = [(p, run(p)) for p in grid]
    jurisdictions = sorted({q.jurisdiction for _, ev in evs for q in ev.queries})
    default = run(Params())
    for j in jurisdictions:
        chosen, ev = max(evs, key=lambda pe: (_objective_without(pe[1], j), -pe[0].rrf_k, pe[0].min_topic))
        held = Metrics.of([q for q in ev.queries if q.jurisdiction == j and q.lang == "ru"])
        base = Metrics.of([q for q in default.queries if q.jurisdiction == j and q.lang == "ru"])
        print(f"{j}: chosen without {j}: k={chosen.rrf_k} w_lex={chosen.w_lexical} min_topic={chosen.min_topic} "
              f"min_lex={chosen.min_lexical} -> on {j}: {held}; with the defaults: {base}")


def main() -> None:
    if "--lojo" in sys.argv:
        conc = load_concordance(str(CONCORDANCE))
        lexicon, foreign, cache = load_lexicon(), foreign_pool(conc), Cache()
        grid = [Params(rrf_k=k, w_lexical=wl, min_topic=t, min_lexical=lx)
                for k, wl, t, lx in itertools.product((2, 5, 10, 30, 60), (0.5, 1.0, 2.0), (0.2, 0.3, 0.4),
                                                      (0.15, 0.25))]
        lojo(grid, lambda p: evaluate(conc, p, False, ("rus", "kaz", "eng"), lexicon, foreign, cache))
        return
    use_embed = "--embed" in sys.argv
    conc = load_concordance(str(CONCORDANCE))
    lexicon, foreign, cache = load_lexicon(), foreign_pool(conc), Cache()

    def run(p: Params):
        return evaluate(conc, p, use_embed, ("rus", "kaz", "eng"), lexicon, foreign, cache)

    ranking = [Params(rrf_k=k, w_lexical=wl, w_embed=we)
               for k, wl, we in itertools.product((2, 5, 10, 30, 60), (0.5, 1.0, 2.0),
                                                  (0.5, 1.0, 2.0) if use_embed else (1.0,))]
    best = max(ranking, key=lambda p: (objective(run(p), "tuning"), -p.rrf_k))
    support = [replace(best, min_topic=t, min_lexical=lx, min_embed=e)
               for t, lx, e in itertools.product((0.2, 0.25, 0.3, 0.35, 0.4, 0.45), (0.1, 0.15, 0.2, 0.25),
                                                 (0.84, 0.86, 0.88, 0.9) if use_embed else (best.min_embed,))]
    best = max(support, key=lambda p: (objective(run(p), "tuning"), p.min_topic))
    ev = run(best)
    print("chosen on the tuning split:", best)
    for split in ("tuning", "held-out"):
        print(f"{split}: objective {objective(ev, split):.3f}")
        for lg in LANGS:
            print(f"  {lg}: {ev.metrics(split, lg)['all']}  gaps {ev.gap_counts(split, lg)}")


if __name__ == "__main__":
    main()
