"""The curated concordance and the foreign provisions it links to: real files in drafts/ only."""

from __future__ import annotations

import glob
import os

import pytest
from click.testing import CliRunner

from lexdraft.akn import load
from lexdraft.cli import main
from lexdraft.concordance import LABELS, check_concordance, load_concordance
from lexdraft.concordance.provisions import provisions_of
from lexdraft.concordance.topics import load_lexicon
from lexdraft.importer import import_file

from conftest import DRAFTS

CONCORDANCE = DRAFTS / "concordance" / "kz-digital-code-ch19.yaml"
MY_FOREIGN = sorted(
    p for p in glob.glob(str(DRAFTS / "foreign" / "*" / "*.xml")) if os.sep + "eu-ai-act" + os.sep not in p
)


@pytest.fixture(scope="module")
def conc():
    return load_concordance(str(CONCORDANCE))


def test_every_link_resolves_to_a_real_unit():
    assert check_concordance(str(CONCORDANCE)) == []


def test_concordance_is_typed_and_complete(conc):
    assert "not legal equivalence" in conc.caveat
    assert set(conc.drafts) == {"reconstruction", "revised"}
    labels = {ln.label for ln in conc.links}
    assert labels == set(LABELS)  # all four labels are used
    topics = set(load_lexicon().ids)
    assert {u.topic for u in conc.units.values()} <= topics
    # Every article of both drafts has a main topic and at least one row.
    for path in conc.drafts.values():
        for p in provisions_of(load(path)):
            assert p.eid in conc.units, p.eid
            assert conc.links_for(p.eid), p.eid
    for ln in conc.links:
        assert ln.rationale and "\n" not in ln.rationale
        if ln.label != "Gap":
            assert ln.draft and ln.eid and ln.text, ln  # the foreign text is resolved for the redline margin


def test_the_issue_examples_are_in_the_gold_set(conc):
    def linked(draft: str, work: str, eid: str) -> bool:
        return any(ln.draft == draft and ln.work == work and ln.eid == eid for ln in conc.links)

    assert linked("chp_19__art_127", "eu-ai-act-2024", "art_14")
    assert linked("chp_19__art_125", "eu-ai-act-2024", "art_13")
    assert linked("chp_19__art_125", "eu-ai-act-2024", "art_50")
    assert linked("chp_19__art_126", "eu-ai-act-2024", "art_86")
    assert linked("chp_19__art_129", "eu-ai-act-2024", "art_10__para_2__point_f")
    # The hard ones: liability, IP and principles are covered, with Gap rows where a regime is silent.
    for eid in ("chp_19__art_121", "chp_19__art_134", "chp_19__art_135"):
        assert any(ln.label == "Gap" for ln in conc.links_for(eid)) or eid == "chp_19__art_121"
        assert any(ln.label != "Gap" for ln in conc.links_for(eid))


def test_version_limited_rows(conc):
    art6 = [ln for ln in conc.links if not ln.draft and ln.eid == "art_6"]
    assert art6 and all(ln.versions == ("reconstruction",) for ln in art6)
    assert conc.applies(art6[0], "reconstruction") and not conc.applies(art6[0], "revised")


def _copy_with(tmp_path, old: str, new: str) -> str:
    """The concordance with one change, its relative paths made absolute so the copy still resolves."""
    text = CONCORDANCE.read_text(encoding="utf-8").replace("path: ../", f"path: {DRAFTS}/")
    text = text.replace("  reconstruction: ../", f"  reconstruction: {DRAFTS}/")
    text = text.replace("  revised: ../", f"  revised: {DRAFTS}/")
    assert old in text
    out = tmp_path / "c.yaml"
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(out)


def test_a_broken_link_is_a_finding_with_file_line_and_rule(tmp_path):
    path = _copy_with(tmp_path, "eid: art_14\n", "eid: art_14__para_99\n")
    findings = check_concordance(path)
    assert len(findings) == 1
    f = findings[0]
    assert f.rule == "concordance-link" and f.severity == "error" and f.file == path
    lines = open(path, encoding="utf-8").read().split("\n")
    assert "- draft: chp_19__art_127" in lines[f.line - 1]  # the line of the link's entry
    assert "art_14__para_99" in f.message


def test_unknown_draft_unit_and_work_are_findings(tmp_path):
    path = _copy_with(tmp_path, "draft: chp_19__art_129\n", "draft: chp_19__art_130\n")
    assert any("chp_19__art_130" in f.message for f in check_concordance(path))
    path = _copy_with(tmp_path, "work: cn-measures-zh\n", "work: cn-measures-xx\n")
    assert any("unknown work 'cn-measures-xx'" in f.message for f in check_concordance(path))


