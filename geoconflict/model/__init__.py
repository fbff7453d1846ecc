"""The records every step shares: places, mentions, provenance and events.

:mod:`~geoconflict.model.place` defines places and mentions,
:mod:`~geoconflict.model.provenance` where a record comes from,
:mod:`~geoconflict.model.events` the event records (:mod:`~geoconflict.model.records`
gathers them all, with the enumerations of :mod:`~geoconflict.model._enum`),
:mod:`~geoconflict.model.geometry` the geodesic helpers they use,
:mod:`~geoconflict.model.eventset` the collection, :mod:`~geoconflict.model.frames`
its GeoDataFrame schema and :mod:`~geoconflict.model.io` the GeoJSON,
GeoPackage and CSV files.

>>> from geoconflict.model import Place
>>> Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27).precision
<Precision.EXACT: 1>
"""

from geoconflict.model.records import (
    ClaimTier,
    CombatArea,
    DatePrecision,
    Derivation,
    Event,
    Mention,
    Movement,
    MovementStatus,
    Place,
    PlaceKind,
    Precision,
    Provenance,
    Record,
    TerritorialClaim,
)

__all__ = [
    "ClaimTier",
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
]
