"""Amendment operations: the closed set of things an amending instrument does to a base text.

Instructions are written (``instructions``), read (``parse``) and applied (``apply``) through this one model.
A unit is cited by its numbered path (``Ref``), as drafters cite it ("подпункт 3) пункта 2 статьи 127"),
optionally with the eId it has in the base version (our AKN output carries it, Russian text does not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Unit

# What an operation does. Words ops act on the unit's own text (or, if not found there, its sub-units').
ACTIONS = (
    "rewrite",  # изложить в следующей редакции: replace the unit (number, heading, text, sub-units)
    "rewrite_heading",  # заголовок … изложить в следующей редакции
    "insert",  # дополнить … следующего содержания: a new unit inside ``target`` (the parent)
    "repeal",  # … исключить: remove the unit
    "renumber",  # … считать …: the unit takes the number ``new``
    "replace_words",  # слова «old» заменить словами «new»
    "insert_words",  # после слов «old» дополнить словами «new»
    "delete_words",  # слова «old» исключить
    "replace_throughout",  # по всему тексту слова «…» заменить соответственно словами «…» (``pairs``)
)

# Kinds an instruction can name, in the project's vocabulary (AKN element names).
CITABLE_KINDS = ("chapter", "section", "article", "paragraph", "point", "subparagraph")


@dataclass(frozen=True)
class Ref:
    """A unit as cited: ``path`` of (kind, bare number) from the provision down, and its base eId if known.

    An empty path with no eId is the document itself (the parent of top-level insertions).
    """

    path: tuple[tuple[str, str], ...] = ()
    eid: str = ""

    @property
    def is_root(self) -> bool:
        return not self.path and not self.eid

    def child(self, kind: str, label: str, eid: str = "") -> "Ref":
        return Ref(self.path + ((kind, label),), eid)

    def __str__(self) -> str:
        return " ".join(f"{k} {n}" for k, n in self.path) or self.eid or "the act"


@dataclass(frozen=True)
class Operation:
    """One instruction. ``number`` and ``line`` say where it stands in the instrument, for error reports.

    * ``rewrite``: ``unit`` replaces ``target``.
    * ``insert``: ``unit`` goes into ``target`` (the parent), after ``after`` when given, at the start when
      ``at_start``, otherwise in numbering order (``17-1`` after ``17``), as the Russian wording implies.
    * ``repeal``: ``new`` empty removes the unit; otherwise the unit keeps its number and reads ``new``
      ("3. Исключен." — Kazakh practice: nothing is renumbered, see ``repealed_wording``); with
      ``by_convention`` (instruction text, which does not say) the base act's language and country decide.
    * ``rewrite_heading``: ``new`` is the heading. ``renumber``: ``new`` is the new ``<num>`` text.
    * words ops: ``old`` is the quoted words to find (for ``insert_words`` the words after which ``new`` goes).
    * ``replace_throughout``: ``pairs`` of (old, new), every occurrence in the whole act.
    """

    action: str
    target: Ref = field(default_factory=Ref)
    unit: Unit | None = None
    old: str = ""
    new: str = ""
    after: Ref | None = None
    at_start: bool = False
    pairs: tuple[tuple[str, str], ...] = ()
    by_convention: bool = False  # repeal as the base act's convention says (read from text: "пункт 3 исключить")
    number: str = ""  # "3" or "3.2" (item 3, sub-instruction 2)
    line: int | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown amendment action {self.action!r}")


@dataclass
class Instrument:
    """A list of operations with the source they were read from (for error positions)."""

    operations: list[Operation]
    path: str = ""
    language: str = ""
    title: str = ""
    date: str = ""  # the amended version's date, when the instrument says


def repealed_wording(language: str, kind: str, country: str = "kz") -> str:
    """What a unit repealed in place reads in a Kazakh act ("3. Исключен."); "" where units are removed."""
    lang = (language or "").lower()
    if country.lower() not in ("kz", "kaz", ""):
        return ""
    if lang in ("eng", "en"):
        return "Deleted."
    if lang in ("rus", "ru"):
        return "Исключена." if kind == "article" else "Исключен."
    if lang in ("kaz", "kk"):
        return "Алып тасталды."
    return ""
