#!/usr/bin/env python3
"""Normalise the two EU AI Act AKN files of the corpus into strictly valid drafts, recording every fix.

Inputs (copies of parlamento.ai's conversions, see tests/data/akn/MANIFEST.md):
  tests/data/akn/eu-ai-act-proposal-2021-206.xml   Commission proposal COM(2021) 206, 21 April 2021
  tests/data/akn/eu-ai-act-2024-1689.xml           Regulation (EU) 2024/1689, 13 June 2024
Outputs:
  drafts/foreign/eu-ai-act/2021-04-21-eng.xml, drafts/foreign/eu-ai-act/2024-06-13-eng.xml
  drafts/foreign/eu-ai-act/NORMALISATION.md         every fix, per file (regenerated on each run)

How: the source is read with ``lexdraft.akn`` into the model, the model is repaired (below), and
``lexdraft.writer`` writes it again, so ids, FRBR and provenance follow lexdraft's profile. The repairs:
  - points run together in one ``<p>`` (``…prohibited:(a)the placing…;(b)…``) are split into ``point`` units;
    for the articles that ``tests/data/texts/eu-ai-act-*-art*.txt`` holds (converted from the Formex/XHTML
    originals), the article's structure and wording are taken from that file, after checking that its words
    are the AKN's words;
  - the proposal's Titles (marked ``chapter`` with num ``TITLE III``) become ``title`` units, and each of its
    chapters, split by the source into an empty ``section`` "Chapter 1" and a ``section`` holding the heading
    and the articles, becomes one ``chapter``;
  - the adopted act's closing quotes printed as opening quotes (``‘AI system‘``) are corrected, and a stray
    backtick in the heading of Article 1 is removed;
  - what the rebuild repairs by construction is counted from the source: compact dates (``20240613``),
    paragraphs with several ``<content>`` blocks, duplicate eIds, strict-XSD errors.
Run from the repository root: ``python scripts/normalise_eu_ai_act.py`` (``--check``: compare with the committed
files, write nothing).
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lexdraft.akn import load, local, read_xml
from lexdraft.importer import ImportOptions, blocking, check_akn_bytes, import_file, parse_lines
from lexdraft.model import FRBR, Document, Provenance, Unit
from lexdraft.numbering import roman_value
from lexdraft.output import write_atomic
from lexdraft.text import normalize
from lexdraft.validate.schema import compile_schema
from lexdraft.writer import document_to_akn

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "data" / "texts"
OUT_DIR = ROOT / "drafts" / "foreign" / "eu-ai-act"
# One work for both documents, so that the proposal and the act read as versions. Strictly they are two
# documents of one procedure, 2021/0106(COD) (see drafts/SOURCES.md).
WORK = "/akn/eu/act/regulation/2024/1689"
PARL = "Parlamento-ai/diff.parlamento.ai @a3f70e7"


@dataclass
class Source:
    key: str
    src: Path
    out: Path
    date: str
    doc_type: str
    title: str
    texts_prefix: str  # tests/data/texts/<prefix><n>.txt
    source: str
    fixes: list[str] = field(default_factory=list)


SOURCES = [
    Source(
        "proposal", ROOT / "tests/data/akn/eu-ai-act-proposal-2021-206.xml", OUT_DIR / "2021-04-21-eng.xml",
        "2021-04-21", "bill",
        "Proposal for a Regulation laying down harmonised rules on artificial intelligence (Artificial "
        "Intelligence Act) and amending certain Union legislative acts, COM(2021) 206 final",
        "eu-ai-act-proposal-2021-art",
        f"COM(2021) 206 final (EUR-Lex/Cellar, ELI http://data.europa.eu/eli/comProposal/2021/206); AKN by {PARL} "
        "pipeline/data/eu/artificial-intelligence-act/sources/52021PC0206-bill-akn.xml",
    ),
    Source(
        "act", ROOT / "tests/data/akn/eu-ai-act-2024-1689.xml", OUT_DIR / "2024-06-13-eng.xml",
        "2024-06-13", "act",
        "Regulation (EU) 2024/1689 laying down harmonised rules on artificial intelligence (Artificial "
        "Intelligence Act)",
        "eu-ai-act-2024-art",
        f"Regulation (EU) 2024/1689, OJ L 2024/1689, 12.7.2024 (ELI http://data.europa.eu/eli/reg/2024/1689/oj); "
        f"AKN by {PARL} pipeline/data/eu/artificial-intelligence-act/sources/32024R1689-akn.xml",
    ),
]
NOTE = ("Enacting terms (citations, recitals, all articles) of the official English text; the annexes are not "
        "included. Normalised by scripts/normalise_eu_ai_act.py (fixes in drafts/foreign/eu-ai-act/NORMALISATION.md).")


# ---------------------------------------------------------------- points run together


MARKER = re.compile(r"(?:(?<=[:;.’])|(?<=; or)|(?<=; and))\((?P<n>[a-z]{1,4}|\d{1,3})\)(?=[^\s,.;)\]’])")


def _style(lbl: str) -> str:
    if lbl.isdigit():
        return "digit"
    return "roman" if roman_value(lbl) is not None and lbl not in ("c", "d", "l", "m", "v", "x") else "letter"


def _next(lbl: str, style: str) -> str:
    if style == "digit":
        return str(int(lbl) + 1)
    if style == "roman":
        value = (roman_value(lbl) or 0) + 1
        table = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out = ""
        for v, s in table:
            while value >= v:
                out, value = out + s, value - v
        return out
    return chr(ord(lbl[-1]) + 1) if len(lbl) == 1 else lbl + "a"


def split_line(line: str) -> tuple[str, list[tuple[int, str, str]]]:
    """``intro:(a)x;(b)y:(i)z`` → (intro, [(depth, "(a)", "x;"), (depth, "(b)", "y:"), (2, "(i)", "z")]).

    A marker is a point only where the numbering makes it one: the first marker of a line opens level 1 and
    must be ``(a)``, ``(1)`` or ``(i)``; a later one either continues an open level (``(b)`` after ``(a)``,
    the deepest such level wins) or, right after a colon, opens a deeper level with a first label. Anything
    else — a reference like ``point (h)``, quoted text of an amendment — stays in the text.
    """
    starts: list[tuple[int, int, str]] = []  # (marker start, text start, label)
    levels: list[tuple[str, str]] = []  # open levels: (style, last label)
    for m in MARKER.finditer(line):
        lbl = m.group("n")
        before = line[: m.start()].rstrip()
        first = lbl in ("a", "1", "i")
        depth = None
        if first and (not levels or before.endswith(":")):
            levels.append(("digit" if lbl == "1" else "letter" if lbl == "a" else "roman", lbl))
            depth = len(levels)
        else:
            for d in range(len(levels) - 1, -1, -1):
                style, last = levels[d]
                if _next(last, style) == lbl:
                    del levels[d + 1:]
                    levels[d] = (style, lbl)
                    depth = d + 1
                    break
        if depth is None:
            continue
        starts.append((m.start(), m.end(), lbl, depth))
    if not starts:
        return line, []
    intro = line[: starts[0][0]].strip()
    points = []
    for i, (s, e, lbl, depth) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(line)
        points.append((depth, f"({lbl})", line[e:end].strip()))
    return intro, points


def _tree(points: list[tuple[int, str, str]]) -> list[Unit]:
    root: list[Unit] = []
    stack: list[tuple[int, Unit]] = []
    for depth, num, text in points:
        unit = Unit("point", num=num, text=text)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1].children if stack else root).append(unit)
        stack.append((depth, unit))
    return root


def split_points(unit: Unit) -> int:
    """Split run-together points in ``unit``'s text (recursively); returns the number of points made."""
    made = 0
    for child in unit.children:
        made += split_points(child)
    if not unit.text or unit.kind not in ("article", "paragraph", "point", "subparagraph"):
        return made
    lines = unit.text.split("\n")
    parsed = [split_line(line) for line in lines]
    if not any(points for _intro, points in parsed):
        return made
    if unit.children:  # already structured below: split only, never reorder
        return made
    own: list[str] = []
    children: list[Unit] = []
    for intro, points in parsed:
        made += sum(1 for _ in points)
        if not children and not points:
            own.append(intro)
        elif not children and points:
            own.append(intro) if intro else None
            children.extend(_tree(points))
        else:
            children.append(Unit("subparagraph", text=intro, children=_tree(points)))
    unit.text = "\n".join(x for x in own if x)
    unit.children = children
    return made


