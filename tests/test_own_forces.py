"""'its troops' and 'our forces' before an event's word are the speaker's forces
(:mod:`geoconflict.extraction.own_forces`). The sentences are written for these tests."""

from __future__ import annotations

import pytest

from geoconflict import extract, read_report
from geoconflict.extraction.own_forces import speakers_forces
from geoconflict.model.acled import acled_rows


@pytest.mark.parametrize(("head", "first", "speaker", "expected"), [
    ("The Somali army said its troops ", "troops", "The Somali army", "Somali forces"),
    ("The Ukrainian military said its soldiers ", "soldiers", "The Ukrainian military", "Ukrainian forces"),
    ("The RSF said its fighters ", "fighters", "The RSF", "RSF"),
    # the speaker names no side, the noun is not the perpetrator read, or no possessive before the word
    ("The governor said its troops ", "troops", "The governor", None),
    ("The Somali army said its troops and police ", "police", "The Somali army", None),
    ("The Somali army said troops ", "troops", "The Somali army", None),
])
def test_the_speakers_forces(head, first, speaker, expected):
    assert speakers_forces(head, head.lower(), first, lambda: speaker) == expected


def test_through_the_extractor():
    report = "The Kenyan army said its soldiers killed 6 Al-Shabaab militants near Mandera on Sunday."
    row = next(iter(acled_rows(extract(read_report(report, published="2025-02-03")))))
    assert (row["actor1"], row["actor2"]) == ("Kenyan forces", "Al-Shabaab")
