"""Reading amendment instructions back into operations.

Instruction text in the closed set of patterns of DOMAIN.md §2, in Russian ("статью 125 изложить в следующей
редакции: «…»", "пункт 2 статьи 127 дополнить подпунктом 3-1) следующего содержания: «…»", "в пункте 1 статьи 128
слова «…» заменить словами «…»", "пункт 3 исключить", "по всему тексту слова «…» заменить соответственно словами
«…»", group headers "в статье 127:"), in Kazakh ("… мынадай редакцияда жазылсын", "«…» деген сөздер «…» деген
сөздермен ауыстырылсын", "… алып тасталсын", "… мынадай мазмұндағы … толықтырылсын") and in English (EU amending
style, as ``instructions`` writes it). Anything else is a one-line error with its line, never guessed. Our own AKN
amendments are read by ``akn_amendment.read_instrument``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..citation import RU
from ..errors import LexdraftError
from ..importer import classify, parse_lines
from ..model import Unit
from .model import Instrument, Operation, Ref

# Every Russian form of the unit words -> kind: the singular cases the writer uses (``lexdraft.citation.RU``)
# plus what real instruments also write (plurals, "статьёй", "раздел" for a code's section).
_RU_EXTRA = {
    "article": "статьёй статьями статьях",
    "paragraph": "пунктами пунктах пункты",
    "point": "подпунктами подпунктах подпункты",
    "chapter": "главами",
    "section": "раздел раздела разделом разделе",
    "subparagraph": "абзацами",
}
WORD_KIND = {w: kind for kind, extra in _RU_EXTRA.items() for w in (*RU[kind], *extra.split())}
_WORD = "|".join(sorted(WORD_KIND, key=len, reverse=True))
_NUM = r"\d+(?:-\d+)*\)?|[а-яa-z]\)"
CITATION = re.compile(rf"(?<!\w)({_WORD})\s+({_NUM})(?!\w)", re.IGNORECASE)
_CIT_SPAN = rf"(?:(?:{_WORD})\s+(?:{_NUM})\s*)+"
_Q = "\x01"  # placeholder for a quotation in a statement

_MARKER = re.compile(r"^\s*(?:(\d+(?:-\d+)*)[).]|\((\d+)\))\s+")  # "1)", "1." and English "(1)"
_SUB_MARKER = re.compile(r"^\([a-z]{1,2}\)\s+")  # English sub-items "(a)"
_STARTS = re.compile(
    rf"^(?:по всему тексту|в\s+(?:{_WORD})\s|(?:{_WORD})\s|дополнить|заголовок|после слов|слова?\s)", re.IGNORECASE
)


_VERB = re.compile(r"изложить|дополнить|исключить|заменить|считать|признать", re.I)


_NO_CHANGES = re.compile(r"^\s*(Изменений нет|Өзгерістер жоқ|No changes)\.\s*$", re.M)  # what amend writes


@dataclass
class _Statement:
    text: str  # with _Q for each quotation
    quotes: list[str]
    line: int
    marker: str  # "3" when the statement opens numbered item 3


_CLOSE = {"«": "»", "“": "”"}  # Russian/Kazakh and English quotation marks


def _matching_close(text: str, start: int) -> int:
    """Index of the mark closing the quotation opened at ``start`` (nested pairs counted), or -1."""
    open_, close = text[start], _CLOSE[text[start]]
    depth = 0
    for i in range(start, len(text)):
        if text[i] == open_:
            depth += 1
        elif text[i] == close:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _statements(text: str, path: str) -> list[_Statement]:
    """Split instruction text into statements: ``;``, a final ``.``, or ``:`` before a new line or instruction."""
    out: list[_Statement] = []
    buf: list[str] = []
    quotes: list[str] = []
    line = 1
    start_line = 1
    i = 0

    def flush() -> None:
        nonlocal buf, quotes
        body = "".join(buf).strip()
        if body:
            m = _MARKER.match(body)
            marker = (m.group(1) or m.group(2)) if m else ""
            if m:
                body = body[m.end():]
            sub = _SUB_MARKER.match(body)
            if sub:
                body = body[sub.end():]
            out.append(_Statement(" ".join(body.split()), quotes, start_line, marker))
        buf, quotes = [], []

    while i < len(text):
        ch = text[i]
        if not "".join(buf).strip():
            start_line = line
        if ch in _CLOSE:
            end = _matching_close(text, i)
            if end < 0:
                raise LexdraftError(f"unbalanced {ch}: no closing {_CLOSE[ch]}", path, line)
            quote = text[i + 1:end]
            quotes.append(quote)
            buf.append(_Q)
            line += quote.count("\n")
            i = end + 1
            continue
        if ch == "\n":
            line += 1
        rest = text[i + 1:]
        if ch == ";" or (ch == "." and (not rest or rest[:1].isspace()) and not _ends_with_number(buf)):
            flush()
        elif ch == ":":
            after = rest.lstrip(" \t")
            if after.startswith("\n") and not after.lstrip().startswith(tuple(_CLOSE)):
                buf.append(ch)
                flush()
            elif not after.startswith("\n") and _STARTS.match(after) and not after.startswith(tuple(_CLOSE)):
                buf.append(ch)
                flush()
            else:
                buf.append(ch)
        elif ch == "\n" and (_MARKER.match(rest) or _SUB_MARKER.match(rest) or rest.lstrip(" \t").startswith("\n")) \
                and "".join(buf).strip():
            flush()
        else:
            buf.append(ch)
        i += 1
    flush()
    return out


def _ends_with_number(buf: list[str]) -> bool:
    """A "." right after an item number ("1.") does not end a statement."""
    tail = "".join(buf[-12:])
    return bool(re.search(r"(?:^|\n)\s*\d+(?:-\d+)*$", tail)) and len("".join(buf).strip()) < 12


def citation(text: str) -> tuple[tuple[str, str], ...]:
    """"подпункт 3) пункта 2 статьи 127" -> (("article","127"),("paragraph","2"),("point","3"))."""
    pairs = [(WORD_KIND[w.lower()], n.rstrip(")")) for w, n in CITATION.findall(text)]
    return tuple(reversed(pairs))


# ---------------------------------------------------------------- quoted structures

_WRAPPER = "Статья 0."  # a provision around a quoted paragraph or point, which cannot stand alone


def quoted_units(quote: str, path: str = "<text>", line: int = 1) -> list[Unit]:
    """Units from quoted wording in the structured-text format of ``lexdraft import`` ("Статья 126-1. …",
    "126-1-бап. …", "1. …", "1) …"), read by the importer's own reader."""
    lines = [x.strip() for x in quote.split("\n")]
    first = classify(next((x for x in lines if x), ""), line)
    if first is not None and first.kind in ("article", "chapter", "section", "part", "container"):
        return parse_lines(lines, path, line)
    return parse_lines([_WRAPPER] + lines, path, line - 1)[0].children


