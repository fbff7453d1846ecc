"""``geoconflict.render``: the map of :func:`geoconflict.maps.render.render`, with towns from the gazetteer.

The maps never import the gazetteer (see ``DESIGN.md``); this module, above both,
passes the gazetteer's most populous settlements near the data to the map, where
they label the basemap from district zoom on.

Examples
--------
>>> import geoconflict as gc
>>> sudzha = gc.Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, country_code="RU")
>>> m = gc.render([gc.Event("clash", sudzha)], title="Border")
>>> "Towns (GeoNames)" in m.get_root().render()
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import folium

from geoconflict.gazetteer.index import Gazetteer
from geoconflict.maps import render as maps_render
from geoconflict.maps.towns import TownSource
from geoconflict.model import Place

__all__ = ["render"]


def render(events: Any, *, towns: bool | TownSource | Iterable[Place] = True, **options: Any) -> folium.Map:
    """Draw events as a layered, sourced map, with towns to orient by at district zoom.

    Parameters
    ----------
    events : EventSet, iterable of records, or list of EventSets
        What to draw (see :func:`geoconflict.maps.render.render`).
    towns : bool, callable or iterable of Place
        ``True`` (default): the most populous settlements of the default
        gazetteer (:meth:`~geoconflict.Gazetteer.largest_places`) near the data,
        labelled from zoom 8 on; ``False``: none; or a source or list of towns
        as :func:`geoconflict.maps.render.render` takes them.
    **options
        The options of :func:`geoconflict.maps.render.render` (``m``, ``tiles``,
        ``title``, ``time_slider``, ``legend``, ``attribution``, ``fit_bounds``,
        drawing styles).

    Returns
    -------
    folium.Map
    """
    if towns is True:
        source: TownSource | Iterable[Place] | None = Gazetteer.default().largest_places
    elif towns is False:
        source = None
    else:
        source = towns
    return maps_render.render(events, towns=source, **options)
