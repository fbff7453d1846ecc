"""The records geoconflict works with: places, mentions and sourced events.

Every record is a frozen dataclass, validated on construction. Coordinates are
degrees on WGS84 (EPSG:4326); shapely geometries are in (lon, lat) order, while
the ``lat``/``lon`` fields say which is which by name.

The precision scale is the same for every source (see :class:`Precision`).

Examples
--------
>>> from datetime import date
>>> from geoconflict.model.records import Movement, Place, Provenance
>>> kaliningrad = Place("Kaliningrad Oblast", kind="admin1", lat=54.75, lon=21.0, country_code="RU")
>>> kursk = Place("Kursk Oblast", kind="admin1", lat=51.75, lon=36.2, country_code="RU")
>>> move = Movement("Russian armed forces", kaliningrad, kursk, status="unconfirmed",
...                 provenance=Provenance(reported_by="Laurynas Kasčiūnas",
...                                       report_date=date(2024, 8, 14)))
>>> move.status, round(move.length_km)
(<MovementStatus.UNCONFIRMED: 'unconfirmed'>, 1066)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import KW_ONLY, dataclass, field, fields
from datetime import date, datetime
from enum import Enum, IntEnum, StrEnum
from functools import cached_property
from typing import TypeVar

import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon

from geoconflict.errors import DateError, InvalidInputError
from geoconflict.model.geometry import (
    IdentityMemo,
    area_km2,
    check_lat_lon,
    clean_polygon,
    geodesic_line,
    length_km,
)

__all__ = [
    "CombatArea",
    "DatePrecision",
    "Derivation",
    "Event",
    "Mention",
    "Movement",
    "MovementStatus",
    "Place",
    "PlaceKind",
    "Precision",
    "Provenance",
    "Record",
    "TerritorialClaim",
    "ClaimTier",
]


class Precision(IntEnum):
    """How sure a location is, from 1 (exact) to 6 (only the country is known).

    ACLED ``geo_precision`` (1–3) and UCDP ``where_prec`` (1–7) are mapped onto
    this scale on import.
    """

    EXACT = 1  #: a settlement or an exact point
    NEAR = 2  #: near a place, or part of a district
    DISTRICT = 3  #: a second-level unit (district, raion, county)
    REGION = 4  #: a first-level unit (region, oblast, province)
    AREA = 5  #: between places, or a wider area
    COUNTRY = 6  #: only the country is known


class PlaceKind(StrEnum):
    """What a gazetteer feature is."""

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    POPULATED_PLACE = "populated_place"
    FEATURE = "feature"  #: any other located feature (a base, a bridge, a point from a table)
    REGION = "region"  #: a continent or a wider region made of countries or of divisions ("Darfur")


_KIND_PRECISION = {
    PlaceKind.COUNTRY: Precision.COUNTRY,
    PlaceKind.ADMIN1: Precision.REGION,
    PlaceKind.ADMIN2: Precision.DISTRICT,
    PlaceKind.POPULATED_PLACE: Precision.EXACT,
    PlaceKind.FEATURE: Precision.EXACT,
    PlaceKind.REGION: Precision.COUNTRY,
}


class MovementStatus(StrEnum):
    """How established a reported movement is."""

    REPORTED = "reported"
    CLAIMED = "claimed"
    CONFIRMED = "confirmed"
    DENIED = "denied"
    UNCONFIRMED = "unconfirmed"


class Derivation(StrEnum):
    """Where an area's geometry came from."""

    GIVEN = "given"  #: supplied with the data (a control-map polygon, an online boundary)
    UNION = "union"  #: the union of the named areas' geometries
    STATED_AREA = "stated_area"  #: an extent of the stated size, placed inside the named areas
    NONE = "none"  #: no geometry could be given


class ClaimTier(StrEnum):
    """Whether a territorial claim is a party's claim or an analyst's assessment."""

    CLAIMED = "claimed"
    ASSESSED = "assessed"


