"""The preamble (enacting words, citations, recitals) is compared: as one unit whose recitals are aligned like any
sub-units, shown in every view, counted in the exit code, kept in the JSON (both preambles rebuild exactly)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lexdraft.akn import load
from lexdraft.cli import main
from lexdraft.compare import diff_documents
from lexdraft.compare.bilingual import compare_languages
from lexdraft.compare.jsonfmt import changeset_from_json, changeset_to_json
from lexdraft.compare.rebuild import rebuild, snapshot
from lexdraft.compare.textfmt import render_summary, render_unified, to_plain
from lexdraft.history import find_work, log
from lexdraft.render.rows import build

ROOT = Path(__file__).resolve().parent.parent
AKN = ROOT / "tests" / "data" / "akn"
COE = ROOT / "drafts" / "foreign" / "coe-ai-convention"
KZ_AI = ROOT / "drafts" / "kz-ai-law"


@pytest.fixture(scope="module")
def coe():
    """The Council of Europe convention's zero draft (Jan 2023) and final draft (Mar 2024): preamble excerpts."""
    old, new = load(str(COE / "2023-01-01-eng.xml")), load(str(COE / "2024-03-20-eng.xml"))
    return old, new, diff_documents(old, new)


@pytest.fixture(scope="module")
def ai_act():
    old, new = load(str(AKN / "eu-ai-act-proposal-2021-206.xml")), load(str(AKN / "eu-ai-act-2024-1689.xml"))
    return old, new, diff_documents(old, new)


@pytest.fixture(scope="module")
def preamble_only_change(tmp_path_factory) -> tuple[Path, Path]:
    """The enacted Kazakh AI law (kk) and the same file with one word of its preamble changed."""
    src = KZ_AI / "2025-11-17-kaz.xml"
    text = src.read_text(encoding="utf-8")
    assert text.count("<p>Жасанды интеллект туралы</p>") == 1
    out = tmp_path_factory.mktemp("preamble") / "changed.xml"
    out.write_text(text.replace("<p>Жасанды интеллект туралы</p>", "<p>Жасанды интеллект және роботтар туралы</p>"),
                   encoding="utf-8")
    return src, out


def _recital(change, num: str):
    return next(c for c in change.children if c.new and c.new[0].num == num)


def test_coe_draft_recitals_are_aligned_and_diffed(coe):
    """Checked by reading both texts: recitals 1-3 of the zero draft were reworded slightly (1-3 amended), 4-5
    mostly rewritten, the last two dropped and two new ones added (discrimination; misuse for repression)."""
    _, _, cs = coe
    [pre] = cs.preamble
    assert pre.kind == "amended" and cs.has_changes
    kinds = sorted(c.kind for c in pre.children)
    assert kinds == ["amended"] * 3 + ["inserted"] * 2 + ["repealed"] * 2 + ["reworded"] * 2
    second = _recital(pre, "2.")
    changed = [(o.op, o.text) for o in second.ops if o.op != "="]
    assert changed[:2] == [("-", "cooperation"), ("+", "co-operation")]
    assert "Concerned about the risks of discrimination" in "".join(o.text for o in _recital(pre, "6.").ops)
    # the title line above the recitals is the preamble's own text
    assert any(o.op == "-" and "REVISED ZERO DRAFT" in o.text for o in pre.ops)


def test_ai_act_recitals_renumbered_inserted_and_the_body_unaffected(ai_act):
    old, new, cs = ai_act
    [pre] = cs.preamble
    assert len(old.preamble().children) == 95 and len(new.preamble().children) == 187  # citations + recitals
    counts = {}
    for c in pre.children:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    assert counts["inserted"] >= 180 - 89  # the act has 91 recitals more than the proposal
    assert counts["renumbered"] > 50  # proposal recitals kept under later numbers
    # the provisions are what they were before the preamble was compared: articles only
    assert {r.kind for c in cs.changes for r in c.old + c.new} == {"article"}


def test_identical_preambles_are_unchanged_and_metadata_only_pairs_stay_unchanged():
    for a, b in (("de-vereinsg-1964-08-05.xml", "de-vereinsg-2017-03-15.xml"),
                 ("leos-3articles-v1.xml", "leos-3articles-v1.xml")):
        cs = diff_documents(load(str(AKN / a)), load(str(AKN / b)))
        [pre] = cs.preamble
        assert pre.kinds == ("unchanged",) and not pre.changed
    cs = diff_documents(load(str(AKN / "de-vereinsg-1964-08-05.xml")), load(str(AKN / "de-vereinsg-2017-03-15.xml")))
    assert not cs.has_changes


def test_a_preamble_dropped_is_repealed_and_documents_without_one_have_none():
    cs = diff_documents(load(str(KZ_AI / "2025-01-01-rus.xml")), load(str(KZ_AI / "2025-11-17-rus.xml")))
    [pre] = cs.preamble  # the January 2025 draft opened with a preamble; the enacted text has none
    assert pre.kinds == ("repealed",) and not pre.new
    assert "Настоящий Закон регулирует общественные отношения" in "".join(o.text for o in pre.ops)
    chapter19 = ROOT / "drafts" / "kz-digital-code"
    assert diff_documents(load(str(chapter19 / "2024-04-01-rus.xml")),
                          load(str(chapter19 / "2025-07-01-rus.xml"))).preamble == []


