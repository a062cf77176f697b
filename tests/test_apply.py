"""Applying amendment instructions: Russian instruction text (including a real "по всему тексту" instruction),
positions reported for instructions that do not apply, and the base left untouched."""

from __future__ import annotations

import pytest

from lexdraft.akn import load
from lexdraft.amend.apply import AmendmentError, apply, text_of
from lexdraft.amend.model import Ref
from lexdraft.amend.parse import citation, parse_text, quoted_units
from lexdraft.errors import LexdraftError

from conftest import DRAFTS, TEXTS

BASE = DRAFTS / "kz-digital-code" / "2024-04-01-rus.xml"
REAL = TEXTS / "kz-law-256-viii-2026-rus-amendments-excerpt.txt"


@pytest.fixture(scope="module")
def base():
    return load(str(BASE))


def test_citation_reads_russian_case_forms():
    assert citation("подпункта 3) пункта 2 статьи 127") == (("article", "127"), ("paragraph", "2"), ("point", "3"))
    assert citation("статьей 126-1") == (("article", "126-1"),)


def test_real_throughout_instruction_is_read():
    ins = parse_text(REAL.read_text(encoding="utf-8"), str(REAL))
    assert len(ins.operations) == 1
    op = ins.operations[0]
    assert op.action == "replace_throughout"
    assert op.line == 5 and op.number == "1"
    assert len(op.pairs) == 11
    assert op.pairs[0] == ("информационная система", "цифровая система")
    assert op.pairs[-1] == ("информационным ресурсом", "цифровым ресурсом")
    assert ("электронных информационных ресурсов", "цифровых ресурсов") in op.pairs


def test_real_throughout_instruction_on_chapter_19_reports_every_missing_phrase(base):
    # Chapter 19 speaks of "системы искусственного интеллекта", not of "информационные системы": the real
    # instruction (written for the Land Code) does not apply, and each phrase not found is reported.
    ins = parse_text(REAL.read_text(encoding="utf-8"), str(REAL))
    with pytest.raises(AmendmentError) as exc:
        apply(base, ins.operations, str(REAL))
    assert len(exc.value.problems) == 11
    assert exc.value.problems[0].line == 5
    assert str(exc.value).startswith(f"{REAL}:5: instruction 1: words «информационная система» not found")


def test_throughout_replaces_every_occurrence(base):
    before = text_of(base.units).count("искусственного интеллекта")
    assert before > 10
    ins = parse_text("по всему тексту слова «искусственного интеллекта» заменить словами «ИИ».")
    after = apply(base, ins.operations)
    assert "искусственного интеллекта" not in text_of(after.units)
    assert text_of(after.units).count("ИИ") >= before
    assert text_of(base.units).count("искусственного интеллекта") == before  # the base is not changed


TEXT = """Внести в проект следующие изменения:
1) в статье 125:
в пункте 1 после слов «Разработчики» дополнить словами «и владельцы»;
пункт 2 исключить;
2) дополнить статьей 126-1 следующего содержания:
«Статья 126-1. Новая статья
1. Первый пункт.
2. Второй пункт:
1) подпункт;
2) еще подпункт.»;
3) заголовок статьи 127 изложить в следующей редакции:
«Новый заголовок».
"""


def test_instruction_text_applies(base):
    ins = parse_text(TEXT)
    assert [op.number for op in ins.operations] == ["1.1", "1.2", "2", "3"]
    assert [op.line for op in ins.operations] == [3, 4, 5, 11]
    out = apply(base, ins.operations)
    art125 = next(u for u in out.provisions() if u.label == "125")
    assert art125.children[0].text.startswith("Разработчики и владельцы систем")
    assert art125.children[1].text == "Исключен."  # the Kazakh convention: the number stays
    labels = [u.label for u in out.provisions()]
    assert labels.index("126-1") == labels.index("126") + 1
    new_art = out.provisions()[labels.index("126-1")]
    assert new_art.heading == "Новая статья"
    assert [c.num for c in new_art.children] == ["1.", "2."]
    assert [c.num for c in new_art.children[1].children] == ["1)", "2)"]
    assert next(u for u in out.provisions() if u.label == "127").heading == "Новый заголовок"


