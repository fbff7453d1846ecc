"""Geocoding a list of names into JSON-ready records (the ``geoconflict geocode`` command's output).

Examples
--------
>>> record = geocode_records(["Sudzha"], limit=2)[0]
>>> record["name"], record["kind"], len(record["candidates"])
('Sudzha', 'populated_place', 1)
>>> geocode_records(["Novohrodivkq"])[0]["suggestions"][0]["name"]
'Novohrodivka'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from geoconflict.errors import InvalidInputError, PlaceNotFoundError
from geoconflict.gazetteer.candidates import Candidate
from geoconflict.gazetteer.index import Gazetteer

__all__ = ["geocode_records"]


def geocode_records(names: Iterable[str], *, country: str | None = None, kind: str | None = None,
                    limit: int = 5, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """One JSON-ready dict per name: the best place and runners-up, or an error.

    Keys: ``query, name, kind, lat, lon, country_code, admin1, admin2,
    precision, approximate, geonames_id, score, candidates`` (the runners-up,
    each ``name, country_code, lat, lon, score``); or ``query, error,
    suggestions`` when the name cannot be resolved. Names are looked up in
    *gazetteer* (the default one when None).

    Examples
    --------
    >>> geocode_records(["Sudzha"])[0]["admin1"]
    'Kursk Oblast'
    """
    gaz = gazetteer or Gazetteer.default()
    out: list[dict[str, Any]] = []
    for name in names:
        try:
            hits = gaz.search(name, kind=kind, country=country, limit=limit)
            if not hits:
                raise PlaceNotFoundError(name, gaz.suggest(name, kind=kind, country=country))
        except (InvalidInputError, PlaceNotFoundError) as exc:
            suggestions = getattr(exc, "suggestions", ())
            out.append({"query": name, "error": str(exc), "suggestions": [_brief(c) for c in suggestions]})
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


def _brief(c: Candidate) -> dict[str, Any]:
    p = c.place
    return {"name": p.name, "country_code": p.country_code, "lat": p.lat, "lon": p.lon, "score": c.score}
