"""Turning a command-line argument into a Document: an AKN file, or a ``WORK@DATE`` selector when version
history is available (``lexdraft.history.resolve``)."""

from __future__ import annotations

from ..languages import same

import importlib
import os

from .. import akn
from ..errors import LexdraftError
from ..model import Document


def load_version(arg: str, lang: str | None = None) -> Document:
    """The document an argument names; ``lang`` picks the language of a selector, or checks a file's."""
    if "@" in arg and not os.path.exists(arg):
        resolve = _resolver()
        if resolve is None:
            raise LexdraftError("WORK@DATE selectors need version history (lexdraft.history), not available", arg)
        found = resolve(arg) if lang is None else _resolve_lang(resolve, arg, lang)
        doc = found if isinstance(found, Document) else akn.load(os.fspath(found))
    else:
        doc = akn.load(arg)
    if lang and doc.frbr.language and not _same_lang(doc.frbr.language, lang):
        raise LexdraftError(f"expression language is {doc.frbr.language!r}, not {lang!r} (--lang)", doc.path)
    return doc


def _resolver():
    try:
        module = importlib.import_module("lexdraft.history")
    except ImportError:
        return None
    return getattr(module, "resolve", None)


def _resolve_lang(resolve, arg: str, lang: str):
    try:
        return resolve(arg, lang=lang)
    except TypeError:
        return resolve(arg)


def _same_lang(a: str, b: str) -> bool:
    """``--lang ru`` accepts a file marked ``rus``."""
    return same(a, b)
