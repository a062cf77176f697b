"""The amending text a drafter would submit, in Russian, Kazakh or English.

``amend_text(old, new)`` diffs two versions, drafts the operations (``drafting``) and words them: one numbered
item per article in the order of the act ("2) в статье 127: …" when an article takes several instructions),
with the case forms Russian needs (статью / статьи / статьей / статье, пункт / пункта …) and Kazakh's
possessive chains ("127-баптың 2-тармағының 3) тармақшасы"). Quoted wording is given in «…» (“…” in English).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..citation import EN, KK, RU, cite_en, cite_kk, cite_ru, kk_unit, number
from ..compare import diff_documents
from ..languages import iso3
from ..model import Document, Unit
from .drafting import Rule, draft
from .model import Operation

LANGUAGES = ("rus", "kaz", "eng")

QUOTES = {"rus": ("«", "»"), "kaz": ("«", "»"), "eng": ("“", "”")}


def language_of(doc: Document) -> str:
    """The instruction language for a document: its own if rus/kaz/eng, else English."""
    return instruction_language(doc.frbr.language)


def instruction_language(code: str | None) -> str:
    """rus, kaz or eng for any spelling of those codes; English for every other language."""
    c = iso3(code)
    return c if c in LANGUAGES else "eng"


# ---------------------------------------------------------------- citations

def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# ---------------------------------------------------------------- quoted units

def quote_lines(unit: Unit) -> list[str]:
    """A unit as quoted wording: its number and heading, its text, its parts, one paragraph per line."""
    lines: list[str] = []
    text_lines = [t for t in unit.text.split("\n") if t.strip()]
    head = " ".join(x for x in (unit.num, unit.heading) if x)
    if unit.kind in ("article", "chapter", "section") and unit.heading:
        lines.append(head)
    elif head and text_lines:
        text_lines[0] = f"{head} {text_lines[0]}"
    elif head:
        lines.append(head)
    lines.extend(text_lines)
    for c in unit.children:
        lines.extend(quote_lines(c))
    return lines


def quoted(unit: Unit, lang: str) -> str:
    o, c = QUOTES[lang]
    return o + "\n".join(quote_lines(unit)) + c


def q(words_: str, lang: str) -> str:
    o, c = QUOTES[lang]
    return f"{o}{words_}{c}"


# ---------------------------------------------------------------- sentences

def sentence(op: Operation, lang: str, rel: tuple[tuple[str, str], ...] | None = None) -> str:
    """One instruction in ``lang``; ``rel`` is the citation relative to a group header (may be empty).

    A unit that has no number is cited by its eId in brackets (only our AKN output can be applied then).
    """
    path = op.target.path if rel is None else rel
    if rel is None and not op.target.path and op.target.eid:
        path = (("eid", f"[{op.target.eid}]"),)
    return {"rus": _ru, "kaz": _kk, "eng": _en}[lang](op, path)


def _ru(op: Operation, path) -> str:
    a = op.action
    where = f"в {cite_ru(path, 'prep')} " if path else ""
    if a == "rewrite":
        return f"{cite_ru(path, 'acc')} изложить в следующей редакции:\n{quoted(op.unit, 'rus')}"
    if a == "rewrite_heading":
        of = f" {cite_ru(path, 'gen')}" if path else ""
        return f"заголовок{of} изложить в следующей редакции:\n{q(op.new, 'rus')}"
    if a == "insert":
        kind = op.unit.kind
        new = f"{RU.get(kind, (kind,) * 5)[3]} {number(kind, op.unit.label, 'rus')}"
        lead = f"{cite_ru(path, 'acc')} " if path else ""
        return f"{lead}дополнить {new} следующего содержания:\n{quoted(op.unit, 'rus')}"
    if a == "repeal":
        return f"{cite_ru(path, 'acc')} исключить"
    if a == "renumber":
        kind = op.target.path[-1][0] if op.target.path else "article"
        return f"{cite_ru(path, 'acc')} считать {RU.get(kind, (kind,) * 5)[3]} {number(kind, _label(op.new), 'rus')}"
    if a == "replace_words":
        one = " " not in op.old.strip() and " " not in op.new.strip()
        w, w2 = ("слово", "словом") if one else ("слова", "словами")
        return f"{where}{w} {q(op.old, 'rus')} заменить {w2} {q(op.new, 'rus')}"
    if a == "insert_words":
        return f"{where}после слов {q(op.old, 'rus')} дополнить словами {q(op.new, 'rus')}"
    if a == "delete_words":
        w = "слово" if " " not in op.old.strip() else "слова"
        return f"{where}{w} {q(op.old, 'rus')} исключить"
    olds = ", ".join(q(o, "rus") for o, _ in op.pairs)
    news = ", ".join(q(n, "rus") for _, n in op.pairs)
    if len(op.pairs) > 1:
        return f"по всему тексту слова {olds} заменить соответственно словами {news}"
    one = " " not in op.pairs[0][0].strip() and " " not in op.pairs[0][1].strip()
    w, w2 = ("слово", "словом") if one else ("слова", "словами")
    return f"по всему тексту {w} {olds} заменить {w2} {news}"


def _kk(op: Operation, path) -> str:
    a = op.action
    if a == "rewrite":
        return f"{cite_kk(path, 'nom')} мынадай редакцияда жазылсын:\n{quoted(op.unit, 'kaz')}"
    if a == "rewrite_heading":
        of = f"{cite_kk(path, 'gen')} " if path else ""
        return f"{of}тақырыбы мынадай редакцияда жазылсын:\n{q(op.new, 'kaz')}"
    if a == "insert":
        kind = op.unit.kind
        bare, forms, _ = KK.get(kind, (kind, (kind,) * 5, ()))
        new = kk_unit(kind, op.unit.label, forms[4])
        lead = f"{cite_kk(path, 'nom')} " if path else ""
        return f"{lead}мынадай мазмұндағы {new} толықтырылсын:\n{quoted(op.unit, 'kaz')}"
    if a == "repeal":
        return f"{cite_kk(path, 'nom')} алып тасталсын"
    if a == "renumber":
        kind = op.target.path[-1][0] if op.target.path else "article"
        return f"{cite_kk(path, 'nom')} {kk_unit(kind, _label(op.new), KK.get(kind, (kind,))[0])} деп есептелсін"
    where = f"{cite_kk(path, 'attr')} " if path else ""
    if a == "replace_words":
        return f"{where}{q(op.old, 'kaz')} деген сөздер {q(op.new, 'kaz')} деген сөздермен ауыстырылсын"
    if a == "insert_words":
        return f"{where}{q(op.old, 'kaz')} деген сөздерден кейін {q(op.new, 'kaz')} деген сөздермен толықтырылсын"
    if a == "delete_words":
        return f"{where}{q(op.old, 'kaz')} деген сөздер алып тасталсын"
    olds = ", ".join(q(o, "kaz") for o, _ in op.pairs)
    news = ", ".join(q(n, "kaz") for _, n in op.pairs)
    each = "тиісінше " if len(op.pairs) > 1 else ""
    return f"бүкіл мәтін бойынша {olds} деген сөздер {each}{news} деген сөздермен ауыстырылсын"


def _en(op: Operation, path) -> str:
    a = op.action
    cited = cite_en(path) if path else "the provision"
    where = f"in {cite_en(path)}, " if path else ""
    if a == "rewrite":
        return f"{cited} is replaced by the following:\n{quoted(op.unit, 'eng')}"
    if a == "rewrite_heading":
        return f"the heading of {cited} is replaced by “{op.new}”" if path else f"the heading is replaced by “{op.new}”"
    if a == "insert":
        kind = op.unit.kind
        new = f"{EN.get(kind, kind)} {number(kind, op.unit.label, 'eng')}"
        if op.after is not None and op.after.path:
            place = f" after {cite_en(op.after.path[len(op.target.path):] or op.after.path)}"
        elif op.at_start:
            place = " at the beginning"
        else:
            place = ""
        lead = f"in {cite_en(path)}, " if path else ""
        return f"{lead}the following {new} is inserted{place}:\n{quoted(op.unit, 'eng')}"
    if a == "repeal":
        return f"{cited} is deleted"
    if a == "renumber":
        kind = op.target.path[-1][0] if op.target.path else "article"
        return f"{cited} is renumbered as {EN.get(kind, kind)} {number(kind, _label(op.new), 'eng')}"
    if a == "replace_words":
        return f"{where}the words {q(op.old, 'eng')} are replaced by {q(op.new, 'eng')}"
    if a == "insert_words":
        return f"{where}the words {q(op.new, 'eng')} are inserted after {q(op.old, 'eng')}"
    if a == "delete_words":
        return f"{where}the words {q(op.old, 'eng')} are deleted"
    olds = ", ".join(q(o, "eng") for o, _ in op.pairs)
    news = ", ".join(q(n, "eng") for _, n in op.pairs)
    each = "respectively " if len(op.pairs) > 1 else ""
    return f"throughout the text, the words {olds} are replaced {each}by {news}"


RU_PLURAL_INS = {"article": "статьями", "paragraph": "пунктами", "point": "подпунктами", "chapter": "главами",
                 "section": "разделами", "subparagraph": "абзацами"}
KK_PLURAL_INS = {"article": "баптармен", "paragraph": "тармақтармен", "point": "тармақшалармен",
                 "chapter": "тараулармен", "section": "параграфтармен", "subparagraph": "абзацтармен"}
EN_PLURAL = {"article": "Articles", "paragraph": "paragraphs", "point": "points", "chapter": "Chapters",
             "section": "Sections", "subparagraph": "subparagraphs"}


def _enumerate(items: list[str], conj: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conj} {items[-1]}"


def run_sentence(run: list[Operation], lang: str, rel: tuple[tuple[str, str], ...] | None = None) -> str:
    """One sentence for a run of operations (see ``runs``): several insertions worded together."""
    if len(run) == 1:
        return sentence(run[0], lang, rel)
    op = run[0]
    path = op.target.path if rel is None else rel
    kind = op.unit.kind
    o, c = QUOTES[lang]
    quote = o + "\n".join(line for x in run for line in quote_lines(x.unit)) + c
    if lang == "rus":
        nums = _enumerate([number(kind, x.unit.label, "rus") for x in run], "и")
        lead = f"{cite_ru(path, 'acc')} " if path else ""
        return f"{lead}дополнить {RU_PLURAL_INS.get(kind, kind)} {nums} следующего содержания:\n{quote}"
    if lang == "kaz":
        labels = [number(kind, x.unit.label, "kaz") for x in run]
        sep = " " if kind == "point" else "-"
        nums = _enumerate(labels, "және") + sep + KK_PLURAL_INS.get(kind, kind)
        lead = f"{cite_kk(path, 'nom')} " if path else ""
        return f"{lead}мынадай мазмұндағы {nums} толықтырылсын:\n{quote}"
    nums = _enumerate([number(kind, x.unit.label, "eng") for x in run], "and")
    if op.after is not None and op.after.path:
        place = f" after {cite_en(op.after.path[len(op.target.path):] or op.after.path)}"
    else:
        place = " at the beginning" if op.at_start else ""
    lead = f"in {cite_en(path)}, " if path else ""
    return f"{lead}the following {EN_PLURAL.get(kind, kind)} {nums} are inserted{place}:\n{quote}"


def _label(num: str) -> str:
    from ..numbering import label

    return label(num) or num


# ---------------------------------------------------------------- grouping

@dataclass
class Item:
    """One numbered item of the instrument: the operations on one article (or one insertion)."""

    head: tuple[tuple[str, str], ...]  # the article cited by the group header, () for a single operation
    operations: list[Operation]


def _article_key(op: Operation) -> tuple[tuple[str, str], ...]:
    if op.action == "insert" and op.target.is_root or op.action == "replace_throughout":
        return ()
    if op.action == "renumber" and len(op.target.path) == 1:
        return ()  # "статью 2 считать статьей 2-1" stands alone: it names the article itself
    if op.target.path:
        return op.target.path[:1]
    return (("eid", f"[{op.target.eid}]"),) if op.target.eid else ()


def _same_insertion(a: Operation, b: Operation) -> bool:
    """Two insertions a drafter words as one ("дополнить статьями 121-1 и 121-2"): same parent, same kind, the
    second right after the first."""
    return (a.action == b.action == "insert" and a.target == b.target and a.unit is not None
            and b.unit is not None and a.unit.kind == b.unit.kind and a.after == b.after
            and a.at_start == b.at_start)


def runs(operations: list[Operation]) -> list[list[Operation]]:
    """Operations as sentences: consecutive insertions of units of one kind into one place share a sentence."""
    out: list[list[Operation]] = []
    for op in operations:
        if out and _same_insertion(out[-1][-1], op):
            out[-1].append(op)
        else:
            out.append([op])
    return out


def group(operations: list[Operation]) -> list[Item]:
    """Consecutive operations on the same article form one item, in the order of the act; consecutive
    insertions of new articles form one item too."""
    items: list[Item] = []
    for op in operations:
        key = _article_key(op)
        if key and items and _article_key(items[-1].operations[-1]) == key:
            items[-1].operations.append(op)
            items[-1].head = key
        elif not key and items and not items[-1].head and _same_insertion(items[-1].operations[-1], op):
            items[-1].operations.append(op)
        else:
            items.append(Item((), [op]))
    return items


def group_header(head, lang: str) -> str:
    if lang == "rus":
        return f"в {cite_ru(head, 'prep')}:"
    if lang == "kaz":
        return f"{cite_kk(head, 'loc')}:"
    return f"{cite_en(head)} is amended as follows:"


def render(operations: list[Operation], lang: str, title: str = "", warning: str = "") -> str:
    """The instrument as text: an optional warning line, the chapeau, then numbered items."""
    lang = iso3(lang)
    lines: list[str] = []
    if warning:
        lines.append(f"[{warning}]")
    if not operations:
        lines.append({"rus": "Изменений нет.", "kaz": "Өзгерістер жоқ.", "eng": "No changes."}[lang])
        return "\n".join(lines) + "\n"
    if title:
        lines.append({
            "rus": f"Внести в {title} следующие изменения и дополнения:",
            "kaz": f"{title}: мынадай өзгерістер мен толықтырулар енгізілсін:",
            "eng": f"{title} is amended as follows:",
        }[lang])
    items = group(operations)
    for i, item in enumerate(items, 1):
        end = "." if i == len(items) else ";"
        marker = f"({i})" if lang == "eng" else f"{i})"
        if not item.head:
            lines.append(f"{marker} {run_sentence(item.operations, lang)}{end}")
            continue
        lines.append(f"{marker} {group_header(item.head, lang)}")
        sentences = runs(item.operations)
        for k, run in enumerate(sentences):
            sub_end = end if k == len(sentences) - 1 else ";"
            text = run_sentence(run, lang, run[0].target.path[1:] if run[0].target.path else ())
            if lang == "eng":
                text = f"({chr(ord('a') + k % 26)}) {text}"
            lines.append(f"{text}{sub_end}")
    return "\n".join(lines) + "\n"


def amend_operations(old: Document, new: Document, rule: Rule = Rule()) -> list[Operation]:
    """The operations turning ``old`` into ``new`` (diff, then the drafting rule)."""
    return draft(old, new, diff_documents(old, new), rule)


def amend_text(old: Document, new: Document, lang: str | None = None, rule: Rule = Rule()) -> str:
    """The amending text for ``old`` → ``new`` in ``lang`` (default: the documents' language)."""
    lang = instruction_language(lang) if lang else language_of(old)
    warning = old.provenance.warning or new.provenance.warning
    return render(amend_operations(old, new, rule), lang, old.frbr.title, warning)

