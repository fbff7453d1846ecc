"""The extractor's fast forms against their plain statements, on generated text.

Where a plain ``finditer`` or ``split`` costs extraction measurably, the module
keeps a fast form and its plain form (``*_reference``) beside it; these tests
hold the two to the same answers. The text is made of the words the patterns
look for (demonyms, groups, force nouns, role words, verbs, titles, names)
mixed with other words, white space and punctuation, so that matches, near
misses and overlaps are all frequent.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import actors, people
from geoconflict.lang import en
from geoconflict.text import sentences

_WORDS = sorted({
    *en.DEMONYMS, *en.GROUPS, *en.ACTOR_NOUNS.split("|"), *en.UNIT_WORDS.split("|"),
    *en.UNIT_ADJECTIVES.split("|"), *en.ROLE_WORDS, *en.PERSON_LOWER_ROLES, *en.ATTRIBUTION_VERBS.split("|"),
    *en.AUXILIARIES, *en.CLAUSE_SPLIT_WORDS, *en.NAME_PARTICLES.split("|"), *en.TITLE_ABBREVIATIONS.replace("\\", "").split("|"),
    *en.ABBREVIATIONS, "the", "The", "of", "Mr.", "Gen.", "U.S.", "J.", "Kyiv", "Zelensky", "Volodymyr", "Abdel",
    "Fattah", "al-Burhan", "Syrskyi", "Oleksandr", "Sudzha", "Kursk", "region", "army", "forces", "UNITS", "Troops",
    "x", "A", "ab", "1", "2024", "Theodore", "hasn't", "saidx", "xsaid", "tha", "whiled",
})
_SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "! ", "? ", '." ', "; ", ": ", "-", "'s ", "’ ", '"',
               "“", "”", "(", ") ", "\t", ".\n", ""]
#: Names and titled names, so that the person patterns match often.
_NAMES = ["Volodymyr", "Zelensky", "Jordan", "Paris", "Ivan", "Petrov", "Abdel Fattah al-Burhan", "Alexei Smirnov",
          "President Volodymyr Zelensky", "Governor of Kursk region Alexei Smirnov", "army chief Abdel Fattah",
          "Deputy Defence Minister Ivan Petrov", "Russian Gen. Valery Gerasimov", "the Minister of the Interior Ana"]
texts = st.lists(st.tuples(st.sampled_from(_WORDS) | st.sampled_from(_NAMES), st.sampled_from(_SEPARATORS)),
                 max_size=30).map(lambda parts: "".join(w + sep for w, sep in parts))
_FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


@_FAST
@given(texts, st.data())
def test_unit_matches(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert _spans(actors.unit_matches(text, lo, hi)) == _spans(actors.unit_matches_reference(text, lo, hi))


@_FAST
@given(texts, st.data())
def test_actor_matches(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert _spans(actors.actor_matches(text, lo, hi)) == _spans(actors.ACTOR.finditer(text, lo, hi))
    assert actors.parties(text, lo, hi) == actors.parties_reference(text, lo, hi)


@_FAST
@given(texts)
def test_person_matches(text):
    assert _spans(people.person_matches(text)) == _spans(people.person_matches_reference(text))


@_FAST
@given(texts)
def test_lower_person_matches(text):
    assert _spans(people.lower_person_matches(text)) == _spans(people.lower_person_matches_reference(text))


@_FAST
@given(texts, st.data())
def test_sentence_end(text, data):
    lo = data.draw(st.integers(0, len(text)))
    fast = [m.span() for m in sentences._SENTENCE_END_FAST.finditer(text, lo)]
    assert fast == [m.span() for m in sentences.SENTENCE_END.finditer(text, lo)]
