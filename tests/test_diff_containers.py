"""Containers above the provisions (parts, titles, chapters, sections): paired by the provisions they hold, compared
by number and heading (lexdraft.compare.containers), shown in every view and counted in the exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lexdraft.akn import load
from lexdraft.cli import main
from lexdraft.compare import diff_documents
from lexdraft.compare.jsonfmt import changeset_from_json, changeset_to_json
from lexdraft.compare.textfmt import render_summary, render_unified, to_plain

ROOT = Path(__file__).resolve().parent.parent
AKN = ROOT / "tests" / "data" / "akn"
CH19 = ROOT / "drafts" / "kz-digital-code"
OLD_HEADING = "ГАРАНТИИ БЕЗОПАСНОГО ИСПОЛЬЗОВАНИЯ ТЕХНОЛОГИЙ ИСКУССТВЕННОГО ИНТЕЛЛЕКТА"
NEW_HEADING = "ГАРАНТИИ НАДЁЖНОГО ИСПОЛЬЗОВАНИЯ ТЕХНОЛОГИЙ ИСКУССТВЕННОГО ИНТЕЛЛЕКТА"


@pytest.fixture(scope="module")
def renamed_chapter(tmp_path_factory) -> tuple[Path, Path]:
    """The revised chapter-19 draft, and the same draft with only the chapter's heading changed."""
    src = CH19 / "2025-07-01-rus.xml"
    text = src.read_text(encoding="utf-8")
    assert text.count(f"<heading>{OLD_HEADING}</heading>") == 1
    out = tmp_path_factory.mktemp("containers") / "renamed.xml"
    out.write_text(text.replace(OLD_HEADING, NEW_HEADING), encoding="utf-8")
    return src, out


def _by_num(cs, num: str):
    return next(c for c in cs.containers if any(r.num == num for r in c.old + c.new))


def test_renamed_chapter_is_a_change_though_no_article_changed(renamed_chapter):
    old, new = renamed_chapter
    cs = diff_documents(load(str(old)), load(str(new)))
    assert all(c.kinds == ("unchanged",) for c in cs.changes)
    assert cs.has_changes
    [chapter] = cs.containers
    assert chapter.kinds == ("amended",)
    assert chapter.old[0].kind == "chapter" and chapter.old[0].num == chapter.new[0].num == "Глава 19."
    assert [(o.op, o.text) for o in chapter.heading_ops if o.op != "="] == [("-", "БЕЗОПАСНОГО"), ("+", "НАДЁЖНОГО")]


def test_renamed_chapter_in_every_view_and_the_exit_code(renamed_chapter):
    old, new = renamed_chapter
    runner = CliRunner()
    same = runner.invoke(main, ["diff", str(old), str(old)])
    assert same.exit_code == 0 and "containers:" not in same.output
    result = runner.invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert "containers: 1 amended" in result.output
    assert "heading: ГАРАНТИИ [-БЕЗОПАСНОГО-]{+НАДЁЖНОГО+} ИСПОЛЬЗОВАНИЯ" in result.output
    unified = runner.invoke(main, ["diff", "--format", "unified", str(old), str(new)])
    assert unified.exit_code == 1
    assert f"-Глава 19. {OLD_HEADING}" in unified.output and f"+Глава 19. {NEW_HEADING}" in unified.output
    data = json.loads(runner.invoke(main, ["diff", "--format", "json", str(old), str(new)]).output)
    assert data["changed"] == 0 and data["containers_changed"] == 1
    assert data["containers"][0]["kinds"] == ["amended"]


def test_chapter19_revision_keeps_its_chapter():
    for lang in ("rus", "kaz", "eng"):
        cs = diff_documents(load(str(CH19 / f"2024-04-01-{lang}.xml")), load(str(CH19 / f"2025-07-01-{lang}.xml")))
        assert [c.kinds for c in cs.containers] == [("unchanged",)], lang


@pytest.fixture(scope="module")
def ai_act():
    return diff_documents(load(str(AKN / "eu-ai-act-proposal-2021-206.xml")), load(str(AKN / "eu-ai-act-2024-1689.xml")))


