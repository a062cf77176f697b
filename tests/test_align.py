"""Alignment of sibling units: content wins over eIds, moves and renumbering, splits and merges, repeals."""

from __future__ import annotations

from lexdraft.compare.align import align, is_repealed_text, moved_pairs
from lexdraft.model import Unit

TEXTS = [
    "The provider shall keep the technical documentation for ten years after the system is placed on the market",
    "Member States shall lay down the rules on penalties applicable to infringements of this Regulation",
    "The Commission shall adopt implementing acts establishing common specifications for the requirements",
    "Deployers shall inform natural persons that they are exposed to the operation of an emotion recognition system",
    "This Regulation shall enter into force on the twentieth day following its publication in the Official Journal",
]


def art(num: int | str, text: str, heading: str = "", eid: str | None = None, wid: str = "") -> Unit:
    return Unit(kind="article", eid=eid or f"art_{num}", wid=wid, num=f"Article {num}", heading=heading, text=text)


def pairs_of(old: list[Unit], new: list[Unit]) -> list[tuple[list[str], list[str], str]]:
    return [([old[i].num for i in p.old], [new[j].num for j in p.new], p.how) for p in align(old, new)]


def test_renumbered_articles_pair_by_content_although_eids_now_name_other_text() -> None:
    old = [art(1, TEXTS[0]), art(2, TEXTS[1]), art(3, TEXTS[2])]
    # an article inserted at the front: every later article is renumbered, and eId art_2 now holds TEXTS[0]
    new = [art(1, TEXTS[3]), art(2, TEXTS[0]), art(3, TEXTS[1]), art(4, TEXTS[2])]
    got = {(tuple(o), tuple(n)) for o, n, _ in pairs_of(old, new)}
    assert got == {
        ((), ("Article 1",)),
        (("Article 1",), ("Article 2",)),
        (("Article 2",), ("Article 3",)),
        (("Article 3",), ("Article 4",)),
    }


def test_a_renumbering_is_not_a_move_but_a_swap_is() -> None:
    old = [art(1, TEXTS[0]), art(2, TEXTS[1]), art(3, TEXTS[2])]
    shifted = [art(1, TEXTS[3]), art(2, TEXTS[0]), art(3, TEXTS[1]), art(4, TEXTS[2])]
    assert moved_pairs(align(old, shifted)) == set()
    swapped = [art(1, TEXTS[0]), art(2, TEXTS[2]), art(3, TEXTS[1])]
    pairs = align(old, swapped)
    moved = [pairs[k] for k in moved_pairs(pairs)]
    assert len(moved) == 1 and len(moved[0].old) == 1


def test_amended_text_pairs_by_similarity_and_rewritten_text_by_number_and_heading() -> None:
    old = [art(1, TEXTS[0], "Documentation"), art(2, TEXTS[1], "Penalties")]
    new = [art(1, TEXTS[0].replace("ten years", "five years"), "Documentation keeping"),
           art(2, TEXTS[4], "Penalties")]
    got = {(tuple(o), tuple(n)): how for o, n, how in pairs_of(old, new)}
    assert got[("Article 1",), ("Article 1",)] in ("in-place", "similar")
    assert got[("Article 2",), ("Article 2",)] == "number+heading"


def test_unrelated_articles_are_repeal_and_insertion_not_a_pair() -> None:
    got = pairs_of([art(7, TEXTS[0], "A")], [art(8, TEXTS[1], "B")])
    assert sorted(got) == [([], ["Article 8"], "inserted"), (["Article 7"], [], "repealed")]


def test_wid_is_used_when_the_text_still_agrees() -> None:
    old = [art(1, TEXTS[0], wid="w1"), art(2, TEXTS[0] + " and longer", wid="w2")]
    new = [art(1, TEXTS[0] + " and longer", wid="w2"), art(2, TEXTS[0], wid="w1")]
    assert sorted(pairs_of(old, new)) == [(["Article 1"], ["Article 2"], "wid"), (["Article 2"], ["Article 1"], "wid")]


def test_split_and_merge() -> None:
    whole = TEXTS[0] + ". " + TEXTS[1]
    got = pairs_of([art(5, whole)], [art(5, TEXTS[0]), art("5-1", TEXTS[1])])
    assert got == [(["Article 5"], ["Article 5", "Article 5-1"], "split")]
    got = pairs_of([art(5, TEXTS[0]), art(6, TEXTS[1])], [art(5, whole)])
    assert got == [(["Article 5", "Article 6"], ["Article 5"], "merge")]


def test_repealed_unit_keeps_its_place() -> None:
    old = [art(1, TEXTS[0]), art(2, TEXTS[1]), art(3, TEXTS[2])]
    new = [art(1, TEXTS[0]), art(3, TEXTS[2])]
    got = pairs_of(old, new)
    assert got[1] == (["Article 2"], [], "repealed")  # after article 1, where it stood
    repealed_in_place = [art(1, TEXTS[0]), art(2, "Исключен."), art(3, TEXTS[2])]
    assert (["Article 2"], ["Article 2"], "same-label") in pairs_of(old, repealed_in_place)


def test_repealed_texts() -> None:
    for t in ("Исключен.", "Исключена Законом РК от 30.12.2020 № 397-VI.", "Алып тасталды.",
              "Алып тасталды - ҚР 2020.12.30 № 397-VI Заңымен.", "[Repealed]", "Deleted.", "утратила силу"):
        assert is_repealed_text(t), t
    for t in ("Deleted data shall be erased without delay.", "Исключение составляют случаи", ""):
        assert not is_repealed_text(t), t


def test_equal_repeated_texts_pair_by_number() -> None:
    old = [art(1, "Исключен."), art(2, "Исключен."), art(3, TEXTS[0])]
    new = [art(1, "Исключен."), art(2, "Исключен."), art(3, TEXTS[0])]
    assert [(o, n) for o, n, _ in pairs_of(old, new)] == [
        (["Article 1"], ["Article 1"]), (["Article 2"], ["Article 2"]), (["Article 3"], ["Article 3"])
    ]
