"""Resolving the place names of one document together: each name is ranked in the light of the others.

Places named elsewhere in a text pull ambiguous names towards their country,
their admin-1 unit and their neighbourhood: Pokrovsk in a report about
Donetsk is the Ukrainian one; Goma next to Rwanda is in DR Congo.

Examples
--------
>>> from geoconflict.gazetteer import Gazetteer
>>> text = "Shelling in Goma; refugees crossed into Rwanda."
>>> [c.place.country_code for c in resolve_candidates(Gazetteer.default(), text, [(12, 16), (40, 46)])]
['CD', 'RW']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np

from geoconflict.errors import InvalidInputError
from geoconflict.gazetteer.candidates import ADMIN1, COUNTRY, SCORE_DECIMALS, Candidate, make_candidate
from geoconflict.gazetteer.context_small import SMALL_CANDIDATES, SmallScorer
from geoconflict.gazetteer.distance import haversine_km_radians
from geoconflict.gazetteer.mentions import span_ranked
from geoconflict.gazetteer.table import CONTEXT_MEMO_NAMES, CONTEXT_MEMO_SIZE, GazetteerTable
from geoconflict.lang.en import DESCRIPTOR_AFTER_NAME
from geoconflict.text.normalize import fold

__all__ = ["CONTEXT_ADMIN1", "CONTEXT_COUNTRY", "CONTEXT_NEAR", "resolve_candidates"]

_AFTER = DESCRIPTOR_AFTER_NAME
#: weights of the three context bonuses (see resolve_candidates)
CONTEXT_COUNTRY, CONTEXT_ADMIN1, CONTEXT_NEAR = 1.2, 1.2, 1.5
#: a leading candidate this far away gives half its probability as the nearness bonus
CONTEXT_NEAR_SCALE_KM = 50.0
#: how many times the context bonuses are recomputed from the scores they changed
CONTEXT_ROUNDS = 2
#: a span's probabilities are ``exp(SHARPNESS * (s - max s))``, normalised
SOFTMAX_SHARPNESS = 2.0
#: candidates ranked per span
SPAN_CANDIDATES = 12


def resolve_candidates(gaz: GazetteerTable, text: str, spans: Iterable[tuple[int, int]], *,
                       limit: int = SPAN_CANDIDATES) -> list[Candidate | None]:
    """Like :meth:`Gazetteer.resolve`, returning the winning :class:`Candidate` of each span.

    Every span's candidates start from their name score. Twice, each
    candidate then gains a bonus from the *other* names of the document (a
    name never supports itself, nor do other mentions of the same name):

    * country: the share of the others' probability mass in its country
      (a country candidate counts double);
    * first-level division: the same for its admin1 (an admin1 counts double);
    * nearness: the best ``p / (1 + d / 50 km)`` over the others' leading
      candidates, ``p`` being that candidate's probability.

    All candidates of all spans are scored together as flat arrays (a small document's as
    lists, the same numbers: :mod:`~geoconflict.gazetteer.context_small`).

    Parameters
    ----------
    gaz : GazetteerTable
        The gazetteer (a :class:`~geoconflict.gazetteer.index.Gazetteer`).
    text : str
        The document.
    spans : iterable of (int, int)
        ``(start, end)`` of each place name in *text*; a descriptor word right
        after a span ("Kursk *region*") counts as part of its name.
    limit : int
        Candidates ranked per span.

    Returns
    -------
    list of Candidate or None
        One per span: the best candidate in context (its reason ending in
        "document context"), or None where the name matches nothing.

    Raises
    ------
    InvalidInputError
        When *text* is not a string or a span is outside it.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"text must be a string, got {type(text).__name__}", field="text")
    names, key_of = _span_names(text, [(int(s), int(e)) for s, e in spans])
    memo_key = (limit, tuple(names), tuple(key_of))
    hit = gaz._context_memo.get(memo_key)
    if hit is None:
        hit = tuple(_resolve_names(gaz, names, key_of, limit))
        if len(gaz._context_memo) >= CONTEXT_MEMO_SIZE or gaz._context_memo_names + len(names) > CONTEXT_MEMO_NAMES:
            gaz._context_memo.clear()
            gaz._context_memo_names = 0
        gaz._context_memo[memo_key] = hit
        gaz._context_memo_names += len(names)
    return list(hit)


