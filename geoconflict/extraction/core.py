"""From a report to sourced events: mentions → places → movements, claims, combat, events.

:func:`extract` reads a :class:`~geoconflict.text.report.Report` the way an analyst
does, in four passes, each leaving a ``reason`` on what it produces:

1. **Toponyms.** The gazetteer's Aho-Corasick :meth:`~geoconflict.gazetteer.index.Gazetteer.scan`
   finds every spelling of a known place; lists with a plural descriptor
   ("Korenevsky, Sudzhansky, and Belovsky districts") add their members.
   Spans that are not places are dropped: a word inside a longer capitalised
   name ("Volodymyr Zelensky", "Washington Post"), an outlet ("Baltic news
   agency"), an organisation's "of" ("Ministry of Defense"), a known person's
   surname, a weakly supported sentence-initial word.
2. **Resolution** in document context (:func:`geoconflict.gazetteer.index.resolve_candidates`),
   then one document rule: a bare "Kursk" in a report that names "the Kursk
   region" is that region.
3. **Who and when** for each sentence: actors (demonym or group + force noun:
   "Russian troops", "the RSF"), who says so ("according to …", "X said", "X
   told the … agency BNS", unnamed "reports of …"), and dates
   (:mod:`geoconflict.text.dates`).
4. **Events**, each from one sentence, with the rule that fired in
   ``provenance.reason`` (patterns in :mod:`geoconflict.lang.en`): movements
   ("from X to Y" with a movement word), territorial claims (a control word with
   settlements, an area or places), combat areas, and located events
   (meetings, strikes, attacks, protests). Repeats of the same movement,
   combat area or event merge; claims never merge unless identical.

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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter, itemgetter

import ahocorasick

from geoconflict.extraction.extents import plausibility_note, populated_places_within, stated_area_extent
from geoconflict.gazetteer import Gazetteer, resolve_candidates
from geoconflict.gazetteer.scanner import STOPWORDS
from geoconflict.lang import en as P
from geoconflict.model.eventset import EventSet
from geoconflict.model.records import (
    CombatArea,
    DatePrecision,
    Derivation,
    Event,
    Mention,
    Movement,
    MovementStatus,
    Place,
    PlaceKind,
    Provenance,
    TerritorialClaim,
)
from geoconflict.text.dates import DateMention, find_dates
from geoconflict.text.normalize import case_fold, fold
from geoconflict.text.report import Report, read_report

__all__ = ["Sentence", "extract", "split_sentences"]

#: Mentions resolved together in one call of the context resolver.
CONTEXT_CHUNK = 60

# --------------------------------------------------------------------------- sentences

_ABBREV = frozenset("mr mrs ms dr gen lt col maj capt sgt st no vs etc jan feb mar apr jun jul aug sep sept oct nov dec "
                    "u.s u.k u.n e.g i.e approx est govt dept inc corp co ltd jr sr prof rep sen gov adm".split())
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_BLANK_LINE = re.compile(r"\n\s*\n")
# ``[.!?]+["”’')\]]*(?=\s+["“‘'(\[]?[A-Z0-9ЀА-Я])|\n\s*\n|\n(?=\s*["“‘]?[A-Z0-9])`` written to start with
# one character class, so that ``re`` skips to the next [.!?\n] instead of trying every position
_SENT_END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9ЀА-Я])"
                       r"|(?<=\n)\s*\n|(?<=\n)(?=\s*[\"“‘]?[A-Z0-9]))")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a report: its span and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences (offsets index *text*).

    Examples
    --------
    >>> t = "Gen. Smith left Goma. He went to Kigali.\\n\\nNew paragraph."
    >>> [(t[s.start:s.end], s.paragraph) for s in split_sentences(t)]
    [('Gen. Smith left Goma.', 0), ('He went to Kigali.', 0), ('New paragraph.', 1)]
    """
    end = len(text) if end is None else end
    out: list[Sentence] = []
    paragraph = 0
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        piece_end = m.end()
        end_mark = m.group(0)
        if end_mark.startswith("."):
            word = _LAST_WORD.search(text[max(pos, m.start() - 12):m.start() + 1])
            if word and (word.group(1).lower().rstrip(".") in _ABBREV or (len(word.group(1)) == 1 and word.group(1).isalpha())):
                continue
        _add_sentence(out, text, pos, piece_end, paragraph)
        if "\n" in end_mark and _BLANK_LINE.search(end_mark):
            paragraph += 1
        pos = piece_end
    _add_sentence(out, text, pos, end, paragraph)
    return out


def _add_sentence(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))


# --------------------------------------------------------------------------- toponyms

@dataclass
class _Span:
    start: int
    end: int
    surface: str
    reason: str
    descriptor: str | None = None  # a descriptor from a list: "districts" -> "district"
    place: Place | None = None
    score: float | None = None
    candidates: tuple[Place, ...] = ()
    possessive: bool = False


class _Intervals:
    """Half-open intervals ``[a, b)``, asked whether any covers a position or overlaps a range.

    Each question takes a binary search: the intervals sorted by start, each with the largest end among
    it and those starting before it. (A loop over the intervals made a large report's scan quadratic.)
    """

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(pairs)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def covers(self, pos: int) -> bool:
        """Whether some ``a <= pos < b``."""
        k = bisect.bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some ``a < end and start < b``."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſЀ-Я][\w'’.-]*")
