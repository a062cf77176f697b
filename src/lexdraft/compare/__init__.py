"""Structural comparison of two versions: alignment, change kinds, word-level diff (see docs/diff.md)."""

from .diff import REWORDED_BELOW, diff_documents, diff_units
from .model import KINDS, Change, ChangeSet, Side, UnitRef, WordOp

__all__ = [
    "KINDS", "REWORDED_BELOW", "Change", "ChangeSet", "Side", "UnitRef", "WordOp", "diff_documents", "diff_units",
]
