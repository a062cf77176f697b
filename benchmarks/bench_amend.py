"""Amendment round trip on the real version pairs: how far apply(old, amend(old, new)) reproduces new.

For each pair: the instructions drafted (by action), whether the new version's provisions are reproduced
through each route (operations in memory; the Russian/Kazakh instruction text; the AKN amendment), and the
median time of drafting (diff included) and of applying. Run: python benchmarks/bench_amend.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from lexdraft.akn import load  # noqa: E402
from lexdraft.amend.akn_amendment import read_instrument, to_akn  # noqa: E402
from lexdraft.amend.apply import AmendmentError, apply, text_of  # noqa: E402
from lexdraft.amend.instructions import amend_operations, language_of, render  # noqa: E402
from lexdraft.amend.parse import parse_text  # noqa: E402
from lexdraft.errors import LexdraftError  # noqa: E402

PAIRS = [
    ("chapter 19 rus (illustrative)", "drafts/kz-digital-code/2024-04-01-rus.xml", "drafts/kz-digital-code/2025-07-01-rus.xml"),
    ("chapter 19 kaz (illustrative)", "drafts/kz-digital-code/2024-04-01-kaz.xml", "drafts/kz-digital-code/2025-07-01-kaz.xml"),
    ("chapter 19 eng (illustrative)", "drafts/kz-digital-code/2024-04-01-eng.xml", "drafts/kz-digital-code/2025-07-01-eng.xml"),
    ("ES LOPDGDD original → final", "tests/data/akn/es-boe-2018-16673-original.xml", "tests/data/akn/es-boe-2018-16673-final.xml"),
    ("EU AI Act proposal → act (normalised)", "drafts/foreign/eu-ai-act/2021-04-21-eng.xml", "drafts/foreign/eu-ai-act/2024-06-13-eng.xml"),
    ("EU AI Act proposal → act (corpus)", "tests/data/akn/eu-ai-act-proposal-2021-206.xml", "tests/data/akn/eu-ai-act-2024-1689.xml"),
    ("LEOS move (proposal)", "tests/data/akn/leos-ec-3articles-v1.xml", "tests/data/akn/leos-ec-3articles-v2-moved.xml"),
    ("ZA bill 2003 → 2005 (AKN 2.0)", "tests/data/akn/za-bill-2003-v2akn.xml", "tests/data/akn/za-bill-2003-at-2005-v2akn.xml"),
    ("KE markup pair (AKN 2.0)", "tests/data/akn/ke-act-1997-3-a-v2akn.xml", "tests/data/akn/ke-act-1997-3-b-v2akn.xml"),
]


def provisions(doc):
    return [text_of([u]) for u in doc.provisions()]


def verdict(fn, expected) -> str:
    try:
        got = fn()
    except (AmendmentError, LexdraftError) as exc:
        return f"error ({str(exc)[:60]})"
    same = sum(a == b for a, b in zip(got, expected))
    return "exact" if got == expected else f"{same}/{len(expected)} provisions equal"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for name, a, b in PAIRS:
        old, new = load(os.path.join(ROOT, a)), load(os.path.join(ROOT, b))
        expected = provisions(new)
        t_draft, t_apply = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            ops = amend_operations(old, new)
            t1 = time.perf_counter()
            apply(old, ops)
            t2 = time.perf_counter()
            t_draft.append(t1 - t0)
            t_apply.append(t2 - t1)
        lang = language_of(old)
        counts = Counter(op.action for op in ops)
        routes = {"operations": verdict(lambda: provisions(apply(old, ops)), expected)}
        text = render(ops, lang)
        routes[f"{lang} text"] = verdict(lambda: provisions(apply(old, parse_text(text).operations)), expected)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "amendment.xml")
            with open(path, "wb") as fh:
                fh.write(to_akn(ops, old, lang, new.frbr.date))
            routes["AKN"] = verdict(lambda: provisions(apply(old, read_instrument(path).operations)), expected)
        print(f"{name}: {len(ops)} instructions {dict(sorted(counts.items()))}")
        print("  round trip: " + "; ".join(f"{k}: {v}" for k, v in routes.items()))
        print(f"  median draft (diff included) {statistics.median(t_draft) * 1000:.0f} ms, "
              f"apply {statistics.median(t_apply) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
