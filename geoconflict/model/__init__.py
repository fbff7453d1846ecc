"""The records every step shares: places, mentions, provenance and events.

Every record is a frozen dataclass, checked on construction, whose fields hold
their final form. Coordinates are degrees on WGS84 (EPSG:4326); shapely
geometries are in (lon, lat) order, while the ``lat``/``lon`` fields say which
is which by name. The precision scale is the same for every source (see
:class:`Precision`). Import the records from here; they are defined by concern:

* :mod:`~geoconflict.model._enum`: the enumerations (:class:`Precision`, :class:`PlaceKind`, …);
* :mod:`~geoconflict.model._checks`: the field checks the records share;
* :mod:`~geoconflict.model.provenance`: :class:`Provenance`;
* :mod:`~geoconflict.model.place`: :class:`Place` and :class:`Mention`;
* :mod:`~geoconflict.model.events`: :class:`Movement`, :class:`TerritorialClaim`,
  :class:`CombatArea`, :class:`Event` and the :data:`Record` union;
* :mod:`~geoconflict.model.taxonomy`: ACLED's event and sub-event types, and :func:`acled_type` of any record;
* :mod:`~geoconflict.model.geometry`: the geodesic helpers (pyproj) they use;
* :mod:`~geoconflict.model.eventset`: the collection, :class:`~geoconflict.model.eventset.EventSet`;
* :mod:`~geoconflict.model.frames`: its GeoDataFrame schema;
* :mod:`~geoconflict.model.io`: GeoJSON, GeoPackage and CSV files.

Examples
--------
>>> from datetime import date
>>> from geoconflict.model import Movement, Place, Provenance
>>> kaliningrad = Place("Kaliningrad Oblast", kind="admin1", lat=54.75, lon=21.0, country_code="RU")
>>> kursk = Place("Kursk Oblast", kind="admin1", lat=51.75, lon=36.2, country_code="RU")
>>> move = Movement("Russian armed forces", kaliningrad, kursk, status="unconfirmed",
...                 provenance=Provenance(reported_by="Laurynas Kasčiūnas",
...                                       report_date=date(2024, 8, 14)))
>>> move.status, round(move.length_km)
(<MovementStatus.UNCONFIRMED: 'unconfirmed'>, 1066)
"""

from __future__ import annotations

from geoconflict.model._enum import ClaimTier, DatePrecision, Derivation, MovementStatus, PlaceKind, Precision
from geoconflict.model.events import CombatArea, Event, Movement, Record, TerritorialClaim
from geoconflict.model.place import Mention, Place
from geoconflict.model.provenance import Provenance
from geoconflict.model.taxonomy import acled_type

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
    "acled_type",
]
