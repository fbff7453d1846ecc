"""GeoNames country dumps as supplements: ``geoconflict gazetteer add UA SY SD`` or ``... add PATH.zip``.

GeoNames publishes every place of a country in one tab-separated file
(``https://download.geonames.org/export/dump/XX.zip`` holding ``XX.txt``;
``allCountries.zip`` for the world), documented in the dump folder's
``readme.txt``. :func:`add_dump` downloads one (or reads a file carried to an
air-gapped machine), checks it, keeps its populated places (feature class
``P``) and first- to fourth-order administrative units (``ADM1`` to
``ADM4``) with their alternate names, admin-1 unit (joined to the embedded
units by GeoNames id) and population, and writes them as a supplement
(:mod:`~geoconflict.gazetteer.supplements`) that ``Gazetteer.default()``
loads. GeoNames data is CC-BY 4.0: attribute GeoNames when you publish what
you made with it.

The kept rows are read into memory before the supplement is written: a
country's dump takes seconds; ``allCountries`` (about 5 million kept rows)
needs several gigabytes.

The base URL is ``$GEOCONFLICT_GEONAMES_URL`` when set (a mirror, or a local
server in tests), else :data:`GEONAMES_URL`.

Examples
--------
>>> parse_line("\\t".join(["1", "Xa", "Xa", "", "1.5", "2.5", "P", "PPL", "UA"] + [""] * 10)).name
'Xa'
"""

from __future__ import annotations

import http.client
import io
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from geoconflict.errors import FormatError, InvalidInputError, ProviderError
from geoconflict.gazetteer.candidates import ADMIN1, ADMIN2, POPULATED_PLACE
from geoconflict.gazetteer.supplements import SupplementBuilder, SupplementInfo
from geoconflict.gazetteer.table import GazetteerTable
from geoconflict.gazetteer.user import SHOWN_PROBLEMS, _problems_error

__all__ = ["COLUMNS", "GEONAMES_URL", "GEONAMES_URL_ENV", "DumpRow", "add_dump", "download", "dump_line",
           "parse_line"]

#: Where GeoNames' dumps are
GEONAMES_URL = "https://download.geonames.org/export/dump/"
#: Another base URL for the dumps (a mirror; a local server in tests)
GEONAMES_URL_ENV = "GEOCONFLICT_GEONAMES_URL"
#: Columns of a line of a GeoNames dump (geonameid, name, asciiname, alternatenames, latitude, longitude,
#: feature class, feature code, country code, cc2, admin1-4 codes, population, elevation, dem, timezone, date)
COLUMNS = 19
#: Seconds to wait for the server to answer or send more
TIMEOUT_S = 60
#: Bytes read at a time while downloading
CHUNK_BYTES = 1 << 16
#: The licence of GeoNames' data, and the attribution it asks for
LICENCE = "CC-BY 4.0"
ATTRIBUTION = "Contains data from GeoNames (https://www.geonames.org/), CC-BY 4.0"
#: Feature codes kept besides feature class P, and the kind of place each is (third and fourth order are minor)
ADMIN_CODES = {"ADM1": (ADMIN1, False), "ADM2": (ADMIN2, False), "ADM3": (ADMIN2, True), "ADM4": (ADMIN2, True)}
POPULATED_CLASS = "P"
_CODE = re.compile(r"^[A-Za-z]{2}$")
_DUMP_MEMBER = re.compile(r"^(?:[A-Z]{2}|allCountries)\.txt$")
_ZIP_MAGIC = b"PK\x03\x04"
(_GID, _NAME, _ASCII, _ALT, _LAT, _LON, _CLASS, _CODE_COL, _CC, _CC2, _A1, _A2, _A3, _A4, _POP) = range(15)


@dataclass(frozen=True)
class DumpRow:
    """The fields of one kept line of a dump."""

    gid: int
    name: str
    ascii_name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    kind: int
    minor: bool
    cc: str
    admin1_code: str
    admin2_code: str
    pop: int