def test_ai_act_titles_pair_with_the_acts_chapters(ai_act):
    """Proposal TITLEs → Regulation CHAPTERs, paired by the articles they hold (checked against both texts)."""
    transparency = _by_num(ai_act, "TITLE IV")
    assert transparency.new[0].num == "CHAPTER IV" and transparency.kinds == ("amended",)
    assert "".join(o.text for o in transparency.heading_ops if o.op == "+") == "PROVIDERS AND DEPLOYERS OF "
    penalties = _by_num(ai_act, "TITLE X")  # Confidentiality and penalties → Chapter XII Penalties
    assert penalties.new[0].num == "CHAPTER XII" and penalties.kinds == ("renumbered", "amended")
    delegation = _by_num(ai_act, "TITLE XI")  # stays XI, but now after Penalties: it left the order
    assert delegation.new[0].num == "CHAPTER XI" and "moved" in delegation.kinds
    gpai = _by_num(ai_act, "CHAPTER V")  # general-purpose AI models: new in the Regulation
    assert gpai.kinds == ("inserted",) and not gpai.old
    final = _by_num(ai_act, "TITLE XII")
    assert final.new[0].num == "CHAPTER XIII" and final.kinds == ("renumbered",)
    # heading-only <section>s of the converted proposal ("Chapter 1") are not reported as repealed structure
    assert not any(r.heading.startswith("Chapter ") for c in ai_act.containers for r in c.old if not c.new)


def test_containers_survive_the_json(ai_act):
    text = changeset_to_json(ai_act)
    back = changeset_from_json(text)
    assert back.containers == ai_act.containers
    assert changeset_to_json(back) == text
    assert render_summary(back) == render_summary(ai_act)
    assert to_plain(render_unified(back)) == to_plain(render_unified(ai_act))


def test_documents_without_containers_and_metadata_only_pairs():
    es = diff_documents(load(str(AKN / "es-boe-2018-16673-original.xml")), load(str(AKN / "es-boe-2018-16673-final.xml")))
    assert es.containers == []
    de = diff_documents(load(str(AKN / "de-vereinsg-1964-08-05.xml")), load(str(AKN / "de-vereinsg-2017-03-15.xml")))
    assert not de.has_changes


def test_empty_containers_pair_by_identifier():
    """LEOS's skeleton part/title/chapter/section hold no article in v1; after the move one holds article 3. They
    are the same containers (same xml:id), so nothing is reported as inserted."""
    cs = diff_documents(load(str(AKN / "leos-ec-3articles-v1.xml")), load(str(AKN / "leos-ec-3articles-v2-moved.xml")))
    assert len(cs.containers) == 4
    assert all(c.kinds == ("unchanged",) for c in cs.containers)


def test_renamed_chapter_is_a_row_of_the_comparative_table(renamed_chapter, tmp_path):
    """Reviewers see the renamed chapter as the table's first row: its own line only (number and heading), the
    deleted word struck in the old column and the new word inserted in the new one — in HTML and in Word."""
    from docx import Document as WordDocument

    from lexdraft.render.rows import build

    old, new = renamed_chapter
    o, n = load(str(old)), load(str(new))
    model = build(diff_documents(o, n), o, n, "ru")
    [row] = model.rows
    assert row.citation == "глава 19" and row.kinds == ("amended",) and row.eid == "chp_19"
    assert [ln.kind for ln in row.old] == [ln.kind for ln in row.new] == ["chapter"]
    assert [op.text for op in row.old[0].heading if op.op == "-"] == ["БЕЗОПАСНОГО"]
    assert [op.text for op in row.new[0].heading if op.op == "+"] == ["НАДЁЖНОГО"]
    html = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["redline", str(old), str(new), "-o", str(html), "--no-timestamp"])
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert '<tr id="row-1" class="row" tabindex="-1" data-row="1" data-eid="chp_19"' in page
    assert "НАДЁЖНОГО</ins>" in page and "БЕЗОПАСНОГО</del>" in page
    assert '<p class="rows-total" data-containers="1">Изменённых глав, разделов, частей: 1</p>' in page
    docx = tmp_path / "t.docx"
    result = CliRunner().invoke(main, ["table", str(old), str(new), "-o", str(docx), "--no-timestamp"])
    assert result.exit_code == 0, result.output
    body = WordDocument(str(docx)).tables[0].rows[1:]
    assert len(body) == 1 and body[0].cells[1].text.startswith("глава 19")
    assert any(run.font.strike and run.text == "БЕЗОПАСНОГО" for p in body[0].cells[2].paragraphs for run in p.runs)


