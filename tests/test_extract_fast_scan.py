"""Fast scans (:mod:`geoconflict.extraction.fast_scan`) against the plain patterns they stand for, on real and
generated text: the same matches (spans and groups) in every window; and the readers' shared actor lookups
(:func:`~geoconflict.extraction.acled_types.side_next_to`) against the plain :func:`actor_before`.

The generated text is made of the words the cue patterns look for (and of their pieces and near misses), so that
matches and near misses are frequent; the real text is the seed reports' sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction.acled_types import actor_before, named_actors, named_spans, side_next_to
from geoconflict.extraction.cues import Fold
from geoconflict.extraction.fast_scan import boundary_first
from geoconflict.lang import en
from geoconflict.text.normalize import case_fold

_FOLD = [p for p in vars(Fold).values() if isinstance(p, re.Pattern)]
_WORDS = sorted({w for stems in en.CUE_STEMS.values() for w in stems}
                | {w + "ed" for w in ("attack", "shell", "clash", "kill", "raid")}
                | {"the", "a", "of", "police", "fired", "on", "at", "crowd", "with", "and", "⟦0⟧", "x", "s", "ed",
                   "ing", "were", "by", "stones", "people", "civilians", "protesters", "drones", "gunmen", "air",
                   "strike", "strikes", "re", "un"})
_SEPARATORS = [" ", " ", "", "-", ", ", ". ", "\n", "'s "]
_TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=25).map(
    lambda parts: "".join(w + sep for w, sep in parts))


def _real_sentences() -> list[str]:
    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[:60]
    return [case_fold(s) for p in seeds for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8"))]


def _found(pattern: re.Pattern[str], text: str, lo: int = 0, hi: int = 10**9) -> list[tuple[object, ...]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text, lo, hi)]


def test_the_strike_words_are_scanned_boundary_first() -> None:
    assert boundary_first(Fold.STRIKE) is not Fold.STRIKE


@pytest.mark.parametrize("pattern", [p for p in _FOLD if boundary_first(p) is not p], ids=lambda p: p.pattern[:40])
def test_boundary_first_finds_the_same_on_real_text(pattern: re.Pattern[str]) -> None:
    fast = boundary_first(pattern)
    for text in _real_sentences():
        for lo in (0, len(text) // 3):
            assert _found(fast, text, lo) == _found(pattern, text, lo)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, lo=st.integers(0, 60), width=st.integers(0, 200))
def test_boundary_first_finds_the_same(text: str, lo: int, width: int) -> None:
    for pattern in _FOLD:
        assert _found(boundary_first(pattern), text, lo, lo + width) == _found(pattern, text, lo, lo + width)


def test_boundary_first_needs_a_leading_boundary() -> None:
    assert boundary_first(re.compile(r"(?=ab)abc")).pattern == "(?=ab)abc"
    assert boundary_first(re.compile(r"(?=ab)\babc")).pattern == r"\b(?=ab)\babc"
    assert boundary_first(re.compile(r"(?<=x)\babc")).pattern == r"(?<=x)\babc"  # (a look-behind: left as it is)
    assert boundary_first(re.compile(r"abc|\bx")).pattern == r"abc|\bx"  # (a branch: left as it is)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS.map(lambda t: t.replace("police", "Police").replace("people", "Russian forces")),
       cut=st.integers(0, 300))
def test_side_next_to_is_actor_before(text: str, cut: int) -> None:
    at = min(cut, len(text))
    folded = case_fold(text)
    found = named_spans(text, folded, 0, at)
    assert side_next_to(text, folded, found, at) == actor_before(text, folded, 0, at)
    assert [n for _, _, n in found] == named_actors(text, folded, 0, at)
