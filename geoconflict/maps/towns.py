"""Towns to orient by at district zoom: the most populous settlements near the data, as quiet labels.

The maps never import the gazetteer: whoever has one passes a *town source*, a
function ``source(box, n=…)`` giving the ``n`` most populous settlements (as
:class:`~geoconflict.model.Place`) in a ``(south, west, north, east)`` box, such
as :meth:`geoconflict.Gazetteer.largest_places`. :func:`towns_payload` asks it for
each cell of the finest detail region (:mod:`~geoconflict.maps.detail`), so the
labels spread over the area a reader zooms into, and the page shows them from
:data:`TOWN_ZOOM` on, below every label of the data.

Examples
--------
>>> from geoconflict.model import Place
>>> def source(box, *, n):
...     return [Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, population=5000)][:n]
>>> payload = towns_payload(source, frozenset({(51, 35)}))
>>> payload["names"], payload["zoom"]
(['Sudzha'], 8)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from geoconflict.errors import InvalidInputError
from geoconflict.maps.detail import CELL_DEGREES, LEVELS, region_cells
from geoconflict.maps.style import quantize
from geoconflict.model import Place

__all__ = ["TOWN_ZOOM", "TownSource", "towns_payload"]

#: The zoom from which town labels show (about 600 m a pixel at the equator).
TOWN_ZOOM = 8
#: Towns asked for in each cell of the detail region.
TOWNS_PER_CELL = 6
#: At most this many cells are asked: a map of a continent labels no towns (it has no district zoom to keep small).
MAX_TOWN_CELLS = 600


class TownSource(Protocol):
    """Gives the ``n`` most populous settlements in a ``(south, west, north, east)`` box."""

    def __call__(self, box: tuple[float, float, float, float], *, n: int) -> Sequence[Place]: ...


def towns_payload(source: TownSource | Iterable[Place], cells: frozenset[tuple[int, int]]) -> dict[str, Any] | None:
    """The page's towns: names and positions (1e-5 degrees), most populous first, or None when there are none.

    ``source`` is a :class:`TownSource` asked for each cell within the finest
    detail level's reach of the data ``cells``, or the towns themselves.
    """
    if callable(source):
        found = region_cells(cells, LEVELS[0].reach)
        if len(found) > MAX_TOWN_CELLS:
            return None
        places: list[Place] = []
        for south, west in found:
            places.extend(source((south, west, south + CELL_DEGREES, west + CELL_DEGREES), n=TOWNS_PER_CELL))
    else:
        places = list(source)
    bad = next((p for p in places if not isinstance(p, Place)), None)
    if bad is not None:
        raise InvalidInputError(f"towns: expected Place records, got {type(bad).__name__}", field="towns", value=bad)
    places = sorted(set(places), key=lambda p: (-(p.population or 0), p.name))
    if not places:
        return None
    return {"zoom": TOWN_ZOOM, "names": [p.name for p in places],
            "lat": [quantize(p.lat) for p in places], "lon": [quantize(p.lon) for p in places]}
