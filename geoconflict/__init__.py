"""geoconflict: accurate, sourced, layered maps from conflict reporting.

Text → places → events → layers → map. Public names are imported lazily, so
``import geoconflict`` stays fast and a command such as ``geoconflict geocode``
never pays for geopandas or folium.

Examples
--------
>>> import geoconflict as gc
>>> gc.Place("Kyiv", kind="populated_place", lat=50.45, lon=30.52, country_code="UA").precision
<Precision.EXACT: 1>
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("geoconflict")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

# public name -> module that defines it
_EXPORTS = {
    # reports → events
    "read_report": "text.report",
    "Report": "text.report",
    "extract": "extraction",
    # errors
    "GeoconflictError": "errors",
    "InvalidInputError": "errors",
    "CoordinateError": "errors",
    "GeometryError": "errors",
    "DateError": "errors",
    "FormatError": "errors",
    "PlaceNotFoundError": "errors",
    "DataNotFoundError": "errors",
    "ProviderError": "errors",
    "OutputError": "errors",
    # model
    "Place": "model",
    "PlaceKind": "model",
    "Precision": "model",
    "Mention": "model",
    "Provenance": "model",
    "DatePrecision": "model",
    "Movement": "model",
    "MovementStatus": "model",
    "TerritorialClaim": "model",
    "ClaimTier": "model",
    "Derivation": "model",
    "CombatArea": "model",
    "Event": "model",
    # gazetteer
    "Gazetteer": "gazetteer",
    "geocode": "gazetteer",
    "resolve": "gazetteer",
    # collections and I/O
    "EventSet": "model.eventset",
    "read_geojson": "model.io",
    "write_geojson": "model.io",
    "read_geopackage": "model.io",
    "write_geopackage": "model.io",
    "write_csv": "model.io",
    # event tables
    "read_events": "readers",
    "read_table": "readers",
    "table_to_geopackage": "readers.streamgpkg",
    "load_inputs": "inputs",
    "extract_many": "batch",
    # maps
    "render": "mapping",
    "save_html": "maps.offline",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geoconflict' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