def test_malformed_yaml_is_one_finding(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("caveat: x\nlinks: [\n  - draft: a\n", encoding="utf-8")
    findings = check_concordance(str(bad))
    assert len(findings) == 1 and findings[0].line is not None


def test_bad_label_names_its_line(tmp_path):
    path = _copy_with(tmp_path, "label: Full\n", "label: Equivalent\n")
    [f] = check_concordance(path)
    assert "Equivalent" in f.message and f.line


def test_validate_command_checks_the_concordance(tmp_path):
    ok = CliRunner().invoke(main, ["validate", str(CONCORDANCE)])
    assert ok.exit_code == 0, ok.output
    bad = CliRunner().invoke(main, ["validate", _copy_with(tmp_path, "eid: art_86\n", "eid: art_86x\n")])
    assert bad.exit_code == 1 and "concordance-link" in bad.output


def test_redline_margin_reads_the_concordance():
    from lexdraft.render.annotations import load_concordance_file

    entries = load_concordance_file(str(CONCORDANCE))
    art127 = {e.citation: e for e in entries["chp_19__art_127"]}
    eu14 = next(e for c, e in art127.items() if "Article 14" in c)
    assert eu14.label == "partial" and "overseen by natural persons" in eu14.full_text


@pytest.mark.parametrize("path", MY_FOREIGN, ids=lambda p: os.path.relpath(p, DRAFTS))
def test_foreign_texts_say_what_they_are(path):
    doc = load(path)
    assert doc.provenance.status in ("excerpt", "unofficial-translation", "quotation")
    assert doc.provenance.note and doc.provenance.source
    assert doc.provenance.warning  # shown in every output
    assert os.path.relpath(path, DRAFTS).replace(os.sep, "/") in (DRAFTS / "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", MY_FOREIGN, ids=lambda p: os.path.relpath(p, DRAFTS))
def test_foreign_texts_are_reproducible_from_their_sources(path):
    src = os.path.join(os.path.dirname(path), "src", os.path.basename(path)[:-4] + ".txt")
    _, data = import_file(src)
    with open(path, "rb") as fh:
        assert fh.read() == data


def test_chinese_article_keeps_its_number():
    doc = load(str(DRAFTS / "foreign" / "cn-genai-measures" / "2023-07-10-zho.xml"))
    assert doc.find("art_4") is not None and doc.find("art_4__point_2") is not None


def test_omission_is_kept_in_the_eo_excerpt():
    doc = load(str(DRAFTS / "foreign" / "us-eo-13859" / "2019-02-11-eng.xml"))
    kinds = [u.kind for u in doc.walk()]
    assert "omission" in kinds
    # The objectives after the gap are not attached to Sec. 1.
    assert not any(c.kind == "point" for c in doc.find("sec_1").walk())


def test_ep_articles_are_the_commission_text_with_the_parliament_rows_applied():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("build_ep_articles", ROOT / "scripts" / "build_ep_articles.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    src = DRAFTS / "foreign" / "eu-ai-act-ep-amendments" / "src" / "2023-06-14-eng.txt"
    assert mod.build_text() == src.read_text(encoding="utf-8")  # the committed text is what the script builds
    doc = load(str(DRAFTS / "foreign" / "eu-ai-act-ep-amendments" / "2023-06-14-eng.xml"))
    stop = doc.find("art_14__para_4__point_e").text
    assert "come to a halt in a safe state" in stop  # Amendment 319's words
    # Point 4(c) was not amended: it is the Commission's wording, word for word.
    from conftest import TEXTS

    com = (TEXTS / "eu-ai-act-proposal-2021-art14.txt").read_text(encoding="utf-8")
    assert "(c) " + doc.find("art_14__para_4__point_c").text in com
    assert doc.find("art_68c") is not None and doc.find("art_4a__para_1__point_e") is not None


def test_topic_lexicon_covers_three_languages():
    lexicon = load_lexicon()
    assert len(lexicon.topics) >= 17
    for t in lexicon.topics:
        assert {"en", "ru", "kk"} <= set(t.labels), t.id
        assert all(t.terms[lang] for lang in ("ru", "kk", "en")), t.id
    assert lexicon.get("robustness-security").label("en") == "Robustness, accuracy and security"
