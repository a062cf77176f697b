#!/usr/bin/env python3
"""Build drafts/kz-ai-law/ from the real excerpts in tests/data/texts/ with lexdraft's importer.

Kazakhstan, Law No. 230-VIII "On Artificial Intelligence" of 17 November 2025, and its January 2025 draft.
Only the excerpts we hold (see tests/data/texts/MANIFEST.md); the texts are imported as they are — the Russian
newspaper text keeps its unnumbered definitions, nothing is translated or completed by lexdraft.

    python scripts/build_kz_ai_law.py           # write drafts/kz-ai-law/*.xml
    python scripts/build_kz_ai_law.py --check   # fail if a committed file differs from a fresh build
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lexdraft.importer import ImportOptions, blocking, check_akn_bytes, import_file
from lexdraft.output import write_atomic

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "data" / "texts"
OUT = ROOT / "drafts" / "kz-ai-law"
WORK = "/akn/kz/act/law/2025/230-viii"
# Titles as the sources print the law's name (nothing composed by lexdraft).
TITLE_RU = "Об искусственном интеллекте"
TITLE_KK = "Жасанды интеллект туралы"
TITLE_EN = "On Artificial Intelligence"

# (text file, output file, options)
BUILDS = [
    ("kz-ai-law-2025-rus-art1-excerpt.txt", "2025-11-17-rus.xml", ImportOptions(
        work=WORK, date="2025-11-17", language="rus", doc_type="act", title=TITLE_RU, status="excerpt",
        note="Chapter 1 heading, Article 1 lead-in and the first 4 definitions as published in Kazakhstanskaya "
             "Pravda, 18.11.2025; the newspaper page prints the definitions without their numbers 1)-4), run "
             "together with ';', and they are kept so. Truncated at definition 5.",
        source="https://kazpravda.kz/n/zakon-respubliki-kazahstan-ob-iskusstvennom-intellekte/")),
    ("kz-ai-law-2025-kaz-art1-excerpt.txt", "2025-11-17-kaz.xml", ImportOptions(
        work=WORK, date="2025-11-17", language="kaz", doc_type="act", title=TITLE_KK, status="excerpt",
        note="Title, act line, Chapter 1, Article 1 lead-in and definitions 1)-3) from the Adilet database "
             "(IZPI); the editorial IZPI note is left out. Truncated inside definition 4).",
        source="http://insecure.zan.kz/kaz/docs/Z2500000230/compare")),
    ("kz-ai-law-2025-eng-unofficial-art1-excerpt.txt", "2025-11-17-eng.xml", ImportOptions(
        work=WORK, date="2025-11-17", language="eng", doc_type="act", title=TITLE_EN,
        status="unofficial-translation",
        note="Adilet's English page, marked 'Unofficial translation' by the site: Chapter 1, Article 1, "
             "definitions 1)-9) only (an excerpt; truncated inside 10)).",
        source="http://insecure.zan.kz/eng/docs/Z2500000230/compare")),
    ("kz-ai-law-2025-eng-mt-zakonpravo-art16-17.txt", "art16-17-mt/2025-11-17-eng.xml", ImportOptions(
        work=WORK, date="2025-11-17", language="eng", doc_type="act", title=TITLE_EN,
        status="machine-translation",
        note="Third-party, apparently machine, translation published by zakonpravo.kz (e.g. 'owner or owner' for "
             "собственник или владелец): Article 16 complete, Article 17 up to paragraph 2 point 2). For "
             "concordance and mapping only, never as authoritative wording.",
        source="https://zakonpravo.kz/en/article-16-rights-and-obligations-of-users-of-the-artificial-intelligence-act "
               "and https://zakonpravo.kz/en/article-17-the-legal-regime-of-artificial-intelligence-systems-of-the-"
               "artificial-intelligence-act")),
    ("kz-ai-law-draft-2025-01-rus-excerpt.txt", "2025-01-01-rus.xml", ImportOptions(
        work=WORK, date="2025-01-01", language="rus", doc_type="bill",
        title=TITLE_RU,
        status="excerpt",
        note="Draft of January 2025 (the date 2025-01-01 is nominal: the text says only 'январь 2025 года'): "
             "preamble, Chapter 1, Article 1 lead-in and draft definitions 1)-2); truncated inside 3). Secondary "
             "provenance: a forum repost that appears to copy the Mazhilis draft presented on 3 March 2025, not "
             "verified against an official copy.",
        source="http://plana.mybb.ru/viewtopic.php?id=2412")),
]


def build(check: bool) -> int:
    status = 0
    for text, out, options in BUILDS:
        doc, data = import_file(str(TEXTS / text), options)
        bad = blocking(check_akn_bytes(data, out))
        if bad:
            print(f"drafts/kz-ai-law/{out}: invalid: {bad[0]}", file=sys.stderr)
            return 1
        target = OUT / out
        if check:
            if not target.exists() or target.read_bytes() != data:
                print(f"{target.relative_to(ROOT)}: out of date; run scripts/build_kz_ai_law.py", file=sys.stderr)
                status = 1
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(str(target), data)
            print(f"{target.relative_to(ROOT)}: {len(doc.provisions())} articles, {doc.provenance.status}",
                  file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    return build(parser.parse_args(argv).check)


if __name__ == "__main__":
    sys.exit(main())