_LEFT_WORD = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-ſЀ-Я][\w'’.-]*) $")
_RIGHT_WORD = re.compile(r" ([A-ZÀ-ÖØ-ÞĀ-ſЀ-Я][\w'’-]*)")
_DESCRIPTORS = {"districts": "district", "regions": "region", "oblasts": "oblast", "provinces": "province",
                "raions": "raion", "rayons": "rayon", "counties": "county", "governorates": "governorate",
                "states": "state", "townships": "township", "municipalities": "municipality",
                "territories": "territory", "prefectures": "prefecture"}
_LIST = re.compile(
    r"(?P<items>[A-Z][\w'’-]+(?:\s*,\s*(?:and\s+|or\s+)?[A-Z][\w'’-]+){0,12}(?:\s*,?\s+(?:and|or)\s+[A-Z][\w'’-]+))"
    r"\s+(?P<desc>" + "|".join(_DESCRIPTORS) + r")\b"
)
_SINGLE_DESCRIPTORS = "district|raion|rayon|township|county|governorate"
_SINGLE_DESC = re.compile(rf"(?P<item>[A-Z][\w'’-]+)\s+(?P<desc>{_SINGLE_DESCRIPTORS})\b")
#: Every _LIST and _SINGLE_DESC match holds a descriptor word after a white-space character.
_ANY_DESC = re.compile(r"\s(?:" + "|".join(_DESCRIPTORS) + rf"|{_SINGLE_DESCRIPTORS})\b")
#: Every _ANY_DESC match holds one of these: its descriptor words, less those that hold another one.
_DESC_ALL = {*_DESCRIPTORS, *_SINGLE_DESCRIPTORS.split("|")}
_DESC_WORDS = tuple(sorted(w for w in _DESC_ALL if not any(v != w and v in w for v in _DESC_ALL)))
_DEMONYM_WORDS = frozenset(w for d in P.DEMONYMS for w in d.split())
_CONNECTORS = P.NAME_CONNECTORS | P.ROLE_WORDS | _DEMONYM_WORDS
_POSSESSIVE = re.compile(r"['’]s?\b")
_SENTENCE_ADVERBS = frozenset("yesterday earlier later overnight meanwhile separately elsewhere near outside "
                              "inside around across along also still instead despite amid following "
                              "citing late early".split())


@lru_cache(maxsize=1 << 16)
def _connector(word: str) -> bool:
    bare = word.rstrip(".").removesuffix("'s").removesuffix("’s")
    return (bare in _CONNECTORS or bare.lower() in STOPWORDS or bare.lower() in _SENTENCE_ADVERBS
            or bare.isupper() and len(bare) <= 1)


def _find_spans(gaz: Gazetteer, text: str, regions: list[tuple[int, int]]) -> list[_Span]:
    spans: list[_Span] = []
    for lo, hi in regions:
        chunk = text[lo:hi]
        for s, e, surface in gaz.scan(chunk):
            spans.append(_Span(lo + s, lo + e, surface, "gazetteer name"))
        listed: list[_Span] = []
        # then neither _LIST nor _SINGLE_DESC can match (the substrings are a quicker first test)
        if not any(w in chunk for w in _DESC_WORDS) or not _ANY_DESC.search(chunk):
            continue
        for m in _LIST.finditer(chunk):
            desc = _DESCRIPTORS[m.group("desc")]
            for item in re.finditer(r"[A-Z][\w'’-]+", m.group("items")):
                s = lo + m.start("items") + item.start()
                listed.append(_Span(s, s + len(item.group(0)), item.group(0),
                                    f"listed before '{m.group('desc')}'", descriptor=desc))
        in_lists = _Intervals((x.start, x.end) for x in listed)
        for m in _SINGLE_DESC.finditer(chunk):  # in text order, so no earlier one of these holds s
            s = lo + m.start("item")
            if not in_lists.covers(s):
                listed.append(_Span(s, s + len(m.group("item")), m.group("item"),
                                    f"named before '{m.group('desc')}'", descriptor=m.group("desc")))
        if listed:
            taken = _Intervals((x.start, x.end) for x in listed)
            spans = [x for x in spans if not taken.overlaps(x.start, x.end)] + listed
    spans.sort(key=attrgetter("start"))
    return spans


_E_OR_R = frozenset("eErR")
_RIVER = re.compile(r"(?:banks?|side|shore|bank)\s+of\s+the\s+$|(?:across|along|crossed|cross|over)\s+the\s+$|"
                    r"the\s+river\s+$", re.IGNORECASE)


def _reject_reason(text: str, span: _Span, spans_at: set[int], surnames: set[str]) -> str | None:
    """Why *span* is not a place here, or None."""
    s, e = span.start, span.end
    word = span.surface
    if word in P.GROUPS:
        return f"names an armed group ({word!r})"
    if word in P.DEMONYMS:
        return f"a demonym names an actor, not a place ({word!r})"
    if s >= 2 and text[s - 1] in "-‐" and text[s - 2].isalnum():
        return "part of a hyphenated name"
    if surnames and fold(word) in surnames:
        return f"surname of a person named in the report ({word!r})"
    before = text[max(0, s - 40):s].rstrip()  # _RIVER and ORG_BEFORE end with a word then white space
    # (case_fold keeps the last character's place, and only "e" and "r" fold to "e" and "r")
    if before[-1:] in _E_OR_R and case_fold(before[-5:]).endswith(("the", "river")) and _RIVER.search(
            text[max(0, s - 20):s]):
        return "a river here ('… the X')"
    if P.OUTLET_AFTER.match(text, e):
        tail = P.OUTLET_AFTER.match(text, e).group(0).strip()
        return f"names an outlet ('{word} {tail}')"
    if before.endswith(("of", "for", "the")) and P.ORG_BEFORE.search(text, max(0, s - 40), s):
        head = P.ORG_BEFORE.search(text[max(0, s - 40):s]).group(0).strip()
        return f"part of an organisation's name ('{head} {word}')"
    # part of a longer capitalised name?
    run_left: list[str] = []
    pos = s
    while pos and text[pos - 1] == " ":  # else no word then one space ends at pos
        # the word holds no space: it starts after the last space before that one, if any is in the window
        lo = max(0, pos - 40)
        m = _LEFT_WORD.search(text, max(lo, text.rfind(" ", lo, pos - 1) + 1), pos)
        if not m or m.end() != pos:
            break
        run_left.insert(0, m.group(1))
        pos = m.start(1)
    run_right: list[str] = []
    pos = e
    while True:
        m = _RIGHT_WORD.match(text, pos)
        if not m:
            break
        run_right.append(m.group(1))
        pos = m.end()
    if text[e:e + 2] in ("'s", "’s"):
        run_right = []
    others = []
    pos = s
    for w in reversed(run_left):
        pos -= len(w) + 1
        if pos not in spans_at and not _connector(w):
            others.append(w)
    if run_right:
        first = run_right[0]
        if first in P.ORG_AFTER:
            return f"part of an organisation's name ('{word} {first}')"
        pos = e + 1
        for w in run_right:
            if pos not in spans_at and not _connector(w):
                others.append(w)
            pos += len(w) + 1
    if others:
        name = " ".join([*run_left, word, *run_right])
        return f"part of the name {name!r}"
    return None


def _is_sentence_start(text: str, pos: int, starts: set[int]) -> bool:
    return pos in starts


_AFTER_WORD = re.compile(r"\s+(region|oblast|province|district|raion|rayon|county|governorate|krai|republic|"
                         r"direction|parish|state)\b", re.IGNORECASE)


def _pk(place: Place) -> tuple:
    """A cheap identity for a place (Place equality compares geometries)."""
    return (place.name, place.kind, place.lat, place.lon)


def _resolve_spans(gaz: Gazetteer, text: str, spans: list[_Span]) -> None:
    plain = [x for x in spans if x.descriptor is None]
    # one context resolution per distinct name (with the descriptor that follows it), in chunks
    distinct: dict[tuple[str, str], list[_Span]] = {}
    for x in plain:
        after = _AFTER_WORD.match(text, x.end)
        distinct.setdefault((fold(x.surface), after.group(1).lower() if after else ""), []).append(x)
    groups = list(distinct.values())
    for i in range(0, len(groups), CONTEXT_CHUNK):
        chunk = groups[i:i + CONTEXT_CHUNK]
        found = resolve_candidates(gaz, text, [(g[0].start, g[0].end) for g in chunk])
        for same, cand in zip(chunk, found):
            if cand is not None:
                for x in same:
                    x.place, x.score, x.reason = cand.place, cand.score, f"{x.reason}: {cand.reason}"
    # listed names ("Korenevsky, … districts"): search "<name> <descriptor>" near the resolved places
    resolved = [x.place for x in plain if x.place is not None]
    admin1s = {p.admin1 or (p.name if p.kind is PlaceKind.ADMIN1 else None) for p in resolved}
    countries = {p.country_code for p in resolved}
    for x in spans:
        if x.descriptor is None:
            continue
        try:
            cands = gaz.search(f"{x.surface} {x.descriptor}", limit=8)
        except Exception:
            cands = []
        if not any(c.place.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) for c in cands):
            try:
                cands = [*cands, *gaz.search(x.surface, limit=8)]
            except Exception:
                pass
        want = PlaceKind.ADMIN2 if x.descriptor not in ("region", "oblast", "province", "state", "governorate",
                                                        "territory", "prefecture") else PlaceKind.ADMIN1
        best, best_score = None, float("-inf")
        for c in cands:
            if c.place.kind is not want:
                continue
            score = c.score + (2.0 if c.place.admin1 in admin1s else 0.0) + (
                1.0 if c.place.country_code in countries else 0.0)
            if score > best_score:
                best, best_score = c, score
        if best is not None:
            x.place, x.score = best.place, round(best_score, 3)
            x.candidates = tuple(c.place for c in cands if c is not best)[:3]
            context = "; same region as other places named" if best.place.admin1 in admin1s else ""
            x.reason = f"{x.reason}: {best.reason}{context}"


_CITY_BEFORE = re.compile(
    r"(?:entered|enter|enters|entering|captured|capture|liberated|recaptured|retook|shelled|struck|bombed|"
    r"stormed|outskirts\s+of|streets\s+of|cent(?:re|er)\s+of|city\s+of|town\s+of|in\s+central|downtown|"
    r"mayor\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"\s+(?:city|town)\b|['’]s\s+(?:mayor|streets|cent(?:re|er)|outskirts|airport)",
                         re.IGNORECASE)
_REGION_AFTER = re.compile(r"\s+(?:region|oblast|province|governorate|state|krai|district|raion|rayon|county|"
                           r"prefecture|department)\b", re.IGNORECASE)


def _apply_town_rule(gaz: Gazetteer, text: str, spans: list[_Span]) -> None:
    """A bare name resolved to a region or district is its namesake town, unless a descriptor follows."""
    for x in spans:
        p = x.place
        if p is None or p.kind not in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) or x.descriptor is not None:
            continue
        if _REGION_AFTER.match(text, x.end) or re.search(r"\b(?:region|province|district)\s+of\s+(?:the\s+)?$",
                                                          text[max(0, x.start - 20):x.start], re.IGNORECASE):
            continue
        try:
            towns = gaz.search(x.surface, kind=PlaceKind.POPULATED_PLACE, country=p.country_code, limit=5)
        except Exception:
            continue
        for c in towns:
            inside = c.place.admin1 == p.name if p.kind is PlaceKind.ADMIN1 else c.place.admin2 == p.name or (
                c.place.admin1 == p.admin1 and fold(c.place.name) == fold(x.surface))
            if inside and fold(x.surface) in (fold(c.place.name), *[fold(w) for w in c.place.name.split()]):
                x.candidates = (p, *x.candidates)
                x.place = c.place
                x.reason = (f"{x.reason}; taken as the town {c.place.name}: a bare name, no "
                            f"'region'/'district' after it")
                break
            if inside and c.reason.startswith(("name", "alternate name")):
                x.candidates = (p, *x.candidates)
                x.place = c.place
                x.reason = (f"{x.reason}; taken as the town {c.place.name}: a bare name, no "
                            f"'region'/'district' after it")
                break


def _apply_region_rule(text: str, spans: list[_Span], body_start: int) -> None:
    """A bare name is the region when the report also names "<name> region"."""
    regions: dict[str, tuple[Place, int]] = {}
    for x in spans:
        p = x.place
        if p is not None and p.kind is PlaceKind.ADMIN1 and re.match(
                r"\s+(?:region|oblast|province|governorate|state|krai)\b", text[x.end:x.end + 14], re.IGNORECASE):
            regions.setdefault(fold(x.surface), (p, x.start))
    for x in spans:
        p = x.place
        if p is None or p.kind is not PlaceKind.POPULATED_PLACE:
            continue
        region, first = regions.get(fold(x.surface), (None, 0))
        if region is None or p.admin1 != region.name or (x.start < first and x.start >= body_start):
            continue
        before = text[max(0, x.start - 14):x.start].lower()
        after = text[x.end:x.end + 6].lower()
        if re.search(r"\b(?:city|town|village)\s+of\s+(?:the\s+)?$", before) or after.startswith(" city"):
            continue
        if _CITY_BEFORE.search(text[max(0, x.start - 30):x.start]) or _CITY_AFTER.match(text, x.end):
            continue
        x.candidates = (p, *x.candidates)
        x.place = region
        x.reason = f"{x.reason}; taken as {region.name}: '{x.surface} region' is named in the same report"


_IN_REGION = re.compile(r"\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$")


def _check_containment(text: str, spans: list[_Span]) -> None:
    """ "X in the Y region": a resolved X that is not inside Y is a wrong guess; leave X unresolved."""
    for x, y in zip(spans, spans[1:]):
        if x.place is None or y.place is None or y.start - x.end > 30:
            continue
        if not _IN_REGION.match(text[x.end:y.start] + "") or not re.fullmatch(
                r"\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}", text[x.end:y.start]):
            continue
        outer, inner = y.place, x.place
        if outer.kind not in (PlaceKind.COUNTRY, PlaceKind.ADMIN1) or inner.kind is outer.kind:
            continue
        if _contains(outer, inner):
            continue
        x.reason = (f"{x.reason}; rejected {inner.name} ({inner.admin1}, {inner.country_code}): the text places "
                    f"it in {outer.name}, and no '{x.surface}' there is in the gazetteer")
        x.candidates = (inner, *x.candidates)
        x.place = None
        x.score = None


