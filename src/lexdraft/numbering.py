"""Numbers of legal units as drafters write them, and a sort key that orders them correctly.

Numbers are strings: Kazakh/Russian insertions ``17-1`` and ``9-1)``, Russian ``5.1``, EU ``1a``, UK ``5A``,
points ``(a)`` and ``(iv)``. ``label()`` extracts the bare number from a ``<num>`` text in any of the three
languages; ``sort_key()`` orders labels so that 17 < 17-1 < 17-2 < 18 and 1 < 1a < 2.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that may surround a number in a <num> or in running text (ru, kk, en, and a few others seen in the corpus).
_UNIT_WORDS = re.compile(
    r"(?i)(?<!\w)(статья|статьи|статье|глава|главы|раздел|параграф|пункт|подпункт|часть|"
    r"бап|бабы|тарау|тараудың|бөлім|тармақ|тармақша|тармақшасы|параграф|"
    r"article|art\.?|chapter|section|sec\.?|part|title|book|paragraph|para\.?|point|clause|schedule|annex|rule|regulation|"
    r"artículo|articolo|artikel|capítulo|capo|titolo|kifungu|sehemu|§)(?!\w)"
)
_NUMBER = re.compile(
    r"\d+(?:\s*[-–.]\s*\d+)*(?:[-–]?[a-zа-яё](?![a-zа-яё]))?"  # 17-1, 5.1, 1a, 5A, 17а
    r"|(?<![\w])[ivxlcdm]+(?![\w])"  # roman (i), (iv), PART IV
    r"|(?<![\w])[a-zа-яё]{1,3}(?![\w])",  # letters (a), (aa), а)
    re.IGNORECASE,
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_VALID = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


@lru_cache(maxsize=16384)  # pure, and the same few numbers ("1.", "(a)") recur in every article
def label(num: str | None) -> str:
    """The bare number of a unit: ``"Статья 17-1."`` → ``"17-1"``, ``"9-1)"`` → ``"9-1"``, ``"(a)"`` → ``"a"``,
    ``"125-бап."`` → ``"125"``, ``"Article 5a"`` → ``"5a"``. Returns ``""`` when there is no number."""
    if not num:
        return ""
    zh = _ZH_NUM.fullmatch(num.strip())
    if zh:
        return str(chinese_value(next(g for g in zh.groups() if g)))
    text = _UNIT_WORDS.sub(" ", num.replace("\u00a0", " "))
    match = _NUMBER.search(text)
    if not match:
        return ""
    found = re.sub(r"\s+", "", match.group(0)).replace("–", "-")
    # "125-бап" leaves "125-" before the word was removed; a trailing hyphen is not part of the number.
    return found.rstrip("-.").lower()


# Chinese numbering: 第四条 (article 4), 第一章 (chapter 1), （一） and 一、 (points).
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_NUM = re.compile(r"(?:第([一二三四五六七八九十百零〇]+)[条章节款项编]|[（(]([一二三四五六七八九十百零〇]+)[）)]"
                     r"|([一二三四五六七八九十百零〇]+)、)")


def chinese_value(text: str) -> int:
    """Value of a Chinese numeral up to the hundreds: ``四`` → 4, ``十二`` → 12, ``二十四`` → 24, ``一百零五`` → 105."""
    total, digit = 0, 0
    for ch in text:
        if ch == "百":
            total += (digit or 1) * 100
            digit = 0
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _ZH_DIGITS[ch]
    return total + digit


def roman_value(text: str) -> int | None:
    """Value of a lower- or upper-case roman numeral, or None if ``text`` is not one."""
    t = text.lower()
    if not t or not _ROMAN_VALID.match(t):
        return None
    total = 0
    for i, ch in enumerate(t):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(t) and _ROMAN[t[i + 1]] > v else v
    return total


def _segment_key(seg: str, roman: bool) -> tuple:
    m = re.fullmatch(r"(\d+)([a-zа-яё]*)", seg)
    if m:
        return (0, int(m.group(1)), m.group(2))
    if roman:
        value = roman_value(seg)
        if value is not None:
            return (0, value, "")
    return (1, 0, seg)


def sort_key(lbl: str, roman: bool | None = None) -> tuple:
    """Key ordering labels as a drafter would: ``17 < 17-1 < 17-2 < 18``, ``1 < 1a < 1b < 2``, ``5 < 5.1``.

    ``roman``: treat letter labels as roman numerals. ``None`` guesses: multi-letter roman-looking labels
    (``ii``, ``iv``) are roman, single letters (``i``, ``v``, ``x``) are letters unless told otherwise.
    """
    lbl = (lbl or "").lower()
    if roman is None:
        roman = len(lbl) > 1 and roman_value(lbl) is not None
    segs = re.split(r"[-.]", lbl) if lbl else []
    return tuple(_segment_key(s, roman) for s in segs if s != "")


def renumbered(old_num: str, new_num: str) -> bool:
    """True when both numbers have a bare number and the two differ; LEOS's leading minus counts ("-1." numbers a
    unit inserted before 1)."""
    a, b = label(old_num), label(new_num)
    if not a or not b:
        return False
    return (old_num.strip().startswith("-"), a) != (new_num.strip().startswith("-"), b)


def is_insertion(lbl: str) -> bool:
    """True for Kazakh-style inserted numbers (``17-1``), which do not break a numbering sequence."""
    return bool(re.fullmatch(r"\d+(-\d+)+", lbl or ""))
