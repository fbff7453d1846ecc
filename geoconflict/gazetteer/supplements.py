"""Supplements: places added to the embedded gazetteer on this machine, kept in the user data directory.

A supplement is built once, by ``geoconflict gazetteer add`` (or
:func:`geoconflict.gazetteer.geonames_dump.add_dump`,
:func:`geoconflict.gazetteer.ru_settlements.build`), from a source the user
chose: a GeoNames country dump, or the Russian settlements of an installed
package. It is one ``NAME.npz`` file in :func:`supplement_dir` holding columns
ready to append to the gazetteer (names already folded into look-up keys), so
:meth:`Gazetteer.default() <geoconflict.gazetteer.index.Gazetteer.default>`
loads every installed supplement with the embedded data in a few numpy reads.

Where
-----
``$GEOCONFLICT_DATA_DIR/gazetteer/`` when that environment variable is set,
else ``platformdirs.user_data_dir("geoconflict")/gazetteer/`` (on Linux
``~/.local/share/geoconflict/gazetteer/``). Set ``GEOCONFLICT_NO_SUPPLEMENTS=1``
for ``Gazetteer.default()`` to ignore them; ``Gazetteer()`` is always the
embedded data alone.

Same place, not a second one
----------------------------
A row whose GeoNames id is already a row of the gazetteer (embedded, or of a
supplement loaded before it) is that place: its new spellings become alternate
names of that row, and no row is added. The check is made when the supplement
is loaded, so a supplement stays right when the embedded gazetteer is rebuilt.
A row without a GeoNames id (the Russian settlements) is matched when it is
built: the same name within :data:`SAME_PLACE_KM` of an embedded populated
place of the same country is that place.

Scanning
--------
Every Latin or Cyrillic spelling of a supplement's places (name and alternate
names, three letters or more) is scanned for in text, whatever the place's
population: the embedded gazetteer scans alternate names only of places of
1,000 people or more, but a supplement is a country the user asked for, and
its villages are reported under their other spellings (the Russian-derived
forms of Ukrainian names, the plainer romanisations of Russian ones).

Ranking
-------
Added places rank as embedded places of their kind and population would
(there is no bonus, unlike your own places of
:mod:`~geoconflict.gazetteer.user`), except third- and fourth-order units
(a Ukrainian hromada, a French commune), which are named after their centre:
they rank :data:`MINOR_UNIT_PENALTY` below other second-order units, so the
settlement wins over the unit named after it.

Examples
--------
>>> import tempfile
>>> infos = installed(directory=tempfile.mkdtemp())
>>> infos
[]
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from geoconflict._files import replacing
from geoconflict.errors import DataNotFoundError, FormatError, InvalidInputError
from geoconflict.gazetteer.candidates import (
    ADMIN2,
    ALTERNATE_NAME,
    KIND_SCORE,
    KINDS,
    POPULATED_PLACE,
    PRIMARY_NAME,
)
from geoconflict.gazetteer.user import AddedRows, name_keys, prior_importance
from geoconflict.model import Place
from geoconflict.text.normalize import fold, scan_fold, stable_hash

__all__ = ["DATA_DIR_ENV", "IGNORE_ENV", "MINOR_UNIT_PENALTY", "SAME_PLACE_KM", "SupplementBuilder",
           "SupplementInfo", "installed", "load_supplements", "remove", "supplement_dir"]

#: The user data directory (supplements go in its ``gazetteer/`` folder); for tests and shared installs
DATA_DIR_ENV = "GEOCONFLICT_DATA_DIR"
#: Set (to anything but ``0`` or empty) for ``Gazetteer.default()`` to load no supplement
IGNORE_ENV = "GEOCONFLICT_NO_SUPPLEMENTS"
#: The folder of the data directory that holds the supplements
SUPPLEMENT_FOLDER = "gazetteer"
#: The file format of a supplement; a file of another version is rebuilt by adding its source again
FORMAT_VERSION = 1
#: Third- and fourth-order units rank this far below second-order ones: the settlement they are named after wins
MINOR_UNIT_PENALTY = float(KIND_SCORE[ADMIN2] - KIND_SCORE[POPULATED_PLACE])
#: A settlement without a GeoNames id this close to an embedded populated place of its name is that place
SAME_PLACE_KM = 10.0
#: Scan names shorter than this are not scanned for (as for the embedded names)
MIN_SCAN_LENGTH = 3
#: Every this-many-th entry of the embedded name index goes into the build's fingerprint
FINGERPRINT_STEP = 997
#: Kilometres per degree of latitude (for the same-place check: short distances)
KM_PER_DEGREE = 111.2
#: A supplement's name: letters, digits, ``-`` and ``_``
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_SUFFIX = ".npz"
_SEP = "\n"  # between the strings of one column (names hold no line breaks: check_name cleans them)
_LATIN_OR_CYRILLIC = re.compile(r"^[\x00-\x7f\u00c0-\u024f\u0400-\u04ff\u1e00-\u1eff’ʼ‘]+$")
_TRUE = ("", "0")


def data_dir() -> Path:
    """The user data directory: ``$GEOCONFLICT_DATA_DIR``, else ``platformdirs.user_data_dir("geoconflict")``."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("geoconflict"))


