"""Citing a unit as drafters do, in Russian, Kazakh and English — one place for the case forms.

A unit is cited by its path from the article down, ``(("article", "127"), ("paragraph", "2"), ("point", "3"))``.
Russian names the smallest unit first, in the case the sentence needs, and its ancestors in the genitive:
"подпункт 3) пункта 2 статьи 127", "в подпункте 3) пункта 2 статьи 127". Kazakh starts from the article in the
genitive and ends with the smallest unit in a possessive form: "127-баптың 2-тармағының 3) тармақшасы". English
has two styles: the compact reference a reader scans ("Article 127(2)(3)", ``cite_en_compact``) and the wording of
amending acts ("point (3) of paragraph 2 of Article 127", ``cite_en``).
"""

from __future__ import annotations

from .numbering import roman_value

Path = tuple[tuple[str, str], ...]  # ((kind, bare number), …) from the article down

# Russian case forms: nominative, accusative, genitive, instrumental, prepositional.
RU: dict[str, tuple[str, str, str, str, str]] = {
    "article": ("статья", "статью", "статьи", "статьей", "статье"),
    "paragraph": ("пункт", "пункт", "пункта", "пунктом", "пункте"),
    "point": ("подпункт", "подпункт", "подпункта", "подпунктом", "подпункте"),
    "subparagraph": ("абзац", "абзац", "абзаца", "абзацем", "абзаце"),
    "indent": ("абзац", "абзац", "абзаца", "абзацем", "абзаце"),
    "alinea": ("часть", "часть", "части", "частью", "части"),
    "chapter": ("глава", "главу", "главы", "главой", "главе"),
    "section": ("параграф", "параграф", "параграфа", "параграфом", "параграфе"),  # параграф of a code
    "part": ("раздел", "раздел", "раздела", "разделом", "разделе"),
    "clause": ("пункт", "пункт", "пункта", "пунктом", "пункте"),
    "subsection": ("пункт", "пункт", "пункта", "пунктом", "пункте"),
    "subclause": ("подпункт", "подпункт", "подпункта", "подпунктом", "подпункте"),
    "rule": ("правило", "правило", "правила", "правилом", "правиле"),
    "preamble": ("преамбула", "преамбулу", "преамбулы", "преамбулой", "преамбуле"),
    "recital": ("пункт", "пункт", "пункта", "пунктом", "пункте"),  # "пункт 5 преамбулы"
    "citation": ("абзац", "абзац", "абзаца", "абзацем", "абзаце"),  # "Having regard to …": "абзац преамбулы"
    "eid": ("структурная единица", "структурную единицу", "структурной единицы", "структурной единицей",
            "структурной единице"),
}
RU_CASE = {"nom": 0, "acc": 1, "gen": 2, "ins": 3, "prep": 4}


