"""Amendment operations as JSON (``lexdraft.amendment/1``): deterministic, for pipelines."""

from __future__ import annotations

import json

from ..model import Document
from .instructions import quote_lines
from .model import Operation, Ref

FORMAT = "lexdraft.amendment/1"


def _ref(ref: Ref | None) -> dict | None:
    if ref is None:
        return None
    return {"path": [list(p) for p in ref.path], "eId": ref.eid}


def operation_dict(op: Operation) -> dict:
    out: dict = {"number": op.number, "action": op.action, "target": _ref(op.target)}
    if op.unit is not None:
        out["unit"] = {"kind": op.unit.kind, "num": op.unit.num, "heading": op.unit.heading,
                       "lines": quote_lines(op.unit)}
    if op.old:
        out["old"] = op.old
    if op.new:
        out["new"] = op.new
    if op.after is not None:
        out["after"] = _ref(op.after)
    if op.at_start:
        out["at_start"] = True
    if op.pairs:
        out["pairs"] = [list(p) for p in op.pairs]
    if op.line:
        out["line"] = op.line
    return out


def side(doc: Document) -> dict:
    return {"path": doc.path, "expression": doc.frbr.expression, "sha256": doc.sha256,
            "provenance": doc.provenance.status, "warning": doc.provenance.warning}


def to_json(operations: list[Operation], old: Document, new: Document, language: str, rule: dict) -> str:
    data = {"format": FORMAT, "old": side(old), "new": side(new), "language": language, "rule": rule,
            "instructions": [operation_dict(op) for op in operations]}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