# ---------------------------------------------------------------- statements -> operations

_RX = {
    "rewrite": re.compile(rf"^(?P<cit>{_CIT_SPAN})изложить в (?:следующей|новой) редакции:?\s*{_Q}$", re.I),
    "heading": re.compile(rf"^заголовок\s*(?P<cit>{_CIT_SPAN})?изложить в (?:следующей|новой) редакции:?\s*{_Q}$",
                          re.I),
    "insert": re.compile(
        rf"^(?P<cit>{_CIT_SPAN})?дополнить\s+(?P<new>(?:{_WORD})\s+(?:{_NUM})(?:\s*(?:,|и)\s*(?:{_NUM}))*)\s+"
        rf"следующего содержания:?\s*{_Q}$", re.I),
    "repeal": re.compile(rf"^(?P<cit>{_CIT_SPAN})(?:исключить|признать утратившей силу|признать утратившим силу)$",
                         re.I),
    "repeal2": re.compile(rf"^признать утратившими? силу\s+(?P<cit>{_CIT_SPAN})$", re.I),
    "renumber": re.compile(rf"^(?P<cit>{_CIT_SPAN})считать\s+(?P<new>(?:{_WORD})\s+(?:{_NUM}))$", re.I),
    "replace": re.compile(rf"^(?:в\s+(?P<cit>{_CIT_SPAN}))?слов[оа]\s+{_Q}\s+заменить\s+слов(?:ом|ами)\s+{_Q}$", re.I),
    "insert_words": re.compile(
        rf"^(?:в\s+(?P<cit>{_CIT_SPAN}))?после\s+слов[а]?\s+{_Q}\s+дополнить\s+слов(?:ом|ами)\s+{_Q}$", re.I),
    "delete_words": re.compile(rf"^(?:в\s+(?P<cit>{_CIT_SPAN}))?слов[оа]\s+{_Q}\s+исключить$", re.I),
    "throughout": re.compile(
        rf"^по всему тексту\s+слов[оа]\s+(?P<old>{_Q}(?:\s*,\s*{_Q})*)\s+заменить\s+(?:соответственно\s+)?"
        rf"слов(?:ом|ами)\s+(?P<new>{_Q}(?:\s*,\s*{_Q})*)$", re.I),
    "group": re.compile(rf"^в\s+(?P<cit>{_CIT_SPAN}):$", re.I),
}

