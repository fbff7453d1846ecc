"""Write and read event sets as GeoJSON, GeoPackage and CSV, losslessly, safely, sized by events.

* GeoJSON (:mod:`~geoconflict.model.geojson`) follows RFC 7946: one
  FeatureCollection, (lon, lat) coordinates, counter-clockwise exterior rings,
  no ``crs`` member; every record is a feature whose properties are the columns
  of :mod:`geoconflict.model.frames` that it states: a missing value (and an
  unknown date precision, :data:`~geoconflict.model.frames.UNSTATED`) is left
  out, which GDAL, QGIS and geopandas read as null, as this package's reader does.
  The mentions are the exception, by default (``mentions="columns"``): rows of
  the collection's ``"mentions"`` member keyed to the place features, which count
  them (:mod:`~geoconflict.model.mentioncolumns`); ``mentions="features"`` makes
  each a feature.
* GeoPackage (:mod:`~geoconflict.model.geopackage`) has one layer per kind
  (``places``, ``movements``, ``claims``, ``combats``, ``events``), GDAL's own
  layers and R-tree index with the rows inserted in bulk
  (:mod:`geoconflict.model.gpkg`); QGIS opens it directly. Each layer has the
  columns its layout can fill (:func:`~geoconflict.model.frames.file_columns`),
  and the mentions' layer no spatial index: its points are its places' points,
  which the place table indexes.
* CSV (:mod:`~geoconflict.model.csvfile`) has the columns of the mixed frame and
  the geometry as WKT.

This module gathers their public names; :mod:`~geoconflict.model.filelayout`
holds what the writers share.

**Each place and each text once.** Each place is written once per file, as a
row of kind ``place_table`` (a ``place_table`` layer in a GeoPackage) with its
polygon, or its point when it has none, that the records naming it refer to by
id; a mention's own geometry is its place's point. ``detail=`` chooses how much
of each polygon is written: ``"full"`` (the default: the file reads back
equal), ``"simplified"`` or ``"point"`` (see :mod:`geoconflict.model.placetable`).
With ``texts="table"`` (the GeoPackage's default) each distinct quote and
reason is written once, and records hold its id in ``quote_ref`` /
``reason_ref``: in a GeoPackage as the table ``text_table`` (``id``, ``text``;
no geometry), which QGIS joins, in GeoJSON as the collection's member
``"texts"`` (an object from id to text, after ``"features"``). GDAL, and so
QGIS and geopandas, ignore such a GeoJSON member: they would read every
feature, place and geometry, but see a quote as its id. So a GeoJSON keeps its
texts in every feature by default (``texts="inline"``), a file any GIS reads
whole; ``texts="table"`` makes it smaller for readers of this package. The
mentions' columns, which no GIS reads, refer to the ``"texts"`` member whatever
*texts* says. A CSV, read in spreadsheets, keeps its texts inline.

**Derived geometries drawn light.** A movement's line is computed from its origin and
destination, which the file holds exactly; GeoJSON writes its coordinates to
:data:`~geoconflict.model.geojson.DERIVED_DECIMALS` decimals (RFC 7946, section 11.2),
and the reader computes the line again. A claim's or combat area's area made of its
places' polygons is written as a copy simplified in proportion to its size
(:func:`~geoconflict.model.placetable.drawn`); the reader makes the exact area again.

**Safe writes.** Every writer streams its records (``progress=True`` shows a
tqdm bar; the default shows one when standard error is a terminal) into a
temporary file beside the target and renames it over the target only when it
is complete: an error or Ctrl-C part-way leaves the previous file as it was and
no temporary file behind. A folder that does not exist or cannot be written is an
:class:`~geoconflict.errors.OutputError` naming the path.

**Spreadsheet formulas.** A CSV text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return would run as a formula when the file is opened
in a spreadsheet (OWASP's "CSV injection"), so :func:`write_csv` writes it with a
leading apostrophe (``'=1+1``), as does a cell that starts with an apostrophe
itself; :func:`read_csv_events` takes that one apostrophe off again, so the round
trip is exact. Numbers, dates and the WKT geometry are never prefixed.

Reading any of them back gives records equal to those written.

Examples
--------
>>> import tempfile, pathlib
>>> from geoconflict import EventSet, Event, Place, read_geojson, write_geojson
>>> kyiv = Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA")
>>> events = EventSet([Event("meeting", kyiv, actors=("Laurynas Kasčiūnas", "Volodymyr Zelensky"))])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "events.geojson"
>>> _ = write_geojson(events, path)
>>> read_geojson(path) == events
True
"""

from __future__ import annotations

from geoconflict.model.csvfile import (
    FORMULA_GUARD,
    FORMULA_STARTS,
    guard_formula,
    read_csv_events,
    unguard_formula,
    write_csv,
)
from geoconflict.model.geojson import (
    GENERATOR,
    TEXTS_MEMBER,
    read_geojson,
    to_feature_collection,
    write_geojson,
)
from geoconflict.model.geopackage import (
    GPKG_CHUNK_RECORDS,
    GPKG_CHUNK_ROWS,
    LAYERS,
    read_geopackage,
    write_geopackage,
)

__all__ = [
    "FORMULA_GUARD",
    "FORMULA_STARTS",
    "GENERATOR",
    "GPKG_CHUNK_RECORDS",
    "GPKG_CHUNK_ROWS",
    "LAYERS",
    "TEXTS_MEMBER",
    "guard_formula",
    "read_csv_events",
    "read_geojson",
    "read_geopackage",
    "to_feature_collection",
    "unguard_formula",
    "write_csv",
    "write_geojson",
    "write_geopackage",
]
