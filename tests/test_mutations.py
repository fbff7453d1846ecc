"""Families of broken files: every reader either reads exactly what a mutated file holds, or says where it is broken.

Each test starts from a valid file of one format (an ACLED export, a UCDP GED
download, a hand-made CSV with coordinates, a territorial-control GeoJSON, a
report in one of several encodings), mutates it the way files get damaged
(headers dropped, doubled, renamed or padded; columns swapped; cells replaced
by junk; the file cut at a random byte; line endings changed; re-encoded;
JSON values of the wrong type; broken geometries), and reads it. The property:

* the read succeeds, every data row is either a record or a reported bad row
  (``records + skipped rows == rows in the file``, the rows counted by Python's
  own :mod:`csv` module), and the text of every kept row comes back exactly
  as the file holds it; or
* it raises a :class:`~geoconflict.errors.GeoconflictError` whose message names
  the file, and with ``errors="raise"`` the row and column of the first bad row
  that ``errors="skip"`` reported.

The default run draws 100 files per family; the ``slow`` tests draw 300 more
per family (the audit's scale: about 1,000 tables, 400 control maps, 400 reports).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import shapely.geometry
from hypothesis import HealthCheck, given, settings
from hypothesis import event as _event
from hypothesis import strategies as st
from hypothesis.control import _current_build_context

from geoconflict import FormatError, GeoconflictError, read_table
from geoconflict.readers.csvfile import DELIMITERS
from geoconflict.text.report import read_report

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WIDE = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# --------------------------------------------------------------------------- valid files to start from

ACLED = (
    ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
     "assoc_actor_1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
     "geo_precision", "source", "notes", "fatalities"],
    [
        ["XYZ1", "2024-08-06", "2024", "1", "Battles", "Armed clash", "Army of Examplestan", "", "Rebels",
         "Ukraine", "Kharkiv", "Izium", "Balakliia", "49.46", "36.86", "1", "Wire service",
         "On 6 August, soldiers and rebels exchanged fire near the town. 3 killed.", "3"],
        ["XYZ2", "2024-08-07", "2024", "2", "Explosions/Remote violence", "Shelling/artillery/missile attack",
         "Rebels", "Militia; Volunteers", "Civilians", "Ukraine", "Kharkiv", "Kupiansk", "Kupiansk",
         "49.71", "37.61", "2", "Local media", "Shelling hit the \"old\" market; no casualties reported.", "0"],
        ["XYZ3", "2024-08-08", "2024", "1", "Protests", "Peaceful protest", "Protesters", "", "", "Ukraine",
         "Kyiv City", "", "Kyiv", "50.45", "30.52", "1", "Press", "Residents, about 200, rallied;\nno arrests.",
         ""],
    ],
)
UCDP = (
    ["id", "relid", "year", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
     "source_article", "source_original", "where_prec", "where_coordinates", "where_description", "adm_1",
     "adm_2", "latitude", "longitude", "country", "date_prec", "date_start", "date_end", "deaths_a",
     "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"],
    [
        ["101", "A-1", "2022", "1", "Examplestan: Government", "Government - Rebels", "Government",
         "Rebels", "Wire, 2022-03-01, \"Clashes\"", "Residents", "1", "Kherson town", "near the port",
         "Kherson oblast", "", "46.63", "32.61", "Ukraine", "1", "2022-03-01", "2022-03-01", "2", "1", "0",
         "0", "3", "5", "3"],
        ["102", "A-2", "2022", "3", "Examplestan: Civilians", "Militia - civilians", "Militia", "Civilians",
         "Agency report", "", "4", "Donetsk oblast", "", "Donetsk oblast", "", "48.0", "37.8", "Ukraine",
         "4", "2022-04-01", "2022-04-30", "0", "0", "7", "0", "7", "9", "7"],
    ],
)
GENERIC = (
    ["date", "lat", "lon", "type", "location", "actor", "description", "fatalities", "precision", "id"],
    [
        ["2024-08-06", "51.19", "35.27", "battle", "Sudzha", "Army", "Fighting, heavy, in the centre", "4",
         "1", "g-1"],
        ["2024-08-07", "50.45", "30.52", "strike", "Kyiv", "Air force; Navy", "Missile strike at night", "",
         "2", "g-2"],
        ["2024-08", "49.99", "36.23", "protest", "Kharkiv", "", "  Rally, with \"banners\"  ", "0", "", "g-3"],
    ],
)
FORMATS = {"acled": ACLED, "ucdp": UCDP, "generic": GENERIC}
#: The free-text columns (file column → how a record keeps it) that must come back exactly.
TEXT_COLUMNS = {
    "acled": {"event_id_cnty": lambda r: r.id, "notes": lambda r: getattr(r, "description", getattr(r, "note", None))},
    "ucdp": {"id": lambda r: r.id, "source_article": lambda r: r.provenance.source},
    "generic": {"id": lambda r: r.id, "description": lambda r: r.description},
}

# --------------------------------------------------------------------------- junk

JUNK_CELLS = st.sampled_from([
    "", " ", "NaN", "nan", "NULL", "inf", "-inf", "1e400", "-1e400", "9" * 30, str(2**63), str(-(2**63) - 1),
    "0", "-0", "1e5", "007", "TRUE", "+5", "0x1F", "\x00", "a\x00b", "\x07\x1b[31m", "\r", "\n", "\r\n",
    "\t", "\x0b\x0c", "\u2028", "\ufeff", "\udcff", "\ud800", '"', '"unbalanced', 'x"y', "=HYPERLINK(\"x\")",
    "@SUM(1)", "+cmd|' /C calc'!A0", "-2+3", "\t=1+1", "x" * 5000, "é" * 300, "😀", "; ;", ",", ";",
    "2024-02-30", "9999-12-31", "0001-01-01", "90.000001", "-180.5", "1e-320", "0.0",
])
junk_text = st.one_of(JUNK_CELLS, st.text(max_size=30))
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "cp1251")


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


def _drop(t: Table, i: int, _: object) -> None:
    del t.header[i]
    for r in t.rows:
        del r[i]


def _duplicate(t: Table, i: int, _: object) -> None:
    t.header.append(t.header[i])
    for r in t.rows:
        r.append(r[i])


def _rename(t: Table, i: int, name: object) -> None:
    t.header[i] = str(name)


def _pad(t: Table, i: int, pad: object) -> None:
    t.header[i] = f"{pad}{t.header[i]}{pad}"


def _swap_cells(t: Table, i: int, _: object) -> None:
    j = (i + 1) % len(t.header)
    for r in t.rows:
        r[i], r[j] = r[j], r[i]


def _swap_columns(t: Table, i: int, _: object) -> None:
    j = (i + 1) % len(t.header)
    t.header[i], t.header[j] = t.header[j], t.header[i]
    _swap_cells(t, i, None)


def _cell(t: Table, i: int, junk: object) -> None:
    if t.rows:
        t.rows[i % len(t.rows)][i % len(t.header)] = str(junk)


def _column_junk(t: Table, i: int, junk: object) -> None:
    for r in t.rows:
        r[i] = str(junk)


def _duplicate_row(t: Table, i: int, _: object) -> None:
    if t.rows:
        t.rows.append(list(t.rows[i % len(t.rows)]))


def _extra_field(t: Table, i: int, junk: object) -> None:
    if t.rows:
        t.rows[i % len(t.rows)].append(str(junk))


def _empty_extra_fields(t: Table, i: int, junk: object) -> None:
    """A row wider than the header whose first extra fields are empty (``Lviv,49.84,24.03,,extra``)."""
    if t.rows:
        t.rows[i % len(t.rows)].extend([""] * (1 + i % 3) + ([str(junk)] if i % 2 else []))


TABLE_MUTATIONS = [_drop, _duplicate, _rename, _pad, _swap_cells, _swap_columns, _cell, _cell, _cell,
                   _column_junk, _duplicate_row, _extra_field, _empty_extra_fields]


@st.composite
def mutated_tables(draw, fmt: str) -> Table:
    header, rows = FORMATS[fmt]
    t = Table(list(header), [list(r) for r in rows])
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        if not t.header:
            break
        mutation = draw(st.sampled_from(TABLE_MUTATIONS))
        i = draw(st.integers(min_value=0, max_value=len(t.header) - 1))
        junk = draw(junk_text if mutation in (_cell, _column_junk, _extra_field, _empty_extra_fields) else
                    st.sampled_from([" ", "\t", "  ", "\ufeff"]) if mutation is _pad else
                    junk_text.filter(lambda s: "\n" not in s and "\r" not in s))
        mutation(t, i, junk)
    return t


def _csv_text(t: Table, delimiter: str, newline: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(t.header)
    writer.writerows(t.rows)
    return out.getvalue()


@st.composite
def mutated_csv(draw, fmt: str) -> tuple[bytes, str]:
    """``(file bytes, encoding to read with)``."""
    t = draw(mutated_tables(fmt))
    text = _csv_text(t, draw(st.sampled_from(DELIMITERS)), draw(st.sampled_from(["\n", "\r\n"])))
    encoding = draw(st.sampled_from(ENCODINGS))
    try:
        data = text.encode(encoding, "surrogateescape" if encoding.startswith("utf-8") else "strict")
    except UnicodeEncodeError:
        data = text.encode(encoding, "replace")
    except UnicodeError:
        data = text.encode("utf-8", "surrogatepass")
    read_with = draw(st.sampled_from([encoding, "utf-8"]))
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        data = draw(st.sampled_from([_truncate, _cr_only, _mixed_endings, _quote, _raw_bytes, _bom]))(draw, data)
    return data, read_with


def _truncate(draw, data: bytes) -> bytes:
    return data[:draw(st.integers(min_value=0, max_value=len(data)))]


def _cr_only(draw, data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")


def _mixed_endings(draw, data: bytes) -> bytes:
    lines = data.replace(b"\r\n", b"\n").split(b"\n")
    ends = draw(st.lists(st.sampled_from([b"\n", b"\r\n", b"\r"]), min_size=len(lines), max_size=len(lines)))
    return b"".join(line + end for line, end in zip(lines[:-1], ends)) + lines[-1]


def _quote(draw, data: bytes) -> bytes:
    at = draw(st.integers(min_value=0, max_value=len(data)))
    return data[:at] + b'"' + data[at:]


def _raw_bytes(draw, data: bytes) -> bytes:
    at = draw(st.integers(min_value=0, max_value=len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]


def _bom(draw, data: bytes) -> bytes:
    return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"])) + data


# --------------------------------------------------------------------------- the reference: Python's csv module


def event(label: str) -> None:
    """Count an outcome in hypothesis' statistics (``--hypothesis-show-statistics``), when under hypothesis."""
    if _current_build_context.value is not None:
        _event(label)


