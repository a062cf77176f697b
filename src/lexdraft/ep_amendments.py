"""The European Parliament's amendments to the AI Act (2023) as two versions, and the EP's own change marks.

The files ``tests/data/texts/eu-ai-act-ep-amendments-2023-*.txt`` hold the OJ's two-column table::

    === Amendment 300 | Proposal for a regulation | Article 13 — paragraph 1
    [COM] <row in "Text proposed by the Commission">
    [EP]  <row in "Amendment">

Words between ``**…**`` are in bold italics in the OJ: the Parliament's marking of what it changed (in the COM
column: words it removes or replaces; in the EP column: words it adds). That marking is an independent expected
answer for a word-level diff, so ``measure_agreement`` compares lexdraft's diff of each row with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .compare.model import WordOp
from .compare.worddiff import word_ops
from .errors import LexdraftError
from .model import FRBR, Document, Provenance, Unit
from .text import tokens

_HEADER = re.compile(r"^=== Amendment (\d+) \| ([^|]*)\| (.*)$")
_WORD = re.compile(r"\w")


@dataclass
class Cell:
    """One cell of the table: its text without marks, and which of its words the OJ prints in bold italics."""

    text: str
    marked: list[bool]  # one flag per word (``lexdraft.text.words`` order)
    deleted: bool = False  # the EP cell says "deleted"

    @property
    def empty(self) -> bool:
        return not self.text


@dataclass
class Row:
    com: Cell
    ep: Cell


@dataclass
class Amendment:
    number: int
    target: str  # "Article 13 — paragraph 1"
    rows: list[Row] = field(default_factory=list)
    line: int = 0


def _strip_marks(raw: str) -> Cell:
    """Plain text and per-word bold flags; a word counts as marked if any of its letters is in bold."""
    plain: list[str] = []
    bold_chars: list[bool] = []
    bold = False
    k = 0
    while k < len(raw):
        if raw.startswith("**", k):
            bold = not bold
            k += 2
            continue
        plain.append(raw[k])
        bold_chars.append(bold)
        k += 1
    text = "".join(plain)
    marked, pos = [], 0
    for tok in tokens(text):
        if _WORD.match(tok[:1]):
            marked.append(any(bold_chars[pos:pos + len(tok)]))
        pos += len(tok)
    return Cell(text, marked)


def parse_amendments(path: str | Path) -> list[Amendment]:
    """The amendments of one file; a one-line error naming the line for anything out of format."""
    path = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LexdraftError(exc.strerror or str(exc), path) from None
    out: list[Amendment] = []
    pending_com: Cell | None = None
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        head = _HEADER.match(line)
        if head:
            out.append(Amendment(int(head.group(1)), head.group(3).strip(), line=no))
        elif line.startswith("[COM]"):
            if not out or pending_com is not None:
                raise LexdraftError("[COM] row without an amendment header or without its [EP] row", path, no)
            pending_com = _strip_marks(line[5:].strip())
        elif line.startswith("[EP]"):
            if not out:
                raise LexdraftError("[EP] row without an amendment header", path, no)
            if pending_com is None:  # the OJ table sometimes gives an EP row no COM line: an empty COM cell
                pending_com = Cell("", [])
            body = line[4:].strip()
            ep = Cell("", [], deleted=True) if body == "deleted" else _strip_marks(body)
            out[-1].rows.append(Row(pending_com, ep))
            pending_com = None
        else:
            raise LexdraftError("expected '=== Amendment', '[COM]' or '[EP]'", path, no)
    if pending_com is not None:
        raise LexdraftError("file ends after a [COM] row without its [EP] row", path, len(lines))
    return out


def versions(path: str | Path) -> tuple[Document, Document]:
    """The Commission text and the Parliament text of a file as two documents, one unit per amendment (its rows
    joined by newlines; a new provision is empty on the COM side, a deleted one on the EP side)."""
    amendments = parse_amendments(path)
    prov = Provenance("excerpt", "European Parliament amendments of 14 June 2023 (P9_TA(2023)0236), OJ C/2024/506; "
                      "only the amendments to the listed articles", str(path))

    def doc(side: str) -> Document:
        units = []
        for a in amendments:
            cells = [r.com if side == "com" else r.ep for r in a.rows]
            units.append(Unit("article", eid=f"amendment_{a.number}", num=f"Amendment {a.number}",
                              heading=a.target, text="\n".join(c.text for c in cells if c.text), line=a.line))
        date = "2021-04-21" if side == "com" else "2023-06-14"
        frbr = FRBR(work="/akn/eu/bill/2021/0106-cod", expression=f"/akn/eu/bill/2021/0106-cod/eng@{date}",
                    date=date, language="eng", doc_type="bill")
        return Document(path=str(path), dialect="text", frbr=frbr, units=units, provenance=prov)

    return doc("com"), doc("ep")


@dataclass
class Agreement:
    """Changed words of lexdraft's diff against the EP's bold marks: true/false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    rows: int = 0

    def add(self, other: "Agreement") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.rows += other.rows

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def changed_flags(ops: list[WordOp], side: str) -> list[bool]:
    """Per word of one side (old: ``=``/``-`` ops, new: ``=``/``+``), whether the diff changed it."""
    skip, change = ("+", "-") if side == "old" else ("-", "+")
    flags: list[bool] = []
    for o in ops:
        if o.op == skip:
            continue
        hit = o.op == change and not o.cosmetic
        flags.extend(hit for t in tokens(o.text) if _WORD.match(t[:1]))
    return flags


def _score(flags: list[bool], marked: list[bool]) -> Agreement:
    assert len(flags) == len(marked)
    a = Agreement(rows=0)
    for f, m in zip(flags, marked):
        a.tp += f and m
        a.fp += f and not m
        a.fn += m and not f
    return a


def row_agreement(row: Row, cleanup: bool = True) -> Agreement:
    """Agreement on one row whose two cells both hold text (a modified provision)."""
    ops = word_ops(row.com.text, row.ep.text, cleanup=cleanup)
    result = _score(changed_flags(ops, "old"), row.com.marked)
    result.add(_score(changed_flags(ops, "new"), row.ep.marked))
    result.rows = 1
    return result


def measure_agreement(paths: list[str | Path], cleanup: bool = True) -> dict[str, Agreement]:
    """Per file (key: the article part of the name, e.g. "art13") and "overall", over rows where both cells hold
    text. New provisions (empty COM cell) and deletions (EP "deleted") are left out: there every word is changed
    by definition, so they would only inflate the figures."""
    out: dict[str, Agreement] = {}
    total = Agreement()
    for p in sorted(map(str, paths)):
        key = re.sub(r"^.*-(art\w+)\.txt$", r"\1", p)
        per = Agreement()
        for a in parse_amendments(p):
            for row in a.rows:
                if row.com.empty or row.ep.empty or row.ep.deleted:
                    continue
                per.add(row_agreement(row, cleanup))
        out[key] = per
        total.add(per)
    out["overall"] = total
    return out
