"""Whole categorical columns → values: each distinct value parsed once, bad rows marked.

A frame from :func:`~geoconflict.readers.csvfile.load_csv` holds categorical
columns: per column, integer *codes* (one per row; -1 for a missing cell) into
its *categories* (the distinct values). Each function here works on the
categories and hands back ``(values, codes)``, where ``values[codes]`` is each
row's value; the last slot of *values* stands for the missing cell. Every
check the record classes of :mod:`geoconflict.model` make is made here
on whole columns first, so the records can then be built without re-checking
each one (:func:`~geoconflict.readers.bulk.unchecked`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from geoconflict.errors import GeoconflictError, InvalidInputError
from geoconflict.model.acled_names import COUNTRY_NAMES
from geoconflict.readers.cells import latitude, longitude
from geoconflict.readers.problems import Problems

if TYPE_CHECKING:
    import pandas as pd

    from geoconflict.gazetteer import Gazetteer

__all__ = [
    "Coded",
    "categorical",
    "column_values",
    "coordinates",
    "country_code_values",
    "country_codes",
    "first_filled",
    "groups",
    "blank_none",
    "PYTHON_SPACES",
    "python_blank_pattern",
    "python_spaces",
    "text_cells",
    "text_values",
]

#: ``(values, codes)``: ``values[codes]`` gives each row's value (see the module docstring).
Coded = tuple[np.ndarray, np.ndarray]

_PARENS = re.compile(r"\s*\(.*?\)\s*")


def categorical(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, list[str]]:
    """``(codes, categories)`` of a categorical column; code -1 is a missing value."""
    series = frame[column]
    # the parser may infer numeric categories; every reader parses text
    cats = [c if isinstance(c, str) else _as_text(c) for c in series.cat.categories.tolist()]
    return np.asarray(series.cat.codes, dtype=np.int64), cats


def _as_text(value: Any) -> str:
    # numbers come back as Python would print them ("151.0", "3"); messages quote that text
    return str(value.item() if hasattr(value, "item") else value)


def text_cells(frame: pd.DataFrame, column: str, rows: np.ndarray | None = None) -> np.ndarray:
    """Each row's cell of a free-text (not categorical) column, None where missing or where the frame lacks it;
    of the rows at positions *rows* only, when given.

    Examples
    --------
    >>> import pandas as pd
    >>> text_cells(pd.DataFrame({"notes": ["Shelling", None]}, dtype=object), "notes").tolist()
    ['Shelling', None]
    >>> text_cells(pd.DataFrame({"notes": ["Shelling"]}), "id").tolist()
    [None]
    >>> text_cells(pd.DataFrame({"notes": ["a", "b", None]}, dtype=object), "notes", np.array([2, 0])).tolist()
    [None, 'a']
    """
    if column not in frame.columns:
        return np.full(len(frame) if rows is None else len(rows), None, dtype=object)
    series = frame[column] if rows is None else frame[column].take(rows)
    missing = series.isna().to_numpy()
    if not missing.any():  # as pandas' to_numpy(na_value=None): no copy unless a cell changes
        return series.to_numpy(dtype=object)
    cells = series.to_numpy(dtype=object, copy=True)
    cells[missing] = None
    return cells


def blank_none(cells: np.ndarray) -> np.ndarray:
    """Free-text cells with the all-blank ones (Python's ``str.isspace``) as None, as records store them: the plain
    reference of :func:`text_values`' Arrow path.

    Examples
    --------
    >>> blank_none(np.array(["Shelling", " \\t", None, "\\u3000"], dtype=object)).tolist()
    ['Shelling', None, None, None]
    """
    return np.array([c if c is None or not c.isspace() else None for c in cells.tolist()], dtype=object)


def text_values(frame: pd.DataFrame, column: str, rows: np.ndarray) -> Any:
    """The cells of a free-text column at positions *rows*, all-blank and missing ones None: :func:`blank_none`
    of :func:`text_cells`; for a column pyarrow keeps (:func:`~geoconflict.readers.arrowcsv.arrow_chunks`), a
    pyarrow large-string array, made without a Python string per cell (the same values)."""
    import pandas as pd

    series = frame[column] if column in frame.columns else None
    if series is None or not isinstance(series.dtype, pd.ArrowDtype):
        return blank_none(text_cells(frame, column, rows))
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.chunked_array(series.array.__arrow_array__()).take(pa.array(rows)).combine_chunks()
    cells = cells.cast(pa.large_string())
    blank = pc.match_substring_regex(cells, python_blank_pattern()).fill_null(False)
    return pc.if_else(blank, pa.scalar(None, pa.large_string()), cells) if pc.any(blank).as_py() else cells


#: The characters Python's ``str.isspace`` is true of, written out: :func:`python_spaces` finds them by trying every
#: code point (0.13 s, once a process, before a streamed table's first rows reach GDAL); a test holds the two equal.
PYTHON_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                 "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def python_spaces() -> str:
    """The characters Python's ``str.isspace`` is true of, in code point order (the plain reference of
    :data:`PYTHON_SPACES`)."""
    import sys

    return "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


@cache
def python_blank_pattern() -> str:
    """A regular expression (RE2's, as pyarrow's compute functions take it) matching exactly the strings Python's
    ``str.isspace`` is true of: one or more characters, each one Python counts as whitespace (:data:`PYTHON_SPACES`)."""
    spaces = "".join(f"\\x{{{ord(c):x}}}" for c in PYTHON_SPACES)
    return f"^[{spaces}]+$"


def column_values(
    frame: pd.DataFrame,
    problems: Problems,
    column: str,
    parse: Callable[[str], Any],
    *,
    required: bool = True,
    missing: Any = None,
) -> Coded:
    """Parse each distinct value of a categorical column once, marking bad rows.

    *parse* returns the parsed value or raises :class:`ValueError` whose message
    says what is wrong.  A missing cell is a problem when *required*, else it
    gives *missing*.  A column the frame lacks counts as all cells missing.

    Returns
    -------
    values, codes : numpy.ndarray
        ``values[codes]`` is each row's parsed value (None on bad rows).
    """
    if column not in frame.columns:
        codes = np.full(len(frame), -1, dtype=np.int64)
        cats: list[str] = []
    else:
        codes, cats = categorical(frame, column)
    values = np.empty(len(cats) + 1, dtype=object)
    messages = np.empty(len(cats) + 1, dtype=object)
    for i, cat in enumerate(cats):
        try:
            values[i] = parse(cat)
        except ValueError as exc:
            messages[i] = str(exc)
    values[-1] = missing
    if required:
        messages[-1] = f"no {column} (the cell is empty)"
    row_messages = messages[codes]
    problems.add(row_messages != None, column, row_messages)  # noqa: E711 (element-wise)
    return values, codes


def coordinates(frame: pd.DataFrame, problems: Problems, lat: str,
                lon: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Check a latitude and a longitude column together.

    Returns ``(lat_values, lat_codes, lon_values, lon_codes)`` as
    :func:`column_values`; rows at exactly (0, 0), the usual placeholder for
    "unknown", are marked bad rather than mapped off the coast of Africa.
    """
    lat_v, lat_c = column_values(frame, problems, lat, latitude)
    lon_v, lon_c = column_values(frame, problems, lon, longitude)
    zero = (lat_v == 0.0)[lat_c] & (lon_v == 0.0)[lon_c]
    problems.add(zero, lat, "coordinates (0, 0) are a placeholder, not a location")
    return lat_v, lat_c, lon_v, lon_c