def _resolve_names(gaz: GazetteerTable, names: list[str], key_of: list[int], limit: int) -> list[Candidate | None]:
    """:func:`resolve_candidates` of the spans' *names* (with their descriptor), *key_of* numbering their folded
    surfaces: what it gives depends on nothing else, so it is memoised by them."""
    ranked = [span_ranked(gaz, name, limit=limit) for name in names]
    sizes = [len(c) for c in ranked]
    if not any(sizes):
        return [None] * len(names)
    rows = [c[0] for cands in ranked for c in cands]
    base = [c[1] for cands in ranked for c in cands]
    key = [k for k, n in zip(key_of, sizes) for _ in range(n)]
    filled = [n for n in sizes if n]
    if len(set(key)) <= 1:  # one name: nothing else in the document to support or oppose it, every bonus is 0
        scores = base
    elif len(rows) <= SMALL_CANDIDATES:  # the same scores over lists: numpy's overhead is the cost here
        scores = SmallScorer(gaz, rows, key, filled, weights=(CONTEXT_COUNTRY, CONTEXT_ADMIN1, CONTEXT_NEAR),
                             sharpness=SOFTMAX_SHARPNESS, near_km=CONTEXT_NEAR_SCALE_KM).rescore(base, rounds=CONTEXT_ROUNDS)
    else:
        scores = _ContextScorer(gaz, rows, key, filled).rescore(np.array(base, dtype=np.float64),
                                                                rounds=CONTEXT_ROUNDS).tolist()
    out: list[Candidate | None] = []
    pos = 0
    for cands, n in zip(ranked, sizes):
        if not n:
            out.append(None)
            continue
        own = scores[pos:pos + n]
        b = own.index(max(own))  # the first best, as np.argmax
        row, _, reason = cands[b]
        out.append(make_candidate(gaz.place(row), round(own[b], SCORE_DECIMALS), reason + "; document context"))
        pos += n
    return out


def _span_names(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[int]]:
    """Each span's name, a descriptor right after it counted in ("Kursk *region*"), and its folded surface's number.

    Mentions of one name (folded surface) share a number.
    """
    keys: dict[str, int] = {}
    names: list[str] = []
    key_of: list[int] = []
    for s, e in spans:
        if not 0 <= s < e <= len(text):
            raise InvalidInputError(f"span ({s}, {e}) is outside the text of length {len(text)}", field="spans")
        surface = text[s:e]
        m = _AFTER.match(text, e)
        names.append(f"{surface} {m.group(1)}" if m and not surface.lower().endswith(m.group(1).lower()) else surface)
        key_of.append(keys.setdefault(fold(surface), len(keys)))
    return names, key_of


