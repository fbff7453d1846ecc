"""A clean CSV file parsed by pyarrow's multithreaded parser into the frame pandas' parser gives.

:func:`geoconflict.readers.csvfile.load_csv` reads tables with pandas' C parser
(the reference: it keeps bad lines, bytes not in the encoding and NUL characters
to report them). Most files have none of these, and pyarrow's parser reads them
on every core: :func:`arrow_frame` parses such a file and gives the frame the
pandas path would (categorical columns with the same sorted categories and
codes, free text as Python strings with NaN where missing), or None whenever
pyarrow cannot tell it is reading the file exactly as pandas reads it:

* any record with more or fewer fields than the header (a row to report, a
  trailing delimiter, a blank-looking line of spaces, a file cut short),
* bytes that are not UTF-8 (pyarrow checks every string),
* anything else pyarrow's parser refuses (a cell larger than its block).

The caller then reads the file with pandas, which finds and reports whatever it
was. Files with NUL bytes, other encodings, spaces after the delimiter
(``skip_spaces``) or a single column are not given to it at all.
``tests/test_arrowcsv.py`` holds the two paths equal on clean and broken tables.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> _ = path.write_bytes(b'place,note\\nSudzha,"ok, then"\\nKyiv,\\nSudzha,x\\n')
>>> frame = arrow_frame(path, ["place", "note"], {"place": "place", "note": "note"}, text={"note"}, delimiter=",")
>>> frame["place"].cat.categories.tolist(), frame["place"].cat.codes.tolist(), frame["note"].tolist()
(['Kyiv', 'Sudzha'], [1, 0, 1], ['ok, then', nan, 'x'])
>>> _ = path.write_bytes(b"place,note\\nSudzha,ok,extra\\n")
>>> arrow_frame(path, ["place", "note"], {"place": "place", "note": "note"}, text={"note"}, delimiter=",") is None
True
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["NotArrowReadable", "arrow_chunks", "arrow_frame"]

#: Bytes pyarrow's parser reads at a time (each block parsed by one thread; a record must fit in one).
BLOCK_BYTES = 1 << 22  # 4 MiB
#: The only text a cell may be for pyarrow to read it as missing: the empty cell, as the pandas path reads it.
_MISSING = [""]


def arrow_frame(path: Path, names: Sequence[str], columns: Mapping[str, str], *, text: Collection[str],
                delimiter: str) -> pd.DataFrame | None:
    """The chosen columns of a UTF-8 CSV file, parsed by pyarrow; None unless every record has the header's width.

    Parameters
    ----------
    path : pathlib.Path
        A UTF-8 file (with or without a byte-order mark) without NUL bytes.
    names : sequence of str
        The header's column names (stripped, as :func:`~geoconflict.readers.csvfile.read_header` gives them).
    columns : mapping
        Name to give each column → its name in *names*.
    text : collection of str
        The given names of free-text columns (one Python string per row); every
        other column is categorical.
    delimiter : str

    Returns
    -------
    pandas.DataFrame or None
        Equal to what :func:`~geoconflict.readers.csvfile.load_csv`'s pandas
        path gives for a file without bad rows; None for any file pyarrow
        cannot read exactly so.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    options, free = _options(names, columns, text=text, delimiter=delimiter)
    try:
        table = pacsv.read_csv(path, **options)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # a record of another width, bytes not UTF-8, …
        return None
    parsed = [table]
    del table  # _frame holds the only reference, and lets each column's buffers go once converted
    return _frame(parsed, columns, free)