class DatePrecision(StrEnum):
    """How precisely an event date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


# --------------------------------------------------------------------------- validation helpers

E = TypeVar("E", bound=Enum)


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _enum(cls: type[E], value: object, name: str) -> E:
    if type(value) is cls:  # already a member
        return value  # type: ignore[return-value]
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise InvalidInputError(
            f"{name}: {value!r} is not one of {allowed}", field=name, value=value
        ) from None


def _text(value: object, name: str, *, required: bool = False) -> str | None:
    if type(value) is str and "\x00" not in value and value and not value.isspace():
        return value  # the usual case: non-blank text (isspace() is False at the first other character)
    if value is None:
        if required:
            raise InvalidInputError(f"{name}: a value is required", field=name, value=value)
        return None
    if not isinstance(value, str):
        raise InvalidInputError(
            f"{name}: expected text, got {type(value).__name__} {value!r}", field=name, value=value
        )
    if "\x00" in value:
        raise InvalidInputError(f"{name}: text contains a NUL character", field=name, value=value)
    if not value.strip():
        if required:
            raise InvalidInputError(f"{name}: must not be empty", field=name, value=value)
        return None  # optional text: empty means "not given"
    return value


def _is_span(value: object) -> bool:
    """Whether *value* is already a valid span: a tuple of two whole ``int`` offsets, end not before start."""
    return (type(value) is tuple and len(value) == 2 and type(value[0]) is int and type(value[1]) is int
            and 0 <= value[0] <= value[1])


def _date(value: object, name: str) -> date | None:
    if value is None or type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DateError(
        f"{name}: expected a date or an ISO date string (YYYY-MM-DD), got {value!r}",
        field=name,
        value=value,
    )


def _count(value: object, name: str) -> int | None:
    if type(value) is int and value >= 0:
        return value
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise InvalidInputError(f"{name}: expected a whole number, got {value!r}", field=name, value=value)
    if value < 0:
        raise InvalidInputError(f"{name}: must not be negative, got {value!r}", field=name, value=value)
    return int(value)


def _amount(value: object, name: str) -> float | None:
    if type(value) is float and 0 <= value < math.inf:
        return value
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInputError(f"{name}: expected a finite number, got {value!r}", field=name, value=value)
    if value < 0:
        raise InvalidInputError(f"{name}: must not be negative, got {value!r}", field=name, value=value)
    return float(value)


def _texts(value: Iterable[str] | str | None, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    elif type(value) is tuple and all(type(v) is str and v and "\x00" not in v and not v.isspace() for v in value):
        return value  # already a tuple of non-blank texts
    return tuple(_text(v, f"{name}[{i}]", required=True) for i, v in enumerate(value))  # type: ignore[misc]


def _places(value: Iterable[Place] | Place | None, name: str) -> tuple[Place, ...]:
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


def _provenance(value: object) -> Provenance:
    if value is None:
        return Provenance()
    if not isinstance(value, Provenance):
        raise InvalidInputError(
            f"provenance: expected a Provenance, got {type(value).__name__}", field="provenance", value=value
        )
    return value


def _area_geometry(
    areas: tuple[Place, ...],
) -> tuple[Polygon | MultiPolygon | None, Derivation | None, bool]:
    """Union of the areas' polygons, with whether any of them is approximate.

    One polygon is its own union (a place's geometry is already valid), so it is not recomputed.
    """
    polygons = tuple(a.geometry for a in areas if a.geometry is not None)
    if not polygons:
        return None, None, False
    union = _UNIONS.get(*polygons)
    if union is None:
        union = polygons[0] if len(polygons) == 1 else shapely.union_all(polygons)
        union = _UNIONS.put(clean_polygon(union, field="geometry"), *polygons)
    return union, Derivation.UNION, any(a.approximate for a in areas if a.geometry is not None)


def _clean_area(geometry: object) -> Polygon | MultiPolygon:
    """:func:`clean_polygon` of a record's geometry, remembered for the geometry object.

    Extraction gives many records the same geometry object (a claim's derived extent, and the
    copies :func:`dataclasses.replace` makes), so it is checked once; a cleaned geometry is its
    own cleaned form.
    """
    cleaned = _CLEANED.get(geometry)
    if cleaned is None:
        cleaned = _CLEANED.put(clean_polygon(geometry, field="geometry"), geometry)
        _CLEANED.put(cleaned, cleaned)
    return cleaned


#: The cleaned union of the areas' polygons, by the polygons.
_UNIONS = IdentityMemo(512)
#: The cleaned form of a geometry.
_CLEANED = IdentityMemo(512)


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    """A located feature: a country, region, district, settlement or other point.

    Parameters
    ----------
    name : str
        The place's name (the gazetteer's preferred form).
    kind : PlaceKind or str
        ``"country"``, ``"admin1"``, ``"admin2"``, ``"populated_place"`` or ``"feature"``.
    lat, lon : float
        A representative point: the settlement, or an area's centre.
    country_code : str, optional
        ISO 3166-1 alpha-2 code, upper case.
    admin1, admin2 : str, optional
        Names of the containing first- and second-level units.
    geonames_id : int, optional
        The GeoNames feature id, when known.
    population : int, optional
    geometry : Polygon or MultiPolygon, optional
        The area in (lon, lat); repaired if invalid, oriented counter-clockwise.
    approximate : bool
        True when the point or the geometry is derived rather than surveyed.
    source : str, optional
        Which gazetteer or provider the place came from.

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
    geometry: Polygon | MultiPolygon | None = None
    approximate: bool = False
    source: str | None = None

    def __post_init__(self) -> None:
        _text(self.name, "name", required=True)
        _set(self, "kind", _enum(PlaceKind, self.kind, "kind"))
        lat, lon = check_lat_lon(self.lat, self.lon, field=f"place {self.name!r}")
        _set(self, "lat", lat)
        _set(self, "lon", lon)
        cc = _text(self.country_code, "country_code")
        if cc is not None:
            cc = cc.strip().upper()
            if len(cc) != 2 or not cc.isascii() or not cc.isalpha():
                raise InvalidInputError(
                    f"country_code: expected an ISO 3166-1 alpha-2 code, got {self.country_code!r}",
                    field="country_code",
                    value=self.country_code,
                )
        _set(self, "country_code", cc)
        _set(self, "admin1", _text(self.admin1, "admin1"))
        _set(self, "admin2", _text(self.admin2, "admin2"))
        _set(self, "source", _text(self.source, "source"))
        if self.geonames_id is not None:
            gid = _count(self.geonames_id, "geonames_id")
            _set(self, "geonames_id", gid)
        _set(self, "population", _count(self.population, "population"))
        if self.geometry is not None:
            _set(self, "geometry", clean_polygon(self.geometry, field=f"place {self.name!r} geometry"))
        _set(self, "approximate", bool(self.approximate))

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
        geometry_loader: Callable[[], Polygon | MultiPolygon] | None = None,
    ) -> Place:
        """Private fast constructor for data that is already valid, skipping every check.

        Only for records whose fields already have the exact form
        ``__post_init__`` would give them: the embedded gazetteer's rows
        (validated when ``tools/build_gazetteer.py`` built them, with polygons
        stored valid and counter-clockwise), so thousands of places a second
        need not be re-validated.  Everything else uses the public,
        fully validating constructor.

        With *geometry_loader* (and ``geometry=None``), :attr:`geometry` is
        decoded by calling it on first access, so ranking candidates costs
        no polygon decoding; equality, hashing and copying see the decoded
        geometry as usual. Pickling sends the decoded geometry, unless the
        loader says ``pickles_by_reference`` (a
        :class:`geoconflict._data.PolygonRef`): then the loader travels instead.
        """
        obj = object.__new__(cls)
        d = obj.__dict__
        d.update(
            name=name, kind=kind, lat=lat, lon=lon, country_code=country_code, admin1=admin1,
            admin2=admin2, geonames_id=geonames_id, population=population,
            approximate=approximate, source=source,
        )
        if geometry_loader is None:
            d["geometry"] = geometry
        else:
            d["_geometry_loader"] = geometry_loader  # see __getattr__
        return obj

    def __getattr__(self, name: str):
        # Reached only when normal look-up fails: the geometry of a place made by
        # _from_trusted with a loader, not decoded yet (Place has no class-level default).
        if name == "geometry":
            loader = self.__dict__.get("_geometry_loader")
            if loader is not None:
                geometry = loader()
                self.__dict__["geometry"] = geometry
                return geometry
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __getstate__(self) -> dict:
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
        return _KIND_PRECISION[self.kind]

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