def _decoded(data: bytes, encoding: str) -> str:
    """A file's text as a careful reader decodes it: UTF-16 after its byte-order mark when UTF-8 was asked for."""
    if encoding == "utf-8" and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    return data.decode("utf-8-sig" if encoding == "utf-8" else encoding, "surrogateescape")


def _reference_rows(data: bytes, encoding: str, *, skip_spaces: bool) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows of a file as Python's csv module reads them (blank lines are no rows)."""
    text = _decoded(data, encoding)
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                                     skipinitialspace=skip_spaces) if r]
    return [h.strip().lower() for h in records[0]], records[1:]


def _ends_mid_row(data: bytes, encoding: str) -> bool:
    """Whether a file ends without a line break, in a line that is no part of a quoted cell spanning lines."""
    text = _decoded(data, encoding)
    last = text.replace("\r\n", "\n").replace("\r", "\n").rsplit("\n", 1)[-1]
    return bool(text) and not text.endswith(("\n", "\r")) and bool(last.strip()) and last.count('"') % 2 == 0


def _blank_none(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


def _check_csv_read(path: Path, fmt: str, encoding: str) -> None:
    try:
        table = read_table(path, format=fmt, errors="skip", encoding=encoding)
    except GeoconflictError as exc:
        event(f"refused: {type(exc).__name__}")
        assert path.name in str(exc), exc
        return
    event("read, with bad rows" if table.problems else "read whole")
    header, rows = _reference_rows(path.read_bytes(), encoding, skip_spaces=fmt == "generic")
    records = [*table.events.events, *table.events.claims]
    skipped = set(table.skipped_rows)
    assert table.rows == len(rows), (table.rows, len(rows))
    assert len(records) + len(skipped) == len(rows), (len(records), sorted(skipped), len(rows))
    if rows and len(rows[-1]) < len(header) and _ends_mid_row(path.read_bytes(), encoding):
        assert len(rows) in skipped  # a file cut off in its last row: the row is reported, not read short
    # fields beyond the header's are never dropped without a word: two or more (empty or not) make the row bad;
    # one is judged by its content (a trailing delimiter, "1,2,3,", loses nothing and is read)
    longer = {n for n, r in enumerate(rows, start=1)
              if len(r) > len(header) + 1 or (len(r) == len(header) + 1 and r[-1] != "")}
    assert longer <= skipped
    kept = [r for number, r in enumerate(rows, start=1) if number not in skipped]
    for column, of_record in TEXT_COLUMNS[fmt].items():
        if column in header:
            at = header.index(column)
            want = Counter(_blank_none(r[at]) if at < len(r) else None for r in kept)
            assert Counter(of_record(r) for r in records) == want, column
    if table.problems:  # errors="raise" stops at the first, naming its row and column
        first = table.problems[0]
        with pytest.raises(FormatError) as raised:
            read_table(path, format=fmt, encoding=encoding)
        assert (raised.value.row, raised.value.column) == (first.row, first.column)
        assert path.name in str(raised.value)


def _csv_family(fmt: str, tmp_path_factory, case: tuple[bytes, str]) -> None:
    data, encoding = case
    path = tmp_path_factory.mktemp(fmt) / f"{fmt}.csv"
    path.write_bytes(data)
    _check_csv_read(path, fmt, encoding)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_valid_files_read_whole(tmp_path, fmt):
    path = tmp_path / f"{fmt}.csv"
    header, rows = FORMATS[fmt]
    path.write_text(_csv_text(Table(header, rows), ",", "\n"), encoding="utf-8")
    table = read_table(path, format=fmt)
    assert table.rows == len(rows) and not table.problems
    _check_csv_read(path, fmt, "utf-8")


@FAST
@given(case=mutated_csv("acled"))
def test_mutated_acled_exports(tmp_path_factory, case):
    _csv_family("acled", tmp_path_factory, case)


@FAST
@given(case=mutated_csv("ucdp"))
def test_mutated_ucdp_downloads(tmp_path_factory, case):
    _csv_family("ucdp", tmp_path_factory, case)


@FAST
@given(case=mutated_csv("generic"))
def test_mutated_generic_tables(tmp_path_factory, case):
    _csv_family("generic", tmp_path_factory, case)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@WIDE
@given(data=st.data())
def test_mutated_tables_at_the_audits_scale(tmp_path_factory, fmt, data):
    _csv_family(fmt, tmp_path_factory, data.draw(mutated_csv(fmt)))


# --------------------------------------------------------------------------- control GeoJSON

SQUARE = [[35.0, 51.0], [36.0, 51.0], [36.0, 52.0], [35.0, 52.0], [35.0, 51.0]]
CONTROL = {
    "type": "FeatureCollection",
    "as_of": "2024-08-01",
    "source": "Example front-line map",
    "features": [
        {"type": "Feature", "id": 7, "properties": {"owner": "Army of Examplestan", "date": "2024-08-06",
                                                     "note": "assessed from imagery", "area_km2": 7000},
         "geometry": {"type": "Polygon", "coordinates": [SQUARE]}},
        {"type": "Feature", "properties": {"status": "Claimed by the rebels", "settlements": 12},
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[p[0] + 2, p[1]] for p in SQUARE]],
                                                              [[[p[0] + 4, p[1]] for p in SQUARE]]]}},
        {"type": "Feature", "properties": {"controlled_by": "Militia", "description": "contested"},
         "geometry": {"type": "Polygon", "coordinates": [[[p[0], p[1] - 3] for p in SQUARE],
                                                         [[35.2, 48.2], [35.4, 48.2], [35.4, 48.4], [35.2, 48.2]]]}},
    ],
}
JUNK_JSON = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), JUNK_CELLS,
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from([[], {}, [[]], [[[]]], [[[35, 51, 0], [36, 51, 0], [36, 52, 0], [35, 51, 0]]],
                     [[[35, 51], [35, 51], [35, 51], [35, 51]]], [[[35, 51], [36, 51]]],
                     [[[35, 51], [math.nan, 51], [36, 52], [35, 51]]], [[[170, 60], [-170, 60], [-170, 70], [170, 60]]],
                     [[[1e400, 0], [0, 1], [1, 1], [1e400, 0]]], {"type": "Point", "coordinates": [35, 51]},
                     {"type": "Polygon", "coordinates": []}, {"type": "GeometryCollection", "geometries": []}]),
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


