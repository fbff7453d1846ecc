"""Literal gates (:mod:`geoconflict.extraction.literal_gate`) against the plain searches they skip, on real and generated
text: a gated search answers what the pattern's own search answers, in every window.

The text is made of the words the gated patterns look for (and of their pieces and near misses), so that matches
and near misses are frequent; the real text is the seed reports' sentences.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import acled_types, ground, located, movements
from geoconflict.extraction.acled_types import actor_before, named_actors, named_spans, side_next_to
from geoconflict.extraction.cues import Fold
from geoconflict.extraction.literal_gate import Gated, boundary_first, required_words
from geoconflict.text.normalize import case_fold

_GATED = [g for g in [*vars(acled_types._Gated).values(), *vars(ground).values()] if isinstance(g, Gated)] + [
    movements._CIVILIAN, located._STRIKE]
_PATTERNS = [g.pattern for g in _GATED] + [Fold.STRIKE, Fold.MOVE, Fold.COMBAT, Fold.CLAIM, Fold.MEETING]
_WORDS = sorted({w for p in _PATTERNS for w in required_words(p) or ()}
                | {w[:-1] for p in _PATTERNS for w in required_words(p) or () if len(w) > 3}
                | {"the", "a", "of", "police", "fired", "on", "at", "crowd", "with", "and", "⟦0⟧", "x", "s", "ed",
                   "ing", "were", "by", "stones", "people", "civilians", "protesters", "drones", "killed"})
_SEPARATORS = [" ", " ", "", "-", ", ", ". ", "\n", "'s "]
_TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=25).map(
    lambda parts: "".join(w + sep for w, sep in parts))


def _spans(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


def _real_sentences() -> list[str]:
    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[:60]
    return [case_fold(s) for p in seeds for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("gate", _GATED, ids=lambda g: g.pattern.pattern[:40])
def test_gated_search_equals_search_on_real_text(gate: Gated) -> None:
    for text in _real_sentences():
        assert _spans(gate.search(text)) == _spans(gate.pattern.search(text))
        half = len(text) // 2
        assert _spans(gate.search(text, half)) == _spans(gate.pattern.search(text, half))
        assert _spans(gate.search(text, 0, half)) == _spans(gate.pattern.search(text, 0, half))
        assert [m.span() for m in gate.finditer(text)] == [m.span() for m in gate.pattern.finditer(text)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, lo=st.integers(0, 60), width=st.integers(0, 200))
def test_no_words_no_match(text: str, lo: int, width: int) -> None:
    for p in _PATTERNS:
        words = required_words(p)
        if words is not None and not any(w in text[lo:lo + width] for w in words):
            assert p.search(text, lo, lo + width) is None
    for gate in _GATED:
        assert _spans(gate.search(text, lo, lo + width)) == _spans(gate.pattern.search(text, lo, lo + width))


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\b(?:air\s*strikes?|shell(?:ed|ing))\b", {"strike", "strikes", "shelled", "shelling"}),
    (r"(?:signed|agreed\s+to)\s+(?:a\s+)?(?:deal|accord)s?", {"signed", "agreed"}),
    (r"mob|riot(?:s|ers)?", {"mob", "riot", "riots", "rioters"}),
    (r"(?=\s+hostages?)took", {"hostage", "hostages"}),  # the look-ahead's words, rarer than "took"
    (r"(?<=attack )by", None),  # a look-behind's words do not count, "by" is too short
    (r"x(?i:mob)", None),  # regardless of case
    (r"\w+ed|fired", None),  # a branch with no words
    (r"(?:gun)?shots", {"shots", "gunshots"}),
    (r"set\s+\w+\s+on\s+fire", {"fire"}),
])
def test_required_words(pattern: str, words: set[str] | None) -> None:
    found = required_words(re.compile(pattern))
    assert (None if found is None else set(found)) == words


def test_ignorecase_gives_no_words() -> None:
    assert required_words(re.compile("mob", re.IGNORECASE)) is None
    assert Gated(re.compile("mob", re.IGNORECASE)).search("MOB") is not None


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS.map(lambda t: t.replace("police", "Police").replace("people", "Russian forces")),
       cut=st.integers(0, 300))
def test_side_next_to_is_actor_before(text: str, cut: int) -> None:
    at = min(cut, len(text))
    folded = case_fold(text)
    found = named_spans(text, folded, 0, at)
    assert side_next_to(text, folded, found, at) == actor_before(text, folded, 0, at)
    assert [n for _, _, n in found] == named_actors(text, folded, 0, at)


_FOLD = [p for p in vars(Fold).values() if isinstance(p, re.Pattern)]


@pytest.mark.parametrize("pattern", [p for p in _FOLD if boundary_first(p) is not p], ids=lambda p: p.pattern[:40])
def test_boundary_first_finds_the_same_on_real_text(pattern: re.Pattern[str]) -> None:
    fast = boundary_first(pattern)
    for text in _real_sentences():
        for lo in (0, len(text) // 3):
            assert [(m.span(), m.lastgroup) for m in fast.finditer(text, lo)] == [
                (m.span(), m.lastgroup) for m in pattern.finditer(text, lo)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, lo=st.integers(0, 60), width=st.integers(0, 200))
def test_boundary_first_finds_the_same(text: str, lo: int, width: int) -> None:
    for pattern in _FOLD:
        fast = boundary_first(pattern)
        assert [(m.span(), m.lastgroup) for m in fast.finditer(text, lo, lo + width)] == [
            (m.span(), m.lastgroup) for m in pattern.finditer(text, lo, lo + width)]


def test_boundary_first_needs_a_leading_boundary() -> None:
    assert boundary_first(re.compile(r"(?=ab)abc")).pattern == "(?=ab)abc"
    assert boundary_first(re.compile(r"(?=ab)\babc")).pattern == r"\b(?=ab)\babc"
    assert boundary_first(re.compile(r"(?<=x)\babc")).pattern == r"(?<=x)\babc"  # (a look-behind: left as it is)
