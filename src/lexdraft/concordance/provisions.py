"""The units the mapper compares: one per article (or recital, or principle), with language and jurisdiction.

A draft is compared article by article; a foreign text provision by provision. Preambles and other containers
are looked through so that a preamble-only text (the Council of Europe excerpts) yields its recitals.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..akn import load
from ..errors import LexdraftError
from ..languages import iso2
from ..model import CONTAINER_KINDS, PROVISION_KINDS, Document, Unit

# The lexicon's language keys; a document in any other language is read as English.
_LEXICON_LANGS = ("ru", "kk", "en", "zh")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")
_CJK = re.compile(r"[\u4e00-\u9fff]")

# FRBR country / work name -> jurisdiction shown to users.
JURISDICTIONS = {"eu": "EU", "us": "US", "cn": "CN", "ru": "RU", "kz": "KZ", "coe": "CoE", "oecd": "OECD"}


@dataclass(frozen=True)
class Provision:
    """One comparable unit: where it is, what it says, and how far its text can be trusted."""

    path: str
    work: str  # FRBR work URI
    date: str
    lang: str  # ru, kk, en, zh
    jurisdiction: str
    eid: str
    citation: str  # "EU AI Act 2024, Art. 14 Human oversight"
    text: str  # heading and full text, for matching
    passages: tuple[tuple[str, str], ...]  # (eId, text) of the paragraphs/points inside, for "best passage"
    warning: str  # Provenance.warning of its document ("" for official texts)
    line: int | None = None
    heading: str = ""

    @property
    def key(self) -> str:
        return f"{self.path}#{self.eid}"


def language_of(text: str, default: str) -> str:
    """The lexicon language of a text: its script decides when it contradicts the file's declared language."""
    if _CJK.search(text):
        return "zh"
    if _CYRILLIC.search(text) or _KAZAKH_LETTERS.search(text):
        kk = len(_KAZAKH_LETTERS.findall(text))
        return "kk" if kk >= 3 or (kk and default == "kk") else "ru"
    if default in ("ru", "kk", "zh") and re.search(r"[A-Za-z]{3}", text):
        return "en"
    return default


def jurisdiction_of(doc: Document) -> str:
    work = doc.frbr.work.lower()
    parts = [p for p in work.split("/") if p]
    country = (doc.frbr.country or (parts[1] if len(parts) > 1 and parts[0] == "akn" else "")).lower()
    for key in ("coe", "oecd"):
        if key in work or key in os.path.basename(os.path.dirname(doc.path)).lower():
            return JURISDICTIONS[key]
    return JURISDICTIONS.get(country, country.upper() or "?")


def _comparable(units: list[Unit], kind: str, with_preamble: bool) -> list[Unit]:
    """Look through containers (chapters, omission blocks…) down to the provisions they hold.

    ``kind`` is the document's provision kind (article, or section where there are no articles); recitals
    count only when the text has nothing else (a preamble excerpt); a provision is taken whole.
    """
    out: list[Unit] = []
    for u in units:
        if u.kind == "preamble":
            if with_preamble:
                out.extend(_comparable(u.children, kind, True) if u.children else [u])
        elif u.kind == kind:
            out.append(u)
        elif u.children:
            out.extend(_comparable(u.children, kind, with_preamble))
        elif u.kind not in CONTAINER_KINDS and u.kind != "omission":
            out.append(u)
    return out


def _citation(doc: Document, u: Unit) -> str:
    """``eu-ai-act (2024-06-13), Article 14 Human oversight``; unnumbered units by their first words."""
    name = os.path.basename(os.path.dirname(doc.path)) or doc.frbr.name or "document"
    words = (u.heading or u.text).split()
    what = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    if u.heading:
        what = u.heading
    label = " ".join(x for x in (u.num, what) if x) or u.eid
    if u.kind == "recital":
        label = f"recital {label}"
    return f"{name} ({doc.frbr.date}), {label}"


def provisions_of(doc: Document) -> list[Provision]:
    """The comparable units of one document, in document order."""
    default = iso2(doc.frbr.language) if iso2(doc.frbr.language) in _LEXICON_LANGS else "en"
    jur = jurisdiction_of(doc)
    out = []
    body = [u for u in doc.units if u.kind != "preamble"]
    only_preamble = not any(u.text.strip() or u.children for u in body)
    present = {u.kind for u in doc.walk()}
    kind = next((k for k in PROVISION_KINDS if k in present), "")
    for u in _comparable(doc.units, kind, only_preamble):
        body = "\n".join(x for x in (u.heading, u.full_text) if x)
        if not body.strip() or not u.eid:
            continue
        passages = tuple(
            (c.eid, " ".join(x for x in (c.num, c.heading, c.text) if x))
            for c in u.walk()
            if c is not u and c.eid and c.text.strip()
        )
        out.append(
            Provision(
                path=doc.path, work=doc.frbr.work, date=doc.frbr.date, lang=language_of(body, default),
                jurisdiction=jur, eid=u.eid, citation=_citation(doc, u), text=body, passages=passages,
                warning=doc.provenance.warning, line=u.line, heading=u.heading,
            )
        )
    return out


def akn_files(paths: list[str]) -> list[str]:
    """The AKN files named by ``paths`` (files, or folders searched recursively), sorted, without duplicates."""
    found: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(".xml"))
        elif os.path.exists(p):
            found.append(p)
        else:
            raise LexdraftError("no such file or directory", p)
    seen, out = set(), []
    for f in found:
        norm = os.path.normpath(f)
        if norm not in seen:
            seen.add(norm)
            out.append(norm)
    return out


def load_provisions(paths: list[str], exclude: tuple[str, ...] = ()) -> list[Provision]:
    """Provisions of every AKN file under ``paths`` (``exclude``: files to leave out, e.g. the draft itself)."""
    skip = {os.path.abspath(e) for e in exclude}
    out: list[Provision] = []
    for f in akn_files(paths):
        if os.path.abspath(f) not in skip:
            out.extend(provisions_of(load(f)))
    return out
