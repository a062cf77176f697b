"""Text normalisation and word tokens for comparing legal texts.

Comparison must ignore what drafters do not consider a change — whitespace, «ёлочки» vs "straight" quotes,
consolidation footnotes ("Сноска." / "Ескерту." / "Footnote.") — while the original text is kept for display.
Tokens keep Cyrillic and Kazakh words and numbers like ``17-1)`` whole, and concatenate back to the input exactly.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200b": "",
        "\u00ad": "",  # soft hyphen
    }
)
# A consolidation footnote paragraph: the marker word, then a period or colon.
FOOTNOTE = re.compile(r"^\s*(Сноска|Ескерту|Footnote|Ескертпе)\s*[.:]", re.IGNORECASE)

# Word tokens: numbers with Kazakh-style suffixes ("17-1)", "5.1"), words with inner hyphens/apostrophes
# (Cyrillic and Kazakh letters are \w), runs of whitespace, and single other characters.
_TOKEN = re.compile(r"\d+(?:[-.,/]\d+)*\)?|\w+(?:[-'’]\w+)*|\s+|[^\w\s]")


# The characters _QUOTES rewrites: found by one regular-expression search, so the (per-character, slow)
# translation runs only on the texts that hold one.
_QUOTE_CHARS = re.compile("[" + re.escape("".join(map(chr, _QUOTES))) + "]")


def normalize(text: str) -> str:
    """Text as compared: NFC, one quote style, no soft hyphens, whitespace collapsed and stripped.

    ``str.split()`` splits on exactly the characters ``\\s`` matches, so joining its parts with one space
    collapses and strips whitespace as ``re.sub(r"\\s+", " ", …).strip()`` would, several times faster.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _QUOTE_CHARS.search(text):
        text = text.translate(_QUOTES)
    return " ".join(text.split())


def is_footnote(paragraph: str) -> bool:
    """True for a consolidation footnote paragraph, which records history and is not compared."""
    return bool(FOOTNOTE.match(paragraph))


def split_footnotes(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Separate consolidation footnotes from the provision's own paragraphs."""
    own, notes = [], []
    for p in paragraphs:
        (notes if is_footnote(p) else own).append(p)
    return own, notes


def tokens(text: str) -> list[str]:
    """Word tokens; ``"".join(tokens(t)) == t`` always holds."""
    return _TOKEN.findall(text)


def words(text: str) -> list[str]:
    """Only the word and number tokens (no whitespace or punctuation): for similarity and search."""
    return [t for t in _TOKEN.findall(text) if t[0].isalnum() or t[0] == "_"]
