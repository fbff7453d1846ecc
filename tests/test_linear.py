"""Extraction grows with the text, not faster, whatever the text looks like.

Each hostile shape (a tag line of thousands of place names, capitalised names
across sentence ends, one endless sentence of routes or claims, a page of
numbers, a long list) is extracted at one length and at twice that length,
and the work is counted as the Python function calls the profiler sees
(deterministic, unlike a clock on a shared machine): twice the text must take
about twice the calls. A step that walks a run, a sentence or the actors found
so far once per name would make it four times or more.

The fast form of the "part of a longer name" rule (:class:`CapitalRuns`) is
held to its plain form (``_run_reason``) on generated runs.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.extraction import extract
from geoconflict.extraction.spans import Span
from geoconflict.extraction.toponyms import RUN_WORDS_SHOWN, CapitalRuns, _run_reason
from geoconflict.gazetteer import Gazetteer
from geoconflict.text.report import read_report
from geoconflict.text.sentences import SENTENCE_MAX, split_sentences

#: Twice the text may take at most this many times the calls (linear: about 2; quadratic: 4).
GROWTH_BOUND = 2.6
_TOWNS = ["Kursk", "Sudzha", "Korenevo", "Goma", "Kyiv", "Kharkiv", "Bakhmut", "Avdiivka", "Donetsk", "Sake"]


def _towns(n: int, sep: str) -> str:
    return sep.join(_TOWNS[i % len(_TOWNS)] for i in range(n))


#: name -> (text of n units, n): each text is made of n repeats of one hostile unit.
SHAPES = {
    "tag line of names": (lambda n: "Tags: " + _towns(n, " "), 600),
    "names across sentence ends": (lambda n: "Kursk Sudzha Korenevo Goma Kyiv. " * n, 150),
    "names among other capitalised words": (lambda n: "Alpha Kursk Bravo Sudzha Charlie " * n, 150),
    "comma list before a descriptor": (lambda n: _towns(n, ", ") + " and Sake districts.", 600),
    "one sentence of routes": (lambda n: "troops moved from Kursk to Sudzha and " * n, 150),
    "one sentence of claims": (lambda n: "Russian forces captured Sudzha and " * n, 150),
    "one sentence of units": (lambda n: "fighting near Kursk and the troops " * n, 150),
    "the same sentence repeated": (lambda n: "Shelling hit Kursk on 3 May. " * n, 150),
    "a page of numbers": (lambda n: " ".join(f"{i * 7 % 1000}.{i}" for i in range(n)), 6000),
    "one name a line": (lambda n: _towns(n, "\n"), 600),
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _calls(gaz: Gazetteer, text: str) -> int:
    """The function calls (Python and built-in) extracting *text* takes."""
    report = read_report(text, published="2024-05-03")
    profile = cProfile.Profile()
    profile.runcall(extract, report, gazetteer=gaz)
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_twice_the_text_takes_about_twice_the_work(gaz, shape):
    make, n = SHAPES[shape]
    _calls(gaz, make(n))  # warm the caches (word lists, memoised searches) the first call fills
    once, twice = _calls(gaz, make(n)), _calls(gaz, make(2 * n))
    assert twice <= GROWTH_BOUND * once, f"{shape}: {once:,} calls, then {twice:,} for twice the text"


def test_long_stretch_is_cut_into_bounded_sentences():
    text = "Intro sentence here. Then " + "troops moved from Kursk to Sudzha and " * 200 + "then stopped. Next one."
    got = split_sentences(text)
    assert [text[s.start:s.end] for s in got[:1]] == ["Intro sentence here."]
    assert text[got[-1].start:got[-1].end] == "Next one."
    assert all(s.end - s.start <= SENTENCE_MAX for s in got)
    assert len(got) > 4  # the 7,600-character stretch became pieces
    # cut after a space, so no word is split, and nothing but white space is lost between pieces
    for a, b in zip(got, got[1:]):
        assert b.start > a.end and text[a.end:b.start].strip() == ""


def test_long_stretch_prefers_a_comma_to_a_space():
    text = "word " * 300 + "Kursk, " + "word " * 300
    first = split_sentences(text)[0]
    assert text[first.start:first.end].endswith("Kursk,")


def test_stretch_without_any_cut_mark_is_cut_at_the_limit():
    text = "x" * (3 * SENTENCE_MAX)
    assert [(s.start, s.end) for s in split_sentences(text)] == [
        (0, SENTENCE_MAX), (SENTENCE_MAX, 2 * SENTENCE_MAX), (2 * SENTENCE_MAX, 3 * SENTENCE_MAX)]


#: Words of generated runs: place names (made spans), connectors, other capitalised words, lower-case words.
_RUN_WORDS = ["Kursk", "Sudzha", "Nizhny Novgorod", "of", "the", "and", "The", "In", "Alpha", "Bravo", "Post",
              "Ministry", "Kyiv.", "U.S.", "A", "army", "near", "O'Neil", "Smith’s", "Sudzha's"]
_RUN_SEPS = [" ", " ", " ", ", ", ". ", "  ", "-", "\n", "; ", " (", ") "]
_SPAN_NAMES = {"Kursk", "Sudzha", "Nizhny Novgorod", "Alpha", "Kyiv."}


@st.composite
def _runs(draw):
    """A text of run words and separators, and spans on some of its place names."""
    parts = draw(st.lists(st.tuples(st.sampled_from(_RUN_WORDS), st.sampled_from(_RUN_SEPS)), min_size=1,
                          max_size=3 * RUN_WORDS_SHOWN))
    text, spans = "", []
    for word, sep in parts:
        name = word.rstrip(".")
        if name in _SPAN_NAMES and draw(st.booleans()):
            spans.append(Span(len(text), len(text) + len(name), name, "generated"))
        text += word + sep
    return text, spans


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_runs())
def test_capital_runs_agree_with_the_plain_walk(case):
    text, spans = case
    at = {x.start for x in spans}
    runs = CapitalRuns(text, at)
    for x in spans:
        plain, fast = _run_reason(text, x, at), runs.reason(x)
        assert (plain is None) == (fast is None), (text, x)
        if fast is not None and "…" not in fast:  # the name is quoted whole when its run is short
            assert fast == plain


def test_capital_runs_quote_a_long_run_shortened():
    text = "Alpha " * 50 + "Kursk " + "Bravo " * 50
    span = Span(300, 305, "Kursk", "")
    reason = CapitalRuns(text, {300}).reason(span)
    assert reason == "part of the name '… " + "Alpha " * RUN_WORDS_SHOWN + "Kursk" + " Bravo" * RUN_WORDS_SHOWN + " …'"
    assert _run_reason(text, span, {300}) is not None
