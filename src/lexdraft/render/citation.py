"""Citing a unit in the comparative table as drafters cite it: "подпункт 3) пункта 2 статьи 125",
"125-баптың 2-тармағының 3) тармақшасы", "Article 125(2)(3)". The case forms live in ``lexdraft.citation``.

Russian names the smallest unit first (nominative) and then its ancestors in the genitive; Kazakh starts from
the article in the genitive and ends with the smallest unit in the possessive; English writes the article and
the sub-unit numbers in brackets.
"""

from __future__ import annotations

from ..citation import EN as _EN
from ..citation import Path, cite_kk, cite_ru
from ..model import CONTAINER_KINDS, Unit
from ..numbering import label


def cite(chain: list[Unit], lang: str) -> str:
    """Citation of the last unit of ``chain`` (outermost first: [article, paragraph, point]).

    Containers above the top unit (chapters) and unnumbered wrappers in between are left out, as drafters do.
    """
    units = _citable(chain)
    if not units:
        return ""
    if lang == "ru":
        return _cite_ru(units)
    if lang == "kk":
        return _cite_kk(units)
    return _cite_en(units)


def _citable(chain: list[Unit]) -> list[Unit]:
    """The chain from the provision down: containers dropped unless the unit itself is one; unnumbered
    intermediate wrappers dropped, an unnumbered last unit kept (cited by its position)."""
    if not chain:
        return []
    start = 0
    for i, u in enumerate(chain):
        if u.kind not in CONTAINER_KINDS:
            start = i
            break
    else:
        start = len(chain) - 1
    units = chain[start:]
    kept = [u for i, u in enumerate(units) if u.label or i == 0 or i == len(units) - 1]
    if chain[0].kind == "preamble" and kept and kept[0] is not chain[0]:
        kept.insert(0, chain[0])  # a recital is cited with its preamble: "пункт 5 преамбулы"
    return kept


def _label(u: Unit) -> str:
    """The unit's number; some publishers (BOE) put "Artículo 53 bis" in the heading and leave <num> empty."""
    return u.label or (label(u.heading) if len(u.heading) <= 40 else "")


def _path(units: list[Unit]) -> Path:
    return tuple((u.kind, _label(u)) for u in units)


def _cite_ru(units: list[Unit]) -> str:
    return cite_ru(_path(units), "nom")


def _cite_kk(units: list[Unit]) -> str:
    return cite_kk(_path(units), "nom")


def _cite_en(units: list[Unit]) -> str:
    if units[0].kind == "preamble" and len(units) > 1:  # "Recital 5", as EU acts cite their recitals
        units = units[1:]
    top = units[0]
    num_text = top.num.strip().rstrip(".")
    latin = not any("\u0400" <= ch <= "\u04ff" for ch in num_text)  # Cyrillic words are put in English
    if num_text and latin and any(ch.isalpha() for ch in num_text) and len(num_text) > len(top.label) + 1:
        head = num_text  # "Article 5", "CHAPTER I", "Section 12A" as the publisher wrote it
    elif top.label:
        head = f"{_EN.get(top.kind, top.kind.capitalize())} {top.label}"
    elif top.heading and len(top.heading) <= 40:
        head = top.heading
    else:
        head = _EN.get(top.kind, top.kind.capitalize())
    return head + "".join(f"({u.label})" for u in units[1:] if u.label)
