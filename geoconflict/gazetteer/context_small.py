"""The document-context bonus of :func:`~geoconflict.gazetteer.context.resolve_candidates` for small documents.

Most documents name a handful of places with a few candidates each (a
median of six candidates in real event notes), and there numpy's per-call
overhead, not the arithmetic, is the cost of
:class:`~geoconflict.gazetteer.context._ContextScorer`. :class:`SmallScorer`
computes the same scores over plain lists, bit for bit: every operation is
the one the numpy form does, in the same order —

* sums are numpy's: ``np.bincount`` adds in order from 0; ``np.add.reduce``
  and ``np.add.reduceat`` sum pairwise (:func:`numpy_sum`, :func:`numpy_segment_sum`);
* the functions whose results depend on the platform's implementation
  (``exp``, ``cos``, ``sin``, ``arcsin``) are numpy's own, each called once on
  a flat array; the rest (``+ - * /``, ``sqrt``, ``min``, ``max``) are correctly
  rounded in both.

The numpy form is the reference (and the path for large documents);
``tests/test_context_small.py`` holds the two equal on generated documents.

Examples
--------
>>> numpy_sum([0.1] * 9) == float(np.add.reduce(np.array([0.1] * 9)))
True
"""

from __future__ import annotations

import itertools

import numpy as np

from geoconflict.gazetteer.candidates import ADMIN1, COUNTRY
from geoconflict.gazetteer.distance import haversine_km_radians
from geoconflict.gazetteer.table import GazetteerTable

__all__ = ["SMALL_CANDIDATES", "SmallScorer", "numpy_segment_sum", "numpy_sum"]

#: Documents with at most this many candidates (of all spans) are scored over lists, larger ones with numpy:
#: on the documents of real event notes and the dense benchmark corpus, the split that takes least time
SMALL_CANDIDATES = 16
#: numpy's pairwise summation: blocks of this size are summed with 8 running sums, larger ones halved
_PAIRWISE_BLOCK = 128
_UNROLL = 8


def _pairwise(a: list[float], lo: int, n: int) -> float:
    """numpy's ``pairwise_sum`` of ``a[lo:lo + n]``."""
    if n < _UNROLL:
        res = 0.0
        for i in range(lo, lo + n):
            res += a[i]
        return res
    if n <= _PAIRWISE_BLOCK:
        r = a[lo:lo + _UNROLL]
        i = _UNROLL
        while i < n - n % _UNROLL:
            r = [x + y for x, y in zip(r, a[lo + i:lo + i + _UNROLL])]
            i += _UNROLL
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        for j in range(lo + i, lo + n):
            res += a[j]
        return res
    half = n // 2
    half -= half % _UNROLL
    return _pairwise(a, lo, half) + _pairwise(a, lo + half, n - half)


def numpy_sum(a: list[float]) -> float:
    """``np.add.reduce`` of a short float64 array, as numpy sums it (pairwise, from 0).

    Examples
    --------
    >>> numpy_sum([1.0, 2.0, 3.5])
    6.5
    """
    return 0.0 + _pairwise(a, 0, len(a))


def numpy_segment_sum(a: list[float], lo: int, hi: int) -> float:
    """One segment ``a[lo:hi]`` (not empty) of ``np.add.reduceat``: its first value plus the pairwise sum of the rest.

    Examples
    --------
    >>> numpy_segment_sum([1.0, 2.0, 3.5, 4.0], 1, 3)
    5.5
    """
    return a[lo] + _pairwise(a, lo + 1, hi - lo - 1)


