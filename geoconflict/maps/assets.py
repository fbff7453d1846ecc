"""The npm packages behind folium's CDN links: which file a URL serves, and a local cache of the tarballs.

folium's pages load Leaflet, jQuery, Bootstrap, Font Awesome and plugin files
from CDNs. Those files are npm packages: ``cdn.jsdelivr.net/npm/X@V/path`` is
file ``path`` of npm package ``X@V``, and the other CDN addresses folium uses
have npm equivalents (see :data:`CDN_EQUIVALENTS`).

Each package is one ``npm pack`` tarball (``leaflet-1.9.3.tgz``) in the asset
directory (:func:`asset_dir`): ``$GEOCONFLICT_ASSET_DIR`` when set, else the
user cache directory. A tarball missing there is fetched once with
``npm pack NAME@VERSION``; :func:`fetch_assets` fills a directory beforehand for
an air-gapped machine.

Examples
--------
>>> npm_file_for_url("https://unpkg.com/leaflet@1.9.4/dist/leaflet.css").tarball
'leaflet-1.9.4.tgz'
"""

from __future__ import annotations

import base64
import hashlib
import os
import posixpath
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir

from geoconflict._files import replacing
from geoconflict.errors import DataNotFoundError, ProviderError

__all__ = [
    "ASSET_DIR_ENV",
    "CDN_EQUIVALENTS",
    "GENERATED",
    "AssetError",
    "PINNED_INTEGRITY",
    "NpmFile",
    "asset_dir",
    "fetch_assets",
    "folium_asset_urls",
    "integrity",
    "npm_file_for_url",
    "read_file",
    "tarball_path",
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

#: A full turn, degrees.
_DEGREES = 360

#: Stylesheets whose content is generated here rather than fetched: folium's
#: rotation classes for awesome-markers (``.fa-rotate-N``, N = 1…359 degrees).
GENERATED: Mapping[str, Callable[[], str]] = {
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css": (
        lambda: "".join(f".fa-rotate-{n}{{transform:rotate({n}deg)}}" for n in range(1, _DEGREES))
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

#: Seconds ``npm pack`` may take to fetch one package, in all.
NPM_PACK_TIMEOUT_S = 120
#: npm's own limits: an idle connection is given up after this many milliseconds, and
#: retried this many times after a pause of at most ``_NPM_RETRY_WAIT_MS``; without a
#: network, ``npm pack`` fails in seconds rather than after minutes of retries.
_NPM_FETCH_TIMEOUT_MS = 15_000
_NPM_FETCH_RETRIES = 1
_NPM_RETRY_WAIT_MS = (1_000, 3_000)

#: The registry's ``dist.integrity`` (SHA-512) of each package version folium's pages
#: use, checked whenever a tarball is read: a tarball that differs (tampered, truncated,
#: or another build) is refused. Values from ``npm view NAME@VERSION dist.integrity``.
PINNED_INTEGRITY: Mapping[str, str] = {
    "bootstrap@3.1.1":
        "sha512-TAzqS8E/ISpVHP29gYhy+1NSV+FJwApDVQhDfgLYsIuUDJiqJzH2DfORN5tiu+Ie2iBLrzEG34t4Rf465cigqg==",
    "bootstrap@5.2.2":
        "sha512-dEtzMTV71n6Fhmbg4fYJzQsw1N29hJKO1js5ackCgIpDcGid2ETMGC6zwSYw09v05Y+oRdQ9loC54zB1La3hHQ==",
    "@fortawesome/fontawesome-free@6.2.0":
        "sha512-CNR7qRIfCwWHNN7FnKUniva94edPdyQzil/zCwk3v6k4R6rR2Fr8i4s3PM7n/lyfPA6Zfko9z5WDzFxG9SW1uQ==",
    "jquery@3.7.1":
        "sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg==",
    "leaflet@1.9.3":
        "sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
    "leaflet.awesome-markers@2.0.4":
        "sha512-LWm2PlfwrF81xcV5VgCtnMWKvFG2dPKkFWgB58ynOPx+EQJ+3si5amtX/pI1RjlV8ivclhbjxVeNI87x+O1FuA==",
    "leaflet.markercluster@1.1.0":
        "sha512-eI+XkCiLiHwCC3uZ4/n4+Vq3rXcqEHN2lhHRVG1WVziy/3Q0TTipWkzEa1zO0dKZI2AnI5ppFDWrOjnQ7MJLKQ==",
}

#: Bytes read at a time when hashing a tarball.
_HASH_BLOCK = 1 << 20
#: Decompressed tarballs kept in memory (a page uses about six packages).
_TARBALLS_KEPT = 8

#: The folder ``npm pack`` puts a package's files in, inside its tarball.
_PACKAGE_ROOT = "package/"


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
    return Path(user_cache_dir("geoconflict", appauthor=False)) / "npm"


def tarball_path(file: NpmFile, *, fetch: bool, directory: Path | None = None) -> Path:
    """The package tarball holding ``file``, fetched with ``npm pack`` when missing and ``fetch`` allows.

    Parameters
    ----------
    file : NpmFile
    fetch : bool
        Whether a tarball missing from the directory may be fetched.
    directory : Path, optional
        Where the tarballs are; default :func:`asset_dir`.

    Raises
    ------
    AssetError
        The tarball is missing and may not or cannot be fetched (npm is not installed).
    ProviderError
        ``npm pack`` failed or timed out.
    """
    directory = asset_dir() if directory is None else directory
    path = directory / file.tarball
    if path.is_file():
        _check_integrity(file, path)
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
                [npm, "pack", file.spec, "--silent", "--pack-destination", tmp,
                 f"--fetch-timeout={_NPM_FETCH_TIMEOUT_MS}", f"--fetch-retries={_NPM_FETCH_RETRIES}",
                 f"--fetch-retry-mintimeout={_NPM_RETRY_WAIT_MS[0]}",
                 f"--fetch-retry-maxtimeout={_NPM_RETRY_WAIT_MS[1]}"],
                capture_output=True,
                text=True,
                timeout=NPM_PACK_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ProviderError(_missing_message(file, directory, "npm pack timed out")) from None
        got = Path(tmp) / file.tarball
        if done.returncode != 0 or not got.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()
            reason = f"npm pack failed: {detail[-1] if detail else done.returncode}"
            raise ProviderError(_missing_message(file, directory, reason))
        _check_integrity(file, got)  # before it joins the cache
        with replacing(path) as partial:  # atomic: a half-written tarball is never seen
            os.replace(got, partial)
    return path


def integrity(path: Path) -> str:
    """A file's Subresource-Integrity SHA-512 (``sha512-<base64>``), as npm records it."""
    digest = hashlib.sha512()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_HASH_BLOCK), b""):
            digest.update(block)
    return "sha512-" + base64.b64encode(digest.digest()).decode("ascii")


