"""The lexical channel: TF-IDF cosine between texts in the same language.

Russian is stemmed by a light suffix stripper, English by a lighter one; Kazakh, agglutinative, is compared by
character 4-grams inside words (a stemmer would need a morphological dictionary); Chinese by character bigrams.
Texts in different languages get no lexical score: that is the topic and embedding channels' job.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

STOP = {
    "en": set("""a an the of and or to in on for by with as at from that this these those which who whom is are be
        been being was were shall should may must can could will would not no such any all each other its their
        his her it they them than into within under where when if also only including include includes
        referred article paragraph point regulation""".split()),
    "ru": set("""и в во на с со по для от до из к ко о об а но или либо не ни что как так также то это этот эта эти
        его ее их ей им при без под над же бы ли а также которые который которая которое которых настоящего
        настоящей настоящим статьи статья пункт пункта подпункт""".split()),
    "kk": set("""және мен бен пен немесе да де та те үшін бойынша туралы осы сол ол олар бұл арқылы сияқты
        болып болса болған тиіс""".split()),
}
_RU_SUFFIXES = sorted(
    """иями ями ами ого его ому ему ыми ими ией ией ией ая яя ое ее ые ие ый ий ой ем им ым ом ах ях ов ев ей
    ам ям ую юю ию ия ью ья иe а я о е ы и у ю ь й ость ости остью ение ения ению ением ении ание ания анию
    анием ании ться тся ет ют ит ят ать ять ить ешь ал ала али ено ена ены ован ованн ованы""".split(),
    key=len, reverse=True,
)
_EN_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ities", "ity", "ings", "ing", "ies", "ied",
                "ed", "es", "s", "ly", "al", "e")


@lru_cache(maxsize=65536)
def _stem_ru(w: str) -> str:
    for s in _RU_SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 4:
            return w[: -len(s)]
    return w


@lru_cache(maxsize=65536)
def _stem_en(w: str) -> str:
    for s in _EN_SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 4:
            return w[: -len(s)]
    return w


def features(text: str, lang: str) -> Counter:
    """Bag of features of a text: stems (ru, en), in-word character 4-grams (kk), character bigrams (zh)."""
    low = text.lower().replace("ё", "е")
    if lang == "zh":
        chars = [c for c in low if "\u4e00" <= c <= "\u9fff"]
        return Counter(a + b for a, b in zip(chars, chars[1:]))
    stop = STOP.get(lang, set())
    toks = [w for w in _WORD.findall(low) if w not in stop and len(w) > 2]
    if lang == "kk":
        grams: Counter = Counter()
        for w in toks:
            padded = f"<{w}>"
            grams.update(padded[i: i + 4] for i in range(max(1, len(padded) - 3)))
        return grams
    stem = _stem_ru if lang == "ru" else _stem_en
    return Counter(stem(w) for w in toks)


@dataclass(frozen=True)
class LexicalIndex:
    """TF-IDF vectors of one language's pool of texts."""

    lang: str
    idf: dict[str, float]

    @staticmethod
    def build(texts: list[str], lang: str) -> "LexicalIndex":
        df: Counter = Counter()
        for t in texts:
            df.update(set(features(t, lang)))
        n = len(texts)
        return LexicalIndex(lang, {f: math.log((1 + n) / (1 + c)) + 1.0 for f, c in df.items()})

    def vector(self, text: str) -> dict[str, float]:
        feats = features(text, self.lang)
        v = {f: (1 + math.log(c)) * self.idf.get(f, 1.0) for f, c in feats.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {f: x / norm for f, x in v.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(f, 0.0) for f, x in a.items())


def shared_features(a: dict[str, float], b: dict[str, float], n: int = 8) -> list[str]:
    """The features contributing most to the similarity: the 'shared terms' shown to the reader."""
    common = sorted(((a[f] * b[f], f) for f in a.keys() & b.keys()), reverse=True)
    return [f for _, f in common[:n]]