class SmallScorer:
    """:class:`~geoconflict.gazetteer.context._ContextScorer` over lists: the same arguments, the same scores.

    Parameters
    ----------
    gaz : GazetteerTable
        The gazetteer.
    rows : list of int
        The gazetteer rows of all candidates of all spans.
    key : list of int
        The name (folded surface) each candidate belongs to.
    sizes : list of int
        How many candidates each span has, in order (none empty).
    weights : (float, float, float)
        The weights of the country, admin-1 and nearness bonuses.
    sharpness : float
        A span's probabilities are ``exp(sharpness * (s - max s))``, normalised.
    near_km : float
        A leading candidate this far away gives half its probability as the nearness bonus.
    """

    def __init__(self, gaz: GazetteerTable, rows: list[int], key: list[int], sizes: list[int], *,
                 weights: tuple[float, float, float], sharpness: float, near_km: float) -> None:
        """The candidates' coordinates, weights and groups, as lists."""
        self.weights, self.sharpness, self.near_km = weights, sharpness, near_km
        rows_a = np.array(rows, dtype=np.intp)
        phi = np.radians(gaz._lat[rows_a])
        cos_phi, lon = np.cos(phi), gaz._lon[rows_a]
        # 1 + d / near_km from each candidate (a row) to every candidate, d as the numpy form computes it
        d = haversine_km_radians(phi, cos_phi, lon, phi[:, None], cos_phi[:, None], lon[:, None])
        self.near_denominator: list[list[float]] = (1.0 + d / near_km).tolist()
        kind = [gaz._kind_list[r] for r in rows]
        a1 = [r if k == ADMIN1 else a for r, k, a in zip(rows, kind, gaz._admin1[rows_a].tolist())]
        self.key = key
        self.bounds = list(zip(itertools.accumulate(sizes[:-1], initial=0), itertools.accumulate(sizes)))
        self.cc_weight = [2.0 if k == COUNTRY else 1.0 for k in kind]  # a country counts double in its country
        # an admin1 counts double in itself; a place without one has no share
        self.a1_weight = [0.0 if a < 0 else 2.0 if k == ADMIN1 else 1.0 for k, a in zip(kind, a1)]
        self.cc_groups = _Groups([gaz._cc_list[r] for r in rows], key)
        self.a1_groups = _Groups(a1, key)

    def rescore(self, base: list[float], *, rounds: int) -> list[float]:
        """*base* plus the context bonus, the bonus computed *rounds* times from the scores it changed."""
        scores = base
        for _ in range(rounds):
            scores = [b + x for b, x in zip(base, self.bonus(self.softmax(scores)))]
        return scores

    def softmax(self, scores: list[float]) -> list[float]:
        """Per span: ``exp(2 (s - max s))``, normalised."""
        shifted = []
        for lo, hi in self.bounds:
            own = scores[lo:hi]
            top = max(own)
            shifted += [self.sharpness * (s - top) for s in own]
        e: list[float] = np.exp(shifted).tolist()
        out = []
        for lo, hi in self.bounds:
            total = numpy_segment_sum(e, lo, hi)
            out += [x / total for x in e[lo:hi]]
        return out

    def bonus(self, p: list[float]) -> list[float]:
        """The context bonus of each candidate, given every candidate's probability *p* within its span."""
        cc = self.cc_groups.share([x * w for x, w in zip(p, self.cc_weight)])
        a1 = self.a1_groups.share([x * w for x, w in zip(p, self.a1_weight)])
        w_cc, w_a1, w_near = self.weights
        return [w_cc * c + w_a1 * a + w_near * n for c, a, n in zip(cc, a1, self._nearness(p))]

    def _nearness(self, p: list[float]) -> list[float]:
        """Best ``p / (1 + d / 50)`` over the leading candidates of the other names (0 if none)."""
        out = [0.0] * len(p)
        for b in self._leaders(p):
            lead_p, lead_key, denominator = p[b], self.key[b], self.near_denominator[b]
            for j, k in enumerate(self.key):
                if k != lead_key:
                    v = lead_p / denominator[j]
                    if v > out[j]:
                        out[j] = v
        return out

    def _leaders(self, p: list[float]) -> tuple[int, ...]:
        """Index of each span's most probable candidate (the first one on a tie)."""
        out = []
        for lo, hi in self.bounds:
            own = p[lo:hi]
            out.append(lo + own.index(max(own)))
        return tuple(out)

class _Groups:
    """Candidates grouped (by country or admin-1) and by name, for the shares of :meth:`SmallScorer.bonus`.

    *group* and *key* give each candidate's group and name.
    """

    def __init__(self, group: list[int], key: list[int]) -> None:
        """Number the groups, the (name, group) pairs and the names from 0."""
        groups: dict[int, int] = {}
        pairs: dict[tuple[int, int], int] = {}
        keys: dict[int, int] = {}
        self.index = [(groups.setdefault(g, len(groups)), pairs.setdefault((k, g), len(pairs)),
                       keys.setdefault(k, len(keys))) for g, k in zip(group, key)]
        self.sizes = (len(groups), len(pairs), len(keys))

    def share(self, weight: list[float]) -> list[float]:
        """Other names' weight on each candidate's group, over all other names' weight (at least 1)."""
        n_groups, n_pairs, n_keys = self.sizes
        on_group, on_pair, on_key = [0.0] * n_groups, [0.0] * n_pairs, [0.0] * n_keys
        for w, (g, gk, k) in zip(weight, self.index):  # np.bincount: in order, from 0
            on_group[g] += w
            on_pair[gk] += w
            on_key[k] += w
        total = numpy_sum(weight)
        return [(on_group[g] - on_pair[gk]) / max(total - on_key[k], 1.0) for g, gk, k in self.index]