# ---------------------------------------------------------------- other repairs


def fix_quotes(units: list[Unit]) -> int:
    """``‘AI system‘`` → ``‘AI system’``: the act's conversion printed closing quotes as opening ones."""
    pattern = re.compile(r"(?<![\w‘’])‘([^‘’\n]{1,400}?)‘(?![\w‘’])")
    count = 0
    for top in units:
        for u in top.walk():
            for attr in ("text", "heading"):
                new, n = pattern.subn(r"‘\1’", getattr(u, attr))
                if n:
                    setattr(u, attr, new)
                    count += n
    return count


def proposal_titles_and_chapters(doc: Document, fixes: list[str]) -> None:
    """TITLE I… marked as chapters become titles; "Chapter N" + heading section pairs become chapters."""
    titles = 0
    merged = 0
    for unit in doc.units:
        if unit.kind == "chapter" and unit.num.upper().startswith("TITLE"):
            if unit.num != unit.num.upper():
                fixes.append(f"title number '{unit.num}' written in upper case as the others: '{unit.num.upper()}'")
                unit.num = unit.num.upper()
            unit.kind = "title"
            titles += 1
            kids: list[Unit] = []
            i = 0
            while i < len(unit.children):
                c = unit.children[i]
                nxt = unit.children[i + 1] if i + 1 < len(unit.children) else None
                if (c.kind == "section" and not c.children and re.fullmatch(r"(?i)chapter \d+", c.heading)
                        and nxt is not None and nxt.kind == "section" and not nxt.num):
                    kids.append(Unit("chapter", num=f"Chapter {c.heading.split()[1]}", heading=nxt.heading,
                                     text=nxt.text, children=nxt.children))
                    merged += 1
                    i += 2
                else:
                    kids.append(c)
                    i += 1
            unit.children = kids
    fixes.append(f"{titles} Titles (marked <chapter> with num 'TITLE …') written as <title>")
    fixes.append(f"{merged} chapters within Titles III, VI and VIII, which the source splits into an empty <section> "
                 "'Chapter N' and a <section> holding the heading and the articles, written as one <chapter>")


