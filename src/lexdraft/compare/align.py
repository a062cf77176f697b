"""Pairing the units of two versions (articles of a code, or paragraphs/points inside one article).

Near-linear: every step indexes by hash, none compares every unit with every unit.

1. **wId** (the stable identifier AKN reserves for "the same unit across versions"), when the texts agree enough.
2. **Identical normalised content** (heading + text + descendants) by hash — catches moves and renumberings.
3. **Number + heading**, when both are unique on each side — catches amended and reworded units in place.
4. **Similarity** for what is left: word-shingle sets, candidates from an inverted index (shingles shared by
   too many units are not indexed), scored with Dice; pairs taken greedily, best first, above ``PAIR_MIN``.
5. **Same number or same eId** for the leftovers (the text was rewritten at the same place), above ``SAME_PLACE_MIN``.
6. **Splits and merges**: an unpaired new unit whose words are mostly contained in one old unit, which is also
   covered by the union of its new pieces, is part of a split (and symmetrically for merges).

eIds are hints, not truth: publishers derive them from numbers, so after a renumbering the same eId carries
other text. They are used only in step 5, after content has had its say.
"""

from __future__ import annotations

import re
import heapq
from collections import Counter, defaultdict
from itertools import chain
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Unit
from ..text import normalize
from .worddiff import bag_similarity

PAIR_MIN = 0.5  # Dice of shingle sets needed to pair units by content alone (step 4)
SAME_PLACE_MIN = 0.15  # ... for leftovers at the same number/eId (step 5): lower, the place vouches for it
WID_MIN = 0.2  # a shared wId is trusted unless the texts have (almost) nothing in common
PART_MIN = 0.6  # share of a piece's shingles inside the whole, for splits and merges
COVER_MIN = 0.5  # share of the whole's shingles covered by its pieces together
PIECE_GAIN = 0.05  # ... which must exceed the share covered by the best single piece by at least this
CONTAIN_WEIGHT = 0.75  # a unit mostly inside another (it grew or shrank) scores this share of its containment
HEADING_SAME_BONUS = 0.25  # identical headings vouch for a pair whose text was rewritten
HEADING_NEAR_BONUS = 0.15  # headings sharing most words
MAX_POSTING = 40  # shingles shared by more units than this carry no information for candidate generation
MAX_CANDIDATES = 8
NEIGHBOURS = 3  # a split's or merge's pieces are looked for this many places around the piece that stayed
HEAD_SAMPLE = 600  # characters of content compared to confirm a pair found by its heading alone
SMALL = 400  # below this many candidate pairs, every pair is scored (no index needed)


@dataclass
class Pair:
    """Old unit indexes paired with new unit indexes: 1-1 pairs, 1-0 repeals, 0-1 insertions, 1-n splits, n-1
    merges. ``how`` says which step paired them."""

    old: list[int]
    new: list[int]
    how: str
    score: float = 1.0


class ContentKeys:
    """The comparable content of units — heading, text, sub-unit numbers and content, normalised — for one
    comparison. The unit's own number is left out, so a renumbered unit keeps its key.

    The raw content is assembled once per unit, bottom-up; it is normalised only for units that reach the
    alignment, so an unchanged subtree costs no normalisation at all. The normalised key is composed from the
    sub-units' keys: ``normalize`` of parts joined by newlines equals the non-empty normalised parts joined by
    spaces (whitespace collapses across the newline, which neither composes nor reorders under NFC), so each
    piece of text is normalised once, not once per level above it.
    """

    def __init__(self) -> None:
        self._raw: dict[int, str] = {}
        self._norm: dict[int, str] = {}
        self._spaces: dict[int, int] = {}
        self._alive: list[Unit] = []  # keeps the units (and so their ids) alive while the memo is used

    def raw(self, u: Unit) -> str:
        found = self._raw.get(id(u))
        if found is None:
            parts: list[str] = []
            _raw_parts(u, parts)  # one flat join: the sub-units' own raw content is built only if asked for
            found = self._raw[id(u)] = "\n".join(parts)
            self._alive.append(u)
        return found

    def spaces(self, u: Unit) -> int:
        """``raw(u).count(" ")`` (an approximate word count), without building the string."""
        found = self._spaces.get(id(u))
        if found is None:
            found = u.heading.count(" ") + u.text.count(" ")
            for c in u.children:
                found += c.num.count(" ") + self.spaces(c)
            self._spaces[id(u)] = found
            self._alive.append(u)
        return found

    def __call__(self, u: Unit) -> str:
        found = self._norm.get(id(u))
        if found is None:
            parts = [u.norm_heading, u.norm]
            for c in u.children:
                parts.append(normalize(c.num))
                parts.append(self(c))
            found = self._norm[id(u)] = " ".join([p for p in parts if p])
            self._alive.append(u)
        return found

    def equal(self, a: Unit, b: Unit) -> bool:
        return self.raw(a) == self.raw(b) or self(a) == self(b)


