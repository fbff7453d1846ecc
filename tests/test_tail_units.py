"""A tail's unit the scan did not know, read as the unit of the tail's region it is another spelling of
(:mod:`geoconflict.extraction.resolution_tails`, :func:`geoconflict.gazetteer.variants.spelled_unit`; sentences
written for this test)."""

from __future__ import annotations

import pytest

from geoconflict.extraction.document import read_document
from geoconflict.extraction.spans import Kind
from geoconflict.gazetteer.variants import spelled_unit, unit_spelling
from geoconflict.text.report import read_report


def test_unit_words_apart():
    assert unit_spelling("Bwari Area Council") == unit_spelling("Bwari")
    assert unit_spelling("North Shewa Zone").key == unit_spelling("North Shawa").key
    assert unit_spelling("Area Council") == unit_spelling("area council")  # nothing else: all kept


@pytest.mark.parametrize(("name", "country", "region", "unit"), [
    ("Budgam", "IN", "Jammu and Kashmīr", "Badgam"),
    ("Badgam", "IN", "Jammu and Kashmīr", "Badgam"),
])
def test_spelled_unit(gazetteer, name, country, region, unit):
    found = spelled_unit(gazetteer, name, country=country, unit=region)
    assert found is not None and found.name == unit and found.kind is Kind.ADMIN2


@pytest.mark.parametrize(("name", "country", "region"), [
    ("Budgam", "PK", "Punjab"),  # another region: never a namesake elsewhere
    ("Bidgum", "IN", "Jammu and Kashmīr"),  # two vowels otherwise in a short key: another name
    ("Kashmir", "IN", "Jammu and Kashmīr"),
])
def test_no_unit(gazetteer, name, country, region):
    assert spelled_unit(gazetteer, name, country=country, unit=region) is None


def _spans(gazetteer, text):
    return {x.surface: x for x in read_document(read_report(text, published="2024-06-05"), gazetteer).spans}


def test_tail_holds_the_unit(gazetteer):
    spans = _spans(gazetteer, "On 12 May 2024, police raided a house in Chadoora (Budgam, Jammu and Kashmir).")
    unit = spans["Budgam"].place
    assert unit is not None and (unit.name, unit.kind) == ("Badgam", Kind.ADMIN2)
    assert spans["Chadoora"].place is not None and "inside Badgam" in spans["Chadoora"].reason


def test_no_region_no_unit(gazetteer):
    spans = _spans(gazetteer, "On 12 May 2024, police raided a house in Chadoora (Budgam).")
    assert "Budgam" not in spans or spans["Budgam"].place is None or spans["Budgam"].place.kind is not Kind.ADMIN2