@pytest.mark.parametrize("text, line, message", [
    ("1) пункт 9 статьи 125 исключить.", 1, "instruction 1: article 125 paragraph 9: paragraph 9 not found"),
    ("1) статью 125 изложить в следующей редакции:\n«Статья 125. X\n1. Y.»;\n"
     "2) в пункте 1 статьи 128 слова «нет таких слов» заменить словами «x».", 4,
     "instruction 2: words «нет таких слов» not found in article 128 paragraph 1"),
    ("1) дополнить статьей 125 следующего содержания:\n«Статья 125. Дубль\n1. Текст.».", 1,
     "instruction 1: article 125 already exists"),
])
def test_instruction_that_does_not_apply_is_reported_with_position(base, text, line, message):
    with pytest.raises(AmendmentError) as exc:
        apply(base, parse_text(text, "amend.txt").operations, "amend.txt")
    assert exc.value.line == line
    assert message in str(exc.value)


def test_unreadable_instruction_is_a_one_line_error():
    with pytest.raises(LexdraftError) as exc:
        parse_text("1) статью 125 переставить в конец;", "bad.txt")
    assert str(exc.value).startswith("bad.txt:1: instruction 1: not an instruction lexdraft can read")
    with pytest.raises(LexdraftError, match="unbalanced"):
        parse_text("1) в статье 125 слова «без конца заменить словами «x».", "bad.txt")


def test_quoted_structure_nesting():
    units = quoted_units("Статья 5. Заголовок\n1. Пункт:\n1) подпункт;\nа) буква.\n2. Второй.")
    assert len(units) == 1
    art = units[0]
    assert (art.num, art.heading) == ("Статья 5.", "Заголовок")
    assert [c.num for c in art.children] == ["1.", "2."]
    assert art.children[0].children[0].children[0].num == "а)"


def test_cli_apply_round_trip_and_nothing_written_on_error(tmp_path):
    from click.testing import CliRunner

    from lexdraft.cli import main

    old, new = str(BASE), str(DRAFTS / "kz-digital-code" / "2025-07-01-rus.xml")
    amendment = tmp_path / "amendment.xml"
    r = CliRunner().invoke(main, ["amend", old, new, "--format", "akn", "-o", str(amendment)])
    assert r.exit_code == 0, r.output
    out = tmp_path / "out.xml"
    r = CliRunner().invoke(main, ["apply", old, str(amendment), "-o", str(out)])
    assert r.exit_code == 0, r.output
    result = load(str(out))
    assert result.frbr.date == "2025-07-01"
    assert [text_of([u]) for u in result.provisions()] == [text_of([u]) for u in load(new).provisions()]
    # Russian instruction text, two instructions that do not apply: both reported, nothing written.
    bad = tmp_path / "bad.txt"
    bad.write_text("1) пункт 9 статьи 125 исключить;\n2) в пункте 1 статьи 128 слова «нет» заменить словами «да».\n",
                   encoding="utf-8")
    out2 = tmp_path / "out2.xml"
    r = CliRunner().invoke(main, ["apply", old, str(bad), "-o", str(out2)])
    assert r.exit_code == 2
    assert f"{bad}:1: instruction 1: article 125 paragraph 9: paragraph 9 not found" in r.output
    assert f"{bad}:2: instruction 2: words «нет» not found in article 128 paragraph 1" in r.output
    assert not out2.exists()