def supplement_dir(directory: str | os.PathLike[str] | None = None) -> Path:
    """Where supplements live: ``<data directory>/gazetteer`` (*directory*: another data directory)."""
    return (Path(directory) if directory is not None else data_dir()) / SUPPLEMENT_FOLDER


def ignored() -> bool:
    """Whether ``GEOCONFLICT_NO_SUPPLEMENTS`` asks ``Gazetteer.default()`` to load no supplement."""
    return os.environ.get(IGNORE_ENV, "").strip() not in _TRUE


@dataclass(frozen=True)
class SupplementInfo:
    """What ``geoconflict gazetteer list`` shows of one installed supplement.

    Attributes
    ----------
    name : str
        What ``gazetteer remove`` takes (``UA``, ``ru-settlements``).
    source : str
        Where the places come from (a URL, a file, a package and its version).
    licence : str
        The data's licence.
    added : str
        When it was built (ISO 8601, UTC).
    rows : int
        Places read from the source (populated places and admin units).
    path : Path
        The supplement's file.
    """

    name: str
    source: str
    licence: str
    added: str
    rows: int
    path: Path
    attribution: str = ""

    @classmethod
    def read(cls, path: Path) -> SupplementInfo:
        """The description stored in the supplement *path* (only that member is read)."""
        try:
            with np.load(path) as z:
                meta = json.loads(str(z["meta"]))
        except (OSError, ValueError, KeyError) as exc:
            raise FormatError(f"not a geoconflict supplement ({exc}); remove it and add its source again",
                              path=str(path)) from None
        if meta.get("format") != FORMAT_VERSION:
            raise FormatError(f"a supplement of format {meta.get('format')}, this geoconflict reads format "
                              f"{FORMAT_VERSION}: add its source again", path=str(path))
        return cls(meta["name"], meta["source"], meta["licence"], meta["added"], int(meta["rows"]), path,
                   meta.get("attribution", ""))


