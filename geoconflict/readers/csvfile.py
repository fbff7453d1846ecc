"""CSV files → frames of chosen columns: the header, the delimiter, bad lines, bad bytes.

Tables are read with pandas' C parser into *categorical* columns, so a value
that repeats (a date, an actor, a location's coordinates) is parsed later
once, however many rows carry it (:mod:`geoconflict.readers.columns`); only
free text (notes, ids) stays one string per row. Lines with the wrong number
of fields, cells whose bytes are not in the file's encoding and cells holding
NUL characters are not fatal: they become :class:`~geoconflict.readers.problems.RowProblem`
entries, and the cells are read as missing.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import warnings
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.readers.arrowcsv import arrow_frame
from geoconflict.readers.fields import record_widths
from geoconflict.readers.problems import Problems, RowProblem

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DELIMITERS", "PARSERS", "arrow_readable", "columns_by_name", "contains_nul", "file_codec", "load_csv", "load_layout", "read_header", "require"]

PathLike = str | os.PathLike[str]

#: The delimiters a header is split at: the one it holds most of wins.
DELIMITERS = (",", "\t", ";")
#: :func:`load_csv`'s parsers: pyarrow's where it reads the file as pandas' would, else pandas'; pandas' alone.
PARSERS = ("auto", "pandas")

_NUL_SCAN_CHUNK = 1 << 22  # bytes read at a time when looking for NUL (4 MiB, one buffer: 0.10 -> 0.05 s CPU for 294 MB)
_SHOWN_CHARS = 40  # of a cell with bad bytes, quoted in the message
_SHOWN_BYTES = 4  # bad bytes quoted in the message
_SURROGATES = re.compile("[\udc80-\udcff]")  # bytes not in the encoding, kept by "surrogateescape"
_SURROGATE_BASE = 0xDC00  # "surrogateescape" keeps byte b as the character U+DC00 + b
_BAD_LINE = re.compile(r"line (\d+): expected (\d+) fields, saw (\d+)")  # pandas' on_bad_lines warning
_HEADER_LINES = 1  # a file's line number less this is its data row number
_SPLICED = 1  # rows spliced in after the header (see _CsvFile.wide_row)
_HEADER_BLOCK = 4096  # bytes read at a time while looking for the end of the header
_MAX_HEADER = 1 << 20  # bytes a header may take (1 MiB): a file without a line break by then is no CSV
_MARK_DROPPING = ("utf-8-sig", "utf-16")  # codecs that drop a byte-order mark themselves
#: The name given to the fields a row has beyond the header's (a NUL: no header names a column so).
_MORE = "\x00more fields"
_DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon"}
_TAIL_BYTES = 1 << 16  # read from the end of a file to see whether its last row is cut short


def read_header(path: PathLike, *, encoding: str = "utf-8") -> tuple[list[str], str]:
    """The column names of a CSV file and its delimiter (``,``, tab or ``;``).

    A file that starts with UTF-16's byte-order mark (a spreadsheet's "Unicode
    text") is read as UTF-16 when *encoding* is the default UTF-8.

    Raises
    ------
    FormatError
        For an empty file, an undecodable header, or lines that end with a
        carriage return alone.
    """
    path = Path(path)
    line = _first_line(path, encoding)
    if not line.strip():
        raise FormatError("the file is empty (no header row)", path=str(path))
    delimiter = max(DELIMITERS, key=line.count)
    names = [n.strip() for n in next(csv.reader([line], delimiter=delimiter))]
    seen: dict[str, int] = {}
    for number, name in enumerate(names):
        if name in seen:
            raise FormatError(f"columns {seen[name] + 1} and {number + 1} are both named {name!r} once spaces "
                              "are stripped; rename one", path=str(path), column=name)
        seen[name] = number
    return names, delimiter


def _first_line(path: Path, encoding: str) -> str:
    """The header line of a CSV file, decoded (byte-order mark and line break dropped)."""
    return _header_line(path, encoding)[0]


def _header_line(path: Path, encoding: str) -> tuple[str, int]:
    """The header line of a CSV file, decoded (byte-order mark and line break dropped), and its length in bytes.

    Decoded a byte at a time (a header is short), so that a bad byte in a
    later row does not make the header unreadable, and the error can say at
    which byte the header is broken.
    """
    codec = file_codec(path, encoding)
    decoder = codecs.getincrementaldecoder(codec)("strict")
    text = ""
    read = 0
    with open(path, "rb") as fh:
        while block := fh.read(_HEADER_BLOCK):
            for at in range(len(block)):
                try:
                    text += decoder.decode(block[at:at + 1])
                except UnicodeError as exc:  # UTF-16 without a byte-order mark raises the base class
                    reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
                    raise FormatError(f"the header is not valid {encoding} ({reason} at byte {read + at}); "
                                      "pass encoding=…", path=str(path)) from None
                if text.endswith("\n") or (len(text) > 1 and text[-2] == "\r"):
                    return _header_text(path, text, codec), read + at + 1
            read += len(block)
            if read > _MAX_HEADER:
                raise FormatError(f"no line break in the first {_MAX_HEADER:,} bytes: not a CSV file", path=str(path))
    return _header_text(path, text, codec), read


def _header_text(path: Path, text: str, codec: str) -> str:
    """The first line's text without its byte-order mark and line break; carriage-return-only files refused."""
    marks = len(text) - len(text.lstrip("\ufeff"))  # byte-order marks the codec left (utf-8-sig and utf-16 drop one)
    text = text.lstrip("\ufeff")
    if marks > (codec not in _MARK_DROPPING):
        raise FormatError("the file starts with two byte-order marks (U+FEFF, U+FEFF), which would make the first "
                          "column's name unreadable; remove the second", path=str(path))
    if "\r" in text.rstrip("\r\n"):
        raise FormatError("lines end with a carriage return alone (old Mac line endings); save the file with "
                          "\\n or \\r\\n line endings", path=str(path))
    return text.rstrip("\r\n")


