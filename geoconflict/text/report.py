"""Reading a report: text (or a file, or bytes, or HTML) → :class:`Report`.

A report is the unit :func:`geoconflict.extract` works on: its plain text, the
title and publication date taken from a header when there is one, and where it
came from. Character offsets reported by the extractor index :attr:`Report.text`.

Recognised headers (first lines of the text):

* the seed's one-line header
  ``" date 2024-08-14 Title … Wednesday, August 14, 2024 10:00:23 PM"``;
* ``Date: 2024-08-14`` / ``Published: August 14, 2024`` lines (with an optional
  ``Title:`` line);
* a first line that is a date, maybe followed by a dash and the headline:
  ``August 14, 2024 — Title``, ``14 August 2024``, ``2024-08-14 - Title``;
* in HTML, ``<title>`` or the first ``<h1>`` and an ``article:published_time``
  ``<meta>`` or a ``<time datetime=…>``.

A report without a recognisable date needs ``published=``; an explicit
``published=`` always wins over the header.

A report holds no NUL character and no lone UTF-16 surrogate (no file format
could store them): either is refused with its line and column.

Examples
--------
>>> report = read_report("seeds/000_84a8b2256f18f56d.txt")
>>> report.published.isoformat(), report.title[:40]
('2024-08-14', 'Lithuania: Russia redeploys troops from ')
>>> report.text[report.body_start:].startswith("Lithuania has observed")
True
>>> read_report("Troops left Goma.", published="2025-01-27").published.isoformat()
'2025-01-27'
"""

from __future__ import annotations

import codecs
import errno
import html
import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from geoconflict.errors import DateError, InvalidInputError
from geoconflict.lang.en import MONTHS, WEEKDAYS
from geoconflict.model._checks import UNWRITABLE

__all__ = ["MAX_REPORT_BYTES", "Report", "read_report"]

#: Larger inputs are refused with a clear error (the extractor is linear, but a
#: 1 GB "report" is almost certainly a mistake).
MAX_REPORT_BYTES = 256 * 1024 * 1024
#: a one-line string longer than this is text, not a file name
_MAX_PATH_LENGTH = 4096
#: no file system in use takes a longer file name (ext4, XFS, Btrfs, tmpfs: 255 bytes; NTFS: 255 UTF-16 units;
#: APFS: 255 UTF-8 bytes): a one-line text this long without a separator names no file
_NAME_MAX = 255
#: a one-liner that is clearly a file name
_FILE_NAME = re.compile(r"[^\s<>]*\.(?:txt|html?|md|text)", re.IGNORECASE)
#: the errors ``Path.is_file`` takes for "no file there" (errno, and Windows' own codes)
_NOTHING_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})
_NOTHING_THERE_WINDOWS = frozenset({21, 123, 1921})
#: the head of a text searched for HTML tags, and the sample of a text checked for binary data
_HTML_SNIFF, _SAMPLE = 4096, 65536
_UTF16_ZEROS = 0.9  # of every other byte zero: ASCII-heavy UTF-16 text without a byte-order mark
#: more control characters than this (and than 1 in _CONTROL_SHARE of the sample) make a text binary
_CONTROL_COUNT, _CONTROL_SHARE = 8, 100
#: "Key: value" header lines read at most
_HEADER_LINES = 6
#: how many ``published=`` strings keep the date read from them
_PUBLISHED_KEPT = 1024

_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_RE = "|".join(MONTHS)
_WEEKDAY_RE = "|".join(WEEKDAYS)

# " date 2024-08-14 Title Wednesday, August 14, 2024 10:00:23 PM"
_SEED_HEADER = re.compile(
    rf"""^[ \t]*date[ \t]+(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})[ \t]+(?P<title>.*?)
    (?:[ \t]+(?:{_WEEKDAY_RE}),[ \t]+(?:{_MONTH_RE})[ \t]+\d{{1,2}},[ \t]+\d{{4}}
       (?:[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ \t]*[AP]M)?)?)?[ \t]*$""",
    re.VERBOSE | re.MULTILINE,
)
_FIELD = re.compile(r"^[ \t]*(?P<key>date|published|dateline|title)[ \t]*:[ \t]*(?P<value>.+?)[ \t]*$",
                    re.IGNORECASE | re.MULTILINE)