def check_name(name: str) -> str:
    """*name* if it can name a supplement file, else :class:`InvalidInputError`."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise InvalidInputError(f"a supplement's name is letters, digits, '-' and '_', got {name!r}",
                                field="name", value=name)
    return name


def installed(*, directory: str | os.PathLike[str] | None = None) -> list[SupplementInfo]:
    """The supplements installed in the data directory (*directory*, else the user's), by name."""
    folder = supplement_dir(directory)
    if not folder.is_dir():
        return []
    return [SupplementInfo.read(p) for p in sorted(folder.glob(f"*{_SUFFIX}"))]


def remove(name: str, *, directory: str | os.PathLike[str] | None = None) -> Path:
    """Delete the supplement *name*; :class:`DataNotFoundError` (naming those installed) when there is none."""
    path = supplement_dir(directory) / f"{check_name(name)}{_SUFFIX}"
    if not path.is_file():
        names = ", ".join(i.name for i in installed(directory=directory)) or "none"
        raise DataNotFoundError(f"no supplement {name!r} is installed (installed: {names})")
    path.unlink()
    return path


# --------------------------------------------------------------------------- building


def _blob(strings: Sequence[str]) -> np.ndarray:
    return np.frombuffer(_SEP.join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(blob: np.ndarray) -> list[str]:
    return blob.tobytes().decode("utf-8").split(_SEP) if len(blob) else []


def _offsets(strings: Sequence[str]) -> np.ndarray:
    """Where each string of ``_blob(strings)`` starts in its bytes, and where the last ends."""
    lengths = [len(s.encode("utf-8")) + 1 for s in strings]
    return np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)


class _Strings:
    """A column of strings kept as UTF-8 bytes; each decoded when asked for."""

    __slots__ = ("_bytes", "_offsets")

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._bytes = blob.tobytes()
        self._offsets = offsets

    def __getitem__(self, i: int) -> str:
        return self._bytes[int(self._offsets[i]):int(self._offsets[i + 1]) - 1].decode("utf-8")


def fingerprint(table: Any) -> int:
    """A number that changes when the embedded gazetteer's rows are renumbered (another build)."""
    sample = np.ascontiguousarray(table._key_place[::FINGERPRINT_STEP])
    return stable_hash(f"{table._base_rows} {len(table._key_hash)} {sample.tobytes().hex()}")


def scannable(spelling: str) -> str | None:
    """The scan form of *spelling* when the scanner should look for it (Latin or Cyrillic, 3+ letters)."""
    if not _LATIN_OR_CYRILLIC.match(spelling):
        return None
    key = scan_fold(spelling).strip()
    return key if len(key) >= MIN_SCAN_LENGTH else None


@dataclass
class SupplementBuilder:
    """Rows of one supplement, collected from its source and written as one file.

    Each row is checked by its source (name, coordinates, population) before
    :meth:`add`; :meth:`write` folds every spelling into look-up keys and
    drops the keys an embedded place already has.
    """

    table: Any
    gid: list[int] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)
    minor: list[bool] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    admin1_gid: list[int] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    spellings: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, *, gid: int, kind: int, minor: bool, lat: float, lon: float, cc: str, pop: int, admin1_gid: int,
            name: str, admin1: str, admin2: str, alternates: Iterable[str]) -> None:
        """One checked row (*gid* 0: no GeoNames id; *admin1_gid* 0: admin-1 unit unknown)."""
        self.gid.append(gid)
        self.kind.append(kind)
        self.minor.append(minor)
        self.lat.append(lat)
        self.lon.append(lon)
        self.cc.append(cc)
        self.pop.append(pop)
        self.admin1_gid.append(admin1_gid)
        self.name.append(name)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.spellings.append(tuple(dict.fromkeys(a for a in alternates if a and a != name)))

    def __len__(self) -> int:
        return len(self.gid)

    def _keys(self, embedded: np.ndarray) -> tuple[list[str], list[int], list[int], list[str]]:
        """Look-up keys (key, local row, flag) and scan names; an embedded row's known keys are left out."""
        keys: list[str] = []
        rows: list[int] = []
        flags: list[int] = []
        scan: set[str] = set()
        for i, (name, others) in enumerate(zip(self.name, self.spellings)):
            seen: set[str] = set()
            known = int(embedded[i])
            for flag, spelling in ((PRIMARY_NAME, name), *((ALTERNATE_NAME, a) for a in others)):
                s = scannable(spelling)
                if s is not None:
                    scan.add(s)
                for key in name_keys(spelling):
                    if key in seen or (known >= 0 and known in self.table._rows(key)[0]):
                        continue
                    seen.add(key)
                    keys.append(key)
                    rows.append(i)
                    flags.append(flag if known < 0 else ALTERNATE_NAME)  # an embedded place keeps its own name
        return keys, rows, flags, sorted(scan)

    def write(self, name: str, *, source: str, licence: str, attribution: str = "",
              directory: str | os.PathLike[str] | None = None) -> SupplementInfo:
        """Write the supplement *name* (replacing one of that name) and describe it."""
        check_name(name)
        if not self.gid:
            raise FormatError(f"no populated place or admin unit to add from {source}", path=source)
        gid = np.array(self.gid, dtype=np.int64)
        embedded = embedded_rows(self.table, gid)
        admin1_gid = np.array(self.admin1_gid, dtype=np.int64)
        keys, rows, flags, scan = self._keys(embedded)
        hashes = np.array([stable_hash(k) for k in keys], dtype=np.uint64)
        order = np.argsort(hashes, kind="stable")
        meta = {"format": FORMAT_VERSION, "name": name, "source": source, "licence": licence,
                "attribution": attribution, "rows": len(self.gid),
                "added": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        folder = supplement_dir(directory)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}{_SUFFIX}"
        with replacing(path) as partial:  # one of its own per writer; a reader never sees half a file
            np.savez(partial, meta=np.array(json.dumps(meta)), gid=gid, kind=np.array(self.kind, dtype=np.int8),
                     minor=np.array(self.minor, dtype=bool), lat=np.array(self.lat, dtype=np.float64),
                     lon=np.array(self.lon, dtype=np.float64), cc=np.array(self.cc, dtype="U2"),
                     pop=np.array(self.pop, dtype=np.int64), admin1_gid=admin1_gid,
                     name=_blob(self.name), admin1=_blob(self.admin1), admin2=_blob(self.admin2),
                     name_off=_offsets(self.name), admin1_off=_offsets(self.admin1),
                     admin2_off=_offsets(self.admin2),
                     fingerprint=np.array(fingerprint(self.table), dtype=np.int64), embedded_row=embedded,
                     admin1_row=embedded_rows(self.table, admin1_gid),
                     key_hash=hashes[order], key_row=np.array(rows, dtype=np.int32)[order],
                     key_flag=np.array(flags, dtype=np.uint8)[order],
                     scan=_blob(scan))
        return SupplementInfo.read(path)