def _drop_outliers(spans: list[_Span], sentence_starts: set[int]) -> list[_Span]:
    """Drop weakly supported one-word places far from everything else in the report."""
    countries: dict[str, int] = {}
    per_place: dict[tuple, int] = {}
    for x in spans:
        if x.place is not None:
            cc, pk = x.place.country_code or "", _pk(x.place)
            countries[cc] = countries.get(cc, 0) + 1
            per_place[pk] = per_place.get(pk, 0) + 1
    kept = []
    for x in spans:
        p = x.place
        if p is not None and p.kind is PlaceKind.POPULATED_PLACE and " " not in x.surface:
            alone = countries.get(p.country_code or "", 0) <= per_place[_pk(p)]
            small = (p.population or 0) < 20000
            if (alone and small and len(spans) > 2) or (x.start in sentence_starts and small and alone):
                continue
        kept.append(x)
    return kept


# --------------------------------------------------------------------------- actors and sources

_DEMONYM_TRIE = P.literal_trie(P.DEMONYMS)
#: a demonym as a whole word (group 1)
_DEMONYM_WORD = re.compile(rf"\b({_DEMONYM_TRIE})\b")
_ACTOR = re.compile(
    rf"(?:\b(?P<det>the)\s+)?\b(?:(?P<dem>{_DEMONYM_TRIE})(?:\s+(?:[A-Z][\w-]*|[a-z]+)){{0,2}}?\s+(?i:(?P<noun>{P.ACTOR_NOUNS})(?:\s+(?:{P.ACTOR_NOUNS}))*)"
    rf"|(?P<group>{P.literal_trie(P.GROUPS)})(?:\s+(?i:(?P<gnoun>{P.ACTOR_NOUNS})))?)\b"
)
_UNIT_ADJECTIVES = "specific|some|more|additional|elite|fresh|military|several"
_UNIT_ONLY = re.compile(rf"\b(?:(?:{_UNIT_ADJECTIVES})\s+)*"
                        rf"(?i:{P.UNIT_WORDS})\b")


#: Every _UNIT_ONLY match holds one of the unit words, as is in :func:`~geoconflict.text.normalize.case_fold` text.
_UNIT_ANYWHERE = re.compile(P.UNIT_WORDS)


def _stem_automaton() -> ahocorasick.Automaton:
    """Every stem of :data:`patterns.CUE_STEMS`, each with the cue kinds it stands for."""
    kinds: dict[str, set[str]] = {}
    for kind, stems in P.CUE_STEMS.items():
        for stem in stems:
            kinds.setdefault(stem, set()).add(kind)
    automaton = ahocorasick.Automaton()
    for stem, of in kinds.items():
        automaton.add_word(stem, frozenset(of))
    automaton.make_automaton()
    return automaton


_STEMS = _stem_automaton()
_SECOND = itemgetter(1)


def _cue_kinds(folded: str) -> frozenset[str]:
    """The cue kinds whose stems occur in *folded* (:func:`case_fold` text): one automaton pass.

    The distinct kind sets of the stems found (few) are gathered first, then joined.
    """
    return frozenset().union(*set(map(_SECOND, _STEMS.iter(folded))))


@dataclass(frozen=True)
class _Actor:
    start: int
    end: int
    phrase: str
    party: str | None  # "Russian", "RSF"; None for a bare unit noun
    country: str | None


# _ACTOR tried at every position is slow (its optional "the" and long alternations match nowhere
# fast), so it is tried only where it can match, keeping finditer's results. Derived from _ACTOR:
# a match starts at a demonym or group name, or at a "the" and white space right before one.
_PARTY_NAME = re.compile(P.literal_trie([*P.DEMONYMS, *P.GROUPS]))
#: where a _UNIT_ONLY match can start, in case_fold() text: an adjective (lower case) or a unit word (any case)
_UNIT_START = re.compile(P.literal_trie([*_UNIT_ADJECTIVES.split("|"), *P.UNIT_WORDS.split("|")]))


def _actor_matches(text: str, lo: int, hi: int) -> list[re.Match]:
    """``list(_ACTOR.finditer(text, lo, hi))``, trying the pattern only where a match can start."""
    starts: set[int] = set()
    party = _PARTY_NAME.search(text, lo, hi)
    while party is not None:
        q = party.start()
        starts.add(q)
        gap = q
        while gap > lo and text[gap - 1].isspace():
            gap -= 1
        if gap < q and gap - 3 >= lo and text.startswith("the", gap - 3):
            starts.add(gap - 3)
        party = _PARTY_NAME.search(text, q + 1, hi)  # names may overlap ("South Sudanese")
    found: list[re.Match] = []
    pos = lo
    for p in sorted(starts):
        if p >= pos:
            m = _ACTOR.match(text, p, hi)
            if m:
                found.append(m)
                pos = m.end()
    return found


def _actors(text: str, lo: int, hi: int) -> list[_Actor]:
    found: list[_Actor] = []
    for m in _actor_matches(text, lo, hi):
        start = m.start("dem") if m.group("dem") else m.start("group")
        party = m.group("dem") or m.group("group")
        country = P.DEMONYMS.get(party) if m.group("dem") else P.GROUPS.get(party)
        found.append(_Actor(start, m.end(), text[start:m.end()], party, country))
    folded = case_fold(text[lo:hi])
    if _UNIT_ANYWHERE.search(folded):  # else _UNIT_ONLY cannot match
        # _UNIT_ONLY.finditer(text, lo, hi), trying the pattern only where an adjective or a unit word starts
        resume = lo
        c = _UNIT_START.search(folded)
        while c is not None:
            if lo + c.start() >= resume and (m := _UNIT_ONLY.match(text, lo + c.start(), hi)):
                resume = m.end()
                if not any(a.start <= m.start() < a.end for a in found):
                    found.append(_Actor(m.start(), m.end(), m.group(0), None, None))
            c = _UNIT_START.search(folded, c.start() + 1)
    found.sort(key=lambda a: a.start)
    return found


# role words and demonyms as tries (faster than their alternations where they fail, which is almost everywhere)
_ROLE_TRIE = P.literal_trie(w for w in P.ROLE_WORDS if w[0].isupper() and w != "Of")
_NAME_WORD = r"(?:[A-Z][\w'’-]+|(?:al|el|bin|ibn|ben|de|da|van|von|ould|ag|abu)[-\s][A-Z]?[\w'’-]+)"
_PERSON = re.compile(
    r"(?P<title>(?:" + _DEMONYM_TRIE + r"\s+)?(?:(?:[A-Z][\w]*|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Dr\.|Mr\.|"
    r"Mrs\.|Ms\.|of|the)\s+){0,5}?"
    + _ROLE_TRIE + r")"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:region|oblast|province|district|state))?)?"
    r"\s+(?P<name>(?!" + _ROLE_TRIE + r"\b)[A-Z][\w'’-]+(?:\s+" + _NAME_WORD + r"){1,3})\b"
)
#: a lower-case role before a name: "reporter Jordan Paris", "army chief Abdel Fattah al-Burhan"; it
#: matches at the start of a word (see _lower_person_matches: a leading ``\b`` would leave ``re`` no
#: first letters to skip to)
_PERSON_LOWER = re.compile(
    P.literal_trie("reporter correspondent journalist photographer spokesman spokeswoman spokesperson analyst "
                  "commander official officer researcher minister governor general colonel mayor envoy president "
                  "chief leader blogger activist witness resident editor adviser advisor lawmaker deputy "
                  "head".split())
    + r"\s+(?P<name>[A-Z][\w'’-]+(?:\s+" + _NAME_WORD + r"){1,3})\b"
)


@dataclass
class _Person:
    full: str
    surname: str
    title: str
    outlet: str | None = None
    span: tuple[int, int] = (0, 0)


# _PERSON tried at every position is slow (its optional demonym and lazy words match nowhere
# fast), so it is tried only where it can match, keeping finditer's results. Derived from _PERSON:
# its title ends with a role word followed by white space (the "of …" or the name come next);
_ROLE_THEN_SPACE = re.compile(_ROLE_TRIE + r"\s")
# before the role word, the title holds at most 7 pieces each followed by white space (a demonym of
# up to two words, then up to 5 words, none with white space inside);
_TITLE_PIECES = 7
# and it starts with a demonym, a capitalised word, a title ("Gen.") or a role word (each starting
# with A-Z), or with "of" or "the" and white space.
_PERSON_START = re.compile(r"[A-Z]|(?:of|the)\s")
# Each piece of a title before its role word is a whole token (no white space inside) but the first,
# which may end one: a title cannot reach left past a token that is no piece.
_TITLE_PIECE = re.compile(r"[A-Z]\w*|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Dr\.|Mr\.|Mrs\.|Ms\.|of|the")
_TITLE_LEAD = re.compile(r"^(?:[A-Z][\w.]*\s+)*?(?=(?:" + _DEMONYM_TRIE + r"|Acting|Deputy|Prime)\b)")


def _title_start(text: str, role: int) -> int:
    """The leftmost offset a :data:`_PERSON` title ending with the role word at *role* can start at."""
    start = role
    for _ in range(_TITLE_PIECES):
        gap = start
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        if gap == start or gap == 0:  # no white space before: the title cannot reach further left
            break
        start = gap
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if not _TITLE_PIECE.fullmatch(text, start, gap):  # the title can start inside this token, not before
            break
    return start


