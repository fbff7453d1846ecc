"""Save a folium map as one self-contained HTML file that opens with no network.

folium's pages load Leaflet, jQuery, Bootstrap, Font Awesome and plugin files
from CDNs. Those files are npm packages: ``cdn.jsdelivr.net/npm/X@V/path`` is
file ``path`` of npm package ``X@V``, and the other CDN addresses folium uses
have npm equivalents (see :data:`CDN_EQUIVALENTS`). :func:`save_html` inlines
every script and stylesheet, with the images and fonts they reference as
``data:`` URIs, and replaces folium's random element ids by stable ones, so the
same map gives byte-identical HTML. (:mod:`~geoconflict.maps.assets` finds the
npm files, :mod:`~geoconflict.maps.inline` inlines them; this module writes the
page and is the command line below.)

Where the package files come from
---------------------------------
Each package is one ``npm pack`` tarball (``leaflet-1.9.3.tgz``), looked up in
this order:

1. the directory named by the environment variable ``GEOCONFLICT_ASSET_DIR``,
   when it is set (the only place looked, and where new tarballs are put);
2. the user cache directory, ``platformdirs.user_cache_dir("geoconflict")/npm``
   (see :func:`asset_dir`).

A tarball missing from both is fetched once with ``npm pack NAME@VERSION`` into
that directory. On an air-gapped machine, fill the directory beforehand: on a
connected machine run ``python -m geoconflict.maps.offline fetch DIR`` (or the
``npm pack`` commands that ``python -m geoconflict.maps.offline list`` prints), copy
``DIR`` across, and point ``GEOCONFLICT_ASSET_DIR`` at it (or copy the tarballs
into the cache directory).

Examples
--------
>>> import folium, tempfile, pathlib
>>> from geoconflict.maps.offline import save_html
>>> m = folium.Map(location=[51.7, 36.2], zoom_start=7, tiles=None)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "map.html"
>>> save_html(m, path)  # doctest: +SKIP
>>> "cdn.jsdelivr.net" in path.read_text()  # doctest: +SKIP
False
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
import warnings
from pathlib import Path
from typing import Any

from geoconflict._files import replacing
from geoconflict.errors import GeoconflictError
from geoconflict.maps.assets import (
    CDN_EQUIVALENTS,
    GENERATED,
    AssetError,
    NpmFile,
    asset_dir,
    fetch_assets,
    folium_asset_urls,
    npm_file_for_url,
)
from geoconflict.maps.inline import Assets, inline_assets

__all__ = [
    "CDN_EQUIVALENTS",
    "AssetError",
    "NpmFile",
    "OnlineTilesWarning",
    "asset_dir",
    "external_urls",
    "fetch_assets",
    "folium_asset_urls",
    "inline_assets",
    "npm_file_for_url",
    "render_html",
    "save_html",
    "stable_ids",
]


# --------------------------------------------------------------------------- stable ids

_RANDOM_ID = re.compile(r"(?<=[_-])([0-9a-f]{32})(?![0-9a-f])")


def stable_ids(html: str) -> str:
    """Replace folium's random 32-hex element ids by ids numbered in order of appearance.

    ``map_3f2a…`` becomes ``map_1``, the next new id ``feature_group_2`` and so on,
    so the same map gives the same page.

    Examples
    --------
    >>> stable_ids("var map_" + "a" * 32 + " = L.map('map_" + "a" * 32 + "');")
    "var map_1 = L.map('map_1');"
    """
    seen: dict[str, str] = {}

    def sub(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in seen:
            seen[key] = str(len(seen) + 1)
        return seen[key]

    # JSON data elements hold report data, not element ids: leave them alone (and
    # do not scan megabytes of them)
    parts = []
    pos = 0
    for start, end in _json_blocks(html):
        parts.append(_RANDOM_ID.sub(sub, html[pos:start]))
        parts.append(html[start:end])
        pos = end
    parts.append(_RANDOM_ID.sub(sub, html[pos:]))
    return "".join(parts)


_JSON_OPEN = '<script type="application/json"'


def _json_blocks(html: str) -> list[tuple[int, int]]:
    """(start, end) of the contents of each ``<script type="application/json">`` element."""
    blocks = []
    pos = html.find(_JSON_OPEN)
    while pos >= 0:
        start = html.find(">", pos) + 1
        end = html.find("</script>", start)
        if start <= 0 or end < 0:
            break
        blocks.append((start, end))
        pos = html.find(_JSON_OPEN, end)
    return blocks


# --------------------------------------------------------------------------- checking and saving

_REMOTE_ATTR = re.compile(
    r"""<(?P<tag>script|link|img|iframe|source|audio|video|embed|object)\b[^>]*?"""
    r"""\b(?:src|href|data)\s*=\s*["']?(?P<url>(?:https?:)?//[^"'\s>]+)""",
    re.IGNORECASE,
)
_REMOTE_CSS = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])(?P<url>(?:https?:)?//[^"')\s]+)""", re.IGNORECASE)
_TILE_URL = re.compile(r"""L\.tileLayer(?:\.wms)?\(\s*(["'])(?P<url>[^"']+)\1""")


def external_urls(html: str) -> list[str]:
    """URLs a page would fetch: script, stylesheet, image and frame sources, CSS
    ``url()`` and ``@import``, and Leaflet tile-layer templates.

    Links a reader may click (``<a href>``) and URLs inside library code are not
    fetched, so they are not listed.

    Examples
    --------
    >>> external_urls('<img src="https://example.org/x.png"><a href="https://example.org">x</a>')
    ['https://example.org/x.png']
    """
    found = [m["url"] for m in _REMOTE_ATTR.finditer(html) if m["tag"].lower() != "a"]
    found += [m["url"] for m in _REMOTE_CSS.finditer(html)]
    found += [m["url"] for m in _TILE_URL.finditer(html) if not m["url"].startswith("data:")]
    return sorted(set(found))


class OnlineTilesWarning(UserWarning):
    """An offline page whose tile layer still needs a tile server."""


def _warn_online_tiles(html: str) -> None:
    """Warn when an offline page still names a tile server (its tiles need the network)."""
    tiles = [m["url"] for m in _TILE_URL.finditer(html) if not m["url"].startswith("data:")]
    if tiles:
        warnings.warn(
            f"offline page with an online tile layer ({tiles[0]}): its scripts are inlined but the tiles "
            "need the network; render with tiles=None (the vector basemap) for a file that requests nothing",
            OnlineTilesWarning, stacklevel=3)


def render_html(
    m: Any,
    *,
    offline: bool = True,
    assets: Assets | None = None,
    fetch: bool = True,
) -> str:
    """The page :func:`save_html` writes, as a string.

    Examples
    --------
    >>> import folium
    >>> html = render_html(folium.Map(tiles=None), offline=False)
    >>> html.startswith("<!DOCTYPE html>")
    True
    """
    # Rendering mutates some folium elements (an Icon appends to its marker's
    # script each time), so render a copy: saving twice gives the same page.
    html = copy.deepcopy(m.get_root()).render()
    if offline:  # the JSON data elements (megabytes of report text) hold no asset reference
        html = _outside_json(html, lambda part: inline_assets(part, assets=assets, fetch=fetch))
    return stable_ids(html)


def _outside_json(html: str, change: Any) -> str:
    """``html`` with ``change`` applied to each stretch outside the JSON data elements."""
    parts = []
    pos = 0
    for start, end in _json_blocks(html):
        parts.append(change(html[pos:start]))
        parts.append(html[start:end])
        pos = end
    parts.append(change(html[pos:]))
    return "".join(parts)


def save_html(
    m: Any,
    path: str | os.PathLike[str],
    *,
    offline: bool = True,
    assets: Assets | None = None,
    fetch: bool = True,
) -> Path:
    """Write a folium map (or any branca element) as one HTML file.

    Parameters
    ----------
    m : folium.Map or branca.element.Element
        The map; its whole page (``m.get_root()``) is written.
    path : path
        The file to write (UTF-8).
    offline : bool
        True (default): inline every script and stylesheet, with their fonts and
        images, so the file opens with no network. Tile layers still name their
        tile server (an :class:`OnlineTilesWarning` says so): render with
        ``tiles=None`` for a file that requests nothing.
        False: keep folium's CDN links (a small file that needs the network).
    assets : mapping of str to path, optional
        Local copies for script or stylesheet URLs with no npm equivalent.
    fetch : bool
        Whether missing npm tarballs may be fetched with ``npm pack``.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    AssetError
        A file cannot be found locally and cannot be fetched; the message says
        how to pre-fill the cache.

    Examples
    --------
    >>> import folium, tempfile, pathlib
    >>> m = folium.Map(location=[51.7, 36.2], zoom_start=7, tiles=None)
    >>> out = save_html(m, pathlib.Path(tempfile.mkdtemp()) / "map.html")  # doctest: +SKIP
    >>> external_urls(out.read_text())  # doctest: +SKIP
    []
    """
    html = render_html(m, offline=offline, assets=assets, fetch=fetch)
    if offline:
        _warn_online_tiles(html)
    path = Path(path)
    with replacing(path) as tmp:
        tmp.write_text(html, encoding="utf-8", newline="\n")
    return path


# --------------------------------------------------------------------------- command line


#: Exit status of a command line that is not understood.
_USAGE_ERROR = 2


def _main(argv: list[str]) -> int:
    """``python -m geoconflict.maps.offline list`` or ``fetch [DIR]``; returns the exit status."""
    usage = "usage: python -m geoconflict.maps.offline (list | fetch [DIR])"
    if not argv or argv[0] not in {"list", "fetch"}:
        print(usage, file=sys.stderr)
        return _USAGE_ERROR
    urls = [u for u in folium_asset_urls() if u not in GENERATED]
    if argv[0] == "list":
        specs = sorted({npm_file_for_url(u).spec for u in urls})
        for spec in specs:
            print(f"npm pack {spec}")
        return 0
    try:
        where = fetch_assets(urls, directory=argv[1] if len(argv) > 1 else None)
    except GeoconflictError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps({"directory": str(where), "tarballs": sorted(p.name for p in where.glob("*.tgz"))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