@lru_cache(maxsize=_TARBALLS_KEPT * 2)
def _integrity_of(path: str, size: int, mtime_ns: int) -> str:
    return integrity(Path(path))


def _check_integrity(file: NpmFile, path: Path) -> None:
    """Raise AssetError when a pinned package's tarball is not the registry's."""
    expected = PINNED_INTEGRITY.get(file.spec)
    if expected is None:
        return
    stat = path.stat()
    got = _integrity_of(str(path), stat.st_size, stat.st_mtime_ns)
    if got != expected:
        raise AssetError(
            f"{path} is not npm package {file.spec} as the registry publishes it (SHA-512 {got[:27]}…, "
            f"expected {expected[:27]}…): delete it and run `npm pack {file.spec}` again, or "
            "`python -m geoconflict.maps.offline fetch DIR`"
        )


def _missing_message(file: NpmFile, directory: Path, reason: str) -> str:
    return (
        f"{file.tarball} (npm package {file.spec}) is not in {directory} and could not be "
        f"fetched ({reason}). On a machine with access to the npm registry run "
        f"`npm pack {file.spec}` (or `python -m geoconflict.maps.offline fetch DIR`), copy the "
        f"tarball into {directory}, or set {ASSET_DIR_ENV} to the directory holding it."
    )


@lru_cache(maxsize=_TARBALLS_KEPT)
def _members(tarball: str, mtime: float) -> dict[str, bytes]:
    """All regular files of a package tarball, by path inside the package (one pass)."""
    files: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for info in tar:
            if info.isfile() and info.name.startswith(_PACKAGE_ROOT):
                handle = tar.extractfile(info)
                if handle is not None:
                    files[info.name[len(_PACKAGE_ROOT) :]] = handle.read()
    return files


def read_file(file: NpmFile, *, fetch: bool, directory: Path | None = None) -> bytes:
    """The content of ``file``, from its package tarball (see :func:`tarball_path`)."""
    tarball = tarball_path(file, fetch=fetch, directory=directory)
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
    where = asset_dir() if directory is None else Path(directory).expanduser()
    for url in folium_asset_urls() if urls is None else urls:
        if url in GENERATED:
            continue
        # stylesheets only reference files of their own package: one tarball per URL
        read_file(npm_file_for_url(url), fetch=True, directory=where)
    return where
