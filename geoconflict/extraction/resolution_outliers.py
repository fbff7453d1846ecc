"""The report's main area, and the weakly supported towns far from it: left unresolved (:func:`drop_outliers`)."""

from __future__ import annotations

import numpy as np

from geoconflict.extraction.resolution_common import (
    AREA_NAMES,
    NOT_A_PLACE,
    SMALL_TOWN_POPULATION,
    near_any,
    unplace,
)
from geoconflict.extraction.spans import Span
from geoconflict.model import Place, PlaceKind
from geoconflict.text.normalize import fold

__all__ = ["drop_outliers"]

#: A small town alone in its country is no outlier within this many km of one of the main area's places
#: (a town just across a border).
OUTLIER_KM = 100.0


def drop_outliers(spans: list[Span]) -> list[Span]:
    """Unplace weakly supported one-word towns far from the report's main area; drop the spans found no place.

    A small one-word town (fewer than ``SMALL_TOWN_POPULATION`` people) alone in its country is an outlier
    only relative to the report's main area: the country holding the most distinct names, at least
    ``AREA_NAMES`` (a report of two countries, one name each, keeps both), and the town more than
    ``OUTLIER_KM`` from all its places (a town just across the border is no outlier). An outlier
    stays among the spans without a place, its reason and candidates kept (an unresolved mention), so
    nothing the reader named vanishes; spans found to name no place (``NOT_A_PLACE``) are dropped.

    Examples
    --------
    >>> drop_outliers([])
    []
    """
    names: dict[str, set[str]] = {}
    for x in spans:
        if x.place is not None:
            names.setdefault(x.place.country_code or "", set()).add(fold(x.surface))
    main = max(names, key=lambda cc: len(names[cc]), default="")
    if len(names.get(main, ())) >= AREA_NAMES:
        points = {(x.place.lat, x.place.lon) for x in spans
                  if x.place is not None and (x.place.country_code or "") == main}
        lat, lon = np.array([q[0] for q in points]), np.array([q[1] for q in points])
        far: dict[Place, bool] = {}  # (each place measured once: a name repeated is one question)
        for x in spans:
            p = x.place
            if (p is not None and p.kind is PlaceKind.POPULATED_PLACE and " " not in x.surface
                    and (p.population or 0) < SMALL_TOWN_POPULATION and len(names[p.country_code or ""]) == 1
                    and far.setdefault(p, not near_any(p, lat, lon, OUTLIER_KM))):
                unplace(x, f"a small town alone in {p.country_code}, far from the report's main area", outlier=True)
    return [x for x in spans if x.place is not None or NOT_A_PLACE not in x.reason]
