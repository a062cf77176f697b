#!/usr/bin/env python3
"""Build the European Parliament's version (14 June 2023) of the AI Act articles held in the corpus.

    python scripts/build_ep_articles.py        # writes drafts/foreign/eu-ai-act-ep-amendments/src/2023-06-14-eng.txt

The Parliament adopted amendments, not a consolidated text: each amendment is a row pair of the OJ's comparative
table ([COM] the Commission's wording, [EP] the Parliament's). The EP version of an article is the Commission's
article (tests/data/texts/eu-ai-act-proposal-2021-artN.txt) with every row replaced by its [EP] wording, deleted
rows removed, and new rows ([COM] empty) inserted after the row before them. Rows are read with
``lexdraft.ep_amendments.parse_amendments``; a [COM] row that is not found verbatim in the proposal stops the build.
New articles (4a, 68c) are the [EP] column as it stands. No word is written by lexdraft.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lexdraft.ep_amendments import parse_amendments  # noqa: E402
from lexdraft.text import normalize  # noqa: E402

TEXTS = ROOT / "tests" / "data" / "texts"
OUT = ROOT / "drafts" / "foreign" / "eu-ai-act-ep-amendments" / "src" / "2023-06-14-eng.txt"
# (EP file suffix, proposal file suffix); article 52 became adopted Art. 50, 68c adopted Art. 86.
ARTICLES = [("4a", None), ("5", "5"), ("9", "9"), ("10", "10"), ("13", "13"), ("14", "14"), ("52", "52"),
            ("68c", None)]

FRONT = """---
work: /akn/eu/doc/2023/ep-amendments-ai-act
date: 2023-06-14
language: eng
doc_type: act
title: Artificial Intelligence Act as amended by the European Parliament on 14 June 2023 (P9_TA(2023)0236) — Articles 4a, 5, 9, 10, 13, 14, 52 and 68c
status: excerpt
note: "Excerpt: the Parliament's version of eight articles. New Articles 4a (Amendment 213, general principles; dropped from the adopted Regulation) and 68c (Amendment 630, right to explanation; ancestor of adopted Article 86) are the 'Amendment' column as printed. Articles 5, 9, 10, 13, 14 and 52 are the Commission's text (COM(2021) 206) with each of the Parliament's amendments applied row by row by scripts/build_ep_articles.py: rows it did not amend are the Commission's wording. The OJ's bold-italic change marks are removed; 'Article 4 a' is written 'Article 4a'. The Article 3 and 6 amendments are not included."
source: "European Parliament, P9_TA(2023)0236, OJ C/2024/506 of 23.1.2024 (TA-9-2023-0236_EN.html), and COM(2021) 206 final (52021PC0206), as copied by Parlamento-ai/diff.parlamento.ai"
---
"""


def _key(text: str) -> str:
    """Row text as matched against the proposal: quotes, spaces and the HTML's stray spaces before punctuation."""
    return re.sub(r"\s+([.,;:)])", r"\1", normalize(text)).replace('"', "'").strip()


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


def ep_version(ep_suffix: str, com_suffix: str) -> list[str]:
    lines = (TEXTS / f"eu-ai-act-proposal-2021-art{com_suffix}.txt").read_text(encoding="utf-8").split("\n")
    # Each proposal line becomes a slot; EP rows replace, delete or insert after slots.
    slots: list[list[str] | None] = [[ln] for ln in lines]
    index = {_key(ln): i for i, ln in enumerate(lines) if ln.strip()}
    cursor = 0
    for amendment in parse_amendments(TEXTS / f"eu-ai-act-ep-amendments-2023-art{ep_suffix}.txt"):
        for row in amendment.rows:
            if row.com.text:
                i = index.get(_key(row.com.text))
                if i is None:
                    raise SystemExit(f"Amendment {amendment.number}: [COM] row not found in the proposal: "
                                     f"{row.com.text[:80]!r}")
                indent = _indent(lines[i])
                slots[i] = [] if row.ep.deleted else [indent + row.ep.text]
                cursor = i
            elif not row.ep.deleted and row.ep.text:
                prev = slots[cursor][-1] if slots[cursor] else lines[cursor]
                new = row.ep.text
                if re.match(r"^\d+\s*[a-z]?\.", new):  # a new paragraph: blank line before, no indentation
                    slots[cursor] = (slots[cursor] or []) + ["", new]
                else:
                    indent = _indent(prev) if re.match(r"^\(", new) and prev.lstrip().startswith("(") else ""
                    slots[cursor] = (slots[cursor] or []) + [indent + new]
    return [ln for slot in slots if slot for ln in slot]


def new_article(ep_suffix: str) -> list[str]:
    out = []
    for amendment in parse_amendments(TEXTS / f"eu-ai-act-ep-amendments-2023-art{ep_suffix}.txt"):
        for row in amendment.rows:
            if row.ep.text:
                out.append(re.sub(r"^Article (\d+) ([a-z])$", r"Article \1\2", row.ep.text))
    return out


def build_text() -> str:
    """The structured text (front matter + articles) that ``lexdraft import`` turns into the AKN."""
    body: list[str] = []
    for ep, com in ARTICLES:
        body.extend(ep_version(ep, com) if com else new_article(ep))
        body.append("")
    return re.sub(r"\n{3,}", "\n\n", FRONT + "\n".join(body).rstrip("\n") + "\n")


def main() -> None:
    OUT.write_text(build_text(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