def fold_unnumbered_paragraphs(units: list[Unit]) -> tuple[int, int]:
    """An unnumbered ``paragraph`` after a numbered one is that paragraph's next subparagraph (the proposal marks
    subparagraphs as paragraphs without a number, and then gives them the previous paragraph's eId). An article
    made only of unnumbered paragraphs is read line by line with the importer's grammar. Returns (paragraphs
    folded, points found in such articles)."""
    folded = points = 0
    for top in units:
        for u in list(top.walk()):
            kids: list[Unit] = []
            for c in u.children:
                prev = kids[-1] if kids else None
                if (c.kind == "paragraph" and not c.num and prev is not None and prev.kind == "paragraph"
                        and prev.num):
                    if prev.children or c.children:
                        prev.children.append(Unit("subparagraph", text=c.text, children=c.children))
                    else:
                        prev.text = f"{prev.text}\n{c.text}" if prev.text else c.text
                    folded += 1
                else:
                    kids.append(c)
            u.children = kids
            if (u.kind == "article" and u.children and not u.text
                    and all(c.kind == "paragraph" and not c.num and not c.children for c in u.children)):
                # an article made only of unnumbered paragraphs: they are its lines, read as the importer reads
                # text ("(1) In Article 17, …" lines are points; quoted lines after them are subparagraphs)
                lines = [u.num, u.heading, ""] + [c.text for c in u.children]
                parsed = parse_lines(lines, f"{u.num} (source)")[0]
                folded += len(u.children)
                u.text, u.children = parsed.text, parsed.children
                points += sum(1 for x in parsed.walk() if x.kind == "point")
    return folded, points


