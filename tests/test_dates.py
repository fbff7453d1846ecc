"""Dates in report prose, relative to the report date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.model import DatePrecision
from geoconflict.text.dates import find_dates, resolve_date

WED = date(2024, 8, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "day", "precision", "role"),
    [
        ("August 12", date(2024, 8, 12), "day", "at"),
        ("on August 12", date(2024, 8, 12), "day", "at"),
        ("12 August", date(2024, 8, 12), "day", "at"),
        ("Aug. 12, 2023", date(2023, 8, 12), "day", "at"),
        ("2024-08-01", date(2024, 8, 1), "day", "at"),
        ("on Friday", date(2024, 8, 9), "day", "at"),
        ("on Wednesday", date(2024, 8, 14), "day", "at"),
        ("last Wednesday", date(2024, 8, 7), "day", "at"),
        ("on Monday night", date(2024, 8, 12), "day", "at"),
        ("the previous day", date(2024, 8, 13), "day", "at"),
        ("the day before", date(2024, 8, 13), "day", "at"),
        ("yesterday", date(2024, 8, 13), "day", "at"),
        ("today", date(2024, 8, 14), "day", "at"),
        ("overnight", date(2024, 8, 13), "day", "at"),
        ("three days ago", date(2024, 8, 11), "day", "at"),
        ("two weeks ago", date(2024, 7, 31), "week", "at"),
        ("by June 1", date(2024, 6, 1), "day", "by"),
        ("since Tuesday", date(2024, 8, 13), "day", "start"),
        ("since August 6", date(2024, 8, 6), "day", "start"),
        ("began on August 6", date(2024, 8, 6), "day", "start"),
        ("for over a week", date(2024, 8, 7), "week", "duration"),
        ("for two months", date(2024, 6, 15), "month", "duration"),
        ("in July", date(2024, 7, 1), "month", "at"),
        ("in March 2023", date(2023, 3, 1), "month", "at"),
        ("last month", date(2024, 7, 1), "month", "at"),
        ("earlier this month", date(2024, 8, 1), "month", "at"),
        ("in 2022", date(2022, 1, 1), "year", "at"),
        ("by the end of 2024", date(2024, 12, 31), "month", "future"),
        ("by the end of the year", date(2024, 12, 31), "month", "future"),
        ("next week", date(2024, 8, 21), "week", "future"),
        ("tomorrow", date(2024, 8, 15), "day", "future"),
        ("on August 30", date(2024, 8, 30), "day", "future"),
        ("on October 30", date(2023, 10, 30), "day", "at"),
    ],
)
def test_expressions(text, day, precision, role):
    found = resolve_date(text, WED)
    assert found is not None, text
    assert found.date == day
    assert found.precision is DatePrecision(precision)
    assert found.role == role


def test_month_day_without_year_takes_the_past_year_when_far_ahead():
    # a report of 5 January speaking of "December 28" means last December
    assert resolve_date("on December 28", date(2025, 1, 5)).date == date(2024, 12, 28)


def test_future_cue_makes_a_past_looking_date_an_expectation():
    m = find_dates("officials said mobilization might be declared by August 20", WED)[0]
    assert m.role == "future"


def test_range_and_offsets():
    text = "Fighting raged in July; on Friday the army said the town fell."
    found = find_dates(text, WED)
    assert [text[d.start:d.end] for d in found] == [d.text for d in found] == ["in July", "on Friday"]
    assert found[0].end_date == date(2024, 7, 31)


def test_no_false_dates():
    assert find_dates("They may march. The 4 brigades held 12 positions, and 1,000 square kilometers.", WED) == []


def test_invalid_calendar_dates_are_skipped():
    assert find_dates("on February 31", WED) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text):
    for d in find_dates(text, WED):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start:d.end] == d.text


def _found(text):
    return [(d.text, d.date.isoformat(), d.role) for d in find_dates(text, WED)]


def test_leads_and_weekday_prefixes():
    # a lead reaches back over "late"; a lead inside the previous expression ("afternoon") is not taken
    assert _found("Shelling resumed late on Friday and again on Friday afternoon Monday.") == [
        ("late on Friday", "2024-08-09", "at"), ("on Friday afternoon", "2024-08-09", "at"),
        ("Monday", "2024-08-12", "at")]
    assert _found("On Monday, August 12 and Tuesday, the 13th of August") == [
        ("On Monday, August 12", "2024-08-12", "at"), ("Tuesday, the 13th of August", "2024-08-13", "at")]
    assert _found("Troops arrived in late May and returned since 2022.") == [
        ("in late May", "2024-05-01", "at"), ("since 2022", "2022-01-01", "start")]
    assert _found("toward the beginning of March 2023") == [("toward the beginning of March 2023", "2023-03-01", "at")]


def test_counted_units_and_relative_days():
    assert _found("It happened three days ago, a couple of weeks ago and 10 months ago.") == [
        ("three days ago", "2024-08-11", "at"), ("a couple of weeks ago", "2024-07-31", "at"),
        ("10 months ago", "2023-10-19", "at")]
    assert _found("Fighting has raged for the past week") == [("the past week", "2024-08-07", "duration")]
    # case-insensitive, any whitespace, and ſ is an "s" to (?i)
    assert _found("YESTERDAY and The  Previous\nDay and yeſterday") == [
        ("YESTERDAY", "2024-08-13", "at"), ("The  Previous\nDay", "2024-08-13", "at"),
        ("yeſterday", "2024-08-13", "at")]


def test_start_and_future_cues():
    assert _found("Fighting began on Friday. They will attack on Friday. It may rain last week") == [
        ("on Friday", "2024-08-09", "start"), ("on Friday", "2024-08-09", "future"),
        ("last week", "2024-08-05", "future")]
    # the cue must be in the same sentence, and a verb within 25 characters
    assert _found("They will go. On Friday it rained.") == [("On Friday", "2024-08-09", "at")]
    assert _found("The offensive began with heavy artillery fire near the town on Friday") == [
        ("on Friday", "2024-08-09", "at")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a rally in Boston Friday", [("Friday", "at")]),  # not "on Friday"
        ("the Abbey Friday service", [("Friday", "at")]),  # not "by Friday", which would make it a 'by' date
        ("talks in Berlin May 3", [("May 3", "at")]),
        ("the Berlin May rally", []),  # "in May" needs a real "in"
        ("fighting since Monday", [("since Monday", "start")]),
    ],
)
def test_lead_words_start_a_word(text, expected):
    assert [(m.text, m.role) for m in find_dates(text, date(2024, 8, 14))] == expected


def test_the_month_may_is_no_future_cue():
    found = find_dates("Shelling in late May and again in mid-June killed four.", date(2024, 8, 14))
    assert [(m.text, m.role) for m in found] == [("in late May", "at"), ("in mid-June", "at")]
    # the modal still is one
    assert find_dates("Mobilization may be declared in early August", date(2024, 8, 14))[0].role == "future"


def test_case_fold_finds_what_ignorecase_finds():
    """case_fold keeps every character's length and \\w class, and an ASCII letter where (?i) matches one."""
    import re

    from geoconflict.text.normalize import case_fold

    letters = {x: re.compile("(?i)" + x) for x in "abcdefghijklmnopqrstuvwxyz"}
    for cp in range(0x10000):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        f = case_fold(c)
        assert len(f) == 1, hex(cp)
        assert bool(re.match(r"\w", c)) == bool(re.match(r"\w", f)), hex(cp)
        assert [x for x, p in letters.items() if p.fullmatch(c)] == ([f] if f in letters else []), hex(cp)


