"""Language codes: files say ``rus``/``kaz``/``eng`` (ISO 639-2), people type ``ru``/``kk``/``en`` — one mapping."""

from __future__ import annotations

_TO3 = {
    "ru": "rus", "kk": "kaz", "kz": "kaz", "kaz-cyrl": "kaz", "en": "eng", "de": "deu", "es": "spa", "it": "ita",
    "fr": "fra", "zh": "zho", "chi": "zho", "cmn": "zho", "ger": "deu", "fre": "fra",
}
_TO2 = {"rus": "ru", "kaz": "kk", "eng": "en", "deu": "de", "spa": "es", "ita": "it", "fra": "fr", "zho": "zh"}


def iso3(code: str | None) -> str:
    """``"ru"`` → ``"rus"``, ``"KK"`` → ``"kaz"``; unknown codes lower-cased as they are."""
    c = (code or "").strip().lower()
    return _TO3.get(c, c)


def iso2(code: str | None) -> str:
    """``"rus"`` → ``"ru"``, ``"kaz"`` → ``"kk"``; unknown codes lower-cased as they are."""
    c = iso3(code)
    return _TO2.get(c, c)


def same(a: str | None, b: str | None) -> bool:
    """True when two codes name one language (``"ru"`` and ``"rus"``)."""
    return iso3(a) == iso3(b)
