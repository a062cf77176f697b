"""Pausing Python's cyclic garbage collector while large trees of objects are built.

Reading a code into the model, diffing it and writing the JSON allocate hundreds of thousands of small objects
that all stay alive; each full collection the allocations trigger walks every one of them again, which measured
40–50 % of a 5,000-article diff (docs/diff.md, Performance). These trees hold no reference cycles that need the
collector (reference counting frees them), so it is paused while they are built and restored afterwards.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block, if it was enabled; nested uses are harmless.

    Usable as a decorator (``@paused_gc()``). Outputs do not depend on it: only memory reclaimed from
    reference cycles waits until the block ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # Move the survivors straight to the oldest generation (freeze, then unfreeze into it): left in the
        # youngest, the next allocation would make the collector examine every one of them at once. Garbage
        # cycles among them are still found, by the next full collection.
        gc.freeze()
        gc.unfreeze()
        gc.enable()
