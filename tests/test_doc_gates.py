"""The document rules' early returns change nothing: each gate forced open reads every report alike.

Some rules of :func:`~geoconflict.extraction.document.read_document` return before reading a report by
sentence when a cheap test says they cannot act (most reports): the actors' area bound of
:func:`~geoconflict.extraction.resolution_actors.pull_to_actors`, the spans that may be unplaced of
:func:`~geoconflict.extraction.resolution_spelling.respell_in_units`, the places units may move of
:func:`~geoconflict.extraction.structure.apply_sentence_region`, the units a line of contact crosses of
:func:`~geoconflict.extraction.resolution_front.by_the_front`, the hinted units of
:func:`~geoconflict.extraction.resolution_guards.guard_context` (looked for only with a settlement to move). With every such test saying "may act", the
test reports and the sentences below (each written to make one of the rules act) are read to the same spans.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geoconflict.extraction import (
    document,
    resolution_actors,
    resolution_front,
    resolution_guards,
    resolution_spelling,
    structure,
)
from geoconflict.extraction.document import read_document
from geoconflict.gazetteer import Gazetteer
from geoconflict.text.report import read_report

REPORTS = sorted((Path(__file__).parent / "reports").glob("*.txt"))
WRITTEN = [
    "Israeli forces fired at fishermen off Gaza on 3 March.",
    "Russian forces shelled Odessa and Kherson; Ukrainian troops repelled an assault near Bakhmut.",
    "Militants attacked Kani village in Sagaing region on Monday.",
    "Gunmen killed two farmers in Tal Tamer, Hasakah governorate, and in Kramatorsk, Donetsk oblast.",
    "On 4 March 2024, protesters gathered in Muse township (Shan state) to oppose conscription.",
    "A drone strike hit Novoselivka in Kramatorsk Raion and Pavlivka, Donetsk region.",
    "Police dispersed protesters in Gaza.",
    "On 5 May 2023, in Niteroi, Rio de Janeiro, police raided the Nova Brasilia community, killing two.",
    "Clashes in Twic East county, Jonglei state, left five dead.",
    "The SMM recorded explosions near Mykhailivka in Donetsk region.",
]


class _Everything:
    """A set that holds everything (a gate forced open)."""

    def __contains__(self, item: object) -> bool:
        return True


def _read(texts: list[str]) -> list[list[tuple]]:
    gaz = Gazetteer.default()
    out = []
    for text in texts:
        doc = read_document(read_report(text, published="2024-03-04"), gaz)
        out.append([(x.start, x.end, x.place, x.reason, x.candidates, x.fixed, x.approximate) for x in doc.spans])
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in REPORTS] + WRITTEN


def test_gates_open_read_alike(texts, monkeypatch):
    gated = _read(texts)
    monkeypatch.setattr(resolution_actors, "area_bound", lambda text: frozenset())
    monkeypatch.setattr(resolution_spelling, "_may_be_unplaced", lambda x: True)
    monkeypatch.setattr(structure, "_may_move", lambda spans: True)
    monkeypatch.setattr(resolution_front, "_FRONT_UNITS", _Everything())
    monkeypatch.setattr(resolution_guards, "_loose_settlement", lambda placed: True)
    assert _read(texts) == gated


def test_gates_say_no_to_a_plain_note():
    gaz = Gazetteer.default()
    doc = read_document(read_report("Russian forces shelled Kramatorsk, Donetsk oblast.", published="2024-03-04"), gaz)
    assert [x.place.country_code for x in doc.spans if x.place is not None] == ["UA", "UA"]
    assert not structure._may_move(doc.spans)  # (the town is fixed by its tail, the unit is its country's)
    assert not any(resolution_spelling._may_be_unplaced(x) for x in doc.spans)
    bound = resolution_actors.area_bound(doc.report.text)
    assert bound is not None and "UA" in bound


def test_the_reports_make_each_gated_rule_act(texts, monkeypatch):
    # (else the test above would hold gates that are never open)
    from geoconflict.extraction import resolution

    gated = _read(texts)
    for module, name in ((resolution, "apply_sentence_region"), (resolution, "respell_in_units"),
                         (resolution_guards, "pull_to_actors"), (document, "by_the_front")):
        with monkeypatch.context() as m:
            m.setattr(module, name, lambda *a, **k: None)
            assert _read(texts) != gated, name


def test_no_tail_without_a_parenthesis():
    # districts.name_districts returns at once in a text without "(": every tail it reads opens one
    from geoconflict.extraction import districts
    from geoconflict.extraction.spans import Span

    for text in ("Gunmen raided Niono [Niono, Segou] and Kidal, Kidal, Mali.",
                 "Clashes in Sake, Masisi, North Kivu) left two dead.", "Niono (Niono, Segou) was shelled."):
        for i in range(len(text)):
            for j in range(i + 1, min(len(text), i + 12) + 1):
                found = districts._tail_of(text, Span(i, j, text[i:j], ""))
                assert found is None or "(" in text
    text = "Niono (Niono, Segou) was shelled."
    assert districts._tail_of(text, Span(0, 5, "Niono", "")) == "Niono, Segou"
