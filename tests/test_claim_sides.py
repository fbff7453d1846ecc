"""A claim knows whom the ground was taken from (its ``opponent``, ACLED's actor2 of a capture) and its dead.

The sentences are written for these tests, with invented details, in the styles of wire reports, ISW-style
assessments, ACLED-style notes, OCHA updates and local monitors' posts.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from geoconflict import (
    CombatArea,
    Event,
    EventSet,
    Place,
    Provenance,
    TerritorialClaim,
    read_geojson,
    read_geopackage,
    write_csv,
    write_geojson,
    write_geopackage,
)
from geoconflict.errors import InvalidInputError
from geoconflict.extraction.assemble import extract
from geoconflict.maps.claims import CLAIM_FIELDS, claim_popup
from geoconflict.model.acled import to_acled
from geoconflict.model.frames import record_to_row, row_to_record
from geoconflict.model.io import read_csv_events
from geoconflict.readers import read_events
from geoconflict.text.report import read_report

PUBLISHED = "2024-06-10"


def _claims(text: str, gazetteer) -> list[TerritorialClaim]:
    return extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer).claims


def _rows(text: str, gazetteer) -> pd.DataFrame:
    return to_acled(extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer))


# ---- the forms the other side is told in


@pytest.mark.parametrize(("text", "claimant", "opponent"), [
    # "<side> took <place> from <side>"
    ("Somali troops recaptured Harardhere from al-Shabaab militants on Tuesday, a district official said.",
     "Somali forces", "Al-Shabaab"),
    ("Russian forces recently seized Krasnohorivka from Ukrainian forces, according to geolocated footage "
     "published on September 9.", "Russian forces", "Ukrainian forces"),
    ("On 3 March 2024, M23 fighters seized Nyanzale (Rutshuru, Nord-Kivu) from FARDC soldiers.", "M23", "FARDC"),
    ("Ethiopian federal forces recaptured Lalibela from Fano militiamen on Sunday.", "Ethiopian forces", "Fano"),
    ("The SDF seized Manbij from Islamic State militants, a monitor said.", "SDF", "Islamic State"),
    # "after (days of) clashes / fighting with <side>"
    ("RSF fighters captured Nyala after weeks of fighting with SAF, witnesses said.", "RSF", "SAF"),
    ("On 12 May 2024, the Arakan Army captured Buthidaung (Buthidaung, Rakhine) after heavy clashes with the "
     "military.", "Arakan Army", "military"),
    # "<side> withdrew / retreated / fled"
    ("Russian forces captured Vuhledar on October 1 after Ukrainian troops withdrew from the town.",
     "Russian forces", "Ukrainian forces"),
    ("JNIM militants overran Djibo as soldiers retreated to the airfield, residents said.", "JNIM", "soldiers"),
    # the side whose post is taken
    ("Al-Shabaab militants overran an army base in Ceel Dheer on Monday, officials said.", "Al-Shabaab", "army"),
    ("SAF units recaptured RSF positions in Sinja on Sunday.", "SAF", "RSF"),
    # "<place> fell to <side>": the side that held it is the other
    ("The town of Kalehe fell to M23 rebels on Saturday after FARDC units withdrew.", "M23", "FARDC"),
    ("The army-held town of Sinja fell to RSF fighters on Saturday.", "RSF", "army"),
    # "drove <side> out of <place>", "cleared <side> from <place>"
    ("Iraqi forces retook Tal Afar on Thursday, driving Islamic State fighters out of the city.",
     "Iraqi forces", "Islamic State"),
    ("SAF units retook Sinja on June 29, clearing RSF fighters from the town.", "SAF", "RSF"),
    # "government forces": the forces of the country the ground is in
    ("Houthi forces captured the town of Harib from government forces on Friday after days of fighting.",
     "Houthis", "Yemeni forces"),
])
def test_the_side_the_ground_is_taken_from_is_the_claims_opponent(gazetteer, text, claimant, opponent):
    (claim,) = _claims(text, gazetteer)
    assert (claim.claimant, claim.opponent) == (claimant, opponent)
    row = _rows(text, gazetteer).iloc[0]
    assert (row["actor1"], row["actor2"]) == (claimant, opponent)


@pytest.mark.parametrize("text", [
    "JNIM militants overran Djibo as residents fled, a local monitor said.",  # residents are no armed side
    "On 2 July 2024, Al-Shabaab militants captured Ceel Buur (Ceel Buur, Galgaduud).",  # no other side told
    "Russian forces captured Vuhledar from the north on October 1.",  # a direction is no side
])
def test_no_armed_side_told_is_no_opponent(gazetteer, text):
    (claim,) = _claims(text, gazetteer)
    assert claim.opponent is None
    assert pd.isna(_rows(text, gazetteer).iloc[0]["actor2"])


def test_a_side_that_left_without_a_fight_is_kept_but_is_no_actor2(gazetteer):
    """A non-violent transfer is one side's act: ACLED names no actor2, the ledger still knows who left."""
    text = "Fano militiamen took control of Lalibela on Wednesday without a fight after federal troops withdrew."
    (claim,) = _claims(text, gazetteer)
    assert claim.subtype == "Non-violent transfer of territory"
    assert claim.opponent == "troops"
    row = _rows(text, gazetteer).iloc[0]
    assert row["actor1"] == "Fano" and pd.isna(row["actor2"])