def renumber_repeats(units: list[Unit], fixes: list[str]) -> None:
    """Points whose printed numbers repeat (the proposal's Art. 1 prints (a), (a), (b), (c), (d); its Art. 3 prints
    the 'provider' definition as a second (1), where the PDF has (2)) are numbered in sequence, so each unit has
    its own number and id. The printed numbers are recorded in the log: an editorial correction, not the source."""
    for top in units:
        for u in top.walk():
            points = [c for c in u.children if c.kind == "point"]
            nums = [p.num for p in points]
            if len(set(nums)) == len(nums) or not nums:
                continue
            first = nums[0].strip("()")
            seq = [f"({chr(ord(first) + i)})" if first.isalpha() else f"({int(first) + i})" for i in range(len(nums))]
            changed = [(p, n) for p, n in zip(points, seq) if p.num != n]
            where = f"{_path_name(top, u)}"
            fixes.append(f"{where}: printed point numbers {', '.join(nums[:8])}{'…' if len(nums) > 8 else ''} repeat "
                         f"'{next(n for n in nums if nums.count(n) > 1)}'; renumbered in sequence "
                         f"({', '.join(f'{p.num} → {n}' for p, n in changed[:6])}{'…' if len(changed) > 6 else ''}) — "
                         "an editorial correction, the source prints the repeated number")
            for p, n in changed:
                p.num = n


def _path_name(top: Unit, unit: Unit) -> str:
    for art in top.walk():
        if art.kind == "article" and any(x is unit for x in art.walk()):
            return art.num + ("" if art is unit else f", {unit.kind} {unit.num}".rstrip())
    return unit.num or unit.kind


def source_defects(src: Path) -> list[str]:
    """What the rebuild repairs by construction, counted in the source file."""
    parsed = read_xml(str(src))
    root = parsed.tree.getroot()
    compact = [el.get("date") for el in root.iter() if isinstance(el.tag, str) and re.fullmatch(r"\d{8}", el.get("date") or "")]
    eids = Counter(el.get("eId") for el in root.iter() if isinstance(el.tag, str) and el.get("eId"))
    dups = {k: v for k, v in eids.items() if v > 1}
    multi = sum(1 for el in root.iter() if isinstance(el.tag, str) and local(el) == "paragraph"
                and sum(1 for c in el if isinstance(c.tag, str) and local(c) == "content") > 1)
    schema = compile_schema(False)
    schema.validate(parsed.tree)
    errors = len(schema.error_log)
    out = [f"source fails the strict OASIS XSD with {errors} errors; the output is rebuilt by lexdraft's writer"]
    if compact:
        out.append(f"{len(compact)} compact dates (e.g. date=\"{compact[0]}\") on inline <date> elements: the inline "
                   "markup is not carried over (the words are); FRBR dates are written as ISO dates")
    if multi:
        out.append(f"{multi} paragraphs with several <content> blocks (the XSD allows one): the first block is the "
                   "paragraph's text, later blocks become unnumbered subparagraphs or text lines")
    if dups:
        sample = ", ".join(sorted(dups)[:4])
        out.append(f"{len(dups)} duplicate eIds ({sample}, …): all eIds are rebuilt from the hierarchy "
                   "(art_5__para_1__point_a; containers chp_iii__sec_2)")
    return out


# ---------------------------------------------------------------- articles from the text files


def _article_files(prefix: str) -> dict[str, Path]:
    return {p.stem.rsplit("-art", 1)[1]: p for p in sorted(TEXTS.glob(f"{prefix}*.txt"))}


def _words(unit: Unit) -> str:
    return normalize(" ".join([unit.heading, unit.full_text])).replace(" ", "")


def _shape(unit: Unit) -> list:
    """Structure and words of the units below ``unit`` (whitespace ignored: the text files drop footnote
    call-outs, which leaves "2003/361/EC ;" in the AKN against "2003/361/EC;")."""
    return [(c.kind, c.num, c.heading, "".join(c.text.split()), _shape(c)) for c in unit.children]