class _BadLine(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _number(text: str, column: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _BadLine(column, f"{text!r} is not a number") from None
    if not low <= value <= high:
        raise _BadLine(column, f"{value} is outside [{low}, {high}]")
    return value


def parse_line(line: str) -> DumpRow | None:
    """One line of a dump as a :class:`DumpRow`, None when its feature is not kept.

    Raises ``_BadLine`` (the column at fault and why) for a line that is not a dump's.
    """
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != COLUMNS:
        raise _BadLine("columns", f"{len(fields)} tab-separated columns, a GeoNames dump has {COLUMNS}")
    code = fields[_CODE_COL]
    if fields[_CLASS] == POPULATED_CLASS:
        kind, minor = POPULATED_PLACE, False
    elif code in ADMIN_CODES:
        kind, minor = ADMIN_CODES[code]
    else:
        return None
    if not fields[_GID].isdigit():
        raise _BadLine("geonameid", f"{fields[_GID]!r} is not a GeoNames id")
    name = fields[_NAME].strip()
    if not name:
        raise _BadLine("name", "empty")
    pop = fields[_POP].strip()
    if pop and not pop.isdigit():
        raise _BadLine("population", f"{pop!r} is not a whole number")
    alternates = tuple(a.strip() for a in fields[_ALT].split(",") if a.strip())
    return DumpRow(int(fields[_GID]), name, fields[_ASCII].strip(), alternates,
                   _number(fields[_LAT], "latitude", -90, 90), _number(fields[_LON], "longitude", -180, 180),
                   kind, minor, fields[_CC].strip().upper(), fields[_A1].strip(), fields[_A2].strip(),
                   int(pop or 0))


def dump_line(*, gid: int, name: str, lat: float, lon: float, feature: str, cc: str, alternates: tuple[str, ...] = (),
              ascii_name: str | None = None, admin1: str = "", admin2: str = "", population: str = "") -> str:
    """One line of a dump in GeoNames' format (all 19 columns; *feature* is ``class.code``, e.g. ``P.PPL``).

    For tests and benchmarks that write their own dumps; :func:`parse_line` reads it back.

    Examples
    --------
    >>> row = parse_line(dump_line(gid=7, name="Xa", lat=1.0, lon=2.0, feature="P.PPL", cc="UA", population="40"))
    >>> row.name, row.pop, row.kind == POPULATED_PLACE
    ('Xa', 40, True)
    """
    klass, _, code = feature.partition(".")
    fields = [str(gid), name, name if ascii_name is None else ascii_name, ",".join(alternates), f"{lat:.5f}",
              f"{lon:.5f}", klass, code, cc, "", admin1, admin2, "", "", population, "", "150", "Europe/Kyiv",
              "2024-01-01"]
    return "\t".join(fields)


def _read_rows(lines: IO[str], where: str) -> list[DumpRow]:
    """The kept rows of a dump's lines; every bad line is listed in one :class:`FormatError`."""
    rows: list[DumpRow] = []
    problems: list[tuple[int, str, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = parse_line(line)
        except _BadLine as exc:
            problems.append((number, exc.column, str(exc)))
            if len(problems) > SHOWN_PROBLEMS * 10:
                break  # not a dump: enough said
            continue
        if row is not None:
            rows.append(row)
    if problems:
        raise _problems_error(Path(where), "line", problems)
    return rows


def _open_dump(path: Path) -> tuple[IO[bytes], str, zipfile.ZipFile | None]:
    """The dump's text (a zip's ``XX.txt`` or ``allCountries.txt`` member, or a ``.txt``), and its name."""
    if path.suffix.lower() == ".txt":
        return open(path, "rb"), path.stem, None
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise FormatError(f"not a zip file ({exc}): expected a GeoNames dump such as UA.zip", path=str(path)) from None
    members = [m for m in archive.namelist() if _DUMP_MEMBER.match(Path(m).name)]
    if len(members) != 1:
        archive.close()
        raise FormatError(f"expected one GeoNames dump (XX.txt or allCountries.txt) in the zip, found "
                          f"{', '.join(archive.namelist()) or 'nothing'}", path=str(path))
    return archive.open(members[0]), Path(members[0]).stem, archive


def read_dump(path: str | os.PathLike[str]) -> tuple[str, list[DumpRow]]:
    """The name (``UA``, ``allCountries``) and kept rows of a dump file (``.zip`` or ``.txt``)."""
    path = Path(path)
    if not path.is_file():
        raise FormatError("no such file (a GeoNames dump, XX.zip or XX.txt, was expected)", path=str(path))
    raw, stem, archive = _open_dump(path)
    try:
        with io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
            rows = _read_rows(text, str(path))
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise FormatError(f"the zip is damaged or cut short ({exc}): download it again", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text ({exc}): not a GeoNames dump", path=str(path)) from None
    finally:
        if archive is not None:
            archive.close()
    return stem, rows


# --------------------------------------------------------------------------- download


def dump_url(code: str, base_url: str | None = None) -> str:
    """The URL of country *code*'s dump."""
    base = base_url or os.environ.get(GEONAMES_URL_ENV) or GEONAMES_URL
    return f"{base.rstrip('/')}/{code.upper()}.zip"


def download(code: str, destination: Path, *, base_url: str | None = None, progress: bool | None = None) -> Path:
    """Download country *code*'s dump into the folder *destination*, with a progress bar; the file's path.

    Raises
    ------
    ProviderError
        Offline, the server refuses, or the answer is cut short or not a zip.
    """
    from tqdm import tqdm

    url = dump_url(code, base_url)
    target = destination / f"{code.upper()}.zip"
    try:
        response = urllib.request.urlopen(url, timeout=TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        raise ProviderError(f"{url}: the server answered HTTP {exc.code} ({exc.reason}); is {code!r} a country "
                            "code GeoNames has a dump for?") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise ProviderError(f"could not download {url} ({getattr(exc, 'reason', exc)}). Offline? Download the "
                            f"file on a machine with a network and run `geoconflict gazetteer add "
                            f"{code.upper()}.zip` here") from None
    with response, open(target, "wb") as out:
        expected = int(response.headers.get("Content-Length") or 0) or None
        received = 0
        with tqdm(total=expected, unit="B", unit_scale=True, desc=f"{code.upper()}.zip",
                  disable=None if progress is None else not progress) as bar:
            try:
                while chunk := response.read(CHUNK_BYTES):
                    out.write(chunk)
                    received += len(chunk)
                    bar.update(len(chunk))
            except (OSError, ValueError, http.client.HTTPException) as exc:
                raise ProviderError(f"{url}: the download broke off after {received:,} bytes ({exc})") from None
    _check_download(url, target, expected, received)
    return target


def _check_download(url: str, target: Path, expected: int | None, received: int) -> None:
    if expected is not None and received != expected:
        raise ProviderError(f"{url}: the download broke off after {received:,} of {expected:,} bytes; try again")
    with open(target, "rb") as fh:
        head = fh.read(len(_ZIP_MAGIC))
    if head != _ZIP_MAGIC:
        raise ProviderError(f"{url}: the answer ({received:,} bytes starting {head!r}) is not a zip file: "
                            "is the base URL a GeoNames dump folder?")


# --------------------------------------------------------------------------- adding


def _admin1_of(table: Any, rows: list[DumpRow]) -> dict[tuple[str, str], tuple[int, str]]:
    """``(country, admin-1 code)`` -> (GeoNames id, name) of the dump's ADM1 units (the embedded polygons' codes
    stand in for a dump without them)."""
    units = {(r.cc, r.admin1_code): (r.gid, r.name) for r in rows if r.kind == ADMIN1 and not r.minor}
    from geoconflict._data import polygons

    try:
        level = polygons("admin1")
        gids = table._detail["gid"]
        for code, place in zip(level.code.tolist(), level.place.tolist()):
            cc, _, a1 = str(code).partition(".")
            if (cc, a1) not in units and gids[place] > 0:
                units[(cc, a1)] = (int(gids[place]), table._name(place))
    except (OSError, KeyError):
        pass  # no polygons installed: the dump's own units only
    return units


def _builder(table: Any, rows: list[DumpRow]) -> SupplementBuilder:
    admin1 = _admin1_of(table, rows)
    admin2 = {(r.cc, r.admin1_code, r.admin2_code): r.name for r in rows if r.kind == ADMIN2 and not r.minor}
    builder = SupplementBuilder(table)
    for r in rows:
        a1_gid, a1_name = admin1.get((r.cc, r.admin1_code), (0, ""))
        builder.add(gid=r.gid, kind=r.kind, minor=r.minor, lat=r.lat, lon=r.lon, cc=r.cc, pop=r.pop,
                    admin1_gid=a1_gid if r.kind != ADMIN1 else 0, name=r.name, admin1=a1_name if r.kind != ADMIN1 else "",
                    admin2=admin2.get((r.cc, r.admin1_code, r.admin2_code), "") if r.kind == POPULATED_PLACE else "",
                    alternates=(r.ascii_name, *r.alternates))
    return builder


def add_dump(source: str | os.PathLike[str], *, table: Any = None, base_url: str | None = None,
             directory: str | os.PathLike[str] | None = None, progress: bool | None = None) -> SupplementInfo:
    """Add a GeoNames dump as a supplement: *source* is a country code (downloaded) or a ``.zip``/``.txt`` file.

    Parameters
    ----------
    source : str or path-like
        ``"UA"`` (downloads ``UA.zip`` from ``base_url``), or a dump file carried to this machine.
    table : Gazetteer, optional
        The gazetteer the places join (default: the embedded one).
    base_url : str, optional
        Where the dumps are (default ``$GEOCONFLICT_GEONAMES_URL``, else GeoNames).
    directory : path-like, optional
        The data directory (default: the user's, see :mod:`~geoconflict.gazetteer.supplements`).
    progress : bool, optional
        Show a progress bar (default: when standard error is a terminal).

    Raises
    ------
    ProviderError
        The download failed (offline, HTTP error, cut short, not a zip).
    FormatError
        The file is not a GeoNames dump (not a zip, no ``XX.txt`` in it, lines without 19 columns, bad numbers).
    InvalidInputError
        *source* is neither a two-letter country code nor an existing file.
    """
    if table is None:
        table = GazetteerTable()
    text = str(source)
    if Path(text).is_file():
        name, rows = read_dump(text)
        where = str(Path(text).resolve())
    elif _CODE.match(text):
        if text.upper() not in table._country_rows:
            raise InvalidInputError(f"{text!r} is not the ISO code of a country the gazetteer knows",
                                    field="country", value=text)
        scratch = Path(tempfile.mkdtemp(prefix="geoconflict-dump-"))
        try:
            path = download(text, scratch, base_url=base_url, progress=progress)
            name, rows = read_dump(path)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        where = dump_url(text, base_url)
    else:
        raise InvalidInputError(f"{text!r} is neither a two-letter country code nor a dump file (XX.zip, XX.txt)",
                                field="source", value=text)
    builder = _builder(table, rows)
    return builder.write(name, source=f"GeoNames dump {where}", licence=LICENCE, attribution=ATTRIBUTION,
                         directory=directory)
