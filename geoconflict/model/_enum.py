"""The enumerations the records use: precision, place kinds, statuses, tiers and derivations.

Every field that takes one of these accepts the member or its value (``"admin1"``,
``4``) and stores the member.

Examples
--------
>>> PlaceKind("admin1"), KIND_PRECISION[PlaceKind.ADMIN1]
(<PlaceKind.ADMIN1: 'admin1'>, <Precision.REGION: 4>)
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

__all__ = [
    "KIND_PRECISION",
    "ClaimTier",
    "DatePrecision",
    "Derivation",
    "MovementStatus",
    "PlaceKind",
    "Precision",
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


#: The precision a mention of a place of each kind gives an event.
KIND_PRECISION: dict[PlaceKind, Precision] = {
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