def _set(node, path, value):
    if not path:
        return value
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return None


def _with_z(node):
    """Every coordinate pair of *node* given a third coordinate (KML conversions write z = 0)."""
    if isinstance(node, list) and len(node) == 2 and all(isinstance(v, int | float) for v in node):
        return [*node, 0.0]
    if isinstance(node, list):
        return [_with_z(v) for v in node]
    if isinstance(node, dict):
        return {k: _with_z(v) for k, v in node.items()}
    return node


def _mutate_collection(draw, data):
    path = draw(st.sampled_from(list(_paths(data))))
    kind = draw(st.sampled_from(["junk", "junk", "junk", "drop", "nest", "3d"]))
    if kind == "3d":
        return _with_z(data)
    if not path:
        return copy.deepcopy(draw(JUNK_JSON)) if kind == "junk" else data
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if kind == "drop":
        del parent[path[-1]]
    elif kind == "nest":
        parent[path[-1]] = json.loads("[" * 50 + "]" * 50)
    else:
        parent[path[-1]] = copy.deepcopy(draw(JUNK_JSON))  # the sampled lists are shared between examples
    return data


@st.composite
def mutated_collections(draw) -> bytes:
    """A control map's bytes with values of the wrong type anywhere, keys dropped, 3-D or broken geometries."""
    data = json.loads(json.dumps(CONTROL))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        data = _mutate_collection(draw, data)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), allow_nan=True)
    if draw(st.integers(min_value=0, max_value=9)) == 0:  # nested thousands deep
        text = text[:-1] + ', "deep": ' + "[" * 5000 + "]" * 5000 + "}" if text.endswith("}") else text
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = draw(st.sampled_from([_truncate, _raw_bytes, _bom]))(draw, raw)
    return raw