def arrow_chunks(path: Path, names: Sequence[str], columns: Mapping[str, str], *, text: Collection[str],
                 delimiter: str, rows: int, first: int | None = None) -> Iterator[pd.DataFrame]:
    """:func:`arrow_frame`'s frame in consecutive chunks of about *rows* rows (*first* rows the first, when given;
    pyarrow's streaming reader, a block at a time), each chunk's categories its own; the first chunk (empty for a
    file of no rows) is yielded even for no rows. The free-text columns stay in Arrow (pandas' ``ArrowDtype``, missing cells None), read by
    :func:`~geoconflict.readers.columns.text_cells` and :func:`~geoconflict.readers.columns.text_values` alike.

    Raises
    ------
    NotArrowReadable
        Where :func:`arrow_frame` gives None (a record of another width, bytes not UTF-8): at the chunk that
        holds it, after the chunks before it.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    options, free = _options(names, columns, text=text, delimiter=delimiter)
    try:
        reader = pacsv.open_csv(path, **options)
        pending: list[Any] = []
        held = 0
        yielded = False
        for batch in reader:
            pending.append(batch)
            held += batch.num_rows
            if held >= (rows if yielded or first is None else first):
                yield _frame([pa.Table.from_batches(pending)], columns, free, arrow_text=True)
                pending, held, yielded = [], 0, True
        if pending or not yielded:
            yield _frame([pa.Table.from_batches(pending, schema=reader.schema)], columns, free, arrow_text=True)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise NotArrowReadable(str(exc)) from None


class NotArrowReadable(ValueError):
    """pyarrow's parser met a record it cannot read as pandas' parser would (:func:`arrow_chunks`)."""


def _options(names: Sequence[str], columns: Mapping[str, str], *, text: Collection[str],
             delimiter: str) -> tuple[dict[str, Any], set[str]]:
    """pyarrow's read, parse and convert options for :func:`arrow_frame` and :func:`arrow_chunks`, and the
    free-text columns (by their names in the file)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    wanted = list(dict.fromkeys(columns.values()))
    free = {columns[name] for name in text if name in columns}
    kinds = {c: pa.string() if c in free else pa.dictionary(pa.int32(), pa.string()) for c in wanted}
    return {
        "read_options": pacsv.ReadOptions(column_names=list(names), skip_rows=1, block_size=BLOCK_BYTES,
                                          encoding="utf8"),
        "parse_options": pacsv.ParseOptions(delimiter=delimiter, quote_char='"', double_quote=True,
                                            escape_char=False, newlines_in_values=True, ignore_empty_lines=True),
        "convert_options": pacsv.ConvertOptions(include_columns=wanted, column_types=kinds, null_values=_MISSING,
                                                strings_can_be_null=True, quoted_strings_can_be_null=True),
    }, free


def _frame(parsed: list[Any], columns: Mapping[str, str], free: Collection[str], *,
           arrow_text: bool = False) -> pd.DataFrame:
    """The pandas path's frame of a parsed table (the ``pyarrow.Table`` in *parsed*, taken from it): each given
    name its column. Each column is dropped from the table once converted, so that the Arrow buffers of the
    free text are freed as its Python strings are made (the peak is not both at once)."""
    import pandas as pd

    table = parsed.pop()
    rows = table.num_rows
    made: dict[str, Any] = {}
    for actual in dict.fromkeys(columns.values()):
        column = table.column(actual)
        table = table.drop_columns([actual])
        if actual not in free:
            made[actual] = _categorical(column)
        else:  # Python strings (NaN missing), or kept in Arrow (pandas' ArrowDtype: None missing)
            made[actual] = pd.arrays.ArrowExtensionArray(column) if arrow_text else _text(column)
        del column
    index = pd.RangeIndex(rows)
    return pd.DataFrame({name: pd.Series(made[actual], index=index, copy=False,
                                         dtype=object if actual in free and not arrow_text else None)
                         for name, actual in columns.items()}, index=index)


def _text(column: Any) -> np.ndarray:
    """A string column as Python strings, NaN where missing (as pandas' parser leaves an object column)."""
    cells = np.asarray(column.to_numpy(zero_copy_only=False), dtype=object)
    if column.null_count:
        cells[column.is_null().to_numpy(zero_copy_only=False)] = np.nan
    return cells


def _categorical(column: Any) -> pd.Categorical:
    """A dictionary column as the categorical pandas makes of the same strings: categories sorted, -1 missing."""
    import pandas as pd
    import pyarrow as pa

    if column.num_chunks == 0:
        return pd.Categorical([], categories=pd.Index([], dtype="str"))
    combined = column.unify_dictionaries().combine_chunks() if column.num_chunks > 1 else column.chunk(0)
    if isinstance(combined, pa.ChunkedArray):  # older pyarrow keeps one chunk as a ChunkedArray
        combined = combined.chunk(0)
    values = np.asarray(combined.dictionary.to_numpy(zero_copy_only=False), dtype=object)
    order = np.argsort(values, kind="stable")  # Python's order of str: by code point, as pandas sorts them
    rank = np.empty(len(values) + 1, dtype=np.int64)
    rank[order] = np.arange(len(values))
    rank[-1] = -1  # a missing cell's code
    indices = combined.indices.fill_null(len(values)).to_numpy(zero_copy_only=False)
    return pd.Categorical.from_codes(rank[indices], categories=pd.Index(values[order], dtype="str"), validate=False)
