"""UCDP Georeferenced Event Dataset (GED) CSV → located events.

Columns are those of the GED codebook (``id, relid, year, type_of_violence,
conflict_name, dyad_name, side_a, side_b, source_article, source_original,
where_prec, where_coordinates, where_description, adm_1, adm_2, latitude,
longitude, country, date_prec, date_start, date_end, deaths_a, deaths_b,
deaths_civilians, deaths_unknown, best, high, low``); extra columns are ignored.

How a row becomes an :class:`~geoconflict.model.Event`
-------------------------------------------------------
``type`` is the ``type_of_violence`` (1 ``"state-based conflict"``, 2
``"non-state conflict"``, 3 ``"one-sided violence"``); ``actors`` are
``side_a`` and ``side_b``; ``fatalities`` is ``best``, and ``description``
gives the dyad, the place description and the deaths by side with the low and
high estimates; ``id`` is the GED ``id``. The provenance's ``source`` is
``source_article``, ``reported_by`` is ``source_original``, ``event_date`` and
``event_date_end`` are ``date_start`` and ``date_end`` (no end when it is the
same day). The place is ``where_coordinates`` (falling back to ``adm_2``,
``adm_1``, ``country``) at (``latitude``, ``longitude``).

Precision mappings
------------------
========== ============================================================ ============== ===============
where_prec UCDP's meaning                                               geoconflict    place kind
========== ============================================================ ============== ===============
1          the exact location                                          1 exact        populated_place
2          within a limited area around a named location (≤ 25 km)     2 near         populated_place
3          a second-order unit (district); its centroid                 3 district     admin2
4          a first-order unit (province); its centroid                  4 region       admin1
5          between places, or a part of a country larger than ADM1      5 area         feature
6          only the country; its centroid                               6 country      country
7          over water or in international airspace                      5 area         feature
========== ============================================================ ============== ===============

========= ================================================== ===============
date_prec UCDP's meaning                                     date_precision
========= ================================================== ===============
1         the day is known                                   ``day``
2         a span of 2–6 days                                 ``week``
3         some day in a known week                           ``week``
4         some day in a known month                          ``month``
5         some day in a known year                           ``year``
========= ================================================== ===============
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from geoconflict.model import DatePrecision, Event, Place, PlaceKind, Precision, Provenance
from geoconflict.readers.bulk import unchecked
from geoconflict.readers.cells import a_count, a_date, one_of, text_value
from geoconflict.readers.columns import (
    column_values,
    coordinates,
    country_code_values,
    first_filled,
    groups,
    text_cells,
)
from geoconflict.readers.csvfile import load_layout
from geoconflict.readers.problems import Problems

__all__ = ["DATE_PREC", "TYPE_OF_VIOLENCE", "WHERE_PREC", "is_ucdp", "read_ucdp"]

#: UCDP ``where_prec`` → geoconflict :class:`~geoconflict.model.Precision`.
WHERE_PREC = {
    1: Precision.EXACT,
    2: Precision.NEAR,
    3: Precision.DISTRICT,
    4: Precision.REGION,
    5: Precision.AREA,
    6: Precision.COUNTRY,
    7: Precision.AREA,
}
_KIND = {
    1: PlaceKind.POPULATED_PLACE,
    2: PlaceKind.POPULATED_PLACE,
    3: PlaceKind.ADMIN2,
    4: PlaceKind.ADMIN1,
    5: PlaceKind.FEATURE,
    6: PlaceKind.COUNTRY,
    7: PlaceKind.FEATURE,
}
#: UCDP ``date_prec`` → :class:`~geoconflict.model.DatePrecision`.
DATE_PREC = {
    1: DatePrecision.DAY,
    2: DatePrecision.WEEK,
    3: DatePrecision.WEEK,
    4: DatePrecision.MONTH,
    5: DatePrecision.YEAR,
}
#: UCDP ``type_of_violence`` → event type.
TYPE_OF_VIOLENCE = {1: "state-based conflict", 2: "non-state conflict", 3: "one-sided violence"}

REQUIRED = ("id", "type_of_violence", "where_prec", "latitude", "longitude", "date_prec", "date_start", "date_end",
            "best")
OPTIONAL = ("dyad_name", "side_a", "side_b", "source_article", "source_original", "where_coordinates",
            "where_description", "adm_1", "adm_2", "country", "deaths_a", "deaths_b", "deaths_civilians",
            "deaths_unknown", "low", "high")
TEXT = ("id", "source_article")
_NAME_COLUMNS = ("where_coordinates", "adm_2", "adm_1", "country")
_DEATHS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "high")


def is_ucdp(columns: Iterable[str]) -> bool:
    """Whether a header (column names, any case) looks like a UCDP GED file."""
    names = {c.strip().lower() for c in columns}
    return {"where_prec", "date_prec", "date_start"} <= names


def _description(dyad: str | None, where: str | None, best: int | None,
                 deaths: Sequence[int | None]) -> str | None:
    a, b, civ, unknown, low, high = deaths
    parts = []
    if dyad:
        parts.append(dyad)
    if where:
        parts.append(where)
    if best is not None:
        text = f"deaths: best {best}"
        if low is not None or high is not None:
            text += f" (low {low if low is not None else '?'}, high {high if high is not None else '?'})"
        by_side = [f"{label} {n}" for label, n in (("side A", a), ("side B", b), ("civilians", civ),
                                                   ("unknown", unknown)) if n is not None]
        if by_side:
            text += "; " + ", ".join(by_side)
        parts.append(text)
    return "; ".join(parts) or None


def read_ucdp(
    path: str | os.PathLike[str], *, errors: str = "raise", encoding: str = "utf-8"
) -> tuple[list[Event], Problems, int]:
    """Read a UCDP GED CSV file: ``(records, problems, rows)`` as the other readers."""
    path = Path(path)
    frame, problems = load_layout(path, REQUIRED, OPTIONAL, layout="UCDP GED", text=TEXT, encoding=encoding)
    n = len(frame)

    violence, violence_c = column_values(frame, problems, "type_of_violence",
                                         one_of(TYPE_OF_VIOLENCE, "type_of_violence"))
    wprec_raw, wprec_c = column_values(frame, problems, "where_prec", one_of({k: k for k in WHERE_PREC}, "where_prec"))
    dprec, dprec_c = column_values(frame, problems, "date_prec", one_of(DATE_PREC, "date_prec"))
    start, start_c = column_values(frame, problems, "date_start", a_date)
    end, end_c = column_values(frame, problems, "date_end", a_date, required=False)
    lat_v, lat_c, lon_v, lon_c = coordinates(frame, problems, "latitude", "longitude")
    best, best_c = column_values(frame, problems, "best", a_count, required=False)
    deaths = {c: column_values(frame, problems, c, a_count, required=False) for c in _DEATHS}
    texts = {c: column_values(frame, problems, c, text_value, required=False)
             for c in ("dyad_name", "side_a", "side_b", "source_original", "where_coordinates",
                       "where_description", "adm_1", "adm_2", "country")}
    row_start, row_end = start[start_c], end[end_c]
    before = np.array([e is not None and s is not None and e < s for s, e in zip(row_start, row_end)], dtype=bool)
    problems.add(before, "date_end", np.array(
        [f"date_end {e} is before date_start {s}" if b else None for s, e, b in zip(row_start, row_end, before)],
        dtype=object))

    name, _ = first_filled(texts, _NAME_COLUMNS, n)
    problems.add(name == None, "where_coordinates", "no place name (where_coordinates, adm_1/2, country are empty)")  # noqa: E711

    good = np.flatnonzero(~problems.bad)
    reason = f"UCDP GED table {path.name}"

    country_v, country_c = texts["country"]
    cc_values = country_code_values(country_v)
    a1_v, a1_c = texts["adm_1"]
    a2_v, a2_c = texts["adm_2"]
    place_group, place_first = groups(*(c[good] for c in (
        texts["where_coordinates"][1], a2_c, a1_c, country_c, lat_c, lon_c, wprec_c)))
    places = np.empty(len(place_first), dtype=object)
    for g, i in enumerate(good[place_first]):
        where = wprec_raw[wprec_c[i]]
        places[g] = unchecked(
            Place,
            name=name[i],
            kind=_KIND[where],
            lat=lat_v[lat_c[i]],
            lon=lon_v[lon_c[i]],
            country_code=cc_values[country_c[i]],
            admin1=a1_v[a1_c[i]],
            admin2=a2_v[a2_c[i]],
            approximate=WHERE_PREC[where] > Precision.EXACT,
        )
    row_place = np.empty(n, dtype=object)
    row_place[good] = places[place_group]

    ids = text_cells(frame, "id")
    articles = text_cells(frame, "source_article")
    orig_v, orig_c = texts["source_original"]
    records: list[Event] = []
    for i in good.tolist():
        s, e = row_start[i], row_end[i]
        side_a = texts["side_a"][0][texts["side_a"][1][i]]
        side_b = texts["side_b"][0][texts["side_b"][1][i]]
        fatalities = best[best_c[i]]
        source = articles[i]
        record_id = ids[i]
        records.append(unchecked(
            Event,
            type=violence[violence_c[i]],
            place=row_place[i],
            actors=tuple(a for a in (side_a, side_b) if a is not None),
            description=_description(
                texts["dyad_name"][0][texts["dyad_name"][1][i]],
                texts["where_description"][0][texts["where_description"][1][i]],
                fatalities,
                [deaths[c][0][deaths[c][1][i]] for c in _DEATHS],
            ),
            fatalities=fatalities,
            precision=WHERE_PREC[wprec_raw[wprec_c[i]]],
            provenance=unchecked(
                Provenance,
                source=source if source is not None and not source.isspace() else None,
                reported_by=orig_v[orig_c[i]],
                event_date=s,
                event_date_end=e if e is not None and e > s else None,
                date_precision=dprec[dprec_c[i]],
                reason=reason,
            ),
            id=record_id if record_id is not None and not record_id.isspace() else None,
        ))
    return records, problems, n