# --------------------------------------------------------------------------- loading


def embedded_rows(table: Any, gid: np.ndarray) -> np.ndarray:
    """The embedded row of each GeoNames id in *gid* (-1: none; ids <= 0 are none)."""
    egid = table._detail["gid"]
    sorter = np.argsort(egid, kind="stable")
    pos = np.minimum(np.searchsorted(egid, gid, sorter=sorter), len(egid) - 1)
    rows = sorter[pos]
    return np.where((egid[rows] == gid) & (gid > 0), rows, -1)


class _SupplementPlaces:
    """The places of a supplement's new rows (*where*: their rows in the file), each built when first asked for
    (they were checked when added)."""

    def __init__(self, c: dict[str, Any], where: np.ndarray, admin1_row: np.ndarray, admin1_name: Any,
                 source: str) -> None:
        self._c = c
        self._where = where
        self._admin1_row = admin1_row
        self._admin1_name = admin1_name
        self._source = source

    def __len__(self) -> int:
        return len(self._where)

    def __getitem__(self, i: int) -> Place:
        c = self._c
        j = int(self._where[i])
        a1 = int(self._admin1_row[j])
        return Place._from_trusted(
            c["name"][j], KINDS[int(c["kind"][j])], round(float(c["lat"][j]), 5), round(float(c["lon"][j]), 5),
            str(c["cc"][j]) or None, self._admin1_name(a1) if a1 >= 0 else (c["admin1"][j] or None),
            c["admin2"][j] or None, int(c["gid"][j]) or None, int(c["pop"][j]) or None, None, False, self._source)


def _read(path: Path) -> dict[str, Any]:
    with np.load(path) as z:
        columns: dict[str, Any] = {k: z[k] for k in z.files}
    meta = json.loads(str(columns.pop("meta")))
    if meta.get("format") != FORMAT_VERSION:
        raise FormatError(f"a supplement of format {meta.get('format')}, this geoconflict reads format "
                          f"{FORMAT_VERSION}: add its source again", path=str(path))
    for k in ("name", "admin1", "admin2"):
        columns[k] = _Strings(columns[k], columns.pop(f"{k}_off"))
    columns["meta"] = meta
    return columns


@dataclass
class _Loaded:
    """Rows loaded so far: GeoNames id -> gazetteer row of the supplements' new rows."""

    first: int
    gid_rows: dict[int, int] = field(default_factory=dict)
    count: int = 0


def load_supplements(table: Any, paths: Sequence[Path]) -> tuple[list[AddedRows], list[np.ndarray]]:
    """The rows of the supplements *paths*, to append to *table* in order, and their scan names (blobs).

    Raises
    ------
    FormatError
        For a file that is not a supplement of this version (the message says to add its source again).
    """
    out: list[AddedRows] = []
    scan: list[np.ndarray] = []
    state = _Loaded(len(table))
    same_build = None
    for path in paths:
        columns = _read(path)
        if same_build is None:
            same_build = int(columns["fingerprint"]) == fingerprint(table)
        if not same_build:  # the embedded gazetteer was rebuilt since: join again by GeoNames id
            columns["embedded_row"] = embedded_rows(table, columns["gid"])
            columns["admin1_row"] = embedded_rows(table, columns["admin1_gid"])
        out.append(_rows_of(table, columns, state))
        scan.append(columns["scan"])
    return out, scan


