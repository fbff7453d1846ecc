"""The event records: movements, territorial claims, combat areas and other located events.

Every record is a frozen dataclass whose ``__init__`` checks each field and
stores it in its final form (enumeration members, tuples, cleaned polygons), so
the field types say what is stored. Records are made on the hot paths of
extraction and table reading: each check first tests for the form most values
already have.

Examples
--------
>>> from datetime import date
>>> from geoconflict.model.place import Place
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> Event("meeting", kyiv, actors="Zelensky", fatalities=0.0).precision
<Precision.EXACT: 1>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import KW_ONLY, Field, dataclass, field, fields
from datetime import date
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geoconflict.errors import InvalidInputError
from geoconflict.model._checks import as_amount, as_count, as_date, as_enum, as_text, as_texts, required_text
from geoconflict.model._enum import ClaimTier, Derivation, MovementStatus, Precision
from geoconflict.model.geometry import area_km2, clean_polygon, geodesic_line, length_km, same_geometry
from geoconflict.model.place import Place, as_places
from geoconflict.model.provenance import Provenance, as_provenance
from geoconflict.model.taxonomy import event_type_of

__all__ = ["CombatArea", "Event", "Movement", "Record", "TerritorialClaim"]


@dataclass(frozen=True, init=False)
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
    It is derived, not a field: equality and hashing are the dataclass's, over the
    fields (places hash without their polygons, see :class:`Place`).
    """

    actor: str | None
    origin: Place
    destination: Place
    _: KW_ONLY
    unit: str | None = None
    status: MovementStatus = MovementStatus.REPORTED
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __init__(
        self,
        actor: str | None,
        origin: Place,
        destination: Place,
        *,
        unit: str | None = None,
        status: MovementStatus | str = MovementStatus.REPORTED,
        provenance: Provenance | None = None,
        id: str | None = None,
    ) -> None:
        # A frozen dataclass: each field is checked, then stored in the instance dict,
        # where the dataclass's own __init__ would put it through object.__setattr__.
        stored = self.__dict__
        stored["actor"] = as_text(actor, "actor")
        stored["unit"] = as_text(unit, "unit")
        stored["id"] = as_text(id, "id")
        stored["origin"] = _place(origin, "origin")
        stored["destination"] = _place(destination, "destination")
        stored["status"] = as_enum(MovementStatus, status, "status")
        stored["provenance"] = as_provenance(provenance)

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


def _place(value: object, name: str) -> Place:
    """*value*, which must be a :class:`Place`."""
    if not isinstance(value, Place):
        raise InvalidInputError(f"{name}: expected a Place", field=name, value=value)
    return value


class _AreaRecord:
    """What claims and combat areas share: an area, its geodesic size and precision, and how they compare.

    Equality compares every field, the geometry last and only when all else is
    equal: the same geometry object is equal at once, two objects are compared by
    value. The hash leaves the geometry out (it follows from the other fields or
    is given with them), so hashing a record never reads a polygon.
    """

    geometry: Polygon | MultiPolygon | None
    areas: tuple[Place, ...]
    #: The getter of every field but ``geometry``, set by :func:`_compared_without_geometry`.
    _compared: ClassVar[attrgetter[tuple[Any, ...]]]
    #: The subclasses are dataclasses.
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if other.__class__ is not self.__class__ or not isinstance(other, _AreaRecord):
            return NotImplemented
        return self._compared(self) == self._compared(other) and same_geometry(self.geometry, other.geometry)

    def __hash__(self) -> int:
        return hash(self._compared(self))

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


A = TypeVar("A", bound=type[_AreaRecord])


def _compared_without_geometry(cls: A) -> A:
    """Class decorator (over ``@dataclass``): the fields :class:`_AreaRecord` compares and hashes first."""
    cls._compared = attrgetter(*(f.name for f in fields(cls) if f.name != "geometry"))
    return cls


#: How many unions of named areas are remembered (the oldest is dropped first).
_UNIONS_KEPT = 512