def _person_matches(text: str) -> list[re.Match]:
    """``list(_PERSON.finditer(text))``, trying the pattern only where a match can start."""
    starts: set[int] = set()
    role = _ROLE_THEN_SPACE.search(text)
    while role is not None:
        r = role.start()
        starts.update(m.start() for m in _PERSON_START.finditer(text, _title_start(text, r), r + 1))
        role = _ROLE_THEN_SPACE.search(text, r + 1)  # role words may overlap
    found: list[re.Match] = []
    pos = 0
    for p in sorted(starts):
        if p >= pos:
            m = _PERSON.match(text, p)
            if m:
                found.append(m)
                pos = m.end()
    return found


def _inside_word(text: str, pos: int) -> bool:
    r"""Whether *pos* follows a word character: no ``\b`` there before a word character."""
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "_")


def _lower_person_matches(text: str) -> list[re.Match]:
    """``list(re.finditer(r"\\b" + _PERSON_LOWER.pattern, text))``: the matches that start a word."""
    found: list[re.Match] = []
    m = _PERSON_LOWER.search(text)
    while m is not None:
        p = m.start()
        if _inside_word(text, p):  # try further on
            m = _PERSON_LOWER.search(text, p + 1)
        else:
            found.append(m)
            m = _PERSON_LOWER.search(text, m.end())
    return found


def _people(text: str) -> list[_Person]:
    people: list[_Person] = []
    for m in [*_person_matches(text), *_lower_person_matches(text)]:
        name = m.group("name")
        words = name.split()
        if any(w in P.ROLE_WORDS or w in _DEMONYM_WORDS or w.lower() in STOPWORDS for w in words):
            continue
        if any(p.surname == words[-1] for p in people):
            continue
        full = m.group(0).strip() if "title" in m.groupdict() else name
        full = _TITLE_LEAD.sub("", full, count=1)
        title = full[: -len(name)].strip()
        people.append(_Person(full, words[-1], title, span=(m.start("name"), m.end("name"))))
    return people


#: an attribution verb; _verb_starts finds where ``\b(?:has\s+|have\s+|had\s+)?(?:VERBS)\b`` matches
#: (tried at every position, the optional "has" leaves ``re`` no first letters to skip to)
_VERB = re.compile(P.literal_trie(P.ATTRIBUTION_VERBS.split("|")) + r"\b")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:()\"“”]+)")
_INVERTED = re.compile(rf"[,”\"]\s*(?:{P.ATTRIBUTION_VERBS})\s+(?P<who>(?:the\s+)?[A-Z][^,.;:\"“”]+)")
_TOLD = re.compile(r"\btold\s+(?P<to>(?:the\s+)?[^,.;:\"“”]{2,60}?)(?=[,.;:]|\s+(?:that|on|in)\b|$)")
_UNNAMED = re.compile(r"\b(?:reports?\s+(?:of|that|suggest)|reportedly|were\s+reported|it\s+is\s+reported|"
                      r"unconfirmed\s+reports|have\s+also\s+been\s+reports)\b", re.IGNORECASE)