_LONG_DATE = re.compile(
    rf"(?:(?:{_WEEKDAY_RE}),?\s+)?(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE})\s+(?P<year2>\d{{4}})",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "August 1, 2024 — Title", "1 August 2024", "2024-08-01 - Title": a first line that is a date,
# maybe followed by a dash and the headline
_DATE_LINE = re.compile(
    rf"""^[ \t]*(?P<when>(?:(?:{_WEEKDAY_RE}),?[ \t]+)?(?:{_MONTH_RE})\.?[ \t]+\d{{1,2}},?[ \t]+\d{{4}}
        |\d{{1,2}}[ \t]+(?:{_MONTH_RE})[ \t]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})
        (?:[ \t]*[—–-]+[ \t]*(?P<title>.*?))?[ \t]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_HTML_HINT = re.compile(r"<\s*(?:html|body|p|div|article|h1|br|!doctype)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Report:
    """One report, ready for extraction.

    Attributes
    ----------
    text : str
        The whole plain text (header included; HTML already turned into text;
        line ends normalised to ``\\n``). Spans index this string.
    body : str
        The text after the header (``text[body_start:]``).
    title : str or None
    published : date
        Publication date; relative dates ("the previous day") count from it.
    source : str or None
        Who or what the report is (an outlet, a file name).
    path : Path or None
        The file it was read from.
    body_start : int
        Offset of :attr:`body` in :attr:`text`.
    """

    text: str
    body: str
    title: str | None
    published: date
    source: str | None = None
    path: Path | None = None
    body_start: int = 0

    def __repr__(self) -> str:
        title = (self.title or self.body[:40]).strip()
        return f"Report({title[:50]!r}, published={self.published.isoformat()}, {len(self.text):,} chars)"


def read_report(
    path_or_text: str | bytes | os.PathLike[str],
    *,
    published: date | datetime | str | None = None,
    source: str | None = None,
    encoding: str | None = None,
) -> Report:
    """Read a report from a file, a string or bytes.

    Parameters
    ----------
    path_or_text : str, bytes or path-like
        A path (a ``Path``, or a one-line string naming an existing file), the
        report's text, or its encoded bytes. HTML is turned into text.
    published : date or ISO string, optional
        The publication date; required when the text has no dated header.
    source : str, optional
        Who or what the report is; defaults to the file name.
    encoding : str, optional
        For bytes and files that are not UTF-8 (``"cp1252"``, ``"latin-1"``).

    Returns
    -------
    Report

    Raises
    ------
    InvalidInputError
        Empty, binary, non-UTF-8 (without ``encoding=``) or over-large input.
    DateError
        No date in the text and no ``published=``, or a bad ``published=``.
    FileNotFoundError
        A path that does not exist.

    Examples
    --------
    >>> r = read_report("Date: 2023-10-09\\nTitle: Strikes on Gaza\\n\\nIsraeli jets struck Gaza City.")
    >>> r.title, r.published.isoformat(), r.body
    ('Strikes on Gaza', '2023-10-09', 'Israeli jets struck Gaza City.')
    """
    text, path = _read_text(path_or_text, encoding)
    html_title = html_date = None
    if _HTML_HINT.search(text[:_HTML_SNIFF]):
        text, html_title, html_date = _html_to_text(text)
        text = text.rstrip()
    if not text.strip():
        raise InvalidInputError(f"{path or 'input'}: the report is empty", field="path_or_text")
    title, header_date, body_start = _parse_header(text)
    when = _publication_date(published, header_date or html_date, path)
    if source is not None and not isinstance(source, str):
        raise InvalidInputError(f"source: expected text, got {type(source).__name__}", field="source", value=source)
    source = (source or "").strip() or (path.name if path else None)
    return Report(text=text, body=text[body_start:], title=title or html_title, published=when, source=source,
                  path=path, body_start=body_start)


def _read_text(path_or_text: object, encoding: str | None) -> tuple[str, Path | None]:
    """The text of a report given as a path, text or bytes (decoded, line ends normalised), and its path."""
    path: Path | None = None
    raw: str | bytes
    if isinstance(path_or_text, os.PathLike) or (
        isinstance(path_or_text, str) and _looks_like_path(path_or_text)
    ):
        path = Path(path_or_text)
        raw = _read_file(path)
    elif isinstance(path_or_text, str | bytes | bytearray | memoryview):
        raw = bytes(path_or_text) if isinstance(path_or_text, bytearray | memoryview) else path_or_text
    else:
        raise InvalidInputError(
            f"path_or_text: expected a path, text or bytes, got {type(path_or_text).__name__}",
            field="path_or_text", value=path_or_text,
        )
    text = _decode(raw, encoding=encoding, where=str(path) if path else "input") if isinstance(raw, bytes) else raw
    if len(text) > MAX_REPORT_BYTES:
        raise InvalidInputError(f"report of {len(text):,} characters is larger than the limit",
                                field="path_or_text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").rstrip()
    _refuse_unwritable(text, str(path) if path else "input")
    bad = _control_characters(text)
    if bad:
        raise InvalidInputError(
            f"{path or 'input'}: looks like binary data, not a report ({bad} control characters)",
            field="path_or_text",
        )
    return text, path


def _read_file(path: Path) -> bytes:
    if not path.is_file():
        raise FileNotFoundError(f"report file {str(path)!r} not found")
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise InvalidInputError(f"{path}: {size:,} bytes is larger than the {MAX_REPORT_BYTES:,}-byte limit",
                                field="path_or_text", value=str(path))
    return path.read_bytes()


def _publication_date(published: object, found: date | None, path: Path | None) -> date:
    """The ``published=`` date if given, else the one *found* in the report, else :class:`DateError`."""
    if published is not None:
        return _as_date(published)
    if found is not None:
        return found
    raise DateError(
        f"{path or 'report'}: no publication date found in the text; pass published=YYYY-MM-DD "
        "(relative dates such as 'yesterday' count from it)",
        field="published",
    )


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > _MAX_PATH_LENGTH or not value.strip():
        return False
    if len(value) > _NAME_MAX and os.sep not in value and (os.altsep is None or os.altsep not in value):
        return False  # what asking the file system gives (a name too long), without the system call and its error
    try:
        if _is_file(value):
            return True
    except (OSError, ValueError):  # a name too long for the file system, or a NUL byte: text, not a path
        return False
    # a one-liner that is clearly a file name: refuse rather than read it as a report
    return bool(_FILE_NAME.fullmatch(value.strip()))


def _is_file(value: str) -> bool:
    """``Path(value).is_file()``, without making a ``Path`` of a one-line report that names no directory.

    Every report given as text is asked whether it names a file; making the
    ``Path`` cost more than the ``stat``. A name with no separator is its own
    ``Path`` spelling. As ``Path.is_file``: True for a regular file, False where
    nothing is there (or the name cannot be encoded), other errors raised.
    ``tests/test_report.py`` holds it equal to ``Path(value).is_file()``.
    """
    if os.sep in value or (os.altsep is not None and os.altsep in value):
        return Path(value).is_file()
    try:
        return stat.S_ISREG(os.stat(value).st_mode)
    except OSError as e:
        if e.errno in _NOTHING_THERE or getattr(e, "winerror", None) in _NOTHING_THERE_WINDOWS:
            return False
        raise
    except ValueError:  # a NUL byte, or not encodable
        return False


def _decode(raw: bytes, *, encoding: str | None, where: str) -> str:
    """*raw* as text: in *encoding*, else UTF-16 after its byte-order mark, else UTF-8 (``where`` names it in errors)."""
    if not raw.strip():
        raise InvalidInputError(f"{where}: the report is empty", field="path_or_text")
    nul = raw.find(b"\x00", 0, _SAMPLE)
    wide = encoding is not None and _wide(encoding)
    if nul >= 0 and not wide and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInputError(f"{where}: {_binary_or_utf16(raw[:_SAMPLE], nul)}", field="path_or_text")
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InvalidInputError(f"{where}: cannot decode as {encoding!r}: {exc}", field="encoding") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InvalidInputError(f"{where}: not UTF-16 although it starts with UTF-16's byte-order mark "
                                    f"({exc.reason} at byte {exc.start}; a truncated file?)",
                                    field="path_or_text") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"{where}: not UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start}); "
            "pass encoding='cp1252' (or the file's encoding) if it is text",
            field="path_or_text",
        ) from None


def _wide(encoding: str) -> bool:
    """Whether *encoding* has code units wider than a byte (UTF-16, UTF-32), so that text holds NUL bytes."""
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:  # decoding says so, naming the encoding
        return False


def _binary_or_utf16(sample: bytes, nul: int) -> str:
    """Why bytes with a NUL byte at *nul* are refused: UTF-16 without a byte-order mark, or binary data."""
    for order, start in (("utf-16-le", 1), ("utf-16-be", 0)):
        units = sample[start::2]
        if units and units.count(0) >= _UTF16_ZEROS * len(units) and b"\x00" not in sample[1 - start::2]:
            return (f"looks like {order.upper()} text without a byte-order mark; pass encoding={order!r}")
    return f"looks like binary data (a NUL byte at offset {nul}), not a text report"


def _refuse_unwritable(text: str, where: str) -> None:
    """An :class:`InvalidInputError` naming the place of the first NUL or lone surrogate in *text*."""
    if text.isascii() and "\x00" not in text:
        return  # a surrogate is not ASCII: without a NUL there is nothing to search for
    found = UNWRITABLE.search(text)
    if found is None:
        return
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    what = "a NUL character" if found.group() == "\x00" else f"a lone surrogate (U+{ord(found.group()):04X})"
    raise InvalidInputError(f"{where}: {what} at line {line}, column {column} (character {at}); "
                            "a report is text without them", field="path_or_text")


#: Control characters a text report does not contain: below space except \t \n \v \f, and DEL.
_CONTROL = re.compile("[\x00-\x08\x0d-\x1f\x7f]")


def _control_characters(text: str) -> int:
    """How many control characters the head of *text* has, when they are too many for a text (else 0)."""
    sample = text[:_SAMPLE]
    bad = len(_CONTROL.findall(sample))
    return bad if bad > max(_CONTROL_COUNT, len(sample) // _CONTROL_SHARE) else 0


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        found = _published_date(value)
        if found is not None:
            return found
    raise DateError(f"published: expected a date or 'YYYY-MM-DD', got {value!r}", field="published", value=value)


@lru_cache(maxsize=_PUBLISHED_KEPT)
def _published_date(value: str) -> date | None:
    """:func:`_find_date` of a ``published=`` string, remembered: a batch gives the same few dates again and again."""
    return _find_date(value)


def _find_date(text: str) -> date | None:
    """The first ISO or long-form date ("August 14, 2024", "14 August 2024") in *text*, or None."""
    m = _ISO_DATE.search(text)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _LONG_DATE.search(text)
        if m:
            month = m.group("month") or m.group("month2")
            day = m.group("day") or m.group("day2")
            year = m.group("year") or m.group("year2")
            return date(int(year), _MONTH_NUMBER[month.lower()], int(day))
    except (ValueError, KeyError):  # no calendar date; a month with a look-alike letter ("ſeptember")
        return None
    return None


def _parse_header(text: str) -> tuple[str | None, date | None, int]:
    """Title, date and the offset where the body starts."""
    lead = len(text) - len(text.lstrip("\n"))
    first_end = text.find("\n", lead)
    first_end = len(text) if first_end < 0 else first_end
    for pattern, group in ((_SEED_HEADER, "iso"), (_DATE_LINE, "when")):
        m = pattern.match(text, lead, first_end)
        when = _find_date(m.group(group)) if m else None
        if m and when is not None:
            return (m.group("title") or "").strip() or None, when, _skip_blank(text, first_end)
    # "Key: value" lines at the top
    title = when = None
    pos = lead
    end = lead
    for _ in range(_HEADER_LINES):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        fm = _FIELD.match(text, pos, line_end)
        if not fm:
            break
        key, value = fm.group("key").lower(), fm.group("value")
        if key == "title":
            title = value
        elif when is None:
            when = _find_date(value)
        end = line_end
        pos = line_end + 1
        if pos > len(text):
            break
    if end > lead:
        return title, when, _skip_blank(text, end)
    return None, None, lead


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


# ---------------------------------------------------------------------- HTML

_BLOCK = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr td th article section header footer blockquote title "
                   "ul ol table figcaption".split())
_SKIP = frozenset("script style noscript template svg head nav".split())
#: Table cells: each on its own line, so that neighbouring cells never run together.
_CELL = frozenset(("td", "th"))
#: Elements that start a new line rather than a new paragraph.
_LINE = frozenset(("br", "li", "tr")) | _CELL


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self.h1: str | None = None
        self.date: date | None = None
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and self.date is None:
            prop = (a.get("property") or a.get("name") or "").lower()
            if "published" in prop or prop in ("date", "dc.date", "article:published_time"):
                self.date = _find_date(a.get("content") or "")
        if tag == "time" and self.date is None and a.get("datetime"):
            self.date = _find_date(a["datetime"] or "")
        if tag in ("title", "h1") and self._in is None:
            self._in, self._buf = tag, []
        if tag in _SKIP and tag != "head":
            self.skip += 1
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag not in _LINE else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag != "head" and self.skip:
            self.skip -= 1
        if tag == self._in:
            value = " ".join("".join(self._buf).split()) or None
            if tag == "title" and self.title is None:
                self.title = value
            elif tag == "h1" and self.h1 is None:
                self.h1 = value
            self._in = None
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag not in _CELL else "\n")

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buf.append(data)
        if self.skip or self._in == "title":
            return
        self.parts.append(data)


def _html_to_text(markup: str) -> tuple[str, str | None, date | None]:
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError:  # html.parser's way of refusing a malformed declaration
        stripped = re.sub(r"<[^>]*>", " ", markup)
        return html.unescape(stripped), None, None
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, parser.h1 or parser.title, parser.date
