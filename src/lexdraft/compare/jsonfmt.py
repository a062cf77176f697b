"""The ChangeSet as JSON: the versioned format ``lexdraft.changeset/1`` (documented field by field in docs/diff.md).

Fixed field order, no timestamps, no absolute paths added, one top-level change per line: the same inputs give byte-identical output. The format
holds every word of both versions (``=``/``-``/``+`` ops over the original text), so ``changeset_from_json``
restores the ChangeSet and ``lexdraft.compare.rebuild`` restores both texts.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import LexdraftError
from ..gcpause import paused_gc
from ..model import FRBR, Provenance
from .model import Change, ChangeSet, Side, UnitRef, WordOp

FORMAT = "lexdraft.changeset/1"

_FRBR_FIELDS = ("work", "expression", "manifestation", "date", "language", "country", "doc_type", "name", "title")


def _side(side: Side) -> dict[str, Any]:
    prov = side.provenance
    return {
        "file": side.path,
        "frbr": {f: getattr(side.frbr, f) for f in _FRBR_FIELDS},
        "sha256": side.sha256,
        "provenance": {"status": prov.status, "note": prov.note, "source": prov.source, "warning": prov.warning},
    }


def _ref(r: UnitRef) -> dict[str, Any]:
    return {
        "eId": r.eid, "num": r.num, "heading": r.heading, "kind": r.kind, "line": r.line,
        "container": r.container, "index": r.index,
    }


def _ops(ops: list[WordOp]) -> list[list[Any]]:
    return [[o.op, o.text, True] if o.cosmetic else [o.op, o.text] for o in ops]


def change_to_dict(c: Change) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": c.kind,
        "kinds": list(c.kinds),
        "old": [_ref(r) for r in c.old],
        "new": [_ref(r) for r in c.new],
        "similarity": c.similarity,
    }
    if c.placement:
        out["placement"] = c.placement
    out["heading_ops"] = _ops(c.heading_ops)
    out["ops"] = _ops(c.ops)
    out["children"] = [change_to_dict(x) for x in c.children]
    return out


def changeset_to_dict(cs: ChangeSet) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "level": cs.level,
        "old": _side(cs.old),
        "new": _side(cs.new),
        "summary": cs.summary(),
        "changed": sum(1 for c in cs.changes if c.changed),
        "containers_changed": sum(1 for c in cs.containers if c.changed),
        "preamble_changed": any(c.changed for c in cs.preamble),
        "preamble": [change_to_dict(c) for c in cs.preamble],
        "containers": [change_to_dict(c) for c in cs.containers],
        "changes": [change_to_dict(c) for c in cs.changes],
    }


@paused_gc()
def changeset_to_json(cs: ChangeSet) -> str:
    """The JSON text (UTF-8, one trailing newline): the header indented, then the preamble, one container and one
    top-level change per line — readable, diffable line by line, and written by the C encoder (indenting everything is ten
    times slower)."""
    data = changeset_to_dict(cs)
    changes = data.pop("changes")
    containers = data.pop("containers")
    preamble = data.pop("preamble")
    head = json.dumps(data, ensure_ascii=False, indent=1)
    return (head[:-2] + _one_per_line("preamble", preamble) + _one_per_line("containers", containers)
            + _one_per_line("changes", changes) + "\n}\n")


def _one_per_line(key: str, items: list[dict[str, Any]]) -> str:
    body = ",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in items)
    return f',\n "{key}": [\n' + body + ("\n" if body else "") + " ]"


def _side_from(d: dict[str, Any]) -> Side:
    p = d.get("provenance") or {}
    return Side(
        path=d["file"],
        frbr=FRBR(**{f: d["frbr"].get(f, "") for f in _FRBR_FIELDS}),
        sha256=d["sha256"],
        provenance=Provenance(status=p.get("status", "official"), note=p.get("note", ""), source=p.get("source", "")),
    )


def _ref_from(d: dict[str, Any]) -> UnitRef:
    return UnitRef(eid=d["eId"], num=d["num"], heading=d["heading"], kind=d.get("kind", ""), line=d.get("line"),
                   container=d.get("container", ""), index=d.get("index", -1))


def _ops_from(items: list[list[Any]]) -> list[WordOp]:
    return [WordOp(x[0], x[1], bool(x[2]) if len(x) > 2 else False) for x in items]


def change_from_dict(d: dict[str, Any]) -> Change:
    return Change(
        kinds=tuple(d["kinds"]),
        old=[_ref_from(r) for r in d["old"]],
        new=[_ref_from(r) for r in d["new"]],
        similarity=d["similarity"],
        heading_ops=_ops_from(d["heading_ops"]),
        ops=_ops_from(d["ops"]),
        children=[change_from_dict(x) for x in d["children"]],
        placement=d.get("placement", ""),
    )


@paused_gc()
def changeset_from_json(text: str | bytes | dict, path: str = "<json>") -> ChangeSet:
    """Rebuild a ChangeSet from its JSON (text or already-parsed dict); a one-line error for anything else."""
    try:
        data = text if isinstance(text, dict) else json.loads(text)
        if data.get("format") != FORMAT:
            raise LexdraftError(f"not a {FORMAT} document (format is {data.get('format')!r})", path)
        return ChangeSet(
            old=_side_from(data["old"]),
            new=_side_from(data["new"]),
            changes=[change_from_dict(c) for c in data["changes"]],
            level=data.get("level", "article"),
            containers=[change_from_dict(c) for c in data.get("containers", [])],
            preamble=[change_from_dict(c) for c in data.get("preamble", [])],
        )
    except LexdraftError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise LexdraftError(f"invalid {FORMAT} JSON: {exc.__class__.__name__}: {exc}", path) from None