# The dataclass keeps geometry's default (None) for __init__; without the class
# attribute, a lazily decoded geometry (see Place._from_trusted) reaches __getattr__.
del Place.geometry


@dataclass(frozen=True)
class Provenance:
    """Where a record comes from: who says so, in which words, and when.

    Parameters
    ----------
    source : str, optional
        The document or outlet (``"BNS"``, a file name, an ACLED source field).
    reported_by : str, optional
        Who makes the statement (``"Lithuanian Defence Minister Laurynas Kasčiūnas"``).
    quote : str, optional
        The words of the report the record rests on.
    span : tuple of int, optional
        ``(start, end)`` character offsets of ``quote`` in the report.
    report_date : date, optional
        When the report was published.
    event_date, event_date_end : date, optional
        When the event happened (a single day, or a range).
    date_precision : DatePrecision or str
        How precisely ``event_date`` is known.
    reason : str, optional
        Which rule or pattern produced the record, so a user can see why.
    """

    source: str | None = None
    reported_by: str | None = None
    quote: str | None = None
    span: tuple[int, int] | None = None
    report_date: date | None = None
    event_date: date | None = None
    event_date_end: date | None = None
    date_precision: DatePrecision = DatePrecision.UNKNOWN
    reason: str | None = None

    def __post_init__(self) -> None:
        # Each field is replaced only when checking changes it: most arrive in their final form.
        for name in ("source", "reported_by", "quote", "reason"):
            value = getattr(self, name)
            checked = _text(value, name)  # empty text means "not given"
            if checked is not value:
                _set(self, name, checked)
        if self.span is not None and not _is_span(self.span):
            try:
                start, end = self.span
            except (TypeError, ValueError):
                raise InvalidInputError(
                    f"span: expected (start, end), got {self.span!r}", field="span", value=self.span
                ) from None
            start, end = _count(start, "span start"), _count(end, "span end")
            if start is None or end is None or end < start:
                raise InvalidInputError(
                    f"span: end ({end}) must not be before start ({start})", field="span", value=self.span
                )
            _set(self, "span", (start, end))
        for name in ("report_date", "event_date", "event_date_end"):
            value = getattr(self, name)
            if value is not None and type(value) is not date:
                _set(self, name, _date(value, name))
        if self.event_date_end is not None:
            if self.event_date is None:
                raise DateError(
                    "event_date_end: given without event_date", field="event_date_end", value=self.event_date_end
                )
            if self.event_date_end < self.event_date:
                raise DateError(
                    f"event_date_end: {self.event_date_end.isoformat()} is before "
                    f"event_date {self.event_date.isoformat()}",
                    field="event_date_end",
                    value=self.event_date_end,
                )
        if type(self.date_precision) is not DatePrecision:
            _set(self, "date_precision", _enum(DatePrecision, self.date_precision, "date_precision"))


