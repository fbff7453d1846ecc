"""Many territorial claims at named places: counted per area when zoomed out, each one when zoomed in.

A table's territory rows ("Government regains territory", "Non-state actor
overtakes territory") are claims drawn at one place, as many as a tenth of a
table's rows: tens of thousands on a country's map. Drawn one by one and listed
in the ledger, they made a page of a million rows slow to open and the ledger
useless. On a map of more than :data:`~geoconflict.maps.aggregate.AGGREGATE_FROM`
points (events and such claims together), the claims drawn at one place
(:func:`~geoconflict.maps.claims.drawn_at_a_point`) are therefore a layer of
their own, built like the events' (:class:`~geoconflict.maps.aggregate.Aggregated`):
below :data:`~geoconflict.maps.aggregate.DETAIL_ZOOM` one dashed circle per grid
cell, coloured by the claimant claiming most there, its popup the counts by
claimant and the dates; from that zoom on each claim, with the popup the claims
layer gives it (its rivals found among every claim of the map). Claims with an
area of their own (a geometry, a named region) stay in the claims layer and its
ledger, drawn one by one.

Examples
--------
>>> from datetime import date
>>> from geoconflict.model import Place, TerritorialClaim
>>> from geoconflict.maps.style import Colours, Style
>>> town = Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, country_code="RU")
>>> claims = [TerritorialClaim(side, areas=(town,), as_of=date(2024, 8, day))
...           for side, day in (("Army of Freedonia", 6), ("Army of Freedonia", 7), ("Sylvanian Militia", 9))]
>>> built, ledger = claim_layers(claims, Style(), sides=Colours(Style()), aggregate=True)
>>> [type(layer).__name__ for layer in built], ledger
(['AggregatedClaims'], [])
>>> band = built[0].to_dict({d: i for i, d in enumerate(built[0].dates)})["bands"][-1]
>>> [band["strings"][k] for k in band["values"]]
['3', 'Army of Freedonia: 2 · Sylvanian Militia: 1', '2024-08-06 – 2024-08-09']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from geoconflict.maps.aggregate import DETAIL_ZOOM, Aggregated
from geoconflict.maps.builder import MISSING, LayerBuilder
from geoconflict.maps.claims import (
    AT_PLACE_LEGEND,
    CLAIM_FIELDS,
    Rivals,
    claim_popup,
    claims_layer,
    drawn_at_a_point,
    ring_style,
)
from geoconflict.maps.style import Colours, Style
from geoconflict.model import TerritorialClaim

__all__ = ["CLAIM_CELL_FIELDS", "AggregatedClaims", "claim_layers"]

#: The popup fields of a cell of claims.
CLAIM_CELL_FIELDS = ["Claims", "By claimant", "Dates"]

#: A cell's title (``{events}``: "1,234 territorial claims").
CLAIM_CELL_TITLE = "{events} here (zoom in to see each)"

#: The legend's line saying what a dashed circle is below the detail zoom.
CLAIM_CELL_LEGEND = "dashed circle: claims counted per area, sized by count (zoom in to see each)"

#: The ledger's line for the claims counted per area (``{by}``: the claimants who claim most, with counts).
LEDGER_NOTE = "{n:,} claims at named places are counted on the map, not listed here ({by}); zoom in to level {zoom} to see each."

#: How many claimants the ledger's line names; the rest are summed as others.
LEDGER_CLAIMANTS = 5

#: A cell's circle: outlined in its claimant's colour, dashed as a claim at a named place is.
CELL_WEIGHT, CELL_FILL_OPACITY, CELL_DASHES = 2, 0.6, "4 3"


class AggregatedClaims(Aggregated):
    """The claims drawn at one place of a map of many points: cells per zoom band, each claim in chunks.

    Parameters
    ----------
    claims : sequence of TerritorialClaim
        Claims each drawn at one place (:func:`~geoconflict.maps.claims.drawn_at_a_point`).
    rivals : sequence of str or None
        Each claim's *Competing claims* text (found among every claim of the map).
    sides : Colours
        The claimants' colours (shared with the movements and the other claims).
    """

    key = "claims"
    fields = CLAIM_FIELDS
    title_from = None
    cell_fields = CLAIM_CELL_FIELDS
    cell_title = CLAIM_CELL_TITLE
    cell_noun = "territorial claims"
    front = True  # a tenth of a table's rows at most: circles inside the events' circles of the same cells

    def __init__(self, claims: Sequence[TerritorialClaim], rivals: Sequence[str | None], sides: Colours):
        places = [claim.areas[0] for claim in claims]
        self._set_coordinates(np.array([p.lat for p in places], dtype=np.float64),
                              np.array([p.lon for p in places], dtype=np.float64))
        self.cat_code, claimants = pd.factorize(np.array([c.claimant for c in claims] + [""], dtype=object)[:-1])
        self.cats = [str(c) for c in claimants]
        self.colours = [sides(c) for c in self.cats]
        layer = LayerBuilder(self.key, CLAIM_FIELDS)
        for claimant, colour in zip(self.cats, self.colours, strict=True):
            layer.add_legend(claimant, "area", color=colour)
        styles: dict[tuple[int, Any], int] = {}
        self.style = np.array([styles.setdefault((k, p.kind), ring_style(layer, p.kind, self.colours[k]))
                               for k, p in zip(self.cat_code.tolist(), places, strict=True)], dtype=np.int64)
        for colour in self.colours:
            layer.add_legend(AT_PLACE_LEGEND, "point-approx", color=colour)
        self.point_styles = layer.styles
        self.legend = [*layer.legend, {"label": CLAIM_CELL_LEGEND, "swatch": "point-approx",
                                       "color": self.colours[0] if self.colours else "#555555"}]
        popups = [claim_popup(claim, None, summary) for claim, summary in zip(claims, rivals, strict=True)]
        texts = np.array([t for title, values, _ in popups for t in (title, *values)] + [None],
                         dtype=object)[:-1].reshape(len(claims), len(CLAIM_FIELDS) + 1)
        codes, strings = pd.factorize(texts.ravel())  # None → -1: a field without a value
        codes = codes.reshape(texts.shape)
        empty = [k for k, t in enumerate(strings.tolist()) if t == ""]
        if empty:
            codes[codes == empty[0]] = MISSING  # an empty text is a missing one, as a small map's
        self.strings = np.asarray(strings, dtype=object)
        self.titles, self.values = codes[:, 0], np.ascontiguousarray(codes[:, 1:])
        days = [day for _, _, day in popups]
        day_c, distinct = pd.factorize(np.array(days + [None], dtype=object)[:-1])
        self._set_days([*distinct.tolist(), None], np.where(day_c < 0, len(distinct), day_c))

    def cell_style(self, layer: LayerBuilder, colour: str, radius: int) -> int:
        return layer.style(color=colour, fillColor=colour, radius=radius, weight=CELL_WEIGHT,
                           fillOpacity=CELL_FILL_OPACITY, dashArray=CELL_DASHES)

    def to_dict(self, date_table: dict[date, int]) -> dict[str, Any]:
        data = super().to_dict(date_table)
        data["ledgerNote"] = self.ledger_note()
        return data

    def ledger_note(self) -> str:
        """What the ledger says of these claims: how many, who claims most, where to see each.

        Examples
        --------
        >>> from geoconflict.model import Place, TerritorialClaim
        >>> from geoconflict.maps.style import Colours, Style
        >>> town = Place("Sudzha", kind="populated_place", lat=51.19, lon=35.27, country_code="RU")
        >>> claims = [TerritorialClaim(side, areas=(town,)) for side in ("North", "South", "North")]
        >>> AggregatedClaims(claims, [None] * 3, Colours(Style())).ledger_note()  # doctest: +NORMALIZE_WHITESPACE
        '3 claims at named places are counted on the map, not listed here (North: 2 · South: 1);
         zoom in to level 9 to see each.'
        """
        counts = np.bincount(self.cat_code, minlength=len(self.cats)).tolist()
        ranked = sorted(zip(self.cats, counts, strict=True), key=lambda pair: -pair[1])
        named = [f"{claimant}: {n:,}" for claimant, n in ranked[:LEDGER_CLAIMANTS]]
        rest = sum(n for _, n in ranked[LEDGER_CLAIMANTS:])
        if rest:
            named.append(f"others: {rest:,}")
        return LEDGER_NOTE.format(n=self.n, by=" · ".join(named), zoom=DETAIL_ZOOM)


def claim_layers(
    claims: Sequence[TerritorialClaim], style: Style, *, sides: Colours, aggregate: bool
) -> tuple[list[LayerBuilder | AggregatedClaims], list[dict[str, Any]]]:
    """The layers of ``claims`` and the ledger's rows.

    Without ``aggregate``: the claims layer of every claim (:func:`~geoconflict.maps.claims.claims_layer`).
    With it: the claims drawn at one place counted per area (:class:`AggregatedClaims`), and the
    others in the claims layer and its ledger; every claim's rivals are found among all of them.
    """
    if not aggregate:
        every, rows = claims_layer(claims, style, sides=sides)
        return [every], rows
    rivals = Rivals(claims)
    at_points = [n for n, claim in enumerate(claims) if drawn_at_a_point(claim)]
    others = [n for n, claim in enumerate(claims) if not drawn_at_a_point(claim)]
    built: list[LayerBuilder | AggregatedClaims] = []
    ledger: list[dict[str, Any]] = []
    if others:
        layer, ledger = claims_layer([claims[n] for n in others], style, sides=sides,
                                     rivals=lambda k: rivals.summary(others[k]))
        built.append(layer)
    if at_points:
        built.append(AggregatedClaims([claims[n] for n in at_points], [rivals.summary(n) for n in at_points], sides))
    return built, ledger
