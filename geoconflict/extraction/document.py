"""The document pass: a report read once into what every event module asks of it.

:func:`read_document` finds the report's sentences, people and toponyms,
rejects the toponyms that name no place, resolves the rest in the context of
the whole report, and finds its dates. The :class:`Document` it gives answers
the event modules' questions about a sentence: the sentence with each place
mention masked as a token ``⟦i⟧`` (:meth:`Document.mask`), whether a kind of
cue can occur in it, its dates, the place last named before a position, and
the provenance of an event told in it.

The helpers below read a masked sentence: :data:`TOKEN` and :data:`TOKEN_GROUP`
find the tokens, :func:`clause` and :func:`clause_back` the clause a cue
governs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from geoconflict.extraction.cues import Reading
from geoconflict.extraction.districts import name_districts
from geoconflict.extraction.people import Person, people
from geoconflict.extraction.resolution import resolve_spans
from geoconflict.extraction.resolution_common import region_at_seat
from geoconflict.extraction.resolution_front import by_the_front
from geoconflict.extraction.resolution_outliers import drop_outliers
from geoconflict.extraction.resolution_units import apply_region_rule, apply_town_rule, check_containment
from geoconflict.extraction.resolution_variants import respell_unknown
from geoconflict.extraction.sources import Sources
from geoconflict.extraction.spans import Intervals, Kind, Span
from geoconflict.extraction.toponyms import (
    CapitalRuns,
    RuleWords,
    find_spans,
    named_site,
    reject_reason,
    whole_name,
)
from geoconflict.gazetteer import Gazetteer
from geoconflict.lang import en
from geoconflict.model import DatePrecision, Place, PlaceKind, Provenance
from geoconflict.text.dates import DateMention, find_dates
from geoconflict.text.normalize import fold
from geoconflict.text.report import Report
from geoconflict.text.sentences import Sentence, split_sentences

__all__ = ["TOKEN", "TOKEN_GROUP", "Document", "clause", "clause_back", "clause_back_reference", "number", "read_document"]

#: A place mention in a masked sentence, and its span index (group 1).
TOKEN = re.compile(r"⟦(\d+)⟧")
#: The same, as a regex to build patterns with.
TOKEN_GROUP = r"⟦(\d+)⟧"
#: A place mention in a masked sentence, no group.
ANY_TOKEN = r"⟦\d+⟧"
#: The character a token starts with.
TOKEN_OPEN = "⟦"
#: Toponyms in capitals of at most this many letters ("US", "UK", "DRC") are kept only as countries.
ACRONYM_MAX_LENGTH = 4
#: Dates are found in a text longer than this piece by piece (of about :data:`DATES_CHUNK`), line-aligned.
DATES_CHUNKED_ABOVE = 2_000_000
DATES_CHUNK = 1_000_000
_CLAUSE_MARK = re.compile(r"[;:,]")
#: How the reasons that a span is a word of a longer name start (:func:`~geoconflict.extraction.toponyms.reject_reason`).
PART_OF_NAME = ("part of a hyphenated name", "part of the name")
_NON_SPACE = re.compile(r"\S")


@dataclass
class Document:
    """A report read once: its resolved place spans, sentences, title, dates and sources.

    The masked form of each sentence and its :class:`~geoconflict.extraction.cues.Reading` are computed on
    first use and kept.
    """

    report: Report
    gaz: Gazetteer
    spans: list[Span]
    sentences: list[Sentence]
    title: Sentence | None
    dates: list[DateMention]
    sources: Sources
    masked: dict[int, tuple[str, list[int]]] = field(default_factory=dict)
    readings: dict[int, Reading] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [x.start for x in self.spans]
        self.sentence_ends = [s.end for s in self.sentences]
        self.date_starts = [d.start for d in self.dates]
        self.paragraph_starts: dict[int, int] = {}  # paragraph -> start of its first sentence
        for t in self.sentences:
            self.paragraph_starts.setdefault(t.paragraph, t.start)

    @property
    def text(self) -> str:
        """The report's text."""
        return self.report.text

    def provenance(self, s: Sentence, *, reason: str, reported_by: str | None,
                   when: DateMention | None = None) -> Provenance:
        """The provenance of an event told in sentence *s*, dated by *when* (else undated)."""
        return Provenance(
            source=self.report.source,
            reported_by=reported_by,
            quote=self.text[s.start:s.end],
            span=(s.start, s.end),
            report_date=self.report.published,
            event_date=when.date if when is not None else None,
            event_date_end=when.end_date if when is not None and when.end_date and when.end_date > when.date
            else None,
            date_precision=when.precision if when is not None else DatePrecision.UNKNOWN,
            reason=reason,
        )

    def mask(self, s: Sentence) -> tuple[str, list[int]]:
        """The sentence with each place mention replaced by ``⟦i⟧`` (i indexes :attr:`spans`), and the i.

        A "the" before a mention, and a descriptor after it ("region"), go into its token, unless the
        descriptor closes a list the mention is not the last of.

        Parameters
        ----------
        s : Sentence
            A sentence (or the title) of the report.

        Returns
        -------
        masked : str
            The sentence's text with its resolved mentions as tokens; remembered per sentence.
        ids : list of int
            The indices of those mentions in :attr:`spans`, in text order.
        """
        cached = self.masked.get(s.start)
        if cached is not None:
            return cached
        text = self.text
        lo = bisect.bisect_left(self.starts, s.start)
        hi = bisect.bisect_left(self.starts, s.end)
        ids = [i for i in range(lo, hi) if self.spans[i].place is not None]
        if not ids:  # no place: the sentence as it is
            masked = self.masked[s.start] = (text[s.start:s.end], ids)
            return masked
        out: list[str] = []
        pos = s.start
        for i in ids:
            x = self.spans[i]
            head = text[pos:x.start]
            # "the" can only match ending where the trailing white space starts, so search from there
            art = en.ARTICLE_BEFORE.search(head, max(0, len(head.rstrip()) - len(en.THE)))
            if art:
                head = head[:art.start()]
            out.append(head)
            out.append(f"⟦{i}⟧")
            end = x.end
            desc = en.DESCRIPTOR_AFTER_TOKEN.match(text, end, s.end)
            if desc and (x.descriptor is None or i == ids[-1] or not _followed_by_list(text, x.end)):
                end = desc.end()
            pos = max(pos, end)
        out.append(text[pos:s.end])
        masked = ("".join(out), ids)
        self.masked[s.start] = masked
        return masked

    def reading(self, s: Sentence) -> Reading:
        """Sentence *s* as every event kind reads it (masked, case-folded, its cues found once); kept per sentence."""
        found = self.readings.get(s.start)
        if found is None:
            found = self.readings[s.start] = Reading(*self.mask(s))
        return found

    def may_match(self, s: Sentence, kind: str) -> bool:
        """Whether a cue of *kind* (a key of :data:`geoconflict.lang.en.CUE_STEMS`) can match the masked sentence.

        One pass over the sentence finds the stems of every kind at once (:attr:`Reading.kinds`).
        """
        return kind in self.reading(s).kinds

    def text_pos(self, s: Sentence, masked_pos: int) -> int:
        """The offset in the text of position *masked_pos* of the masked sentence."""
        masked, _ = self.mask(s)
        shift = 0
        for m in TOKEN.finditer(masked):
            if m.start() >= masked_pos:
                break
            x = self.spans[int(m.group(1))]
            shift += (x.end - x.start) - (m.end() - m.start())
        return min(s.end, s.start + masked_pos + shift)

    def dates_in(self, s: Sentence) -> list[DateMention]:
        """The dates of sentence *s*."""
        lo = bisect.bisect_left(self.date_starts, s.start)
        hi = bisect.bisect_left(self.date_starts, s.end)
        return self.dates[lo:hi]

    def event_date(self, s: Sentence) -> DateMention | None:
        """The first date of sentence *s* that tells when something happened (or started)."""
        for d in self.dates_in(s):
            if d.role in ("at", "start"):
                return d
        return None

    def place(self, i: int | str) -> Place:
        """The place of span *i* (a token's group): masked spans are resolved ones.

        A first-level unit is the unit at its capital's point (:func:`region_at_seat`), where a coder places
        what happened in it when the report names no town.
        """
        place = self.spans[int(i)].place
        if place is None:
            raise ValueError(f"span {i} is not resolved, so no token names it")
        return region_at_seat(self.gaz, place) if place.kind is Kind.ADMIN1 else place

    def distinct_places(self, ids: Iterable[int]) -> list[Place]:
        """The places of spans *ids*, each once: in the order of its last mention, as its first mention has it."""
        return list({p: p for p in map(self.place, reversed(list(ids)))}.values())[::-1]

    def recent(self, before: int, kinds: Iterable[PlaceKind], *, paragraph_start: int = 0) -> Place | None:
        """The place of one of *kinds* last named before offset *before* (from *paragraph_start* on), if any."""
        kinds = tuple(kinds)
        for i in range(bisect.bisect_left(self.starts, before) - 1, -1, -1):
            x = self.spans[i]
            if x.start < paragraph_start:
                break
            if x.place is not None and x.place.kind in kinds and not x.possessive:
                return self.place(i)  # (a first-level unit at its capital's point, as every record has it)
        return None


