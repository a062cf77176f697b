"""The Digital Code chapter-19 drafts (illustrative reconstruction 2024-04-01 and revised draft 2025-07-01, ru/kk/en).

Checks the committed AKN against its sources and its two companion documents: TRACE.md (every reconstructed unit rests
on a study passage) and CHANGES.md (the exact list of changes the revision makes, the diff tests' expected answer).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lexdraft.akn import load
from lexdraft.cli import main as cli
from lexdraft.importer import import_file
from lexdraft.model import Document, Unit

from conftest import DRAFTS

CH19 = DRAFTS / "kz-digital-code"
DATES = ("2024-04-01", "2025-07-01")
LANGS = ("rus", "kaz", "eng")
WORK = "/akn/kz/act/code/2024/digital-code-ch19-reconstruction"
NOTES = {
    "2024-04-01": "Illustrative reconstruction by lexdraft from the descriptions in Nurmukhambetova & Ismoilov (2025); "
    "the official April 2024 text could not be obtained.",
    "2025-07-01": "Illustrative revised draft written by lexdraft applying the recommendations of Nurmukhambetova & "
    "Ismoilov (2025)",
}
REPEALED_TEXT = {"rus": "Исключен.", "kaz": "Алып тасталды.", "eng": "Deleted."}


def xml_path(date: str, lang: str) -> Path:
    return CH19 / f"{date}-{lang}.xml"


@pytest.fixture(scope="module")
def docs() -> dict[tuple[str, str], Document]:
    return {(d, lang): load(str(xml_path(d, lang))) for d in DATES for lang in LANGS}


def units_by_eid(doc: Document) -> dict[str, Unit]:
    return {u.eid: u for u in doc.walk() if u.eid}


# ---------------------------------------------------------------- CHANGES.md as data


def change_rows() -> list[dict]:
    """The table of CHANGES.md: one dict per change (eid, kind, rus and kaz cells)."""
    rows = []
    for line in (CH19 / "CHANGES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].isdigit():
            rows.append({"eid": cells[1].strip("`"), "kind": cells[2], "rus": cells[3], "kaz": cells[4]})
    return rows


PAIR = re.compile(r"«([^»]*)»\s*→\s*«([^»]*)»")
NUM_PREFIX = re.compile(r"^\d+(?:-\d+)*[.)]\s+")


def pieces(fragment: str) -> list[str]:
    """A quoted fragment split at its «…» elisions."""
    return [p.strip() for p in fragment.split("…") if p.strip()]


# ---------------------------------------------------------------- files and provenance


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize("lang", LANGS)
def test_files_exist_with_illustrative_provenance(docs, date, lang):
    doc = docs[(date, lang)]
    assert doc.dialect == "akn3"
    assert doc.frbr.work == WORK
    assert doc.frbr.date == date and doc.frbr.language == lang and doc.frbr.doc_type == "bill"
    assert doc.provenance.status == "illustrative"
    assert NOTES[date] in doc.provenance.note
    assert "not an official text" in doc.provenance.note or "could not be obtained" in doc.provenance.note
    assert "Nurmukhambetova" in doc.provenance.source
    assert doc.provenance.warning.startswith("ILLUSTRATIVE")


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize("lang", LANGS)
def test_committed_xml_is_what_the_importer_builds_from_the_source(date, lang):
    _, data = import_file(str(CH19 / "src" / f"{date}-{lang}.txt"))
    assert data == xml_path(date, lang).read_bytes(), "stale XML: run scripts/build_drafts.sh"


def test_article1_quotation_is_labelled_and_current():
    """The article-1 AI definitions exist only as the study's English quotation: status quotation, not illustrative."""
    src, xml = CH19 / "art1" / "src" / "2024-04-01-eng.txt", CH19 / "art1" / "2024-04-01-eng.xml"
    _, data = import_file(str(src))
    assert data == xml.read_bytes(), "stale XML: run scripts/build_drafts.sh"
    doc = load(str(xml))
    assert doc.provenance.status == "quotation" and doc.frbr.language == "eng"
    assert doc.provenance.warning.startswith("Quoted from a secondary study")
    assert "hardware and software system" in doc.find("art_1").text


def test_all_drafts_pass_strict_validation():
    paths = [str(xml_path(d, lang)) for d in DATES for lang in LANGS] + [str(CH19 / "art1" / "2024-04-01-eng.xml")]
    result = CliRunner().invoke(cli, ["validate", "--format", "json", *paths])
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- bilingual (trilingual) structure


@pytest.mark.parametrize("date", DATES)
def test_same_units_in_every_language(docs, date):
    eids = {lang: [u.eid for u in docs[(date, lang)].walk()] for lang in LANGS}
    assert eids["rus"] == eids["kaz"] == eids["eng"]
    nums = {lang: [u.label for u in docs[(date, lang)].walk()] for lang in LANGS}
    assert nums["rus"] == nums["kaz"] == nums["eng"]


# ---------------------------------------------------------------- TRACE.md covers the reconstruction


def test_every_reconstructed_unit_is_traced(docs):
    trace = (CH19 / "TRACE.md").read_text(encoding="utf-8")
    traced = set(re.findall(r"^\| `([a-z0-9_\-]+)` \|", trace, flags=re.M))
    for lang in LANGS:
        eids = {u.eid for u in docs[("2024-04-01", lang)].walk()}
        assert eids - traced == set(), f"{lang}: units without a trace row"
        assert traced - eids == set(), f"{lang}: trace rows for units that do not exist"