def _codec(encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InvalidInputError(f"encoding: unknown encoding {encoding!r}", field="encoding", value=encoding) from None
    return "utf-8-sig" if name == "utf-8" else encoding


def file_codec(path: PathLike, encoding: str) -> str:
    """The codec a CSV file is decoded with: *encoding* (UTF-8 with or without a byte-order mark), or
    UTF-16 when the file starts with UTF-16's byte-order mark and *encoding* is UTF-8.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_bytes("lat\\tlon\\n".encode("utf-16"))
    >>> file_codec(path, "utf-8"), file_codec(path, "cp1252")
    ('utf-16', 'cp1252')
    """
    codec = _codec(encoding)
    if codec == "utf-8-sig":
        with open(path, "rb") as fh:
            if fh.read(len(codecs.BOM_UTF16_LE)) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                return "utf-16"
    return codec


def contains_nul(path: PathLike) -> bool:
    """Whether a file holds a NUL byte (read in chunks into one buffer; a C-speed search)."""
    buffer = bytearray(_NUL_SCAN_CHUNK)
    with open(path, "rb", buffering=0) as fh:
        while size := fh.readinto(buffer):
            if buffer.find(b"\x00", 0, size) >= 0:
                return True
    return False


def columns_by_name(header: Sequence[str]) -> dict[str, str]:
    """Lower-cased, stripped column name → the name as in the header (first wins).

    Examples
    --------
    >>> columns_by_name([" Lat", "lon", "LAT"])
    {'lat': 'Lat', 'lon': 'lon'}
    """
    out: dict[str, str] = {}
    for name in header:
        out.setdefault(name.strip().lower(), name.strip())
    return out


def require(path: PathLike, found: dict[str, str], needed: Sequence[str], layout: str) -> None:
    """Raise :class:`FormatError` naming the first column of *needed* the file lacks."""
    missing = [c for c in needed if c not in found]
    if missing:
        raise FormatError(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))} "
            f"(a {layout} file needs {', '.join(needed)})",
            path=str(path),
            column=missing[0],
        )


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class _CsvFile:
    """How one CSV file is to be parsed: what :func:`load_csv` found before parsing it."""

    path: Path
    delimiter: str
    encoding: str
    skip_spaces: bool
    names: list[str]
    has_nul: bool

    def dtypes(self, columns: dict[str, str], text: Collection[str], *, strict: bool) -> dict[str, Any]:
        """pandas' ``dtype=`` for the file's columns, keyed by their (stripped) names.

        A clean read (*strict* decoding, no NUL) reads free text as plain Python
        strings (pandas' "str" dtype costs a conversion); a read that keeps bytes
        not in the encoding (as surrogates, which pandas' Arrow-backed "str" cannot
        hold) reads every column so. Every other column is
        read as ``str`` and made categorical after (by :func:`load_csv`):
        pandas' own ``"category"`` dtype infers the categories' type, so that a
        location ``007`` would read back as ``7.0`` when another row holds
        ``1e5``, and an actor ``TRUE`` as ``True``.
        """
        final = strict and not self.has_nul
        rename: dict[str, list[str]] = {}
        for name, actual in columns.items():
            rename.setdefault(actual, []).append(name)
        dtype: dict[str, Any] = {}
        for actual, names in rename.items():
            kind: Any = object if not strict or (final and any(n in text for n in names)) else str
            dtype[actual] = kind
        dtype[_MORE] = str
        return dtype

    def parse(self, columns: dict[str, str], text: Collection[str], *,
              strict: bool) -> tuple[pd.DataFrame, list[warnings.WarningMessage]]:
        """The frame of the wanted columns, and the parser's warnings (bad lines).

        The header's names are given (stripped) with one more, :data:`_MORE`,
        which holds the first field a row has beyond the header's: pandas
        drops such fields without a word when it reads only some columns.
        """
        import pandas as pd

        usecols = {*columns.values(), _MORE}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = pd.read_csv(
                io.BufferedReader(_Spliced(self.path, *self.wide_row())),
                sep=self.delimiter,
                names=[*self.names, _MORE],
                header=0,
                usecols=lambda c: c in usecols,
                dtype=self.dtypes(columns, text, strict=strict),
                keep_default_na=False,
                na_values=[""],
                encoding=file_codec(self.path, self.encoding),
                encoding_errors="strict" if strict else "surrogateescape",
                on_bad_lines="warn",
                skipinitialspace=self.skip_spaces,
            )
        return frame, caught

    def arrow_ready(self) -> bool:
        """Whether pyarrow's parser may read the file (:func:`~geoconflict.readers.arrowcsv.arrow_frame` then
        checks its records): UTF-8, no NUL byte, no spaces to drop, more than one column."""
        return (file_codec(self.path, self.encoding) == "utf-8-sig" and not self.has_nul and not self.skip_spaces
                and len(self.names) > 1)

    def wide_row(self) -> tuple[int, bytes]:
        """Where the header ends (bytes), and a blank row one field wider than the header, in the file's encoding.

        pandas takes the number of fields from the first rows it reads, and
        refuses the extra name :data:`_MORE` unless one of them is that wide;
        this row, spliced in after the header, is; :func:`load_csv` drops it.
        """
        codec = file_codec(self.path, self.encoding)
        codec = _utf16(self.path) if codec == "utf-16" else codec.replace("utf-8-sig", "utf-8")
        at = _header_line(self.path, self.encoding)[1]
        start = "\n" if at >= self.path.stat().st_size else ""  # a header-only file may end without a line break
        return at, (start + self.delimiter * len(self.names) + "\n").encode(codec)

    def read(self, columns: dict[str, str],
             text: Collection[str]) -> tuple[pd.DataFrame, list[warnings.WarningMessage], bool]:
        """``(frame, warnings, strict)``: decoded strictly when every byte is in the encoding."""
        import pandas as pd

        try:
            try:
                return (*self.parse(columns, text, strict=True), True)
            except UnicodeDecodeError:  # some bytes are not in the encoding: read again, keeping them to report
                return (*self.parse(columns, text, strict=False), False)
        except (pd.errors.ParserError, UnicodeError, ValueError) as exc:
            raise FormatError(f"cannot parse the file as CSV: {exc}", path=str(self.path)) from None