def test_ai_act_container_rows_come_before_their_articles(ai_act):
    o = load(str(AKN / "eu-ai-act-proposal-2021-206.xml"))
    n = load(str(AKN / "eu-ai-act-2024-1689.xml"))
    from lexdraft.render.rows import build

    rows = build(ai_act, o, n, "en").rows
    cites = [r.citation for r in rows]
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    changed = [c for c in ai_act.containers if c.changed]
    assert sum(1 for r in rows if r.old[:1] and r.old[0].kind in ("chapter", "section")
               or r.new[:1] and r.new[0].kind in ("chapter", "section")) >= len(changed)
    # CHAPTER IV (transparency) right before Article 50, its first article
    k = cites.index("CHAPTER IV")
    assert cites[k + 1].startswith("Article 50")


@pytest.mark.parametrize("lang, old_heading, new_heading, wording", [
    ("rus", OLD_HEADING, NEW_HEADING, "заголовок главы 19 изложить в следующей редакции:"),
    ("kaz", "ЖАСАНДЫ ИНТЕЛЛЕКТ ТЕХНОЛОГИЯЛАРЫН ҚАУІПСІЗ ПАЙДАЛАНУ КЕПІЛДІКТЕРІ",
     "ЖАСАНДЫ ИНТЕЛЛЕКТ ТЕХНОЛОГИЯЛАРЫН СЕНІМДІ ПАЙДАЛАНУ КЕПІЛДІКТЕРІ", "19-тараудың тақырыбы мынадай редакцияда жазылсын:"),
])
def test_renamed_chapter_becomes_an_amendment_instruction_that_applies(tmp_path, lang, old_heading, new_heading,
                                                                       wording):
    """The amending instruction a drafter writes for a renamed chapter, checked by applying it to the old text."""
    from lexdraft.amend.apply import apply, text_of
    from lexdraft.amend.drafting import draft

    src = CH19 / f"2025-07-01-{lang}.xml"
    text = src.read_text(encoding="utf-8")
    assert text.count(f"<heading>{old_heading}</heading>") == 1
    renamed = tmp_path / f"renamed-{lang}.xml"
    renamed.write_text(text.replace(old_heading, new_heading), encoding="utf-8")
    o, n = load(str(src)), load(str(renamed))
    ops = draft(o, n, diff_documents(o, n))
    assert [(op.action, op.target.path, op.new) for op in ops] == [("rewrite_heading", (("chapter", "19"),), new_heading)]
    assert text_of(o.units) != text_of(n.units) and text_of(apply(o, ops).units) == text_of(n.units)
    result = CliRunner().invoke(main, ["amend", str(src), str(renamed)])
    assert result.exit_code == 0, result.output
    assert f"1) {wording}\n«{new_heading}»." in result.output


def test_roman_container_numbers_are_cited_in_capitals_and_read_back():
    from lexdraft.amend.parse import citation_en
    from lexdraft.citation import cite_en, cite_ru

    assert cite_en((("chapter", "ii"),)) == "Chapter II"
    assert cite_ru((("chapter", "ii"),), "gen") == "главы II"
    assert citation_en("the heading of Chapter II") == (("chapter", "ii"),)
    assert cite_en((("section", "c"),)) == "Section c"  # a lone c is a letter, not the roman 100
    assert cite_en((("article", "5"), ("point", "iv"))) == "point (iv) of Article 5"  # points keep their brackets


def test_chapter_renamed_in_russian_only_is_a_bilingual_inconsistency(renamed_chapter):
    from lexdraft.compare.bilingual import compare_languages

    old_ru, new_ru = renamed_chapter
    kk = CH19 / "2025-07-01-kaz.xml"
    ru_cs = diff_documents(load(str(old_ru)), load(str(new_ru)))
    kk_cs = diff_documents(load(str(kk)), load(str(kk)))
    report = compare_languages(ru_cs, kk_cs)
    assert [(i.kind, i.key) for i in report.issues] == [("changed-in-one", "chp_19")]
    assert "amended in rus, unchanged in kaz" in report.issues[0].detail
    # the real revision changed the chapter in neither language: still consistent
    both = [diff_documents(load(str(CH19 / f"2024-04-01-{x}.xml")), load(str(CH19 / f"2025-07-01-{x}.xml")))
            for x in ("rus", "kaz")]
    assert compare_languages(*both).issues == []
