"""Citations as drafters write them: one set of case forms for the redline and the amendment text."""

from __future__ import annotations

from lexdraft.citation import cite_en, cite_kk, cite_ru

PATH = (("article", "127"), ("paragraph", "2"), ("point", "3-1"))


def test_russian_cases_put_the_head_in_the_case_and_the_rest_in_the_genitive():
    assert cite_ru(PATH) == "подпункт 3-1) пункта 2 статьи 127"
    assert cite_ru(PATH, "prep") == "подпункте 3-1) пункта 2 статьи 127"
    assert cite_ru(PATH[:1], "acc") == "статью 127"


def test_kazakh_possessive_chain_starts_from_the_article():
    assert cite_kk(PATH) == "127-баптың 2-тармағының 3-1) тармақшасы"
    assert cite_kk(PATH[:2], "attr") == "127-баптың 2-тармағындағы"
    assert cite_kk(PATH[:1]) == "127-бап"


def test_english_amending_style():
    assert cite_en(PATH) == "point (3-1) of paragraph 2 of Article 127"


def test_code_paragraph_and_section_are_the_same_unit_in_both_languages():
    assert cite_ru((("section", "2"),), "gen") == "параграфа 2"
    assert cite_kk((("section", "2"),)) == "2-параграф"