def _raw_parts(u: Unit, parts: list[str]) -> None:
    """Heading, text, then each sub-unit's number and parts: joined by newlines, the raw content key."""
    parts.append(u.heading)
    parts.append(u.text)
    for c in u.children:
        parts.append(c.num)
        _raw_parts(c, parts)


@dataclass
class _Side:
    units: list[Unit]
    content: ContentKeys
    raw_keys: list[str] = field(default_factory=list)  # content as written (cheap, exact)
    _shingles: dict[int, frozenset] = field(default_factory=dict)  # computed on demand
    paired: dict[int, int] = field(default_factory=dict)  # index -> index on the other side
    grouped: set[int] = field(default_factory=set)  # indexes already in a split or merge

    def __post_init__(self) -> None:
        self.raw_keys = [self.content.raw(u) for u in self.units]

    def key(self, i: int) -> str:
        """Normalised content of unit ``i`` (normalised on first use: identical raw content never needs it)."""
        return self.content(self.units[i])

    def sh(self, i: int) -> frozenset:
        """Shingles of unit ``i``, computed only for units that reach the similarity steps."""
        found = self._shingles.get(i)
        if found is None:
            found = self._shingles[i] = shingles(self.key(i))
        return found

    def free(self) -> list[int]:
        return [i for i in range(len(self.units)) if i not in self.paired]


_WORD = re.compile(r"\d+(?:[-.,/]\d+)*\)?|\w+(?:[-'’]\w+)*")  # the word tokens of lexdraft.text.words


def shingles(text: str) -> frozenset:
    """Lower-cased words and word bigrams: robust for short points, discriminating for long articles."""
    ws = _WORD.findall(text.lower())
    grams: set = set(ws)
    grams.update(zip(ws, ws[1:]))
    return frozenset(grams)


@lru_cache(maxsize=8192)
def _heading_shingles(heading: str) -> frozenset:
    return shingles(heading)