# ---- the dead of a capture


def test_a_notes_closing_count_goes_to_the_capture_once(gazetteer):
    text = ("On 14 April 2024, PDF and TNLA fighters captured Myawaddy (Myawaddy, Kayin) after junta troops withdrew "
            "to the bridge. 5 fatalities.")
    (claim,) = _claims(text, gazetteer)
    assert claim.fatalities == 5
    rows = _rows(text, gazetteer)
    assert rows.iloc[0]["fatalities"] == 5 and rows["fatalities"].sum() == 5


def test_killing_in_the_captures_sentence_is_its_count(gazetteer):
    text = "Al-Shabaab militants overran an army base in Ceel Dheer on Monday, killing at least 12 soldiers, officials said."
    (claim,) = _claims(text, gazetteer)
    assert claim.fatalities == 12
    assert _rows(text, gazetteer).iloc[0]["fatalities"] == 12


def test_the_fighting_and_the_capture_of_one_sentence_count_its_dead_once(gazetteer):
    """The capture is the note's first row and states the count; the fighting told with it states 0."""
    text = ("On 9 June 2024, RSF fighters took control of Al Fasher airport (Al Fasher, North Darfur) after clashes "
            "with SAF. 14 fatalities.")
    events = extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer)
    assert [c.fatalities for c in events.claims] == [14]
    assert [c.fatalities for c in events.combats] == [14]  # each record keeps what the text says of it
    rows = to_acled(events)
    assert rows.iloc[0]["sub_event_type"] == "Non-state actor overtakes territory"
    assert rows["fatalities"].tolist() == [14, 0]


def test_an_event_of_the_sentence_that_counts_the_dead_keeps_them(gazetteer):
    text = "Taliban fighters captured Kunduz after clashes with Afghan forces that killed 8 people."
    events = extract(read_report(text, published=PUBLISHED), gazetteer=gazetteer)
    assert [e.fatalities for e in events.events] == [8]
    assert [c.fatalities for c in events.claims] == [None]
    assert to_acled(events)["fatalities"].sum() == 8


def test_no_casualties_is_a_count_of_none(gazetteer):
    (claim,) = _claims("On 2 July 2024, Al-Shabaab militants captured Ceel Buur (Ceel Buur, Galgaduud). "
                       "There were no casualties.", gazetteer)
    assert claim.fatalities == 0


# ---- the model and every output


KIDAL = Place("Kidal", kind="populated_place", lat=18.44, lon=1.41, country_code="ML", admin1="Kidal")
GAO = Place("Gao", kind="populated_place", lat=16.27, lon=-0.04, country_code="ML", admin1="Gao")


