"""read_report's cheap paths against the plain ones they stand for."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.errors import DateError, InvalidInputError
from geoconflict.model._checks import UNWRITABLE
from geoconflict.text import report
from geoconflict.text.report import read_report

_PIECES = ["Shelling hit the depot", " ", "\n", "é", "Київ", "\x00", "\ud800", "\udfff", "\x07", "\t", "x", "😀"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_unwritable_refused_exactly_where_the_plain_search_finds(text):
    # the ASCII shortcut skips the search only where it could find nothing
    found = UNWRITABLE.search(text)
    if found is None:
        report._refuse_unwritable(text, "input")
    else:
        with pytest.raises(InvalidInputError, match=f"character {found.start()}"):
            report._refuse_unwritable(text, "input")


def test_nul_in_an_ascii_report_is_still_refused():
    with pytest.raises(InvalidInputError, match="a NUL character at line 2, column 4"):
        read_report("Troops left.\nThe\x00 town", published="2024-03-01")


@pytest.mark.parametrize("value", ["2024-03-01", "March 1, 2024", "1 March 2024", "published 2023-12-31 at noon",
                                   "2024-02-30", "no date", "ſeptember 1, 2024"])
def test_published_string_read_as_plainly_and_again(value):
    expected = report._find_date(value)
    assert report._published_date(value) == expected
    assert report._published_date(value) == expected  # the remembered answer


def test_bad_published_string_still_an_error_the_second_time():
    for _ in range(2):
        with pytest.raises(DateError, match="published"):
            read_report("Troops left the town.", published="2024-02-30")
    assert read_report("Troops left the town.", published="2024-02-29").published == date(2024, 2, 29)
