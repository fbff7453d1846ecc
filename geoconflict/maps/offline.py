"""Save a folium map as one self-contained HTML file that opens with no network.

folium's pages load Leaflet, jQuery, Bootstrap, Font Awesome and plugin files
from CDNs. Those files are npm packages: ``cdn.jsdelivr.net/npm/X@V/path`` is
file ``path`` of npm package ``X@V``, and the other CDN addresses folium uses
have npm equivalents (see :data:`CDN_EQUIVALENTS`). :func:`save_html` inlines
every script and stylesheet, with the images and fonts they reference as
``data:`` URIs, and replaces folium's random element ids by stable ones, so the
same map gives byte-identical HTML.

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

import base64
import copy
import hashlib
import json
import mimetypes
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from geoconflict.errors import DataNotFoundError, GeoconflictError, ProviderError

__all__ = [
    "CDN_EQUIVALENTS",
    "AssetError",
    "NpmFile",
    "asset_dir",
    "external_urls",
    "fetch_assets",
    "folium_asset_urls",
    "inline_assets",
    "npm_file_for_url",
    "save_html",
    "stable_ids",
]

#: Environment variable naming a directory of pre-fetched ``npm pack`` tarballs.
ASSET_DIR_ENV = "GEOCONFLICT_ASSET_DIR"


class AssetError(DataNotFoundError):
    """A script or stylesheet could not be inlined; the message says how to fix it."""


@dataclass(frozen=True)
class NpmFile:
    """One file of one npm package version.

    Parameters
    ----------
    package : str
        The npm package name (``"leaflet"``, ``"@fortawesome/fontawesome-free"``).
    version : str
        An exact version (``"1.9.3"``).
    path : str
        The file's path inside the package (``"dist/leaflet.js"``).
    transform : str, optional
        A named transformation applied to the file (``"glyphicons"`` keeps only
        Bootstrap 3's icon rules).

    Examples
    --------
    >>> f = NpmFile("@fortawesome/fontawesome-free", "6.2.0", "css/all.min.css")
    >>> f.spec, f.tarball
    ('@fortawesome/fontawesome-free@6.2.0', 'fortawesome-fontawesome-free-6.2.0.tgz')
    """

    package: str
    version: str
    path: str
    transform: str | None = None

    @property
    def spec(self) -> str:
        """``name@version`` as ``npm pack`` takes it."""
        return f"{self.package}@{self.version}"

    @property
    def tarball(self) -> str:
        """The file name ``npm pack`` gives the tarball."""
        return f"{self.package.lstrip('@').replace('/', '-')}-{self.version}.tgz"

    def sibling(self, relative: str) -> NpmFile:
        """The file at ``relative`` (a CSS ``url()``) from this one, in the same package."""
        path = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), relative))
        if path.startswith("../"):
            raise AssetError(f"{relative!r} points outside package {self.spec} (from {self.path})")
        return NpmFile(self.package, self.version, path)


#: CDN addresses folium uses that are not ``cdn.jsdelivr.net/npm`` or ``unpkg.com``
#: URLs, and the npm file that holds the same content. Leaflet.awesome-markers
#: 2.0.2 was never published to npm; 2.0.4 is the first release there and ships
#: the same script and stylesheet. Bootstrap 3.0.0's separate glyphicons
#: stylesheet is rebuilt from Bootstrap 3.1.1 (the first 3.x on npm), keeping its
#: icon rules only.
CDN_EQUIVALENTS: Mapping[str, NpmFile] = {
    "https://code.jquery.com/jquery-3.7.1.min.js": NpmFile("jquery", "3.7.1", "dist/jquery.min.js"),
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js": NpmFile(
        "leaflet.awesome-markers", "2.0.4", "dist/leaflet.awesome-markers.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css": NpmFile(
        "leaflet.awesome-markers", "2.0.4", "dist/leaflet.awesome-markers.css"
    ),
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css": NpmFile(
        "bootstrap", "3.1.1", "dist/css/bootstrap.css", transform="glyphicons"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js": NpmFile(
        "jquery", "3.7.1", "dist/jquery.min.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js": NpmFile(
        "leaflet.markercluster", "1.1.0", "dist/leaflet.markercluster.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css": NpmFile(
        "leaflet.markercluster", "1.1.0", "dist/MarkerCluster.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css": NpmFile(
        "leaflet.markercluster", "1.1.0", "dist/MarkerCluster.Default.css"
    ),
}

#: Stylesheets whose content is generated here rather than fetched: folium's
#: rotation classes for awesome-markers (``.fa-rotate-N``, N = 1…359 degrees).
_GENERATED = {
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css": (
        lambda: "".join(f".fa-rotate-{n}{{transform:rotate({n}deg)}}" for n in range(1, 360))
    ),
}

_NPM_CDN = re.compile(
    r"^https?://(?:cdn\.jsdelivr\.net/npm|unpkg\.com)/"
    r"(?P<package>(?:@[^/@]+/)?[^/@]+)@(?P<version>\d+\.\d+\.\d+[^/]*)/(?P<path>[^?#]+)$"
)


def npm_file_for_url(url: str) -> NpmFile:
    """The npm file that a CDN URL serves.

    Parameters
    ----------
    url : str
        An ``https://`` address from a folium page.

    Returns
    -------
    NpmFile

    Raises
    ------
    AssetError
        When the URL has no known npm equivalent (a moving version such as
        ``@latest`` or ``@5``, or a CDN path not in :data:`CDN_EQUIVALENTS`).

    Examples
    --------
    >>> npm_file_for_url("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
    NpmFile(package='leaflet', version='1.9.3', path='dist/leaflet.js', transform=None)
    >>> npm_file_for_url("https://code.jquery.com/jquery-3.7.1.min.js").spec
    'jquery@3.7.1'
    """
    if url.startswith("//"):
        url = "https:" + url
    match = _NPM_CDN.match(url)
    if match:
        return NpmFile(match["package"], match["version"], match["path"].lstrip("/"))
    try:
        return CDN_EQUIVALENTS[url]
    except KeyError:
        raise AssetError(
            f"no npm equivalent is known for {url}: pass it to save_html as "
            f"assets={{{url!r}: 'path/to/local/copy'}}, or use a plugin whose files "
            "are addressed by exact npm version"
        ) from None


# --------------------------------------------------------------------------- the tarball cache


def asset_dir() -> Path:
    """The directory holding the ``npm pack`` tarballs.

    ``$GEOCONFLICT_ASSET_DIR`` when set, else ``<user cache dir>/geoconflict/npm``.

    Examples
    --------
    >>> asset_dir().name in {"npm", os.environ.get("GEOCONFLICT_ASSET_DIR", "npm").rstrip("/").split("/")[-1]}
    True
    """
    env = os.environ.get(ASSET_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("geoconflict", appauthor=False)) / "npm"


def _tarball(file: NpmFile, *, fetch: bool) -> Path:
    directory = asset_dir()
    path = directory / file.tarball
    if path.is_file():
        return path
    if not fetch:
        raise AssetError(_missing_message(file, directory, "fetching is switched off"))
    npm = shutil.which("npm")
    if npm is None:
        raise AssetError(_missing_message(file, directory, "npm is not installed here"))
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        try:
            done = subprocess.run(
                [npm, "pack", file.spec, "--silent", "--pack-destination", tmp],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ProviderError(_missing_message(file, directory, "npm pack timed out")) from None
        got = Path(tmp) / file.tarball
        if done.returncode != 0 or not got.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()
            reason = f"npm pack failed: {detail[-1] if detail else done.returncode}"
            raise ProviderError(_missing_message(file, directory, reason))
        os.replace(got, path)  # atomic: a half-written tarball is never seen
    return path


def _missing_message(file: NpmFile, directory: Path, reason: str) -> str:
    return (
        f"{file.tarball} (npm package {file.spec}) is not in {directory} and could not be "
        f"fetched ({reason}). On a machine with access to the npm registry run "
        f"`npm pack {file.spec}` (or `python -m geoconflict.maps.offline fetch DIR`), copy the "
        f"tarball into {directory}, or set {ASSET_DIR_ENV} to the directory holding it."
    )


@lru_cache(maxsize=8)
def _members(tarball: str, mtime: float) -> dict[str, bytes]:
    """All regular files of a package tarball, by path inside the package (one pass)."""
    files: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for info in tar:
            if info.isfile() and info.name.startswith("package/"):
                handle = tar.extractfile(info)
                if handle is not None:
                    files[info.name[len("package/") :]] = handle.read()
    return files


def _read(file: NpmFile, *, fetch: bool) -> bytes:
    tarball = _tarball(file, fetch=fetch)
    data = _members(str(tarball), tarball.stat().st_mtime).get(file.path)
    if data is None:
        raise AssetError(f"{file.path} is not in npm package {file.spec} ({tarball})")
    return data


def folium_asset_urls() -> list[str]:
    """Every script and stylesheet URL a default ``folium.Map`` page references.

    Examples
    --------
    >>> any(u.endswith("leaflet.js") for u in folium_asset_urls())
    True
    """
    import folium.folium as ff

    return [url for _, url in (*ff._default_js, *ff._default_css)]


def fetch_assets(urls: Iterable[str] | None = None, *, directory: str | os.PathLike[str] | None = None) -> Path:
    """Fetch the tarballs behind ``urls`` (default: folium's own) into the asset directory.

    Parameters
    ----------
    urls : iterable of str, optional
        CDN URLs; default :func:`folium_asset_urls`.
    directory : path, optional
        Where to put them; default :func:`asset_dir`. Copy this directory to an
        air-gapped machine and point ``GEOCONFLICT_ASSET_DIR`` at it.

    Returns
    -------
    Path
        The directory.

    Examples
    --------
    >>> fetch_assets()  # doctest: +SKIP
    PosixPath('/root/.cache/geoconflict/npm')
    """
    previous = os.environ.get(ASSET_DIR_ENV)
    if directory is not None:
        os.environ[ASSET_DIR_ENV] = str(directory)
    try:
        for url in folium_asset_urls() if urls is None else urls:
            if url in _GENERATED:
                continue
            file = npm_file_for_url(url)
            _read(file, fetch=True)  # stylesheets only reference files of their own package
        return asset_dir()
    finally:
        if directory is not None:
            if previous is None:
                os.environ.pop(ASSET_DIR_ENV, None)
            else:
                os.environ[ASSET_DIR_ENV] = previous


# --------------------------------------------------------------------------- inlining

_SCRIPT_TAG = re.compile(
    r"""<script\b(?P<attrs>[^>]*?)\bsrc\s*=\s*(?P<q>["'])(?P<url>[^"']+)(?P=q)[^>]*>\s*</script>""",
    re.IGNORECASE,
)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(["'])([^"']+)\1""", re.IGNORECASE)
_STYLESHEET = re.compile(r"""\brel\s*=\s*(["'])?stylesheet\b""", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(?P<q>["']?)(?P<ref>[^"')]+)(?P=q)\s*\)""")
_FONT_SRC = re.compile(r"(?P<prop>\bsrc\s*:\s*)(?P<value>[^;}]+)")
_FORMAT = re.compile(r"""format\(\s*["']?([\w-]+)["']?\s*\)""")
_FONT_RANK = {"woff2": 0, "woff": 1, "truetype": 2, "opentype": 3}
_EXT_FORMAT = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}
_MIME = {
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".gif": "image/gif",
    ".jpg": "image/jpeg",
    ".cur": "image/x-icon",
}


def _data_uri(file: NpmFile, *, fetch: bool) -> str:
    ext = posixpath.splitext(file.path)[1].lower()
    mime = _MIME.get(ext) or mimetypes.guess_type(file.path)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(_read(file, fetch=fetch)).decode('ascii')}"


def _split_top(value: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(value):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


def _font_src(value: str) -> str | None:
    """Keep the single best web-font entry of a ``src:`` list (woff2 > woff > ttf)."""
    best: tuple[int, str] | None = None
    for entry in _split_top(value):
        url = _CSS_URL.search(entry)
        if url is None:  # local(...) and the like
            continue
        fmt = _FORMAT.search(entry)
        kind = fmt.group(1) if fmt else _EXT_FORMAT.get(posixpath.splitext(url["ref"].split("?")[0])[1])
        rank = _FONT_RANK.get(kind or "", None)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, entry)
    return None if best is None else best[1]


def _glyphicons_only(css: str) -> str:
    """Bootstrap 3's glyphicon rules (the @font-face and ``.glyphicon*``), nothing else."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(css):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                block = css[start : i + 1].strip()
                head = block.split("{", 1)[0]
                if "glyphicon" in head.lower() or ("@font-face" in head and "Glyphicons" in block):
                    out.append(re.sub(r"/\*.*?\*/", "", block, flags=re.DOTALL).strip())
                start = i + 1
    return "\n".join(out)


def _inline_css(file: NpmFile, css: str, *, fetch: bool) -> str:
    if file.transform == "glyphicons":
        css = _glyphicons_only(css)

    def font_face(match: re.Match[str]) -> str:
        block = match.group(0)

        def src(m: re.Match[str]) -> str:
            if not _CSS_URL.search(m["value"]):
                return m.group(0)
            best = _font_src(m["value"])
            return "" if best is None else m["prop"] + best

        block = _FONT_SRC.sub(src, block)
        return re.sub(r";\s*;", ";", block).replace("{;", "{")

    css = re.sub(r"@font-face\s*\{[^}]*\}", font_face, css)

    def url(match: re.Match[str]) -> str:
        ref = match["ref"].strip()
        if ref.startswith(("data:", "#")):
            return match.group(0)
        if re.match(r"^[a-z]+:|^//", ref, re.IGNORECASE):
            raise AssetError(f"{file.spec}/{file.path} references the remote file {ref}")
        target = file.sibling(ref.split("?")[0].split("#")[0])
        return f'url("{_data_uri(target, fetch=fetch)}")'

    css = _CSS_URL.sub(url, css)
    # sourceMappingURL comments point at files the page would never have
    return re.sub(r"/\*#\s*sourceMappingURL=[^*]*\*/", "", css)


def _script_text(js: str) -> str:
    js = re.sub(r"//[#@]\s*sourceMappingURL=\S*", "", js)
    # "</script" would end the inline element early; "<\/" is the same string to JS
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


#: Bump when the inlining of a file changes, so cached results are not reused.
_INLINE_VERSION = "1"


def _asset_text(url: str, assets: Mapping[str, str | os.PathLike[str]], *, fetch: bool) -> tuple[str, bool]:
    """The content for ``url`` and whether it is CSS."""
    is_css = url.split("?")[0].lower().endswith(".css")
    if url in assets:
        text = Path(assets[url]).read_text(encoding="utf-8")
        return text, is_css
    if url in _GENERATED:
        return _GENERATED[url](), True
    file = npm_file_for_url(url)
    # The inlined text (fonts and images as data: URIs) is kept beside the tarball, so
    # a new process does not decompress Font Awesome again.
    tarball = _tarball(file, fetch=fetch)
    key = hashlib.sha256(f"{_INLINE_VERSION}|{url}|{tarball.name}|{tarball.stat().st_size}".encode()).hexdigest()
    cached = tarball.parent / ".inlined" / f"{key[:24]}.txt"  # first character: c(ss) or j(s)
    if cached.is_file():
        text = cached.read_text(encoding="utf-8")
        return text[1:], text[:1] == "c"
    text, is_css = _inline_file(file, fetch=fetch, is_css=is_css)
    try:
        cached.parent.mkdir(exist_ok=True)
        tmp = cached.with_name(f".{cached.name}.{os.getpid()}")
        tmp.write_text(("c" if is_css else "j") + text, encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:  # a read-only asset directory: inline again next time
        pass
    return text, is_css


def _inline_file(file: NpmFile, *, fetch: bool, is_css: bool) -> tuple[str, bool]:
    text = _read(file, fetch=fetch).decode("utf-8")
    if file.path.lower().endswith(".css"):
        return _inline_css(file, text, fetch=fetch), True
    if file.package == "leaflet" and posixpath.basename(file.path) in {"leaflet.js", "leaflet-src.js"}:
        text += _leaflet_icon_patch(file, fetch=fetch)
    return text, is_css


def _leaflet_icon_patch(file: NpmFile, *, fetch: bool) -> str:
    """Point Leaflet's default marker icon at inlined images.

    Leaflet finds its icon folder from a CSS background URL; with the CSS inlined
    that URL is a ``data:`` URI and the icon would be fetched as a relative file.
    """
    images = {
        name: _data_uri(file.sibling(f"images/{png}"), fetch=fetch)
        for name, png in (
            ("iconUrl", "marker-icon.png"),
            ("iconRetinaUrl", "marker-icon-2x.png"),
            ("shadowUrl", "marker-shadow.png"),
        )
    }
    return (
        "\n;(function(){if(window.L&&L.Icon&&L.Icon.Default){L.Icon.Default.imagePath='';"
        f"L.Icon.Default.mergeOptions({json.dumps(images)});}}}})();\n"
    )


def inline_assets(
    html: str,
    *,
    assets: Mapping[str, str | os.PathLike[str]] | None = None,
    fetch: bool = True,
) -> str:
    """Replace every ``<script src>`` and stylesheet ``<link>`` by inline content.

    Parameters
    ----------
    html : str
        A rendered page.
    assets : mapping of str to path, optional
        Local copies for URLs with no npm equivalent.
    fetch : bool
        Whether a tarball missing from the asset directory may be fetched with
        ``npm pack``; when False such a file raises :class:`AssetError`.

    Returns
    -------
    str

    Examples
    --------
    >>> inline_assets('<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"/>')[:7]  # doctest: +SKIP
    '<style>'
    """
    assets = assets or {}
    done: dict[str, str] = {}

    def content(url: str) -> tuple[str, bool]:
        if url not in done:
            text, is_css = _asset_text(url, assets, fetch=fetch)
            done[url] = ("c" if is_css else "j") + text
        text = done[url]
        return text[1:], text[0] == "c"

    def script(match: re.Match[str]) -> str:
        text, _ = content(match["url"])
        return f"<script>{_script_text(text)}</script>"

    def link(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if not _STYLESHEET.search(tag) or href is None:
            return tag
        text, _ = content(href.group(2))
        return "<style>" + re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE) + "</style>"

    html = _SCRIPT_TAG.sub(script, html)
    return _LINK_TAG.sub(link, html)


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


def render_html(
    m: Any,
    *,
    offline: bool = True,
    assets: Mapping[str, str | os.PathLike[str]] | None = None,
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
    if offline:
        html = inline_assets(html, assets=assets, fetch=fetch)
    return stable_ids(html)


def save_html(
    m: Any,
    path: str | os.PathLike[str],
    *,
    offline: bool = True,
    assets: Mapping[str, str | os.PathLike[str]] | None = None,
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
        tile server: render with ``tiles=None`` for a file that requests nothing.
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
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(html, encoding="utf-8", newline="\n")
    os.replace(tmp, path)
    return path


# --------------------------------------------------------------------------- command line


def _main(argv: list[str]) -> int:
    usage = "usage: python -m geoconflict.maps.offline (list | fetch [DIR])"
    if not argv or argv[0] not in {"list", "fetch"}:
        print(usage, file=sys.stderr)
        return 2
    urls = [u for u in folium_asset_urls() if u not in _GENERATED]
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