@lru_cache(maxsize=_UNIONS_KEPT)
def _union_of(places: tuple[Place, ...]) -> tuple[Polygon | MultiPolygon, bool]:
    """The cleaned union of the places' polygons, and whether any of them is approximate.

    Remembered by the places (they hash without their polygons): extraction
    names the same areas in many claims and combat areas.
    """
    polygons = [p.geometry for p in places]
    union = polygons[0] if len(polygons) == 1 else shapely.union_all(polygons)
    return clean_polygon(union, field="geometry"), any(p.approximate for p in places)


#: How many given geometries' cleaned forms are remembered, by the geometry object (the oldest is dropped first).
_CLEANED_KEPT = 512
#: ``id(geometry) -> (geometry, clean_polygon(geometry))``; the geometry is held, so its id stays its own.
_cleaned: dict[int, tuple[BaseGeometry, Polygon | MultiPolygon]] = {}


def _clean_given(geometry: BaseGeometry | Mapping[str, Any]) -> Polygon | MultiPolygon:
    """``clean_polygon(geometry)``, remembered by the geometry object itself.

    Shapely geometries never change, so the same object always cleans to the same polygon: extraction hands
    many claims one remembered extent (:func:`~geoconflict.extraction.claims.claim_geometry`), which is then
    validated once, not once per claim. A mapping, or a geometry that does not clean (the error is raised
    every time), is not remembered. ``tests/test_model_fast.py`` holds this equal to :func:`clean_polygon`.
    """
    if not isinstance(geometry, BaseGeometry):
        return clean_polygon(geometry, field="geometry")
    kept = _cleaned.get(id(geometry))
    if kept is not None and kept[0] is geometry:
        return kept[1]
    cleaned = clean_polygon(geometry, field="geometry")
    if len(_cleaned) >= _CLEANED_KEPT:
        _cleaned.pop(next(iter(_cleaned)), None)
    _cleaned[id(geometry)] = (geometry, cleaned)
    return cleaned


def _area_fields(
    geometry: BaseGeometry | Mapping[str, Any] | None,
    derivation: Derivation | str | None,
    approximate: bool | None,
    areas: tuple[Place, ...],
) -> tuple[Polygon | MultiPolygon | None, Derivation, bool]:
    """The stored ``(geometry, derivation, approximate)`` of a claim or combat area.

    A given geometry is cleaned (derivation ``given`` unless stated); without one,
    the union of the named areas' polygons is used (``union``), else there is none (``none``).
    """
    approx = bool(approximate)
    cleaned: Polygon | MultiPolygon | None
    if geometry is not None:
        cleaned = _clean_given(geometry)
        how = derivation if derivation is not None else Derivation.GIVEN
    else:
        with_polygons = tuple(a for a in areas if a.geometry is not None)
        cleaned, union_approx = _union_of(with_polygons) if with_polygons else (None, False)
        how = derivation or (Derivation.UNION if with_polygons else Derivation.NONE)
        approx = approx or union_approx
    member = as_enum(Derivation, how, "derivation")
    if cleaned is None and member is not Derivation.NONE:
        raise InvalidInputError(
            f"derivation: {member.value!r} given but there is no geometry", field="derivation", value=member
        )
    return cleaned, member, approx


