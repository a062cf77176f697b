"""Rendering cost of the redline and the comparative table on real pairs.

For each pair: table rows, the HTML size, and medians of building the rendering model, rendering the HTML and the
DOCX (the diff is computed once, before, and reported separately). Run: python benchmarks/bench_redline.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from lexdraft.akn import load  # noqa: E402
from lexdraft.compare import diff_documents  # noqa: E402
from lexdraft.render.docx import render_docx  # noqa: E402
from lexdraft.render.html import render_html  # noqa: E402
from lexdraft.render.rows import build  # noqa: E402

PAIRS = [
    ("chapter 19 rus (illustrative)", "drafts/kz-digital-code/2024-04-01-rus.xml",
     "drafts/kz-digital-code/2025-07-01-rus.xml"),
    ("ES LOPDGDD original -> final", "tests/data/akn/es-boe-2018-16673-original.xml",
     "tests/data/akn/es-boe-2018-16673-final.xml"),
    ("EU AI Act proposal -> act", "tests/data/akn/eu-ai-act-proposal-2021-206.xml",
     "tests/data/akn/eu-ai-act-2024-1689.xml"),
]


def median_time(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'pair':34} {'rows':>5} {'HTML MB':>8} {'diff s':>7} {'model s':>8} {'HTML s':>7} {'DOCX s':>7}")
    for name, old_path, new_path in PAIRS:
        old, new = load(os.path.join(ROOT, old_path)), load(os.path.join(ROOT, new_path))
        t_diff, cs = median_time(lambda: diff_documents(old, new), 1)
        t_model, model = median_time(lambda: build(cs, old, new, "en"), args.runs)
        t_html, html = median_time(lambda: render_html(cs, old, new), args.runs)
        t_docx, _ = median_time(lambda: render_docx(cs, old, new), max(1, args.runs // 2))
        print(f"{name:34} {len(model.rows):>5} {len(html.encode()) / 1e6:>8.2f} {t_diff:>7.2f} {t_model:>8.3f} "
              f"{t_html:>7.2f} {t_docx:>7.2f}")


if __name__ == "__main__":
    main()
