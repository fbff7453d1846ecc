"""Fields per record: the chunked byte scan equals Python's csv module, and a row wider than its header is reported."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoconflict import FormatError, read_table
from geoconflict.readers.csvfile import DELIMITERS
from geoconflict.readers.fields import _StrayQuote, plain_record_widths, record_widths, scan_widths

CELL = st.text(alphabet=st.sampled_from(list('ab ,;\t"\n\r\x00é')), max_size=8)
ROW = st.lists(CELL, min_size=1, max_size=6)


@st.composite
def csv_texts(draw) -> tuple[str, str]:
    """``(text, delimiter)``: rows written by csv.writer (quoted where needed), blank lines and line ends mixed in."""
    delimiter = draw(st.sampled_from(DELIMITERS))
    out = []
    for row in draw(st.lists(ROW, max_size=8)):
        buffer = io.StringIO()
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
        csv.writer(buffer, delimiter=delimiter, lineterminator="", quoting=quoting).writerow(row)
        out.append(buffer.getvalue() + draw(st.sampled_from(["", delimiter, delimiter * 2])))  # trailing delimiters
        out.append(draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n \t\r\n", "\n  \n"])))
    text = "".join(out)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")  # a last line without a line break
    return text, delimiter


def _chunks(data: bytes, cuts: list[int]) -> list[bytes]:
    at = sorted({min(c, len(data)) for c in cuts})
    return [data[a:b] for a, b in zip([0, *at], [*at, len(data)])]


def _plain(text: str, delimiter: str) -> list[int]:
    return plain_record_widths(io.StringIO(text, newline=""), delimiter=delimiter).tolist()


@settings(max_examples=400, deadline=None)
@given(csv_texts(), st.lists(st.integers(min_value=0, max_value=400), max_size=6))
def test_the_scan_counts_fields_as_the_csv_module_does(case, cuts):
    text, delimiter = case
    data = text.encode("utf-8", "surrogatepass")
    assert scan_widths(_chunks(data, cuts), delimiter=delimiter).tolist() == _plain(text, delimiter)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab ,\t"\n\r')), max_size=40),
       st.lists(st.integers(min_value=0, max_value=40), max_size=4))
def test_a_quote_the_scan_cannot_place_is_left_to_the_csv_module(text, cuts):
    """Any text at all: the scan either agrees or says it cannot tell (stray quotes such as ``5"`` or ``"a"b``)."""
    try:
        widths = scan_widths(_chunks(text.encode(), cuts), delimiter=",").tolist()
    except _StrayQuote:
        assert text.count('"')
        return
    assert widths == _plain(text, ",")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "shift_jis"])
@pytest.mark.parametrize("chunk", [1, 3, 1 << 20])
def test_a_file_is_counted_in_its_encoding(tmp_path, encoding, chunk):
    text = 'place,lat,lon\r\n"Kyiv, city",50.45,30.52\r\n\r\n  \r\nLviv,49.84,24.03,,extra\r\nSumy,"5""1",x'
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode(encoding))
    widths = record_widths(path, codec=encoding, delimiter=",", chunk=chunk).tolist()
    assert widths == [3, 3, 5, 3]


def test_a_stray_quote_is_counted_by_the_csv_module(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b'place,height\nA tower 5"11 high,3,\n"a"b,c\n')
    assert record_widths(path, codec="utf-8", delimiter=",").tolist() == [2, 3, 2]


@pytest.mark.parametrize("extra", [",,extra", ",,", ",,,\t", ",x"])
def test_a_row_wider_than_its_header_is_reported_even_when_its_first_extra_field_is_empty(tmp_path, extra):
    path = tmp_path / "places.csv"
    path.write_text(f"location,latitude,longitude\nKyiv,50.45,30.52\nLviv,49.84,24.03{extra}\nSumy,50.91,34.80\n")
    table = read_table(path, errors="skip")
    assert list(table.skipped_rows) == [2]
    assert "more fields than the header's 3" in table.problems[0].message
    assert len(table.events.events) == 2
    with pytest.raises(FormatError) as raised:
        read_table(path)
    assert raised.value.row == 2


@pytest.mark.parametrize("extra", [",", ',""'])
def test_one_empty_field_past_the_header_loses_nothing_and_is_read(tmp_path, extra):
    """A trailing delimiter on data rows (as some exporters write them) holds nothing that could be lost."""
    path = tmp_path / "places.csv"
    path.write_text(f"location,latitude,longitude\nKyiv,50.45,30.52{extra}\nLviv,49.84,24.03{extra}\n")
    table = read_table(path)
    assert [e.place.name for e in table.events.events] == ["Kyiv", "Lviv"] and not table.problems


def test_wide_rows_are_numbered_as_data_rows_past_blank_lines_and_quoted_line_breaks(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text('location,latitude,longitude,note\n\nKyiv,50.45,30.52,"two\nlines"\n  \n'
                    'Lviv,49.84,24.03,,,\nSumy,50.91,34.80,ok\n')
    table = read_table(path, errors="skip")
    assert [(p.row, p.column) for p in table.problems] == [(2, None)]
    assert table.rows == 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1251"])
@pytest.mark.parametrize("note", ["calm", 'a 5" shell', '"quoted, with a comma"'])
def test_a_wide_row_is_reported_in_every_encoding_and_past_stray_quotes(tmp_path, encoding, note):
    path = tmp_path / "places.csv"
    text = f"location,latitude,longitude,note\r\nКиїв,50.45,30.52,{note}\r\nЛьвів,49.84,24.03,,,\r\n"
    path.write_bytes(text.encode(encoding))
    table = read_table(path, errors="skip", encoding=encoding)
    assert [(p.row, p.column) for p in table.problems] == [(2, None)]
    assert [e.place.name for e in table.events.events] == ["Київ"]


def test_a_header_cell_with_a_line_break_is_refused_not_read_as_no_rows(tmp_path):
    """The header is the first line; a quoted line break in it once lost every data row without a word."""
    path = tmp_path / "places.csv"
    path.write_text('location,"lati\ntude",longitude\nLviv,49.84,24.03,,extra\nKyiv,50.45,30.52\n')
    with pytest.raises(FormatError, match="could not be counted") as raised:
        read_table(path, format="generic", errors="skip")
    assert path.name in str(raised.value)
