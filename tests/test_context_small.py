"""The list form of the document-context scores against the numpy form, number for number.

:class:`~geoconflict.gazetteer.context_small.SmallScorer` scores the small
documents that :func:`~geoconflict.gazetteer.context.resolve_candidates` meets
most; the numpy ``_ContextScorer`` is the reference. The documents here are
generated from the real gazetteer: candidates of real names (many in one
country, so that shares and nearness matter), the same place under two names,
and random rows from anywhere, with scores as the ranking gives them (three
decimals, ties frequent).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer import context as ctx
from geoconflict.gazetteer.context_small import SmallScorer, numpy_segment_sum, numpy_sum
from geoconflict.gazetteer.mentions import span_ranked

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: names with several candidates each, in a few countries (real homonyms: Pokrovsk, Alexandria, Tripoli, ...)
_NAMES = ["Pokrovsk", "Kursk", "Donetsk", "Kharkiv", "Alexandria", "Tripoli", "Goma", "Rafah", "Sudzha",
          "Kidal", "Aleppo", "Tyre", "Georgia", "Victoria", "Springfield", "Andriivka", "Novoselivka", "Sumy"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


@pytest.fixture(scope="module")
def pool(gaz):
    """Gazetteer rows of the candidates of :data:`_NAMES`."""
    return sorted({row for name in _NAMES for row, _, _ in span_ranked(gaz, name, limit=12)})


def _both(gaz, rows, key, sizes, base):
    small = SmallScorer(gaz, rows, key, sizes, weights=(ctx.CONTEXT_COUNTRY, ctx.CONTEXT_ADMIN1, ctx.CONTEXT_NEAR),
                        sharpness=ctx.SOFTMAX_SHARPNESS, near_km=ctx.CONTEXT_NEAR_SCALE_KM)
    reference = ctx._ContextScorer(gaz, rows, key, sizes)
    return (small.rescore(base, rounds=ctx.CONTEXT_ROUNDS),
            reference.rescore(np.array(base, dtype=np.float64), rounds=ctx.CONTEXT_ROUNDS).tolist())


@st.composite
def documents(draw, pool_rows, n_rows):
    """(rows, key, sizes, base): 2-6 spans of 1-12 candidates, at least two names."""
    sizes = draw(st.lists(st.integers(1, 12), min_size=2, max_size=6))
    names = draw(st.lists(st.integers(0, 3), min_size=len(sizes), max_size=len(sizes)).filter(
        lambda k: len(set(k)) > 1))
    row = st.one_of(st.sampled_from(pool_rows), st.integers(0, n_rows - 1))
    rows = [draw(row) for _ in range(sum(sizes))]
    score = st.one_of(st.sampled_from([0.0, 1.0, 2.5, 3.0]), st.integers(-2000, 9000).map(lambda v: v / 1000))
    base = [draw(score) for _ in rows]
    key = [k for k, n in zip(names, sizes) for _ in range(n)]
    return rows, key, sizes, base


def test_small_scorer_equals_numpy_on_generated_documents(gaz, pool):
    @_SETTINGS
    @given(documents(pool, len(gaz)))
    def check(doc):
        small, reference = _both(gaz, *doc)
        assert small == reference  # exactly: the same floats, so the same winners and rounded scores

    check()


def test_small_scorer_on_one_place_under_two_names(gaz, pool):
    # the same rows in both spans: ties everywhere, the first best must win in both forms
    rows = pool[:5]
    small, reference = _both(gaz, rows + rows, [0] * 5 + [1] * 5, [5, 5], [2.0] * 10)
    assert small == reference
    assert small[:5] == small[5:]


def test_resolve_candidates_takes_both_paths_alike(gaz):
    text = "Shelling hit Pokrovsk overnight; Sudzha was also struck, officials in Bakhmut said."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Pokrovsk", "Sudzha", "Bakhmut")]
    names, _ = ctx._span_names(text, spans)
    ranked = [span_ranked(gaz, name, limit=ctx.SPAN_CANDIDATES) for name in names]
    assert sum(map(len, ranked)) <= ctx.SMALL_CANDIDATES  # a small document: the list form scores it
    small = ctx.resolve_candidates(gaz, text, spans)
    saved = ctx.SMALL_CANDIDATES
    try:
        ctx.SMALL_CANDIDATES = -1  # every document through numpy
        gaz._context_memo.clear()  # (else the list form's answer, memoised, comes back)
        reference = ctx.resolve_candidates(gaz, text, spans)
    finally:
        ctx.SMALL_CANDIDATES = saved
    assert [(c.place, c.score, c.reason) for c in small] == [(c.place, c.score, c.reason) for c in reference]
    assert [c.place.country_code for c in small] == ["UA", "RU", "UA"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.floats(0, 1e6, allow_nan=False) | st.sampled_from([0.0, 0.1, 1e-300, 3.3]), max_size=300))
def test_numpy_sum(values):
    assert numpy_sum(values) == float(np.add.reduce(np.array(values, dtype=np.float64)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=40), min_size=1, max_size=8))
def test_numpy_segment_sum(segments):
    flat = [v for seg in segments for v in seg]
    starts = np.cumsum([0] + [len(s) for s in segments[:-1]])
    expected = np.add.reduceat(np.array(flat, dtype=np.float64), starts).tolist()
    got, lo = [], 0
    for seg in segments:
        got.append(numpy_segment_sum(flat, lo, lo + len(seg)))
        lo += len(seg)
    assert got == expected
