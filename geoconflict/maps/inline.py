"""A page's scripts and stylesheets inlined, with the fonts and images they use as ``data:`` URIs.

:func:`inline_assets` replaces each ``<script src>`` and stylesheet ``<link>`` of
a page by the file's content, read from its npm package
(:mod:`~geoconflict.maps.assets`). Stylesheets keep one web font format per
``@font-face`` (the best the browser reads: woff2, then woff, then TrueType) and
refer to their images and fonts as ``data:`` URIs; source-map comments go.

Examples
--------
>>> _split_top("url(a.woff2) format('woff2'), local(x, y)")
["url(a.woff2) format('woff2')", 'local(x, y)']
>>> _font_src("url(a.ttf) format('truetype'), url(a.woff2) format('woff2')")
"url(a.woff2) format('woff2')"
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import os
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path

from geoconflict._files import replacing
from geoconflict.maps.assets import GENERATED, AssetError, NpmFile, npm_file_for_url, read_file, tarball_path

__all__ = ["inline_assets"]

#: Local copies of files, by the URL they replace.
Assets = Mapping[str, str | os.PathLike[str]]

_SCRIPT_TAG = re.compile(
    r"""<script\b(?P<attrs>[^>]*?)\bsrc\s*=\s*(?P<q>["'])(?P<url>[^"']+)(?P=q)[^>]*>\s*</script>""",
    re.IGNORECASE,
)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(["'])([^"']+)\1""", re.IGNORECASE)
_STYLESHEET = re.compile(r"""\brel\s*=\s*(["'])?stylesheet\b""", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(?P<q>["']?)(?P<ref>[^"')]+)(?P=q)\s*\)""")
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
_FONT_SRC = re.compile(r"(?P<prop>\bsrc\s*:\s*)(?P<value>[^;}]+)")
_FORMAT = re.compile(r"""format\(\s*["']?([\w-]+)["']?\s*\)""")
_EMPTY_DECLARATION = re.compile(r";\s*;")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_REMOTE_REF = re.compile(r"^[a-z]+:|^//", re.IGNORECASE)
# sourceMappingURL comments point at files the page would never have
_CSS_SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/")
_JS_SOURCE_MAP = re.compile(r"//[#@]\s*sourceMappingURL=\S*")
# "</script" would end the inline element early; "<\/" is the same string to JS (and CSS)
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_END = re.compile(r"</(style)", re.IGNORECASE)
_ESCAPED_END = r"<\\/\1"

#: Web font formats, the best first.
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

#: Leaflet's default marker images, by the icon option that names them.
_LEAFLET_ICONS = (
    ("iconUrl", "marker-icon.png"),
    ("iconRetinaUrl", "marker-icon-2x.png"),
    ("shadowUrl", "marker-shadow.png"),
)
_LEAFLET_SCRIPTS = {"leaflet.js", "leaflet-src.js"}

#: Bump when the inlining of a file changes, so cached results are not reused.
#: (2: the cached file holds the text alone, without a leading c/j kind, and its
#: line ends are ``\n`` in the page whether the file was cached or not.)
_INLINE_VERSION = "2"

#: Characters of the cache key's hex digest used in a cached file's name.
_KEY_CHARS = 24


def _data_uri(file: NpmFile, *, fetch: bool) -> str:
    """``file``'s content as a base64 ``data:`` URI."""
    ext = posixpath.splitext(file.path)[1].lower()
    mime = _MIME.get(ext) or mimetypes.guess_type(file.path)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(read_file(file, fetch=fetch)).decode('ascii')}"


def _split_top(value: str) -> list[str]:
    """The comma-separated entries of a CSS value, commas inside parentheses kept."""
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
        rank = _FONT_RANK.get(kind or "")
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
                    out.append(_CSS_COMMENT.sub("", block).strip())
                start = i + 1
    return "\n".join(out)


def _best_font_src(match: re.Match[str]) -> str:
    """One ``src:`` declaration of an @font-face reduced to its best web font (or removed)."""
    if not _CSS_URL.search(match["value"]):
        return match.group(0)
    best = _font_src(match["value"])
    return "" if best is None else match["prop"] + best


def _one_font_format(match: re.Match[str]) -> str:
    """An @font-face block whose ``src:`` lists only the best web font."""
    block = _FONT_SRC.sub(_best_font_src, match.group(0))
    return _EMPTY_DECLARATION.sub(";", block).replace("{;", "{")


def _inline_css(file: NpmFile, css: str, *, fetch: bool) -> str:
    """The stylesheet ``file`` (content ``css``) with its ``url()`` references as ``data:`` URIs."""
    if file.transform == "glyphicons":
        css = _glyphicons_only(css)
    css = _FONT_FACE.sub(_one_font_format, css)

    def url(match: re.Match[str]) -> str:
        ref = match["ref"].strip()
        if ref.startswith(("data:", "#")):
            return match.group(0)
        if _REMOTE_REF.match(ref):
            raise AssetError(f"{file.spec}/{file.path} references the remote file {ref}")
        target = file.sibling(ref.split("?")[0].split("#")[0])
        return f'url("{_data_uri(target, fetch=fetch)}")'

    return _CSS_SOURCE_MAP.sub("", _CSS_URL.sub(url, css))


def _leaflet_icon_patch(file: NpmFile, *, fetch: bool) -> str:
    """Point Leaflet's default marker icon at inlined images.

    Leaflet finds its icon folder from a CSS background URL; with the CSS inlined
    that URL is a ``data:`` URI and the icon would be fetched as a relative file.
    """
    images = {name: _data_uri(file.sibling(f"images/{png}"), fetch=fetch) for name, png in _LEAFLET_ICONS}
    return (
        "\n;(function(){if(window.L&&L.Icon&&L.Icon.Default){L.Icon.Default.imagePath='';"
        f"L.Icon.Default.mergeOptions({json.dumps(images)});}}}})();\n"
    )


def _inline_file(file: NpmFile, *, fetch: bool) -> str:
    """The content of ``file`` ready to inline: a stylesheet's references inlined, Leaflet's icons patched."""
    text = read_file(file, fetch=fetch).decode("utf-8")
    if file.path.lower().endswith(".css"):
        return _inline_css(file, text, fetch=fetch)
    if file.package == "leaflet" and posixpath.basename(file.path) in _LEAFLET_SCRIPTS:
        text += _leaflet_icon_patch(file, fetch=fetch)
    return text


def _universal_newlines(text: str) -> str:
    """``text`` with ``\r\n`` and ``\r`` line ends as ``\n``, as a file read as text gives it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _asset_text(url: str, assets: Assets, *, fetch: bool) -> str:
    """The content for ``url``: a local copy, a generated stylesheet, or its npm file inlined.

    The inlined text of an npm file (fonts and images as ``data:`` URIs) is kept
    beside its tarball, so a new process does not decompress Font Awesome again.
    Its line ends are ``\n`` whether it was just made or read from there (as a
    local copy's are, read as text).
    """
    if url in assets:
        return Path(assets[url]).read_text(encoding="utf-8")
    if url in GENERATED:
        return GENERATED[url]()
    file = npm_file_for_url(url)
    tarball = tarball_path(file, fetch=fetch)
    key = hashlib.sha256(f"{_INLINE_VERSION}|{url}|{tarball.name}|{tarball.stat().st_size}".encode()).hexdigest()
    cached = tarball.parent / ".inlined" / f"{key[:_KEY_CHARS]}.txt"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    text = _universal_newlines(_inline_file(file, fetch=fetch))
    try:
        cached.parent.mkdir(exist_ok=True)
        with replacing(cached) as tmp:
            tmp.write_text(text, encoding="utf-8", newline="\n")
    except OSError:  # a read-only asset directory: inline again next time
        pass
    return text


def inline_assets(html: str, *, assets: Assets | None = None, fetch: bool = True) -> str:
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
    local = assets or {}
    done: dict[str, str] = {}

    def content(url: str) -> str:
        if url not in done:
            done[url] = _asset_text(url, local, fetch=fetch)
        return done[url]

    def script(match: re.Match[str]) -> str:
        js = _JS_SOURCE_MAP.sub("", content(match["url"]))
        return f"<script>{_SCRIPT_END.sub(_ESCAPED_END, js)}</script>"

    def link(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if not _STYLESHEET.search(tag) or href is None:
            return tag
        return f"<style>{_STYLE_END.sub(_ESCAPED_END, content(href.group(2)))}</style>"

    html = _SCRIPT_TAG.sub(script, html)
    return _LINK_TAG.sub(link, html)