@dataclass(frozen=True)
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
    candidates : tuple of Place
        Runner-up places, best first.
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

    def __post_init__(self) -> None:
        _text(self.text, "text", required=True)
        if not _is_span((self.start, self.end)):  # else already whole offsets, in order
            start, end = _count(self.start, "start"), _count(self.end, "end")
            if start is None or end is None or end < start:
                raise InvalidInputError(
                    f"span: end ({self.end}) must not be before start ({self.start})",
                    field="span",
                    value=(self.start, self.end),
                )
            _set(self, "start", start)
            _set(self, "end", end)
        if self.place is not None and not isinstance(self.place, Place):
            raise InvalidInputError("place: expected a Place or None", field="place", value=self.place)
        if self.score is not None:
            _set(self, "score", _amount(self.score, "score"))
        _set(self, "candidates", _places(self.candidates, "candidates"))
        _set(self, "reason", _text(self.reason, "reason"))
        _set(self, "provenance", _provenance(self.provenance))
        if self.provenance.reason is not None:
            raise InvalidInputError(
                "provenance.reason: a mention's reason goes in Mention.reason", field="provenance.reason"
            )


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Movement:
    """A movement of forces from an origin to a destination.

    Parameters
    ----------
    actor : str, optional
        Who moves (``"Russian armed forces"``).
    origin, destination : Place
    unit : str, optional
        The unit, when named (``"conscripts"``, ``"810th Naval Infantry Brigade"``).
    status : MovementStatus or str
        ``reported`` (default), ``claimed``, ``confirmed``, ``denied`` or ``unconfirmed``.
    provenance : Provenance
    id : str, optional
        A stable identifier, e.g. from the source table.

    Notes
    -----
    :attr:`geometry` is the geodesic from origin to destination, densified and
    split at the antimeridian; it starts at the origin and ends at the destination.
    """

    actor: str | None
    origin: Place
    destination: Place
    _: KW_ONLY
    unit: str | None = None
    status: MovementStatus = MovementStatus.REPORTED
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __post_init__(self) -> None:
        _set(self, "actor", _text(self.actor, "actor"))
        _set(self, "unit", _text(self.unit, "unit"))
        _set(self, "id", _text(self.id, "id"))
        for name in ("origin", "destination"):
            if not isinstance(getattr(self, name), Place):
                raise InvalidInputError(f"{name}: expected a Place", field=name, value=getattr(self, name))
        _set(self, "status", _enum(MovementStatus, self.status, "status"))
        _set(self, "provenance", _provenance(self.provenance))

    @cached_property
    def geometry(self) -> LineString | MultiLineString:
        """The geodesic path, origin first."""
        return geodesic_line(self.origin.lonlat, self.destination.lonlat)

    @property
    def length_km(self) -> float:
        """Geodesic length in km."""
        return length_km(self.geometry)

    @property
    def precision(self) -> Precision:
        """The coarser of the origin's and the destination's precision."""
        return max(self.origin.precision, self.destination.precision)


