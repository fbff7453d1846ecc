"""Extraction on reports from other conflicts and continents, and on bad input.

Each report in ``tests/reports/`` was written for these tests; its expected
places and events are listed here, attribute by attribute.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.errors import InvalidInputError
from geoconflict.extraction import extract, split_sentences
from geoconflict.model import PlaceKind
from geoconflict.text.report import read_report

REPORTS = Path(__file__).resolve().parent / "reports"


@pytest.fixture(scope="session")
def extracted(gazetteer):
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = extract(read_report(REPORTS / f"{name}.txt"), gazetteer=gazetteer)
        return cache[name]

    return get


def D(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# (actor, unit, origin, destination, status, reported_by, event date)
MOVEMENTS = {
    "belgorod_incursion": [
        (None, "Armed groups", "Ukraine", "Belgorod Oblast", "reported", "Vyacheslav Gladkov", "2023-05-22"),
        ("Russian reinforcements", None, "Kursk", "Belgorod Oblast", "reported", "Russian military bloggers", None),
    ],
    "donetsk_pokrovsk": [
        ("Ukraine", "25th Airborne Brigade", "Kharkiv", "Pokrovsk", "reported", "a Ukrainian commander",
         "2024-11-11"),
    ],
    "drc_goma": [
        ("Congolese soldiers", None, "Goma", "Bukavu", "unconfirmed", "two army officers", "2025-01-27"),
    ],
    "gaza_rafah": [
        ("Israeli forces", None, "Khān Yūnis", "Rafaḩ", "reported", "the Israel Defense Forces", "2024-05-07"),
    ],
    "karabakh": [
        ("Armenian separatist units", None, "Khankendi", "Goris", "reported", "officials in Yerevan", None),
    ],
    "kherson": [
        ("Russian troops", None, "Kherson", "Nova Kakhovka", "reported", "the Russian Defence Ministry",
         "2022-11-11"),
    ],
    "lebanon_tyre": [
        ("Israeli military", "additional division", "Gaza", "Israel", "reported", "the Israeli military", None),
    ],
    "mali_kidal": [("Malian army", "units", "Gao", "Bourem", "reported", None, "2023-11-01")],
    "myanmar_rakhine": [("Junta troops", None, "Sittwe", "Kyaukpyu", "reported", "local media", "2024-12-02")],
    "somalia_nonplaces": [("Somali army", "troops", "Baidoa", "Mogadishu", "reported", "the Somali army",
                           "2024-03-14")],
    "sudan_denial": [("Sudanese army reinforcements", None, "Port Sudan", "Omdurman", "denied",
                      "an army spokesman", "2024-06-03")],
    "sudan_el_fasher": [("Sudanese army reinforcements", None, "Port Sudan", "El Obeid", "reported",
                         "a military source", "2024-10-26")],
    "syria_aleppo": [
        ("Hayat Tahrir al-Sham fighters", None, "Idlib", "Aleppo", "reported",
         "the Syrian Observatory for Human Rights", "2024-11-29"),
        ("Syrian government troops", None, "Aleppo", "Ḩamāh", "reported", "a Syrian military source", None),
    ],
}

# (claimant, settlements, area stated, as of, areas, reported_by, note fragment); the claimant is the side's one
# name (issue 15): "Malian troops" are Malian forces, "RSF fighters" and "Rapid Support Forces fighters" the RSF
CLAIMS = {
    "belgorod_incursion": [("Russian Volunteer Corps", 2, None, "2023-05-23", ("Grayvoronskiy Rayon",),
                            "the Russian Volunteer Corps", "stated 2 settlements")],
    # the captured village itself, now that the gazetteer has Ukraine's codifier villages (was the region)
    "donetsk_pokrovsk": [("Russian forces", None, None, "2024-11-19", ("Illinka",),
                          "the Russian Defence Ministry", "did not comment")],
    "drc_goma": [("rebel alliance", None, None, "2025-01-28", ("Goma",), "the rebel alliance", "no figures")],
    "gaza_rafah": [("Israeli forces", None, None, "2024-05-07", ("Rafaḩ",), "the Israel Defense Forces",
                    "no figures")],
    "karabakh": [("Azerbaijani forces", 90, None, "2023-09-21", (), "the Azerbaijani Defence Ministry",
                  "90 settlements")],
    "kherson": [("Ukrainian forces", 41, None, "2022-11-11", ("Kherson Oblast",), "President Volodymyr Zelensky",
                 "upper bound")],
    "lebanon_tyre": [],
    "mali_kidal": [("Malian forces", None, None, "2023-11-14", ("Kidal",), "the junta", "no figures")],
    "myanmar_rakhine": [("Arakan Army", None, None, "2024-12-08", ("Maungdaw District",), "the Arakan Army",
                         "no figures")],
    "somalia_nonplaces": [],
    "sudan_denial": [("RSF", None, None, "2024-06-01", ("Al Fūlah",), "the RSF",
                      "disputed: 'The army denied the claim.'"),
                     # the denial is the army's own row of the ledger (issue 15), linked to the RSF's claim
                     ("army", None, None, "2024-06-01", ("Al Fūlah",), "The army", "denies: 'RSF'")],
    "sudan_el_fasher": [("RSF", None, None, "2024-10-27", ("El Fasher",),
                         "the paramilitary Rapid Support Forces", "could not be independently verified")],
    "syria_aleppo": [("HTS", None, None, "2024-11-29", ("Aleppo",),
                      "the Syrian Observatory for Human Rights", "no figures")],
}

# (areas, actors, reported_by, start date)
COMBATS = {
    "belgorod_incursion": [(("Kozinka",), (), "local residents", None)],
    "donetsk_pokrovsk": [(("Pokrovsk", "Kurakhove"), ("Ukrainian forces",), "the Ukrainian military", None)],
    "drc_goma": [(("Sake",), ("M23", "Rwandan forces"), "the United Nations", "2025-01-27"),
                 (("Kalehe",), (), "residents", None)],
    "gaza_rafah": [(("Rafaḩ",), ("Hamas", "Israeli forces"), "witnesses", None)],
    "karabakh": [(("Shusha", "Askyaran"), (), None, None)],
    "kherson": [],
    "lebanon_tyre": [(("Marjayoun",), ("Hezbollah", "Israeli forces"), "the group", None)],
    "mali_kidal": [(("Bourem", "Tessalit"), (), "unnamed reports", "2023-10-01")],
    "myanmar_rakhine": [(("Ann", "Taungup"), (), "residents", None)],
    "somalia_nonplaces": [],
    "sudan_denial": [],
    "sudan_el_fasher": [(("El Fasher",), (), "residents", None)],
    "syria_aleppo": [(("Saraqib", "Ma‘arrat an Nu‘mān"), (), "the monitor", None)],
}

# (type, place, actors, fatalities, reported_by, date)
EVENTS = {
    "belgorod_incursion": [],
    "donetsk_pokrovsk": [("strike", "Dnipro", ("Russian forces",), 3, "Serhiy Lysak", "2024-11-18")],
    "drc_goma": [("meeting", "Nairobi", ("Kenyan President William Ruto", "Rwandan President Paul Kagame"), None,
                  None, "2025-01-26")],
    "gaza_rafah": [
        ("strike", "An Nuşayrāt", ("Israeli forces",), 15, "the Gaza health ministry", "2024-05-07"),
        ("meeting", "Cairo", ("CIA Director William Burns",
                              "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani"), None, None, "2024-05-06"),
    ],
    "karabakh": [("meeting", "Yerevan", ("Armenian Prime Minister Nikol Pashinyan", "European Union envoys"), None,
                  None, "2023-09-20")],
    "kherson": [("strike", "Nikopol", ("Russian forces",), None, "Valentyn Reznichenko", "2022-11-10")],
    "lebanon_tyre": [
        ("strike", "Tyre", ("Israeli forces",), None, "Lebanon's state news agency NNA", "2024-10-23"),
        ("meeting", "Beirut", ("US Secretary of State Antony Blinken", "Lebanese Prime Minister Najib Mikati"),
         None, None, "2024-10-22"),
    ],
    "mali_kidal": [("strike", "Kidal", (), 14, "the rebels", "2023-11-12")],
    "myanmar_rakhine": [("strike", "Kyauktaw", ("junta", "civilians"), 7, None, "2024-12-06")],
    "somalia_nonplaces": [("attack", "Mogadishu", ("Al-Shabaab",), 3, "Abdifatah Aden Hassan",
                           "2024-03-14")],
    "sudan_denial": [],
    "sudan_el_fasher": [
        ("strike", "Kassala", (), 4, "local officials", "2024-10-25"),
        ("meeting", "Cairo", ("Abdel Fattah al-Burhan", "Egyptian President Abdel Fattah al-Sisi"), None, None,
         "2024-10-27"),
    ],
    "syria_aleppo": [("strike", "Idlib", ("Russian forces",), None, "the observatory", "2024-11-30")],
}

PLACES = {
    "belgorod_incursion": {"Belgorod Oblast", "Grayvoronskiy Rayon", "Kozinka", "Kursk", "Ukraine"},
    "donetsk_pokrovsk": {"Dnipro", "Donetsk Oblast", "Illinka", "Kharkiv", "Kurakhove", "Pokrovsk", "Russia", "Ukraine"},
    "drc_goma": {"Bukavu", "Democratic Republic of the Congo", "Goma", "Kalehe", "Kinshasa", "Nairobi", "Sake"},
    "gaza_rafah": {"An Nuşayrāt", "Cairo", "Gaza", "Khān Yūnis", "Rafaḩ"},
    "karabakh": {"Askyaran", "Azerbaijan", "Goris", "Khankendi", "Shusha", "Yerevan"},
    "kherson": {"Kherson", "Kherson Oblast", "Nikopol", "Nova Kakhovka", "Russia"},
    "lebanon_tyre": {"Beirut", "Gaza", "Israel", "Lebanon", "Marjayoun", "Tyre"},
    "mali_kidal": {"Bourem", "Gao", "Kidal", "Tessalit"},
    "myanmar_rakhine": {"Ann", "Bangladesh", "Kyaukpyu", "Kyauktaw", "Maungdaw District", "Sittwe", "Taungup"},
    "somalia_nonplaces": {"Baidoa", "Mogadishu"},
    "sudan_denial": {"Al Fūlah", "Khartoum", "Omdurman", "Port Sudan", "West Kordofan"},
    # "El Fasher, the last major city in Darfur": Darfur is a region of the gazetteer (its five states)
    "sudan_el_fasher": {"Cairo", "Darfur", "El Fasher", "El Obeid", "Kassala", "Port Sudan"},
    "syria_aleppo": {"Aleppo", "Idlib", "Saraqib", "Ḩamāh", "Ma‘arrat an Nu‘mān"},
}

NAMES = sorted(PLACES)


def test_every_report_is_listed():
    assert sorted(p.stem for p in REPORTS.glob("*.txt")) == NAMES
    assert len(NAMES) >= 12


@pytest.mark.parametrize("name", NAMES)
def test_places(extracted, name):
    assert {p.name for p in extracted(name).places} == PLACES[name]


@pytest.mark.parametrize("name", NAMES)
def test_movements(extracted, name):
    got = [(m.actor, m.unit, m.origin.name, m.destination.name, m.status.value, m.provenance.reported_by,
            m.provenance.event_date) for m in extracted(name).movements]
    want = [(*row[:6], D(row[6])) for row in MOVEMENTS[name]]
    assert got == want


@pytest.mark.parametrize("name", NAMES)
def test_claims(extracted, name):
    claims = extracted(name).claims
    got = [(c.claimant, c.settlements, c.area_km2_stated, c.as_of, tuple(a.name for a in c.areas), c.reported_by)
           for c in claims]
    want = [(*row[:3], D(row[3]), *row[4:6]) for row in CLAIMS[name]]
    assert got == want
    for claim, row in zip(claims, CLAIMS[name]):
        assert row[6] in claim.note


@pytest.mark.parametrize("name", NAMES)
def test_combats(extracted, name):
    got = [(tuple(a.name for a in c.areas), c.actors, c.provenance.reported_by, c.provenance.event_date)
           for c in extracted(name).combats]
    assert got == [(*row[:3], D(row[3])) for row in COMBATS[name]]


@pytest.mark.parametrize("name", NAMES)
def test_events(extracted, name):
    got = [(e.type, e.place.name, e.actors, e.fatalities, e.provenance.reported_by, e.provenance.event_date)
           for e in extracted(name).events]
    assert got == [(*row[:5], D(row[5])) for row in EVENTS[name]]


@pytest.mark.parametrize("name", NAMES)
def test_provenance_is_complete(extracted, name):
    report = read_report(REPORTS / f"{name}.txt")
    events = extracted(name)
    for record in (*events.movements, *events.claims, *events.combats, *events.events):
        p = record.provenance
        assert p.source == f"{name}.txt" and p.report_date == report.published
        assert p.quote == report.text[p.span[0]:p.span[1]]
        assert p.reason
        assert p.event_date is None or p.event_date <= report.published
    for m in events.mentions:
        assert report.text[m.start:m.end] == m.text and m.reason


# ------------------------------------------------------------------ misleading names


def test_pokrovsk_is_in_ukraine_not_yakutia(extracted):
    pokrovsk = next(p for p in extracted("donetsk_pokrovsk").places if p.name == "Pokrovsk")
    assert pokrovsk.country_code == "UA" and pokrovsk.admin1 == "Donetsk Oblast"


def test_goma_is_in_congo_next_to_rwanda(extracted):
    goma = next(p for p in extracted("drc_goma").places if p.name == "Goma")
    assert goma.country_code == "CD" and goma.kind is PlaceKind.POPULATED_PLACE
    assert -1.8 < goma.lat < -1.5 and 29.1 < goma.lon < 29.3


def test_village_in_the_stated_region_is_the_one_there(extracted):
    # the text puts Illinka in the Donetsk region: with Ukraine's codifier the gazetteer has the Illinka
    # there (before, it knew Illinkas elsewhere only, and left the mention unresolved; the rule that a
    # village not in the stated region is left unresolved is tested in test_gazetteer_ua.py)
    illinka = next(m for m in extracted("donetsk_pokrovsk").mentions if m.text == "Illinka")
    assert illinka.place is not None and illinka.place.admin1 == "Donetsk Oblast"


def test_bare_region_name_is_the_town(extracted):
    kidal = next(m for m in extracted("mali_kidal").mentions if m.text == "Kidal")
    assert kidal.place.kind is PlaceKind.POPULATED_PLACE and "bare name" in kidal.reason


def test_city_context_keeps_the_city(extracted):
    # "the Kherson region" is named, but "entered Kherson" and "pulled from Kherson" before it are the city
    mentions = [m for m in extracted("kherson").mentions if m.text == "Kherson"]
    assert {m.place.kind for m in mentions} >= {PlaceKind.POPULATED_PLACE}


def test_people_outlets_and_groups_are_not_places(extracted):
    surfaces = {m.text for m in extracted("somalia_nonplaces").mentions}
    for word in ("Washington", "Jordan", "Paris", "Victoria", "Derby", "Nice", "Hope", "SYL", "Somali"):
        assert word not in surfaces, word
    assert "Hamas" not in {m.text for m in extracted("gaza_rafah").mentions}
    assert "Numan" not in {m.text for m in extracted("syria_aleppo").mentions}


def test_unconfirmed_by_a_later_sentence(extracted):
    move = extracted("drc_goma").movements[0]
    assert "yet to confirm the withdrawal" in move.provenance.reason


def test_stated_area_claim_outside_the_seed(gazetteer):
    text = ("Date: 2024-08-20\n\nFighting continued in the Glushkovsky and Sudzhansky districts. "
            "Ukraine's commander-in-chief said Ukrainian forces controlled 1,250 square kilometres of the "
            "Kursk region.")
    claim = extract(read_report(text), gazetteer=gazetteer).claims[0]
    assert claim.derivation.value == "stated_area" and claim.approximate
    assert claim.area_km2 == pytest.approx(1250, rel=0.02)


# ------------------------------------------------------------------ bad input


def test_no_places_gives_empty_eventset(gazetteer):
    events = extract(read_report("Nothing happened here today.", published="2024-01-01"), gazetteer=gazetteer)
    assert len(events) == 0


def test_extract_accepts_text_with_published(gazetteer):
    events = extract("Russian troops moved from Belgorod to Kursk.", published="2024-08-14", gazetteer=gazetteer)
    assert [(m.origin.name, m.destination.name) for m in events.movements] == [("Belgorod", "Kursk")]


def test_empty_and_binary_are_clear_errors(gazetteer):
    with pytest.raises(InvalidInputError):
        extract("", published="2024-01-01", gazetteer=gazetteer)
    with pytest.raises(InvalidInputError):
        extract(read_report(bytes(range(256)) * 4, published="2024-01-01"), gazetteer=gazetteer)


def test_html_report(gazetteer):
    markup = ("<html><head><title>x</title></head><body><h1>Goma</h1><p>M23 rebels said on Monday they had "
              "taken control of <a href='#'>Goma</a>.</p><script>Kyiv</script></body></html>")
    events = extract(read_report(markup, published="2025-01-28"), gazetteer=gazetteer)
    assert [c.areas[0].name for c in events.claims] == ["Goma"]
    assert "Kyiv" not in {m.text for m in events.mentions}


def test_ten_thousand_place_names_in_one_line(gazetteer):
    names = ["Kyiv", "Kharkiv", "Goma", "Khartoum", "Aleppo", "Sittwe", "Gaza", "Bamako"] * 1250
    text = ", ".join(names) + "."
    events = extract(read_report(text, published="2024-01-01"), gazetteer=gazetteer)
    assert len(events.mentions) == 10_000
    assert {m.place.name for m in events.mentions if m.place} >= {"Kyiv", "Goma", "Aleppo"}


@pytest.mark.parametrize("copies", [4000, pytest.param(75_000, marks=pytest.mark.slow)])  # about 2.7 and 50 MB
def test_large_report(gazetteer, copies):
    paragraph = (REPORTS / "sudan_el_fasher.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    alone = extract(read_report(paragraph, published="2024-10-28"), gazetteer=gazetteer)
    report = read_report("\n\n".join([paragraph] * copies), published="2024-10-28")
    events = extract(report, gazetteer=gazetteer)
    assert len(report.text) > copies * 660
    # every copy's places, found and resolved as in the paragraph alone; repeated events merge
    assert [m.place for m in events.mentions] == [m.place for m in alone.mentions] * copies
    assert all(0 <= m.start < m.end <= len(report.text) for m in events.mentions)
    assert [len(events.movements), len(events.claims), len(events.combats), len(events.events)] == [1, 1, 1, 2]


def test_split_sentences_offsets():
    text = "Gen. Smith left Goma on Jan. 5. He went to Kigali!\n\nThen Kampala."
    got = [text[s.start:s.end] for s in split_sentences(text)]
    assert got == ["Gen. Smith left Goma on Jan. 5.", "He went to Kigali!", "Then Kampala."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400).filter(lambda t: t.strip() and "\x00" not in t)
       | st.lists(st.sampled_from(["Kyiv", "from", "to", "troops", "Russian", "Goma", "control", "28",
                                   "settlements", "square kilometers", "met", "in", ",", ".", "the", "region",
                                   "districts", "and", "Kursk", "Sudzhansky", "on August 12", "yesterday",
                                   "M23", "fighting", "'s", "\n\n", "Ministry of", "Zelensky", "said"]),
                  min_size=1, max_size=60).map(" ".join))
def test_arbitrary_text_never_crashes(gazetteer, text):
    try:
        report = read_report(text, published="2024-08-14")
    except InvalidInputError:
        return
    events = extract(report, gazetteer=gazetteer)
    n = len(report.text)
    for m in events.mentions:
        assert 0 <= m.start < m.end <= n and report.text[m.start:m.end] == m.text
    for record in (*events.movements, *events.claims, *events.combats, *events.events):
        s, e = record.provenance.span
        assert 0 <= s <= e <= n


_CUES = {"move": ["MOVE_CUE"], "claim": ["CLAIM_CUE"], "combat": ["COMBAT_CUE"], "meeting": ["MEETING_CUE"],
         "strike": ["STRIKE_CUE"], "status": ["DENY_CUE", "UNCONFIRMED_CUE", "CONFIRM_CUE"]}


@pytest.mark.parametrize("kind,cue", [(k, c) for k, cues in _CUES.items() for c in cues])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_cue_stems_are_necessary(kind, cue, data):
    """Every text a cue pattern matches holds one of its kind's stems (the per-sentence prefilter)."""
    from geoconflict.extraction.cues import STEMS
    from geoconflict.lang import en as patterns
    from geoconflict.text.normalize import case_fold

    text = data.draw(st.from_regex(getattr(patterns, cue)))
    assert getattr(patterns, cue).search(text)
    assert any(kind in of for _, of in STEMS.iter(case_fold(text))), text