@_compared_without_geometry
@dataclass(frozen=True, init=False, eq=False)
class TerritorialClaim(_AreaRecord):
    """A statement that a party controls territory.

    Claims that disagree are kept side by side (a claim ledger): two sources with
    different figures are two claims, never one averaged number.

    Parameters
    ----------
    claimant : str
        Whose control is claimed (``"Ukrainian forces"``).
    opponent : str, optional
        The side the ground is taken from, when told (``"Russian forces"``: "recaptured the village from Russian
        forces", "after days of fighting with ...", "... withdrew"): ACLED's ``actor2`` of a capture.
    as_of : date or ISO date string, optional
        The date the claim refers to.
    settlements : int, optional
        The number of settlements stated.
    area_km2_stated : float, optional
        The area stated, km².
    areas : iterable of Place
        The named areas the claim concerns; stored as a tuple.
    geometry : Polygon or MultiPolygon, optional
        When None and some ``areas`` have polygons, their union is used
        (``derivation="union"``).
    derivation : Derivation or str, optional
        Where the geometry came from; defaults to ``"given"`` for a supplied
        geometry, ``"union"`` for the areas' union and ``"none"`` without one.
    approximate : bool
        True when the geometry is an estimate (also when an area's polygon in the union is).
    tier : ClaimTier or str
        ``claimed`` (a party's claim) or ``assessed`` (an analyst's assessment).
    note : str, optional
        A plausibility note (stated vs computed figures).
    subtype : str, optional
        ACLED's sub-event type when it is known from the telling: ``"Non-violent transfer of territory"``
        for control taken with no fighting told (see :func:`geoconflict.model.taxonomy.acled_type`).
    disputes : str, optional
        The ``id`` of the claim this one disputes: a denial or counter-claim is its own row of the ledger,
        linked to the claim it answers (its claimant is the side that says it holds the area).
    fatalities : int, optional
        The deaths the report states for the taking of the ground (0 when it says none; None when it does not say).
    provenance : Provenance
        ``provenance.reported_by`` is who reports the claim.
    id : str, optional

    Notes
    -----
    Equality and hashing are :class:`_AreaRecord`'s: the geometry is compared
    cheaply and left out of the hash.
    """

    claimant: str
    _: KW_ONLY
    opponent: str | None = None
    as_of: date | None = None
    settlements: int | None = None
    area_km2_stated: float | None = None
    areas: tuple[Place, ...] = ()
    geometry: Polygon | MultiPolygon | None = None
    derivation: Derivation  # follows from the geometry unless given (see _area_fields)
    approximate: bool = False
    tier: ClaimTier = ClaimTier.CLAIMED
    note: str | None = None
    subtype: str | None = None
    disputes: str | None = None
    fatalities: int | None = None
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __init__(
        self,
        claimant: str,
        *,
        opponent: str | None = None,
        as_of: date | str | None = None,
        settlements: float | None = None,
        area_km2_stated: float | None = None,
        areas: Iterable[Place] | Place | None = (),
        geometry: BaseGeometry | Mapping[str, Any] | None = None,
        derivation: Derivation | str | None = None,
        approximate: bool | None = False,
        tier: ClaimTier | str = ClaimTier.CLAIMED,
        note: str | None = None,
        subtype: str | None = None,
        disputes: str | None = None,
        fatalities: float | None = None,
        provenance: Provenance | None = None,
        id: str | None = None,
    ) -> None:
        stored = self.__dict__  # stored as in Movement.__init__
        stored["claimant"] = required_text(claimant, "claimant")
        stored["opponent"] = as_text(opponent, "opponent")
        stored["fatalities"] = as_count(fatalities, "fatalities")
        stored["subtype"] = as_text(subtype, "subtype")
        stored["disputes"] = as_text(disputes, "disputes")
        stored["as_of"] = as_date(as_of, "as_of")
        stored["settlements"] = as_count(settlements, "settlements")
        stored["area_km2_stated"] = as_amount(area_km2_stated, "area_km2_stated")
        stored["areas"] = places = as_places(areas, "areas")
        stored["tier"] = as_enum(ClaimTier, tier, "tier")
        stored["note"] = as_text(note, "note")
        stored["id"] = as_text(id, "id")
        stored["provenance"] = as_provenance(provenance)
        stored["geometry"], stored["derivation"], stored["approximate"] = _area_fields(
            geometry, derivation, approximate, places)

    @property
    def reported_by(self) -> str | None:
        """Who reports the claim (``provenance.reported_by``)."""
        return self.provenance.reported_by


