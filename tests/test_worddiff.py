"""Word-level diff: ops over the original text rebuild both sides exactly; tokens stay whole; normalisation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lexdraft.compare.worddiff import bag_similarity, changed_words, new_text, old_text, stats, word_ops

PIECES = [
    "право", "жасанды", "интеллект", "жүйесі", "ҚР", "17-1)", "5.1", "«данные»", '"data"', "system", "Статья", "125-бап",
    ",", ".", ";", " ", "  ", "\n", "\u00a0", "(a)", "әзірлеуші", "пайдаланушы", "and", "the", "ё", "е",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_ops_rebuild_both_texts_exactly(a: str, b: str) -> None:
    ops = word_ops(a, b)
    assert old_text(ops) == a
    assert new_text(ops) == b
    assert word_ops(a, b) == ops  # deterministic


@settings(max_examples=200, deadline=None)
@given(texts)
def test_identical_text_is_one_kept_run(a: str) -> None:
    ops = word_ops(a, a)
    assert all(o.op == "=" for o in ops)
    assert stats(ops).similarity == 1.0


def test_kazakh_numbers_stay_whole() -> None:
    ops = word_ops("17-1) жүйесі туралы", "17-2) жүйесі туралы")
    assert [(o.op, o.text) for o in ops if o.op != "="] == [("-", "17-1)"), ("+", "17-2)")]


def test_cyrillic_words_are_diffed_as_words_not_letters() -> None:
    ops = word_ops("Разработчики систем искусственного интеллекта", "Разработчики и владельцы систем искусственного интеллекта")
    assert [(o.op, o.text) for o in ops] == [
        ("=", "Разработчики "), ("+", "и владельцы "), ("=", "систем искусственного интеллекта")
    ]
    deleted, inserted = changed_words(ops)
    assert deleted == [] and inserted == ["и", "владельцы"]


def test_quote_style_and_spacing_are_cosmetic_not_changes() -> None:
    a, b = "термин «данные»  означает", 'термин "данные" означает'
    ops = word_ops(a, b)
    assert old_text(ops) == a and new_text(ops) == b
    assert all(o.op == "=" or o.cosmetic for o in ops)
    assert not stats(ops).changed
    assert changed_words(ops) == ([], [])


def test_similarity_counts_words_kept() -> None:
    s = stats(word_ops("a b c d", "a b x y"))
    assert (s.kept, s.deleted, s.inserted) == (2, 2, 2)
    assert s.similarity == 0.5


def test_long_texts_with_little_in_common_are_shown_as_replaced() -> None:
    a = " ".join(f"alpha{i}" for i in range(300))
    b = " ".join(f"beta{i}" for i in range(300))
    ops = word_ops(a, b)
    assert [o.op for o in ops] == ["-", "+"]
    assert bag_similarity(a, b) == 0.0
