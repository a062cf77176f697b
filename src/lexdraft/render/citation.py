"""Citing a unit as drafters cite it: "подпункт 3) пункта 2 статьи 125", "125-баптың 2-тармағының 3)
тармақшасы", "Article 125(2)(3)".

Russian names the smallest unit first (nominative) and then its ancestors in the genitive; Kazakh starts from
the article in the genitive and ends with the smallest unit in the possessive; English writes the article and
the sub-unit numbers in brackets.
"""

from __future__ import annotations

from ..model import CONTAINER_KINDS, Unit

# kind -> (nominative, genitive)
_RU = {
    "article": ("статья", "статьи"),
    "paragraph": ("пункт", "пункта"),
    "point": ("подпункт", "подпункта"),
    "subparagraph": ("абзац", "абзаца"),
    "alinea": ("часть", "части"),
    "part": ("раздел", "раздела"),
    "chapter": ("глава", "главы"),
    "section": ("раздел", "раздела"),
    "clause": ("пункт", "пункта"),
    "subsection": ("пункт", "пункта"),
    "subclause": ("подпункт", "подпункта"),
    "indent": ("абзац", "абзаца"),
    "rule": ("правило", "правила"),
}
# kind -> (nominative, genitive, possessive, possessive-genitive)
_KK = {
    "article": ("бап", "баптың", "бабы", "бабының"),
    "paragraph": ("тармақ", "тармақтың", "тармағы", "тармағының"),
    "point": ("тармақша", "тармақшаның", "тармақшасы", "тармақшасының"),
    "subparagraph": ("абзац", "абзацтың", "абзацы", "абзацының"),
    "alinea": ("бөлік", "бөліктің", "бөлігі", "бөлігінің"),
    "part": ("бөлім", "бөлімнің", "бөлімі", "бөлімінің"),
    "chapter": ("тарау", "тараудың", "тарауы", "тарауының"),
    "section": ("бөлім", "бөлімнің", "бөлімі", "бөлімінің"),
    "clause": ("тармақ", "тармақтың", "тармағы", "тармағының"),
    "subsection": ("тармақ", "тармақтың", "тармағы", "тармағының"),
    "subclause": ("тармақша", "тармақшаның", "тармақшасы", "тармақшасының"),
    "indent": ("абзац", "абзацтың", "абзацы", "абзацының"),
}
_EN = {
    "article": "Article", "section": "Section", "chapter": "Chapter", "part": "Part", "rule": "Rule",
    "clause": "Clause", "regulation": "Regulation", "title": "Title", "book": "Book", "paragraph": "Paragraph",
    "point": "Point", "preamble": "Preamble", "recital": "Recital", "transitional": "Transitional provision",
}
# Units cited with a closing bracket after the number: "3)" in Russian and Kazakh.
_BRACKET_KINDS = ("point", "subclause")


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
    return [u for i, u in enumerate(units) if u.label or i == 0 or i == len(units) - 1]


def _number(u: Unit, lang: str) -> str:
    lbl = u.label or _heading_label(u)
    if not lbl:
        return ""
    if u.kind in _BRACKET_KINDS and lang in ("ru", "kk"):
        return f"{lbl})"
    return lbl


def _heading_label(u: Unit) -> str:
    """Some publishers (BOE) put "Artículo 53 bis" in the heading and leave <num> empty."""
    from ..numbering import label

    return label(u.heading) if len(u.heading) <= 40 else ""


def _cite_ru(units: list[Unit]) -> str:
    parts = []
    for i, u in enumerate(reversed(units)):
        nom, gen = _RU.get(u.kind, (u.kind, u.kind))
        word = nom if i == 0 else gen
        num = _number(u, "ru")
        parts.append(f"{word} {num}".strip())
    return " ".join(parts)


def _cite_kk(units: list[Unit]) -> str:
    parts = []
    last = len(units) - 1
    for i, u in enumerate(units):
        nom, gen, poss, poss_gen = _KK.get(u.kind, (u.kind,) * 4)
        if i == 0:
            word = nom if i == last else gen
        else:
            word = poss if i == last else poss_gen
        num = _number(u, "kk")
        if not num:
            parts.append(word)
        elif num.endswith(")"):
            parts.append(f"{num} {word}")
        else:
            parts.append(f"{num}-{word}")
    return " ".join(parts)


def _cite_en(units: list[Unit]) -> str:
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