def dice(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def containment(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _link(olds: _Side, news: _Side, i: int, j: int) -> None:
    olds.paired[i] = j
    news.paired[j] = i


def _unique_index(side: _Side, key_of) -> dict:
    """key -> index for keys that occur once among the side's free units."""
    seen: dict = {}
    dup = set()
    for i in side.free():
        k = key_of(i)
        if k is None:
            continue
        if k in seen:
            dup.add(k)
        else:
            seen[k] = i
    return {k: i for k, i in seen.items() if k not in dup}


def _pair_by_key(olds: _Side, news: _Side, key_old, key_new, how: str, pairs: list[Pair], check=None) -> None:
    index = _unique_index(olds, key_old)
    targets = _unique_index(news, key_new)
    for k, j in sorted(targets.items(), key=lambda kv: kv[1]):
        i = index.get(k)
        if i is None or i in olds.paired or j in news.paired:
            continue
        if check is not None and not check(i, j):
            continue
        _link(olds, news, i, j)
        pairs.append(Pair([i], [j], how, 1.0 if how == "content" else 0.0))


def _pair_equal_content_in_order(olds: _Side, news: _Side, pairs: list[Pair]) -> None:
    """Identical content that repeats (several "Исключен." units): same number first, then in document order."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in olds.free():
        by_key[olds.key(i)].append(i)
    for same_number in (True, False):
        for j in news.free():
            cands = [i for i in by_key.get(news.key(j), ()) if i not in olds.paired]
            if same_number:
                cands = [i for i in cands if olds.units[i].label == news.units[j].label]
            if cands:
                _link(olds, news, cands[0], j)
                pairs.append(Pair([cands[0]], [j], "content", 1.0))


def _candidates(olds: _Side, news: _Side, old_pool: list[int], new_pool: list[int]) -> dict[int, list[tuple[int, int]]]:
    """For each new unit, the old units sharing most of its informative shingles relative to the smaller of the
    two (so a short provision that grew is found as well as a long one): (shared count, old index)."""
    if len(old_pool) * len(new_pool) <= SMALL:
        return {j: [(0, i) for i in old_pool] for j in new_pool}
    postings: dict = defaultdict(list)
    for i in old_pool:
        for g in olds.sh(i):
            postings[g].append(i)
    limit = max(MAX_POSTING, len(old_pool) // 20)
    informative = {g: plist for g, plist in postings.items() if len(plist) <= limit}
    sizes = {i: len(olds.sh(i)) or 1 for i in old_pool}
    out: dict[int, list[tuple[int, int]]] = {}
    for j in new_pool:
        shs = news.sh(j)
        counts = Counter(chain.from_iterable(informative[g] for g in shs if g in informative))
        nj = len(shs) or 1
        best = heapq.nsmallest(MAX_CANDIDATES, counts.items(), key=lambda kv: (-kv[1] / min(nj, sizes[kv[0]]), kv[0]))
        out[j] = [(c, i) for i, c in best]
    return out


def similarity(olds: _Side, news: _Side, i: int, j: int) -> float:
    """Content score of a candidate pair: Dice of shingles, or most of one inside the other (a provision that
    grew or shrank), raised when the headings agree."""
    a, b = olds.sh(i), news.sh(j)
    shared = len(a & b)
    if not shared:
        return 0.0
    d = 2 * shared / (len(a) + len(b))
    c = shared / min(len(a), len(b))
    score = max(d, CONTAIN_WEIGHT * c)
    ha, hb = olds.units[i].norm_heading, news.units[j].norm_heading
    if ha and hb:
        if ha == hb:
            score += HEADING_SAME_BONUS
        elif dice(_heading_shingles(ha), _heading_shingles(hb)) >= 0.5:
            score += HEADING_NEAR_BONUS
    return min(score, 1.0)


def _pair_by_similarity(olds: _Side, news: _Side, pairs: list[Pair]) -> None:
    old_free, new_free = olds.free(), news.free()
    if not old_free or not new_free:
        return
    scored = []
    for j, cands in _candidates(olds, news, old_free, new_free).items():
        for _, i in cands:
            s = similarity(olds, news, i, j)
            if s >= PAIR_MIN:
                scored.append((-s, abs(i - j), i, j, s))
    for _, _, i, j, s in sorted(scored):
        if i in olds.paired or j in news.paired:
            continue
        _link(olds, news, i, j)
        pairs.append(Pair([i], [j], "similar", s))


def _pair_in_gaps(olds: _Side, news: _Side, pairs: list[Pair]) -> None:
    """Between two anchors (pairs that kept their order), as many old as new units: pair them in order when they
    are similar enough — the usual in-place amendment, found without building an index."""
    anchors = sorted((p.old[0], p.new[0]) for p in pairs if len(p.old) == 1 and len(p.new) == 1)
    keep = _lis([j for _, j in anchors])
    bounds = [(-1, -1)] + [anchors[k] for k in sorted(keep)] + [(len(olds.units), len(news.units))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        gap_old = [i for i in range(i0 + 1, i1) if i not in olds.paired]
        gap_new = [j for j in range(j0 + 1, j1) if j not in news.paired]
        if not gap_old or len(gap_old) != len(gap_new):
            continue
        for i, j in zip(gap_old, gap_new):
            # word-bag Dice: in place and in order, shared words are evidence enough (no shingles needed)
            s = bag_similarity(olds.key(i), news.key(j))
            if s >= PAIR_MIN:
                _link(olds, news, i, j)
                pairs.append(Pair([i], [j], "in-place", s))


def _pair_same_place(olds: _Side, news: _Side, pairs: list[Pair]) -> None:
    for key_name in ("label", "eid"):
        index = _unique_index(olds, lambda i: getattr(olds.units[i], key_name) or None)
        for j in news.free():
            k = getattr(news.units[j], key_name)
            i = index.get(k) if k else None
            if i is None or i in olds.paired:
                continue
            s = dice(olds.sh(i), news.sh(j))
            # a unit repealed in place keeps its number and only says "Исключен.": the place is the evidence
            if s >= SAME_PLACE_MIN or is_repealed_text(news.key(j)):
                _link(olds, news, i, j)
                pairs.append(Pair([i], [j], "same-" + key_name, s))


def _groups(pieces: _Side, wholes: _Side) -> dict[int, list[int]]:
    """Free piece units mostly contained in one whole unit: whole index -> piece indexes.

    Candidate wholes are the free ones sharing shingles (inverted index) and the partners of the piece's
    neighbours (a split's pieces sit near the piece that kept the whole's place): near-linear, never all pairs.
    """
    free = pieces.free()
    if not free:
        return {}
    free_wholes = [w for w in wholes.free() if w not in wholes.grouped]
    by_index = _candidates(wholes, pieces, free_wholes, free) if free_wholes else {}
    found: dict[int, list[int]] = defaultdict(list)
    n = len(pieces.units)
    for p in free:
        cands = {w for _, w in by_index.get(p, ())}
        for q in range(max(0, p - NEIGHBOURS), min(n, p + NEIGHBOURS + 1)):
            w = pieces.paired.get(q)
            if w is not None and q not in pieces.grouped:
                cands.add(w)
        best = None
        for w in sorted(cands - wholes.grouped):
            c = containment(pieces.sh(p), wholes.sh(w))
            if c >= PART_MIN and (best is None or c > best[0]):
                best = (c, w)
        if best is not None:
            found[best[1]].append(p)
    return found


def _split_or_merge(wholes: _Side, pieces: _Side, merge: bool, pairs: list[Pair]) -> None:
    """Find wholes covered by several pieces (a split, or with sides swapped, a merge)."""
    for w, extra in sorted(_groups(pieces, wholes).items()):
        partner = wholes.paired.get(w)
        members = sorted(extra + ([partner] if partner is not None else []))
        if len(members) < 2 or any(p in pieces.grouped for p in members):
            continue
        union = frozenset().union(*(pieces.sh(p) for p in members))
        cover = containment(wholes.sh(w), union)
        best_single = max(containment(wholes.sh(w), pieces.sh(p)) for p in members)
        # every piece must bring part of the whole: a whole found entirely in one piece was not split
        if cover < COVER_MIN or cover - best_single < PIECE_GAIN:
            continue
        # drop the 1-1 pair the whole had, and claim every piece
        if partner is not None:
            for k, pr in enumerate(pairs):
                side_w, side_p = (pr.new, pr.old) if merge else (pr.old, pr.new)
                if side_w == [w] and side_p == [partner]:
                    del pairs[k]
                    break
        for p in members:
            pieces.paired[p] = w
        wholes.paired[w] = members[0]
        wholes.grouped.add(w)
        pieces.grouped.update(members)
        pair = Pair(members, [w], "merge", cover) if merge else Pair([w], members, "split", cover)
        pairs.append(pair)


def align(old_units: list[Unit], new_units: list[Unit], splits: bool = True,
          content: ContentKeys | None = None) -> list[Pair]:
    """Pair two lists of sibling units; every unit appears in exactly one returned pair.

    Pairs come in the new side's order, each unpaired old unit placed after the pair that precedes it on the
    old side (so a repeal sits where it was).
    """
    content = content or ContentKeys()
    olds, news = _Side(old_units, content), _Side(new_units, content)
    pairs: list[Pair] = []

    def wid_ok(i: int, j: int) -> bool:
        return dice(olds.sh(i), news.sh(j)) >= WID_MIN or olds.key(i) == news.key(j)

    _pair_by_key(olds, news, lambda i: old_units[i].wid or None, lambda j: new_units[j].wid or None, "wid", pairs,
                 wid_ok)
    _pair_by_key(olds, news, lambda i: olds.raw_keys[i], lambda j: news.raw_keys[j], "content", pairs)
    _pair_by_key(olds, news, olds.key, news.key, "content", pairs)
    _pair_equal_content_in_order(olds, news, pairs)

    def num_heading(units: list[Unit]):
        return lambda i: (units[i].label, units[i].norm_heading) if units[i].norm_heading else None

    _pair_by_key(olds, news, num_heading(old_units), num_heading(new_units), "number+heading", pairs)

    def heading(units: list[Unit]):
        return lambda i: units[i].norm_heading or None

    def agrees(i: int, j: int) -> bool:  # a renumbered provision keeps its heading, and most of its words
        return bag_similarity(olds.units[i].text or olds.key(i)[:HEAD_SAMPLE],
                              news.units[j].text or news.key(j)[:HEAD_SAMPLE]) >= PAIR_MIN

    _pair_by_key(olds, news, heading(old_units), heading(new_units), "heading", pairs, agrees)
    _pair_in_gaps(olds, news, pairs)
    _pair_by_similarity(olds, news, pairs)
    _pair_same_place(olds, news, pairs)
    if splits:
        _split_or_merge(olds, news, False, pairs)
        _split_or_merge(news, olds, True, pairs)
    for i in olds.free():
        pairs.append(Pair([i], [], "repealed", 0.0))
    for j in news.free():
        pairs.append(Pair([], [j], "inserted", 0.0))
    return order_pairs(pairs, len(old_units))


def order_pairs(pairs: list[Pair], n_old: int) -> list[Pair]:
    """New-side order; pairs with no new unit go right after the pair holding the old unit before them."""
    with_new = sorted((p for p in pairs if p.new), key=lambda p: min(p.new))
    only_old = sorted((p for p in pairs if not p.new), key=lambda p: min(p.old))
    owner: dict[int, int] = {}  # old index -> position in with_new
    for pos, p in enumerate(with_new):
        for i in p.old:
            owner[i] = pos
    after: dict[int, list[Pair]] = defaultdict(list)  # position in with_new (-1 = start) -> repeals
    for p in only_old:
        i = min(p.old) - 1
        while i >= 0 and i not in owner:
            i -= 1
        after[owner[i] if i >= 0 else -1].append(p)
    out = list(after.get(-1, []))
    for pos, p in enumerate(with_new):
        out.append(p)
        out.extend(after.get(pos, []))
    return out


def moved_pairs(pairs: list[Pair]) -> set[int]:
    """Positions (in ``pairs``) of 1-1 pairs whose relative order changed: those outside a longest increasing
    subsequence of old indexes taken in new order. Renumbering alone is not a move."""
    seq = [(k, p.old[0]) for k, p in enumerate(pairs) if len(p.old) == 1 and len(p.new) == 1]
    keep = _lis([v for _, v in seq])
    return {seq[k][0] for k in range(len(seq)) if k not in keep}


def _lis(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n))."""
    import bisect

    tails: list[int] = []  # values
    tails_idx: list[int] = []
    prev = [-1] * len(values)
    for k, v in enumerate(values):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tails_idx.append(k)
        else:
            tails[pos] = v
            tails_idx[pos] = k
        prev[k] = tails_idx[pos - 1] if pos > 0 else -1
    out = set()
    k = tails_idx[-1] if tails_idx else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


_REPEALED = re.compile(
    r"^(исключен[аоы]?|утратил[аио]? силу|алып тасталды|күші жойылды|deleted|repealed|omitted|spent|"
    r"derogad[oa]|suprimid[oa]|abrogat[oa]|aufgehoben|weggefallen)"
    r"\s*[.;]?\s*((\(|-|–|—|законом|заңымен|қр\b|by\b|por\b|dal\b|durch\b).*)?$",
    re.IGNORECASE,
)


def is_repealed_text(text: str) -> bool:
    """True for the text a repealed unit keeps in place of its wording ("Исключен", "алып тасталды",
    "[Repealed]"), optionally followed by the amending act ("Исключен Законом РК от …", "(… № 397-VI)")."""
    t = normalize(text).strip("[]() .")
    if not t or len(t) > 200:
        return False
    return bool(_REPEALED.match(t))