class _ContextScorer:
    """The document-context bonus of :func:`resolve_candidates`, over flat candidate arrays.

    *rows* are the gazetteer rows of all candidates of all spans, *key* the
    name (folded surface) each belongs to, *sizes* how many candidates each
    span has, in order (spans without candidates left out).
    Documents are mostly small, so the groups are made with as few numpy
    calls as possible: its per-call overhead, not the arithmetic, is the cost.
    """

    #: candidate x leading-candidate distances computed per block (bounds memory on huge inputs)
    BLOCK = 1 << 21

    def __init__(self, gaz: GazetteerTable, rows: list[int], key: list[int], sizes: list[int]) -> None:
        """The candidates' spans, coordinates, weights and groups, as arrays (see the class docstring)."""
        rows_a = np.array(rows, dtype=np.intp)
        kind = gaz._kind[rows_a]
        self.key = np.array(key, dtype=np.intp)
        #: span number of each candidate, and where each span's candidates start
        self.seg = np.repeat(np.arange(len(sizes)), sizes)
        self.starts = np.array(list(itertools.accumulate(sizes[:-1], initial=0)), dtype=np.intp)
        self.index = np.arange(len(rows))
        self.phi = np.radians(gaz._lat[rows_a])
        self.cos_phi = np.cos(self.phi)
        self.lon = gaz._lon[rows_a]
        self.cc_weight = (kind == COUNTRY) + 1.0  # a country counts double in its country
        is_admin1 = kind == ADMIN1
        admin1 = np.where(is_admin1, rows_a, gaz._admin1[rows_a])
        self.a1_weight = (admin1 >= 0) * (is_admin1 + 1.0)  # an admin1 counts double in itself
        # country codes are small numbers already; admin1 rows are renumbered 0..k-1
        self.cc_group = gaz._cc[rows_a].astype(np.intp)
        self.cc_key_group = self.key * len(gaz._cc_codes) + self.cc_group
        numbers: dict[int, int] = {}
        self.a1_group = np.array([numbers.setdefault(a, len(numbers)) for a in admin1.tolist()], dtype=np.intp)
        self.a1_key_group = self.key * len(numbers) + self.a1_group
        self._kept: tuple[bytes, np.ndarray] | None = None  # the last leaders and their distances

    def rescore(self, base: np.ndarray, *, rounds: int) -> np.ndarray:
        """*base* plus the context bonus, the bonus computed *rounds* times from the scores it changed."""
        scores = base
        for _ in range(rounds):
            scores = base + self.bonus(self.softmax(scores))
        return scores

    def softmax(self, scores: np.ndarray) -> np.ndarray:
        """Per span: ``exp(2 (s - max s))``, normalised."""
        seg = self.seg
        e = np.exp(SOFTMAX_SHARPNESS * (scores - np.maximum.reduceat(scores, self.starts)[seg]))
        return e / np.add.reduceat(e, self.starts)[seg]

    def bonus(self, p: np.ndarray) -> np.ndarray:
        """The context bonus of each candidate, given every candidate's probability *p* within its span."""
        # (a candidate without an admin1 has an admin1 share of exactly 0: its group, of such
        # candidates only, and their weights are all 0)
        return (CONTEXT_COUNTRY * self._share(p * self.cc_weight, self.cc_group, self.cc_key_group)
                + CONTEXT_ADMIN1 * self._share(p * self.a1_weight, self.a1_group, self.a1_key_group)
                + CONTEXT_NEAR * self._nearness(p))

    def _share(self, weight: np.ndarray, group: np.ndarray, key_group: np.ndarray) -> np.ndarray:
        """Other names' weight on each candidate's group, over all other names' weight (at least 1)."""
        others_on_group = np.bincount(group, weight)[group] - np.bincount(key_group, weight)[key_group]
        others_total = np.add.reduce(weight) - np.bincount(self.key, weight)[self.key]  # weight.sum(), faster
        return others_on_group / np.maximum(others_total, 1.0)

    def _nearness(self, p: np.ndarray) -> np.ndarray:
        """Best ``p / (1 + d / 50)`` over the leading candidates of the other names (0 if none)."""
        best = self._leaders(p)
        lead_p, lead_key = p[best, None], self.key[best, None]
        out = np.empty(len(p))
        step = max(1, self.BLOCK // max(len(best), 1))
        for lo in range(0, len(p), step):
            hi = lo + step
            v = lead_p / (1.0 + self._distances(best, lo, hi) / CONTEXT_NEAR_SCALE_KM)  # a row per leader
            v[self.key[lo:hi] == lead_key] = 0.0  # every v is >= 0, so 0 stands for "none"
            out[lo:hi] = np.maximum.reduce(v, axis=0)  # faster than v.max(axis=1) on the transposed array
        return out

    def _distances(self, best: np.ndarray, lo: int, hi: int) -> np.ndarray:
        """Haversine km from each leader (a row) to candidates ``lo:hi``; kept for the next round when one block."""
        whole = lo == 0 and hi >= len(self.phi)
        tag = best.tobytes()
        if whole and self._kept is not None and self._kept[0] == tag:
            return self._kept[1]
        d = haversine_km_radians(self.phi[lo:hi], self.cos_phi[lo:hi], self.lon[lo:hi],
                                 self.phi[best, None], self.cos_phi[best, None], self.lon[best, None])
        if whole:
            self._kept = (tag, d)
        return d

    def _leaders(self, p: np.ndarray) -> np.ndarray:
        """Index of each span's most probable candidate (the first one on a tie)."""
        top = p == np.maximum.reduceat(p, self.starts)[self.seg]
        return np.minimum.reduceat(np.where(top, self.index, len(p)), self.starts)
