"""The place-name scan: ``find_names`` (memoised, capitalised word starts only) and ``scan_fold``.

``find_names_reference`` is the plain statement of the rule (every
Aho-Corasick match of the folded text, filtered); the fast scan must agree
with it on any text, with concrete spans checked on awkward Unicode too.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.gazetteer.index import Gazetteer
from geoconflict.gazetteer.scanner import build_automaton, find_names, find_names_reference
from geoconflict.text.normalize import _scan_char, scan_fold


def _scan_fold_per_char(text: str) -> str:
    return "".join(_scan_char(c) for c in text)


FOLD_CASES = [
    "", "Kursk", 'Sudža’s "Kharkiv" `x`', "İstanbul İZMİR", "Straße ẞ", "Krako\u0301w Kraków",
    "Київ ХАРЬКОВ Харків", "ǅurđevac Ǆ", "ΑΘΗΝΑ Αθήνα", "🚀Kursk 東京 𝐊𝐮", "ⒶⓀ Ⅻ ʼʻʹ«»″´‘",
    "\ufeff\u200b\u00a0\t\n", "Kursk\u0484", "ﬁ ﬀ ŉ",
]


@pytest.mark.parametrize("text", FOLD_CASES)
def test_scan_fold_is_per_character(text):
    folded = scan_fold(text)
    assert folded == _scan_fold_per_char(text)
    assert len(folded) == len(text)


def test_scan_fold_examples():
    assert scan_fold('Sudža’s "Kharkiv" `x`') == "sudza's 'kharkiv' 'x'"
    assert scan_fold("İstanbul") == "İstanbul"  # "i̇" would be two characters: kept as it is
    assert scan_fold("ǅurđevac ΑΘΗΝΑ Kraków") == "ǆurđevac αθηνα krakow"


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_scan_fold_matches_per_character_rule(text):
    assert scan_fold(text) == _scan_fold_per_char(text)


SMALL = ["kursk", "kursk oblast", "oblast", "orel", "kyiv", "rostov-on-don", "rostov", "don",
         "st. petersburg", "petersburg", "abvil'", "cote d'ivoire", "al-hasakah", "al hasakah",
         "hasakah", "new york", "new york city", "york", "istanbul", "izmir", "krakow", "harkov",
         "харьков", "київ", "čačak", "zagreb", "đakovo", "the hague", "athens", "αθηνα",
         "x", "a b c d", "a b"]
SMALL = sorted({scan_fold(name) for name in SMALL})


@pytest.fixture(scope="module")
def small():
    return build_automaton(SMALL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kursk Oblast, Kursk's, Kurskaya, orel and OREL.",
         [(0, 12, "Kursk Oblast"), (14, 19, "Kursk"), (42, 46, "OREL")]),
        ("Rostov-on-Don, Rostov-On-Don, Rostov on Don",
         [(0, 13, "Rostov-on-Don"), (15, 28, "Rostov-On-Don"), (30, 36, "Rostov"), (40, 43, "Don")]),
        ("St. Petersburg st. Petersburg", [(0, 14, "St. Petersburg"), (19, 29, "Petersburg")]),
        ("Abvil' is; Abvil's", [(0, 6, "Abvil'")]),
        ("Côte d’Ivoire Côte d'Ivoire", [(0, 13, "Côte d’Ivoire"), (14, 27, "Côte d'Ivoire")]),
        ("Al-Hasakah al-Hasakah Al Hasakah",
         [(0, 10, "Al-Hasakah"), (14, 21, "Hasakah"), (22, 32, "Al Hasakah")]),
        ("New York City, New York's, New Yorker", [(0, 13, "New York City"), (15, 23, "New York")]),
        ("İstanbul and İZMİR", []),  # "İ" folds to itself, and the names are "istanbul", "izmir"
        ("Kraków Krako\u0301w", [(0, 6, "Kraków")]),  # a combining accent on its own stays, not a letter
        ("Зеленский посетил Харьков и Київ. ХАРЬКОВ",
         [(18, 25, "Харьков"), (28, 32, "Київ"), (34, 41, "ХАРЬКОВ")]),
        ("🚀Kursk🚀 Kyiv🙂 東京Kyiv", [(1, 6, "Kursk"), (8, 12, "Kyiv")]),
        ("Kyiv’s Kyivʼs Kyiv`s «Kyiv» ʻKyiv", [(0, 4, "Kyiv"), (7, 11, "Kyiv"), (14, 18, "Kyiv"),
                                               (22, 26, "Kyiv"), (29, 33, "Kyiv")]),
        ("ⒶKursk Ⓚursk Čačak KyivČ ČKyiv é?Kursk Kursk?Kyiv",
         [(1, 6, "Kursk"), (13, 18, "Čačak"), (33, 38, "Kursk"), (39, 44, "Kursk"), (45, 49, "Kyiv")]),
        ("ǅurđevac Đakovo Zagreb ΑΘΗΝΑ", [(9, 15, "Đakovo"), (16, 22, "Zagreb"), (23, 28, "ΑΘΗΝΑ")]),
        ("Kyiv_Kursk \ufeffKursk \u200bKyiv Kursk\u0484",
         [(0, 4, "Kyiv"), (5, 10, "Kursk"), (12, 17, "Kursk"), (19, 23, "Kyiv"), (24, 29, "Kursk")]),
        ("The Hague, the Hague; A B C D; A B; X", [(0, 9, "The Hague"), (22, 29, "A B C D"),
                                                  (31, 34, "A B"), (36, 37, "X")]),
    ],
)
def test_find_names_spans(small, text, expected):
    assert find_names(small, text) == expected
    assert find_names_reference(small, text) == expected


_PIECES = ["Kursk", "kursk", "KURSK", " Oblast", " oblast", "Rostov", "-on-", "Don", "St", ". ",
           "Petersburg", "Abvil", "'", "’", "ʼ", "s", " ", ",", "?", "\n", "New", "York", " City",
           "Al", "-", "Hasakah", "Čačak", "Č", "é", "İ", "Ⓐ", "𝐊", "\u0301", "Київ", "ХАРЬКОВ", "The",
           "Hague", "A", "B", "X", "Kyiv", "_", "\u00a0", "ß", "ẞ", "🚀", "東京", "Đakovo"]


@given(st.lists(st.sampled_from(_PIECES), max_size=25))
@settings(max_examples=400, deadline=None)
def test_find_names_agrees_with_reference(pieces):
    automaton = _SMALL_AUTOMATON
    text = "".join(pieces)
    assert find_names(automaton, text) == find_names_reference(automaton, text)


_SMALL_AUTOMATON = build_automaton(SMALL)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_gazetteer_scan_agrees_with_reference(gaz):
    gaz.scan("")  # builds the automaton
    automaton = gaz._automaton
    rng = random.Random(7)
    texts = [
        "Troops moved from Kaliningrad to the Kursk region. Fighting in the Sudzhansky district near Sudža; "
        "Зеленский посетил Харьков. The Hague, New York City and Rostov-on-Don; Kasčiūnas said in Vilnius.",
        "Explosions in Kramatorsk’s centre; “Pokrovsk” and «Toretsk»; İstanbul, Düsseldorf, Ⓐ Kyiv, 𝐊yiv.",
    ]
    words = " ".join(texts).split()
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(200)]
    for text in texts:
        assert gaz.scan(text) == find_names_reference(automaton, text)
