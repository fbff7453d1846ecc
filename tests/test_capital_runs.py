"""The runs of capitalised words the spelling rule reads (``resolution_variants._RUN``), written so that only
capitals are tried: the same runs as the plain pattern (``_RUN_PLAIN``), on text made of names, apostrophes,
hyphens, digits and accented capitals, and on the test reports."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict.extraction.resolution_variants import _RUN, _RUN_PLAIN

_PIECES = st.sampled_from(["Tal", "Tamer", "al-Bab", "Ras", "el", "O'Neil", "d’Azur", "Én", "Ödön", "ÞING", "x",
                           "Kyiv", "5", "B2", "_", "-", "'", "’", " ", "  ", ",", "(", ")", "\n", "É", "ß"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(min_value=0, max_value=5))
def test_runs_are_the_plain_patterns(text: str, start: int) -> None:
    assert [m.span() for m in _RUN.finditer(text, start)] == [m.span() for m in _RUN_PLAIN.finditer(text, start)]


def test_runs_in_the_test_reports() -> None:
    reports = sorted((Path(__file__).parent / "reports").glob("*.txt"))
    assert reports
    for path in reports:
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in _RUN.finditer(text)] == [m.span() for m in _RUN_PLAIN.finditer(text)]
