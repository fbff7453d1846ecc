"""Territorial-control GeoJSON → territorial claims with their given polygons.

Public front-line maps publish control areas as a GeoJSON FeatureCollection of
(Multi)Polygons whose properties say who holds the area.  Each feature becomes
a :class:`~geoconflict.model.records.TerritorialClaim` with ``derivation="given"``.
Properties are matched by name, case-insensitively; the first present wins:

============== ==================================================================
field          properties
============== ==================================================================
claimant       claimant, owner, controlled_by, controller, control, holder, side,
               party; else the status text (status, name, layer, label)
tier           tier; else ``"claimed"`` when the status text mentions a claim,
               else ``"assessed"`` (a published control map is an analyst's
               assessment)
as_of          as_of, as_of_date, date, updated, valid_from; else the
               collection's own ``as_of`` or ``date`` member
reported_by    reported_by, publisher, author, attribution; else the collection's
source         source, url; else the collection's ``source`` or the file name
settlements    settlements
area stated    area_km2_stated, area_km2 (km²)
note           note, notes, description, comment
id             id; else the feature's ``id``
============== ==================================================================
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import shapely.geometry

from geoconflict.errors import FormatError, InvalidInputError
from geoconflict.model.records import ClaimTier, DatePrecision, Derivation, Provenance, TerritorialClaim
from geoconflict.readers._common import Problems, parse_count, parse_date, parse_float

__all__ = ["PROPERTIES", "read_control"]

#: Property names read for each field, in order of preference.
PROPERTIES: dict[str, tuple[str, ...]] = {
    "claimant": ("claimant", "owner", "controlled_by", "controller", "control", "holder", "side", "party"),
    "status": ("status", "name", "layer", "label"),
    "tier": ("tier",),
    "as_of": ("as_of", "as_of_date", "date", "updated", "valid_from"),
    "reported_by": ("reported_by", "publisher", "author", "attribution"),
    "source": ("source", "url"),
    "settlements": ("settlements",),
    "area_km2_stated": ("area_km2_stated", "area_km2"),
    "note": ("note", "notes", "description", "comment"),
    "id": ("id",),
}


def _get(props: dict, field: str):
    for name in PROPERTIES[field]:
        if name in props and props[name] is not None and str(props[name]).strip():
            return name, props[name]
    return PROPERTIES[field][0], None


def read_control(path: str | os.PathLike[str], *, errors: str = "raise", encoding: str = "utf-8"):
    """Read a control-area GeoJSON file: ``(records, problems, features)``."""
    from geoconflict.readers.tables import _load_json

    path = Path(path)
    data = _load_json(path)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise FormatError("not a GeoJSON FeatureCollection (no 'features' list)", path=str(path))
    top = {str(k).lower(): v for k, v in data.items() if k not in ("features", "type")}
    default_as_of = parse_date(str(top.get("as_of") or top.get("date") or "")) if (top.get("as_of") or
                                                                                  top.get("date")) else None
    default_by = top.get("reported_by") or top.get("publisher") or top.get("attribution")
    default_source = top.get("source") or path.name
    problems = Problems(path, np.arange(1, len(features) + 1))
    records = []
    for i, feature in enumerate(features):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.add_row(i, None, "not a GeoJSON Feature")
            continue
        props = {str(k).lower(): v for k, v in (feature.get("properties") or {}).items()}
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            kind = geometry.get("type") if isinstance(geometry, dict) else None
            problems.add_row(i, "geometry", f"a control area must be a Polygon or MultiPolygon, got {kind}")
            continue
        claim_key, claimant = _get(props, "claimant")
        status_key, status = _get(props, "status")
        if claimant is None:
            claimant, claim_key = status, status_key
        if claimant is None:
            problems.add_row(i, "claimant", "no claimant: expected one of the properties "
                             + ", ".join(PROPERTIES["claimant"] + PROPERTIES["status"]))
            continue
        tier_key, tier = _get(props, "tier")
        if tier is None:
            words = " ".join(str(v) for v in (status, claimant, _get(props, "note")[1]) if v).lower()
            tier = ClaimTier.CLAIMED if "claim" in words else ClaimTier.ASSESSED
        as_of_key, as_of = _get(props, "as_of")
        if as_of is not None:
            as_of = parse_date(str(as_of))
            if as_of is None:
                problems.add_row(i, as_of_key, f"{as_of_key} {props[as_of_key]!r} is not a date (YYYY-MM-DD)")
                continue
        else:
            as_of = default_as_of
        counts = {}
        bad = False
        for field, parse in (("settlements", parse_count), ("area_km2_stated", parse_float)):
            key, value = _get(props, field)
            counts[field] = None if value is None else parse(str(value))
            if value is not None and (counts[field] is None or counts[field] < 0):
                problems.add_row(i, key, f"{key} {value!r} is not a number ≥ 0")
                bad = True
        if bad:
            continue
        feature_id = _get(props, "id")[1] or feature.get("id")
        try:
            shape = shapely.geometry.shape(geometry)
            records.append(TerritorialClaim(
                str(claimant),
                as_of=as_of,
                settlements=counts["settlements"],
                area_km2_stated=counts["area_km2_stated"],
                geometry=shape,
                derivation=Derivation.GIVEN,
                tier=tier,
                note=_text(_get(props, "note")[1]),
                provenance=Provenance(
                    source=_text(_get(props, "source")[1]) or str(default_source),
                    reported_by=_text(_get(props, "reported_by")[1]) or _text(default_by),
                    event_date=as_of,
                    date_precision=DatePrecision.DAY if as_of else DatePrecision.UNKNOWN,
                    reason=f"control map {path.name}, feature {i + 1}"
                    + (f" ({status_key}: {status})" if status is not None and status != claimant else ""),
                ),
                id=None if feature_id is None else str(feature_id),
            ))
        except (InvalidInputError, ValueError, TypeError, AttributeError) as exc:
            field = getattr(exc, "field", None)
            column = {"tier": tier_key, "claimant": claim_key}.get(field, "geometry" if field in (
                None, "geometry") else field)
            problems.add_row(i, column, str(exc))
    return records, problems, len(features)


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None
