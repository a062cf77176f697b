"""Versions of a work: selectors, log, point-in-time show, blame (lineage through renumbering) and its outputs."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from lexdraft.cli import main
from lexdraft.errors import LexdraftError
from lexdraft.history import blame, find_work, log, resolve, show

from conftest import DRAFTS, ROOT

CH19 = DRAFTS / "kz-digital-code"
EU = DRAFTS / "foreign" / "eu-ai-act"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # WORK names are looked up under drafts/


@pytest.mark.parametrize("selector, expected", [
    ("kz-digital-code@2024-04-01", "kz-digital-code/2024-04-01-rus.xml"),
    ("kz-digital-code@2024-04-01:kaz", "kz-digital-code/2024-04-01-kaz.xml"),
    ("kz-digital-code:eng@latest", "kz-digital-code/2025-07-01-eng.xml"),
    ("kz-digital-code@2025", "kz-digital-code/2025-07-01-rus.xml"),  # a prefix
    ("kz-digital-code@2025-01-15", "kz-digital-code/2024-04-01-rus.xml"),  # in force then
    ("drafts/kz-digital-code@2025-07-01:kaz", "kz-digital-code/2025-07-01-kaz.xml"),  # a folder path
    ("eu-ai-act@2021", "foreign/eu-ai-act/2021-04-21-eng.xml"),  # found one level deeper
])
def test_resolve(selector, expected):
    assert resolve(selector).replace("\\", "/").endswith(expected)


def test_resolve_lang_argument_and_errors():
    assert resolve("kz-digital-code@latest", lang="kaz").endswith("2025-07-01-kaz.xml")
    with pytest.raises(LexdraftError, match="no version dated '2023'"):
        resolve("kz-digital-code@2023")
    with pytest.raises(LexdraftError, match="no version on or before 2020-01-01"):
        resolve("kz-digital-code@2020-01-01")
    with pytest.raises(LexdraftError, match="no zho expression|no zho expressions"):
        resolve("kz-digital-code@2024-04-01:zho")
    with pytest.raises(LexdraftError, match="no work 'nowhere'"):
        resolve("nowhere@latest")


def test_log_counts_changes_between_neighbours():
    entries = log(find_work("kz-digital-code"))
    assert list(entries) == ["rus", "kaz", "eng"]
    rus = entries["rus"]
    assert [e.version.date for e in rus] == ["2024-04-01", "2025-07-01"]
    assert rus[0].changes is None
    # CHANGES.md: articles 121-1, 121-2, 126-1, 129-1, 135-1, 135-2 inserted; 121, 125-129, 135 amended.
    assert rus[1].changes == {"amended": 7, "inserted": 6, "unchanged": 1}
    assert all(e.provenance == "illustrative" for e in rus)


def test_show_point_in_time():
    _, old = show("kz-digital-code@2024-04-01", "chp_19__art_125__para_1")
    _, new = show("kz-digital-code@2025-07-01", "chp_19__art_125__para_1")
    assert old.text.startswith("Разработчики систем искусственного интеллекта")
    assert new.text.startswith("Разработчики и владельцы систем")
    with pytest.raises(LexdraftError, match="no unit chp_19__art_126-1 in 2024-04-01"):
        show("kz-digital-code@2024-04-01", "chp_19__art_126-1")


def test_blame_chapter19():
    versions, lineages = blame(find_work("kz-digital-code"), "rus")
    by_eid = {x.unit.eid: x for x in lineages}
    assert [v.date for v in versions] == ["2024-04-01", "2025-07-01"]
    new_art = by_eid["chp_19__art_126-1"]
    assert new_art.introduced.date == "2025-07-01" and new_art.introduced.kinds == ("inserted",)
    same = by_eid["chp_19__art_121__para_1"]
    assert same.introduced.date == same.last_changed.date == "2024-04-01"
    amended = by_eid["chp_19__art_125__para_1"]
    assert (amended.introduced.date, amended.last_changed.date) == ("2024-04-01", "2025-07-01")
    assert by_eid["chp_19__art_135__para_3"].last_changed.kinds == ("repealed",)
    assert by_eid["chp_19__art_125__para_1__point_1-1"].introduced.date == "2025-07-01"


def test_blame_follows_renumbering_eu_ai_act():
    _, lineages = blame(find_work("eu-ai-act"))
    arts = {x.unit.eid: x for x in lineages if x.depth == 0}
    # Transparency obligations, penalties and codes of conduct: renumbered between proposal and act.
    for new, old in (("art_50", "Article 52"), ("art_99", "Article 71"), ("art_95", "Article 69")):
        x = arts[new]
        assert x.introduced.date == "2021-04-21" and x.introduced.num == old
        assert "renumbered" in x.last_changed.kinds
    assert arts["art_4"].introduced.kinds == ("inserted",)  # AI literacy is new in the act


def test_blame_on_a_three_version_work(tmp_path):
    # v1 → v2 (revision) → v3 (= v2): the units changed in v2 keep v2 as "last changed" in v3.
    work = tmp_path / "w"
    work.mkdir()
    shutil.copy(CH19 / "2024-04-01-rus.xml", work / "2024-04-01-rus.xml")
    shutil.copy(CH19 / "2025-07-01-rus.xml", work / "2025-07-01-rus.xml")
    shutil.copy(CH19 / "2025-07-01-rus.xml", work / "2026-01-01-rus.xml")
    _, lineages = blame(find_work(str(work)))
    by_eid = {x.unit.eid: x for x in lineages}
    x = by_eid["chp_19__art_125__para_1"]
    assert [s.date for s in x.history] == ["2024-04-01", "2025-07-01", "2026-01-01"]
    assert x.last_changed.date == "2025-07-01" and x.history[-1].kinds == ("unchanged",)
    assert by_eid["chp_19__art_126-1"].introduced.date == "2025-07-01"


def test_cli_log_show_blame(tmp_path):
    r = CliRunner().invoke(main, ["log", "kz-digital-code", "--format", "json"])
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["format"] == "lexdraft.log/1"
    assert data["languages"]["kaz"][1]["changes_from_previous"]["inserted"] == 6
    r = CliRunner().invoke(main, ["show", "kz-digital-code@2024-04-01:kaz", "--unit", "chp_19__art_125"])
    assert r.exit_code == 0 and "125-бап." in r.output and "ILLUSTRATIVE" in r.output
    r = CliRunner().invoke(main, ["blame", "kz-digital-code", "--format", "json"])
    blame_json = json.loads(r.output)
    assert blame_json["format"] == "lexdraft.blame/1" and blame_json["warning"].startswith("ILLUSTRATIVE")
    r = CliRunner().invoke(main, ["blame", "eu-ai-act", "--unit", "art_50"])
    assert r.exit_code == 0 and "art_50  " in r.output and "was Article 52 (art_52)" in r.output
    r = CliRunner().invoke(main, ["show", "kz-digital-code@2023", "--unit", "x"])
    assert r.exit_code == 2 and "no version dated" in r.output


def test_blame_html_is_self_contained_escaped_and_deterministic(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for out in (a, b):
        r = CliRunner().invoke(main, ["blame", "kz-digital-code", "--html", str(out)])
        assert r.exit_code == 0
    html = a.read_text(encoding="utf-8")
    assert a.read_bytes() == b.read_bytes()
    assert "<script" not in html and "http" not in html.split("</style>")[0]  # nothing fetched
    assert 'class="warning"' in html and "ILLUSTRATIVE RECONSTRUCTION" in html
    assert 'id="chp_19__art_126-1"' in html and 'class="cell inserted"' in html
    assert "<th title=\"2024-04-01-rus.xml\">2024-04-01</th>" in html
    r = CliRunner().invoke(main, ["blame", "kz-digital-code", "--unit", "chp_19__art_125", "--html", str(a)])
    one = a.read_text(encoding="utf-8")
    assert "chp_19__art_125__para_1" in one and "chp_19__art_126" not in one


def test_diff_accepts_selectors():
    r = CliRunner().invoke(main, ["diff", "kz-digital-code@2024-04-01", "kz-digital-code@latest"])
    assert r.exit_code == 1 and "6 inserted" in r.output


def test_blame_html_escapes_document_text(tmp_path):
    from lexdraft.akn import load
    from lexdraft.writer import document_to_akn

    doc = load(str(CH19 / "2024-04-01-rus.xml"))
    doc.provisions()[0].heading = "<script>alert(1)</script> & «кавычки»"
    work = tmp_path / "w"
    work.mkdir()
    (work / "2024-04-01-rus.xml").write_bytes(document_to_akn(doc))
    out = tmp_path / "t.html"
    r = CliRunner().invoke(main, ["blame", str(work), "--html", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; «кавычки»" in html


def test_blame_follows_a_moved_article(tmp_path):
    # LEOS fixture: Article 3 moved before Article 2 and the two swapped numbers (MANIFEST V4).
    from conftest import AKN

    work = tmp_path / "leos"
    work.mkdir()
    shutil.copy(AKN / "leos-ec-3articles-v1.xml", work / "2020-01-01-eng.xml")
    shutil.copy(AKN / "leos-ec-3articles-v2-moved.xml", work / "2020-02-01-eng.xml")
    _, lineages = blame(find_work(str(work)))
    arts = [x for x in lineages if x.depth == 0]
    moved = next(x for x in arts if x.unit.eid == "akn_art_B6BGPx")
    assert moved.unit.num == "Article 2" and moved.introduced.num == "Article 3"
    assert moved.introduced.date == "2020-01-01"
    assert moved.last_changed.kinds == ("moved", "renumbered")
    assert all(x.introduced.date == "2020-01-01" for x in lineages)  # nothing is new, only moved


def test_show_follow_lineage():
    _, unit = show("eu-ai-act@2021", "art_50", follow=True)
    assert unit.num == "Article 52" and unit.heading.startswith("Transparency obligations")
    _, same_number = show("eu-ai-act@2021", "art_50")  # without --follow: the proposal's own Article 50
    assert same_number.num == "Article 50" and same_number is not unit
    with pytest.raises(LexdraftError, match="did not exist yet on 2024-04-01 \\(introduced 2025-07-01\\)"):
        show("kz-digital-code@2024", "chp_19__art_126-1", follow=True)


def test_log_counts_a_renamed_chapter(tmp_path):
    """A version that only renamed its chapter is a change in the log, not "no change"."""
    work = tmp_path / "ch19"
    work.mkdir()
    src = (CH19 / "2025-07-01-rus.xml").read_text(encoding="utf-8")
    (work / "2025-07-01-rus.xml").write_text(src, encoding="utf-8")
    renamed = src.replace("ГАРАНТИИ БЕЗОПАСНОГО ИСПОЛЬЗОВАНИЯ", "ГАРАНТИИ НАДЁЖНОГО ИСПОЛЬЗОВАНИЯ")
    renamed = renamed.replace("2025-07-01", "2025-09-01")
    assert renamed.count("НАДЁЖНОГО") == 1
    (work / "2025-09-01-rus.xml").write_text(renamed, encoding="utf-8")
    entries = log(find_work(str(work)))["rus"]
    assert [e.version.date for e in entries] == ["2025-07-01", "2025-09-01"]
    assert entries[1].changes == {"containers": 1, "unchanged": 14}
    result = CliRunner().invoke(main, ["log", str(work)])
    assert result.exit_code == 0, result.output
    assert "containers 1" in result.output
