"""A pattern tried only where a match can begin (:class:`geoconflict.lang.scan.Scan`) finds what the pattern finds.

Each scan used on the event side is held to its pattern's own ``finditer`` and ``search`` (spans, groups,
the group that matched), in whole texts and in windows, on the test reports and on generated text made of the
pattern's beginnings, cut and extended, and random letters: a beginning left out, or candidates taken out of
order, would show.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction.actors import _ACTOR_SCAN
from geoconflict.extraction.cues import SCAN_OF, Scans
from geoconflict.lang.scan import Scan
from geoconflict.lang.trie import match_prefixes
from geoconflict.text.normalize import case_fold
from geoconflict.text.report import read_report

REPORTS = Path(__file__).resolve().parent / "reports"
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: every scan of the event side, by name
_SCANS: dict[str, Scan] = {**{name: value for name, value in vars(Scans).items() if isinstance(value, Scan)},
                           "ACTOR": _ACTOR_SCAN}


def _found(matches) -> list[tuple[tuple[int, int], str | None, tuple]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in matches]


def _assert_alike(scan: Scan, text: str, pos: int, endpos: int) -> None:
    pattern = scan.pattern
    assert _found(scan.finditer(text, pos, endpos)) == _found(pattern.finditer(text, pos, endpos)), (text, pos, endpos)
    got, want = scan.search(text, pos, endpos), pattern.search(text, pos, endpos)
    assert _found([got] if got else []) == _found([want] if want else []), (text, pos, endpos)


def test_the_scans_rule_positions_out():
    # each has an automaton of beginnings (a pattern whose matches may begin anyhow would gain nothing)
    for name, scan in _SCANS.items():
        assert scan._automaton is not None, name
    assert SCAN_OF["strike"] is Scans.STRIKE


@pytest.mark.parametrize("name", sorted(_SCANS))
def test_scans_find_what_their_patterns_find_in_the_test_reports(name):
    scan = _SCANS[name]
    found = 0
    for path in sorted(REPORTS.glob("*.txt")):
        body = read_report(path).body
        text = body if name == "ACTOR" else case_fold(body)  # (the actor pattern reads the text as written)
        _assert_alike(scan, text, 0, len(text))
        for lo in range(0, len(text), 97):
            _assert_alike(scan, text, lo, lo + 150)
        found += len(list(scan.pattern.finditer(text)))
    assert found > 0  # the comparison saw matches, not only their absence


def _near_words(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Pieces of text a scan must not get wrong: the pattern's beginnings, cut and extended, and letters."""
    start = st.sampled_from(sorted(match_prefixes(pattern, 5) or {"a"}))
    return st.one_of(
        start,
        st.builds(lambda s, n: s[:n], start, st.integers(0, 4)),
        st.builds(lambda s, t: s + t, start, st.text("abcdeilmnorstuy -", max_size=12)),
        st.text("abcdefghijklmnopqrstuvwxyzRSUA ,.-'", min_size=1, max_size=8),
        st.sampled_from([" ", ", ", ". ", " the ", " were ", " in ", " forces ", " Russian ", " RSF "]),
    )


@pytest.mark.parametrize("name", sorted(_SCANS))
@_SETTINGS
@given(data=st.data())
def test_scans_find_what_their_patterns_find_in_generated_text(name, data):
    scan = _SCANS[name]
    text = "".join(data.draw(st.lists(_near_words(scan.pattern), max_size=25)))
    pos = data.draw(st.integers(-2, len(text) + 2))
    endpos = data.draw(st.integers(-2, len(text) + 5))
    _assert_alike(scan, text, 0, len(text))
    _assert_alike(scan, text, pos, endpos)


def test_a_pattern_whose_matches_may_begin_anyhow_is_searched_as_it_is():
    anyhow = Scan(re.compile(r"\w+ed\b"))
    ignoring_case = Scan(re.compile(r"shell(?:ed|ing)", re.IGNORECASE))
    assert anyhow._automaton is None and ignoring_case._automaton is None
    assert [m.group(0) for m in anyhow.finditer("they shelled and raided it")] == ["shelled", "raided"]
    assert ignoring_case.search("SHELLING began").group(0) == "SHELLING"


def test_beginnings_of_several_lengths_are_tried_in_text_order():
    # "b" (a pattern that may end after one letter) ends before "abc" does, though it begins after it
    scan = Scan(re.compile(r"abc|b"), depth=3)
    assert scan._sort
    assert [m.span() for m in scan.finditer("xabcb")] == [(1, 4), (4, 5)]
    assert scan.search("xabcb").span() == (1, 4)
