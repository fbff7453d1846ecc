"""The regex builders of :mod:`geoconflict.lang.trie`: a guarded pattern finds what its plain form finds.

:func:`~geoconflict.lang.trie.guarded` puts a look-ahead of the first
characters of any match in front of a pattern; the event cues of
:class:`~geoconflict.extraction.cues.Fold` are guarded. Each is held equal to
its plain form (the same pattern compiled without the guard) on the test
reports and on generated text made of the cue's own beginnings, words that
start like them, and random letters, where a guard that left out a beginning
would show.
"""

from __future__ import annotations

import re
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import resolution_variants, toponyms
from geoconflict.extraction.actors import ACTOR
from geoconflict.extraction.cues import Fold
from geoconflict.lang import en
from geoconflict.lang.trie import guarded, literal_trie, match_prefixes
from geoconflict.text.normalize import case_fold
from geoconflict.text.report import read_report

REPORTS = Path(__file__).resolve().parent / "reports"
_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: each guarded cue of Fold, with its plain form (the folded pattern without the guard)
_FOLD = {name: value for name, value in vars(Fold).items() if isinstance(value, re.Pattern)}


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern *guarded* was given: the guard is the look-ahead the pattern now starts with."""
    if not pattern.pattern.startswith("(?="):
        return pattern
    depth, i = 0, 0
    while True:  # the guard's closing parenthesis (a literal trie: escaped characters, balanced groups)
        c = pattern.pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(c, 0)
        i += 1
        if depth == 0:
            return re.compile(pattern.pattern[i:], pattern.flags)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None, tuple]]:
    return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)]


def test_the_long_cue_patterns_are_guarded():
    # the strike cue (an alternation of about 50 named groups) is the one that costs most without a guard
    assert Fold.STRIKE.pattern.startswith("(?=")
    assert _plain(Fold.STRIKE).pattern == re.compile(en.STRIKE_CUE.pattern).pattern
    assert Fold.STRIKE.groupindex == _plain(Fold.STRIKE).groupindex


@pytest.mark.parametrize("name", sorted(_FOLD))
def test_guarded_cues_match_as_their_plain_form_on_the_test_reports(name):
    guarded_, plain = _FOLD[name], _plain(_FOLD[name])
    found = 0
    for path in sorted(REPORTS.glob("*.txt")):
        text = case_fold(read_report(path).body)
        assert _matches(guarded_, text) == _matches(plain, text), path.name
        found += len(_matches(plain, text))
    if name in ("STRIKE", "MOVE", "CLAIM", "COMBAT"):
        assert found > 0  # the comparison saw matches, not only their absence


def _near_words(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Pieces of text a guard must not get wrong: the pattern's beginnings, cut and extended, and letters."""
    starts = sorted(match_prefixes(pattern) or {"a"})
    start = st.sampled_from(starts)
    return st.one_of(
        start,
        st.builds(lambda s, n: s[:n], start, st.integers(0, 3)),
        st.builds(lambda s, t: s + t, start, st.text("abcdeilmnorstuy -", max_size=12)),
        st.text("abcdefghijklmnopqrstuvwxyz ,.-'", min_size=1, max_size=8),
        st.sampled_from([" ", ", ", ". ", " the ", " were ", " in "]),
    )


@pytest.mark.parametrize("name", ["STRIKE", "MOVE", "CLAIM", "COMBAT", "MEETING", "GENERIC_ACTOR", "DENY"])
@_SETTINGS
@given(data=st.data())
def test_guarded_cues_match_as_their_plain_form_on_generated_text(name, data):
    guarded_, plain = _FOLD[name], _plain(_FOLD[name])
    text = "".join(data.draw(st.lists(_near_words(plain), max_size=25)))
    assert _matches(guarded_, text) == _matches(plain, text)


@_SETTINGS
@given(text=st.text("abdehilnorstuwy -'", max_size=60))
def test_every_match_begins_with_one_of_the_prefixes(text):
    plain = _plain(Fold.STRIKE)
    prefixes = match_prefixes(plain)
    assert prefixes is not None
    for m in plain.finditer(text):
        assert any(text.startswith(p, m.start()) for p in prefixes), (text, m)


def test_prefixes_follow_groups_alternatives_and_optional_parts():
    pattern = re.compile(r"\b(?:(?P<a>air\s*strikes?)|(?:drone|uav)s?|[mn]ortars?|(?:heavy\s+)?shelling)")
    assert match_prefixes(pattern, 3) == {"air", "dro", "uav", "mor", "nor", "hea", "she"}
    assert match_prefixes(pattern, 1) == {"a", "d", "u", "m", "n", "h", "s"}
    # an optional first word: what follows it may begin the match as well
    assert match_prefixes(re.compile(r"(?:the\s+)?army"), 3) == {"the", "arm"}
    # a repeat of at least one turn begins as its turn; a short prefix stands for itself and anything after it
    assert match_prefixes(re.compile(r"(?:ab)+x"), 3) == {"ab"}
    assert match_prefixes(re.compile(r"ab\w+"), 3) == {"ab"}


