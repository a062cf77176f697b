"""Generated codes with known edits (the benchmark's generator, small sizes): every edit is recovered with its
kind, and nothing else is reported — through the writer and the parser, as real files would be."""

from __future__ import annotations

import runpy

import pytest

from lexdraft import akn
from lexdraft.compare import diff_documents
from lexdraft.writer import document_to_akn

from conftest import ROOT

BENCH = runpy.run_path(str(ROOT / "benchmarks" / "bench_diff.py"), run_name="bench")


@pytest.mark.parametrize("n,seed", [(100, 1), (100, 2), (300, 3)])
def test_known_edits_are_recovered_and_nothing_else(n: int, seed: int) -> None:
    old, new, expected = BENCH["generated_pair"](n, seed)
    docs = [akn.document_from_xml(akn.parse_bytes(document_to_akn(d), f"{name}.xml")) for d, name in
            ((old, "old"), (new, "new"))]
    cs = diff_documents(*docs)
    ok, missed, spurious = BENCH["recovered"](cs, expected)
    assert missed == [] and ok == len(expected)
    assert spurious == 0
    kinds = {e.kind for e in expected}
    assert kinds == {"amended", "inserted", "repealed", "repealed-in-place", "moved", "split", "renumbered"}