def _check_control(path: Path) -> None:
    try:
        table = read_table(path, format="control", errors="skip")
    except GeoconflictError as exc:
        event(f"refused: {type(exc).__name__}")
        assert path.name in str(exc), exc
        return
    event("read, with bad rows" if table.problems else "read whole")
    data = json.loads(path.read_bytes().decode("utf-8-sig", "surrogatepass"))
    features = data["features"]
    assert table.rows == len(features)
    assert len(table.events.claims) + len(table.skipped_rows) == len(features)
    kept = [f for number, f in enumerate(features, start=1) if number not in set(table.skipped_rows)]
    for claim, feature in zip(table.events.claims, kept, strict=True):
        values = [v if isinstance(v, str) else str(v) for v in feature["properties"].values()
                  if isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool))]
        assert claim.claimant in values  # the text as written: never a str() of a list, a boolean or a fraction
        assert not claim.geometry.is_empty and claim.geometry.is_valid
        assert "true" not in json.dumps(feature["geometry"]["coordinates"]).replace("false", "true")  # never 1 or 0
        given = shapely.geometry.shape(feature["geometry"])  # the file's polygon, every vertex as written
        assert claim.geometry.has_z == given.has_z  # z is kept (module docstring of readers.control)
        if given.is_valid:  # an invalid one is repaired as geoconflict.model.geometry.clean_polygon documents
            assert claim.geometry.normalize().equals_exact(given.normalize(), tolerance=0)
    if table.problems:
        first = table.problems[0]
        with pytest.raises(FormatError) as raised:
            read_table(path, format="control")
        assert (raised.value.row, raised.value.column) == (first.row, first.column)