def _followed_by_list(text: str, pos: int) -> bool:
    """Whether ``text[pos:].lstrip()`` continues a list ("," or "and"), without copying the rest of the text."""
    first = _NON_SPACE.search(text, pos)
    return first is not None and text.startswith(en.LIST_CONTINUES, first.start())


def read_document(report: Report, gaz: Gazetteer) -> Document:
    """Read *report* once: its sentences, people, places (found, kept and resolved) and dates."""
    text = report.text
    title = _title(report)
    regions = ([(title.start, title.end)] if title else []) + [(report.body_start, len(text))]
    sentences = split_sentences(text, report.body_start)
    named = people(text)
    named_at = Intervals(p.span for p in named)
    found = find_spans(gaz, text, regions)
    scanned = Intervals((x.start, x.end) for x in found)
    spans = _kept_spans(gaz, text, found, named, named_at)
    resolve_spans(gaz, text, spans)
    spans = [x for x in spans if not (x.surface.isupper() and len(x.surface) <= ACRONYM_MAX_LENGTH
                                      and (x.place is None or x.place.kind is not Kind.COUNTRY))]
    apply_town_rule(gaz, text, spans)
    apply_region_rule(text, spans, report.body_start)
    check_containment(gaz, text, spans)
    by_the_front(gaz, spans, report.published)
    spans = respell_unknown(gaz, text, drop_outliers(spans), regions, scanned, named_at)
    name_districts(gaz, text, spans)
    dates = find_dates(text, report.published) if len(text) < DATES_CHUNKED_ABOVE else _chunked_dates(
        text, report.published)
    return Document(report, gaz, spans, sentences, title, dates, Sources(text, named))


