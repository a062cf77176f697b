"""The chapter-19 drafts (illustrative reconstruction → revised draft): every change listed in
drafts/kz-digital-code/CHANGES.md is reported, with its kind, and nothing else changed."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from lexdraft import akn
from lexdraft.compare import diff_documents
from lexdraft.compare.bilingual import own_change
from lexdraft.compare.model import Change

from conftest import DRAFTS

FOLDER = DRAFTS / "kz-digital-code"


def expected() -> dict[str, str]:
    """eId -> kind from the CHANGES.md table (written by the drafts' author, not computed by the diff)."""
    rows = re.findall(r"^\| \d+ \| `([^`]+)` \| (\w+) \|", (FOLDER / "CHANGES.md").read_text(encoding="utf-8"), re.M)
    assert len(rows) == 18
    return dict(rows)


@lru_cache(maxsize=None)
def reported(lang: str) -> dict[str, Change]:
    """eId -> change for every unit whose own text or existence changed (an inserted unit stands for its children)."""
    cs = diff_documents(akn.load(str(FOLDER / f"2024-04-01-{lang}.xml")), akn.load(str(FOLDER / f"2025-07-01-{lang}.xml")))
    out: dict[str, Change] = {}

    def visit(c: Change) -> None:
        if own_change(c):
            out[(c.new or c.old)[0].eid] = c
            if c.kind == "inserted":
                return
        for x in c.children:
            visit(x)

    for c in cs.changes:
        visit(c)
    return out


@pytest.mark.parametrize("lang", ["rus", "kaz", "eng"])
def test_every_listed_change_and_nothing_else(lang: str) -> None:
    got = reported(lang)
    assert sorted(got) == sorted(expected())
    for eid, change in got.items():
        assert not any(k in change.kinds for k in ("moved", "renumbered")), eid  # "nothing renumbered or moved"


@pytest.mark.parametrize("lang", ["rus", "kaz"])
def test_kinds_match_in_both_official_languages(lang: str) -> None:
    got = reported(lang)
    assert {eid: c.kind for eid, c in got.items()} == expected()


def test_kinds_in_english_match_except_one_borderline_rewording() -> None:
    """The English rendering of 121(2) keeps exactly half its words ("The principles referred to in paragraph 1
    of this Article …"), so it counts as amended where the Russian and Kazakh (47% and 40% kept) are reworded."""
    got, exp = reported("eng"), expected()
    mismatches = {eid for eid, c in got.items() if c.kind != exp[eid]}
    assert mismatches == {"chp_19__art_121__para_2"}
    c = got["chp_19__art_121__para_2"]
    assert c.kind == "amended" and c.similarity == 0.5


def test_word_changes_of_an_amendment() -> None:
    change = reported("rus")["chp_19__art_125__para_1"]
    assert [(o.op, o.text) for o in change.ops if o.op != "="] == [("+", "и владельцы ")]
    change = reported("kaz")["chp_19__art_125__para_1"]
    assert [(o.op, o.text.strip()) for o in change.ops if o.op != "="] == [("+", "мен иеленушілер")]


def test_repealed_in_place() -> None:
    for lang, text in (("rus", "Исключен."), ("kaz", "Алып тасталды.")):
        c = reported(lang)["chp_19__art_135__para_3"]
        assert c.kinds == ("repealed",)
        assert c.old[0].num == c.new[0].num == "3."
        assert "".join(o.text for o in c.ops if o.op != "-") == text