def _kk(bare: str, forms: tuple[str, ...], poss: tuple[str, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return bare, forms, poss


# Kazakh: bare forms (nom, gen, loc, attr "…дағы", instr) and possessive forms after a genitive (nom, gen, loc, attr).
_BAP = _kk("бап", ("бап", "баптың", "бапта", "баптағы", "баппен"), ("бабы", "бабының", "бабында", "бабындағы"))
_TARMAQ = _kk("тармақ", ("тармақ", "тармақтың", "тармақта", "тармақтағы", "тармақпен"),
              ("тармағы", "тармағының", "тармағында", "тармағындағы"))
_TARMAQSHA = _kk("тармақша", ("тармақша", "тармақшаның", "тармақшада", "тармақшадағы", "тармақшамен"),
                 ("тармақшасы", "тармақшасының", "тармақшасында", "тармақшасындағы"))
_ABZAC = _kk("абзац", ("абзац", "абзацтың", "абзацта", "абзацтағы", "абзацпен"),
             ("абзацы", "абзацының", "абзацында", "абзацындағы"))
KK: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "article": _BAP,
    "paragraph": _TARMAQ,
    "clause": _TARMAQ,
    "subsection": _TARMAQ,
    "point": _TARMAQSHA,
    "subclause": _TARMAQSHA,
    "subparagraph": _ABZAC,
    "indent": _ABZAC,
    "alinea": _kk("бөлік", ("бөлік", "бөліктің", "бөлікте", "бөліктегі", "бөлікпен"),
                  ("бөлігі", "бөлігінің", "бөлігінде", "бөлігіндегі")),
    "chapter": _kk("тарау", ("тарау", "тараудың", "тарауда", "тараудағы", "тараумен"),
                   ("тарауы", "тарауының", "тарауында", "тарауындағы")),
    "section": _kk("параграф", ("параграф", "параграфтың", "параграфта", "параграфтағы", "параграфпен"),
                   ("параграфы", "параграфының", "параграфында", "параграфындағы")),
    "part": _kk("бөлім", ("бөлім", "бөлімнің", "бөлімде", "бөлімдегі", "бөліммен"),
                ("бөлімі", "бөлімінің", "бөлімінде", "бөліміндегі")),
    "preamble": _kk("кіріспе", ("кіріспе", "кіріспенің", "кіріспеде", "кіріспедегі", "кіріспемен"),
                    ("кіріспесі", "кіріспесінің", "кіріспесінде", "кіріспесіндегі")),
    "recital": _TARMAQ,  # "кіріспенің 5-тармағы"
    "citation": _ABZAC,
    "eid": _kk("құрылымдық бірлік", ("құрылымдық бірлік", "құрылымдық бірліктің", "құрылымдық бірлікте",
                                    "құрылымдық бірліктегі", "құрылымдық бірлікпен"),
               ("құрылымдық бірлігі", "құрылымдық бірлігінің", "құрылымдық бірлігінде", "құрылымдық бірлігіндегі")),
}
KK_FORM = {"nom": 0, "gen": 1, "loc": 2, "attr": 3, "ins": 4}

EN = {
    "eid": "the unit", "article": "Article", "paragraph": "paragraph", "point": "point", "chapter": "Chapter",
    "section": "Section", "subparagraph": "subparagraph", "part": "Part", "rule": "Rule", "clause": "Clause",
    "regulation": "Regulation", "title": "Title", "book": "Book", "preamble": "Preamble", "recital": "Recital",
    "citation": "Citation",
    "transitional": "Transitional provision",
}

# Units whose number is written with a closing bracket in Russian and Kazakh: "3)".
BRACKET_KINDS = ("point", "subclause")


# Containers numbered in roman numerals are cited in capitals, as printed: "Chapter II", "главы II".
ROMAN_CAPITAL_KINDS = ("book", "part", "title", "chapter", "section")


def number(kind: str, lbl: str, lang: str) -> str:
    """The number as cited: "3)" for a Russian/Kazakh point, "(3)" for an English one, "II" for a chapter
    numbered in roman numerals, else as is."""
    if not lbl:
        return lbl
    if kind in ROMAN_CAPITAL_KINDS:  # a lone "c" or "d" is a letter; "i", "v", "x" and "ii", "iv"… are roman
        roman = roman_value(lbl) is not None and (len(lbl) > 1 or lbl.lower() in "ivx")
        return lbl.upper() if roman else lbl
    if kind not in BRACKET_KINDS:
        return lbl
    return f"({lbl})" if lang == "eng" else f"{lbl})"


def cite_ru(path: Path, case: str = "nom") -> str:
    """«подпункт 3) пункта 2 статьи 127»: the head in ``case`` (nom, acc, gen, ins, prep), the rest genitive."""
    parts = []
    for i, (kind, lbl) in enumerate(reversed(path)):
        forms = RU.get(kind, (kind,) * 5)
        parts.append(f"{forms[RU_CASE[case] if i == 0 else 2]} {number(kind, lbl, 'rus')}".strip())
    return " ".join(parts)


def kk_unit(kind: str, lbl: str, word: str) -> str:
    """One Kazakh unit: the number comes first — "127-бап", "3) тармақша"."""
    if not lbl:
        return word
    if kind == "eid":
        return f"{lbl} {word}"
    return f"{lbl}) {word}" if kind in BRACKET_KINDS else f"{lbl}-{word}"


def cite_kk(path: Path, form: str = "nom") -> str:
    """«127-баптың 2-тармағының 3) тармақшасы»: genitive chain, the head possessive in ``form``."""
    out = []
    for i, (kind, lbl) in enumerate(path):
        _bare, forms, poss = KK.get(kind, (kind, (kind,) * 5, (kind,) * 4))
        last = i == len(path) - 1
        if i == 0:
            word = forms[KK_FORM[form]] if last else forms[1]
        else:
            word = poss[KK_FORM[form]] if last else poss[1]
        out.append(kk_unit(kind, lbl, word))
    return " ".join(out)


def cite_en(path: Path) -> str:
    """Amending-act style: "point (3) of paragraph 2 of Article 127"."""
    return " of ".join(f"{EN.get(k, k)} {number(k, lbl, 'eng')}" for k, lbl in reversed(path))