# Kazakh: the number comes first ("125-бап", "3) тармақша"); citations run outermost first in a genitive chain.
_KK_STEMS = (("тармақша", "point"), ("тармақ", "paragraph"), ("тармағ", "paragraph"), ("бап", "article"),
             ("баб", "article"), ("тарау", "chapter"), ("параграф", "section"), ("абзац", "subparagraph"))
_KK_UNIT = r"(?:\d+(?:-\d+)*-(?:бап|баб|тармақ|тармағ|тарау|параграф|абзац)\w*|\d+(?:-\d+)*\)\s+тармақша\w*)"
_KK_UNIT_PARTS = re.compile(r"(\d+(?:-\d+)*)(?:-|\)\s+)(\w+)")
_KK_SPAN = rf"(?:{_KK_UNIT}\s*)+"
_KK_WORDS = r"деген\s+сөз(?:дер)?"
_KK_WITH = r"деген\s+сөз(?:дер)?(?:мен|бен)"
_RX_KK = {
    "rewrite": re.compile(rf"^(?P<cit>{_KK_SPAN})мынадай редакцияда жазылсын:?\s*{_Q}$", re.I),
    "heading": re.compile(rf"^(?P<cit>{_KK_SPAN})?тақырыбы мынадай редакцияда жазылсын:?\s*{_Q}$", re.I),
    "insert": re.compile(rf"^(?P<cit>{_KK_SPAN})?мынадай мазмұндағы\s+"
                         rf"(?P<new>(?:\d+(?:-\d+)*\)?\s*(?:,|және)\s*)*{_KK_UNIT})\s*толықтырылсын:?\s*{_Q}$", re.I),
    "repeal": re.compile(rf"^(?P<cit>{_KK_SPAN})(?:алып тасталсын|күші жойылды деп танылсын)$", re.I),
    "renumber": re.compile(rf"^(?P<cit>(?:{_KK_UNIT}\s*)+?)(?P<new>{_KK_UNIT})\s*деп есептелсін$", re.I),
    "replace": re.compile(rf"^(?P<cit>{_KK_SPAN})?{_Q}\s+{_KK_WORDS}\s+{_Q}\s+{_KK_WITH}\s+ауыстырылсын$", re.I),
    "insert_words": re.compile(
        rf"^(?P<cit>{_KK_SPAN})?{_Q}\s+{_KK_WORDS}ден\s+кейін\s+{_Q}\s+{_KK_WITH}\s+толықтырылсын$", re.I),
    "delete_words": re.compile(rf"^(?P<cit>{_KK_SPAN})?{_Q}\s+{_KK_WORDS}\s+алып тасталсын$", re.I),
    "throughout": re.compile(
        rf"^бүкіл мәтін бойынша\s+(?P<old>{_Q}(?:\s*,\s*{_Q})*)\s+{_KK_WORDS}\s+(?:тиісінше\s+)?"
        rf"(?P<new>{_Q}(?:\s*,\s*{_Q})*)\s+{_KK_WITH}\s+ауыстырылсын$", re.I),
    "group": re.compile(rf"^(?P<cit>{_KK_SPAN}):$", re.I),
}
_KK_VERB = re.compile(r"жазылсын|толықтырылсын|тасталсын|ауыстырылсын|есептелсін|танылсын", re.I)


def citation_kk(text: str) -> tuple[tuple[str, str], ...]:
    """"127-баптың 2-тармағының 3) тармақшасы" -> (("article","127"),("paragraph","2"),("point","3"))."""
    out = []
    for m in re.finditer(_KK_UNIT, text, re.I):
        num, word = _KK_UNIT_PARTS.match(m.group(0)).groups()
        kind = next(k for stem, k in _KK_STEMS if word.lower().startswith(stem))
        out.append((kind, num))
    return tuple(out)


# English (EU amending style, as ``instructions`` writes it): "point (a) of paragraph 1 of Article 5".
_EN_NUM = r"(?:\([\w-]+\)|\d+(?:-\d+)*[a-z]?|(?-i:[IVXLCDM]+)\b)"  # (a), 17-1, 5a; roman in capitals: Chapter II
_EN_UNIT = (rf"(?:(?:Article|paragraph|point|Chapter|Section|subparagraph)s?\s+{_EN_NUM}"
            r"|the unit \[[^\]]+\]|the provision)")