def test_preamble_only_change_in_every_view_and_the_exit_code(preamble_only_change):
    old, new = preamble_only_change
    runner = CliRunner()
    same = runner.invoke(main, ["diff", str(old), str(old)])
    assert same.exit_code == 0 and "preamble:" not in same.output
    result = runner.invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert "preamble: amended" in result.output
    assert "Жасанды интеллект {+және роботтар +}туралы" in result.output
    unified = runner.invoke(main, ["diff", "--format", "unified", str(old), str(new)])
    assert unified.exit_code == 1
    assert "@@ preamble [amended] @@" in unified.output
    assert "-Жасанды интеллект туралы" in unified.output and "+Жасанды интеллект және роботтар туралы" in unified.output
    data = json.loads(runner.invoke(main, ["diff", "--format", "json", str(old), str(new)]).output)
    assert data["preamble_changed"] is True and data["changed"] == 0
    assert data["preamble"][0]["kind"] == "amended"


def test_preamble_survives_the_json_and_both_preambles_rebuild(coe, ai_act):
    for old, new, cs in (coe, ai_act):
        text = changeset_to_json(cs)
        back = changeset_from_json(text)
        assert changeset_to_json(back) == text
        assert rebuild(back.preamble, "old") == [snapshot(old.preamble())]
        assert rebuild(back.preamble, "new") == [snapshot(new.preamble())]
    # a file written before the preamble was compared still reads, as "no preamble"
    data = json.loads(changeset_to_json(coe[2]))
    del data["preamble"], data["preamble_changed"]
    assert changeset_from_json(data).preamble == []


def test_preamble_rebuilds_on_every_corpus_pair_with_a_preamble():
    """Every pair of real documents that have a preamble, each also against itself: the JSON rebuilds both
    preambles exactly, and a document compared with itself has an unchanged preamble."""
    docs = {}
    for p in sorted(AKN.glob("*.xml")):
        try:
            doc = load(str(p))
        except Exception:  # the broken files of the corpus are tested elsewhere
            continue
        if doc.preamble() is not None:
            docs[p.name] = doc
    assert len(docs) >= 15
    for a, b in [(n, n) for n in docs] + list(itertools.combinations(sorted(docs), 2))[:60]:
        cs = changeset_from_json(changeset_to_json(diff_documents(docs[a], docs[b])))
        assert rebuild(cs.preamble, "old") == [snapshot(docs[a].preamble())], (a, b)
        assert rebuild(cs.preamble, "new") == [snapshot(docs[b].preamble())], (a, b)
        if a == b:
            assert not cs.preamble[0].changed


def test_recitals_are_rows_of_the_comparative_table_cited_as_drafters_do(coe, ai_act):
    old, new, cs = coe
    cited = {lang: [r.citation for r in build(cs, old, new, lang).rows] for lang in ("ru", "kk", "en")}
    assert cited["ru"][:3] == ["преамбула", "пункт 1 преамбулы", "пункт 2 преамбулы"]
    assert cited["kk"][:3] == ["кіріспе", "кіріспенің 1-тармағы", "кіріспенің 2-тармағы"]
    assert cited["en"][:3] == ["Preamble", "Recital 1", "Recital 2"]
    model = build(cs, old, new, "en")
    assert model.preamble_changed and len(model.rows) == 1 + 9
    # a preamble mostly rewritten (the AI Act's, similarity under 0.5) still gets a row per recital
    old, new, cs = ai_act
    assert cs.preamble[0].kind == "reworded"
    model = build(cs, old, new, "en")
    recital_rows = [r for r in model.rows if r.citation.startswith("Recital")]
    assert len(recital_rows) > 150
    first_article = next(i for i, r in enumerate(model.rows) if r.citation.startswith("Article"))
    assert all(i < first_article for i, r in enumerate(model.rows) if r.citation.startswith("Recital"))


def test_redline_says_the_preamble_changed(coe, tmp_path):
    out = tmp_path / "coe.html"
    result = CliRunner().invoke(main, ["redline", str(COE / "2023-01-01-eng.xml"), str(COE / "2024-03-20-eng.xml"),
                                       "-o", str(out), "--ui-lang", "ru"])
    assert result.exit_code == 0, result.output
    assert "preamble amended" in result.output
    page = out.read_text(encoding="utf-8")
    assert 'data-preamble="changed"' in page and "Преамбула изменена" in page
    assert "пункт 2 преамбулы" in page


def test_preamble_changed_in_one_language_only_is_a_bilingual_inconsistency(preamble_only_change):
    old, new = preamble_only_change
    changed = diff_documents(load(str(old)), load(str(new)))
    same = diff_documents(load(str(old)), load(str(old)))
    report = compare_languages(changed, same)
    assert [(i.kind, i.detail) for i in report.issues] == [("changed-in-one", "amended in kaz, unchanged in kaz")]


def test_log_counts_a_changed_preamble():
    [entries] = log(find_work("coe-ai-convention", root=str(ROOT / "drafts"))).values()
    assert [e.changes for e in entries][1:] == [{"preamble": 1, "unchanged": 1}] * 3
