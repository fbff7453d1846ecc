"""The document-context resolution is memoised by the document's names: the memo changes no answer.

:func:`~geoconflict.gazetteer.context.resolve_candidates` depends only on each span's name (with the
descriptor after it) and on which spans share a folded surface, so its answers are kept per gazetteer by
those (``_context_memo``). Here the memo's answer is held equal to a fresh computation on generated
documents of real homonyms, the same names at other offsets of another text get the same answer, and a
gazetteer with places of one's own starts with a memo of its own.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoconflict.gazetteer import Gazetteer
from geoconflict.gazetteer import context as ctx

_NAMES = ["Pokrovsk", "Kursk", "Kharkiv", "Alexandria", "Tripoli", "Goma", "Rafah", "Sudzha", "Kidal",
          "Tyre", "Georgia", "Springfield", "Andriivka", "Novoselivka", "Sumy", "Rwanda", "Donetsk"]
_DESCRIPTORS = ["", " region", " district", " city", " oblast"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def _document(words: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """A report naming *words* (name, descriptor) in turn, and the span of each name."""
    text, spans = "Officials said", []
    for name, descriptor in words:
        text += " fighting went on near "
        spans.append((len(text), len(text) + len(name)))
        text += name + descriptor + ";"
    return text + " more later.", spans


def _fields(found):
    return [None if c is None else (c.place, c.score, c.reason) for c in found]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_DESCRIPTORS)), min_size=1, max_size=9))
def test_the_memo_gives_what_a_fresh_resolution_gives(gaz, words):
    text, spans = _document(words)
    first = ctx.resolve_candidates(gaz, text, spans)
    again = ctx.resolve_candidates(gaz, text, spans)  # from the memo
    names, key_of = ctx._span_names(text, spans)
    fresh = ctx._resolve_names(gaz, names, key_of, ctx.SPAN_CANDIDATES)
    assert _fields(first) == _fields(again) == _fields(fresh)
    assert again is not first  # a list of its own: a caller may change it


def test_the_same_names_elsewhere_in_another_text_get_the_same_places(gaz):
    one = "Shelling hit Pokrovsk overnight; Sudzha was also struck."
    other = "Reports from Sudzha and later Pokrovsk, unconfirmed; Sudzha again."
    spans_one = [(one.index(w), one.index(w) + len(w)) for w in ("Pokrovsk", "Sudzha")]
    spans_other = [(other.index("Pokrovsk"), other.index("Pokrovsk") + 8), (13, 19)]
    a = ctx.resolve_candidates(gaz, one, spans_one)
    b = ctx.resolve_candidates(gaz, other, spans_other)
    assert _fields(a) == _fields(b)
    assert a[1].place.country_code == "RU"
    # mentions of one name share a key: a third mention changes what the document is, and is resolved
    third = other.rindex("Sudzha")
    with_third = ctx.resolve_candidates(gaz, other, [*spans_other, (third, third + len("Sudzha"))])
    assert [c.place for c in with_third] == [a[0].place, a[1].place, a[1].place]


def test_spans_outside_the_text_are_refused_before_the_memo(gaz):
    text = "Shelling hit Pokrovsk overnight."
    ctx.resolve_candidates(gaz, text, [(13, 21)])
    with pytest.raises(ctx.InvalidInputError, match="outside the text"):
        ctx.resolve_candidates(gaz, text[:15], [(13, 21)])


def test_a_gazetteer_with_places_of_its_own_has_a_memo_of_its_own(gaz, tmp_path):
    text = "Drones struck Pokrovsk and Kharkiv overnight."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Pokrovsk", "Kharkiv")]
    before = ctx.resolve_candidates(gaz, text, spans)
    assert before[0].place.country_code == "UA"
    mine = tmp_path / "mine.csv"
    mine.write_text("name,lat,lon,country,admin1\nPokrovsk,49.99,36.31,UA,Kharkiv\n", encoding="utf-8")
    own = gaz.with_places(mine)
    after = ctx.resolve_candidates(own, text, spans)
    assert after[0].place.source == "user places: mine.csv"
    assert ctx.resolve_candidates(gaz, text, spans)[0].place == before[0].place  # the default one is unchanged


def test_the_memo_is_bounded_by_the_names_it_holds(gaz, monkeypatch):
    monkeypatch.setattr(ctx, "CONTEXT_MEMO_NAMES", 5)
    gaz._context_memo.clear()
    gaz._context_memo_names = 0
    one, spans_one = _document([("Goma", ""), ("Rwanda", ""), ("Kidal", "")])
    two, spans_two = _document([("Sumy", " oblast"), ("Kursk", ""), ("Sudzha", "")])
    ctx.resolve_candidates(gaz, one, spans_one)
    assert len(gaz._context_memo) == 1 and gaz._context_memo_names == 3
    found = ctx.resolve_candidates(gaz, two, spans_two)  # 6 names > 5: the memo starts afresh
    assert len(gaz._context_memo) == 1 and gaz._context_memo_names == 3
    assert _fields(found) == _fields(ctx._resolve_names(gaz, *ctx._span_names(two, spans_two), ctx.SPAN_CANDIDATES))