_SPEAKER_HEAD = re.compile(
    r"(?i:military|ministry|army|side|spokes\w+|officials?|command|governor|general|minister|president|"
    r"authorities|government|office|forces|staff|group|police|he|she|they|it|we|commander|mayor|"
    r"monitor|observatory|agency|sources?|witnesses|residents|medics|analysts|institute|UN|ISW|junta|rebels|"
    r"militants|council|observers|mission|bloggers|media|outlets?|groups?|alliance|corps|fighters|"
    r"administration|ministry|militia|people|activists|journalists|correspondents?|official)$|"
    r"[A-Z][\w'’.-]*$"
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_CLAUSE_SPLIT = re.compile(r"[,;:\"“”]|\bthat\b|\bwhile\b|\bwhich\b")
#: _CLAUSE_SPLIT spelled backwards: its first match in the reversed text is the last split point
_CLAUSE_SPLIT_BACK = re.compile(r"[,;:\"“”]|\btaht\b|\belihw\b|\bhcihw\b")
_CLAUSE_TAIL = re.compile(r"\s+on\s+\w+\s+\d+$|\s+on\s+\w+day$|\s+(?:also|earlier|later|again)$")
_THE = re.compile(r"^The\b")
_LEADING_JUNK = re.compile(r"^(?:(?:and|but|while|as|so|then|however|meanwhile|also|that)\b[\s,]*)+", re.IGNORECASE)
#: how a clause that _CLAUSE_TAIL can match ends (with a digit, too)
_TAIL_ENDS = ("day", "also", "earlier", "later", "again")


def _verb_starts(sentence: str) -> list[int]:
    r"""Where ``\b(?:has\s+|have\s+|had\s+)?(?:VERBS)\b`` matches in *sentence* (as finditer finds it)."""
    starts: list[int] = []
    done = 0  # end of the previous match
    v = _VERB.search(sentence)
    while v is not None:
        q = v.start()
        if _inside_word(sentence, q):
            v = _VERB.search(sentence, q + 1)
            continue
        gap = q
        while gap > done and sentence[gap - 1].isspace():
            gap -= 1
        if gap < q:  # "has said": the match starts at "has" if that starts a word
            for aux in ("has", "have", "had"):
                p = gap - len(aux)
                if p >= done and sentence.startswith(aux, p) and not _inside_word(sentence, p):
                    q = p
                    break
        starts.append(q)
        done = v.end()
        v = _VERB.search(sentence, done)
    return starts


class _Sources:
    """Who says what in a report: people named, outlets they spoke to, and speakers by sentence."""

    def __init__(self, text: str, people: list[_Person]):
        self.text = text
        self.people = people
        self.last_person: _Person | None = None

    def person(self, phrase: str) -> _Person | None:
        words = phrase.replace("’s", "").split()
        for p in self.people:
            if p.full == phrase or p.surname in words:
                return p
        low = phrase.lower().removeprefix("the ").strip()
        for p in self.people:
            if low and (p.title.lower() == low or p.title.lower().endswith(low)):
                return p
        if low in ("he", "she") and self.last_person is not None:
            return self.last_person
        return None

    def label(self, phrase: str, *, via: bool = True) -> str:
        person = self.person(phrase)
        if person is None:
            return phrase
        return f"{person.full} (via {person.outlet})" if person.outlet and via else person.full

    def speaker(self, lo: int, hi: int) -> str | None:
        """Who says so in the sentence ``text[lo:hi]``, as the report puts it."""
        text = self.text
        sentence = text[lo:hi]
        who: str | None = None
        m = _ACCORDING.search(sentence) if "according" in sentence else None
        if m:
            who = m.group("who").strip()
        if who is None:
            parentheses = "(" in sentence
            for v in _verb_starts(sentence):
                head = _PARENTHESES.sub("", sentence[:v]) if parentheses else sentence[:v]
                # the last piece of _CLAUSE_SPLIT.split(head)
                cut = _CLAUSE_SPLIT_BACK.search(head[::-1])
                clause = (head[len(head) - cut.start():] if cut else head).strip()
                if clause.endswith(_TAIL_ENDS) or clause[-1:].isdecimal():
                    clause = _CLAUSE_TAIL.sub("", clause).strip()
                clause = _LEADING_JUNK.sub("", clause)
                words = clause.split()
                if not words or len(words) > 12:
                    continue
                # a _SPEAKER_HEAD match is made of word characters, ' ’ . and -: it lies in the last word
                if not _SPEAKER_HEAD.search(words[-1]):
                    continue
                if words[0].lower() in ("there", "it") and len(words) > 1:
                    continue
                who = clause
                break
        if who is None:
            m = _INVERTED.search(sentence)
            if m:
                who = m.group("who").strip()
        if who is not None:
            who = _THE.sub("the", who.strip())
            if who.lower() in ("he", "she") and self.last_person is not None:
                who = self.last_person.full
            p = self.person(who)
            if p is not None:
                self.last_person = p
                return self.label(who)
            return who
        if "report" in case_fold(sentence) and _UNNAMED.search(sentence):  # each _UNNAMED match has "report"
            return "unnamed reports"
        return None

    def note_outlets(self, lo: int, hi: int) -> None:
        """Remember the outlet a person spoke to: "X told the Baltic news agency BNS"."""
        if self.text.find("told", lo, hi) < 0:  # every _TOLD match starts with "told"
            return
        sentence = self.text[lo:hi]
        for m in _TOLD.finditer(sentence):
            to = m.group("to")
            if re.search(r"\b(?:agency|news|newspaper|TV|television|radio|outlet|broadcaster|channel|Reuters|AP|"
                         r"AFP|BBC|CNN)\b", to) or re.fullmatch(r"(?:the\s+)?[A-Z]{2,}", to):
                acronym = re.findall(r"\b[A-Z]{2,}\b", to)
                outlet = acronym[-1] if acronym else to.removeprefix("the ").strip()
                subject = sentence[:m.start()].strip()
                p = self.person(subject.split(",")[-1].strip()) if subject else None
                if p is not None:
                    p.outlet = p.outlet or outlet

    def named_in(self, lo: int, hi: int) -> _Person | None:
        """The last of :attr:`people` whose surname the sentence ``text[lo:hi]`` contains, if any."""
        sentence = self.text[lo:hi]
        named = None
        for p in self.people:
            if p.surname in sentence:
                named = p
        return named


class _Speakers:
    """The speaker (:meth:`_Sources.speaker`) of each sentence, computed only for the sentences asked about.

    A speaker depends on the person last named ("he said"): the last person whose surname the
    sentence contains, else the one the previous sentence left (its speaker may name a person).
    So asking for sentence *k* computes, in order, the speakers from the nearest sentence at
    which that state is known (one naming a person, one already computed, or the first) up to
    *k*: each sees the state it would see were every sentence's speaker computed in turn.
    """

    def __init__(self, sources: _Sources, sentences: list[Sentence]):
        self.sources = sources
        self.sentences = sentences
        self.named = [sources.named_in(s.start, s.end) for s in sentences] if sources.people else None
        self.done: dict[int, tuple[str | None, _Person | None]] = {}  # index -> (speaker, last person after)

    def __call__(self, k: int) -> str | None:
        """The speaker of sentence *k*; leaves ``sources.last_person`` as it is after that sentence."""
        if k not in self.done:
            first = k
            named = self.named
            while named is not None and first > 0 and named[first] is None and first - 1 not in self.done:
                first -= 1
            state = self.done[first - 1][1] if first - 1 in self.done else None
            for i in range(first, k + 1):
                s = self.sentences[i]
                self.sources.last_person = (named[i] if named is not None else None) or state
                who = self.sources.speaker(s.start, s.end)
                state = self.sources.last_person
                self.done[i] = (who, state)
        who, self.sources.last_person = self.done[k]
        return who

    def of(self, k: int) -> Callable[[], str | None]:
        """A function giving the speaker of sentence *k* when first called."""
        return lambda: self(k)


# --------------------------------------------------------------------------- the document

_TOKEN = re.compile(r"⟦(\d+)⟧")
_TOK = r"⟦(\d+)⟧"
_DIRECTION = (r"(?:(?:the\s+)?(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|"
              r"northeastern|northwestern|southeastern|southwestern)\s+)?")
_MOVE_FROM_TO = re.compile(rf"\b(?:from|out\s+of)\s+{_DIRECTION}{_TOK}(?:\s*(?:,|and)\s*⟦\d+⟧){{0,12}}\s+"
                           rf"(?:to|into|towards?|for|in)\s+{_DIRECTION}{_TOK}")
_MOVE_TO_FROM = re.compile(rf"\b(?:to|into|towards?)\s+{_DIRECTION}{_TOK}\s+from\s+{_DIRECTION}{_TOK}")
_OWN_FORCES = re.compile(r"\b(?:its|their|our)\s+(?:own\s+)?(?P<noun>forces|troops|fighters|units|soldiers|army|"
                         r"militants|men|rebels)\b", re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s*(?:supported|backed|aided|assisted|accompanied|joined|helped)\s+by\s+[^,]*,")
_ANAPHORA = re.compile(r"\bthe\s+(?P<what>region|oblast|province|district|raion|city|town|area|governorate|state)\b"
                       r"(?!\s*⟦)")
_CIVILIAN = re.compile(r"\b(?:civilians|residents|refugees|displaced|families|evacuees|people\s+fled|fled)\b",
                       re.IGNORECASE)
_STATUS_ORDER = [MovementStatus.REPORTED, MovementStatus.CLAIMED, MovementStatus.UNCONFIRMED,
                 MovementStatus.CONFIRMED, MovementStatus.DENIED]
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|but|as|and\s+(?:the|a)|where|although|which|who)\b|\s+but\s+")
_MODAL = re.compile(r"\b(?:will|would|could|might|may|threaten\w*|plan\w*|vow\w*)\s+(?:\w+\s+){0,2}$",
                    re.IGNORECASE)


_MOVE_NOUN = re.compile(r"\b(?:redeployment|transfer|troops|forces)\b")
#: Every P.FORMATION match holds one of these words (that pattern is case-sensitive).
_FORMATION_WORD = re.compile(r"Brigade|Division|Regiment|Battalion|Corps|Army|Group|Squadron|Company")


_DIGIT = re.compile(r"\d")  # every P.AREA match holds one


def _folded(pattern: re.Pattern) -> re.Pattern:
    """*pattern*, written in lower case for ``re.IGNORECASE``, to match in :func:`case_fold` text instead.

    ``case_fold`` keeps the length and offsets of the text, and a lower-case pattern finds in it what
    its ``(?i)`` form finds in the text, so the matches are the same; ``re`` runs a case-sensitive
    pattern several times faster. Read what matched from the original text, at the match's offsets.
    """
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


class _Fold:
    """The event cues, for :func:`case_fold` text (see :func:`_folded`)."""

    MOVE = _folded(P.MOVE_CUE)
    CLAIM = _folded(P.CLAIM_CUE)
    SETTLEMENTS = _folded(P.SETTLEMENTS)
    AREA = _folded(P.AREA)
    COMBAT = _folded(P.COMBAT_CUE)
    MEETING = _folded(P.MEETING_CUE)
    STRIKE = _folded(P.STRIKE_CUE)
    FATALITIES = _folded(P.FATALITIES)
    UNCONFIRMED = _folded(P.UNCONFIRMED_CUE)
    DENY = _folded(P.DENY_CUE)
    CONFIRM = _folded(P.CONFIRM_CUE)
    MODAL = _folded(_MODAL)
    CIVILIAN = _folded(_CIVILIAN)
    OWN_FORCES = _folded(_OWN_FORCES)
    FORCE_WORD = re.compile(r"\b(?:troop|forces|military|units?|redeploy\w*|deploy\w*|transfer|relocation|reallocation)\b")
    REPORT_WORD = re.compile(r"\b(?:claim|report|capture|control)")


def _matched(text: str, m: re.Match, group: int | str = 0) -> str:
    """What *group* of *m*, a match in ``case_fold(text)``, matched in *text*."""
    return text[m.start(group):m.end(group)]


_ARTICLE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_DESCRIPTOR_AFTER = re.compile(r"\s+(?:region|oblast|province|district|raion|rayon|governorate|state|krai|"
                               r"county|city|strip|districts|regions|provinces)\b", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S")


def _followed_by_list(text: str, pos: int) -> bool:
    """Whether ``text[pos:].lstrip()`` starts with "," or "and" (without copying the rest of the text)."""
    first = _NON_SPACE.search(text, pos)
    return first is not None and text.startswith((",", "and"), first.start())


@dataclass
class _Doc:
    report: Report
    gaz: Gazetteer
    spans: list[_Span]
    sentences: list[Sentence]
    title: Sentence | None
    dates: list[DateMention]
    sources: _Sources
    masked: dict[int, tuple[str, list[int]]] = field(default_factory=dict)
    cue_kinds: dict[int, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [x.start for x in self.spans]
        self.sentence_ends = [s.end for s in self.sentences]
        self.date_starts = [d.start for d in self.dates]
        self.paragraph_starts: dict[int, int] = {}  # paragraph -> start of its first sentence
        for t in self.sentences:
            self.paragraph_starts.setdefault(t.paragraph, t.start)

    @property
    def text(self) -> str:
        return self.report.text

    def provenance(self, s: Sentence, *, reason: str, reported_by: str | None,
                   when: DateMention | None = None) -> Provenance:
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
        """The sentence with each place mention replaced by ``⟦i⟧`` (i indexes :attr:`spans`)."""
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
        offsets: list[int] = []  # masked position -> text offset, at token boundaries
        pos = s.start
        for i in ids:
            x = self.spans[i]
            start = x.start
            head = text[pos:start]
            # "the" can only match ending where the trailing white space starts, so search from there
            art = _ARTICLE_BEFORE.search(head, max(0, len(head.rstrip()) - 3))
            if art:
                head = head[:art.start()]
            out.append(head)
            offsets.append(pos)
            out.append(f"⟦{i}⟧")
            end = x.end
            desc = _DESCRIPTOR_AFTER.match(text, end, s.end)
            if desc and x.descriptor is None or desc and i == ids[-1] or (
                    desc and not _followed_by_list(text, x.end)):
                end = desc.end()
            pos = max(pos, end)
        out.append(text[pos:s.end])
        masked = ("".join(out), ids)
        self.masked[s.start] = masked
        return masked

    def may_match(self, s: Sentence, kind: str) -> bool:
        """Whether a cue of *kind* (a key of :data:`patterns.CUE_STEMS`) can match the masked sentence.

        One pass over the sentence finds the stems of every kind at once.
        """
        kinds = self.cue_kinds.get(s.start)
        if kinds is None:
            kinds = self.cue_kinds[s.start] = _cue_kinds(case_fold(self.mask(s)[0]))
        return kind in kinds

    def text_pos(self, s: Sentence, masked_pos: int) -> int:
        """The offset in the text of position *masked_pos* of the masked sentence."""
        masked, ids = self.mask(s)
        shift = 0
        for m in _TOKEN.finditer(masked):
            if m.start() >= masked_pos:
                break
            x = self.spans[int(m.group(1))]
            shift += (x.end - x.start) - (m.end() - m.start())
        return min(s.end, s.start + masked_pos + shift)

    def dates_in(self, s: Sentence) -> list[DateMention]:
        lo = bisect.bisect_left(self.date_starts, s.start)
        hi = bisect.bisect_left(self.date_starts, s.end)
        return self.dates[lo:hi]

    def event_date(self, s: Sentence) -> DateMention | None:
        for d in self.dates_in(s):
            if d.role in ("at", "start"):
                return d
        return None

    def place(self, i: int | str) -> Place:
        return self.spans[int(i)].place  # type: ignore[return-value]

    def recent(self, before: int, kinds: Iterable[PlaceKind], *, paragraph_start: int = 0) -> Place | None:
        kinds = tuple(kinds)
        for i in range(bisect.bisect_left(self.starts, before) - 1, -1, -1):
            x = self.spans[i]
            if x.start < paragraph_start:
                break
            if x.place is not None and x.place.kind in kinds and not x.possessive:
                return x.place
        return None


def _doc(report: Report, gaz: Gazetteer) -> _Doc:
    text = report.text
    title = None
    regions: list[tuple[int, int]] = []
    if report.title:
        at = text.find(report.title, 0, report.body_start or len(text))
        if at >= 0:
            title = Sentence(at, at + len(report.title), -1)
            regions.append((title.start, title.end))
    regions.append((report.body_start, len(text)))
    sentences = split_sentences(text, report.body_start)
    starts = {s.start for s in sentences} | ({title.start} if title else set())
    people = _people(text)
    surnames = {fold(p.surname) for p in people} | {fold(p.full.split()[-2]) for p in people
                                                     if len(p.full.split()) >= 3}
    surnames = {s for s in surnames if s}
    spans = _find_spans(gaz, text, regions)
    at_positions = {x.start for x in spans}
    person_spans = _Intervals(p.span for p in people)
    kept: list[_Span] = []
    for x in spans:
        why = None if x.descriptor else _reject_reason(text, x, at_positions, surnames)
        if why is None and person_spans.covers(x.start):
            why = "part of a person's name"
        if why is None:
            x.possessive = text[x.end:x.end + 2] in ("'s", "’s")
            if x.possessive:
                x.reason = f"possessive '{x.surface}’s' (the owner of what follows); {x.reason}"
            kept.append(x)
    _resolve_spans(gaz, text, kept)
    kept = [x for x in kept if not (x.surface.isupper() and len(x.surface) <= 4 and x.place is not None
                                    and x.place.kind is not PlaceKind.COUNTRY)]
    _apply_town_rule(gaz, text, kept)
    _apply_region_rule(text, kept, report.body_start)
    _check_containment(text, kept)
    kept = _drop_outliers(kept, starts)
    dates = find_dates(text, report.published) if len(text) < 2_000_000 else _chunked_dates(text, report.published)
    return _Doc(report, gaz, kept, sentences, title, dates, _Sources(text, people))


def _chunked_dates(text: str, anchor: date) -> list[DateMention]:
    out: list[DateMention] = []
    step = 1_000_000
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + step)
        if end < len(text):
            nl = text.rfind("\n", pos, end)
            end = nl + 1 if nl > pos else end
        out.extend(replace(d, start=d.start + pos, end=d.end + pos) for d in find_dates(text[pos:end], anchor))
        pos = end
    return out


# --------------------------------------------------------------------------- events


def _movements(doc: _Doc, s: Sentence, speaker: Callable[[], str | None]) -> list[Movement]:
    if not doc.may_match(s, "move"):
        return []
    masked, _ = doc.mask(s)
    folded = case_fold(masked)
    cue = _Fold.MOVE.search(folded)
    if not cue:
        return []
    out: list[Movement] = []
    formation = status = None  # of the whole sentence: found with the first movement
    for pattern, order in ((_MOVE_FROM_TO, (1, 2)), (_MOVE_TO_FROM, (2, 1))):
        for m in pattern.finditer(masked):
            if cue.start() > m.end() + 40:
                continue
            origin_i, dest_i = m.group(order[0]), m.group(order[1])
            origin, dest = doc.place(origin_i), doc.place(dest_i)
            if _pk(origin) == _pk(dest) or doc.spans[int(origin_i)].possessive or doc.spans[int(dest_i)].possessive:
                continue
            head = _APPOSITIVE.sub(",", masked[:m.start()])
            if _Fold.CIVILIAN.search(case_fold(head[-80:])):
                continue
            actors = _actors(head, 0, len(head))
            actor = unit = None
            if actors:
                a = actors[-1]
                if a.party is None:
                    unit = a.phrase
                    party = [b for b in actors[:-1] if b.party is not None and "," not in head[b.end:a.start]]
                    if party:
                        actor = party[-1].phrase
                else:
                    actor = a.phrase
            if formation is None:
                formation = _FORMATION_WORD.search(masked) and P.FORMATION.search(masked) or False
            if formation:
                unit = formation.group(0).removeprefix("the ")
            if actor is None:
                actor = _own_party(doc, head, speaker())
                if actor is not None and unit is not None and actor.lower().endswith(unit.lower()):
                    unit = None
            if actor is None:
                subject = re.search(rf"{_TOK}\s+(?:has\s+|have\s+|had\s+)?$", masked[:cue.start()])
                if subject and doc.place(subject.group(1)).kind is PlaceKind.COUNTRY:
                    actor = doc.place(subject.group(1)).name
            if actor is None and unit is None and not _Fold.FORCE_WORD.search(folded):
                continue
            if status is None:
                status = _status(folded) if doc.may_match(s, "status") else MovementStatus.REPORTED
            when = doc.event_date(s)
            word = _matched(masked, cue)
            out.append(Movement(
                actor, origin, dest, unit=unit, status=status,
                provenance=doc.provenance(
                    s, reported_by=speaker(), when=when,
                    reason=f"movement: movement word {word!r} with "
                           f"'{'from … to …' if order == (1, 2) else 'to … from …'}'"
                           + (f"; status {status.value} from the sentence" if status is not MovementStatus.REPORTED
                              else ""))))
    return out


def _own_party(doc: _Doc, head: str, speaker: str | None) -> str | None:
    """ "its troops" after "the Somali army said" → the speaker's party."""
    if not speaker:
        return None
    own = _Fold.OWN_FORCES.search(case_fold(head))
    if own is None:
        return None
    parties = [a for a in _actors(speaker, 0, len(speaker)) if a.party]
    noun = _matched(head, own, "noun").lower()
    if parties:
        return f"{parties[0].party} {noun}"
    dem = _DEMONYM_WORD.search(speaker)
    if dem:
        return f"{dem.group(1)} {noun}"
    return re.sub(r"^the\s+", "", speaker)


def _status(folded: str) -> MovementStatus:
    """The status a sentence (in :func:`case_fold` form) gives the movements it reports."""
    if _Fold.DENY.search(folded):
        return MovementStatus.DENIED
    if _Fold.UNCONFIRMED.search(folded):
        return MovementStatus.UNCONFIRMED
    if _Fold.CONFIRM.search(folded):
        return MovementStatus.CONFIRMED
    return MovementStatus.REPORTED


def _status_updates(doc: _Doc, s: Sentence, movements: list[Movement]) -> list[Movement]:
    """A sentence that denies or has yet to confirm a movement updates the movements it names."""
    if not doc.may_match(s, "status"):  # the status is "reported": nothing to update
        return movements
    masked, ids = doc.mask(s)
    folded = case_fold(masked)
    if not (doc.may_match(s, "move") and _Fold.MOVE.search(folded)) and not _MOVE_NOUN.search(masked):
        return movements
    status = _status(folded)
    if status is MovementStatus.REPORTED:
        return movements
    places = {_pk(doc.spans[i].place) for i in ids}
    latest = None
    if movements and not any(_pk(mv.origin) in places or _pk(mv.destination) in places for mv in movements):
        last = movements[-1]
        cue = re.search(r"movement word '(\w+)", last.provenance.reason or "")
        stem = cue.group(1).lower()[:5].replace("redep", "deplo") if cue else None
        words = {w.lower()[:5].replace("redep", "deplo") for w in re.findall(r"\w+", masked)}
        if last.provenance.span and s.start - last.provenance.span[1] < 400 and stem in words:
            latest = last
    out = []
    for mv in movements:
        if (_pk(mv.origin) in places or _pk(mv.destination) in places or mv is latest) and (
                _STATUS_ORDER.index(status) > _STATUS_ORDER.index(mv.status)):
            quote = doc.text[s.start:s.end]
            reason = f"{mv.provenance.reason}; status {status.value}: {quote!r}"
            mv = replace(mv, status=status, provenance=replace(mv.provenance, reason=reason))
        out.append(mv)
    return out


def _merge_movements(movements: list[Movement]) -> list[Movement]:
    merged: list[Movement] = []
    routes: list[tuple] = []  # (origin, destination) keys of merged, which a merge keeps
    for mv in movements:
        route = (_pk(mv.origin), _pk(mv.destination))
        for i, old in enumerate(merged):
            if routes[i] == route and (
                    old.unit == mv.unit or old.unit is None or mv.unit is None or old.actor == mv.actor):
                status = max(old.status, mv.status, key=_STATUS_ORDER.index)
                prov = old.provenance
                if prov.reported_by is None and mv.provenance.reported_by is not None:
                    prov = replace(prov, reported_by=mv.provenance.reported_by)
                if prov.event_date is None and mv.provenance.event_date is not None:
                    prov = replace(prov, event_date=mv.provenance.event_date,
                                   date_precision=mv.provenance.date_precision)
                if status is not old.status:
                    prov = replace(prov, reason=f"{prov.reason}; status {status.value} from a repeat")
                merged[i] = replace(old, actor=old.actor or mv.actor, unit=old.unit or mv.unit, status=status,
                                    provenance=prov)
                break
        else:
            merged.append(mv)
            routes.append(route)
    return merged


def _number(text: str) -> int | None:
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a dozen": 12,
             "two dozen": 24, "three dozen": 36}
    text = text.lower().strip()
    if text in words:
        return words[text]
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _clause(masked: str, start: int) -> str:
    m = _CLAUSE_END.search(masked, start)
    return masked[start:m.start()] if m else masked[start:]


def _claims(doc: _Doc, s: Sentence, said: Callable[[], str | None], fought: _CombatIndex) -> list[TerritorialClaim]:
    if not doc.may_match(s, "claim"):
        return []
    masked, ids = doc.mask(s)
    out: list[TerritorialClaim] = []
    for cue in _Fold.CLAIM.finditer(case_fold(masked)):
        speaker = said()
        rest = _clause(masked, cue.end())
        folded_rest = case_fold(rest)
        word = _matched(masked, cue).lower()
        count = _Fold.SETTLEMENTS.search(folded_rest)
        area = _Fold.AREA.search(folded_rest) if _DIGIT.search(rest) else None
        if word.startswith(("hold", "held", "took", "taken")) and not (count or area):
            if not re.match(r"\s*(?:control\s+of\s+)?(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?⟦", rest):
                continue
        head = _APPOSITIVE.sub(",", masked[:cue.start()])
        folded_head = case_fold(head)
        if _Fold.DENY.search(folded_head) or _Fold.MODAL.search(folded_head):
            continue
        passive = re.match(r"\s*(?:by|to)\s+", rest) or word.startswith(("fell", "fallen"))
        if passive:
            actors = _actors(rest, 0, len(rest))
            claimant = actors[0] if actors else None
            named = [int(t) for t in _TOKEN.findall(_clause_back(head))]
        else:
            found = _actors(head, 0, len(head))
            actors = [a for a in found if a.party is not None]
            claimant = actors[-1] if actors else None
            own = _own_party(doc, head, speaker)
            if own is not None and _Fold.OWN_FORCES.search(folded_head[-60:]):
                claimant = _Actor(0, 0, own, own.split()[0], _country_of(own))
            if claimant is None and found:
                claimant = found[-1]
            named = [int(t) for t in _TOKEN.findall(re.split(r",\s+(?!⟦|and\s+⟦)", rest)[0])]
        if claimant is None and speaker and re.search(r"\b(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?$", head):
            claimant = _Actor(0, 0, re.sub(r"^the\s+", "", speaker), None, _country_of(speaker))
        if claimant is None:
            continue
        areas = list({_pk(doc.spans[i].place): doc.spans[i].place for i in reversed(named)
                      if not doc.spans[i].possessive}.values())[::-1]
        areas = [a for a in areas if not any(_contains(a, b) for b in areas if b is not a)]
        area_reason = "named in the sentence"
        if not areas:
            anaphor = _ANAPHORA.search(rest)
            kinds = (PlaceKind.ADMIN1,) if anaphor and anaphor.group("what") in (
                "region", "oblast", "province", "governorate", "state") else (
                PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.POPULATED_PLACE)
            if anaphor and anaphor.group("what") in ("district", "raion"):
                kinds = (PlaceKind.ADMIN2,)
            if anaphor and anaphor.group("what") in ("city", "town"):
                kinds = (PlaceKind.POPULATED_PLACE,)
            cue_at = doc.text_pos(s, cue.start())
            para_start = doc.paragraph_starts.get(s.paragraph, 0)
            recent = doc.recent(cue_at, kinds,
                                paragraph_start=para_start if not anaphor else 0)
            if recent is None and not anaphor:
                recent = doc.recent(cue_at, (PlaceKind.ADMIN1,))
            if recent is not None:
                areas = [recent]
                area_reason = f"'{anaphor.group(0)}' refers back to it" if anaphor else "the region the paragraph is about"
        if not areas and not (count or area):
            continue
        settlements = _number(_matched(rest, count, "n")) if count else None
        if count and _matched(rest, count, "what").lower() in ("settlement", "village", "town", "locality"):
            settlements = None if settlements is None else settlements
        stated = float(_matched(rest, area, "n").replace(",", "")) if area else None
        if stated is not None and "mi" in _matched(rest, area, "unit").lower():
            stated = round(stated * 2.589988, 1)
        when = next((d for d in doc.dates_in(s) if d.role == "at"), None)
        by = next((d for d in doc.dates_in(s) if d.role == "by"), None)
        as_of = (when or by).date if (when or by) is not None else doc.report.published
        when_reason = "as of the date in the sentence" if (when or by) else "as of the report date"
        prov_when = when or by
        claimant_label = claimant.phrase
        if claimant_label.lower().startswith("the "):
            claimant_label = claimant_label[4:]
        geometry, derivation, note = _claim_geometry(doc, areas, stated, settlements, claimant, fought)
        figures = ", ".join(p for p in (_matched(rest, count) if count else "", _matched(rest, area) if area else "")
                            if p)
        reason = (f"claim: control word {_matched(masked, cue)!r}" + (f" with {figures!r}" if figures else "")
                  + f"; claimant {claimant.phrase!r}; area {area_reason}; {when_reason}")
        prov = doc.provenance(s, reported_by=speaker or claimant.phrase, when=prov_when, reason=reason)
        if prov.event_date is None:
            prov = replace(prov, event_date=as_of, date_precision=DatePrecision.DAY)
        out.append(TerritorialClaim(
            claimant_label, as_of=as_of, settlements=settlements, area_km2_stated=stated, areas=tuple(areas),
            geometry=geometry, derivation=derivation, approximate=derivation == Derivation.STATED_AREA or None,
            note=note, provenance=prov,
        ))
        break
    return out


def _contains(outer: Place, inner: Place) -> bool:
    """Whether *outer* is a unit that contains *inner* by the admin path."""
    if outer.kind is PlaceKind.COUNTRY:
        return inner.kind is not PlaceKind.COUNTRY and inner.country_code == outer.country_code
    if outer.kind is PlaceKind.ADMIN1:
        return inner.kind in (PlaceKind.ADMIN2, PlaceKind.POPULATED_PLACE) and inner.admin1 == outer.name
    if outer.kind is PlaceKind.ADMIN2:
        return inner.kind is PlaceKind.POPULATED_PLACE and inner.admin2 == outer.name
    return False


def _country_of(phrase: str) -> str | None:
    for a in _actors(phrase, 0, len(phrase)):
        if a.country:
            return a.country
    for dem, code in P.DEMONYMS.items():
        if dem in phrase:
            return code
    return None


def _dispute_note(doc: _Doc, claim: TerritorialClaim, s: Sentence, following: Sentence | None) -> TerritorialClaim:
    """Add "not independently verified" / "denied by …" to a claim's note."""
    notes = []
    for t in (s, following):
        if t is None or t.paragraph != s.paragraph:
            continue
        quote = doc.text[t.start:t.end]
        folded = case_fold(quote)
        if "status" not in _cue_kinds(folded):  # no DENY_ or UNCONFIRMED_CUE
            continue
        if _Fold.UNCONFIRMED.search(folded) or re.search(r"\b(?:did not|has not|have not)\s+comment", quote):
            notes.append(f"not confirmed: {quote!r}")
        elif t is following and _Fold.DENY.search(folded) and _Fold.REPORT_WORD.search(folded):
            notes.append(f"disputed: {quote!r}")
    if not notes:
        return claim
    return replace(claim, note="; ".join([claim.note, *notes]) if claim.note else "; ".join(notes))


def _clause_back(head: str) -> str:
    parts = re.split(r"[;:,]", head)
    return parts[-1] if parts else head


def _claim_geometry(doc: _Doc, areas: list[Place], stated: float | None, settlements: int | None,
                    claimant: _Actor, fought: _CombatIndex):
    broad = [a for a in areas if a.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY)]
    by_stated = stated is not None and broad and len(broad) == len(areas)  # else the union of the areas
    inside_places = fought.within(broad) if by_stated else {}
    key = (tuple(_pk(a) for a in areas), stated, claimant.country, tuple(sorted(inside_places))) if by_stated \
        else (tuple(_pk(a) for a in areas),)
    cached = _GEOMETRY_CACHE.get(key)
    if cached is None:
        cached = _claim_extent(
            doc, areas, broad, [a.geometry for a in inside_places.values()], stated if by_stated else None, claimant)
        if len(_GEOMETRY_CACHE) >= 1024:
            _GEOMETRY_CACHE.pop(next(iter(_GEOMETRY_CACHE)))
        _GEOMETRY_CACHE[key] = cached
    geometry, derivation, places_inside = cached
    note = plausibility_note(settlements=settlements, area_stated=stated, geometry=geometry,
                             derivation=(derivation or Derivation.NONE).value, places_inside=places_inside)
    if derivation is Derivation.STATED_AREA:
        note += ("; extent placed inside the districts where fighting is reported, along the border with the "
                 "claimant's country" if claimant.country else "; extent placed around the named areas' centre")
    return geometry, derivation, note


