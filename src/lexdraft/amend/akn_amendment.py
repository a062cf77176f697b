"""Amendment operations as an Akoma Ntoso ``amendment`` document, and reading amendment documents back.

Written: the instrument's wording (the same sentences as ``instructions.render``) in ``<amendmentBody>``, one
``<item>`` per numbered item; each instruction is a ``<mod>`` whose quoted words are ``<quotedText>`` and whose
new units are a ``<quotedStructure>`` (written by the project's writer); ``<analysis><activeModifications>``
holds one ``textualMod`` per instruction (substitution, insertion, repeal, renumbering) pointing at the unit of
the base expression. Attributes in lexdraft's namespace (``ld:action``, ``ld:target``…, allowed by the schema on
every element) make the document exactly re-readable by ``read_instrument`` for ``lexdraft apply``.

Read: our own documents into operations; any other AKN amending instrument (the Italian Senate's emendamenti,
a German Änderungsgesetz with ``<akn:mod>``) into a list of instructions as written, for ``lexdraft amend --show``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

from lxml import etree

from ..akn import AKN3_NS, LEXDRAFT_NS, build_unit, inline_text, local, parse_bytes, read_xml
from ..errors import LexdraftError
from ..model import Document, Unit
from ..writer import HIER_ELEMENTS, country_of, plan_eids, write_unit
from ..languages import iso3
from .instructions import QUOTES, group, group_header, sentence
from .model import Instrument, Operation, Ref

LD = f"{{{LEXDRAFT_NS}}}"
FORMAT = "lexdraft.amendment/1"  # marks the amendment documents lexdraft writes (and can apply)
MOD_TYPE = {
    "rewrite": "substitution", "rewrite_heading": "substitution", "replace_words": "substitution",
    "replace_throughout": "substitution", "insert": "insertion", "insert_words": "insertion",
    "repeal": "repeal", "delete_words": "repeal", "renumber": "renumbering",
}


def _q(tag: str) -> str:
    return f"{{{AKN3_NS}}}{tag}"


def _sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, _q(tag), {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _path_attr(ref: Ref | None) -> str:
    return "/".join(f"{k}:{n}" for k, n in ref.path) if ref is not None else ""


def _ref_of(path_attr: str, eid: str) -> Ref:
    path = tuple(tuple(p.split(":", 1)) for p in path_attr.split("/") if ":" in p)
    return Ref(path, eid)  # type: ignore[arg-type]


# ---------------------------------------------------------------- writing

_SENTINEL = re.compile("[«“]\ue000(\\d+)\ue001[»”]")


def _with_sentinels(op: Operation) -> tuple[Operation, list[tuple[str, str]]]:
    """The operation with its quoted words replaced by numbered sentinels (to become ``<quotedText>``), and
    (role, words) for each: the roles say which quotation is the old and which the new wording, whatever the
    word order of the language."""
    texts: list[tuple[str, str]] = []

    def mark(s: str, role: str) -> str:
        texts.append((role, s))
        return f"\ue000{len(texts) - 1}\ue001"

    if op.action in ("replace_words", "insert_words"):
        return replace(op, old=mark(op.old, "old"), new=mark(op.new, "new")), texts
    if op.action == "delete_words":
        return replace(op, old=mark(op.old, "old")), texts
    if op.action == "rewrite_heading":
        return replace(op, new=mark(op.new, "new")), texts
    if op.action == "replace_throughout":
        olds = [mark(o, f"old-{k}") for k, (o, _) in enumerate(op.pairs)]
        news = [mark(n, f"new-{k}") for k, (_, n) in enumerate(op.pairs)]
        return replace(op, pairs=tuple(zip(olds, news))), texts
    return op, texts


def _prefix_eids(el: etree._Element, prefix: str) -> None:
    for e in el.iter():
        if isinstance(e.tag, str) and e.get("eId"):
            e.set("eId", f"{prefix}__{e.get('eId')}")


def _mod(parent, op: Operation, lang: str, rel, eid: str, base_uri: str, tmods: list) -> None:
    marked, texts = _with_sentinels(op)
    words = sentence(marked, lang, rel)
    if op.unit is not None:
        words = words.split("\n", 1)[0]
    attrs = {
        f"{LD}action": op.action, f"{LD}target": _path_attr(op.target) or None, f"{LD}eid": op.target.eid or None,
        f"{LD}after": _path_attr(op.after) or None,
        f"{LD}after-eid": (op.after.eid or None) if op.after is not None else None,
        f"{LD}at-start": "true" if op.at_start else None,
        f"{LD}leaves": op.new if op.action in ("repeal", "renumber") and op.new else None,
    }
    mod = etree.SubElement(parent, _q("mod"), {"eId": eid, **{k: v for k, v in attrs.items() if v is not None}})
    pieces = _SENTINEL.split(words)
    mod.text = pieces[0]
    last: etree._Element | None = None
    qtexts: list[str] = []
    for k in range(1, len(pieces), 2):
        idx = int(pieces[k])
        o, c = QUOTES[lang]
        role, words_ = texts[idx]
        last = _sub(mod, "quotedText", words_, eId=f"{eid}__qtext_{idx + 1}", startQuote=o, endQuote=c,
                    **{f"{LD}role": role})
        qtexts.append((role, last.get("eId")))
        last.tail = pieces[k + 1]
    qstr = None
    if op.unit is not None:
        o, c = QUOTES[lang]
        if last is None:
            mod.text = (mod.text or "") + " "
        else:
            last.tail = (last.tail or "") + " "
        qs = _sub(mod, "quotedStructure", eId=f"{eid}__qstr_1", startQuote=o, endQuote=c)
        unit = op.unit
        if unit.kind not in HIER_ELEMENTS:
            raise LexdraftError(f"cannot quote a {unit.kind} in an AKN amendment")
        plan = plan_eids([unit])
        write_unit(qs, unit, plan)
        _prefix_eids(qs[0], qs.get("eId"))
        qstr = qs.get("eId")
    dest = op.target.eid or ""
    pos = None
    if op.action == "insert":
        if op.after is not None and op.after.eid:
            dest, pos = op.after.eid, "after"
        elif op.at_start:
            pos = "start"
        else:
            pos = "unspecified"
    tmods.append((MOD_TYPE[op.action], eid, f"{base_uri}#{dest}" if dest else base_uri, pos, qtexts, qstr, op))


def _identification(meta, work: str, lang: str, date: str, country: str) -> None:
    ident = _sub(meta, "identification", source="#lexdraft")
    expression = f"{work}/{lang}@{date}"
    for block, this, name in (("FRBRWork", work, "work"), ("FRBRExpression", expression, "expression"),
                              ("FRBRManifestation", f"{expression}/!main.xml", "generation")):
        b = _sub(ident, block)
        _sub(b, "FRBRthis", value=this)
        _sub(b, "FRBRuri", value=this)
        _sub(b, "FRBRdate", date=date, name=name)
        _sub(b, "FRBRauthor", href="#lexdraft")
        if block == "FRBRWork":
            _sub(b, "FRBRcountry", value=country)
        if block == "FRBRExpression":
            _sub(b, "FRBRlanguage", language=lang)


def to_akn(operations: list[Operation], base: Document, lang: str, date: str = "", title: str = "",
           warning: str = "") -> bytes:
    """The operations as an AKN 3.0 ``amendment`` (UTF-8 bytes, deterministic, valid against the strict XSD)."""
    lang = iso3(lang)
    date = date or base.frbr.date or "1970-01-01"
    country = base.frbr.country or country_of(base.frbr.work) or "unknown"
    digest = hashlib.sha256(repr([(op.action, op.target, op.old, op.new) for op in operations]).encode()).hexdigest()
    work = f"/akn/{country}/amendment/{date}/lexdraft-{digest[:8]}"
    base_uri = (base.frbr.expression or base.frbr.work or "").rstrip("/") + "/!main"

    root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN3_NS, "ld": LEXDRAFT_NS})
    doc = _sub(root, "amendment", name="amendment")
    meta = _sub(doc, "meta")
    _identification(meta, work, lang, date, country)
    analysis = _sub(meta, "analysis", source="#lexdraft")
    refs = _sub(meta, "references", source="#lexdraft")
    _sub(refs, "TLCOrganization", eId="lexdraft", href="/ontology/organization/lexdraft", showAs="lexdraft")
    prov = base.provenance
    prop = _sub(meta, "proprietary", source="#lexdraft")
    etree.SubElement(prop, f"{LD}provenance", {k: v for k, v in (
        ("status", prov.status), ("note", prov.note or None), ("source", prov.source or None)) if v})
    etree.SubElement(prop, f"{LD}amendment", {"format": FORMAT})

    preface = _sub(doc, "preface")
    _sub(_sub(preface, "p"), "docTitle", title or f"Amendment to {base.frbr.title or base.frbr.work}")
    if warning:
        _sub(preface, "p", warning, **{"class": "warning"})
    if base.frbr.expression or base.frbr.work:
        p = _sub(preface, "p")
        _sub(p, "affectedDocument", base.frbr.title or base.frbr.work, href=base_uri)

    body = _sub(doc, "amendmentBody")
    content = _sub(body, "amendmentContent", eId="amdcnt_1")
    tmods: list = []
    items = group(operations)
    if not items:
        _sub(content, "p", "No change.")
    else:
        blist = _sub(content, "blockList", eId="list_1")
        n = 0
        for i, item in enumerate(items, 1):
            it = _sub(blist, "item", eId=f"list_1__item_{i}")
            _sub(it, "num", f"({i})" if lang == "eng" else f"{i})")
            if item.head:
                _sub(it, "p", group_header(item.head, lang))
            for op in item.operations:
                n += 1
                rel = op.target.path[1:] if item.head and op.target.path else (() if item.head else None)
                _mod(_sub(it, "p"), op, lang, rel, f"mod_{n}", base_uri, tmods)
    if tmods:
        active = _sub(analysis, "activeModifications")
        for k, (typ, mod_eid, dest, pos, qtexts, qstr, op) in enumerate(tmods, 1):
            tm = _sub(active, "textualMod", type=typ, eId=f"amod_{k}")
            _sub(tm, "source", href=f"#{mod_eid}")
            _sub(tm, "destination", href=dest, pos=pos)
            if op.action in ("replace_words", "delete_words", "insert_words", "rewrite_heading"):
                for role in ("old", "new"):
                    for r, qid in qtexts:
                        if r == role:
                            _sub(tm, role, href=f"#{qid}")
            elif qstr:
                _sub(tm, "new", href=f"#{qstr}")
    else:
        _sub(analysis, "otherAnalysis", source="#lexdraft")
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------- reading

@dataclass
class Listed:
    """One instruction of an amending instrument, as written (for ``amend --show``)."""

    number: str
    line: int | None
    text: str
    action: str  # our action name when recognised, else ""
    target: str = ""
    quotes: list[str] = field(default_factory=list)


# Verbs of amending instructions in the corpus languages → our action names.
_VERBS = [
    ("delete_words", r"sopprimere|soppresse|streichen|gestrichen|исключить|алып тасталсын|deleted|repealed"),
    ("replace_words", r"sostituire|sostituite|ersetzt|ersetzen|заменить|ауыстырылсын|replaced|substituted"),
    ("insert", r"aggiungere|inserire|aggiunto|eingefügt|einfügen|angefügt|дополнить|толықтырылсын|inserted|added"),
    ("rewrite", r"изложить|жазылсын|neu gefasst"),
]


def guess_action(text: str) -> str:
    for action, rx in _VERBS:
        if re.search(rx, text, re.I):
            return action
    return ""


def _is_ours(tree: etree._ElementTree) -> bool:
    return any(isinstance(e.tag, str) and (e.get(f"{LD}action") or (e.tag == f"{LD}amendment"
                                                                   and e.get("format") == FORMAT))
               for e in tree.iter())


def _units_in(qs: etree._Element) -> list[Unit]:
    return [build_unit(c) for c in qs if local(c) and local(c) not in ("num", "heading")]


def read_instrument(path: str, data: bytes | None = None) -> Instrument:
    """Operations of an amendment written by lexdraft (``lexdraft amend --format akn``); from ``data`` when given
    (``path`` then only names it in errors)."""
    parsed = read_xml(path) if data is None else parse_bytes(data, path)
    if not _is_ours(parsed.tree):
        raise LexdraftError("not an amendment written by lexdraft (no <ld:amendment> mark, no ld:action); "
                            "use 'lexdraft amend --show' to list its instructions", path)
    ops: list[Operation] = []
    for k, mod in enumerate(e for e in parsed.tree.iter() if isinstance(e.tag, str) and local(e) == "mod"
                            and e.get(f"{LD}action")):
        action = mod.get(f"{LD}action")
        target = _ref_of(mod.get(f"{LD}target", ""), mod.get(f"{LD}eid", ""))
        after = None
        if mod.get(f"{LD}after") or mod.get(f"{LD}after-eid"):
            after = _ref_of(mod.get(f"{LD}after", ""), mod.get(f"{LD}after-eid", ""))
        roles = {q.get(f"{LD}role", ""): "".join(q.itertext()) for q in mod if local(q) == "quotedText"}
        qs = next((q for q in mod if local(q) == "quotedStructure"), None)
        units = _units_in(qs) if qs is not None else []
        common = dict(target=target, number=str(k + 1), line=mod.sourceline)
        try:
            if action in ("rewrite", "insert"):
                if len(units) != 1:
                    raise LexdraftError(f"instruction {k + 1}: the quoted structure must hold one unit", path,
                                        mod.sourceline)
                ops.append(Operation(action, unit=units[0], after=after,
                                     at_start=mod.get(f"{LD}at-start") == "true", **common))
            elif action == "rewrite_heading":
                ops.append(Operation(action, new=roles["new"], **common))
            elif action in ("repeal", "renumber"):
                ops.append(Operation(action, new=mod.get(f"{LD}leaves", ""), **common))
            elif action in ("replace_words", "insert_words"):
                ops.append(Operation(action, old=roles["old"], new=roles["new"], **common))
            elif action == "delete_words":
                ops.append(Operation(action, old=roles["old"], **common))
            elif action == "replace_throughout":
                n_pairs = sum(1 for r in roles if r.startswith("old-"))
                pairs = tuple((roles[f"old-{k}"], roles[f"new-{k}"]) for k in range(n_pairs))
                ops.append(Operation(action, pairs=pairs, **common))
            else:
                raise LexdraftError(f"instruction {k + 1}: unknown action {action!r}", path, mod.sourceline)
        except KeyError:
            raise LexdraftError(f"instruction {k + 1}: quoted words missing", path, mod.sourceline) from None
    lang = next((e.get("language", "") for e in parsed.tree.iter()
                 if isinstance(e.tag, str) and local(e) == "FRBRlanguage"), "")
    date = next((e.get("date", "") for e in parsed.tree.iter()
                 if isinstance(e.tag, str) and local(e) == "FRBRdate"), "")
    return Instrument(ops, path, lang, date=date)


def list_instructions(path: str) -> tuple[list[Listed], str]:
    """Every instruction of any AKN amending instrument as written, and the dialect it was read in.

    ``<mod>`` elements when there are any (German Änderungsbefehle, lexdraft's own output), otherwise the
    paragraphs of ``<amendmentContent>`` (the Italian Senate's emendamenti carry the instruction as text).
    """
    parsed = read_xml(path)
    tree = parsed.tree
    out: list[Listed] = []
    mods = [e for e in tree.iter() if isinstance(e.tag, str) and local(e) == "mod"]
    if mods:
        for k, mod in enumerate(mods, 1):
            text = display_text(mod)
            quotes = [" ".join("".join(q.itertext()).split()) for q in mod.iter()
                      if isinstance(q.tag, str) and local(q) == "quotedText"]
            target = next((inline_text(r) for r in mod.iter() if isinstance(r.tag, str) and local(r) == "ref"), "")
            action = mod.get(f"{LD}action") or _refers_to_action(mod.get("refersTo", "")) or guess_action(text)
            if not target and mod.get(f"{LD}target"):
                target = mod.get(f"{LD}target", "")
            out.append(Listed(str(k), mod.sourceline, text, action, target, quotes))
        return out, parsed.dialect
    contents = [e for e in tree.iter() if isinstance(e.tag, str) and local(e) == "amendmentContent"]
    affected = next((inline_text(e) for e in tree.iter() if isinstance(e.tag, str)
                     and local(e) == "affectedDocument"), "")
    for content in contents:
        for k, p in enumerate((e for e in content.iter() if isinstance(e.tag, str) and local(e) == "p"), 1):
            text = inline_text(p)
            if not text:
                continue
            quotes = re.findall(r"«([^«»]*)»", text)
            out.append(Listed(str(k), p.sourceline, text, guess_action(text), affected, quotes))
    if not out:
        raise LexdraftError("no amending instructions found (no <mod> and no <amendmentContent>)", path)
    return out, parsed.dialect


def display_text(el: etree._Element) -> str:
    """An instruction's text as read, quotations in their quote marks (``startQuote``/``endQuote``)."""
    parts: list[str] = []

    def rec(e: etree._Element) -> None:
        name = local(e)
        quoted = name in ("quotedText", "quotedStructure")
        if quoted:
            parts.append(e.get("startQuote", "«"))
        if e.text:
            parts.append(e.text.lstrip() if quoted else e.text)
        for c in e:
            if isinstance(c.tag, str) and local(c) not in ("authorialNote", "footnote"):
                if local(c) in ("num", "heading", "p") and quoted:
                    parts.append(" ")
                rec(c)
            if c.tail:
                parts.append(c.tail)
        if quoted:
            parts.append(e.get("endQuote", "»"))

    rec(el)
    return " ".join("".join(parts).split())


def _refers_to_action(refers: str) -> str:
    return {"aenderungsbefehl-ersetzen": "replace_words", "aenderungsbefehl-einfuegen": "insert",
            "aenderungsbefehl-streichen": "delete_words", "aenderungsbefehl-neufassung": "rewrite",
            "aenderungsbefehl-aufhebung": "repeal"}.get(refers, "")