def _title(report: Report) -> Sentence | None:
    """The report's title as a sentence (paragraph -1), if it has one in its text before the body."""
    if not report.title:
        return None
    at = report.text.find(report.title, 0, report.body_start or len(report.text))
    return Sentence(at, at + len(report.title), -1) if at >= 0 else None


def _kept_spans(gaz: Gazetteer, text: str, spans: list[Span], named: list[Person], person_spans: Intervals
                ) -> list[Span]:
    """The spans that may name a place: not rejected (:func:`reject_reason`), not in a person's name (*person_spans*:
    where the people *named* are named).

    A word of a longer name is that name when the gazetteer knows it whole ("Deir-ez-Zor"), or the place
    when the rest is an article ("As-Sweida") (:func:`whole_name`).
    """
    # a person's surname, and the word before it in a label of three words or more ("Abdel Fattah al-Burhan")
    surnames = {fold(p.surname) for p in named} | {fold(p.full.split()[-2]) for p in named
                                                    if len(p.full.split()) >= 3}
    surnames = {s for s in surnames if s}
    runs = CapitalRuns(text, {x.start for x in spans})
    words = RuleWords.of(text)
    kept: list[Span] = []
    widened = 0  # the end of the last span widened to its whole name: the spans inside it are its words
    for x in spans:
        if x.start < widened:
            continue
        why = None if x.descriptor else reject_reason(text, x, runs, surnames, words=words)
        if why is not None and why.startswith(PART_OF_NAME) and not person_spans.covers(x.start):
            whole = whole_name(gaz, text, x)
            if whole is not None and not (kept and kept[-1].end > whole.start):
                x, why, widened = whole, None, whole.end
            elif whole is None and named_site(text, x) is not None:
                why = None
        if why is None and person_spans.covers(x.start):
            why = "part of a person's name"
        if why is None:
            x.possessive = text.startswith(en.POSSESSIVE_ENDINGS, x.end)
            if x.possessive:
                x.reason = f"possessive '{x.surface}’s' (the owner of what follows); {x.reason}"
            kept.append(x)
    return kept