def test_kazakh_instruction_text():
    from lexdraft.amend.parse import citation_kk

    assert citation_kk("127-баптың 2-тармағының 3) тармақшасы") == (
        ("article", "127"), ("paragraph", "2"), ("point", "3"))
    base = load(str(DRAFTS / "kz-digital-code" / "2024-04-01-kaz.xml"))
    text = ("1) 125-бапта:\n1-тармақтағы «әзірлеушілер» деген сөздерден кейін «мен иеленушілер» деген сөздермен "
            "толықтырылсын;\n2-тармақ алып тасталсын;\n"
            "2) мынадай мазмұндағы 126-1-баппен толықтырылсын:\n«126-1-бап. Жаңа бап\n1. Мәтін.».\n")
    ins = parse_text(text)
    assert ins.language == "kaz"
    assert [(op.action, op.target.path) for op in ins.operations] == [
        ("insert_words", (("article", "125"), ("paragraph", "1"))),
        ("repeal", (("article", "125"), ("paragraph", "2"))),
        ("insert", ()),
    ]
    out = apply(base, ins.operations)
    art125 = next(u for u in out.provisions() if u.label == "125")
    assert "әзірлеушілер мен иеленушілер" in art125.children[0].text
    assert art125.children[1].text == "Алып тасталды."
    assert [u.label for u in out.provisions()].index("126-1") == [u.label for u in out.provisions()].index("126") + 1


@pytest.mark.parametrize("text, action, path, extra", [
    ("1) статью 52 считать статьей 50.", "renumber", (("article", "52"),), {"new": "Статья 50."}),
    ("1) 52-бап 50-бап деп есептелсін.", "renumber", (("article", "52"),), {"new": "50-бап."}),
    ("1) бүкіл мәтін бойынша «а», «б» деген сөздер тиісінше «в», «г» деген сөздермен ауыстырылсын.",
     "replace_throughout", (), {"pairs": (("а", "в"), ("б", "г"))}),
    ("1) 127-баптың тақырыбы мынадай редакцияда жазылсын:\n«Жаңа».", "rewrite_heading", (("article", "127"),),
     {"new": "Жаңа"}),
    ("1) 128-баптың 1-тармағындағы «x» деген сөздер «y» деген сөздермен ауыстырылсын.", "replace_words",
     (("article", "128"), ("paragraph", "1")), {"old": "x", "new": "y"}),
    ("1) 127-баптың 2-тармағының 3) тармақшасы алып тасталсын.", "repeal",
     (("article", "127"), ("paragraph", "2"), ("point", "3")), {"by_convention": True}),
    ("1) признать утратившим силу подпункт 2) пункта 1 статьи 5.", "repeal",
     (("article", "5"), ("paragraph", "1"), ("point", "2")), {"by_convention": True}),
    ("1) в подпункте 1) пункта 2 статьи 9 слово «а» исключить.", "delete_words",
     (("article", "9"), ("paragraph", "2"), ("point", "1")), {"old": "а"}),
    ("(1) in point (a) of paragraph 1 of Article 5, the words “x y” are replaced by “z”;", "replace_words",
     (("article", "5"), ("paragraph", "1"), ("point", "a")), {"old": "x y", "new": "z"}),
    ("(1) in paragraph 2 of Article 7, the words “and owners” are inserted after “Developers”.", "insert_words",
     (("article", "7"), ("paragraph", "2")), {"old": "Developers", "new": "and owners"}),
    ("(1) Article 52 is renumbered as Article 50.", "renumber", (("article", "52"),), {"new": "Article 50"}),
    ("(1) Article 7 is amended as follows:\n(a) paragraph 3 is deleted;\n(b) the heading is replaced by “New”.",
     "repeal", (("article", "7"), ("paragraph", "3")), {"by_convention": True, "number": "1.1"}),
    ("(1) the following Article 4 is inserted after Article 3:\n“Article 4 AI literacy\nProviders shall act.”.",
     "insert", (), {"after": Ref((("article", "3"),))}),
])
def test_instruction_patterns(text, action, path, extra):
    op = parse_text(text).operations[0]
    assert (op.action, op.target.path) == (action, path)
    for key, value in extra.items():
        assert getattr(op, key) == value


def test_text_without_instructions_is_refused(tmp_path):
    with pytest.raises(LexdraftError, match="no amendment instructions found"):
        parse_text("Просто текст без инструкций.", "plain.txt")
    assert parse_text("[ILLUSTRATIVE]\nИзменений нет.\n").operations == []  # what amend writes for no change
