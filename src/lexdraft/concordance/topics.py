"""The topic channel: a small ru/kk/en/zh lexicon of AI-governance topics (``data/topics.yaml``).

Topics are what make a Russian or Kazakh article comparable with an English or Chinese provision when no
shared words exist: each unit gets a weighted topic profile, and two units are as close as their profiles.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from ..errors import LexdraftError

LANGS = ("ru", "kk", "en", "zh")
_WORD = re.compile(r"[^\W_]+(?:[-'’&][^\W_]+)*")


@dataclass(frozen=True)
class Term:
    """One lexicon entry: word stems in order (``exact`` marks whole-word stems), with a weight."""

    text: str
    stems: tuple[str, ...]
    exact: tuple[bool, ...]
    weight: float
    adjacent: bool = False  # "!" prefix: the stems must follow each other with no word between


@dataclass(frozen=True)
class Topic:
    id: str
    labels: dict[str, str]
    terms: dict[str, tuple[Term, ...]]  # language -> terms

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id


@dataclass(frozen=True)
class Lexicon:
    topics: tuple[Topic, ...]

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)


@dataclass(frozen=True)
class TopicProfile:
    """How strongly a text speaks of each topic, and which lexicon terms said so."""

    scores: dict[str, float]  # topic id -> summed term weight
    terms: dict[str, tuple[str, ...]]  # topic id -> matched terms (lexicon spelling), sorted

    def main_topics(self, share: float = 0.35, minimum: float = 1.5) -> tuple[str, ...]:
        """Topics carrying at least ``share`` of the strongest topic's weight (and ``minimum`` in absolute)."""
        if not self.scores:
            return ()
        top = max(self.scores.values())
        keep = [t for t, s in self.scores.items() if s >= max(minimum, share * top)]
        return tuple(sorted(keep, key=lambda t: (-self.scores[t], t)))


def _parse_term(raw: str, lang: str, where: str) -> Term:
    text, _, weight = raw.partition("^")
    text = text.strip()
    try:
        w = float(weight) if weight else 1.0
    except ValueError:
        raise LexdraftError(f"bad weight in lexicon term {raw!r}", where) from None
    if lang == "zh":
        return Term(text, (text,), (True,), w)
    adjacent = text.startswith("!")
    text = text.lstrip("!")
    parts = text.lower().split()
    if not parts:
        raise LexdraftError("empty lexicon term", where)
    return Term(text, tuple(p.lstrip("=") for p in parts), tuple(p.startswith("=") for p in parts), w, adjacent)


def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the topic lexicon (the packaged ``data/topics.yaml`` unless ``path`` is given)."""
    if path is None:
        data = resources.files("lexdraft").joinpath("data/topics.yaml").read_text(encoding="utf-8")
        where = "lexdraft/data/topics.yaml"
    else:
        where = path
        try:
            with open(path, encoding="utf-8") as fh:
                data = fh.read()
        except OSError as exc:
            raise LexdraftError(exc.strerror or str(exc), path) from None
    try:
        raw = yaml.safe_load(data)
    except yaml.YAMLError as exc:
        raise LexdraftError(f"malformed YAML: {exc}", where) from None
    topics = []
    for entry in (raw or {}).get("topics", []):
        terms = {
            lang: tuple(_parse_term(t, lang, where) for t in entry.get("terms", {}).get(lang, []))
            for lang in LANGS
        }
        topics.append(Topic(str(entry["id"]), dict(entry.get("label", {})), terms))
    if not topics:
        raise LexdraftError("topic lexicon holds no topics", where)
    return Lexicon(tuple(topics))


def words(text: str) -> list[str]:
    """Lower-case word tokens for lexicon matching (hyphenated words such as ``high-risk`` kept whole)."""
    return _WORD.findall(text.lower().replace("ё", "е"))


@dataclass(frozen=True)
class _Tokens:
    """A text's tokens, indexed so that a stem finds its matching positions by binary search, not a scan."""

    toks: tuple[str, ...]
    vocab: tuple[str, ...]  # sorted unique tokens
    positions: dict[str, tuple[int, ...]]

    @staticmethod
    def of(text: str) -> "_Tokens":
        toks = tuple(words(text))
        pos: dict[str, list[int]] = {}
        for i, t in enumerate(toks):
            pos.setdefault(t, []).append(i)
        return _Tokens(toks, tuple(sorted(pos)), {t: tuple(p) for t, p in pos.items()})

    def matching(self, stem: str, exact: bool) -> list[int]:
        if exact:
            return list(self.positions.get(stem, ()))
        i = bisect.bisect_left(self.vocab, stem)
        out: list[int] = []
        while i < len(self.vocab) and self.vocab[i].startswith(stem):
            out.extend(self.positions[self.vocab[i]])
            i += 1
        return sorted(out)


def _count(term: Term, index: _Tokens) -> int:
    """Occurrences of a (multi-)stem term in order, each next stem within three words of the previous one."""
    starts = index.matching(term.stems[0].replace("ё", "е"), term.exact[0])
    if len(term.stems) == 1 or not starts:
        return len(starts)
    later = [set(index.matching(s.replace("ё", "е"), e)) for s, e in zip(term.stems[1:], term.exact[1:])]
    n = 0
    for start in starts:
        pos, ok = start, True
        for found in later:
            nxt = next((j for j in range(pos + 1, pos + (2 if term.adjacent else 4)) if j in found), None)
            if nxt is None:
                ok = False
                break
            pos = nxt
        n += ok
    return n


def profile(lexicon: Lexicon, text: str, lang: str) -> TopicProfile:
    """The topic profile of ``text`` in language ``lang`` (ru, kk, en or zh)."""
    scores: dict[str, float] = {}
    matched: dict[str, tuple[str, ...]] = {}
    index = _Tokens.of(text) if lang != "zh" else None
    for topic in lexicon.topics:
        total, hits = 0.0, []
        for term in topic.terms.get(lang, ()):
            n = text.count(term.text) if index is None else _count(term, index)
            if n:
                # Repetition adds, but slowly: a provision that says "risk" ten times is not ten times about risk.
                total += term.weight * (1 + math.log(n))
                hits.append(term.text)
        if total > 0:
            scores[topic.id] = round(total, 6)
            matched[topic.id] = tuple(sorted(set(hits)))
    return TopicProfile(scores, matched)


def topic_idf(profiles: list[TopicProfile], lexicon: Lexicon) -> dict[str, float]:
    """Inverse document frequency of each topic over a pool: a topic every provision touches says little."""
    n = max(len(profiles), 1)
    return {
        t: math.log((1 + n) / (1 + sum(1 for p in profiles if t in p.scores))) + 1.0 for t in lexicon.ids
    }


def vector(p: TopicProfile, idf: dict[str, float]) -> dict[str, float]:
    """An L2-normalised, idf-weighted, log-damped topic vector."""
    v = {t: math.log1p(s) * idf.get(t, 1.0) for t, s in p.scores.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(x * b.get(t, 0.0) for t, x in a.items())
