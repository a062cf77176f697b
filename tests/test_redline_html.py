"""The HTML redline file: deterministic, self-contained, labelled in the document's language, honest about
provenance, and small enough for the largest real pair."""

from __future__ import annotations

import re
import pytest
from click.testing import CliRunner
from markupsafe import escape

from lexdraft.akn import load
from lexdraft.cli import main
from lexdraft.compare import diff_documents
from lexdraft.render.html import render_html
from redline_support import AI_NEW, AI_OLD, ES_NEW, ES_OLD, chapter19_pair
from conftest import DRAFTS


def _run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def ch19(tmp_path_factory):
    return chapter19_pair("rus")


@pytest.fixture(scope="module")
def ch19_html(ch19, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "chapter19-redline.html"
    code, output = _run("redline", *ch19, "-o", out, "--no-timestamp")
    assert code == 0, output
    return out.read_text(encoding="utf-8")


def test_cli_writes_and_says_where(ch19, tmp_path):
    out = tmp_path / "r.html"
    code, output = _run("redline", *ch19, "-o", out)
    assert code == 0
    assert f"wrote {out}" in output
    assert out.exists()


def test_same_inputs_give_the_same_bytes(ch19, tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for out in (a, b):
        assert _run("redline", *ch19, "-o", out, "--no-timestamp")[0] == 0
    assert a.read_bytes() == b.read_bytes()
    assert "class=\"generated\"" not in a.read_text(encoding="utf-8")
    c = tmp_path / "c.html"
    _run("redline", *ch19, "-o", c)
    stamped = c.read_text(encoding="utf-8")
    assert "class=\"generated\"" in stamped
    # the generation time is the only difference
    assert re.sub(r' · <span class="generated">[^<]*</span>', "", stamped) == a.read_text(encoding="utf-8")


def test_es_pair_renders_identically_twice():
    o, n = load(str(ES_OLD)), load(str(ES_NEW))
    first = render_html(diff_documents(o, n), o, n)
    second = render_html(diff_documents(load(str(ES_OLD)), load(str(ES_NEW))), load(str(ES_OLD)), load(str(ES_NEW)))
    assert first == second


RESOURCE = re.compile(r"""(?:\bsrc\s*=|<link\b|@import|url\s*\(|<iframe|<object|<embed|\bhref\s*=\s*["']?(?:https?:|//))""",
                      re.IGNORECASE)


def test_self_contained_no_external_resources(ch19_html):
    assert not RESOURCE.search(ch19_html), RESOURCE.search(ch19_html)
    assert ch19_html.count("<script>") == 1 and ch19_html.count("<style>") == 1
    assert "default-src 'none'" in ch19_html  # a CSP that forbids any fetch, as a second guard


def test_chapter19_says_it_is_illustrative(ch19_html):
    assert ch19_html.count("ILLUSTRATIVE RECONSTRUCTION") >= 1
    head = ch19_html[: ch19_html.index("<h1>")]
    assert 'class="prov"' in head  # at the very top, before the title


def test_russian_labels_and_counts(ch19, ch19_html):
    for text in ("№ п/п", "Структурный элемент", "Действующая редакция", "Предлагаемая редакция", "Обоснование",
                 "Отсутствует"):
        assert text in ch19_html
    cs = diff_documents(load(str(ch19[0])), load(str(ch19[1])))
    for kind, n in cs.summary().items():
        assert f'data-kind="{kind}" data-count="{n}"' in ch19_html


def test_kazakh_labels_and_ui_lang_override(tmp_path):
    old, new = chapter19_pair("kaz")
    out = tmp_path / "kk.html"
    assert _run("redline", old, new, "-o", out, "--no-timestamp")[0] == 0
    html = out.read_text(encoding="utf-8")
    for text in ("Р/с №", "Құрылымдық элемент", "Қолданыстағы редакция", "Ұсынылып отырған редакция", "Негіздеме"):
        assert text in html
    assert '<html lang="kk">' in html
    en = tmp_path / "en.html"
    assert _run("redline", old, new, "-o", en, "--ui-lang", "en", "--no-timestamp")[0] == 0
    html_en = en.read_text(encoding="utf-8")
    assert "Proposed wording" in html_en and "Ұсынылып отырған редакция" not in html_en
    assert "Article 125(1)(1-1)" in html_en


def test_annotations_fill_the_justification_column(ch19, tmp_path):
    notes = tmp_path / "notes.yaml"
    notes.write_text("chp_19__art_126-1:\n  justification: Рекомендация исследования о маркировке\n"
                     "  comments:\n    - {author: Эксперт, text: Согласовать с пунктом 3 статьи 125}\n"
                     "no_such_unit: x\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["redline", *map(str, ch19), "-o", str(out), "--annotations", str(notes),
                                       "--no-timestamp"])
    assert result.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "Рекомендация исследования о маркировке" in html and "Согласовать с пунктом 3 статьи 125" in html
    assert "no_such_unit" in result.output  # an eId that matches nothing is reported, not silently dropped


def test_bad_input_one_line_no_output(ch19, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<akomaNtoso><act>", encoding="utf-8")
    out = tmp_path / "r.html"
    code, output = _run("redline", ch19[0], broken, "-o", out)
    assert code == 2
    assert output.strip().count("\n") == 0 and str(broken) in output
    assert "Traceback" not in output
    assert not out.exists()
    code, output = _run("redline", ch19[0], ch19[1], "-o", ch19[0])
    assert code == 2 and "input" in output


def test_all_views_present_in_one_file(ch19_html):
    for view in ("view-table", "view-text", "view-side"):
        assert f'id="{view}"' in ch19_html
    # every unit of the new text is addressable by its eId
    assert 'id="chp_19__art_125"' in ch19_html
    assert 'id="chp_19__art_125__para_1__point_1-1"' in ch19_html
    assert ch19_html.count("<ins>") > 10 and ch19_html.count("<del>") >= 1


@pytest.mark.slow
def test_eu_ai_act_redline_is_at_most_3_mb(tmp_path):
    out = tmp_path / "ai.html"
    code, output = _run("redline", AI_OLD, AI_NEW, "-o", out, "--no-timestamp")
    assert code == 0, output
    size = out.stat().st_size
    assert size <= 3 * 1024 * 1024, size
    html = out.read_text(encoding="utf-8")
    assert not RESOURCE.search(html)


def test_table_command_html(ch19, tmp_path):
    out = tmp_path / "t.html"
    assert _run("table", *ch19, "-o", out, "--no-timestamp")[0] == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "№ п/п" in html and "ILLUSTRATIVE RECONSTRUCTION" in html
    code, output = _run("table", *ch19, "-o", tmp_path / "t.pdf")
    assert code == 2 and ".docx or .html" in output


def test_help_has_examples():
    for cmd in ("redline", "table"):
        code, text = _run(cmd, "--help")
        assert code == 0 and "Examples" in text


def test_long_unchanged_runs_fold_but_stay_in_the_file():
    o, n = load(str(ES_OLD)), load(str(ES_NEW))
    html = render_html(diff_documents(o, n), o, n)
    assert 'class="fold"' in html
    # folding hides, never drops: every word of an amended article is still in the file
    text = re.sub(r"<[^>]+>", "", html)
    article = n.find("art_2")
    assert all(w in text for w in article.text.split()[:200])


def test_curated_concordance_in_the_margin(tmp_path):
    conc = DRAFTS / "concordance" / "kz-digital-code-ch19.yaml"
    out = tmp_path / "r.html"
    old, new = chapter19_pair("rus")
    code, output = _run("redline", old, new, "-o", out, "--concordance", conc, "--no-timestamp")
    assert code == 0, output
    html = out.read_text(encoding="utf-8")
    from lexdraft.concordance import load_concordance

    c = load_concordance(str(conc))
    version = c.version_of(str(new))
    links = [ln for ln in c.links if ln.draft and c.applies(ln, version)]
    assert links
    assert html.count('<details class="ce">') >= len({(ln.draft, ln.citation) for ln in links})
    for ln in links[:10]:
        assert str(escape(ln.rationale)) in html


def test_inline_css_and_js_are_our_files_verbatim(ch19_html):
    """The stylesheet and script are included as written (no template syntax inside them gets interpreted)."""
    from importlib.resources import files

    templates = files("lexdraft") / "templates"
    for name in ("redline.css", "redline.js"):
        assert (templates / name).read_text(encoding="utf-8").strip() in ch19_html


def test_bilingual_check_in_the_redline(tmp_path):
    """--counterpart: the chapter-19 revision changes the same units in Russian and Kazakh (no issue); a Kazakh
    text changed where the Russian is not is listed in the summary, linked to the unit."""
    old_ru, new_ru = chapter19_pair("rus")
    old_kk, new_kk = chapter19_pair("kaz")
    out = tmp_path / "bi.html"
    code, output = _run("redline", old_ru, new_ru, "-o", out, "--counterpart", old_kk, new_kk, "--no-timestamp")
    assert code == 0, output
    assert 'class="bilingual" data-issues="0"' in out.read_text(encoding="utf-8")

    unit = load(str(new_kk)).find("chp_19__art_127__para_1")  # unchanged by the revision, in both languages
    raw = new_kk.read_text(encoding="utf-8")
    assert raw.count(unit.text) == 1
    drifted = tmp_path / "2025-07-01-kaz-drifted.xml"
    drifted.write_text(raw.replace(unit.text, unit.text.replace("бақылауымен", "тұрақты бақылауымен")),
                       encoding="utf-8")
    code, output = _run("redline", old_ru, new_ru, "-o", out, "--counterpart", old_kk, drifted, "--no-timestamp")
    assert code == 0 and "1 inconsistencies" in output
    html = out.read_text(encoding="utf-8")
    assert 'data-issues="1"' in html
    assert '<li data-key="chp_19__art_127__para_1">⚠ <a href="#chp_19__art_127__para_1">' in html


def test_bilingual_issue_on_a_changed_row(tmp_path):
    """The Russian revision amends 125(1); a Kazakh text left as it was gets a warning on that table row."""
    old_ru, new_ru = chapter19_pair("rus")
    old_kk, new_kk = chapter19_pair("kaz")
    eid = "chp_19__art_125__para_1"
    before, after = load(str(old_kk)).find(eid).text, load(str(new_kk)).find(eid).text
    assert before != after
    raw = new_kk.read_text(encoding="utf-8")
    assert raw.count(after) == 1
    stale = tmp_path / "2025-07-01-kaz-stale.xml"
    stale.write_text(raw.replace(after, before), encoding="utf-8")
    out = tmp_path / "bi.html"
    code, output = _run("redline", old_ru, new_ru, "-o", out, "--counterpart", old_kk, stale, "--no-timestamp")
    assert code == 0, output
    html = out.read_text(encoding="utf-8")
    row = html[html.index(f'data-eid="{eid}"'):]
    row = row[: row.index("</tr>")]
    assert '<div class="issue">⚠ amended in rus, unchanged in kaz</div>' in row
