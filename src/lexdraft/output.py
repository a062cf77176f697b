"""Writing results: atomically (never a partial output file), and never over an input."""

from __future__ import annotations

import os
import tempfile

from .errors import LexdraftError


def write_atomic(path: str, data: str | bytes, inputs: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename, so a failure leaves no partial file.

    Refuses to overwrite any of ``inputs`` (the files the result was computed from).
    """
    target = os.path.abspath(path)
    for src in inputs:
        if os.path.exists(src) and os.path.exists(target) and os.path.samefile(src, target):
            raise LexdraftError("refusing to overwrite an input file with the output", path)
    directory = os.path.dirname(target) or "."
    if not os.path.isdir(directory):
        raise LexdraftError("output directory does not exist", path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=".lexdraft-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise LexdraftError(exc.strerror or str(exc), path) from None