@FAST
@given(raw=mutated_collections())
def test_mutated_control_maps(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("control") / "control.geojson"
    path.write_bytes(raw)
    _check_control(path)


@pytest.mark.slow
@WIDE
@given(raw=mutated_collections())
def test_mutated_control_maps_at_the_audits_scale(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("control") / "control.geojson"
    path.write_bytes(raw)
    _check_control(path)


# --------------------------------------------------------------------------- reports in nine encodings

REPORT = ("Date: 2024-08-14\nTitle: Fighting near the border\n\n"
          "Troops advanced towards Sudzha, a town of 5,000; officials said the “front” moved 3 km.\n"
          "Residents of Kherson reported shelling overnight.")
REPORT_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp1251",
                    "koi8-r")


@st.composite
def encoded_reports(draw) -> tuple[bytes, str, str | None, str]:
    """``(bytes, encoding written, encoding passed or None, the text written)``."""
    extra = draw(st.sampled_from(["", " Кременчук", " Zaporizhzhia – Dnipro", " São Tomé"]))
    text = REPORT + extra
    encoding = draw(st.sampled_from(REPORT_ENCODINGS))
    raw = text.encode(encoding, "replace")
    written = raw.decode(encoding)
    passed = draw(st.sampled_from([encoding, None]))
    if draw(st.booleans()):
        raw = draw(st.sampled_from([_truncate, _raw_bytes, _cr_only, _mixed_endings, _bom]))(draw, raw)
        written = ""  # changed: no exact text to compare
    return raw, encoding, passed, written


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").rstrip()


@FAST
@given(case=encoded_reports())
def test_reports_in_nine_encodings(tmp_path_factory, case):
    """A report in its encoding, said or recognised, reads to its exact text; damaged bytes are refused by name."""
    _check_report(tmp_path_factory, case)


@pytest.mark.slow
@WIDE
@given(case=encoded_reports())
def test_reports_in_nine_encodings_at_the_audits_scale(tmp_path_factory, case):
    _check_report(tmp_path_factory, case)


def _check_report(tmp_path_factory, case: tuple[bytes, str, str | None, str]) -> None:
    raw, encoding, passed, written = case
    path = tmp_path_factory.mktemp("report") / "report.txt"
    path.write_bytes(raw)
    must_read = bool(written) and (passed is not None or encoding in ("utf-8", "utf-8-sig", "utf-16"))
    try:
        report = read_report(path, encoding=passed, published="2024-08-14")
    except GeoconflictError as exc:
        event(f"refused: {type(exc).__name__}")
        assert not must_read, exc  # the file's own encoding, given or marked by a byte-order mark, always reads
        assert path.name in str(exc), exc
        return
    event("read")
    if must_read:
        assert report.text == _normalised(written)
    assert "\x00" not in report.text


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path, order):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode(order))
    with pytest.raises(GeoconflictError, match=rf"report.txt: looks like {order.upper()} text without a byte-order "
                                               rf"mark; pass encoding='{order}'"):
        read_report(path)
    assert read_report(path, encoding=order).text == REPORT
