"""A place's district as the text's parenthesis names it ("Village (District, Region)"), in the ACLED export."""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report


def _main_row(text: str, published: str = "2024-06-02") -> dict:
    rows = extract(read_report(text, published=published)).to_acled()
    assert len(rows), text
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize("text,admin2,location", [
    ("On 2 June 2024, JNIM militants ambushed an army convoy near Niono (Niono, Segou). 4 fatalities.",
     "Niono", "Niono"),
    ("On 2 June 2024, gunmen abducted a trader in Kafanchan (Jema'a, Kaduna).", "Jema'a", "Kafanchan"),
    ("On 2 June 2024, Fano militiamen clashed with the ENDF in Merawi (Mecha, West Gojam, Amhara).",
     "West Gojam", "Merawi"),
    ("On 2 June 2024, separatist fighters attacked a checkpoint in Bamenda town (Mezam, Nord-Ouest).",
     "Mezam", "Bamenda"),
])
def test_the_district_a_parenthesis_names_is_the_rows_admin2(text, admin2, location):
    row = _main_row(text)
    assert (row["admin2"], row["location"]) == (admin2, location)


def test_a_district_named_first_in_the_parenthesis_is_its_own_seats_admin2():
    # the village is unknown; the event falls back to the district's seat, named in the parenthesis
    row = _main_row("On 2 June 2024, Houthi forces shelled Qarn Thawr (Mukayras, Al Bayda), killing a farmer.")
    assert row["admin2"] == "Mukayras"


@pytest.mark.parametrize("text", [
    "On 2 June 2024, Russian forces shelled Niono (east of the river), wounding a woman.",  # a bearing
    "On 2 June 2024, police arrested 12 protesters in Kano (Kaduna, Niger).",  # not Kano's own state
    "On 2 June 2024, police arrested 12 protesters in Kano (UN figures).",  # one unit: no district
])
def test_a_parenthesis_that_does_not_end_with_the_places_region_names_no_district(text):
    row = _main_row(text)
    assert row["admin2"] is None, row  # the gazetteer gives Niono and Kano no district


def test_the_gazetteers_own_district_is_kept():
    row = _main_row("On 2 June 2024, Russian forces shelled Kupiansk (Izium, Kharkiv), damaging houses.")
    assert row["admin2"] == "Kupianskyi"


def test_the_reason_says_where_the_district_came_from():
    events = extract(read_report("On 2 June 2024, gunmen abducted a trader in Kafanchan (Jema'a, Kaduna).",
                                 published="2024-06-02"))
    reasons = [m.reason for m in events.mentions if m.text == "Kafanchan"]
    assert reasons and "admin2 \"Jema'a\" as the text's parenthesis names it" in reasons[0]