_EN_CIT = rf"{_EN_UNIT}(?:\s+of\s+{_EN_UNIT})*"
_RX_EN = {
    "rewrite": re.compile(rf"^(?P<cit>{_EN_CIT}) is replaced by the following:?\s*{_Q}$", re.I),
    "heading": re.compile(rf"^the heading(?: of (?P<cit>{_EN_CIT}))? is replaced by\s*{_Q}$", re.I),
    "insert": re.compile(rf"^(?:in (?P<cit>{_EN_CIT}),\s*)?the following .+? (?:is|are) inserted"
                         rf"(?: after (?P<after>{_EN_CIT})| (?P<start>at the beginning))?:?\s*{_Q}$", re.I),
    "repeal": re.compile(rf"^(?P<cit>{_EN_CIT}) is deleted$", re.I),
    "renumber": re.compile(rf"^(?P<cit>{_EN_CIT}) is renumbered as (?P<new>{_EN_UNIT})$", re.I),
    "replace": re.compile(rf"^(?:in (?P<cit>{_EN_CIT}),\s*)?the words {_Q} are replaced by {_Q}$", re.I),
    "insert_words": re.compile(rf"^(?:in (?P<cit>{_EN_CIT}),\s*)?the words {_Q} are inserted after {_Q}$", re.I),
    "delete_words": re.compile(rf"^(?:in (?P<cit>{_EN_CIT}),\s*)?the words {_Q} are deleted$", re.I),
    "throughout": re.compile(rf"^throughout the text, the words (?P<old>{_Q}(?:\s*,\s*{_Q})*) are replaced "
                             rf"(?:respectively )?by (?P<new>{_Q}(?:\s*,\s*{_Q})*)$", re.I),
    "group": re.compile(rf"^(?P<cit>{_EN_CIT}) is amended as follows:$", re.I),
}
_EN_VERB = re.compile(r"\b(?:is|are) (?:replaced|inserted|deleted|renumbered|amended)\b", re.I)


def citation_en(text: str) -> tuple[tuple[str, str], ...]:
    """"point (a) of paragraph 1 of Article 5" -> (("article","5"),("paragraph","1"),("point","a"))."""
    out = []
    for m in re.finditer(rf"(Article|paragraph|point|Chapter|Section|subparagraph)s?\s+({_EN_NUM})", text, re.I):
        out.append((m.group(1).lower(), m.group(2).strip("()").lower()))  # labels are lower case (numbering.label)
    return tuple(reversed(out))


def _cited_eid(text: str) -> str:
    m = re.search(r"the unit \[([^\]]+)\]", text or "")
    return m.group(1) if m else ""


@dataclass(frozen=True)
class _Grammar:
    language: str
    rx: dict
    citation: object
    verb: re.Pattern


RUSSIAN = _Grammar("rus", _RX, citation, _VERB)
KAZAKH = _Grammar("kaz", _RX_KK, citation_kk, _KK_VERB)
ENGLISH = _Grammar("eng", _RX_EN, citation_en, _EN_VERB)


def _target(m: re.Match, group: Ref, g: _Grammar, name: str = "cit") -> Ref:
    """The unit an instruction cites: its own citation below the group's article (or the group's unit)."""
    text = m.group(name) if name in m.groupdict() else None
    eid = _cited_eid(text or "")
    if eid:
        return Ref((), eid)
    own = g.citation(text or "")  # type: ignore[operator]
    if group.eid and not group.path:
        return Ref((), group.eid) if not own else Ref(own)
    return Ref(group.path + own)


def _grammar(text: str, language: str | None) -> _Grammar:
    lang = (language or "").lower()
    if lang in ("kaz", "kk"):
        return KAZAKH
    if lang in ("eng", "en"):
        return ENGLISH
    if lang in ("rus", "ru"):
        return RUSSIAN
    if _VERB.search(text):
        return RUSSIAN
    if _KK_VERB.search(text):
        return KAZAKH
    return ENGLISH if _EN_VERB.search(text) else RUSSIAN


