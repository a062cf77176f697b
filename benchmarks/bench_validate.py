"""How long ``lexdraft validate`` takes on the 38-file corpus (and the drafts): run it and read the medians.

    python benchmarks/bench_validate.py [--runs 5]

Prints the median wall time (and CPU time, which other jobs on the machine hardly disturb) of: compiling the strict XSD, validating the corpus folder in-process, and the
whole command in a fresh process (Python start-up, imports, XSD compile, 38 files, report).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lexdraft.validate import validate_paths  # noqa: E402
from lexdraft.validate.schema import compile_schema  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "akn"
DRAFTS = ROOT / "drafts"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cpu_timed(fn) -> float:
    """CPU seconds of this process: unlike wall time, hardly affected by other jobs sharing the machine."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def median(fn, runs: int, clock=timed) -> float:
    return statistics.median(clock(fn) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    n = len(list(CORPUS.glob("*.xml")))
    size = sum(p.stat().st_size for p in CORPUS.glob("*.xml")) / 1048576
    compile_s = median(compile_schema, runs)
    corpus_s = median(lambda: validate_paths([str(CORPUS)]), runs)
    corpus_cpu = median(lambda: validate_paths([str(CORPUS)]), runs, cpu_timed)
    lenient_s = median(lambda: validate_paths([str(CORPUS)], lenient=True), runs)
    cli = [sys.executable, "-c", "from lexdraft.cli import main; main()", "validate", "--format", "json", str(CORPUS)]
    cli_s = median(lambda: subprocess.run(cli, capture_output=True, cwd=ROOT), runs)
    print(f"corpus: {n} files, {size:.1f} MB; median of {runs} runs")
    print(f"compile strict XSD            {compile_s:6.2f} s")
    print(f"validate corpus (strict)      {corpus_s:6.2f} s   {corpus_s / n * 1000:5.0f} ms/file (wall)")
    print(f"validate corpus (strict), CPU {corpus_cpu:6.2f} s   {corpus_cpu / n * 1000:5.0f} ms/file")
    print(f"validate corpus (lenient)     {lenient_s:6.2f} s")
    print(f"lexdraft validate (process)   {cli_s:6.2f} s   XSD compile = {compile_s / corpus_s:.0%} of in-process time")
    drafts = sorted(DRAFTS.rglob("*.xml")) if DRAFTS.exists() else []
    if drafts:
        drafts_s = median(lambda: validate_paths([str(DRAFTS)]), runs)
        print(f"validate drafts/ ({len(drafts)} XML)   {drafts_s:6.2f} s")


if __name__ == "__main__":
    main()
