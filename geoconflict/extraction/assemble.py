"""From a report to sourced events: mentions → places → movements, claims, combat, events.

:func:`extract` reads a :class:`~geoconflict.text.report.Report` the way an analyst
does, in four passes, each leaving a ``reason`` on what it produces:

1. **Toponyms** (:mod:`~geoconflict.extraction.toponyms`). The gazetteer's
   Aho-Corasick :meth:`~geoconflict.gazetteer.index.Gazetteer.scan` finds every
   spelling of a known place; lists with a plural descriptor ("Korenevsky,
   Sudzhansky, and Belovsky districts") add their members. Spans that are not
   places are dropped: a word inside a longer capitalised name ("Volodymyr
   Zelensky", "Washington Post"), an outlet ("Baltic news agency"), an
   organisation's "of" ("Ministry of Defense"), a known person's surname, a
   weakly supported sentence-initial word.
2. **Resolution** in document context (:mod:`~geoconflict.extraction.resolution`),
   then one document rule: a bare "Kursk" in a report that names "the Kursk
   region" is that region.
3. **Who and when** for each sentence: actors (:mod:`~geoconflict.extraction.actors`:
   demonym or group + force noun: "Russian troops", "the RSF"), who says so
   (:mod:`~geoconflict.extraction.sources`: "according to …", "X said", "X told
   the … agency BNS", unnamed "reports of …"), and dates (:mod:`geoconflict.text.dates`).
4. **Events**, each from one sentence, one module per kind, with the rule that
   fired in ``provenance.reason`` (words in :mod:`geoconflict.lang.en`):
   movements ("from X to Y" with a movement word), territorial claims (a control
   word with settlements, an area or places), combat areas, and located events
   (meetings, strikes, attacks, protests). Repeats of the same movement, combat
   area or event merge; claims never merge unless identical.

Examples
--------
>>> from geoconflict.text.report import read_report
>>> events = extract(read_report(
...     "Sudanese army units were redeployed from Khartoum to El Obeid on Monday, the army said.",
...     published="2024-03-06"))
>>> move = events.movements[0]
>>> move.origin.name, move.destination.name, move.actor, move.provenance.event_date.isoformat()
('Khartoum', 'El Obeid', 'Sudanese army units', '2024-03-04')
>>> move.provenance.reported_by
'the army'
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from geoconflict.extraction.claims import CombatIndex, claims, counter_claim, dispute_note
from geoconflict.extraction.combat import combats
from geoconflict.extraction.document import Document, read_document
from geoconflict.extraction.ground import ground_claims, ground_combats
from geoconflict.extraction.located import located_events
from geoconflict.extraction.movements import merge_movements, movements, status_updates
from geoconflict.extraction.sources import Speakers
from geoconflict.extraction.spans import Span
from geoconflict.gazetteer import Gazetteer
from geoconflict.lang import en
from geoconflict.model import (
    CombatArea,
    DatePrecision,
    Event,
    Mention,
    Movement,
    Provenance,
    TerritorialClaim,
)
from geoconflict.model import taxonomy as acled
from geoconflict.model._checks import as_date, as_text
from geoconflict.model.eventset import EventSet
from geoconflict.text.report import Report, read_report
from geoconflict.text.sentences import Sentence

__all__ = ["extract"]

_R = TypeVar("_R")
#: The word a located event's reason names ("event: attack word 'stormed' with a place"): group 1.
_EVENT_WORD = re.compile(r"\bword '([^']+)'")
#: The record type of a development (:data:`geoconflict.extraction.acled_types.CUE_KEYS`): displacement among them.
_DEVELOPMENT = "development"


def extract(report: Report | str, *, gazetteer: Gazetteer | None = None,
            published: date | str | None = None) -> EventSet:
    """Places, movements, territorial claims, combat areas and located events of *report*.

    Parameters
    ----------
    report : Report or str
        A :class:`~geoconflict.text.report.Report`, or a path / text passed to
        :func:`~geoconflict.text.report.read_report` (with *published*).
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.default`.
    published : date or str, optional
        Only when *report* is not a Report: its publication date.

    Returns
    -------
    EventSet
        ``mentions`` (every place name, with its reason), ``movements``,
        ``claims``, ``combats`` and ``events``; each record's
        ``provenance.reason`` says which rule produced it.

    Examples
    --------
    >>> from geoconflict.text.report import read_report
    >>> events = extract(read_report("seeds/000_84a8b2256f18f56d.txt"))
    >>> events
    EventSet(23 mentions, 2 movements, 2 claims, 1 combat area, 1 event)
    >>> [c.settlements for c in events.claims]
    [28, 74]
    """
    if not isinstance(report, Report):
        report = read_report(report, published=published)
    doc = read_document(report, gazetteer or Gazetteer.default())
    ordered = doc.sentences + ([doc.title] if doc.title is not None else [])
    for s in ordered:
        doc.sources.note_outlets(s.start, s.end)
    speakers = Speakers(doc.sources, ordered)
    moved, fought, located = _events(doc, ordered, speakers)
    claimed = _claims(doc, speakers, CombatIndex(fought))
    located = _won_in_battle(located, claimed)
    claimed = _uncounted_dead(claimed, located)
    merged_claims = _merge_same(claimed, _claim_key)
    merged_combats = _merge_same(fought, _combat_key)
    merged_events = _merge_same(located, _event_key)
    return EventSet([*_mentions(doc), *merge_movements(moved), *merged_claims, *merged_combats, *merged_events])


def _claim_key(c: TerritorialClaim) -> Hashable:
    """Claims merge only when identical: sides, figures, date and areas."""
    return c.claimant, c.opponent, c.settlements, c.area_km2_stated, c.as_of, c.areas


def _combat_key(c: CombatArea) -> Hashable:
    """Combat areas merge by their places."""
    return frozenset(c.areas)


def _event_key(e: Event) -> Hashable:
    """Located events merge by type, place and date."""
    return e.type, e.place, e.provenance.event_date


def _mentions(doc: Document) -> list[Mention]:
    """A mention of each place span, quoting its sentence (the mentions of one sentence share a provenance).

    The report's fields are checked once; a quote, a slice of the report's checked text, only for being blank;
    so each sentence's provenance, and each mention whose offsets, score and candidates are of their stored
    types, is made without checking every field again (their ``_from_trusted``: ``tests/test_model_fast.py``
    holds every mention made so equal to the one its public constructor makes).
    """
    report = doc.report
    source, published = as_text(report.source, "source"), as_date(report.published, "report_date")
    out: list[Mention] = []
    quoted: dict[tuple[int, int], Provenance] = {}  # mentions of one sentence share its (frozen) provenance
    for x in doc.spans:
        sentence = _sentence_of(doc, x.start)
        quote_span = (sentence.start, sentence.end) if sentence else (x.start, x.end)
        provenance = quoted.get(quote_span)
        if provenance is None:
            provenance = quoted[quote_span] = Provenance._from_trusted(
                source, None, as_text(report.text[quote_span[0]:quote_span[1]], "quote"), quote_span, published,
                None, None, DatePrecision.UNKNOWN, None)
        out.append(_mention(x, provenance))
    return out


def _mention(x: Span, provenance: Provenance) -> Mention:
    """The mention of span *x*: made as it is when its fields have their stored types (a slice of the checked text,
    ``int`` offsets, a ``float`` score or none, a tuple of candidates), else through every check."""
    score = x.score
    if (type(x.start) is int and type(x.end) is int and 0 <= x.start <= x.end and type(x.candidates) is tuple
            and (score is None or (type(score) is float and 0.0 <= score < math.inf))):
        return Mention._from_trusted(x.surface, x.start, x.end, x.place, score, x.candidates,
                                     as_text(x.reason, "reason"), provenance)
    return Mention(x.surface, x.start, x.end, place=x.place, score=score, candidates=x.candidates,
                   reason=x.reason, provenance=provenance)


def _events(doc: Document, ordered: list[Sentence],
            speakers: Speakers) -> tuple[list[Movement], list[CombatArea], list[Event]]:
    """The movements (with their status updates), combat areas and located events of the sentences, in order.

    The title comes last: a movement it repeats is not added again, and it tells no other event.

    Parameters
    ----------
    doc : Document
        The report read once.
    ordered : list of Sentence
        The body's sentences, then the title (if any).
    speakers : Speakers
        Who says so, by index in *ordered*.

    Returns
    -------
    tuple of list
        The movements (not yet merged with one another), combat areas and located events.
    """
    moved: list[Movement] = []
    fought: list[CombatArea] = []
    located: list[Event] = []
    for k, s in enumerate(ordered):
        _, ids = doc.mask(s)
        speaker = speakers.of(k)
        if not ids:
            continue
        found = movements(doc, s, speaker)
        if s is doc.title:
            told = {(o.origin, o.destination) for o in moved}
            found = [m for m in found if (m.origin, m.destination) not in told]
        moved = status_updates(doc, s, moved)
        moved = merge_movements([*moved, *found]) if found else moved
        if s is doc.title:
            continue
        fought.extend(combats(doc, s, speaker) or ground_combats(doc, s, speaker))
        located.extend(located_events(doc, s, speaker))
    return moved, fought, located


def _claims(doc: Document, speakers: Speakers, fought: CombatIndex) -> list[TerritorialClaim]:
    """The territorial claims of the body's sentences, with the doubts their next sentence casts."""
    out: list[TerritorialClaim] = []
    for i, s in enumerate(doc.sentences):
        found = claims(doc, s, speakers.of(i), fought) or ground_claims(doc, s, speakers.of(i), fought)
        following = doc.sentences[i + 1] if i + 1 < len(doc.sentences) else None
        for k, c in enumerate(found):
            c = dispute_note(doc, c, s, following)
            answered = counter_claim(doc, c, s, following, k)
            out.extend(answered if answered is not None else (c,))
    return out


def _uncounted_dead(claimed: list[TerritorialClaim], located: Iterable[Event]) -> list[TerritorialClaim]:
    """The claims, each with no fatalities when an event of its sentence states them: the sentence's main event
    (a strike, an attack) counts its deaths, a capture those of a sentence that tells no such event. (The export
    states a count once per sentence: :func:`geoconflict.model.acled.acled_rows`.)"""
    counted = {e.provenance.span for e in located if e.fatalities is not None}
    return [replace(c, fatalities=None) if c.fatalities is not None and c.provenance.span in counted else c
            for c in claimed]


def _won_in_battle(located: list[Event], claimed: list[TerritorialClaim]) -> list[Event]:
    """The located events, less the armed clashes a capture of their sentence tells the outcome of: "stormed and took
    <town>", "<side> were pushed out of <town> by Russian assaults". ACLED codes the fight for a place and its
    capture as one event, the capture (its sub-event type says who won); the clash goes when a claim of the same
    sentence names its place."""
    if not claimed:
        return located
    won = {(c.provenance.span, a) for c in claimed if c.disputes is None for a in c.areas}
    return [e for e in located if (e.provenance.span, e.place) not in won or not (_assault(e) or _gave_way(e))]


def _gave_way(e: Event) -> bool:
    """Whether the located event *e* is people fleeing a place (ACLED's "Other" development of displacement) told in a
    capture's sentence: there the side that fled is the side that gave the place up ("entered <town> after
    government forces fled"), no displacement of its own."""
    return e.type == _DEVELOPMENT and e.subtype == acled.OTHER


def _assault(e: Event) -> bool:
    """Whether the located event *e* is an armed clash told by a word of the fight for a place ("stormed",
    "assaults"; not "killed"), as its reason names the word."""
    if e.subtype != acled.ARMED_CLASH:
        return False
    word = _EVENT_WORD.search(e.provenance.reason or "")
    return word is not None and word.group(1).lower().startswith(en.ASSAULT_EVENT_WORDS)


def _merge_same(records: Iterable[_R], key: Callable[[_R], Hashable]) -> list[_R]:
    """The first of the records of each key, in order."""
    out: dict[Hashable, _R] = {}
    for r in records:
        out.setdefault(key(r), r)
    return list(out.values())


def _sentence_of(doc: Document, pos: int) -> Sentence | None:
    """The sentence (or title) that holds offset *pos*, if any."""
    if doc.title is not None and doc.title.start <= pos < doc.title.end:
        return doc.title
    lo = bisect.bisect_right(doc.sentence_ends, pos)  # the first sentence ending after pos
    if lo < len(doc.sentences) and doc.sentences[lo].start <= pos:
        return doc.sentences[lo]
    return None
