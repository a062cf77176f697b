"""Structured legal text → ``Document`` → AKN 3.0 (through ``lexdraft.writer``).

The input is the project's agreed text format (see docs/import-export.md): one paragraph or point per line,
an optional YAML front matter between ``---`` lines, and the numbering drafters write:

- Russian: ``Раздел 2. …``, ``Глава 19. …``, ``Параграф 1. …``, ``Статья 125. Heading``, paragraphs ``1.``,
  points ``1)``, inserted ``17-1.``/``3-1)``, sub-points ``а)``; unnumbered parts (части) are text lines.
- Kazakh: ``2-бөлім. …``, ``19-тарау. …``, ``1-параграф. …``, ``125-бап. Heading``, ``1.`` тармақ, ``1)`` тармақша.
- English: ``Part I``, ``Chapter III …``, ``Section 2`` (a container) or ``Section 1. text`` (a provision),
  ``Article 5 Heading`` (or the heading on the next line, EU style), paragraphs ``1.``, points ``(a)``, ``(1)``,
  a deeper level indented by 4 spaces (``    (i)``); unnumbered subparagraphs on their own line.
- Chinese: ``第一章 …``, ``第四条 text``, points ``（一）`` and ``一、``.
- A preamble: lines before the first chapter/article; after a line ``Preamble``/``Преамбула`` or an opening
  formula ending with a comma (``The member States …, hereto,``), each line is a recital (numbered ``1.`` or not).
  Front matter ``structure: preamble`` makes the whole text a preamble of recitals (e.g. a CoE draft excerpt).
- ``[…]`` on its own line marks text left out of an excerpt: what follows it is kept in an ``omission``
  container, never attached to the provision before the gap.

Lines that cannot be placed (a point with nothing to belong to, an indented point with no parent point, a
text with no structure at all) raise ``LexdraftError`` naming the line.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date as Date

import yaml

from .errors import LexdraftError
from .model import FRBR, Document, Provenance, Unit
from .validate.findings import Finding
from .validate.run import check_akn
from .validate.schema import SchemaCache
from .writer import assign_eids, country_of, document_to_akn, expression_uri

STATUSES = ("official", "excerpt", "illustrative", "unofficial-translation", "machine-translation", "quotation")
DOC_TYPES = ("act", "bill", "doc")  # what the writer can produce (doc → <mainBody>)
META_KEYS = ("work", "date", "language", "doc_type", "title", "status", "note", "source", "name", "structure",
             "article_ids")
OMISSION = re.compile(r"^\[(?:…|\.\.\.)\]$")

_N = r"\d+(?:-\d+)*"  # 17, 17-1, 17-1-2
_ROMAN = r"[IVXLCDM]+"
_ZH = r"[一二三四五六七八九十百千零〇]+"

# Containers (rank: outermost first). Each pattern gives the number text (group "num") and the rest.
_CONTAINERS: list[tuple[str, int, re.Pattern]] = [
    ("part", 1, re.compile(rf"^(?P<num>(?:Раздел|РАЗДЕЛ)\s+(?:{_N}|{_ROMAN})\.?)(?:\s+(?P<rest>.*))?$")),
    ("part", 1, re.compile(rf"^(?P<num>{_N}-(?:бөлім|БӨЛІМ)\.?)(?:\s+(?P<rest>.*))?$")),
    ("part", 1, re.compile(rf"^(?P<num>(?:Part|PART)\s+(?:{_ROMAN}|\d+[A-Z]?)\.?)(?:\s+(?P<rest>.*))?$")),
    ("title", 1, re.compile(rf"^(?P<num>(?:Title|TITLE)\s+(?:{_ROMAN}|\d+[A-Z]?)\.?)(?:\s+(?P<rest>.*))?$")),
    ("chapter", 2, re.compile(rf"^(?P<num>(?:Глава|ГЛАВА)\s+{_N}\.?)(?:\s+(?P<rest>.*))?$")),
    ("chapter", 2, re.compile(rf"^(?P<num>{_N}-(?:тарау|ТАРАУ)\.?)(?:\s+(?P<rest>.*))?$")),
    ("chapter", 2, re.compile(rf"^(?P<num>(?:Chapter|CHAPTER)\s+(?:{_ROMAN}|\d+[A-Z]?)\.?)(?:\s+(?P<rest>.*))?$")),
    ("chapter", 2, re.compile(rf"^(?P<num>第{_ZH}章)(?:\s*(?P<rest>.*))?$")),
    ("section", 3, re.compile(rf"^(?P<num>(?:Параграф|ПАРАГРАФ|§)\s*{_N}\.?)(?:\s+(?P<rest>.*))?$")),
    ("section", 3, re.compile(rf"^(?P<num>{_N}-(?:параграф|ПАРАГРАФ)\.?)(?:\s+(?P<rest>.*))?$")),
    ("section", 3, re.compile(r"^(?P<num>(?:Section|SECTION)\s+\d+[a-z]?)(?:\s+(?P<rest>[^.]*))?$")),
    ("section", 3, re.compile(rf"^(?P<num>第{_ZH}节)(?:\s*(?P<rest>.*))?$")),
]
ARTICLE_RANK = 4
# Provisions: the rest of the line is a heading (Russian, Kazakh, English) or text (Chinese, US "Section 1. …").
_ARTICLES: list[tuple[str, re.Pattern, bool]] = [
    ("article", re.compile(rf"^(?P<num>(?:Статья|СТАТЬЯ)\s+{_N}\.?)(?:\s+(?P<rest>.*))?$"), True),
    ("article", re.compile(rf"^(?P<num>{_N}-(?:бап|БАП)\.?)(?:\s+(?P<rest>.*))?$"), True),
    ("article", re.compile(r"^(?P<num>(?:Article|ARTICLE)\s+\d+[a-z]?(?:-\d+)*\.?)(?:\s+(?P<rest>.*))?$"), True),
    ("article", re.compile(rf"^(?P<num>第{_ZH}条)(?:\s*(?P<rest>.*))?$"), False),
    ("section", re.compile(r"^(?P<num>(?:Section|SECTION|Sec\.)\s+\d+[a-z]?\.)\s+(?P<rest>.+)$"), False),
]
PARAGRAPH = re.compile(rf"^(?P<num>{_N}(?:[a-z]{{1,2}})?\.)\s+(?P<rest>.*)$")  # EU inserts: 3a., 3aa.
# Points: (style, pattern). The style tells siblings from sub-points when indentation does not.
_POINTS: list[tuple[str, re.Pattern]] = [
    ("digit)", re.compile(rf"^(?P<num>{_N}\))\s+(?P<rest>.*)$")),
    ("(digit)", re.compile(r"^(?P<num>\(\d+[a-z]?(?:-\d+)*\))\s+(?P<rest>.*)$")),
    ("(letter)", re.compile(r"^(?P<num>\([a-z]{1,5}\))\s+(?P<rest>.*)$")),
    ("letter)", re.compile(r"^(?P<num>[а-яёa-z]\))\s+(?P<rest>.*)$")),
    ("zh()", re.compile(rf"^(?P<num>（{_ZH}）)\s*(?P<rest>.*)$")),
    ("zh、", re.compile(rf"^(?P<num>{_ZH}、)\s*(?P<rest>.*)$")),
]
# Citations of an EU-style preamble ("Having regard to the Treaty…,").
CITATION = re.compile(r"^(Having regard to|After transmission of|After consulting|Acting in accordance with) ")
PREAMBLE_WORD = re.compile(r"^(Preamble|PREAMBLE|Преамбула|ПРЕАМБУЛА|Кіріспе|序言)$")


@dataclass
class Line:
    """One classified non-blank input line."""

    no: int  # 1-based line number in the file
    indent: int  # leading spaces (a tab counts 4)
    kind: str  # container kinds, "article", "section-provision", "paragraph", "point", "omission", "text"
    num: str = ""
    rest: str = ""
    rank: int = 0  # containers and provisions
    style: str = ""  # points
    heading_rest: bool = True  # provisions: the rest of the line is a heading (else text)
    after_blank: bool = False


@dataclass
class ImportOptions:
    """Metadata for the expression: front matter, overridden by command-line values that are not None."""

    work: str | None = None
    date: str | None = None
    language: str | None = None
    doc_type: str | None = None
    title: str | None = None
    status: str | None = None
    note: str | None = None
    source: str | None = None
    name: str | None = None
    structure: str | None = None
    article_ids: str | None = None  # "flat": art_5 even inside chapters (EU style); default nested chp_2__art_5


# ---------------------------------------------------------------- front matter and metadata


def split_front_matter(text: str, path: str) -> tuple[dict, list[str], int]:
    """YAML front matter (``---`` … ``---`` at the top) → (metadata, body lines, line number of the first body line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, lines, 1
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise LexdraftError("front matter opened with '---' is never closed", path, 1)
    try:
        # BaseLoader: every value stays the string the author wrote (no date or number conversion)
        meta = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise LexdraftError(f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}", path, line) from None
    if not isinstance(meta, dict):
        raise LexdraftError("front matter must be a mapping of keys to values", path, 2)
    for key in meta:
        if key not in META_KEYS:
            raise LexdraftError(
                f"unknown front matter key {key!r} (known: {', '.join(META_KEYS)})", path,
                _key_line(lines[1:end], str(key)),
            )
    for key, value in meta.items():
        if not isinstance(value, str):
            raise LexdraftError(f"front matter key {key!r} must be a single value", path, _key_line(lines[1:end], key))
    clean = {k: v for k, v in meta.items() if v != ""}
    return clean, lines[end + 1:], end + 2


def _key_line(lines: list[str], key: str) -> int:
    for i, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            return i + 2
    return 2


def guess_language(text: str) -> str:
    """ISO 639-2 code from the script: Kazakh letters → kaz, other Cyrillic → rus, Han → zho, else eng."""
    if re.search(r"[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", text):
        return "kaz"
    if re.search(r"[а-яёА-ЯЁ]", text):
        return "rus"
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zho"
    return "eng"


def _metadata(front: dict, options: ImportOptions, body: str, path: str) -> dict:
    meta = dict(front)
    for key in META_KEYS:
        value = getattr(options, key)
        if value is not None:
            meta[key] = value
    if not meta.get("work"):
        raise LexdraftError("no work URI: give --work /akn/<country>/act/<…> or 'work:' in the front matter", path)
    if not re.fullmatch(r"/akn/[a-z]{2}[\w-]*/[\w./@!-]+", meta["work"]):
        raise LexdraftError(f"work URI {meta['work']!r} is not of the form /akn/<country>/<type>/…", path)
    if not meta.get("date"):
        raise LexdraftError("no expression date: give --date YYYY-MM-DD or 'date:' in the front matter", path)
    try:
        Date.fromisoformat(meta["date"])
    except ValueError:
        raise LexdraftError(f"date {meta['date']!r} is not an ISO date (YYYY-MM-DD)", path) from None
    meta.setdefault("language", guess_language(body))
    if not re.fullmatch(r"[a-z]{3}", meta["language"]):
        raise LexdraftError(f"language {meta['language']!r} is not an ISO 639-2 code such as rus, kaz, eng", path)
    meta.setdefault("status", "official")
    if meta["status"] not in STATUSES:
        raise LexdraftError(f"status {meta['status']!r} is not one of {', '.join(STATUSES)}", path)
    meta.setdefault("doc_type", "act")
    if meta["doc_type"] not in DOC_TYPES:
        raise LexdraftError(f"doc_type {meta['doc_type']!r} is not one of {', '.join(DOC_TYPES)}", path)
    if meta.get("article_ids") not in (None, "nested", "flat"):
        raise LexdraftError(f"article_ids {meta['article_ids']!r}: use 'nested' (chp_2__art_5) or 'flat' (art_5)", path)
    if meta.get("structure") not in (None, "preamble"):
        raise LexdraftError(f"structure {meta['structure']!r}: the only value is 'preamble'", path)
    return meta


# ---------------------------------------------------------------- line classification


def is_heading_text(rest: str) -> bool:
    """A line's remainder reads as a heading (no sentence-final punctuation, not too long), not as text."""
    return bool(rest) and len(rest) <= 250 and not re.search(r"[.:;,]$", rest)


def classify(raw: str, no: int) -> Line | None:
    """Classify one input line; ``None`` for a blank line."""
    expanded = raw.replace("\t", "    ").rstrip()
    if not expanded.strip():
        return None
    indent = len(expanded) - len(expanded.lstrip(" "))
    s = expanded.strip()
    if OMISSION.match(s):
        return Line(no, indent, "omission", rest=s)
    # "Article 18 of Regulation (EU) 2019/1020 shall apply…", "Статья 5 настоящего Закона…": a reference at the
    # start of a sentence (lower-case word after the number, sentence punctuation at the end), not a heading line.
    reference = (bool(re.match(r"^\S+(?:\s+\S+)?\s+[a-zа-яёәіңғүұқөһ]", s)) and not re.match(r"^\d", s)
                 and s[-1] in ".;:,")
    if indent == 0 and not reference:
        for kind, rank, pat in _CONTAINERS:
            m = pat.match(s)
            if m:
                return Line(no, indent, kind, m.group("num"), m.group("rest") or "", rank=rank)
        for kind, pat, heading in _ARTICLES:
            m = pat.match(s)
            if m:
                rest = m.group("rest") or ""
                return Line(no, indent, "article" if kind == "article" else "section-provision", m.group("num"),
                            rest, rank=ARTICLE_RANK, heading_rest=heading and is_heading_text(rest))
        m = PARAGRAPH.match(s)
        if m:
            return Line(no, indent, "paragraph", m.group("num"), m.group("rest"))
    for style, pat in _POINTS:
        m = pat.match(s)
        if m:
            return Line(no, indent, "point", m.group("num"), m.group("rest"), style=style)
    return Line(no, indent, "text", rest=s)


# ---------------------------------------------------------------- building the tree


@dataclass
class _Open:
    """A unit under construction with what the builder needs to place the next line."""

    unit: Unit
    rank: int  # containers 1-3, provisions 4, paragraph 5, points 6+ (by depth)
    style: str = ""
    depth: int = 0  # points: nesting depth (1 = directly under a paragraph or article)
    indent: int = 0
    lines: list[str] = field(default_factory=list)


class _Builder:
    """Places classified lines into a tree of units, keeping a stack of open units."""

    def __init__(self, path: str, preamble_only: bool):
        self.path = path
        self.top: list[Unit] = []
        self.stack: list[_Open] = []
        self.preamble: Unit | None = None
        self.recitals = preamble_only
        self.preamble_word = False
        self.in_preamble = True
        self.preamble_only = preamble_only
        self.pending_heading: _Open | None = None  # an English article whose heading may be on the next line

    # --- helpers
    def _add(self, unit: Unit, rank: int, **kw) -> _Open:
        parent = self.stack[-1].unit if self.stack else None
        (parent.children if parent is not None else self.top).append(unit)
        opened = _Open(unit, rank, **kw)
        self.stack.append(opened)
        return opened

    def _pop_to(self, rank: int) -> None:
        """Close every open unit of rank >= ``rank``."""
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()

    def _leave_preamble(self) -> None:
        self.in_preamble = False

    def _add_text(self, target: Unit, text: str) -> None:
        target.text = f"{target.text}\n{text}" if target.text else text

    # --- lines
    def feed(self, line: Line) -> None:
        pending, self.pending_heading = self.pending_heading, None
        if pending is not None and line.kind == "text" and not line.after_blank and is_heading_text(line.rest):
            pending.unit.heading = line.rest
            return
        if self.in_preamble and (self.preamble_only or line.kind in ("text", "paragraph", "point")):
            if self._preamble_line(line):
                return
        getattr(self, f"_on_{line.kind.replace('-', '_')}", self._on_container)(line)

    def _preamble_line(self, line: Line) -> bool:
        """Lines before the first chapter or article: title lines, preamble text, citations and recitals."""
        eu_recital = line.kind == "point" and line.style == "(digit)" and line.indent == 0  # EU recitals "(1) …"
        if line.kind == "paragraph" and not (self.recitals or self.preamble_word):
            return False  # a numbered paragraph outside any article: body text (see _on_paragraph)
        if line.kind == "point" and not eu_recital:
            return False
        if self.preamble is None:
            self.preamble = Unit("preamble", line=line.no)
            self.top.append(self.preamble)
        if line.kind in ("paragraph", "point"):
            self.preamble.children.append(Unit("recital", num=line.num, text=line.rest, line=line.no))
        elif CITATION.match(line.rest):
            self.preamble.children.append(Unit("citation", text=line.rest, line=line.no))
        elif line.rest.endswith(":") or not (self.recitals or self.preamble.children):
            # title lines, the opening formula, "Whereas:", "HAVE ADOPTED THIS REGULATION:" (a formula after the
            # recitals is kept with the preamble's text, which AKN's model prints before them)
            self._add_text(self.preamble, line.rest)
            if PREAMBLE_WORD.match(line.rest):
                self.preamble_word = True  # numbered lines after "Preamble" are recitals
            if line.rest.endswith(","):
                self.recitals = True  # after the opening formula every line is a recital
        else:
            self.preamble.children.append(Unit("recital", text=line.rest, line=line.no))
        return True

    def _on_container(self, line: Line) -> None:
        self._leave_preamble()
        self._pop_to(line.rank)
        heading = line.rest
        self._add(Unit(line.kind, num=line.num, heading=heading, line=line.no), line.rank)

    def _on_article(self, line: Line, kind: str = "article") -> None:
        self._leave_preamble()
        self._pop_to(ARTICLE_RANK)
        unit = Unit(kind, num=line.num, line=line.no)
        if line.heading_rest:
            unit.heading = line.rest
        else:
            unit.text = line.rest
        opened = self._add(unit, ARTICLE_RANK)
        if not line.rest and not line.num.endswith("."):
            self.pending_heading = opened

    def _on_section_provision(self, line: Line) -> None:
        self._on_article(line, "section")

    def _on_omission(self, line: Line) -> None:
        self._leave_preamble()
        self._pop_to(ARTICLE_RANK)
        self._add(Unit("omission", text=line.rest, line=line.no), ARTICLE_RANK)

    def _on_paragraph(self, line: Line) -> None:
        if self.in_preamble and self.preamble is not None and not self.preamble.children and not self.stack:
            # Text lines, then numbered paragraphs, and no article: the page starts inside an article
            # (e.g. a newspaper excerpt); the lines are an unnumbered paragraph of the body, not a preamble.
            self.preamble.kind = "paragraph"
            self.preamble = None
        self._leave_preamble()
        self._pop_to(5)
        self._add(Unit("paragraph", num=line.num, text=line.rest, line=line.no), 5)

    def _on_point(self, line: Line) -> None:
        self._leave_preamble()
        depth = line.indent // 4 + 1
        if line.indent % 4:
            raise LexdraftError(f"point {line.num} is indented by {line.indent} spaces; use multiples of 4",
                                self.path, line.no)
        depth = self._point_depth(line, depth)
        while self.stack and self.stack[-1].rank >= 6 and self.stack[-1].depth >= depth:
            self.stack.pop()
        parent_depth = self.stack[-1].depth if self.stack and self.stack[-1].rank >= 6 else 0
        if depth > 1 and parent_depth != depth - 1:
            raise LexdraftError(f"point {line.num} is indented but has no point above it to belong to",
                                self.path, line.no)
        if not self.stack:
            raise LexdraftError(f"point {line.num} has no article or paragraph to belong to", self.path, line.no)
        self._add(Unit("point", num=line.num, text=line.rest, line=line.no), 5 + depth,
                  style=line.style, depth=depth, indent=line.indent)

    def _point_depth(self, line: Line, depth: int) -> int:
        """Depth of a point when indentation does not tell: a first label of another style right after a point
        ending with ':' opens a sub-list (the 2021 proposal prints "(40) … means:" then "(a)" unindented; Russian
        "1)" then "а)"); later points of that style stay in it until the parent style resumes."""
        top = self.stack[-1] if self.stack and self.stack[-1].rank >= 6 else None
        if top is None or top.indent != line.indent:
            return depth
        first = re.sub(r"[()）（、.]", "", line.num) in ("a", "а", "i", "1", "一")
        if top.style != line.style and first and (top.unit.text.endswith(":") or
                                                   (top.style == "digit)" and line.style == "letter)")):
            return top.depth + 1
        for opened in reversed(self.stack):
            if opened.rank < 6 or opened.indent != line.indent:
                break
            if opened.style == line.style:
                return opened.depth
        return depth

    def _on_text(self, line: Line) -> None:
        self._leave_preamble()
        # Unnumbered text belongs to the innermost open unit that is not a point or a subparagraph: a paragraph,
        # an article…
        while self.stack and (self.stack[-1].rank >= 6 or self.stack[-1].unit.kind == "subparagraph"):
            self.stack.pop()
        if not self.stack:
            # Text before any provision in a body without articles (e.g. a page that starts mid-article).
            self.top.append(Unit("paragraph", text=line.rest, line=line.no))
            return
        target = self.stack[-1].unit
        if target.children:
            # text after points: an unnumbered subparagraph, which points that follow it belong to
            self._add(Unit("subparagraph", text=line.rest, line=line.no), 5)
        else:
            self._add_text(target, line.rest)


def parse_lines(lines: list[str], path: str, first_line: int = 1, preamble_only: bool = False) -> list[Unit]:
    """Body lines → top-level units (a preamble, if any, first)."""
    builder = _Builder(path, preamble_only)
    blank = True
    for i, raw in enumerate(lines):
        line = classify(raw, first_line + i)
        if line is None:
            blank = True
            continue
        line.after_blank = blank
        blank = False
        builder.feed(line)
    units = builder.top
    body = [u for u in units if u.kind != "preamble"]
    if not body and builder.preamble is not None and builder.preamble.children:
        # A preamble excerpt: AKN needs a body, so an empty ``omission`` stands for the operative part we lack
        # (export prints nothing for it).
        units.append(Unit("omission", line=first_line + len(lines)))
        body = units[-1:]
    if not body:
        raise LexdraftError(
            "no structure found: no chapter, article, section or numbered paragraph "
            "(see docs/import-export.md for the text format)", path, first_line,
        )
    return units


# ---------------------------------------------------------------- public API


def text_to_document(text: str, path: str = "<text>", options: ImportOptions | None = None) -> Document:
    """Parse structured legal text (with optional front matter) into a ``Document``."""
    options = options or ImportOptions()
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, lines, first = split_front_matter(text, path)
    if not any(line.strip() for line in lines):
        raise LexdraftError("the text is empty", path, first)
    meta = _metadata(front, options, "\n".join(lines), path)
    preamble_only = meta.get("structure") == "preamble"
    units = parse_lines(lines, path, first, preamble_only)
    work = meta["work"].rstrip("/")
    frbr = FRBR(
        work=work,
        expression=expression_uri(work, meta["language"], meta["date"]),
        date=meta["date"],
        language=meta["language"],
        country=country_of(work),
        doc_type=meta["doc_type"],
        name=meta.get("name", ""),
        title=meta.get("title", ""),
    )
    prov = Provenance(status=meta["status"], note=meta.get("note", ""), source=meta.get("source", ""))
    assign_eids(units, flat_articles=meta.get("article_ids") == "flat")
    return Document(path=path, dialect="akn3", frbr=frbr, units=units, provenance=prov)


def has_flat_article_ids(doc: Document) -> bool:
    """True when an article inside a container has an eId of its own (``art_5``, not ``chp_2__art_5``)."""
    def search(units: list[Unit], inside: bool) -> bool:
        return any((u.kind == "article" and inside and u.eid and "__" not in u.eid) or search(u.children, True)
                   for u in units)

    return search([u for u in doc.units if u.kind != "preamble"], False)


def read_text(path: str) -> str:
    """Read a UTF-8 text file with one-line errors."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise LexdraftError(exc.strerror or str(exc), path) from None
    if b"\x00" in data:
        raise LexdraftError("not a text file (binary content)", path, 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexdraftError("not UTF-8 text", path, line) from None


def import_file(path: str, options: ImportOptions | None = None) -> tuple[Document, bytes]:
    """Read a structured text file and return its model and its AKN bytes (not yet validated)."""
    doc = text_to_document(read_text(path), path, options)
    return doc, document_to_akn(doc, flat_articles=has_flat_article_ids(doc))


# ---------------------------------------------------------------- validation before writing

# Validation rules whose errors make ``lexdraft import`` refuse to write: the schema, unique ids and the identity
# of the expression. Numbering and eId-naming findings are reported, not blocking: real texts have gaps (an
# excerpt's points (b)–(f)) and defects (a source that numbers two definitions "(1)"), which an import must keep.
BLOCKING_RULES = ("parse", "dialect", "xsd", "eid-unique", "frbr")


def check_akn_bytes(data: bytes, name: str) -> list[Finding]:
    """Validate AKN bytes exactly as ``lexdraft validate`` checks a file (strict XSD + lexdraft's rules).

    The bytes go to a temporary file because the validator's entry point reads files; findings name ``name``.
    """
    with tempfile.TemporaryDirectory(prefix="lexdraft-import-") as tmp:
        path = os.path.join(tmp, "out.xml")
        with open(path, "wb") as fh:
            fh.write(data)
        result = check_akn(path, SchemaCache(), lenient=False)
    return [dataclasses.replace(f, file=name) for f in result.findings]


def blocking(findings: list[Finding]) -> list[Finding]:
    """The findings that make an import's output invalid (errors of the blocking rules)."""
    return [f for f in findings if f.severity == "error" and f.rule in BLOCKING_RULES]