class _CombatIndex:
    """The places of a report's combat areas, looked up by the first-level unit or country they lie in.

    ``within(broad)`` gives what a loop over every combat area's places would: each place (with a
    geometry) in one of the *broad* units or countries, by place key, in the order first met, holding
    the last record met. Built once per report, so a claim does not loop over all combat areas.
    """

    def __init__(self, combats: list[CombatArea]) -> None:
        #: ("admin1", name) or ("country", code) -> place key -> [first seen, last seen, place]
        self._by_unit: dict[tuple[str, str | None], dict[tuple, list]] = {}
        seen = 0
        for c in combats:
            for a in c.areas:
                if a.geometry is None:
                    continue
                key = _pk(a)
                for unit in (("admin1", a.admin1), ("country", a.country_code)):
                    places = self._by_unit.setdefault(unit, {})
                    if key in places:
                        places[key][1:] = [seen, a]
                    else:
                        places[key] = [seen, seen, a]
                seen += 1

    def within(self, broad: list[Place]) -> dict[tuple, Place]:
        """The combat areas' places inside any of *broad* (first-level units and countries)."""
        units = {("admin1", b.name) if b.kind is PlaceKind.ADMIN1 else ("country", b.country_code) for b in broad}
        merged: dict[tuple, list] = {}
        for unit in units:
            for key, (first, last, place) in self._by_unit.get(unit, {}).items():
                m = merged.get(key)
                if m is None:
                    merged[key] = [first, last, place]
                else:
                    m[0] = min(m[0], first)
                    if last > m[1]:
                        m[1:] = [last, place]
        return {key: m[2] for key, m in sorted(merged.items(), key=lambda item: item[1][0])}