@_compared_without_geometry
@dataclass(frozen=True, init=False, eq=False)
class CombatArea(_AreaRecord):
    """Fighting reported in named places or districts.

    Parameters
    ----------
    areas : iterable of Place
        The places or districts named; stored as a tuple.
    actors : iterable of str
        The parties, when named; stored as a tuple.
    geometry, derivation, approximate
        As for :class:`TerritorialClaim`.
    description : str, optional
    subtype : str, optional
        ACLED's sub-event type when the fighting is not an armed clash: ``"Mob violence"`` between
        unorganised crowds or party supporters, ``"Violent demonstration"`` when demonstrators fight
        (see :func:`geoconflict.model.taxonomy.acled_type`).
    fatalities : int, optional
        The deaths the report states for the fighting (0 when it says none; None when it does not say).
    provenance : Provenance
        ``event_date`` is when the fighting began (``"began on August 6"``).
    id : str, optional

    Notes
    -----
    Equality and hashing are :class:`_AreaRecord`'s, as for :class:`TerritorialClaim`.
    """

    areas: tuple[Place, ...]
    _: KW_ONLY
    actors: tuple[str, ...] = ()
    geometry: Polygon | MultiPolygon | None = None
    derivation: Derivation  # follows from the geometry unless given (see _area_fields)
    approximate: bool = False
    description: str | None = None
    subtype: str | None = None
    fatalities: int | None = None
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __init__(
        self,
        areas: Iterable[Place] | Place | None,
        *,
        actors: Iterable[str] | str | None = (),
        geometry: BaseGeometry | Mapping[str, Any] | None = None,
        derivation: Derivation | str | None = None,
        approximate: bool | None = False,
        description: str | None = None,
        subtype: str | None = None,
        fatalities: float | None = None,
        provenance: Provenance | None = None,
        id: str | None = None,
    ) -> None:
        stored = self.__dict__  # stored as in Movement.__init__
        stored["areas"] = places = as_places(areas, "areas")
        if not places and geometry is None:
            raise InvalidInputError("areas: a combat area needs named areas or a geometry", field="areas")
        stored["fatalities"] = as_count(fatalities, "fatalities")
        stored["actors"] = as_texts(actors, "actors")
        stored["description"] = as_text(description, "description")
        stored["subtype"] = as_text(subtype, "subtype")
        stored["id"] = as_text(id, "id")
        stored["provenance"] = as_provenance(provenance)
        stored["geometry"], stored["derivation"], stored["approximate"] = _area_fields(
            geometry, derivation, approximate, places)


@dataclass(frozen=True, init=False)
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
    actors : iterable of str
        Who took part; stored as a tuple. For extracted strikes, attacks and protests
        it is ACLED's ``(actor1, actor2)``: the perpetrator, then the target or other
        side when stated.
    description : str, optional
    fatalities : int, optional
        None when not stated; 0 when stated as none.
    precision : Precision or int, optional
        Defaults to the place's precision; stored as a :class:`Precision`.
    provenance : Provenance
    id : str, optional

    Notes
    -----
    Equality and hashing are the dataclass's, over the fields (the place hashes
    without its polygon, see :class:`Place`).
    """

    type: str
    place: Place
    _: KW_ONLY
    subtype: str | None = None
    actors: tuple[str, ...] = ()
    description: str | None = None
    fatalities: int | None = None
    precision: Precision  # the place's unless given
    provenance: Provenance = field(default_factory=Provenance)
    id: str | None = None

    def __init__(
        self,
        type: str,
        place: Place,
        *,
        subtype: str | None = None,
        actors: Iterable[str] | str | None = (),
        description: str | None = None,
        fatalities: float | None = None,
        precision: Precision | int | None = None,
        provenance: Provenance | None = None,
        id: str | None = None,
    ) -> None:
        stored = self.__dict__  # stored as in Movement.__init__
        stored["type"] = required_text(type, "type")
        stored["place"] = place = _place(place, "place")
        stored["subtype"] = as_text(subtype, "subtype")
        stored["actors"] = as_texts(actors, "actors")
        stored["description"] = as_text(description, "description")
        stored["fatalities"] = as_count(fatalities, "fatalities")
        stored["precision"] = as_enum(Precision, place.precision if precision is None else precision, "precision")
        stored["id"] = as_text(id, "id")
        stored["provenance"] = as_provenance(provenance)

    @property
    def geometry(self) -> Point:
        """The event's point (the place's representative point)."""
        return self.place.point

    @property
    def event_type(self) -> str | None:
        """ACLED's event type: that of the ``subtype`` (ACLED's sub-event type), else of the ``type``.

        Examples
        --------
        >>> kharkiv = Place("Kharkiv", kind="populated_place", lat=49.99, lon=36.23)
        >>> Event("strike", kharkiv, subtype="Air/drone strike").event_type
        'Explosions/Remote violence'
        """
        return event_type_of(self.subtype, self.type)


#: Any event record.
Record = Movement | TerritorialClaim | CombatArea | Event
