"""One reading per sentence (:class:`~geoconflict.extraction.cues.Reading`) against the plain searches it stands for.

Every event kind reads a sentence through its reading: the cue kinds of one
Aho-Corasick pass, each cue pattern's matches found once and shared. These
tests hold each shared answer equal to the search a kind made on its own
before (on generated text made of the cues' own words, and on every sentence of
the test reports), the cheap clause cuts equal to their splits, and check that
a fact of the sentence is made once and that two kinds asking for it agree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import extract
from geoconflict.extraction.acled_types import battle_word, classify, first_named, first_named_reference
from geoconflict.extraction.actors import actors, first_party, parties, parties_reference
from geoconflict.extraction.cues import CUE_OF, Fold, Reading, cue_kinds
from geoconflict.extraction.document import clause_back, clause_back_reference, read_document
from geoconflict.extraction.sources import last_clause, last_clause_reference
from geoconflict.lang import en
from geoconflict.text.normalize import case_fold
from geoconflict.text.report import read_report

REPORTS = Path(__file__).parent / "reports"

#: Words of every kind's cues (and of none), in several cases, with tokens.
_WORDS = sorted({
    "shelled", "Shelling", "airstrike", "drone", "strikes", "attacked", "ATTACK", "killed", "protesters", "rallied",
    "arrested", "looted", "set", "fire", "on", "ablaze", "clashed", "fighting", "Fighting", "battle", "repelled",
    "captured", "took", "control", "of", "seized", "held", "met", "talks", "visited", "summit", "moved", "sent",
    "deployed", "withdrew", "from", "to", "denied", "confirmed", "not", "the", "army", "police", "Russian", "forces",
    "in", "near", "two", "civilians", "were", "by", "gunmen", "⟦0⟧", "⟦1⟧", "İ", "ſ", "x", "air", "den", "sen",
    "that", "which", "while", "That", "said", "told",
})
_SEPARATORS = [" ", " ", " ", ", ", ". ", "; ", ": ", "\n", "-", '"', "“", "”", ""]


def _made_of(words: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts of up to *max_size* of *words*, each followed by a separator."""
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(_SEPARATORS)),
                    max_size=max_size).map(lambda parts: "".join(w + sep for w, sep in parts))


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def _assert_typed_alike(r: Reading) -> None:
    """Typing each strike cue of *r* with its reading's word of fighting gives what searching for it gives."""
    shared, searched = battle_word(r.folded, reading=r), battle_word(r.folded)
    assert (shared.span() if shared else None) == (searched.span() if searched else None)
    for cue in CUE_OF["strike"].finditer(r.folded):
        key = cue.lastgroup or ""
        assert classify(key, r.folded, cue.end(), cue.start(), reading=r) == classify(
            key, r.folded, cue.end(), cue.start())


def _assert_plain(r: Reading) -> None:
    """Every answer of reading *r* equals the plain search over its case-folded sentence."""
    assert r.folded == case_fold(r.masked)
    assert r.kinds == cue_kinds(case_fold(r.masked))
    for kind, pattern in CUE_OF.items():
        first = pattern.search(r.folded)
        got = r.cue(kind)
        assert (got.span(), got.lastgroup) == (first.span(), first.lastgroup) if first else got is None, kind
        assert _spans(r.cues(kind)) == _spans(list(pattern.finditer(r.folded))), kind
        got = r.cue(kind)  # the first match again, now read from all of them
        assert (got.span() if got else None) == (first.span() if first else None), kind


_FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(_made_of(_WORDS))
def test_reading_is_the_plain_search(text):
    _assert_plain(Reading(text, []))


@_FAST
@given(_made_of(_WORDS))
def test_typing_with_a_reading_is_typing_without(text):
    _assert_typed_alike(Reading(text, []))


def _report_sentences(gazetteer):
    """(document, sentence) of every sentence of the test reports."""
    for path in sorted(REPORTS.glob("*.txt")):
        doc = read_document(read_report(path), gazetteer)
        for s in doc.sentences:
            yield doc, s


def test_reading_of_every_report_sentence(gazetteer):
    sentences = 0
    for doc, s in _report_sentences(gazetteer):
        r = doc.reading(s)
        assert r is doc.reading(s)  # one reading per sentence
        assert (r.masked, r.ids) == doc.mask(s)
        _assert_plain(r)
        _assert_typed_alike(r)
        sentences += 1
    assert sentences > 50


def test_reading_finds_each_kind():
    r = Reading("Russian forces shelled ⟦0⟧ and clashed with Ukrainian troops, the army said.", [0])
    assert r.cue("strike").group(0) == "shelled"
    assert r.cue("combat").group(0) == "clashed"
    assert r.cue("meeting") is None and r.cues("meeting") == []


def test_once_makes_a_fact_once():
    r = Reading("Two civilians were killed.", [])
    made = []
    assert r.once("deaths", lambda: made.append(1) or 2) == 2
    assert r.once("deaths", lambda: made.append(1) or 3) == 2
    assert made == [1]


def test_combat_and_strike_of_a_sentence_share_its_fatalities(gazetteer):
    events = extract(read_report(
        "Russian forces shelled Kharkiv on Monday and clashed with Ukrainian troops near Izium, killing three "
        "soldiers, the army said.", published="2024-05-14"), gazetteer=gazetteer)
    assert [c.fatalities for c in events.combats] == [3]
    assert [e.fatalities for e in events.events] == [3]


