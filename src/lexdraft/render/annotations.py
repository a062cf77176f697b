"""What reviewers add beside the text: justifications and comments (a sidecar file keyed by eId) and comparable
foreign provisions (a concordance).

Sidecar format (YAML or JSON; the same structure)::

    format: lexdraft.annotations/1        # optional
    columns: [Автор поправки, Решение]    # optional extra table columns (a Parliament stage adds some)
    units:                                # optional wrapper; a plain mapping of eIds works too
      chp_19__art_125__para_2:
        justification: "Приведение в соответствие с …"
        comments:
          - author: "Reviewer A"
            date: "2025-07-10"
            text: "Clarify the term."
          - "A comment may also be a plain string."
        cells: {Автор поправки: "Депутат А.", Решение: "Принять"}

Concordance entries are ``ConcordanceEntry`` per draft eId; ``concordance_from`` adapts what
``lexdraft.concordance.load_concordance`` returns (or a plain mapping / list of dicts) to that shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

import yaml

from ..errors import LexdraftError

CONCORDANCE_LABELS = ("full", "partial", "complementary", "gap")


@dataclass(frozen=True)
class Comment:
    text: str
    author: str = ""
    date: str = ""


@dataclass(frozen=True)
class Annotation:
    justification: str = ""
    comments: tuple[Comment, ...] = ()
    cells: tuple[tuple[str, str], ...] = ()  # (extra column, text)


@dataclass(frozen=True)
class ConcordanceEntry:
    """One comparable foreign provision shown in the margin of a draft unit."""

    unit: str  # draft eId
    label: str  # full | partial | complementary | gap
    citation: str  # "EU AI Act, Article 50(2)"
    excerpt: str = ""
    full_text: str = ""
    rationale: str = ""


@dataclass
class Annotations:
    """Everything attached to units, by eId."""

    notes: dict[str, Annotation] = field(default_factory=dict)
    concordance: dict[str, list[ConcordanceEntry]] = field(default_factory=dict)
    columns: tuple[str, ...] = ()  # extra table columns, between the proposed wording and the justification

    def cell(self, eid: str, column: str) -> str:
        a = self.notes.get(eid)
        return dict(a.cells).get(column, "") if a else ""

    def justification(self, eid: str) -> str:
        a = self.notes.get(eid)
        return a.justification if a else ""

    def comments(self, eid: str) -> tuple[Comment, ...]:
        a = self.notes.get(eid)
        return a.comments if a else ()

    def comparable(self, eid: str) -> list[ConcordanceEntry]:
        return self.concordance.get(eid, [])


def _read_structured(path: str) -> Any:
    """YAML (JSON is YAML too, but parse .json strictly) with errors as one line naming file and line."""
    try:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexdraftError(getattr(exc, "strerror", None) or str(exc), path) from None
    if path.lower().endswith(".json"):
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LexdraftError(f"invalid JSON: {exc.msg}", path, exc.lineno) from None
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LexdraftError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None


def parse_annotations(data: Any, path: str = "<annotations>") -> Annotations:
    """Validate a loaded sidecar structure: ``Annotation``s by eId and the extra columns."""
    if data is None:
        return Annotations()
    if not isinstance(data, Mapping):
        raise LexdraftError("annotations must be a mapping of eId to {justification, comments}", path)
    columns = data.get("columns") or []
    if not isinstance(columns, list) or not all(isinstance(c, str) and c for c in columns):
        raise LexdraftError("'columns' must be a list of column names", path)
    if "units" in data and isinstance(data.get("units"), Mapping):
        data = data["units"]
    out: dict[str, Annotation] = {}
    for eid, value in data.items():
        if eid in ("format", "columns"):
            continue
        if isinstance(value, str):
            out[str(eid)] = Annotation(justification=value)
            continue
        if not isinstance(value, Mapping):
            raise LexdraftError(f"annotation for {eid!r} must be a mapping or a string", path)
        comments = []
        raw_comments = value.get("comments") or []
        if isinstance(raw_comments, (str, Mapping)):
            raw_comments = [raw_comments]
        for c in raw_comments:
            if isinstance(c, Mapping):
                comments.append(Comment(str(c.get("text", "")), str(c.get("author", "") or ""),
                                        str(c.get("date", "") or "")))
            else:
                comments.append(Comment(str(c)))
        cells = value.get("cells") or {}
        if not isinstance(cells, Mapping) or any(k not in columns for k in cells):
            raise LexdraftError(f"cells of {eid!r} must name columns listed under 'columns'", path)
        out[str(eid)] = Annotation(str(value.get("justification", "") or ""), tuple(comments),
                                   tuple((str(k), str(v)) for k, v in cells.items()))
    return Annotations(out, columns=tuple(columns))


def load_annotations(path: str) -> Annotations:
    return parse_annotations(_read_structured(path), path)


def _get(obj: Any, *names: str, default: Any = "") -> Any:
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        if not isinstance(obj, Mapping) and hasattr(obj, name):
            return getattr(obj, name)
    return default


def _entry(unit: str, item: Any) -> ConcordanceEntry:
    label = str(_get(item, "label", "relation", default="") or "").strip().lower()
    citation = _get(item, "citation", "target_citation", "target", default="")
    if not isinstance(citation, str):
        citation = str(_get(citation, "citation", "eid", default=citation))
    full = str(_get(item, "full_text", "text", "target_text", default="") or "")
    excerpt = str(_get(item, "excerpt", default="") or "") or _excerpt(full)
    return ConcordanceEntry(unit, label, str(citation), excerpt, full, str(_get(item, "rationale", default="") or ""))


def _excerpt(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit] + " …"


def concordance_from(obj: Any, draft_path: str | None = None) -> dict[str, list[ConcordanceEntry]]:
    """Adapt a concordance to entries per draft eId.

    Accepts a mapping ``{eId: [entry, …]}``, a list of entries each naming its ``unit`` (or ``source``/``eid``),
    an object with ``links``/``entries``/``rows``, or an object already in this shape. Entries may be mappings
    or objects with the attributes ``label``, ``citation`` (or ``target``), ``excerpt``, ``full_text`` (or
    ``text``), ``rationale``. A concordance that knows its draft versions (``version_of``/``applies``) keeps only
    the links that hold for ``draft_path``.
    """
    if obj is None:
        return {}
    if draft_path and hasattr(obj, "version_of") and hasattr(obj, "applies") and hasattr(obj, "links"):
        version = obj.version_of(draft_path)
        return concordance_from([ln for ln in obj.links if obj.applies(ln, version)])
    for attr in ("links", "entries", "rows"):
        inner = _get(obj, attr, default=None)
        if inner is not None and not isinstance(obj, list):
            obj = inner
            break
    out: dict[str, list[ConcordanceEntry]] = {}
    items: Iterable[tuple[str, Any]]
    if isinstance(obj, Mapping):
        items = ((str(k), v) for k, vs in obj.items() for v in (vs if isinstance(vs, list) else [vs]))
    else:
        items = ((str(_get(v, "unit", "source", "eid", "source_eid", default="")), v) for v in obj)
    for unit, item in items:
        if not unit:
            continue
        if isinstance(item, ConcordanceEntry):
            out.setdefault(unit, []).append(item)
        else:
            out.setdefault(unit, []).append(_entry(unit, item))
    return out


def load_concordance_file(path: str, draft_path: str | None = None) -> dict[str, list[ConcordanceEntry]]:
    """Read a concordance through the mapping module's ``load_concordance`` (links for ``draft_path``'s version)."""
    from ..concordance import load_concordance

    return concordance_from(load_concordance(path), draft_path)
