"""The diff on real version pairs of the corpus (tests/data/akn/MANIFEST.md, "Versions of the same work")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from lexdraft import akn
from lexdraft.compare import diff_documents
from lexdraft.compare.model import Change, ChangeSet

from conftest import AKN, DRAFTS


@lru_cache(maxsize=None)
def diff(old: str, new: str) -> ChangeSet:
    return diff_documents(akn.load(str(AKN / f"{old}.xml")), akn.load(str(AKN / f"{new}.xml")))


def eids(refs) -> list[str]:
    return [r.eid for r in refs]


def word_changes(c: Change) -> bool:
    """True if this unit or a sub-unit had words inserted or deleted (not only numbers or nesting)."""
    if c.kind in ("inserted", "repealed"):
        return True
    return any(o.op != "=" and not o.cosmetic for o in c.ops + c.heading_ops) or any(word_changes(x) for x in c.children)


def test_spanish_lopdgdd_original_to_final_15_changed_2_inserted_nothing_else() -> None:
    cs = diff("es-boe-2018-16673-original", "es-boe-2018-16673-final")
    summary = cs.summary()
    # 14 articles amended and art_24 set out in a new wording (whistle-blowing information systems → protection
    # of persons reporting infringements: checked by reading both texts; 2% of the words kept).
    assert summary["amended"] == 14 and summary["reworded"] == 1
    assert summary["inserted"] == 2 and summary["unchanged"] == 127
    assert sum(summary.values()) == 144
    assert sorted(e for c in cs.changes if c.kind == "inserted" for e in eids(c.new)) == ["art_53_bis", "da_23"]
    changed = [c for c in cs.changes if c.kind in ("amended", "reworded")]
    assert all(eids(c.old) == eids(c.new) for c in changed)  # every amendment stays at its place and number
    assert sorted(eids(c.new)[0] for c in changed) == sorted(
        "art_2 art_23 art_24 art_44 art_48 art_50 art_64 art_65 art_66 art_67 art_75 art_77 art_83 da_15 df_3".split()
    )
    reworded = next(c for c in changed if c.kind == "reworded")
    assert eids(reworded.new) == ["art_24"] and reworded.similarity < 0.1


def test_german_vereinsgesetz_1964_to_2017_has_no_body_change() -> None:
    cs = diff("de-vereinsg-1964-08-05", "de-vereinsg-2017-03-15")
    assert not cs.has_changes
    assert cs.summary()["unchanged"] == 2


def test_kenya_two_markups_of_one_expression_differ_in_few_words() -> None:
    """xmldiff reports 150 moves (1,015 actions) on this pair; the words differ in 4 sections."""
    cs = diff("ke-act-1997-3-a-v2akn", "ke-act-1997-3-b-v2akn")
    assert len(cs.changes) == 59
    assert cs.summary()["inserted"] == 0 and cs.summary()["repealed"] == 0
    with_words = sorted(eids(c.old)[0] for c in cs.changes if word_changes(c))
    # sec24: "( 1)" typed as text in markup a; sec42: b has a subsection "(4) repeal" a lacks;
    # sec51: ", section 53" only in b; sec52: a heading "Cap. 21." only in a.
    assert with_words == ["sec24", "sec42", "sec51", "sec52"]
    # Markup a puts the first subsection's "(1)" where the section number belongs: a number-only difference.
    renumbered = [c for c in cs.changes if c.kinds == ("renumbered",)]
    assert len(renumbered) == 29 and all(c.similarity == 1.0 for c in renumbered)
    assert all(c.old[0].num in ("(1)", "(l)") for c in renumbered)
    # Sections whose text one markup wraps in an unnumbered subsection and the other does not: unchanged.
    assert cs.summary()["unchanged"] == 26


def test_leos_paragraph_moved_across_articles_is_a_move_with_renumbering() -> None:
    cs = diff("leos-3articles-v1", "leos-3articles-v2-moved")
    art1, art2, art3 = cs.changes
    assert art2.kinds == ("unchanged",)
    dest = [c for c in art1.children if c.placement == "to"]
    src = [c for c in art3.children if c.placement == "from"]
    assert len(dest) == 1 and len(src) == 1
    for c in (dest[0], src[0]):
        assert c.kinds == ("moved", "renumbered")
        assert eids(c.old) == ["akn_art_B6BGPx-par1"] and c.old[0].num == "1."
        assert eids(c.new) == ["akn_art_B6BGPx-par1"] and c.new[0].num == "-1."
        assert c.similarity == 1.0
        assert (c.old[0].container, c.new[0].container) == ("Article 3 Article heading...", "Article 1 Scope")
    # nothing was deleted or inserted anywhere: the only change is the move
    def kinds(c: Change) -> list[str]:
        return [k for x in c.children for k in (x.kind, *kinds(x))]
    assert "inserted" not in kinds(art1) + kinds(art3) and "repealed" not in kinds(art1) + kinds(art3)


def test_leos_article_moved_before_another_with_numbers_swapped() -> None:
    cs = diff("leos-ec-3articles-v1", "leos-ec-3articles-v2-moved")
    assert [c.kinds for c in cs.changes] == [("unchanged",), ("moved", "renumbered"), ("renumbered",)]
    moved = cs.changes[1]
    assert (moved.old[0].num, moved.new[0].num) == ("Article 3", "Article 2")
    assert eids(moved.old) == eids(moved.new) == ["akn_art_B6BGPx"]
    assert (cs.changes[2].old[0].num, cs.changes[2].new[0].num) == ("Article 2", "Article 3")
    assert cs.summary()["inserted"] == cs.summary()["repealed"] == 0


def _pair(cs: ChangeSet, old_heading: str) -> Change:
    return next(c for c in cs.changes if c.old and c.old[0].heading == old_heading)


@lru_cache(maxsize=None)
def diff_paths(old: str, new: str) -> ChangeSet:
    return diff_documents(akn.load(old), akn.load(new))


EU_AI_ACT = [
    (str(AKN / "eu-ai-act-proposal-2021-206.xml"), str(AKN / "eu-ai-act-2024-1689.xml")),
    # the same texts normalised by lexdraft (points split out, eIds rebuilt): drafts/foreign/eu-ai-act
    (str(DRAFTS / "foreign" / "eu-ai-act" / "2021-04-21-eng.xml"), str(DRAFTS / "foreign" / "eu-ai-act" / "2024-06-13-eng.xml")),
]


@pytest.mark.parametrize("old,new", EU_AI_ACT, ids=["corpus", "normalised"])
def test_eu_ai_act_proposal_to_act_pairs_renumbered_articles(old: str, new: str) -> None:
    if not Path(old).exists():
        pytest.skip(f"{old} not present")
    cs = diff_paths(old, new)
    assert len([r for c in cs.changes for r in c.old]) == 85 and len([r for c in cs.changes for r in c.new]) == 113
    for heading, old_num, new_num in (
        ("Transparency obligations for certain AI systems", "Article 52", "Article 50"),
        ("Penalties", "Article 71", "Article 99"),
        ("Codes of conduct", "Article 69", "Article 95"),
        ("Committee procedure", "Article 74", "Article 98"),
    ):
        c = _pair(cs, heading)
        assert (c.old[0].num, [r.num for r in c.new]) == (old_num, [new_num]), heading
        assert "renumbered" in c.kinds
    # Corrective actions (21) and Duty of information (22) became one article 20
    merged = [c for c in cs.changes if c.kind == "merged"]
    assert [([r.num for r in c.old], [r.num for r in c.new]) for c in merged] == [
        (["Article 21", "Article 22"], ["Article 20"])
    ]
    assert merged[0].new[0].heading.startswith("Corrective actions and duty of information")
    # Notified bodies (33) became requirements (31) and operational obligations (34)
    split = [c for c in cs.changes if c.kind == "split"]
    assert [([r.num for r in c.old], [r.num for r in c.new]) for c in split] == [
        (["Article 33"], ["Article 31", "Article 34"])
    ]
    inserted = {c.new[0].heading for c in cs.changes if c.kind == "inserted"}
    assert {"AI literacy", "AI Office", "Right to explanation of individual decision-making"} <= inserted
    ai_literacy = next(c for c in cs.changes if c.kind == "inserted" and c.new[0].heading == "AI literacy")
    assert ai_literacy.new[0].num == "Article 4"
    assert _pair(cs, "Subject matter").kinds[0] in ("amended", "reworded")


@pytest.mark.parametrize("old,new", [
    ("za-bill-2003-v2akn", "za-bill-2003-at-2005-v2akn"),
    ("uk-ssi-2017-102", "uk-ssi-2017-113"),
])
def test_other_pairs_cover_both_documents_exactly_once(old: str, new: str) -> None:
    cs = diff(old, new)
    o, n = akn.load(str(AKN / f"{old}.xml")), akn.load(str(AKN / f"{new}.xml"))
    assert sorted(r.index for c in cs.changes for r in c.old) == list(range(len(o.provisions())))
    assert sorted(r.index for c in cs.changes for r in c.new) == list(range(len(n.provisions())))