#: Claim extents (geometry, derivation, populated places inside) by what they depend on: the areas,
#: and for an extent placed by the stated area, that area, the claimant's country and the districts
#: where fighting is reported. The same claim in many reports is derived once. Bounded, oldest dropped first.
_GEOMETRY_CACHE: dict[tuple, tuple] = {}


def _claim_extent(doc: _Doc, areas: list[Place], broad: list[Place], inside: list, stated: float | None,
                  claimant: _Actor):
    """The extent of a claim; *stated* is None unless the extent is to be placed by the stated area."""
    import shapely

    geometry = None
    derivation: Derivation | None = None
    if stated is not None:

        within = shapely.union_all(inside) if inside else shapely.union_all(
            [b.geometry for b in broad if b.geometry is not None]) if any(b.geometry is not None for b in broad) \
            else None
        if within is not None and not within.is_empty:
            country = doc.gaz.country(claimant.country) if claimant.country else None
            border = country.geometry if country is not None else None
            if border is not None and broad[0].country_code == claimant.country:
                border = None  # the claimant's own country: no border crossed
            geometry = stated_area_extent(stated, within=within, border_with=border)
            derivation = Derivation.STATED_AREA
    if geometry is None:
        polys = [a.geometry for a in areas if a.geometry is not None]
        if polys:
            import shapely

            geometry = shapely.union_all(polys)
            derivation = Derivation.UNION
    places_inside = populated_places_within(doc.gaz, geometry) if geometry is not None else None
    return geometry, derivation, places_inside


