"""Both official languages changed alike: the chapter-19 drafts in Russian and Kazakh, and seeded defects."""

from __future__ import annotations

import copy

from click.testing import CliRunner

from lexdraft import akn
from lexdraft.cli import main
from lexdraft.compare import diff_documents
from lexdraft.compare.bilingual import compare_languages

from conftest import DRAFTS

FOLDER = DRAFTS / "kz-digital-code"


def load(date: str, lang: str):
    return akn.load(str(FOLDER / f"{date}-{lang}.xml"))


def test_the_revised_drafts_change_the_same_units_in_both_languages() -> None:
    ru = diff_documents(load("2024-04-01", "rus"), load("2025-07-01", "rus"))
    kk = diff_documents(load("2024-04-01", "kaz"), load("2025-07-01", "kaz"))
    report = compare_languages(ru, kk)
    assert (report.lang_a, report.lang_b) == ("rus", "kaz")
    assert report.issues == []
    assert report.compared > 80


def test_a_change_made_only_in_russian_is_flagged() -> None:
    ru = diff_documents(load("2024-04-01", "rus"), load("2025-07-01", "rus"))
    old_kk, new_kk = load("2024-04-01", "kaz"), load("2025-07-01", "kaz")
    # the Kazakh drafter forgot the amendment of article 125 paragraph 2: put the old wording back
    forgot = copy.deepcopy(new_kk)
    forgot.find("chp_19__art_125__para_2").text = old_kk.find("chp_19__art_125__para_2").text
    # ... and article 135-2 exists only in Russian
    chapter = forgot.units[0]
    chapter.children = [u for u in chapter.children if u.eid != "chp_19__art_135-2"]
    report = compare_languages(ru, diff_documents(old_kk, forgot))
    got = sorted((i.kind, i.key) for i in report.issues)
    assert got == [("changed-in-one", "chp_19__art_125__para_2"), ("missing", "chp_19__art_135-2")]
    detail = next(i.detail for i in report.issues if i.kind == "changed-in-one")
    assert detail == "amended in rus, unchanged in kaz"


def test_an_insertion_against_an_amendment_is_flagged() -> None:
    ru = diff_documents(load("2024-04-01", "rus"), load("2025-07-01", "rus"))
    old_kk, new_kk = load("2024-04-01", "kaz"), load("2025-07-01", "kaz")
    # in Kazakh, paragraph 3 of article 128 already existed (one word different) in the old version
    old_with = copy.deepcopy(old_kk)
    art = old_with.find("chp_19__art_128")
    extra = copy.deepcopy(new_kk.find("chp_19__art_128__para_3"))
    extra.text = extra.text.replace("еркін", "ақылы")
    art.children.append(extra)
    report = compare_languages(ru, diff_documents(old_with, new_kk))
    kinds = {(i.kind, i.key) for i in report.issues}
    assert ("missing", "chp_19__art_128__para_3") in kinds  # in the old kaz version, not in the old rus
    assert ("kind-differs", "chp_19__art_128__para_3") in kinds


def test_bilingual_command() -> None:
    paths = [str(FOLDER / f"{d}-{lang}.xml") for lang in ("rus", "kaz") for d in ("2024-04-01", "2025-07-01")]
    r = CliRunner().invoke(main, ["bilingual", *paths])
    assert r.exit_code == 0, r.output
    assert "ILLUSTRATIVE RECONSTRUCTION" in r.output and "0 inconsistencies" in r.output
    r = CliRunner().invoke(main, ["bilingual", paths[0], paths[1], paths[2], paths[2], "--format", "json"])
    assert r.exit_code == 1 and '"changed-in-one"' in r.output