def scan_names_of(blobs: Sequence[np.ndarray]) -> set[str]:
    """The scan names of :func:`load_supplements`' blobs."""
    return {name for blob in blobs for name in _strings(blob)}


def _row_map(c: dict[str, Any], state: _Loaded) -> tuple[np.ndarray, np.ndarray]:
    """Each supplement row's gazetteer row, and which rows are new (not an embedded or earlier place)."""
    gid = c["gid"]
    rows = c["embedded_row"].astype(np.int64)
    if state.gid_rows:  # ids of the supplements loaded before this one
        known = np.array(sorted(state.gid_rows), dtype=np.int64)
        at = np.minimum(np.searchsorted(known, gid), len(known) - 1)
        hit = (known[at] == gid) & (rows < 0)
        rows[hit] = [state.gid_rows[g] for g in gid[hit].tolist()]
    new = rows < 0
    # the same id twice in one file: the first is the place
    _, first_of = np.unique(gid, return_index=True)
    dup = np.ones(len(gid), dtype=bool)
    dup[first_of] = False
    dup &= gid > 0
    new &= ~dup
    start = state.first + state.count
    rows[new] = start + np.arange(int(new.sum()))
    if dup.any():
        by_id = dict(zip(gid[first_of].tolist(), rows[first_of].tolist()))
        rows[dup] = [by_id[g] for g in gid[dup].tolist()]
    ided = new & (gid > 0)
    state.gid_rows.update(zip(gid[ided].tolist(), rows[ided].tolist()))
    state.count += int(new.sum())
    return rows, new


def _rows_of(table: Any, c: dict[str, Any], state: _Loaded) -> AddedRows:
    """One supplement's rows, numbered after the rows loaded before it."""
    first = state.first + state.count
    rows, new = _row_map(c, state)
    a1 = c["admin1_row"].astype(np.int64)
    missing = (a1 < 0) & (c["admin1_gid"] > 0)
    if missing.any():  # a unit of this or an earlier supplement
        a1[missing] = [state.gid_rows.get(g, -1) for g in c["admin1_gid"][missing].tolist()]
    kind = c["kind"][new].astype(table._kind.dtype)
    pop = c["pop"][new].astype(table._pop.dtype)
    importance = prior_importance(kind, pop) - MINOR_UNIT_PENALTY * c["minor"][new]
    blank = table._cc_of_code.get("", 0)  # an unknown code: no country
    codes, inverse = np.unique(c["cc"][new], return_inverse=True)
    cc = np.array([table._cc_of_code.get(str(code), blank) for code in codes], dtype=table._cc.dtype)[inverse]
    places = _SupplementPlaces(c, np.flatnonzero(new), a1, table._admin_name, _source_label(c["meta"]))
    return AddedRows(first=first, places=places, kind=kind, lat=c["lat"][new], lon=c["lon"][new], cc=cc,
                     admin1=a1[new].astype(table._admin1.dtype), pop=pop, importance=importance, keys={},
                     scan_names=set(), hashed=(c["key_hash"], rows[c["key_row"]], c["key_flag"]))


def _source_label(meta: dict[str, Any]) -> str:
    """The ``source`` of a supplement's places: ``supplement NAME (licence)``."""
    return f"supplement {meta['name']} ({meta['licence']})"


def same_place_rows(table: Any, names: Sequence[str], lat: np.ndarray, lon: np.ndarray,
                    cc: Sequence[str]) -> np.ndarray:
    """For places without a GeoNames id: the embedded populated place of the same name and country within
    :data:`SAME_PLACE_KM` of each (-1: none)."""
    out = np.full(len(names), -1, dtype=np.int64)
    for i, (name, code) in enumerate(zip(names, cc)):
        rows, _ = table._rows(fold(name))
        number = table._cc_of_code.get(code, -1)
        best = SAME_PLACE_KM
        for r in rows:
            if r >= table._base_rows or table._kind_list[r] != POPULATED_PLACE or table._cc_list[r] != number:
                continue
            dy = (table._lat[r] - lat[i]) * KM_PER_DEGREE
            dx = (table._lon[r] - lon[i]) * KM_PER_DEGREE * np.cos(np.radians(lat[i]))
            d = float(np.hypot(dx, dy))
            if d <= best:
                best, out[i] = d, r
    return out
