"""Places, and the mentions of places in a text.

A :class:`Place` compares by value but hashes without its geometry, so places
are cheap dictionary keys however large their polygons (see its Notes); a
gazetteer place may decode its polygon on first use (:meth:`Place._from_trusted`).

Examples
--------
>>> from shapely.geometry import box
>>> a = Place("Sudzhanskiy Rayon", kind="admin2", lat=51.19, lon=35.27, geometry=box(34.9, 51.0, 35.6, 51.4))
>>> b = Place("Sudzhanskiy Rayon", kind="admin2", lat=51.19, lon=35.27, geometry=box(34.9, 51.0, 35.6, 51.4))
>>> a == b, hash(a) == hash(b), len({a, b})
(True, True, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import KW_ONLY, dataclass, field, fields
from operator import attrgetter
from typing import Any, cast, overload

from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import InvalidInputError
from geoconflict.model._checks import as_amount, as_count, as_enum, as_text, is_span, required_text
from geoconflict.model._enum import KIND_PRECISION, PlaceKind, Precision
from geoconflict.model.geometry import check_lat_lon, clean_polygon, same_geometry
from geoconflict.model.provenance import Provenance, as_provenance

__all__ = ["Mention", "Place", "as_places"]

#: A polygon decoder for :meth:`Place._from_trusted`: called once, on the first read of the geometry.
GeometryLoader = Callable[[], Polygon | MultiPolygon]


class _GeometryOnFirstUse:
    """``Place.geometry`` for a place whose polygon is decoded when first read.

    A non-data descriptor, as :func:`functools.cached_property` is: a place that
    holds its geometry has it in its instance dict, which Python reads before
    this; a place made by :meth:`Place._from_trusted` with a loader holds only the
    loader, and its first read of ``geometry`` calls the loader and stores the
    polygon. Read on the class it is the field's default, None.
    """

    @overload
    def __get__(self, place: None, owner: type | None = None) -> None: ...
    @overload
    def __get__(self, place: Place, owner: type | None = None) -> Polygon | MultiPolygon | None: ...

    def __get__(self, place: Place | None, owner: type | None = None) -> Polygon | MultiPolygon | None:
        if place is None:
            return None
        stored = place.__dict__
        geometry = stored["geometry"] = stored["_geometry_loader"]()
        return geometry


@dataclass(frozen=True, init=False)
class Place:
    """A located feature: a country, region, district, settlement or other point.

    Parameters
    ----------
    name : str
        The place's name (the gazetteer's preferred form).
    kind : PlaceKind or str
        ``"country"``, ``"admin1"``, ``"admin2"``, ``"populated_place"``, ``"feature"`` or ``"region"``;
        stored as a :class:`PlaceKind`.
    lat, lon : float
        A representative point: the settlement, or an area's centre.
    country_code : str, optional
        ISO 3166-1 alpha-2 code; stored upper case.
    admin1, admin2 : str, optional
        Names of the containing first- and second-level units.
    geonames_id : int, optional
        The GeoNames feature id, when known.
    population : int, optional
    geometry : Polygon, MultiPolygon or GeoJSON-like mapping, optional
        The area in (lon, lat); stored repaired if invalid, oriented counter-clockwise.
    approximate : bool
        True when the point or the geometry is derived rather than surveyed.
    source : str, optional
        Which gazetteer or provider the place came from.

    Notes
    -----
    Equality compares every field, the geometry last and only when all else is
    equal: the same geometry object is equal at once, two objects are compared
    by value. The hash is that of ``(name, lat, lon)``: hashing a place never
    reads its polygon, so places are cheap keys for dictionaries, sets and
    memos, and equal places hash equal.

    Examples
    --------
    >>> sudzha = Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, country_code="ru")
    >>> sudzha.country_code, sudzha.precision.name, sudzha.point.x
    ('RU', 'EXACT', 35.27)
    """

    name: str
    _: KW_ONLY
    kind: PlaceKind
    lat: float
    lon: float
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonames_id: int | None = None
    population: int | None = None
    # Instances store their geometry, or a loader that this class attribute (a descriptor whose
    # reads give the annotated type, None on the class) calls on first read.
    geometry: Polygon | MultiPolygon | None = cast("Polygon | MultiPolygon | None", _GeometryOnFirstUse())
    approximate: bool = False
    source: str | None = None

    def __init__(
        self,
        name: str,
        *,
        kind: PlaceKind | str,
        lat: float,
        lon: float,
        country_code: str | None = None,
        admin1: str | None = None,
        admin2: str | None = None,
        geonames_id: int | None = None,
        population: int | None = None,
        geometry: BaseGeometry | Mapping[str, Any] | None = None,
        approximate: bool = False,
        source: str | None = None,
    ) -> None:
        # A frozen dataclass: each field is checked, then stored in the instance dict,
        # where the dataclass's own __init__ would put it through object.__setattr__.
        stored = self.__dict__
        stored["name"] = required_text(name, "name")
        stored["kind"] = as_enum(PlaceKind, kind, "kind")
        stored["lat"], stored["lon"] = check_lat_lon(lat, lon, field=f"place {name!r}")
        stored["country_code"] = _country_code(country_code)
        stored["admin1"] = as_text(admin1, "admin1")
        stored["admin2"] = as_text(admin2, "admin2")
        stored["source"] = as_text(source, "source")
        stored["geonames_id"] = as_count(geonames_id, "geonames_id")
        stored["population"] = as_count(population, "population")
        stored["geometry"] = (None if geometry is None
                              else clean_polygon(geometry, field=f"place {name!r} geometry"))
        stored["approximate"] = bool(approximate)

    @classmethod
    def _from_trusted(
        cls,
        name: str,
        kind: PlaceKind,
        lat: float,
        lon: float,
        country_code: str | None,
        admin1: str | None,
        admin2: str | None,
        geonames_id: int | None,
        population: int | None,
        geometry: Polygon | MultiPolygon | None,
        approximate: bool,
        source: str | None,
        *,
        geometry_loader: GeometryLoader | None = None,
    ) -> Place:
        """A place from fields already in their stored form, stored without checking them.

        The contract: given values that :meth:`__init__` would store unchanged
        (a :class:`PlaceKind`, float coordinates in range, an upper-case country
        code, non-blank texts, a clean polygon), the result equals
        ``Place(name, kind=kind, lat=lat, ...)``; ``tests/test_model.py`` holds
        the two equal on generated places and on the gazetteer's rows. It is for
        the embedded gazetteer's rows (checked when ``tools/build_gazetteer.py``
        built them, polygons stored valid and counter-clockwise), so that
        thousands of places a second are not checked again.

        With *geometry_loader* (and ``geometry=None``), the polygon is decoded by
        calling it when :attr:`geometry` is first read (see
        :class:`_GeometryOnFirstUse`), so ranking candidates decodes no polygon.
        Pickling sends the decoded geometry, unless the loader says
        ``pickles_by_reference`` (a :class:`geoconflict._data.PolygonRef`): then
        the loader travels instead.
        """
        place = cls.__new__(cls)
        stored = place.__dict__
        stored.update(
            name=name, kind=kind, lat=lat, lon=lon, country_code=country_code, admin1=admin1,
            admin2=admin2, geonames_id=geonames_id, population=population,
            approximate=approximate, source=source,
        )
        if geometry_loader is None:
            stored["geometry"] = geometry
        else:
            stored["_geometry_loader"] = geometry_loader
        return place

    def replace(self, **changes: Any) -> Place:
        """A copy of this place with *changes* (field names as keywords), checked as :meth:`__init__` checks.

        Every field not named is carried over, whatever fields :class:`Place` has, so a field added
        later is kept by every copy; the polygon is not decoded or checked again unless ``geometry``
        is changed (a gazetteer place's copy decodes it on first use, as the place does).

        Raises
        ------
        InvalidInputError
            For a name that is no field of a place, or a value :meth:`__init__` refuses.

        Examples
        --------
        >>> town = Place("Monywa", kind="populated_place", lat=22.11, lon=95.14, country_code="MM")
        >>> region = Place("Sagaing Region", kind="admin1", lat=24.4, lon=95.5, country_code="MM")
        >>> moved = region.replace(lat=town.lat, lon=town.lon)
        >>> moved.name, moved.kind.value, moved.lat, moved.lon, moved.country_code
        ('Sagaing Region', 'admin1', 22.11, 95.14, 'MM')
        """
        unknown = sorted(set(changes) - _FIELD_NAMES)
        if unknown:
            raise InvalidInputError(f"Place.replace: no field named {', '.join(map(repr, unknown))}",
                                    field=unknown[0], value=changes[unknown[0]])
        scalars = {f: changes.get(f, getattr(self, f)) for f in _FIELD_NAMES if f != _GEOMETRY}
        name = scalars.pop("name")
        copy = Place(name, **scalars, geometry=changes.get(_GEOMETRY))
        if _GEOMETRY not in changes:  # the polygon as this place holds it: decoded, or its loader
            stored = copy.__dict__
            del stored[_GEOMETRY]
            stored.update((k, v) for k, v in self.__dict__.items() if k in _GEOMETRY_STATE)
        return copy

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if other.__class__ is not self.__class__ or not isinstance(other, Place):
            return NotImplemented
        return _scalar_fields(self) == _scalar_fields(other) and same_geometry(self.geometry, other.geometry)

    def __hash__(self) -> int:
        return hash((self.name, self.lat, self.lon))

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        loader = state.get("_geometry_loader")
        if getattr(loader, "pickles_by_reference", False):
            state.pop("geometry", None)  # the reference travels; the other side decodes when it needs to
        elif loader is not None:  # pickle and copy the decoded geometry, not the loader
            del state["_geometry_loader"]
            state["geometry"] = self.geometry
        return state

    @property
    def precision(self) -> Precision:
        """The precision a mention of this place gives an event."""
        return KIND_PRECISION[self.kind]

    @property
    def point(self) -> Point:
        """The representative point as a shapely ``Point(lon, lat)``."""
        return Point(self.lon, self.lat)

    @property
    def lonlat(self) -> tuple[float, float]:
        """``(lon, lat)``, the GeoJSON/shapely order."""
        return (self.lon, self.lat)

    def __repr__(self) -> str:
        where = ", ".join(p for p in (self.admin1, self.country_code) if p)
        approx = " approximate" if self.approximate else ""
        return (
            f"Place({self.name!r}, {self.kind.value}{', ' + where if where else ''}, "
            f"lat={self.lat:.4f}, lon={self.lon:.4f}{approx})"
        )


#: Every field of a place but its geometry, in the order equality compares them.
_scalar_fields = attrgetter(
    "name", "kind", "lat", "lon", "country_code", "admin1", "admin2", "geonames_id", "population",
    "approximate", "source",
)

#: Every field of a place (read from the dataclass, so :meth:`Place.replace` carries fields added later);
#: the geometry field, and what an instance may hold of it (the polygon, or the loader that decodes it).
_FIELD_NAMES = frozenset(f.name for f in fields(Place))
_GEOMETRY = "geometry"
_GEOMETRY_STATE = (_GEOMETRY, "_geometry_loader")

#: The length of an ISO 3166-1 alpha-2 country code.
_COUNTRY_CODE_LENGTH = 2


def _country_code(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code, upper case, or None."""
    text = as_text(value, "country_code")
    if text is None:
        return None
    code = text.strip().upper()
    if len(code) != _COUNTRY_CODE_LENGTH or not code.isascii() or not code.isalpha():
        raise InvalidInputError(
            f"country_code: expected an ISO 3166-1 alpha-2 code, got {value!r}",
            field="country_code",
            value=value,
        )
    return code


def as_places(value: Iterable[Place] | Place | None, name: str) -> tuple[Place, ...]:
    """A tuple of places (one place alone is a tuple of one; None is empty)."""
    if value is None:
        return ()
    if isinstance(value, Place):
        value = (value,)
    elif type(value) is tuple and all(type(p) is Place for p in value):
        return value
    places = tuple(value)
    for i, p in enumerate(places):
        if not isinstance(p, Place):
            raise InvalidInputError(
                f"{name}[{i}]: expected a Place, got {type(p).__name__}", field=name, value=p
            )
    return places


@dataclass(frozen=True, init=False)
class Mention:
    """Where a place name occurs in a text, and what it was resolved to.

    Parameters
    ----------
    text : str
        The surface form as it appears (``"Kursk region"``).
    start, end : int
        Character offsets into the document (``document[start:end] == text``).
    place : Place, optional
        The resolved place; None when it could not be resolved (see ``candidates``).
    score : float, optional
        The resolver's confidence, 0–1.
    candidates : iterable of Place
        Runner-up places, best first; stored as a tuple.
    reason : str, optional
        A short explanation of why this place was chosen.
    provenance : Provenance
        The document it occurs in (source, report date) and the sentence quoted;
        its ``reason`` stays empty (the mention's own ``reason`` says why).
    """

    text: str
    start: int
    end: int
    _: KW_ONLY
    place: Place | None = None
    score: float | None = None
    candidates: tuple[Place, ...] = ()
    reason: str | None = None
    provenance: Provenance = field(default_factory=Provenance)

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        *,
        place: Place | None = None,
        score: float | None = None,
        candidates: Iterable[Place] = (),
        reason: str | None = None,
        provenance: Provenance | None = None,
    ) -> None:
        stored = self.__dict__  # stored as in Place.__init__
        stored["text"] = required_text(text, "text")
        stored["start"], stored["end"] = _offsets(start, end)
        if place is not None and not isinstance(place, Place):
            raise InvalidInputError("place: expected a Place or None", field="place", value=place)
        stored["place"] = place
        stored["score"] = as_amount(score, "score")
        stored["candidates"] = as_places(candidates, "candidates")
        stored["reason"] = as_text(reason, "reason")
        stored["provenance"] = provenance = as_provenance(provenance)
        if provenance.reason is not None:
            raise InvalidInputError(
                "provenance.reason: a mention's reason goes in Mention.reason", field="provenance.reason"
            )

    @classmethod
    def _from_trusted(
        cls,
        text: str,
        start: int,
        end: int,
        place: Place | None,
        score: float | None,
        candidates: tuple[Place, ...],
        reason: str | None,
        provenance: Provenance,
    ) -> Mention:
        """A mention from fields already in their stored form, stored without checking them.

        The contract (as :meth:`Place._from_trusted`'s): given values that :meth:`__init__` would store
        unchanged (non-blank text without NUL, ``int`` offsets with the end not before the start, a
        :class:`Place` or None, a ``float`` score in 0–1 or None, a tuple of places, non-blank text or None for
        the reason, a provenance without a reason), the result equals ``Mention(text, start, end, place=place,
        ...)``; ``tests/test_model_fast.py`` holds the two equal on generated values, and on every mention
        extraction makes. It is for extraction (:func:`geoconflict.extraction.assemble.extract`), which makes
        a mention of every place name of a report.
        """
        made = object.__new__(cls)
        made.__dict__.update(text=text, start=start, end=end, place=place, score=score, candidates=candidates,
                             reason=reason, provenance=provenance)
        return made


def _offsets(start: int, end: int) -> tuple[int, int]:
    """A mention's ``(start, end)``: whole offsets, end not before start."""
    if is_span((start, end)):
        return start, end
    start_n, end_n = as_count(start, "start"), as_count(end, "end")
    if start_n is None or end_n is None or end_n < start_n:
        raise InvalidInputError(
            f"span: end ({end}) must not be before start ({start})", field="span", value=(start, end)
        )
    return start_n, end_n