def replace_from_texts(doc: Document, source: Source) -> None:
    """Put the text files' article structure in place of the AKN's, after checking the words agree."""
    files = _article_files(source.texts_prefix)
    articles = {a.label: a for a in doc.provisions()}
    for label, path in files.items():
        art = articles.get(label)
        if art is None:
            raise SystemExit(f"{path}: article {label} not found in {source.src}")
        text_doc, _ = import_file(str(path), ImportOptions(work=WORK, date=source.date, language="eng"))
        new = text_doc.units[0]
        same_words = _words(new) == _words(art)
        points_before = sum(1 for u in art.walk() if u.kind == "point")
        points_after = sum(1 for u in new.walk() if u.kind == "point")
        verdict = "same words" if same_words else "WORDS DIFFER"
        trial = copy.deepcopy(art)
        split_points(trial)
        splitter = "the same" if _shape(trial) == _shape(new) else "DIFFERENT (the text file's structure is used)"
        source.fixes.append(
            f"Article {label}: structure from tests/data/texts/{path.name} ({verdict} as the AKN modulo whitespace "
            f"and quote style; {points_before} → {points_after} points; the AKN's own structure after the point "
            f"splitter is {splitter})")
        if not same_words:
            raise SystemExit(f"{path}: words differ from the AKN's Article {label}; refusing to replace it")
        art.text, art.children, art.heading = new.text, new.children, new.heading or art.heading


# ---------------------------------------------------------------- main


def normalise(source: Source) -> tuple[Document, bytes]:
    source.fixes = source_defects(source.src)
    doc = load(str(source.src))
    folded, points = fold_unnumbered_paragraphs(doc.units)
    if folded:
        source.fixes.append(f"{folded} unnumbered <paragraph>s folded into the unit they belong to: the numbered "
                            "paragraph before them (whose eId they repeat in the source), or, in articles made only "
                            "of such paragraphs (the amending articles), the article, read line by line as the "
                            f"importer reads text: {points} lines printed as '(1) In Article 17, …' became points")
    if source.key == "proposal":
        proposal_titles_and_chapters(doc, source.fixes)
    else:
        art1 = next(a for a in doc.provisions() if a.label == "1")
        if art1.heading.endswith("`"):
            source.fixes.append(f"Article 1 heading '{art1.heading}': stray backtick removed")
            art1.heading = art1.heading.rstrip("`")
        n = fix_quotes(doc.units)
        source.fixes.append(f"{n} closing quotation marks printed as opening ones (‘AI system‘) corrected (‘AI system’)")
    replace_from_texts(doc, source)
    made = sum(split_points(u) for u in doc.units)
    renumber_repeats(doc.units, source.fixes)
    source.fixes.append(f"{made} points run together in the text of other articles split into <point> units "
                        "by the (a)/(1)/(i) sequence splitter")
    frbr = FRBR(work=WORK, date=source.date, language="eng", country="eu", doc_type=source.doc_type,
                name="ai-act", title=source.title)
    prov = Provenance(status="excerpt", note=NOTE, source=source.source)
    out = Document(str(source.out), "akn3", frbr, doc.units, provenance=prov)
    data = document_to_akn(out, flat_articles=True)  # art_5, as the EU numbers articles through the act
    bad = blocking(check_akn_bytes(data, str(source.out)))
    if bad:
        raise SystemExit(f"{source.out}: still invalid: {bad[0]}")
    return out, data


def log_text(sources: list[Source]) -> str:
    lines = ["# EU AI Act drafts: normalisation log", "",
             "Written by `scripts/normalise_eu_ai_act.py` (do not edit by hand; run the script again).", ""]
    for s in sources:
        lines += [f"## {s.out.relative_to(ROOT)} ← {s.src.relative_to(ROOT)}", ""]
        lines += [f"- {fix}" for fix in s.fixes] + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if a committed file differs from a fresh build")
    args = parser.parse_args(argv)
    results = [normalise(s) for s in SOURCES]
    outputs = [(s.out, data) for (_doc, data), s in zip(results, SOURCES)]
    outputs.append((OUT_DIR / "NORMALISATION.md", log_text(SOURCES).encode("utf-8")))
    status = 0
    if not args.check:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
    for (doc, _data), s in zip(results, SOURCES):
        print(f"{s.out.relative_to(ROOT)}: {len(doc.provisions())} articles, {sum(1 for _ in doc.walk())} units, "
              "valid", file=sys.stderr)
    for path, data in outputs:
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                print(f"{path.relative_to(ROOT)}: out of date; run scripts/normalise_eu_ai_act.py", file=sys.stderr)
                status = 1
        else:
            write_atomic(str(path), data)
    return status


if __name__ == "__main__":
    sys.exit(main())
