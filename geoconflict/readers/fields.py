"""How many fields each record of a CSV file has: a linear scan of its bytes, and the plain version it must equal.

pandas' C parser, when it reads only some columns, ignores the fields a row has
beyond the header's names without a word. :func:`record_widths` counts every
record's fields so that such rows can be reported
(:func:`geoconflict.readers.csvfile.load_csv`).

The scan (:func:`record_widths`) reads the file in chunks as numpy bytes:
a delimiter or a line break is structural when an even number of quote
characters stands before it (a doubled quote inside a quoted cell keeps the
parity), and a record's fields are its structural delimiters plus one. It
holds only where quotes open a field and close one; any other quote (``5"``,
``"a"b``) makes it hand the file to the plain version,
:func:`plain_record_widths`: Python's :mod:`csv` module, record by record,
which ``tests/test_fields.py`` holds equal to the scan on generated CSV text.

Records are counted as pandas counts rows: a line that is empty or holds only
spaces and tabs (other than the delimiter) is no record.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

__all__ = ["plain_record_widths", "record_widths", "scan_widths"]

CHUNK = 1 << 22  # bytes scanned at a time (4 MiB)
_QUOTE = ord('"')
_LF = ord("\n")
_CR = ord("\r")
_BLANK = " \t\r\n"  # what a line pandas skips as blank may hold (less the delimiter)
#: Codecs in which every byte below 0x80 is that ASCII character (scanned as they are; others as UTF-8).
_ASCII_SAFE = re.compile(r"(utf-8(-sig)?|ascii|iso8859-\d+|cp12\d\d|koi8-\w|mac-\w+)$")


class _StrayQuote(Exception):
    """A quote that neither opens nor closes a field: the scan cannot say what it means."""


def plain_record_widths(lines: Iterable[str], *, delimiter: str, skip_spaces: bool = False) -> np.ndarray:
    """The number of fields of each record, as Python's :mod:`csv` module reads them (the reference version).

    *lines* are the text's lines with their line breaks (a file opened with
    ``newline=""``). Blank lines are no records.

    Examples
    --------
    >>> import io
    >>> plain_record_widths(io.StringIO('a,b\\n"x,y",1,2\\n\\n  \\nz\\n', newline=""), delimiter=",").tolist()
    [2, 3, 1]
    """
    blank = _BLANK.replace(delimiter, "")
    consumed: list[str] = []

    def tracked() -> Iterator[str]:
        for line in lines:
            consumed.append(line)
            yield line

    widths = []
    for record in csv.reader(tracked(), delimiter=delimiter, skipinitialspace=skip_spaces):
        raw = "".join(consumed)
        consumed.clear()
        if raw.strip(blank):
            widths.append(len(record))
    return np.asarray(widths, dtype=np.int64)


class _Scan:
    """The state carried from one chunk to the next."""

    def __init__(self, delimiter: str):
        self.delimiter = ord(delimiter)
        self.blank = np.frombuffer(_BLANK.replace(delimiter, "").encode(), dtype=np.uint8)
        self.inside = 0  # 1 inside a quoted field
        self.fields = 0  # structural delimiters so far in the open record
        self.filled = False  # the open record holds something other than blanks
        self.prev = _LF  # the byte before the chunk (a record start)
        self.close_pending = False  # a closing quote ended the last chunk
        self.widths: list[np.ndarray] = []

    def chunk(self, b: np.ndarray) -> None:
        """Count the records that end in *b* (one chunk; a trailing CR is held back by the caller)."""
        if not len(b):
            return
        quotes = np.flatnonzero(b == _QUOTE)
        self._check_quotes(b, quotes)
        delims = np.flatnonzero(b == self.delimiter)
        ends = np.flatnonzero(b == _LF)
        cr = np.flatnonzero(b == _CR)
        cr = cr[b[np.minimum(cr + 1, len(b) - 1)] != _LF] if len(cr) else cr
        if len(cr):  # lone carriage returns end records too
            ends = np.sort(np.concatenate((ends, cr)))
        if len(quotes) or self.inside:
            ends = self._outside(ends, quotes)
        quoted = self._quoted_delimiters(delims, quotes, ends, len(b))
        self.inside = (self.inside + len(quotes)) & 1
        before = np.searchsorted(delims, ends)
        counts = np.diff(before, prepend=0) - quoted[:-1]
        if len(ends):
            counts[0] += self.fields
            filled = counts > 0
            if not filled.all():
                nonblank = (~np.isin(b[:ends[-1] + 1], self.blank)).view(np.uint8)
                filled |= np.maximum.reduceat(nonblank, np.concatenate(([0], ends[:-1] + 1))).astype(bool)
                filled[0] |= self.filled
            self.widths.append(counts[filled] + 1)
            self.fields, self.filled = 0, False
        tail = b[ends[-1] + 1:] if len(ends) else b
        self.fields += len(delims) - (int(before[-1]) if len(ends) else 0) - int(quoted[-1])
        self.filled = self.filled or bool((~np.isin(tail, self.blank)).any())
        self.prev = int(b[-1])

    def _quoted_delimiters(self, delims: np.ndarray, quotes: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
        """The delimiters inside quoted fields in each record ending in the chunk, and in the open one after them."""
        if not len(quotes) and not self.inside:
            return np.zeros(len(ends) + 1, dtype=np.int64)
        bounds = np.concatenate(([-1], quotes)) if self.inside else quotes
        opens, closes = bounds[0::2], np.append(bounds[1::2], size)[:len(bounds[0::2])]
        inside = np.searchsorted(delims, closes) - np.searchsorted(delims, opens, side="right")
        return np.bincount(np.searchsorted(ends, opens), weights=inside, minlength=len(ends) + 1).astype(np.int64)

    def _outside(self, positions: np.ndarray, quotes: np.ndarray) -> np.ndarray:
        """The *positions* outside quoted fields: an even number of quotes before them."""
        return positions[((self.inside + np.searchsorted(quotes, positions)) & 1) == 0]

    def _check_quotes(self, b: np.ndarray, quotes: np.ndarray) -> None:
        """Raise :class:`_StrayQuote` unless each quote opens a field, closes one, or is half of a doubled one."""
        if self.close_pending and b[0] not in (self.delimiter, _LF, _CR, _QUOTE):
            raise _StrayQuote
        self.close_pending = False
        if not len(quotes):
            return
        opening = ((self.inside + np.arange(len(quotes))) & 1) == 0
        at = quotes[opening]
        before = np.where(at > 0, b[np.maximum(at - 1, 0)], self.prev)
        if not np.isin(before, (self.delimiter, _LF, _CR, _QUOTE)).all():
            raise _StrayQuote
        at = quotes[~opening]
        last = bool(len(at)) and at[-1] == len(b) - 1
        self.close_pending = last
        after = b[at[:-1] + 1] if last else b[at + 1]
        if not np.isin(after, (self.delimiter, _LF, _CR, _QUOTE)).all():
            raise _StrayQuote

    def finish(self) -> np.ndarray:
        """The widths of every record, the last one (without a line break) included."""
        if self.filled or self.fields:
            self.widths.append(np.array([self.fields + 1]))
        return np.concatenate(self.widths) if self.widths else np.zeros(0, dtype=np.int64)


def scan_widths(chunks: Iterable[bytes], *, delimiter: str) -> np.ndarray:
    """The number of fields of each record of ASCII-compatible bytes given in *chunks* (the fast version).

    Raises :class:`_StrayQuote` for a quote the scan cannot place;
    :func:`record_widths` then reads the file with :func:`plain_record_widths`.

    Examples
    --------
    >>> scan_widths([b'a,b\\r\\n"x,', b'""y",1,2\\r', b'\\n\\r\\n'], delimiter=",").tolist()
    [2, 3]
    """
    scan = _Scan(delimiter)
    held = b""
    for chunk in chunks:
        data = held + chunk
        held = data[-1:] if data.endswith(b"\r") else b""  # a CR whose LF may start the next chunk
        scan.chunk(np.frombuffer(data[:len(data) - len(held)], dtype=np.uint8))
    scan.chunk(np.frombuffer(held, dtype=np.uint8))
    return scan.finish()


def _utf8_chunks(path: Path, codec: str, size: int) -> Iterator[bytes]:
    """The file's text in UTF-8, a chunk at a time (bytes not in *codec* kept as surrogates, as pandas keeps them)."""
    decoder = codecs.getincrementaldecoder(codec)("surrogateescape")
    with open(path, "rb") as fh:
        while chunk := fh.read(size):
            yield decoder.decode(chunk).encode("utf-8", "surrogatepass")
        yield decoder.decode(b"", final=True).encode("utf-8", "surrogatepass")


def _byte_chunks(path: Path, size: int) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(size):
            yield chunk


def record_widths(path: Path, *, codec: str, delimiter: str, skip_spaces: bool = False,
                  chunk: int = CHUNK) -> np.ndarray:
    """The number of fields of each record of a CSV file (its header first; blank lines are no records).

    Scanned in chunks of *chunk* bytes (:func:`scan_widths`): as they are in
    an ASCII-compatible *codec*, after decoding to UTF-8 in any other (UTF-16);
    a file with a quote the scan cannot place is read by :func:`plain_record_widths`.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_bytes(b'place,lat,lon\\nLviv,49.84,24.03,,extra\\n"Kyiv, city",50.45,30.52\\n')
    >>> record_widths(path, codec="utf-8", delimiter=",").tolist()
    [3, 5, 3]
    """
    chunks = _byte_chunks(path, chunk) if _ASCII_SAFE.match(codecs.lookup(codec).name) else \
        _utf8_chunks(path, codec, chunk)
    try:
        return scan_widths(chunks, delimiter=delimiter)
    except _StrayQuote:
        with open(path, encoding=codec, errors="surrogateescape", newline="") as fh:
            return plain_record_widths(fh, delimiter=delimiter, skip_spaces=skip_spaces)
