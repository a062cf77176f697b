"""The foundation: numbering, text normalisation and reading every corpus file into the model."""

from __future__ import annotations

import glob

import pytest

from lexdraft.akn import document_from_xml, load, parse_bytes
from lexdraft.errors import LexdraftError
from lexdraft.numbering import is_insertion, label, sort_key
from lexdraft.text import normalize, split_footnotes, tokens

from conftest import AKN


@pytest.mark.parametrize(
    "num, expected",
    [
        ("Статья 17-1.", "17-1"), ("9-1)", "9-1"), ("(a)", "a"), ("125-бап.", "125"), ("Article 5a", "5a"),
        ("5.1", "5.1"), ("(iv)", "iv"), ("1.", "1"), ("Section 12A", "12a"), ("2) тармақша", "2"),
        ("Art. 3", "3"), ("§ 20", "20"), ("3-тармақ", "3"), ("", ""),
    ],
)
def test_label_extracts_the_bare_number(num, expected):
    assert label(num) == expected


def test_sort_key_orders_kazakh_insertions_and_letter_suffixes():
    assert sorted(["18", "17-1", "17", "2", "17-2", "1a", "1", "10"], key=sort_key) == [
        "1", "1a", "2", "10", "17", "17-1", "17-2", "18"
    ]
    assert sorted(["iv", "ii", "ix", "iii"], key=sort_key) == ["ii", "iii", "iv", "ix"]
    assert is_insertion("126-1") and not is_insertion("126")


def test_normalize_ignores_quote_style_and_whitespace():
    assert normalize("слова «искусственный\u00a0интеллект»  ") == normalize('слова "искусственный интеллект"')


def test_tokens_keep_kazakh_words_and_numbers_whole_and_rejoin_exactly():
    text = "2) тармақшасы 17-1) «жасанды интеллект» 5.1 users' rights"
    toks = tokens(text)
    assert "".join(toks) == text
    assert "17-1)" in toks and "тармақшасы" in toks and "интеллект" in toks and "5.1" in toks


def test_footnotes_are_set_aside():
    own, notes = split_footnotes(["1. Текст пункта.", "Сноска. Статья 5 с изменением, внесенным Законом РК."])
    assert own == ["1. Текст пункта."] and len(notes) == 1


@pytest.mark.parametrize("path", sorted(glob.glob(str(AKN / "*.xml"))), ids=lambda p: p.rsplit("/", 1)[-1])
def test_every_corpus_file_is_read_into_the_model(path):
    doc = load(path)
    assert doc.dialect in {"akn3", "akn3-csd", "akn2", "ldml-de"}
    assert len(doc.sha256) == 64
    if doc.frbr.doc_type in {"act", "bill"}:
        assert doc.provisions(), "acts and bills have provisions"


def test_ai_act_article_50_has_its_paragraphs():
    doc = load(str(AKN / "eu-ai-act-2024-1689.xml"))
    art = next(u for u in doc.provisions() if u.label == "50")
    assert art.heading.startswith("Transparency obligations")
    assert [c.label for c in art.children][:3] == ["1", "2", "3"]
    assert "machine-readable format" in art.full_text


def test_refuses_doctype_and_does_not_expand_entities():
    xxe = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    with pytest.raises(LexdraftError, match="DOCTYPE"):
        parse_bytes(xxe, "x.xml")


def test_wrong_root_is_a_one_line_error():
    with pytest.raises(LexdraftError) as err:
        parse_bytes(b"<html><body/></html>", "page.xml")
    assert "not an Akoma Ntoso document" in str(err.value) and "\n" not in str(err.value)


def test_authorial_notes_are_set_aside_not_compared():
    xml = (
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta/><body>'
        b'<article eId="art_1"><num>1</num><content><p>Text<authorialNote eId="n1"><p>A note.</p>'
        b"</authorialNote> more.</p></content></article></body></act></akomaNtoso>"
    )
    unit = document_from_xml(parse_bytes(xml)).units[0]
    assert unit.text == "Text more." and unit.notes == ["A note."]


def test_units_quoted_by_an_amendment_are_its_text_not_its_sub_units(akn_file):
    doc = load(akn_file("de-aendg-2017-s419.xml"))
    kinds = [u.kind for u in doc.walk()]
    assert kinds.count("article") == 2
    point = next(u for u in doc.walk() if u.kind == "point")
    assert "§ 20 Absatz 1 Satz 2" in point.text and not point.children