def _claim(**changes) -> TerritorialClaim:
    fields = {"opponent": "CSP", "as_of": date(2023, 11, 14), "areas": (KIDAL,), "tier": "assessed",
              "subtype": "Government regains territory", "fatalities": 7,
              "provenance": Provenance(source="monitor", quote="Malian forces retook Kidal from CSP fighters.",
                                       event_date="2023-11-14", date_precision="day")}
    return TerritorialClaim("Malian forces", **(fields | changes))


def test_the_opponent_and_the_dead_are_checked_like_the_other_fields():
    assert TerritorialClaim("Malian forces", opponent="  ").opponent is None
    assert TerritorialClaim("Malian forces", fatalities=3.0).fatalities == 3
    with pytest.raises(InvalidInputError):
        TerritorialClaim("Malian forces", fatalities=-1)
    with pytest.raises(InvalidInputError):
        TerritorialClaim("Malian forces", fatalities=2.5)
    with pytest.raises(TypeError):
        TerritorialClaim("Malian forces", "CSP")  # type: ignore[misc]  # keyword-only
    assert _claim() != _claim(opponent="JNIM") and _claim() != _claim(fatalities=8)


@pytest.mark.parametrize("write, read, name", [
    (write_geojson, read_geojson, "claims.geojson"), (write_geopackage, read_geopackage, "claims.gpkg"),
    (write_csv, read_csv_events, "claims.csv"),
], ids=["geojson", "gpkg", "csv"])
def test_every_file_format_carries_the_opponent_and_the_dead(tmp_path, write, read, name):
    claims = [_claim(), _claim(opponent=None, fatalities=None, areas=(GAO,)), _claim(fatalities=0)]
    back = read(write(EventSet(claims), tmp_path / name))
    assert back.claims == claims
    assert [(c.opponent, c.fatalities) for c in back.claims] == [("CSP", 7), (None, None), ("CSP", 0)]


def test_a_row_written_before_the_columns_existed_still_reads():
    row, geometry = record_to_row(_claim())
    del row["opponent"], row["fatalities"]
    back = row_to_record(row, geometry)
    assert isinstance(back, TerritorialClaim)
    assert (back.opponent, back.fatalities) == (None, None)
    assert back == _claim(opponent=None, fatalities=None)


def test_the_acled_export_reads_back_with_actor2_and_fatalities(tmp_path):
    path = tmp_path / "acled.csv"
    to_acled([_claim()]).to_csv(path, index=False)
    (back,) = read_events(path).claims
    assert (back.claimant, back.opponent, back.fatalities) == ("Malian forces", "CSP", 7)


def test_records_of_one_sentence_with_the_same_count_state_it_on_the_first_row_only():
    prov = Provenance(source="monitor", quote="q", span=(0, 1))
    claim = _claim(provenance=prov)
    combat = CombatArea((KIDAL,), actors=("Malian forces", "CSP"), fatalities=7, provenance=prov)
    other = CombatArea((GAO,), actors=("Malian forces", "CSP"), fatalities=7,
                       provenance=Provenance(source="monitor", quote="r", span=(2, 3)))
    assert to_acled([claim, combat, other])["fatalities"].tolist() == [7, 0, 7]
    strike = Event("strike", KIDAL, actors=("Malian forces",), fatalities=7, provenance=prov)
    assert to_acled([combat, strike])["fatalities"].tolist() == [7, 0]  # the event, told first, states it


def test_the_popup_names_the_opponent_and_the_dead():
    _, values, _ = claim_popup(_claim(opponent="<b>CSP</b>"), None, None)
    assert values[CLAIM_FIELDS.index("Taken from")] == "<b>CSP</b>"  # text, inserted with textContent
    assert values[CLAIM_FIELDS.index("Fatalities")] == "7"
    _, values, _ = claim_popup(_claim(opponent=None, fatalities=None), None, None)
    assert values[CLAIM_FIELDS.index("Taken from")] is None and values[CLAIM_FIELDS.index("Fatalities")] is None
