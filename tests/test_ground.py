"""Ground fighting told as movement of the front (``geoconflict.extraction.ground``), form by form, and the words that
make a form no event: a denial, a plan, an attempt, people who are no armed side, a withdrawal no one pressed.

The sentences are written for this test (invented details about real towns)."""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.model import taxonomy
from geoconflict.model.acled import acled_rows

PUBLISHED = "2024-05-06"


def _main(text: str, gazetteer) -> tuple[str | None, str | None, str | None, str | None] | None:
    """(sub-event type, location, actor1, actor2) of the report's main row, or None."""
    row = next(iter(acled_rows(extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer))), None)
    return None if row is None else (row["sub_event_type"], row["location"], row["actor1"], row["actor2"])


@pytest.mark.parametrize(("text", "expected"), [
    # advances and sieges: an armed clash where the front moved, the side that moves first
    ("Russian forces advanced in eastern Chasiv Yar on June 3.",
     (taxonomy.ARMED_CLASH, "Chasiv Yar", "Russian forces", None)),
    ("Russian forces made marginal gains near Siversk on May 2.",
     (taxonomy.ARMED_CLASH, "Siversk", "Russian forces", None)),
    ("Israeli troops advanced into Rafah on Tuesday.", (taxonomy.ARMED_CLASH, "Rafah", "Israeli forces", None)),
    ("Al-Shabaab militants besieged Baidoa on Monday.", (taxonomy.ARMED_CLASH, "Baidoa", "Al-Shabaab", None)),
    # sides driven out, withdrawals under pressure, entries after fighting: ground taken
    ("The militants were driven out of Palma by Mozambican troops after days of fighting.",
     (taxonomy.NON_STATE_OVERTAKES, "Palma", "Mozambican forces", "militants")),
    ("Malian troops and Wagner fighters entered Kidal on Tuesday after the rebels withdrew.",
     (taxonomy.GOVERNMENT_REGAINS, "Kidal", "Malian forces", "rebels")),
    ("Kenyan troops drove al-Shabaab fighters out of Lamu on Sunday.",
     (taxonomy.GOVERNMENT_REGAINS, "Lamu", "Kenyan forces", "Al-Shabaab")),
    # the side that fled a place entered is the side that gave it up, not people displaced
    ("The Taliban entered Kabul after government forces fled.",
     (taxonomy.NON_STATE_OVERTAKES, "Kabul", "Taliban", "Afghan forces")),
    # the side before a place's parenthesised tail is the side that fights
    ("On 2 May 2024, Arakan Army fighters advanced into Buthidaung (Buthidaung, Rakhine) and clashed with the "
     "military.", (taxonomy.ARMED_CLASH, "Buthidaung Town", "Arakan Army", "military")),
])
def test_a_form_of_the_front_is_read(text, expected, gazetteer):
    assert _main(text, gazetteer) == expected


@pytest.mark.parametrize("text", [
    "Russian forces did not advance near Kupiansk on May 5.",
    "Russian forces plan to advance toward Kostiantynivka this summer.",
    "Russian forces attempted to advance near Kupiansk on May 5.",
    "Hamas fighters entered Sderot on Saturday.",  # an entry alone: no control said to change
    "Ukrainian forces withdrew from Avdiivka on February 17.",  # a withdrawal no one is said to have pressed
])
def test_no_fight_is_read_where_none_is_told(text, gazetteer):
    assert _main(text, gazetteer) is None


@pytest.mark.parametrize("text", [
    "Soldiers forced villagers out of Tanout on Friday.",  # people driven off are no armed side: no capture
    "Engineers cleared mines from Bucha on Monday.",
])
def test_no_capture_from_people_or_things(text, gazetteer):
    events = extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer)
    assert not events.claims


def test_a_withdrawal_under_pressure_is_the_pressing_sides_capture(gazetteer):
    text = "Government troops pulled out of Bambari under pressure from UPC rebels on Monday."
    (claim,) = extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer).claims
    assert (claim.claimant, claim.areas[0].name, claim.subtype) == ("rebels", "Bambari", taxonomy.NON_STATE_OVERTAKES)


def test_a_side_in_the_first_person_claims_for_the_speaker(gazetteer):
    text = '"We have liberated Kupiansk," a spokesman for the Russian Defence Ministry said on Friday.'
    (claim,) = extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer).claims
    assert (claim.claimant, claim.subtype) == ("Russian forces", taxonomy.NON_STATE_OVERTAKES)


def test_an_attempted_capture_is_none(gazetteer):
    text = "Russian forces attempted to move forward and capture the town of Kupiansk on Friday."
    assert not extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer).claims


def test_a_force_grouping_named_by_a_direction_is_no_place(gazetteer):
    text = '"Units of the South group of forces have liberated Kurakhove," the Russian Defence Ministry said.'
    events = extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer)
    assert [c.areas[0].name for c in events.claims] == ["Kurakhove"]
    assert [c.claimant for c in events.claims] == ["Russian forces"]