def test_what_cannot_be_guarded_is_left_as_it_is():
    anything = re.compile(r"\w+ed\b")  # a match may begin with any letter
    assert match_prefixes(anything) is None
    assert guarded(anything) is anything
    caseless = re.compile(r"\bshell(?:ed|ing)\b", re.IGNORECASE)
    assert guarded(caseless) is caseless
    verbose = re.compile(r"(?x) shell (?:ed|ing)")  # global flags must stay first: no guard
    assert guarded(verbose).pattern == verbose.pattern
    assert [m.group(0) for m in guarded(verbose).finditer("shelled shelling")] == ["shelled", "shelling"]


def test_look_behinds_and_boundaries_still_see_the_text_before_the_match():
    plain = re.compile(r"(?<!hunger\s)\bstrikes?\b")
    g = guarded(plain)
    assert g is not plain
    text = "a hunger strike, then strikes on the depot; restrikes"
    assert _matches(g, text) == _matches(plain, text)
    assert [m.start() for m in g.finditer(text)] == [22]


def test_literal_trie_is_the_alternation_of_its_words():
    words = ["Col", "Colonel", "Capt", "Captain", "C"]
    trie = re.compile(rf"\b{literal_trie(words)}\b")
    plain = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    text = "Col. Colonel Capt Captain C Cap Colo"
    assert _matches(trie, text) == _matches(plain, text)


def test_the_guarded_actor_pattern_matches_as_its_plain_form():
    # the demonyms and groups start the pattern as written (capitals); its force nouns ignore case after them
    assert ACTOR.pattern.startswith("(?=")
    plain = _plain(ACTOR)
    for path in sorted(REPORTS.glob("*.txt")):
        text = read_report(path).body
        assert _matches(ACTOR, text) == _matches(plain, text), path.name
        # as parties() reads it: windows of the text
        for lo in range(0, len(text), 97):
            assert [m.span() for m in ACTOR.finditer(text, lo, lo + 150)] == \
                [m.span() for m in plain.finditer(text, lo, lo + 150)]
    text = "the Russian forces and RSF fighters met the russian troops; Ukrainian Armed Forces units"
    assert _matches(ACTOR, text) == _matches(plain, text) != []


def test_a_part_that_ignores_case_ends_the_prefix():
    pattern = re.compile(r"\b(?:Russian\s+(?i:troops)|(?i:rsf))")
    assert match_prefixes(pattern, 3) is None  # "(?i:rsf)" may begin anyhow as written
    pattern = re.compile(r"\bRu(?i:ssian)")
    assert match_prefixes(pattern, 3) == {"Ru"}
    g = guarded(pattern)
    assert [m.group(0) for m in g.finditer("RUSSIAN Russian RuSSIAN russian")] == ["Russian", "RuSSIAN"]


def _en_form(name: str) -> re.Pattern[str]:
    """The vocabulary's own (case-insensitive) pattern behind Fold.<name>."""
    return getattr(en, name, None) or getattr(en, f"{name}_CUE")


def _subpatterns(arg) -> list:
    """The parsed sub-patterns inside a parsed item's argument (a group's, an alternative's, a repeat's)."""
    if isinstance(arg, sre_parse.SubPattern):
        return [arg]
    return [sub for x in arg for sub in _subpatterns(x)] if isinstance(arg, (tuple, list)) else []


def _literal_characters(items, out: set[str]) -> set[str]:
    """Every character a literal or a character class of the parsed *items* names, into *out*."""
    for op, arg in items:
        if op is sre.LITERAL:
            out.add(chr(arg))
        for kind, value in arg if op is sre.IN else ():
            out.update(chr(value) if kind is sre.LITERAL else
                       map(chr, range(value[0], value[1] + 1)) if kind is sre.RANGE else ())
        for sub in _subpatterns(arg):
            _literal_characters(sub.data, out)
    return out


@pytest.mark.parametrize("name", sorted(_FOLD))
def test_fold_patterns_are_written_in_lower_case(name):
    # a case-sensitive pattern read in case_fold() text finds what its (?i) form finds only if it has no capitals
    pattern = _plain(_FOLD[name])
    letters = _literal_characters(sre_parse.parse(pattern.pattern, pattern.flags).data, set())
    assert not {c for c in letters if c != c.lower()}


#: text a caseless pattern and its folded form must read alike: capitals, and the letters that fold specially
_CASES = st.text("abcdeilmnoprstuwyABDEILMNOPRSTUWY İıſ\u212a-,.", max_size=10)