def test_relative_day_next_to_dotted_capital_i():
    """'İ' lowers to two characters; the relative-day rule still finds the phrase at the right offsets."""
    text = "Shelling hit İzmir and Kırıkkale YESTERDAY, officials said."
    found = find_dates(text, date(2024, 8, 12))
    assert [(d.text, d.date) for d in found] == [("YESTERDAY", date(2024, 8, 11))]


# Pieces of date expressions, their lead words and what surrounds them, glued at random: the
# fast scan (cores, then what precedes them matched backwards) must find what the plain regexes find.
_DATE_PIECES = [
    "on ", "On ", "since ", "by ", "the end of ", "the middle of ", "this ", "next ", "last ", "late ", "early ",
    "mid-", "in ", "In ", "Monday", "Friday", " morning", "May", "March", "Sept.", "Sept", "Sep", "Jan.", "August",
    " 12", " 3rd", "2024", "1999", "-05-06", " of ", "the ", "12th", "a few", "a couple of", "several", "three",
    " days", " weeks", " month", " year", " ago", "for ", "over ", "the past ", "yesterday", "YESTERDAY", "today",
    "the previous day", "tomorrow", "overnight", ", ", ". ", "\n", " ", "  ", "İ", "ſ", "will ", "began ", "may ",
    "x", "5", "km", "%", "toward ", "towards ", "until ", "as of ", "earlier this ", "the coming ",
]


def _expressions(found):
    # a group a rule leaves out and one it reports as None are the same
    return [(kind, start, end, {k: v for k, v in g.items() if v is not None}) for kind, start, end, g in found]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=40))
def test_fast_scan_agrees_with_plain_regexes(pieces):
    from geoconflict.text.date_rules import find_expressions, find_expressions_reference
    from geoconflict.text.dates import find_dates_reference

    text = "".join(pieces)
    assert _expressions(find_expressions(text)) == _expressions(find_expressions_reference(text))
    assert find_dates(text, WED) == find_dates_reference(text, WED)


# Small date expressions glued together ("late Seplate August"): where one match ends, the next begins
_GLUED = st.tuples(
    st.sampled_from(["", "late", "in", "on", "by", "early", "since", "last", "the", "a", "12", "2024", "x"]),
    st.sampled_from(["", " ", "  ", "\n", "-", ", "]),
    st.sampled_from(["Sep", "Sept.", "May", "Monday", "August", "12", "2024", "-05-06", "days ago", "week", ""]),
).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.lists(_GLUED, max_size=12))
def test_fast_scan_agrees_with_plain_regexes_at_match_edges(pieces):
    from geoconflict.text.date_rules import find_expressions, find_expressions_reference

    text = "".join(pieces)
    assert _expressions(find_expressions(text)) == _expressions(find_expressions_reference(text))


def test_a_lead_glued_to_the_previous_date_is_no_lead():
    # "late" in "Seplate" does not start a word: the plain regex does not take it, nor does the fast scan
    from geoconflict.text.date_rules import find_expressions

    assert [(k, s, e) for k, s, e, _ in find_expressions("late Seplate August")] == [("month", 0, 8)]


def test_the_remembered_month_end_is_the_calendars():
    import calendar

    from geoconflict.text import dates
    for year in (1900, 2000, 2023, 2024):
        for month in range(1, 13):
            expected = date(year, month, calendar.monthrange(year, month)[1])
            assert dates._month_end(year, month) == expected == dates._month_end(year, month)
    with pytest.raises(ValueError):
        dates._month_end(2024, 13)