def _combats(doc: _Doc, s: Sentence, speaker: Callable[[], str | None]) -> list[CombatArea]:
    if not doc.may_match(s, "combat"):
        return []
    masked, _ = doc.mask(s)
    cue = _Fold.COMBAT.search(case_fold(masked))
    if not cue:
        return []
    word = _matched(masked, cue)
    after = _clause(masked, cue.end())
    ids = [int(t) for t in _TOKEN.findall(after)]
    where = "after"
    if not ids:
        ids = [int(t) for t in _TOKEN.findall(_clause_back(masked[:cue.start()]))]
        where = "before"
    ids = [i for i in ids if not doc.spans[i].possessive]
    if not ids:
        return []
    areas = tuple({_pk(doc.spans[i].place): doc.spans[i].place for i in reversed(ids)}.values())[::-1]
    actors = tuple(dict.fromkeys(f"{a.party} forces" if a.party in P.DEMONYMS else a.party
                                 for a in _actors(masked, 0, len(masked)) if a.party))
    when = next((d for d in doc.dates_in(s) if d.role == "start"), None) or doc.event_date(s)
    reason = f"combat: word {word!r} with places named {where} it"
    if when is not None and when.role == "start":
        reason += f"; start date from {when.text!r}"
    return [CombatArea(areas, actors=actors, description=word,
                       provenance=doc.provenance(s, reported_by=speaker(), when=when, reason=reason))]


#: Where a strike or attack happened: right after the cue, "in/at/near" the place, or a passive subject.
_TARGET_AFTER = re.compile(rf"\s*(?:(?:on|in|at|near|against|targeting|across|of)\s+)?(?:the\s+)?"
                           rf"(?:(?:city|town|village|camp|outskirts|centre|center|district)\s+(?:of\s+)?)?{_TOK}")
_PLACE_AFTER = re.compile(rf"\b(?:in|at|near)\s+(?:the\s+)?{_TOK}")
_PASSIVE_TARGET = re.compile(rf"{_TOK}\s+(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?$")
#: A demonym ending the text, maybe followed by one lower-case word: at most its last three tokens.
_DEMONYM_LAST = re.compile(rf"\b({_DEMONYM_TRIE})\s+(?:[a-z]+\s+)?$")


def _tail_start(text: str, end: int, tokens: int) -> int:
    """Where the last *tokens* runs of non-white-space of ``text[:end]`` start (0 when it has fewer).

    A pattern that can only match there is searched from this position (up to *end*), not over the
    whole text: ``search(text, pos, end)`` sees the character before *pos* for ``\\b``, as a search
    of ``text[:end]`` does.
    """
    parts = text[:end].rsplit(None, tokens)
    if len(parts) <= tokens:
        return 0
    return _NON_SPACE.search(text, len(parts[0])).start()


def _located_events(doc: _Doc, s: Sentence, said: Callable[[], str | None]) -> list[Event]:
    masked, _ = doc.mask(s)
    folded = case_fold(masked)
    out: list[Event] = []
    meet = _Fold.MEETING.search(folded) if doc.may_match(s, "meeting") else None
    if meet:
        after = masked[meet.end():]
        m = re.search(rf"\b(?:in|at)\s+{_TOK}", after) or (
            re.match(rf"\s*{_TOK}", after) if _matched(masked, meet).lower().startswith("visit") else None)
        if m:
            speaker = said()  # also leaves sources.last_person as after this sentence, for label("he")
            place = doc.place(m.group(1))
            subject = _clause_back(masked[:meet.start()]).strip()
            subject = re.sub(r"\s+(?:had|has|have|was|were|also|then)$", "", subject).strip()
            obj = re.match(r"\s*(?:with\s+)?(?P<o>[^,.;⟦]+?)\s*(?=\bin\b|\bat\b|,|\.|$)", after)
            actors = tuple(a for a in (
                doc.sources.label(subject, via=False) if subject else None,
                doc.sources.label(obj.group("o").strip(), via=False) if obj and obj.group("o").strip() else None,
            ) if a and not _TOKEN.search(a))
            when = doc.event_date(s)
            out.append(Event("meeting", place, actors=actors, description=doc.text[s.start:s.end][:200],
                             provenance=doc.provenance(
                                 s, reported_by=None if speaker in actors else speaker, when=when,
                                 reason=f"event: meeting word {_matched(masked, meet)!r} with 'in/at <place>'")))
    for cue in _Fold.STRIKE.finditer(folded) if doc.may_match(s, "strike") else ():
        kind = next(k for k, v in cue.groupdict().items() if v)
        if _Fold.MODAL.search(folded[:cue.start()]):
            continue
        after = masked[cue.end():cue.end() + 80]
        m = _TARGET_AFTER.match(after)
        if not m and kind in ("protest", "massacre", "attack"):
            m = _PLACE_AFTER.search(after)
        if not m:
            back = masked[max(0, cue.start() - 40):cue.start()]
            m = _PASSIVE_TARGET.search(back)
        if not m:
            continue
        place = doc.place(m.group(1))
        fat = _Fold.FATALITIES.search(folded)
        fatalities = _number(_matched(masked, fat, "n" if fat.group("n") else "n2")) if fat else None
        actors = tuple(dict.fromkeys(a.phrase for a in _actors(masked, 0, cue.start()) if a.party))
        if not actors:  # a demonym right before the cue ("Russian shelling"): its forces
            dem = _DEMONYM_LAST.search(masked, _tail_start(masked, cue.start(), 3), cue.start())
            if dem:
                actors = (f"{dem.group(1)} forces",)
        out.append(Event(kind, place, actors=actors, fatalities=fatalities,
                         description=doc.text[s.start:s.end][:200],
                         provenance=doc.provenance(s, reported_by=said(), when=doc.event_date(s),
                                                   reason=f"event: {kind} word {_matched(masked, cue)!r} with a place")))
        break
    return out


def _merge_same(records: list, key) -> list:
    out: dict = {}
    for r in records:
        out.setdefault(key(r), r)
    return list(out.values())


# --------------------------------------------------------------------------- entry point


def extract(report: Report | str, *, gazetteer: Gazetteer | None = None, published=None) -> EventSet:
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
    gaz = gazetteer or Gazetteer.default()
    doc = _doc(report, gaz)
    records: list = []
    quoted: dict[tuple[int, int], Provenance] = {}  # mentions of one sentence share its (frozen) provenance
    for x in doc.spans:
        sentence = _sentence_of(doc, x.start)
        quote_span = (sentence.start, sentence.end) if sentence else (x.start, x.end)
        provenance = quoted.get(quote_span)
        if provenance is None:
            provenance = quoted[quote_span] = Provenance(
                source=report.source, report_date=report.published,
                quote=report.text[quote_span[0]:quote_span[1]], span=quote_span)
        records.append(Mention(x.surface, x.start, x.end, place=x.place, score=x.score, candidates=x.candidates,
                               reason=x.reason, provenance=provenance))
    movements: list[Movement] = []
    claims: list[TerritorialClaim] = []
    combats: list[CombatArea] = []
    events: list[Event] = []
    ordered = doc.sentences + ([doc.title] if doc.title is not None else [])
    for s in ordered:
        doc.sources.note_outlets(s.start, s.end)
    speakers = _Speakers(doc.sources, ordered)
    for k, s in enumerate(ordered):
        masked, ids = doc.mask(s)
        speaker = speakers.of(k)
        if not ids:
            continue
        found = _movements(doc, s, speaker)
        if s is doc.title:
            found = [m for m in found if not any(_pk(m.origin) == _pk(o.origin)
                                                 and _pk(m.destination) == _pk(o.destination)
                                                 for o in movements)]
        movements = _status_updates(doc, s, movements)
        movements = _merge_movements([*movements, *found]) if found else movements
        if s is doc.title:
            continue
        combats.extend(_combats(doc, s, speaker))
        events.extend(_located_events(doc, s, speaker))
    fought = _CombatIndex(combats)
    for i, s in enumerate(doc.sentences):
        found_claims = _claims(doc, s, speakers.of(i), fought)
        if found_claims:
            following = doc.sentences[i + 1] if i + 1 < len(doc.sentences) else None
            found_claims = [_dispute_note(doc, c, s, following) for c in found_claims]
        claims.extend(found_claims)
    records.extend(_merge_movements(movements))
    records.extend(_merge_same(claims, lambda c: (c.claimant, c.settlements, c.area_km2_stated, c.as_of,
                                                  tuple(_pk(a) for a in c.areas))))
    records.extend(_merge_same(combats, lambda c: frozenset(_pk(a) for a in c.areas)))
    records.extend(_merge_same(events, lambda e: (e.type, _pk(e.place), e.provenance.event_date)))
    return EventSet(records)


def _sentence_of(doc: _Doc, pos: int) -> Sentence | None:
    if doc.title is not None and doc.title.start <= pos < doc.title.end:
        return doc.title
    lo = bisect.bisect_right(doc.sentence_ends, pos)  # the first sentence ending after pos
    if lo < len(doc.sentences) and doc.sentences[lo].start <= pos:
        return doc.sentences[lo]
    return None