class _AreaRecord:
    """What claims and combat areas share: an area, its geodesic size and precision."""

    geometry: Polygon | MultiPolygon | None
    areas: tuple[Place, ...]

    @property
    def area_km2(self) -> float | None:
        """Geodesic area of :attr:`geometry`, km²."""
        return area_km2(self.geometry)

    @property
    def precision(self) -> Precision:
        """The coarsest precision of the named areas; AREA when none is named."""
        if self.areas:
            return max(a.precision for a in self.areas)
        return Precision.AREA


@dataclass(frozen=True)
class TerritorialClaim(_AreaRecord):
    """A statement that a party controls territory.

    Claims that disagree are kept side by side (a claim ledger): two sources with
    different figures are two claims, never one averaged number.

    Parameters
    ----------
    claimant : str
        Whose control is claimed (``"Ukrainian forces"``).
    as_of : date, optional
        The date the claim refers to.
    settlements : int, optional
        The number of settlements stated.
    area_km2_stated : float, optional
        The area stated, km².
    areas : tuple of Place
        The named areas the claim concerns.
    geometry : Polygon or MultiPolygon, optional
        When None and some ``areas`` have polygons, their union is used
        (``derivation="union"``).
    derivation : Derivation or str, optional
        Where the geometry came from; defaults to ``"given"`` for a supplied
        geometry and ``"none"`` without one.
    approximate : bool
        True when the geometry is an estimate.
    tier : ClaimTier or str
        ``claimed`` (a party's claim) or ``assessed`` (an analyst's assessment).
    note : str, optional
        A plausibility note (stated vs computed figures).
    provenance : Provenance
        ``provenance.reported_by`` is who reports the claim.
    id : str, optional
    """

    claimant: str
    _: KW_ONLY
    as_of: date | None = None
    settlements: int | None = None
    area_km2_stated: float | None = None
    areas: tuple[Place, ...] = ()
    geometry: Polygon | MultiPolygon | None = None
    derivation: Derivation | None = None
    approximate: bool = False
    tier: ClaimTier = ClaimTier.CLAIMED
    note: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __post_init__(self) -> None:
        _text(self.claimant, "claimant", required=True)
        _set(self, "as_of", _date(self.as_of, "as_of"))
        _set(self, "settlements", _count(self.settlements, "settlements"))
        _set(self, "area_km2_stated", _amount(self.area_km2_stated, "area_km2_stated"))
        _set(self, "areas", _places(self.areas, "areas"))
        _set(self, "tier", _enum(ClaimTier, self.tier, "tier"))
        _set(self, "note", _text(self.note, "note"))
        _set(self, "id", _text(self.id, "id"))
        _set(self, "provenance", _provenance(self.provenance))
        _init_area(self)

    @property
    def reported_by(self) -> str | None:
        """Who reports the claim (``provenance.reported_by``)."""
        return self.provenance.reported_by


