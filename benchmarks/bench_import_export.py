"""Import/export speed on the largest real draft, the EU AI Act (113 articles, 1,313 units, 0.5 MB of text).

Prints the median time of each step: export AKN → text, import text → model, write model → AKN, strict
validation of the result (XSD + lexdraft's rules, schema compiled once per call as `lexdraft import` does),
and the whole `import` path. Run: python benchmarks/bench_import_export.py [--repeat N]
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
from lexdraft.export import document_to_text  # noqa: E402
from lexdraft.importer import check_akn_bytes, has_flat_article_ids, text_to_document  # noqa: E402
from lexdraft.writer import document_to_akn  # noqa: E402

DRAFT = os.path.join(ROOT, "drafts", "foreign", "eu-ai-act", "2024-06-13-eng.xml")


def median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    doc = load(DRAFT)
    text = document_to_text(doc)
    model = text_to_document(text, "act.txt")
    data = document_to_akn(model, flat_articles=has_flat_article_ids(model))
    assert data == open(DRAFT, "rb").read(), "round trip is not byte-identical"
    steps = [
        ("export AKN model -> text", lambda: document_to_text(doc)),
        ("import text -> model", lambda: text_to_document(text, "act.txt")),
        ("write model -> AKN", lambda: document_to_akn(model, flat_articles=True)),
        ("validate (XSD + rules)", lambda: check_akn_bytes(data, "act.xml")),
        ("whole import (parse, write, validate)",
         lambda: check_akn_bytes(document_to_akn(text_to_document(text, "act.txt"), flat_articles=True), "act.xml")),
    ]
    print(f"EU AI Act: {len(doc.provisions())} articles, {sum(1 for _ in doc.walk())} units, "
          f"{len(text):,} chars of text, {len(data):,} bytes of AKN; median of {repeat}")
    for name, fn in steps:
        print(f"  {name:40s} {median(fn, repeat) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
