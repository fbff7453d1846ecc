"""The fast date scan against its plain reference, on every date shape the rules know.

``find_expressions`` skips a rule whose hints are not in a text, and
``find_dates`` builds on it: both must give what the plain regexes give, on
written sentences (one or more per rule), on the test reports, and on texts
glued from the rules' own words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.lang.en import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from geoconflict.text import date_rules
from geoconflict.text.date_rules import (
    COUNT_WORDS,
    RELDAY_PHRASES,
    UNIT_DAYS,
    find_expressions,
    find_expressions_reference,
)
from geoconflict.text.dates import find_dates, find_dates_reference
from geoconflict.text.normalize import case_fold

REPORTS = Path(__file__).parent / "reports"
ANCHOR = date(2024, 8, 14)

# One sentence per date shape (and the rule that must find it), written for this test.
SHAPES = [
    ("iso", "The ministry's statement of 2024-08-10 listed the losses."),
    ("md", "Shelling resumed on Monday, August 12, 2024 near the depot."),
    ("md", "Militants raided the post on Sept. 3rd before dawn."),
    ("dm", "On the 4th of March, protesters gathered at the court."),
    ("dm", "Around 16 June 2023, troops fired on a convoy."),
    ("end", "Talks could resume by the end of next month."),
    ("end", "The unit withdrew at the beginning of March 2023."),
    ("end", "Fighting eased toward the middle of 2022."),
    ("my", "Clashes in May 2021 displaced hundreds."),
    ("month", "Since early August the front has hardly moved."),
    ("month", "Raids continued in mid-Jan. across the district."),
    ("weekday", "Late on Friday evening a drone hit the substation."),
    ("weekday", "Since Tuesday the garrison has been cut off."),
    ("relday", "The bridge was blown up the day before, officials said."),
    ("relday", "Overnight, air defence units downed two drones."),
    ("relday", "A curfew starts tonight in the capital."),
    ("relday", "Police dispersed the crowd this morning."),
    ("relday", "Gunmen struck again the following day."),
    ("ago", "The village was retaken a couple of weeks ago."),
    ("ago", "Only three days ago a market was shelled."),
    ("for", "The town has been besieged for more than the past three months."),
    ("for", "Strikes went on for several days."),
    ("relunit", "Aid convoys arrived earlier this week."),
    ("relunit", "The offensive may start the coming month."),
    ("year", "Unrest has grown since 1999 in the north."),
    ("year", "During 2023 the militia doubled in size."),
]


def _expressions(found):
    # a group a rule leaves out and one it reports as None are the same
    return [(kind, start, end, {k: v for k, v in g.items() if v is not None}) for kind, start, end, g in found]


@pytest.mark.parametrize(("kind", "text"), SHAPES)
def test_each_shape_is_found_and_the_fast_scan_agrees(kind, text):
    fast = _expressions(find_expressions(text))
    assert kind in {k for k, *_ in fast}
    assert fast == _expressions(find_expressions_reference(text))
    assert find_dates(text, ANCHOR) == find_dates_reference(text, ANCHOR)


def test_the_shapes_cover_every_rule():
    assert {kind for kind, _ in SHAPES} == {rule.kind for rule in date_rules._RULES}


@pytest.mark.parametrize("path", sorted(REPORTS.glob("*.txt")), ids=lambda p: p.stem)
def test_test_reports_agree(path):
    text = path.read_text(encoding="utf-8")
    assert _expressions(find_expressions(text)) == _expressions(find_expressions_reference(text))
    assert find_dates(text, ANCHOR) == find_dates_reference(text, ANCHOR)


def test_a_rule_without_its_hints_is_skipped():
    # no hint of any group: the rule cannot match, and is not tried
    rules = {rule.kind: rule for rule in date_rules._RULES}
    masks = date_rules._HINT_MASKS

    def tried(kind, text):
        lower = case_fold(text)
        fast = date_rules._hints_found(lower) & masks[kind] == masks[kind]
        assert fast == date_rules._may_match(rules[kind], lower)
        return fast

    assert not tried("for", "Troops held the line.")
    assert not tried("ago", "Troops held the line.")
    # "for" is there but no unit: the second group fails
    assert not tried("for", "Troops fought for the bridge.")
    assert tried("for", "Troops fought FOR days.")
    assert tried("weekday", "Since TUESDAY")
    assert not tried("weekday", "the day before")
    assert masks["md"] == 0  # the month rules go by the month names found


def test_hints_are_lower_case():
    for rule in date_rules._RULES:
        for group in rule.hints:
            assert all(h == case_fold(h) for h in group)


# The rules' own words, glued with what separates words in prose: every core and every lead can be made.
_WORDS = sorted({
    *MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *RELDAY_PHRASES, *COUNT_WORDS, *UNIT_DAYS,
    *(u + "s" for u in UNIT_DAYS), *(w.upper() for w in RELDAY_PHRASES[:4]), *(w.title() for w in RELDAY_PHRASES),
    "on", "On", "since", "by", "until", "till", "as of", "in", "In", "early", "late", "mid", "earlier", "later",
    "before", "after", "during", "from", "last", "this", "next", "the", "of", "end", "middle", "beginning", "start",
    "ago", "for", "over", "more than", "about", "the past", "the coming", "toward", "towards", "at",
    "12", "3", "31", "1st", "2nd", "23rd", "4th", "1999", "2024", "2031", "-05-06", "-13-40", "km", "%", "miles",
    "morning", "evening", "night", "x", "İ", "ſ", "will", "began", "may",
})
_SEPARATORS = [" ", " ", "  ", ", ", ". ", "\n", "-", "", "."]
_glued = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=30).map(
    lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glued)
def test_fast_scan_agrees_on_the_rules_own_words(text):
    assert _expressions(find_expressions(text)) == _expressions(find_expressions_reference(text))
    assert find_dates(text, ANCHOR) == find_dates_reference(text, ANCHOR)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glued)
def test_every_core_match_holds_its_rules_hints(text):
    # the hints are what makes skipping a rule safe: each core match holds one string of each group,
    # and the one automaton pass finds the groups the plain substring tests find
    lower = case_fold(text)
    found = date_rules._hints_found(lower)
    for rule in date_rules._RULES:
        need = date_rules._HINT_MASKS[rule.kind]
        assert (found & need == need) == date_rules._may_match(rule, lower)
        where = lower if rule.caseless else text
        for m in rule.core.finditer(where):
            for group in rule.hints:
                assert any(h in lower[m.start():m.end()] for h in group), (rule.kind, m.group(), group)


_CUE_WORDS = ["will", "would", "may", "May", "going to", "going", "to", "began", "beg", "start", "Opened", "planned",
              "aim", "claimed", "hope", "x", "İ", "ſ", "expects", "broke out", "broke"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CUE_WORDS), st.sampled_from(_SEPARATORS)), max_size=30), st.data())
def test_cue_hints_found_as_plainly(parts, data):
    # the one-regex hint search is the plain test of each hint in the window before a date
    from geoconflict.text import dates

    lower = case_fold("".join(w + sep for w, sep in parts))
    start = data.draw(st.integers(0, len(lower)))
    for hints, found in dates._HINTS_FOUND.items():
        plain = dates._hinted_plain(lower, start, hints)
        assert (found.search(lower, max(0, start - dates._CUE_WINDOW), start) is not None) == plain


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glued)
def test_lead_found_as_plainly_at_every_start(text):
    # the lead search is skipped where no lead can end; everywhere it finds what the plain search finds
    for start in range(len(text) + 1):
        for kind in ("md", "weekday"):
            fast, plain = {}, {}
            assert date_rules._with_lead(kind, text, start, fast) == date_rules._with_lead_plain(kind, text, start, plain)
            assert fast == plain


def test_a_date_that_is_none_blocks_nothing():
    # "February 30" is no date: what it overlaps is found as if it were not there
    for text in ("Curfew since February 30, 2023 in the city.", "On 30 February 2024 and May 2024, talks failed.",
                 "By the end of February 30 units had left."):
        assert find_dates(text, ANCHOR) == find_dates_reference(text, ANCHOR)
    found = find_dates("On 30 February 2024 and May 2024, talks failed.", ANCHOR)
    assert [(m.text, m.date) for m in found] == [("February 2024", date(2024, 2, 1)), ("May 2024", date(2024, 5, 1))]


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["19", "20", "2020", "1920", "week", "weeks", "month", "year", "Monday",
                                           "monday", "Sunday", "SUNDAY", "x", "-", "/", "3"]),
                          st.sampled_from(_SEPARATORS)), max_size=30).map(lambda p: "".join(w + s for w, s in p)))
def test_cores_tried_at_their_hints_match_as_finditer(text):
    # a core starting with a hint, tried only where the hint starts, finds what finditer over the text finds
    lower = case_fold(text)
    for rule in date_rules._RULES:
        if rule.at_hints:
            fast = date_rules._matches_at(rule.core, text, date_rules._starts(lower, rule.hints[0]))
            assert [m.span() for m in fast] == [m.span() for m in rule.core.finditer(text)], rule.kind