def load_csv(
    path: PathLike,
    columns: dict[str, str],
    *,
    text: Iterable[str] = (),
    encoding: str = "utf-8",
    skip_spaces: bool = False,
    parser: str = "auto",
) -> tuple[pd.DataFrame, Problems]:
    """Read the chosen columns of a CSV file into a frame, with the problems found so far.

    Parameters
    ----------
    path : path-like
    columns : dict
        Name to give each column → the column's name in the file's header.
    text : iterable of str
        Columns (by given name) of free text, kept as one string per row; every
        other column is categorical.
    encoding : str
        The file's encoding; UTF-8 (with or without a byte-order mark) by default.
    skip_spaces : bool
        Drop spaces after each separator (hand-made files: ``lat, lon``).
    parser : {"auto", "pandas"}
        ``"auto"`` (the default) parses a UTF-8 file with pyarrow's multithreaded
        parser when every record has the header's width
        (:func:`~geoconflict.readers.arrowcsv.arrow_frame`), the same frame
        pandas' parser gives; any other file, and every file with ``"pandas"``,
        with pandas' C parser, which finds and reports the bad lines and bytes.

    Returns
    -------
    frame : pandas.DataFrame
        Columns named as the keys of *columns*; missing cells are NaN.
    problems : Problems
        Lines with the wrong number of fields, cells that do not decode in
        *encoding*, cells containing NUL characters.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_bytes(b"place,note\\nSudzha,ok\\nSudzha,caf\\xe9\\n")
    >>> frame, problems = load_csv(path, {"place": "place", "note": "note"}, text=["note"])
    >>> frame["place"].dtype.name, frame["note"].tolist()
    ('category', ['ok', nan])
    >>> for problem in problems.resolve("skip"):
    ...     print(problem)
    row 2, column 'note': bytes b'\\xe9' in 'caf�' are not valid utf-8 (mixed encodings?); fix the file ...
    """
    import pandas as pd

    if parser not in PARSERS:
        raise InvalidInputError(f"parser: {parser!r} is not one of {', '.join(PARSERS)}", field="parser", value=parser)
    path = Path(path)
    source = _csv_source(path, encoding, skip_spaces)
    names, delimiter = source.names, source.delimiter
    text = set(text)
    if parser == "auto" and source.arrow_ready():
        clean = arrow_frame(path, names, columns, text=text, delimiter=delimiter)
        if clean is not None:  # every record as wide as the header, every byte UTF-8: no problem to report
            return clean, Problems(path, _row_numbers(len(clean), []))
    frame, caught, strict = source.read(columns, text)
    frame = frame.iloc[1:].reset_index(drop=True)  # the blank wide row spliced in after the header
    more = frame.pop(_MORE).notna().to_numpy()
    skipped = _skipped_lines(caught)
    problems = Problems(path, _row_numbers(len(frame), [p.row for p in skipped if p.row is not None]))
    for p in skipped:
        problems.add_problem(p)
    more = more | _wider_rows(source, problems.rows, len(frame) + len(skipped))
    problems.add(more, None, f"the row has more fields than the header's {len(names)} (a cell with an unquoted "
                 f"{_DELIMITER_NAMES.get(delimiter, delimiter)}?); its extra fields would be lost")
    cut = _cut_short(source)
    if cut is not None and len(frame):
        problems.add_row(len(frame) - 1, *cut)
    out = pd.DataFrame(index=frame.index)
    for name, actual in columns.items():
        out[name] = frame[actual]
    for name in out.columns:
        if not strict or source.has_nul:
            _clear_bad_cells(out, name, problems, encoding=encoding, surrogates=not strict, nul=source.has_nul)
        if name not in text:
            out[name] = out[name].astype("category")
    return out, problems


