"""The batched forms of a region's index (issue 15, session 13): each equal to its per-name reference.

:func:`geoconflict.text.normalize.fold_many` folds many names in a few passes over them joined, and
:func:`geoconflict.gazetteer.variants._spellings` reads their spelling keys the same way; the per-name
:func:`~geoconflict.text.normalize.fold` and ``variants._spelling`` are the references. They are held equal on
every place of real first-level units (names transliterated from Cyrillic, Arabic and Burmese, and names of
Latin-script countries with their accents and apostrophes), on generated names, and on the whole gazetteer
(slow).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.gazetteer import Gazetteer, variants
from geoconflict.text.normalize import fold, fold_many

plain_fold = fold.__wrapped__

#: (country, first-level unit): Ukrainian and Russian names (romanised Cyrillic), Arabic (with its article and
#: dotted letters), Burmese, Tamasheq and French of Mali, Pashto and Dari, Belarusian, and Latin-script
#: countries (accents, apostrophes, hyphens).
UNITS = [
    ("UA", "Donetsk Oblast"), ("UA", "Zaporizhzhia Oblast"), ("RU", "Belgorod Oblast"), ("BY", "Gomelskaya Oblast"),
    ("SY", "Dayr az Zawr"), ("SY", "Ḩalab"), ("SY", "Al Ḩasakah"), ("IQ", "Şalāḩ ad Dīn"), ("MM", "Sagaing Region"), ("ML", "Mopti Region"),
    ("AF", "Zabul Province"), ("SD", "Khartoum"), ("FR", "Provence-Alpes-Côte-d’Azur"), ("MX", "Yucatán"),
]

#: Characters names are made of in the generated cases: letters with and without accents, Cyrillic (Ukrainian
#: and Russian letters), Arabic, apostrophes and quotes, hyphens, digits, spaces and other white space, the
#: line break the batched form joins with, the underscore, and letters that fold to two.
_CHARACTERS = st.sampled_from(list("aAbhHiIjJkKqQsStTuUwWyYzZ ' ’ʼ-_.,()/\t\n\u00a0\u2028"
                                   "éÉüÜñçčšžłøßæİıŞşḨḩĀāīū"
                                   "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАГИЇ"
                                   "القمشلي0123456789"))
names = st.text(_CHARACTERS, max_size=24)


@pytest.fixture(scope="module", params=UNITS, ids=[f"{cc}-{unit}" for cc, unit in UNITS])
def unit_names(request: pytest.FixtureRequest, gazetteer: Gazetteer) -> tuple[str, list[str]]:
    """(country, the names of every place of the unit's index, the unit itself among them)."""
    cc, unit = request.param
    index = variants._index(gazetteer, cc, unit)
    assert index is not None and len(index.rows) >= 10
    return cc, [gazetteer._name(r) for r in index.rows]


def test_fold_many_is_fold_on_every_place_of_a_unit(unit_names: tuple[str, list[str]]) -> None:
    _, found = unit_names
    assert fold_many(found) == [plain_fold(n) for n in found]


def test_spellings_are_the_spelling_of_every_place_of_a_unit(unit_names: tuple[str, list[str]]) -> None:
    cc, found = unit_names
    folded = [plain_fold(n) for n in found]
    keys, letters = variants._spellings(folded, cc)
    reference = [variants._spelling(f, cc) for f in folded]
    assert keys == [s.key for s in reference]
    assert letters == [s.letters for s in reference]


def test_the_index_holds_the_reference_spelling_of_each_place(gazetteer: Gazetteer) -> None:
    index = variants._index(gazetteer, "SY", "Al Ḩasakah")
    assert index is not None
    for i, row in enumerate(index.rows):
        assert index.spelling(i) == variants._spelling(plain_fold(gazetteer._name(row)), "SY")
        assert i in index.by_key[index.keys[i]]


def test_names_are_read_as_one_by_one(gazetteer: Gazetteer) -> None:
    rows = [int(r) for r in range(0, len(gazetteer), 997)]
    assert gazetteer._names_of(rows) == [gazetteer._name(r) for r in rows]
    assert gazetteer._names_of([]) == []


@settings(max_examples=400, deadline=None)
@given(st.lists(names, max_size=12))
def test_fold_many_is_fold_on_generated_names(generated: list[str]) -> None:
    assert fold_many(generated) == [plain_fold(n) for n in generated]


@settings(max_examples=400, deadline=None)
@given(st.lists(names, max_size=12), st.sampled_from([None, "UA", "SY", "FR"]))
def test_spellings_are_the_spelling_of_generated_names(generated: list[str], cc: str | None) -> None:
    folded = [plain_fold(n) for n in generated]
    keys, letters = variants._spellings(folded, cc)
    assert list(zip(keys, letters)) == [(s.key, s.letters) for s in (variants._spelling(f, cc) for f in folded)]


def test_the_edges_of_the_batched_forms() -> None:
    """Names all of articles, a final "h", doubled letters across names, names that fold to nothing."""
    cases = ["al", "al el", "el Bab", "Mansurah", "Ah", "Ann", "Na", "!!", "", "a\nb", "Sloviansk'", "Jiia"]
    assert fold_many(cases) == [plain_fold(n) for n in cases]
    folded = [n for n in fold_many(cases) if "\n" not in n]
    assert variants._spellings(folded, "SY") == ([variants._spelling(f, "SY").key for f in folded],
                                                 [variants._spelling(f, "SY").letters for f in folded])


@pytest.mark.slow
def test_fold_many_and_spellings_on_the_whole_gazetteer(gazetteer: Gazetteer) -> None:
    found = gazetteer._names_of(list(range(len(gazetteer))))
    step = 1000
    folded = [f for k in range(0, len(found), step) for f in fold_many(found[k:k + step])]
    assert folded == [plain_fold(n) for n in found]
    keys = [key for k in range(0, len(folded), step) for key in variants._spellings(folded[k:k + step], "UA")[0]]
    assert keys == [variants._spelling(f, "UA").key for f in folded]
