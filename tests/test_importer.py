"""The importer: structured legal text in Russian, Kazakh, English and Chinese → model → strictly valid AKN."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree

from lexdraft.akn import document_from_xml, load, parse_bytes
from lexdraft.cli import main
from lexdraft.errors import LexdraftError
from lexdraft.importer import ImportOptions, blocking, check_akn_bytes, import_file, text_to_document
from lexdraft.validate.schema import compile_schema
from lexdraft.writer import document_to_akn

from conftest import TEXTS

OPTS = ImportOptions(work="/akn/kz/act/code/2024/digital-code", date="2024-04-01")

RUSSIAN = """---
work: /akn/kz/act/code/2024/digital-code
date: 2024-04-01
language: rus
doc_type: bill
status: illustrative
note: test text
---
Глава 19. Гарантии безопасного использования технологий искусственного интеллекта

Статья 125. Прозрачность систем искусственного интеллекта

1. Разработчики раскрывают сведения:
1) о параметрах;
2) об обучающих выборках;
3) о логике;
3-1) о рисках.

2. Лицо вправе проверить достоверность решений.
Вторая часть пункта без номера.

Статья 126-1. Классы риска

Системы делятся на классы.
Вторая часть статьи.
"""

KAZAKH = """19-тарау. Жасанды интеллект технологияларын қауіпсіз пайдалану кепілдіктері

125-бап. Жасанды интеллект жүйелерінің ашықтығы

1. Әзірлеушілер мыналар туралы мәліметтерді ашады:
1) параметрлері;
2) оқыту іріктемелері.