def arrow_readable(path: PathLike, *, encoding: str = "utf-8") -> tuple[list[str], str] | None:
    """The header's names and the delimiter of a file pyarrow's parser may read (UTF-8, no NUL byte, more than one
    column: what :func:`load_csv` hands :func:`~geoconflict.readers.arrowcsv.arrow_frame`); None for any other."""
    source = _csv_source(Path(path), encoding, False)
    return (source.names, source.delimiter) if source.arrow_ready() else None


def _csv_source(path: Path, encoding: str, skip_spaces: bool) -> _CsvFile:
    """What :func:`load_csv` finds before parsing a file: its header, delimiter and whether it holds NUL bytes."""
    names, delimiter = read_header(path, encoding=encoding)
    wide = file_codec(path, encoding).startswith(("utf-16", "utf-32"))  # NUL bytes in every character
    return _CsvFile(path, delimiter, encoding, skip_spaces, names, wide or contains_nul(path))


def _wider_rows(source: _CsvFile, numbers: np.ndarray, rows: int) -> np.ndarray:
    """Which of the frame's rows (data row *numbers*) have more fields than the header.

    pandas ignores such fields when it reads only some columns, and its extra
    column :data:`_MORE` holds only the first of them, so that a row whose first
    extra field is empty would lose the others without a word: every record's
    fields are counted in the file itself (:func:`~geoconflict.readers.fields.record_widths`),
    and a row of two or more extra fields is one of them. A row of one extra
    field is judged by :data:`_MORE` alone: an empty one (a trailing delimiter,
    as some exporters write) loses nothing.
    """
    widths = record_widths(source.path, codec=file_codec(source.path, source.encoding),
                           delimiter=source.delimiter, skip_spaces=source.skip_spaces)
    if len(widths) != rows + _HEADER_LINES:
        raise FormatError(f"the file's records could not be counted ({len(widths) - _HEADER_LINES} by its line breaks "
                          f"and quotes, {rows} by the CSV parser): a header cell holding a line break, or quotes "
                          "that do not pair?", path=str(source.path))
    # one extra field is judged by its content (:data:`_MORE`): a trailing delimiter ("1,2,3,") loses nothing
    wide = np.flatnonzero(widths[_HEADER_LINES:] > len(source.names) + 1) + 1  # data row numbers
    return np.isin(numbers, wide)