def test_reconstruction_holds_only_the_described_articles(docs):
    for lang in LANGS:
        articles = [u.label for u in docs[("2024-04-01", lang)].walk() if u.kind == "article"]
        assert articles == ["121", "125", "126", "127", "128", "129", "134", "135"]


# ---------------------------------------------------------------- CHANGES.md is the exact answer


def test_changes_table_is_complete():
    rows = change_rows()
    assert len(rows) == 18
    kinds = [r["kind"] for r in rows]
    assert kinds.count("inserted") == 10 and kinds.count("amended") == 5
    assert kinds.count("reworded") == 2 and kinds.count("repealed") == 1


@pytest.mark.parametrize("lang", LANGS)
def test_inserted_units_exist_only_in_the_revision(docs, lang):
    old, new = units_by_eid(docs[("2024-04-01", lang)]), units_by_eid(docs[("2025-07-01", lang)])
    inserted = [r["eid"] for r in change_rows() if r["kind"] == "inserted"]
    articles = [e for e in inserted if re.fullmatch(r"chp_19__art_[\d-]+", e)]
    assert articles == [f"chp_19__art_{n}" for n in ("121-1", "121-2", "126-1", "129-1", "135-1", "135-2")]
    for eid in inserted:
        assert eid in new and eid not in old, eid


@pytest.mark.parametrize("lang", LANGS)
def test_exactly_one_repealed_unit_keeps_its_number(docs, lang):
    old, new = units_by_eid(docs[("2024-04-01", lang)]), units_by_eid(docs[("2025-07-01", lang)])
    repealed = [r["eid"] for r in change_rows() if r["kind"] == "repealed"]
    assert repealed == ["chp_19__art_135__para_3"]
    assert new[repealed[0]].num == old[repealed[0]].num == "3."
    assert new[repealed[0]].text == REPEALED_TEXT[lang]
    assert old[repealed[0]].text != REPEALED_TEXT[lang]
    assert [u.eid for u in new.values() if u.text == REPEALED_TEXT[lang]] == repealed


@pytest.mark.parametrize("lang", LANGS)
def test_every_difference_is_listed_and_nothing_else(docs, lang):
    """Units whose text or heading differ are exactly the amended/reworded/repealed rows; new units come from an
    inserted row (themselves or an inserted ancestor); no unit disappears (nothing renumbered)."""
    old, new = units_by_eid(docs[("2024-04-01", lang)]), units_by_eid(docs[("2025-07-01", lang)])
    rows = change_rows()
    changed = {r["eid"] for r in rows if r["kind"] in ("amended", "reworded", "repealed")}
    inserted = [r["eid"] for r in rows if r["kind"] == "inserted"]
    assert set(old) - set(new) == set()
    differing = {e for e in old if (old[e].text, old[e].heading, old[e].num) != (new[e].text, new[e].heading, new[e].num)}
    assert differing == changed
    for eid in set(new) - set(old):
        assert any(eid == i or eid.startswith(i + "__") for i in inserted), eid


@pytest.mark.parametrize("lang", ("rus", "kaz"))
def test_quoted_words_match_the_texts(docs, lang):
    """Every «old» → «new» pair of CHANGES.md is in the old and the new text; inserted units read as quoted."""
    old, new = units_by_eid(docs[("2024-04-01", lang)]), units_by_eid(docs[("2025-07-01", lang)])
    checked = 0
    for row in change_rows():
        cell, eid = row[lang], row["eid"]
        if row["kind"] == "inserted":
            quoted = re.findall(r"«([^»]*)»", cell)
            if quoted:  # a paragraph or point quoted whole
                assert NUM_PREFIX.sub("", quoted[0]) == new[eid].text, eid
                checked += 1
            continue
        pairs = PAIR.findall(cell)
        assert pairs, f"{eid}: no «old» → «new» pair in the {lang} column"
        for before, after in pairs:
            for p in pieces(before):
                assert p in old[eid].text, (eid, p)
            for p in pieces(after):
                assert p in new[eid].text, (eid, p)
            checked += 1
        for kept in re.findall(r"\(kept: «([^»]*)»\)", cell):
            assert kept in old[eid].text and kept in new[eid].text, (eid, kept)
        for added in re.findall(r"\(inserted: «([^»]*)»\)", cell):
            for p in pieces(added):
                assert p in new[eid].text, (eid, p)
        for removed in re.findall(r"\(deleted: «([^»]*)»\)", cell):
            assert removed in old[eid].text and removed not in new[eid].text, (eid, removed)
    assert checked >= 12


def test_inserted_numbers_follow_kazakh_convention(docs):
    """Between existing units a hyphen suffix (121-1, 2-1., 1-1)); after the last one the next number."""
    new = units_by_eid(docs[("2025-07-01", "rus")])
    assert new["chp_19__art_127__para_2-1"].num == "2-1."
    assert new["chp_19__art_125__para_1__point_1-1"].num == "1-1)"
    assert new["chp_19__art_121-1"].num == "Статья 121-1."
    assert new["chp_19__art_125__para_3"].num == "3."