@dataclass(frozen=True)
class CombatArea(_AreaRecord):
    """Fighting reported in named places or districts.

    Parameters
    ----------
    areas : tuple of Place
        The places or districts named.
    actors : tuple of str
        The parties, when named.
    geometry, derivation, approximate
        As for :class:`TerritorialClaim`.
    description : str, optional
    provenance : Provenance
        ``event_date`` is when the fighting began (``"began on August 6"``).
    id : str, optional
    """

    areas: tuple[Place, ...]
    _: KW_ONLY
    actors: tuple[str, ...] = ()
    geometry: Polygon | MultiPolygon | None = None
    derivation: Derivation | None = None
    approximate: bool = False
    description: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __post_init__(self) -> None:
        _set(self, "areas", _places(self.areas, "areas"))
        if not self.areas and self.geometry is None:
            raise InvalidInputError("areas: a combat area needs named areas or a geometry", field="areas")
        _set(self, "actors", _texts(self.actors, "actors"))
        _set(self, "description", _text(self.description, "description"))
        _set(self, "id", _text(self.id, "id"))
        _set(self, "provenance", _provenance(self.provenance))
        _init_area(self)


def _init_area(record: TerritorialClaim | CombatArea) -> None:
    approximate = bool(record.approximate)
    if record.geometry is not None:
        _set(record, "geometry", _clean_area(record.geometry))
        derivation = record.derivation if record.derivation is not None else Derivation.GIVEN
    else:
        geometry, derivation, union_approx = _area_geometry(record.areas)
        _set(record, "geometry", geometry)
        derivation = record.derivation or derivation or Derivation.NONE
        approximate = approximate or union_approx
    derivation = _enum(Derivation, derivation, "derivation")
    if record.geometry is None and derivation is not Derivation.NONE:
        raise InvalidInputError(
            f"derivation: {derivation.value!r} given but there is no geometry",
            field="derivation",
            value=derivation,
        )
    _set(record, "derivation", derivation)
    _set(record, "approximate", approximate)


@dataclass(frozen=True)
class Event:
    """Any other located event: a meeting, a statement, a strike, a battle, a protest.

    Parameters
    ----------
    type : str
        What happened, lower case (``"meeting"``, ``"strike"``, ``"battle"``).
    place : Place
        Where.
    subtype : str, optional
        A finer type (ACLED ``sub_event_type``).
    actors : tuple of str
        Who took part.
    description : str, optional
    fatalities : int, optional
        None when not stated; 0 when stated as none.
    precision : Precision or int, optional
        Defaults to the place's precision.
    provenance : Provenance
    id : str, optional
    """

    type: str
    place: Place
    _: KW_ONLY
    subtype: str | None = None
    actors: tuple[str, ...] = ()
    description: str | None = None
    fatalities: int | None = None
    precision: Precision | None = None
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __post_init__(self) -> None:
        _text(self.type, "type", required=True)
        if not isinstance(self.place, Place):
            raise InvalidInputError("place: expected a Place", field="place", value=self.place)
        _set(self, "subtype", _text(self.subtype, "subtype"))
        _set(self, "actors", _texts(self.actors, "actors"))
        _set(self, "description", _text(self.description, "description"))
        _set(self, "fatalities", _count(self.fatalities, "fatalities"))
        precision = self.place.precision if self.precision is None else self.precision
        _set(self, "precision", _enum(Precision, precision, "precision"))
        _set(self, "id", _text(self.id, "id"))
        _set(self, "provenance", _provenance(self.provenance))

    @property
    def geometry(self) -> Point:
        """The event's point (the place's representative point)."""
        return self.place.point


#: Any event record.
Record = Movement | TerritorialClaim | CombatArea | Event


def record_fields(cls: type) -> list[str]:
    """Names of a record class's fields, in declaration order (without the KW_ONLY marker)."""
    return [f.name for f in fields(cls) if f.name != "_"]