def first_filled(texts: Mapping[str, Coded], columns: tuple[str, ...], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the first non-blank value of *columns* and the index of that column (-1: none).

    *texts* maps a column name to its ``(values, codes)`` pair from :func:`column_values`.

    Examples
    --------
    >>> texts = {"location": (np.array(["Sudzha", None], dtype=object), np.array([0, -1])),
    ...          "admin1": (np.array(["Kursk", None], dtype=object), np.array([0, 0]))}
    >>> name, which = first_filled(texts, ("location", "admin1"), 2)
    >>> name.tolist(), which.tolist()
    (['Sudzha', 'Kursk'], [0, 1])
    """
    name = np.full(n, None, dtype=object)
    which = np.full(n, -1, dtype=np.int64)
    for k, col in enumerate(columns):
        values, codes = texts[col]
        row_values = values[codes]
        fill = (name == None) & (row_values != None)  # noqa: E711 (element-wise)
        name[fill] = row_values[fill]
        which[fill] = k
    return name, which


def groups(*codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Number the distinct combinations of several code arrays.

    Returns ``(group, first)``: each row's group number, and the first row of
    each group (so a record shared by many rows is built once).

    Examples
    --------
    >>> group, first = groups(np.array([0, 1, 0, 0]), np.array([5, 5, 5, 6]))
    >>> group.tolist(), first.tolist()
    ([0, 1, 0, 2], [0, 1, 3])
    """
    import pandas as pd

    n = len(codes[0]) if codes else 0
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    group = np.zeros(n, dtype=np.int64)
    for c in codes:  # fold one column in at a time, renumbering so the key never overflows
        c = np.asarray(c, dtype=np.int64) + 1  # missing (-1) becomes 0
        group, _ = pd.factorize(group * (int(c.max()) + 1) + c)
        group = group.astype(np.int64, copy=False)
    first = np.zeros(int(group.max()) + 1, dtype=np.int64)
    first[group[::-1]] = np.arange(n - 1, -1, -1)
    return group, first


# --------------------------------------------------------------------------- countries


def country_code_values(values: np.ndarray, *, gazetteer: Gazetteer | None = None) -> np.ndarray:
    """ISO codes aligned with a text column's distinct *values* (the last slot is the blank one)."""
    codes_of = country_codes(values[:-1], gazetteer=gazetteer)
    return np.array([*(codes_of[c] for c in values[:-1]), None], dtype=object)


@cache
def embedded_country_codes() -> dict[str, str]:
    """Each embedded country's name (Natural Earth's, as the gazetteer has it) → its ISO code; empty without the data.

    The fast path of :func:`country_codes`: what the gazetteer's search gives for
    each of these names (``tests/test_columnar.py`` holds the two equal), without
    loading the gazetteer.
    """
    from geoconflict._data import polygons

    try:
        level = polygons("country")
        return {str(name): str(cc) for name, cc in zip(level.name, level.cc, strict=True) if cc and name}
    except (GeoconflictError, OSError, KeyError):
        return {}


#: ACLED's names of the countries whose gazetteer name differs → ISO code.
_ACLED_COUNTRY_CODES = {name: code for code, name in COUNTRY_NAMES.items()}


def country_codes(names: Iterable[str | None], *,
                  gazetteer: Gazetteer | None = None) -> dict[str | None, str | None]:
    """ISO alpha-2 codes for country names, looked up in *gazetteer* (by default the offline one).

    ACLED's own country names (:data:`geoconflict.model.acled_names.COUNTRY_NAMES`:
    "Democratic Republic of Congo", "Republic of Congo") are read as ACLED means them,
    whatever the gazetteer makes of them. UCDP's historical suffixes ("Russia (Soviet
    Union)") are dropped before the look-up.  A name the gazetteer does not know as a country, or every name
    when the gazetteer's data is not installed, maps to None: the code is
    optional on a :class:`~geoconflict.model.Place`.
    """
    names = list(dict.fromkeys(names))
    out: dict[str | None, str | None] = dict.fromkeys(names)
    wanted = [n for n in names if n is not None and n.strip()]
    out.update((n, _ACLED_COUNTRY_CODES[n]) for n in wanted if n in _ACLED_COUNTRY_CODES)
    wanted = [n for n in wanted if n not in _ACLED_COUNTRY_CODES]
    if gazetteer is None:  # a country's own embedded name needs no gazetteer loaded (a table's usual case)
        own = embedded_country_codes()
        out.update((n, own[n]) for n in wanted if n in own)
        wanted = [n for n in wanted if n not in own]
    if not wanted:
        return out
    try:
        if gazetteer is None:
            from geoconflict.gazetteer import Gazetteer

            gazetteer = Gazetteer.default()
    except (ImportError, OSError, LookupError):  # no gazetteer data: DataNotFoundError is an OSError
        return out
    for name in wanted:
        query = _PARENS.sub(" ", name).strip() or name
        try:
            hits = gazetteer.search(query, kind="country", limit=1)
        except InvalidInputError:
            continue
        if hits:
            out[name] = hits[0].place.country_code
    return out