def _chunked_dates(text: str, anchor: date) -> list[DateMention]:
    """:func:`find_dates` of a long *text*, found in pieces that end at a line break."""
    out: list[DateMention] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + DATES_CHUNK)
        if end < len(text):
            nl = text.rfind("\n", pos, end)
            end = nl + 1 if nl > pos else end
        out.extend(replace(d, start=d.start + pos, end=d.end + pos) for d in find_dates(text[pos:end], anchor))
        pos = end
    return out


def clause(masked: str, start: int) -> str:
    """The clause of *masked* from *start* to the next clause end."""
    m = en.CLAUSE_END.search(masked, start)
    return masked[start:m.start()] if m else masked[start:]


def clause_back(head: str) -> str:
    """The last clause of *head*: after its last ";", ":" or "," (three ``rfind``: :func:`clause_back_reference`
    splits, ``tests/test_event_readings.py`` holds them equal)."""
    return head[max(head.rfind(";"), head.rfind(":"), head.rfind(",")) + 1:]


def clause_before(masked: str, at: int) -> str:
    """The clause of *masked* that ends at offset *at* (:func:`clause_back`); one that would begin inside a place's
    parenthesised tail ("⟦0⟧ town (⟦1⟧, ⟦2⟧) and clashed"), where a coder's note says where the place lies, begins
    before the parenthesis, and leaves the tail out: the place is the one the tail follows.

    Examples
    --------
    >>> text = "rebels took ⟦0⟧ (⟦1⟧, ⟦2⟧) and clashed"
    >>> clause_before(text, text.index("clashed"))
    'rebels took ⟦0⟧  and '
    """
    head = masked[:at]
    back = clause_back(head)
    opening = tail_opening(masked, at, back)
    if opening is not None:
        return clause_back(head[:opening]) + back[back.find(")") + 1:]
    return back


def tail_opening(masked: str, at: int, back: str | None = None) -> int | None:
    """Where the parenthesised tail opens that the clause ending at offset *at* of *masked* would begin inside
    (*back*, that clause, when known), or None when it begins inside none."""
    if back is None:
        back = clause_back(masked[:at])
    if ")" not in back or "(" in back:
        return None
    opening = masked.rfind("(", 0, at - len(back))
    return opening if opening >= 0 else None


def clause_back_reference(head: str) -> str:
    """:func:`clause_back` done plainly: *head* split at ";", ":" and ",", the last piece."""
    return _CLAUSE_MARK.split(head)[-1]


def number(text: str) -> int | None:
    """A count written in digits ("1,200") or words ("a dozen"), or None."""
    text = text.lower().strip()
    if text in en.NUMBER_WORDS:
        return en.NUMBER_WORDS[text]
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None

