"""Reading a concordance YAML file into typed objects, keeping line numbers for one-line error messages."""

from __future__ import annotations

import os
from dataclasses import replace

import yaml

from ..errors import LexdraftError
from .model import LABELS, Concordance, DraftUnit, Link, Work


def _plain(node: yaml.Node):
    """A composed YAML node as plain Python data (mappings keep their nodes' line numbers aside)."""
    if isinstance(node, yaml.MappingNode):
        return {k.value: _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    return yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:str" else node.value


def _field(node: yaml.MappingNode, name: str) -> yaml.Node | None:
    return next((v for k, v in node.value if k.value == name), None)


def _text(node: yaml.MappingNode, name: str, path: str, required: bool = True) -> str:
    v = _field(node, name)
    if v is None or (isinstance(v, yaml.ScalarNode) and v.value in ("", "~", "null")):
        if required:
            raise LexdraftError(f"missing '{name}'", path, node.start_mark.line + 1)
        return ""
    if not isinstance(v, yaml.ScalarNode):
        raise LexdraftError(f"'{name}' must be a single value", path, v.start_mark.line + 1)
    return str(v.value).strip()


def load_concordance(path: str) -> Concordance:
    """Read a concordance file; raises ``LexdraftError`` (file, line, problem) on malformed content."""
    try:
        with open(path, encoding="utf-8") as fh:
            root = yaml.compose(fh)
    except OSError as exc:
        raise LexdraftError(exc.strerror or str(exc), path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexdraftError(f"malformed YAML: {getattr(exc, 'problem', exc)}", path,
                            mark.line + 1 if mark else None) from None
    if not isinstance(root, yaml.MappingNode):
        raise LexdraftError("a concordance is a YAML mapping (caveat, drafts, works, units, links)", path, 1)
    base = os.path.dirname(os.path.abspath(path))

    def resolve(p: str) -> str:
        return os.path.normpath(os.path.join(base, p))

    caveat = _text(root, "caveat", path)
    drafts_node = _field(root, "drafts")
    if not isinstance(drafts_node, yaml.MappingNode):
        raise LexdraftError("'drafts' must map version names to AKN files", path, root.start_mark.line + 1)
    drafts = {k.value: resolve(str(v.value)) for k, v in drafts_node.value}

    works: dict[str, Work] = {}
    works_node = _field(root, "works")
    if not isinstance(works_node, yaml.MappingNode):
        raise LexdraftError("'works' must map work keys to {path, jurisdiction, citation}", path, 1)
    for k, v in works_node.value:
        if not isinstance(v, yaml.MappingNode):
            raise LexdraftError(f"work '{k.value}' must be a mapping", path, k.start_mark.line + 1)
        raw = _text(v, "path", path)
        works[k.value] = Work(k.value, resolve(raw), raw, _text(v, "jurisdiction", path),
                              _text(v, "citation", path), k.start_mark.line + 1)

    units: dict[str, DraftUnit] = {}
    units_node = _field(root, "units")
    if isinstance(units_node, yaml.MappingNode):
        for k, v in units_node.value:
            topic = _text(v, "topic", path) if isinstance(v, yaml.MappingNode) else str(v.value)
            units[k.value] = DraftUnit(k.value, topic, k.start_mark.line + 1)

    links: list[Link] = []
    links_node = _field(root, "links")
    if not isinstance(links_node, yaml.SequenceNode):
        raise LexdraftError("'links' must be a list", path, 1)
    for item in links_node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise LexdraftError("each link is a mapping (draft, work, eid, label, rationale)", path, line)
        label = _text(item, "label", path)
        if label not in LABELS:
            raise LexdraftError(f"label '{label}' is not one of {', '.join(LABELS)}", path, line)
        draft, eid = _text(item, "draft", path, False), _text(item, "eid", path, False)
        if label != "Gap" and not (draft and eid):
            raise LexdraftError(f"a {label} link needs both 'draft' and 'eid'", path, line)
        if not draft and not eid:
            raise LexdraftError("a link needs a 'draft' unit, a foreign 'eid', or both", path, line)
        versions_node = _field(item, "versions")
        versions = tuple(str(x) for x in _plain(versions_node)) if versions_node is not None else ()
        links.append(Link(draft, _text(item, "work", path), eid, label, _text(item, "rationale", path), line,
                          versions))
    return Concordance(os.path.normpath(path), caveat, drafts, works, units, _resolved(links, works))


def _resolved(links: list[Link], works: dict[str, Work]) -> list[Link]:
    """Links with the citation and text of their foreign provision (best effort: ``check_concordance`` reports
    the links that do not resolve)."""
    from ..akn import load

    docs: dict[str, object] = {}
    out = []
    for ln in links:
        work = works.get(ln.work)
        if work is None:
            out.append(ln)
            continue
        if work.path not in docs:
            try:
                docs[work.path] = load(work.path)
            except LexdraftError:
                docs[work.path] = None
        doc = docs[work.path]
        unit = doc.find(ln.eid) if doc is not None and ln.eid else None  # type: ignore[attr-defined]
        if unit is not None:
            name = " ".join(x for x in (unit.num, unit.heading) if x) or ln.eid
            text = "\n".join(x for x in (unit.heading, unit.full_text) if x)
        else:
            name, text = (ln.eid or "no counterpart"), ""
        out.append(replace(ln, citation=f"{work.citation}, {name}", text=text))
    return out
