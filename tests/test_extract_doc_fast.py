"""The document pass's fast forms against the plain ones they stand for, on generated text and the test reports.

Each fast form reads a few characters or words where its plain form searches a pattern; these tests hold the
two to the same answers on text made of the words the patterns look for (in every case, with the characters
``re.IGNORECASE`` matches beside their ASCII letters), mixed with other words, digits and punctuation, so that
matches and near misses are frequent.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import people, toponyms
from geoconflict.lang import en

REPORTS = Path(__file__).parent / "reports"
_FAST = settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _made_of(words: list[str], separators: list[str], max_size: int = 12) -> st.SearchStrategy[str]:
    """Texts of up to *max_size* of *words*, each followed by one of *separators*."""
    return st.lists(st.tuples(st.sampled_from(words), st.sampled_from(separators)),
                    max_size=max_size).map(lambda parts: "".join(w + sep for w, sep in parts))


_LOCATIVE = sorted({*toponyms._LOCATIVE_WORDS, *toponyms._BEARING_WORDS})
_LOCATIVE_TEXT_WORDS = sorted({
    *_LOCATIVE, *(w.upper() for w in _LOCATIVE), *(w.title() for w in _LOCATIVE), "of", "Of", "OF", "the", "The",
    "İn", "ın", "ſhelled", "Kyiv", "x", "in2", "_in", "in_", "9", "within", "thin", "Into", "fin", "é", "éin",
    "ВІн", "north-", "-of", "outskirts'", "’s",
})
_LOCATIVE_SEPARATORS = [" ", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ", ", ". ", "-", "", "'", "\u0307"]
locative_texts = _made_of(_LOCATIVE_TEXT_WORDS, _LOCATIVE_SEPARATORS)


@_FAST
@given(locative_texts)
def test_locative_before_is_the_plain_search(text):
    # at every position after white space (where has_evidence asks), the word-by-word reading is the search
    assert toponyms._LOCATIVE_WORDS is not None  # (the pattern is read: the fast form is in use)
    for s in range(1, len(text) + 1):
        if text[s - 1].isspace():
            assert toponyms._locative_before(text, s) == toponyms._locative_before_reference(text, s), (text, s)


def test_locative_before_on_the_test_reports():
    for path in sorted(REPORTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for s in range(1, len(text) + 1):
            if text[s - 1].isspace():
                assert toponyms._locative_before(text, s) == toponyms._locative_before_reference(text, s), (path, s)


def test_locative_words_are_read_from_the_pattern():
    assert {"in", "near", "across", "shelled"} <= toponyms._LOCATIVE_WORDS
    assert {"north", "outskirts", "village"} <= toponyms._BEARING_WORDS
    assert toponyms._locative_words(r"\b(?:in|at)\s+$") == (None, None)  # another shape: the plain search
    text = "Fighting near Tank, on the outskirts of Bakhmut; within  Avdiivka; captured\nPisky"
    found = [s for s in range(1, len(text) + 1) if text[s - 1].isspace() and toponyms._locative_before(text, s)]
    assert [text[s:s + 4] for s in found] == ["Tank", "the ", "Bakh", " Avd", "Avdi", "Pisk"]
    assert en.LOCATIVE_BEFORE.flags & 2  # (IGNORECASE: the words are compared case-folded)


_TITLE_ROLES = sorted(w for w in en.ROLE_WORDS if w[:1].isupper())
_ROLE_TEXT_WORDS = sorted({
    *_TITLE_ROLES, *(w.lower() for w in _TITLE_ROLES[:20]), *en.PERSON_LOWER_ROLES[:10],
    *list(en.DEMONYMS)[:12], "of", "Of", "the", "Defence", "Ministry", "Volodymyr", "Zelensky", "Abdel", "Fattah",
    "al-Burhan", "al", "bin", "von", "der", "Jordan", "Paris", "said", "x", "MPs", "Armyworm", "Generals", "9",
    "Éric", "Ölz", "Donetsk", "Oblast",
})
_ROLE_SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "", "'s "]
role_texts = _made_of(_ROLE_TEXT_WORDS, _ROLE_SEPARATORS, max_size=16)


def _spans(matches):
    return [m.span() for m in matches]


@_FAST
@given(role_texts)
def test_person_matches_tried_after_roles_then_a_name_are_finditer(text):
    # only the roles followed by "of" or a capital end a title: the starts before the others are not tried
    assert _spans(people.person_matches(text)) == _spans(people.person_matches_reference(text))


def test_person_matches_on_the_test_reports():
    for path in sorted(REPORTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _spans(people.person_matches(text)) == _spans(people.person_matches_reference(text)), path


def test_a_role_ends_a_title_only_before_of_or_a_capital():
    gate = people._ROLE_THEN_NAME
    assert [bool(gate.match(t)) for t in ("Minister said", "Minister Sergei", "Minister of Defence",
                                          "Gen. Smith", "Gen Smith", "Minister\nSergei", "Ministerial Sergei")] == [
        False, True, True, True, True, True, False]


_DESCRIPTORS = sorted({*en.LIST_DESCRIPTORS, *en.SINGLE_DESCRIPTORS})
_LIST_TEXT_WORDS = sorted({
    *_DESCRIPTORS, *(d.title() for d in _DESCRIPTORS), "subdistricts", "districtwide", "statesman", "Korenevsky",
    "Sudzhansky", "Belovsky", "Musa", "Khel", "and", "or", "the", "In", "x", "LGAs", "9", "counties’",
})
_LIST_SEPARATORS = [" ", " ", "  ", "\n", ", ", ",", ". ", "-", ""]
list_texts = _made_of(_LIST_TEXT_WORDS, _LIST_SEPARATORS, max_size=16)


def _listed(spans):
    return [(x.start, x.end, x.surface, x.reason, x.descriptor) for x in spans]


@_FAST
@given(list_texts, st.integers(0, 50))
def test_listed_spans_search_only_the_descriptors_there(text, lo):
    assert _listed(toponyms._listed_spans(text, lo)) == _listed(toponyms._listed_spans_reference(text, lo))


def test_listed_spans_on_the_test_reports():
    for path in sorted(REPORTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _listed(toponyms._listed_spans(text, 0)) == _listed(toponyms._listed_spans_reference(text, 0)), path
    text = "Shelling hit the Korenevsky, Sudzhansky and Belovsky districts and Musa Khel district."
    assert [x.surface for x in toponyms._listed_spans(text, 0)] == ["Korenevsky", "Sudzhansky", "Belovsky", "Khel"]