@pytest.mark.parametrize("name", sorted(n for n in _FOLD if _en_form(n).flags & re.IGNORECASE))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fold_patterns_find_in_folded_text_what_their_caseless_forms_find(name, data):
    caseless = _en_form(name)
    words = st.one_of(_near_words(_plain(_FOLD[name])).map(str.upper), _near_words(_plain(_FOLD[name])), _CASES)
    text = "".join(data.draw(st.lists(words, max_size=20)))
    assert [m.span() for m in _FOLD[name].finditer(case_fold(text))] == [m.span() for m in caseless.finditer(text)]


@pytest.mark.parametrize("name", sorted(n for n in _FOLD if _en_form(n).flags & re.IGNORECASE))
def test_fold_patterns_find_in_the_folded_reports_what_their_caseless_forms_find(name):
    caseless = _en_form(name)
    for path in sorted(REPORTS.glob("*.txt")):
        text = read_report(path).body
        assert [m.span() for m in _FOLD[name].finditer(case_fold(text))] == \
            [m.span() for m in caseless.finditer(text)], path.name


def test_the_guarded_attribution_verb_matches_as_its_plain_form():
    # extraction/sources reads "X said" with the guarded verb pattern; _VERB_PLAIN is the reference
    from geoconflict.extraction import sources
    assert sources._VERB.pattern.startswith("(?=")
    assert _plain(sources._VERB).pattern == sources._VERB_PLAIN.pattern
    for path in sorted(REPORTS.glob("*.txt")):
        text = read_report(path).body
        assert _matches(sources._VERB, text) == _matches(sources._VERB_PLAIN, text), path.name
    text = "He has said that officials had  stated it; they says, claimed and Said: reportedly unsaid told"
    assert _matches(sources._VERB, text) == _matches(sources._VERB_PLAIN, text) != []


@_SETTINGS
@given(data=st.data())
def test_the_guarded_attribution_verb_matches_on_generated_text(data):
    from geoconflict.extraction import sources
    text = "".join(data.draw(st.lists(_near_words(sources._VERB_PLAIN), max_size=25)))
    assert _matches(sources._VERB, text) == _matches(sources._VERB_PLAIN, text)


#: The patterns searched before a name in their trie form (``with_tries``), beside their plain form.
_BEFORE = {"LOCATIVE_BEFORE": (toponyms.LOCATIVE_BEFORE, en.LOCATIVE_BEFORE),
           "PLACE_OF_BEFORE": (resolution_variants.PLACE_OF_BEFORE, en.PLACE_OF_BEFORE)}
_BEFORE_WORDS = ["in", "In", "IN", "into", "near", "of", "Of", "the", "THE", "village", "town", "township", "north",
                 "Northwest", "outskirts", "district", "between", "and", "struck", "ſtruck", "ſhelled", "ın", "İn",
                 "\u212aursk", "x", "Goma", "1", "_", "river", "residents", "people", "on", "against", "ward",
                 "within", "xin", "1of", "neighbourhood", "countryside", "centre"]
_BEFORE_SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "-", "(", ", ", "", "'", ". "]
_before_words = st.lists(st.tuples(st.sampled_from(_BEFORE_WORDS), st.sampled_from(_BEFORE_SEPARATORS)),
                         max_size=8).map(lambda parts: "".join(w + sep for w, sep in parts))
#: A phrase shaped as those patterns' matches: a word, maybe "of", maybe "the", white space (or a near miss).
_before_phrase = st.tuples(*[st.sampled_from(words) for words in (
    ["village", "Town", "north", "Outskirts", "x-in", "(near", "ſtruck", "x", "INTO", "towards", "Struck", "area"],
    _BEFORE_SEPARATORS[:9], ["of", "OF", "on", "in", "x", ""], _BEFORE_SEPARATORS[:9], ["the", "The", "", "x"],
    _BEFORE_SEPARATORS[:9])]).map("".join)


@pytest.mark.parametrize("name", sorted(_BEFORE))
@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_before_words | st.tuples(_before_words, _before_phrase).map("".join), data=st.data())
def test_tried_words_match_as_their_plain_form(name, text, data):
    fast, plain = _BEFORE[name]
    hi = data.draw(st.just(len(text)) | st.integers(0, len(text)))  # (most matches end where the text does)
    lo = data.draw(st.just(0) | st.integers(0, hi))
    found, expected = fast.search(text, lo, hi), plain.search(text, lo, hi)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("name", sorted(_BEFORE))
def test_tried_words_are_all_the_words(name):
    # every word of the plain pattern is in the trie form, and nothing else was changed
    fast, plain = _BEFORE[name]
    words = set(re.findall(r"[a-z]+", plain.pattern))
    for word in words:
        assert bool(fast.search(f"x {word} of the ")) == bool(plain.search(f"x {word} of the ")), word
        assert bool(fast.search(f"x {word} ")) == bool(plain.search(f"x {word} ")), word
    assert fast.flags == plain.flags and fast is not plain