def test_next_sentence_fatalities_need_no_event_of_its_own(gazetteer):
    told = "Gunmen attacked a market in Kidal on Friday."
    alone = extract(read_report(f"{told} Three people were killed.", published="2024-05-14"), gazetteer=gazetteer)
    assert [e.fatalities for e in alone.events] == [3]
    # the next sentence tells an event of its own (a place and a cue word): its deaths are its own
    own = extract(read_report(f"{told} Three people were killed in shelling of Gao.", published="2024-05-14"),
                  gazetteer=gazetteer)
    assert own.events[0].fatalities is None


_CLAUSE_TEXT = _made_of([*_WORDS, "thatch", "awhile", "whichever", "ab", "ça", "1,200"])


@_FAST
@given(_CLAUSE_TEXT)
def test_last_clause_is_the_split(head):
    assert last_clause(head) == en.CLAUSE_SPLIT.split(head)[-1] == last_clause_reference(head)


@pytest.mark.parametrize("head,last", [
    ("In a statement, the army", " the army"), ("Officials said that the governor", " the governor"),
    ("the governor", "the governor"), ('He added: "the ministry', "the ministry"), ("thatcher", "thatcher"),
    ("", ""), ("a,", ""),
])
def test_last_clause_cases(head, last):
    assert last_clause(head) == last == en.CLAUSE_SPLIT.split(head)[-1] == last_clause_reference(head)


@_FAST
@given(_CLAUSE_TEXT)
def test_clause_back_is_the_split(head):
    assert clause_back(head) == clause_back_reference(head)


#: Words of named sides, generic actors and lone units, and of none, in several cases, with tokens.
_ACTOR_WORDS = sorted({
    "Russian", "Ukrainian", "North", "Korean", "Syrian", "National", "Army", "forces", "Forces", "troops", "fighters",
    "militia", "the", "The", "RSF", "Rapid", "Support", "HTS", "Hamas", "M23", "AFC/M23", "security", "police",
    "Police", "gunmen", "unknown", "armed", "men", "villagers", "protesters", "students", "and", "with", "fresh",
    "units", "attacked", "by", "were", "⟦0⟧", "x", "İ", "rebels", "junta", "12", "ǅ", "Russians", "Belarussian", "RSFs",
})


@_FAST
@given(_made_of(_ACTOR_WORDS, max_size=16), st.integers(0, 200), st.integers(0, 200))
def test_first_named_is_the_first_of_all(text, a, b):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    folded = case_fold(text)
    assert first_named(text, folded, lo, hi) == first_named_reference(text, folded, lo, hi)
    plain = parties_reference(text, lo, hi)
    assert parties(text, lo, hi) == plain == [x for x in actors(text, lo, hi) if x.party]
    assert first_party(text, lo, hi) == (plain[0] if plain else None)


def test_first_named_of_every_report_sentence(gazetteer):
    checked = 0
    for doc, s in _report_sentences(gazetteer):
        r = doc.reading(s)
        starts = [0, *(m.end() for m in re.finditer(r"\s+", r.masked))]  # a window from each word on
        for lo in starts:
            got = first_named(r.masked, r.folded, lo, len(r.masked))
            assert got == first_named_reference(r.masked, r.folded, lo, len(r.masked))
            assert parties(r.masked, lo, len(r.masked)) == parties_reference(r.masked, lo, len(r.masked))
            checked += got is not None
    assert checked > 200


#: The patterns the event side now reads in case-folded text (its :class:`Fold` forms), with their words.
_FOLDED_NOW = ("ASSAULT_WORDS", "REGAIN_WORDS", "STATE_FORCE_WORDS", "NON_STATE_WORDS", "ARMED_GROUP_NAMED",
               "UNNAMED_REPORTS", "PASSIVE_VERB_BEFORE", "BY_AGENT", "DIRECT_FIRE")
_SIDE_WORDS = sorted({
    "stormed", "Assault", "assaulted", "regained", "Recaptured", "retook", "police", "Army", "soldiers", "militants",
    "Rebels", "insurgent", "militia", "gunmen", "unidentified", "reports", "Reportedly", "unconfirmed", "were",
    "was", "been", "shot", "by", "the", "a", "sniper", "small", "arms", "fire", "İ", "ſ", "K", "x", "⟦0⟧", "Σ",
    "al-Shabaab", "JNIM", "armed", "group", "security", "forces",
})


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@_FAST
@given(_made_of(_SIDE_WORDS, max_size=20))
def test_folded_forms_find_what_the_case_blind_patterns_find(text):
    folded = case_fold(text)
    for name in _FOLDED_NOW:
        plain, fast = getattr(en, name), getattr(Fold, name)
        assert _found(fast, folded) == _found(plain, folded), name  # what the event side searched before
        if plain.flags & re.IGNORECASE:
            assert _found(fast, folded) == _found(plain, text), name


def test_folded_forms_on_every_report_sentence(gazetteer):
    found = 0
    for doc, s in _report_sentences(gazetteer):
        text = doc.text[s.start:s.end]
        for name in _FOLDED_NOW:
            plain = _found(getattr(en, name), case_fold(text))
            assert _found(getattr(Fold, name), case_fold(text)) == plain, name
            found += len(plain)
    assert found > 50