def _cut_short(source: _CsvFile) -> tuple[str, str] | None:
    """``(column, message)`` when the file ends in the middle of its last row, else None.

    A file cut off (a download or a copy interrupted) ends without a line
    break, in a row with fewer fields than the header: its missing cells would
    read as empty ones. A last line that is part of a quoted cell spanning lines
    (an odd number of quotes) is not judged.
    """
    codec = file_codec(source.path, source.encoding)
    if codec == "utf-16":  # read from the middle: the byte order is the byte-order mark's
        codec = _utf16(source.path)
    size = source.path.stat().st_size
    with open(source.path, "rb") as fh:
        fh.seek(max(0, size - _TAIL_BYTES) // 2 * 2)  # even: UTF-16 stays aligned
        tail = fh.read().decode(codec, "replace")
    if not tail or tail.endswith(("\n", "\r")):
        return None
    last = tail.replace("\r\n", "\n").replace("\r", "\n").rsplit("\n", 1)[-1]
    if not last.strip() or last.count('"') % 2:
        return None
    fields = next(csv.reader([last], delimiter=source.delimiter))
    header = source.names
    if len(fields) >= len(header):
        return None
    return (header[len(fields)], f"the file ends in the middle of this row ({len(fields)} of "
            f"{len(header)} fields, no line break after it): a truncated file?")


def _utf16(path: Path) -> str:
    """The byte order of a UTF-16 file, from its byte-order mark."""
    with open(path, "rb") as fh:
        return "utf-16-le" if fh.read(len(codecs.BOM_UTF16_LE)) == codecs.BOM_UTF16_LE else "utf-16-be"


class _Spliced(io.RawIOBase):
    """A file's bytes with *insert* spliced in after its first *at* bytes (read as a stream by pandas)."""

    def __init__(self, path: Path, at: int, insert: bytes):
        super().__init__()
        self._file = open(path, "rb")  # closed with this stream
        self._head = memoryview(self._file.read(at) + insert)

    def readable(self) -> bool:
        """It is."""
        return True

    def readinto(self, buffer: Any) -> int:  # a writable buffer (memoryview)
        """Fill *buffer* from the head, then from the file."""
        if len(self._head):
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        return self._file.readinto(buffer)

    def close(self) -> None:
        """Close the file too."""
        self._file.close()
        super().close()


def _skipped_lines(caught: Iterable[warnings.WarningMessage]) -> list[RowProblem]:
    """The lines pandas' parser left out (too many fields), from its warnings."""
    skipped: list[RowProblem] = []
    for w in caught:
        for line, want, saw in _BAD_LINE.findall(str(w.message)):
            skipped.append(
                RowProblem(int(line) - _HEADER_LINES - _SPLICED, None,
                           f"line {line} has {saw} fields; the header has {want}")
            )
    return skipped


def _clear_bad_cells(frame: pd.DataFrame, name: str, problems: Problems, *, encoding: str, surrogates: bool,
                     nul: bool) -> None:
    """Report the cells of column *name* with bytes not in *encoding* or NUL characters, and blank them."""
    column = frame[name]
    if surrogates:
        bad = column.str.contains(_SURROGATES, na=False).to_numpy(dtype=bool)
        if bad.any():
            problems.add(bad, name, np.array([_encoding_message(v, encoding) for v in column[bad]], dtype=object))
            frame.loc[bad, name] = np.nan
    if nul:
        bad = column.str.contains("\x00", regex=False, na=False).to_numpy(dtype=bool)
        if bad.any():
            problems.add(bad, name, "the cell contains a NUL character")
            frame.loc[bad, name] = np.nan


def _encoding_message(value: str, encoding: str) -> str:
    raw = value.encode("utf-8", "surrogateescape")
    bad = bytes(ord(c) - _SURROGATE_BASE for c in value if "\udc80" <= c <= "\udcff")[:_SHOWN_BYTES]
    shown = raw.decode("utf-8", "replace")
    return (
        f"bytes {bad!r} in {shown[:_SHOWN_CHARS]!r} are not valid {encoding} (mixed encodings?); "
        "fix the file or pass encoding= with its real encoding"
    )


def _row_numbers(n: int, skipped: Sequence[int]) -> np.ndarray:
    """The data row numbers of a frame's *n* rows, around the rows the parser *skipped*."""
    if not skipped:
        return np.arange(1, n + 1, dtype=np.int64)
    every = np.arange(1, n + len(skipped) + 1, dtype=np.int64)
    return every[~np.isin(every, np.asarray(skipped))][:n]


def load_layout(
    path: PathLike,
    required: Sequence[str],
    optional: Sequence[str],
    *,
    layout: str,
    text: Iterable[str] = (),
    encoding: str = "utf-8",
) -> tuple[pd.DataFrame, Problems]:
    """:func:`load_csv` of a file in a known *layout* (``"ACLED"``, ``"UCDP GED"``).

    The header must have every *required* column (:func:`require` raises
    :class:`FormatError` naming the first it lacks); those and the *optional*
    columns it has are read, each named as in the layout, whatever its case in the file.
    """
    path = Path(path)
    header, _ = read_header(path, encoding=encoding)
    found = columns_by_name(header)
    require(path, found, required, layout)
    columns = {c: found[c] for c in (*required, *optional) if c in found}
    return load_csv(path, columns, text=text, encoding=encoding)