def parse_text(text: str, path: str = "<text>", language: str | None = None) -> Instrument:
    """Operations from Russian, Kazakh or English instruction text (the language is recognised from the verbs
    unless given); unknown wording is a ``LexdraftError`` with its line.

    "… исключить" / "… алып тасталсын" / "… is deleted" repeal by the base act's convention: in a Kazakh act
    the unit keeps its number and reads "Исключен." / "Алып тасталды." / "Deleted."."""
    g = _grammar(text, language)
    rx = g.rx
    ops: list[Operation] = []
    group = Ref()
    item = 0
    sub = 0
    for st in _statements(text, path):
        body = st.text
        if st.marker:
            item, sub, group = int(st.marker.split("-")[0]) if st.marker.isdigit() else item + 1, 0, Ref()
        if body.startswith("[") and body.endswith("]") or body.startswith("#"):
            continue
        m = rx["group"].match(body)
        if m:
            group = _target(m, Ref(), g)
            continue
        if body.endswith(":") and _Q not in body:
            continue  # a chapeau: "Внести в … следующие изменения:", "1. В Земельный кодекс …:"
        if not ops and not st.marker and not (_Q in body or g.verb.search(body)):
            continue  # the title and heading lines above the first instruction
        sub += 1
        number = f"{item}.{sub}" if not group.is_root else str(item or sub)
        qs = list(st.quotes)

        def op(action: str, **kw) -> Operation:
            return Operation(action, number=number, line=st.line, **kw)

        if m := rx["rewrite"].match(body):
            units = quoted_units(qs[0], path, st.line + 1)
            if len(units) != 1:
                raise LexdraftError(f"instruction {number}: the new wording must hold one unit", path, st.line)
            ops.append(op("rewrite", target=_target(m, group, g), unit=units[0]))
        elif m := rx["heading"].match(body):
            ops.append(op("rewrite_heading", target=_target(m, group, g), new=" ".join(qs[0].split())))
        elif m := rx["insert"].match(body):
            units = quoted_units(qs[0], path, st.line + 1)
            if not units:
                raise LexdraftError(f"instruction {number}: nothing to insert", path, st.line)
            target = _target(m, group, g)
            after = _target(m, Ref(), g, "after") if m.groupdict().get("after") else None
            if after is not None and after.path and target.path and after.path[:len(target.path)] != target.path:
                after = Ref(target.path + after.path)  # "after paragraph 2" of the unit inserted into
            start = bool(m.groupdict().get("start"))
            for u in units:
                ops.append(op("insert", target=target, unit=u, after=after, at_start=start))
        elif (m := rx["repeal"].match(body)) or ("repeal2" in rx and (m := rx["repeal2"].match(body))):
            ops.append(op("repeal", target=_target(m, group, g), by_convention=True))
        elif m := rx["renumber"].match(body):
            new = g.citation(m.group("new"))  # type: ignore[operator]
            ops.append(op("renumber", target=_target(m, group, g), new=_renumbered_num(new[-1], g.language)))
        elif m := rx["replace"].match(body):
            ops.append(op("replace_words", target=_target(m, group, g), old=qs[0], new=qs[1]))
        elif m := rx["insert_words"].match(body):
            old, new_words = (qs[1], qs[0]) if g is ENGLISH else (qs[0], qs[1])  # "“new” are inserted after “old”"
            ops.append(op("insert_words", target=_target(m, group, g), old=old, new=new_words))
        elif m := rx["delete_words"].match(body):
            ops.append(op("delete_words", target=_target(m, group, g), old=qs[0]))
        elif m := rx["throughout"].match(body):
            n_old = m.group("old").count(_Q)
            olds, news = qs[:n_old], qs[n_old:]
            if len(olds) != len(news):
                raise LexdraftError(
                    f"instruction {number}: {len(olds)} quoted words replaced by {len(news)}", path, st.line)
            ops.append(op("replace_throughout", pairs=tuple(zip(olds, news))))
        else:
            shown = body.replace(_Q, "«…»")
            raise LexdraftError(f"instruction {number}: not an instruction lexdraft can read: {shown[:120]}",
                                path, st.line)
    if not ops and not _NO_CHANGES.search(text):
        raise LexdraftError("no amendment instructions found (see docs/versions-and-amendments.md for the "
                            "patterns lexdraft reads)", path, 1)
    return Instrument(ops, path, g.language)


def _renumbered_num(pair: tuple[str, str], language: str = "rus") -> str:
    kind, lbl = pair
    if language == "eng":
        return {"article": f"Article {lbl}", "paragraph": f"{lbl}.", "point": f"({lbl})"}.get(kind, lbl)
    article = f"{lbl}-бап." if language == "kaz" else f"Статья {lbl}."
    return {"article": article, "paragraph": f"{lbl}.", "point": f"{lbl})"}.get(kind, lbl)