2. Адам шешімдердің дұрыстығын тексеруге құқылы.
"""


def _walk(doc):
    return {u.eid: u for u in doc.walk()}


def test_russian_chapter_structure_and_eids():
    doc = text_to_document(RUSSIAN, "ch19.txt")
    units = _walk(doc)
    art = units["chp_19__art_125"]
    assert (art.num, art.heading) == ("Статья 125.", "Прозрачность систем искусственного интеллекта")
    assert units["chp_19__art_125__para_1"].text == "Разработчики раскрывают сведения:"
    assert [p.num for p in units["chp_19__art_125__para_1"].children] == ["1)", "2)", "3)", "3-1)"]
    assert units["chp_19__art_125__para_1__point_3-1"].text == "о рисках."
    # an unnumbered part after a paragraph's text stays in that paragraph
    assert units["chp_19__art_125__para_2"].text.split("\n")[1] == "Вторая часть пункта без номера."
    assert units["chp_19__art_126-1"].text == "Системы делятся на классы.\nВторая часть статьи."
    assert doc.frbr.doc_type == "bill" and doc.provenance.status == "illustrative"


def test_kazakh_chapter_structure():
    doc = text_to_document(KAZAKH, "kk.txt", OPTS)
    assert doc.frbr.language == "kaz"  # guessed from the Kazakh letters
    units = _walk(doc)
    assert units["chp_19"].num == "19-тарау."
    assert units["chp_19__art_125"].heading == "Жасанды интеллект жүйелерінің ашықтығы"
    assert [p.num for p in units["chp_19__art_125__para_1"].children] == ["1)", "2)"]


def test_imported_chapter_passes_strict_validation_and_lexdraft_rules():
    doc = text_to_document(RUSSIAN, "ch19.txt")
    data = document_to_akn(doc)
    assert compile_schema(False).validate(etree.fromstring(data))
    assert blocking(check_akn_bytes(data, "ch19.xml")) == []
    back = document_from_xml(parse_bytes(data, "ch19.xml"))
    assert [u.eid for u in back.walk()] == [u.eid for u in doc.walk()]  # the model carries the eIds written
    assert "chp_19__art_125__para_1__point_3-1" in {u.eid for u in back.walk()}


def test_eu_points_nest_by_indentation_and_trailing_text_is_a_subparagraph():
    doc, _ = import_file(str(TEXTS / "eu-ai-act-2024-art5.txt"),
                         ImportOptions(work="/akn/eu/act/regulation/2024/1689", date="2024-06-13"))
    art = doc.units[0]
    assert (art.num, art.heading) == ("Article 5", "Prohibited AI practices")
    para1 = art.children[0]
    assert [c.num for c in para1.children] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", ""]
    assert [c.num for c in para1.children[2].children] == ["(i)", "(ii)"]
    assert [c.num for c in para1.children[7].children] == ["(i)", "(ii)", "(iii)"]
    assert para1.children[-1].kind == "subparagraph"
    assert para1.children[-1].text.startswith("Point (h) of the first subparagraph")
    assert len(art.children) == 8


def test_eu_definitions_with_second_and_third_levels():
    doc, _ = import_file(str(TEXTS / "eu-ai-act-2024-art3.txt"),
                         ImportOptions(work="/akn/eu/act/regulation/2024/1689", date="2024-06-13"))
    art = doc.units[0]
    assert len(art.children) == 68 and art.children[0].num == "(1)" and art.children[-1].num == "(68)"
    by_num = {c.num: c for c in art.children}
    assert [c.num for c in by_num["(44)"].children] == []  # (44) has no points; (45) has (a)(b)
    assert [c.num for c in by_num["(45)"].children] == ["(a)", "(b)"]
    assert [c.num for c in by_num["(49)"].children] == ["(a)", "(b)", "(c)", "(d)"]
    deep = [u for u in art.walk() if u.num == "(iii)"]
    assert deep and deep[0].text.startswith("the deployer is established")


def test_kazakh_newspaper_text_without_definition_numbers_is_kept_as_text():
    doc, _ = import_file(str(TEXTS / "kz-ai-law-2025-rus-art1-excerpt.txt"), OPTS)
    art = doc.units[0].children[0]
    assert art.num == "Статья 1." and art.children == []
    assert art.text.split("\n")[0] == "В настоящем Законе используются следующие основные понятия:"


def test_coe_preambles_numbered_and_unnumbered_recitals():
    o = ImportOptions(work="/akn/coe/act/convention/2024/225", date="2024-09-05")
    numbered, _ = import_file(str(TEXTS / "coe-ai-convention-2024-03-final-draft-preamble-excerpt.txt"), o)
    plain, _ = import_file(str(TEXTS / "coe-ai-convention-2024-adopted-preamble-excerpt.txt"), o)
    pre_n, pre_p = numbered.units[0], plain.units[0]
    assert [r.num for r in pre_n.children] == [f"{i}." for i in range(1, 8)]
    assert len(pre_p.children) == 5 and all(r.kind == "recital" and not r.num for r in pre_p.children)
    assert pre_p.text.split("\n")[-1] == "The member States of the Council of Europe and the other signatories hereto,"
    assert pre_p.children[0].text.startswith("Considering that the aim")


def test_structure_preamble_option_makes_numbered_lines_recitals():
    path = str(TEXTS / "coe-ai-convention-2023-12-draft-preamble-excerpt.txt")
    o = ImportOptions(work="/akn/coe/act/convention/2024/225", date="2023-12-18")
    as_body, _ = import_file(path, o)
    assert as_body.units[0].kind == "paragraph"
    o.structure = "preamble"
    as_pre, data = import_file(path, o)
    assert as_pre.units[0].kind == "preamble" and len(as_pre.units[0].children) == 6
    assert compile_schema(False).validate(etree.fromstring(data))


def test_omission_marker_keeps_points_out_of_the_previous_section():
    doc, _ = import_file(str(TEXTS / "us-eo-13859-2019-excerpt.txt"),
                         ImportOptions(work="/akn/us/act/eo/2019/13859", date="2019-02-11"))
    kinds = [u.kind for u in doc.units]
    assert kinds == ["preamble", "section", "omission"]
    section, gap = doc.units[1], doc.units[2]
    assert section.num == "Section 1." and section.children == []
    assert gap.text == "[…]" and [p.num for p in gap.children] == ["(b)", "(c)", "(d)", "(e)", "(f)"]


def test_chinese_articles_and_points():
    doc, data = import_file(str(TEXTS / "cn-genai-measures-2023-art4-zh.txt"),
                            ImportOptions(work="/akn/cn/act/measures/2023/genai", date="2023-07-10"))
    art = doc.units[0]
    assert art.num == "第四条" and art.text.endswith("遵守以下规定：")
    assert [p.num for p in art.children] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert doc.frbr.language == "zho"
    assert compile_schema(False).validate(etree.fromstring(data))


@pytest.mark.parametrize("text, line, message", [
    ("Статья 1. Заголовок\n\n    (i) indented with no parent\n", 3, "no point above it"),
    ("Title line\n\n1) point without any article\n", 3, "no article or paragraph"),
    ("Article 1 Scope\n\n1. Text:\n  (a) two spaces\n", 4, "multiples of 4"),
    ("Just a sentence.\nAnother sentence.\n", 1, "no structure found"),
])
def test_lines_that_cannot_be_structured_give_one_line_errors(text, line, message):
    with pytest.raises(LexdraftError) as err:
        text_to_document(text, "bad.txt", OPTS)
    assert err.value.line == line and message in err.value.message
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("text, message", [
    ("---\nwork: /akn/kz/act/x\ncolour: red\n---\nСтатья 1. А\n", "unknown front matter key 'colour'"),
    ("---\nwork: [unclosed\n---\nСтатья 1. А\n", "not valid YAML"),
    ("---\nwork: /akn/kz/act/x\nСтатья 1. А\n", "never closed"),
    ("---\ndate: 2024-01-01\n---\nСтатья 1. А\n", "no work URI"),
    ("---\nwork: /akn/kz/act/x\ndate: 2024-13-01\n---\nСтатья 1. А\n", "not an ISO date"),
    ("---\nwork: /akn/kz/act/x\ndate: 2024-01-01\nstatus: draft\n---\nСтатья 1. А\n", "status 'draft'"),
    ("---\nwork: /akn/kz/act/x\ndate: 2024-01-01\n---\n\n\n", "empty"),
])
def test_bad_front_matter_and_metadata(text, message):
    with pytest.raises(LexdraftError) as err:
        text_to_document(text, "bad.txt")
    assert message in err.value.message


def test_options_override_front_matter():
    doc = text_to_document(RUSSIAN, "ch19.txt", ImportOptions(date="2025-07-01", status="excerpt"))
    assert doc.frbr.date == "2025-07-01" and doc.provenance.status == "excerpt"
    assert doc.provenance.note == "test text"


def test_cli_import_writes_valid_akn(tmp_path):
    src = tmp_path / "ch19.txt"
    src.write_text(RUSSIAN, encoding="utf-8")
    out = tmp_path / "ch19.xml"
    result = CliRunner().invoke(main, ["import", str(src), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = load(str(out))
    assert doc.find("chp_19__art_126-1") is not None
    assert '"valid": true' in result.stdout


def test_cli_refuses_to_write_invalid_output(tmp_path, monkeypatch):
    import lexdraft.cli.import_ as cli_import

    src = tmp_path / "ch19.txt"
    src.write_text(RUSSIAN, encoding="utf-8")
    out = tmp_path / "ch19.xml"

    def broken(path, options):
        doc, data = import_file(path, options)
        return doc, data.replace(b'date="2024-04-01"', b'date="20240401"')  # a compact date the XSD rejects

    monkeypatch.setattr(cli_import, "import_file", broken)
    result = CliRunner().invoke(main, ["import", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert "not valid, nothing written" in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    result = CliRunner().invoke(main, ["import", str(bad), "--work", "/akn/kz/act/x", "--date", "2024-01-01"])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "bad.txt:1:" in result.stderr


def test_russian_letter_subpoints_nest_under_numbered_points():
    text = "Статья 5. Требования\n\n1. Системы должны:\n1) быть безопасными, в том числе:\nа) надёжными;\nб) устойчивыми;\n2) быть прозрачными.\n"
    doc = text_to_document(text, "x.txt", OPTS)
    para = doc.units[0].children[0]
    assert [p.num for p in para.children] == ["1)", "2)"]
    assert [p.num for p in para.children[0].children] == ["а)", "б)"]
    assert para.children[0].children[1].eid == "art_5__para_1__point_1__point_б"


def test_eu_preamble_citations_recitals_and_formulas():
    text = ("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,\n\nWhereas:\n\n"
            "Having regard to the Treaty on the Functioning of the European Union,\n\n"
            "Having regard to the proposal from the European Commission,\n\n"
            "(1) The purpose of this Regulation is to improve the functioning of the internal market.\n\n"
            "(2) This Regulation should be applied.\n\nArticle 1\nSubject matter\n\n1. This Regulation lays down:\n"
            "(a) harmonised rules;\n(b) prohibitions.\n\nArticle 18 of Regulation (EU) 2019/1020 shall apply.\n"
            "That subparagraph lists:\n(a) one;\n(b) two.\n")
    doc = text_to_document(text, "eu.txt", ImportOptions(work="/akn/eu/act/regulation/2024/1689",
                                                         date="2024-06-13", article_ids="flat"))
    pre, art = doc.units
    assert pre.text == "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,\nWhereas:"
    assert [(c.kind, c.num) for c in pre.children] == [("citation", ""), ("citation", ""), ("recital", "(1)"),
                                                      ("recital", "(2)")]
    assert (art.num, art.heading, art.eid) == ("Article 1", "Subject matter", "art_1")
    para = art.children[0]
    # "Article 18 of …" is a sentence of paragraph 1, not a new article; the points after "That subparagraph
    # lists:" belong to that subparagraph, not to paragraph 1
    assert [c.kind for c in para.children] == ["point", "point", "subparagraph", "subparagraph"]
    assert para.children[2].text.startswith("Article 18 of Regulation")
    assert [c.num for c in para.children[3].children] == ["(a)", "(b)"]
    data = document_to_akn(doc, flat_articles=True)
    assert compile_schema(False).validate(etree.fromstring(data))


def test_cli_article_ids_flat(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("CHAPTER I\nGENERAL\n\nArticle 1\nScope\n\n1. Text.\n", encoding="utf-8")
    out = tmp_path / "a.xml"
    r = CliRunner().invoke(main, ["import", str(src), "-o", str(out), "--work", "/akn/eu/act/x/2024/1",
                                  "--date", "2024-06-13", "--article-ids", "flat"])
    assert r.exit_code == 0, r.output
    assert load(str(out)).find("art_1__para_1") is not None


def test_full_russian_and_kazakh_hierarchies():
    ru = ("Раздел 2. ЦИФРОВЫЕ ТЕХНОЛОГИИ\n\nГлава 19. Искусственный интеллект\n\nПараграф 1. Общие положения\n\n"
          "Статья 121. Принципы\n\n1. Текст.\n\nПараграф 2. Риски\n\nСтатья 122. Классы\n\nТекст статьи.\n")
    doc = text_to_document(ru, "ru.txt", OPTS)
    assert [(u.kind, u.eid) for u in doc.walk()] == [
        ("part", "part_2"), ("chapter", "part_2__chp_19"), ("section", "part_2__chp_19__sec_1"),
        ("article", "part_2__chp_19__sec_1__art_121"), ("paragraph", "part_2__chp_19__sec_1__art_121__para_1"),
        ("section", "part_2__chp_19__sec_2"), ("article", "part_2__chp_19__sec_2__art_122")]
    doc, _ = import_file(str(TEXTS / "kz-digital-code-2026-kaz-art1-excerpt.txt"), OPTS)
    assert [(u.kind, u.num) for u in doc.walk()][:3] == [("part", "1-БӨЛІМ."), ("chapter", "1-тарау."),
                                                        ("article", "1-бап.")]
    para1 = doc.find("part_1__chp_1__art_1__para_1")
    assert para1.text.split("\n")[1].startswith("Цифрлық орта деп")  # the second part of the Kazakh para 1


def test_eu_inserted_numbers_are_units_not_text():
    """The Parliament's inserted paragraph "3a." and point "(iiia)" (drafts/foreign/eu-ai-act-ep-amendments) are
    numbered units with their own eIds, not text run into the unit before them."""
    from pathlib import Path

    doc = load(str(Path(__file__).resolve().parent.parent / "drafts/foreign/eu-ai-act-ep-amendments/2023-06-14-eng.xml"))
    art13 = next(u for u in doc.provisions() if u.label == "13")
    assert [p.num for p in art13.children] == ["1.", "2.", "3.", "3a."]
    assert art13.children[3].eid == "art_13__para_3a"
    assert art13.children[3].text.startswith("In order to comply with the obligations")
    points = [p.num for p in art13.children[2].walk() if p.kind == "point"]
    assert "(iiia)" in points and "(ea)" in points
    art52 = next(u for u in doc.provisions() if u.label == "52")
    assert [p.num for p in art52.children] == ["1.", "2.", "3.", "3a.", "3b.", "4."]
