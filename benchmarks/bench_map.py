#!/usr/bin/env python3
"""How long `lexdraft map` takes on the real drafts (medians of 5 runs; the embedding channel once, if installed).

    python benchmarks/bench_map.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lexdraft.akn import load  # noqa: E402
from lexdraft.concordance import embed, load_concordance  # noqa: E402
from lexdraft.concordance.evaluate import evaluate  # noqa: E402
from lexdraft.concordance.gaps import gap_report  # noqa: E402
from lexdraft.concordance.provisions import load_provisions, provisions_of  # noqa: E402
from lexdraft.concordance.suggest import EMBED_PARAMS, suggest  # noqa: E402

DRAFT = ROOT / "drafts" / "kz-digital-code" / "2025-07-01-rus.xml"
FOREIGN = [str(ROOT / "drafts" / "foreign"), str(ROOT / "drafts" / "kz-ai-law")]
CONCORDANCE = str(ROOT / "drafts" / "concordance" / "kz-digital-code-ch19.yaml")


def median(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    draft = provisions_of(load(str(DRAFT)))
    foreign = load_provisions(FOREIGN)
    print(f"{len(draft)} draft articles x {len(foreign)} foreign provisions")
    t_load = median(lambda: load_provisions(FOREIGN))
    t_map = median(lambda: suggest(draft, foreign))
    t_gaps = median(lambda: gap_report(draft, foreign, suggest(draft, foreign)), 3)
    conc = load_concordance(CONCORDANCE)
    t_eval = median(lambda: evaluate(conc, languages=("rus", "kaz", "eng")), 3)
    print(f"load foreign AKN        {t_load:7.3f} s")
    print(f"suggest (topic+lexical) {t_map:7.3f} s  ({t_map / (len(draft) * len(foreign)) * 1e6:.1f} us per pair)")
    print(f"suggest + gap report    {t_gaps:7.3f} s")
    print(f"evaluate (6 drafts)     {t_eval:7.3f} s")
    if embed.available():
        t = time.perf_counter()
        suggest(draft, foreign, EMBED_PARAMS, use_embed=True)
        t_emb = time.perf_counter() - t
        print(f"suggest with --embed    {t_emb:7.3f} s  (x{t_emb / t_map:.0f} the default; one run, embeds every text)")


if __name__ == "__main__":
    main()
