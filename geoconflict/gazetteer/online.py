"""Opt-in online geocoding: any geopy geocoder behind a disk cache and a rate limiter.

Nothing in geoconflict goes online unless you create an :class:`OnlineGeocoder`
and call it.  By default it asks OpenStreetMap's Nominatim (its usage policy
allows one request per second and asks for an identifying user agent) for
boundary polygons too (``polygon_geojson=1``), so a district comes back with
its real shape instead of the offline gazetteer's approximate one.

Answers are cached on disk (``platformdirs.user_cache_dir("geoconflict")/online``)
keyed by the service, the query and its options, so a repeated query never
reaches the network again.

Nothing the service sends is trusted. An answer is checked before it is cached
(coordinates present, numeric and in range; names and address parts text; a
polygon well formed and of at most ``max_polygon_points`` points), and a bad one
is a :class:`~geoconflict.errors.ProviderError` naming the field, never a place
at 0°, 0° and never cached. The default Nominatim reads through
:class:`~geoconflict.gazetteer.fetch.BoundedAdapter`: ``timeout`` bounds the whole request (a server that
trickles bytes is cut off at it), and an answer over ``max_bytes``, compressed
or inflated, is refused. A cache file of the wrong shape is ignored with a
warning and asked for again; a failed write leaves no temporary file, and
those a killed process left are removed when the cache opens. A server error
(HTTP 5xx, 429) is retried once after ``min_delay_seconds``, with one line of
warning and no traceback.

Examples
--------
>>> from geoconflict.gazetteer.online import OnlineGeocoder
>>> online = OnlineGeocoder(user_agent="my-newsroom-geoconflict")   # doctest: +SKIP
>>> online.geocode("Sudzhansky district", country="RU").geometry.geom_type   # doctest: +SKIP
'Polygon'
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from geopy.adapters import AdapterHTTPError
from geopy.geocoders import Nominatim

from geoconflict._files import STALE_SECONDS, replacing, sweep
from geoconflict.errors import GeoconflictError, InvalidInputError, PlaceNotFoundError, ProviderError
from geoconflict.gazetteer.fetch import MAX_ANSWER_BYTES, BoundedAdapter
from geoconflict.model import Place, PlaceKind

__all__ = ["MAX_ANSWER_BYTES", "MAX_POLYGON_POINTS", "BoundedAdapter", "OnlineGeocoder", "place_from_nominatim"]

_log = logging.getLogger(__name__)

_NOMINATIM_KINDS = {
    "country": PlaceKind.COUNTRY,
    "state": PlaceKind.ADMIN1, "region": PlaceKind.ADMIN1, "province": PlaceKind.ADMIN1,
    "county": PlaceKind.ADMIN2, "district": PlaceKind.ADMIN2, "state_district": PlaceKind.ADMIN2,
    "municipality": PlaceKind.ADMIN2,
    "city": PlaceKind.POPULATED_PLACE, "town": PlaceKind.POPULATED_PLACE, "village": PlaceKind.POPULATED_PLACE,
    "hamlet": PlaceKind.POPULATED_PLACE, "suburb": PlaceKind.POPULATED_PLACE,
    "isolated_dwelling": PlaceKind.POPULATED_PLACE,
}
#: The text fields of a Nominatim result, and of its ``address``, that geoconflict reads.
_TEXT_FIELDS = ("name", "display_name", "addresstype", "type")
_ADDRESS_FIELDS = ("country_code", "state", "region", "county", "district")

#: the cache file of a query is named by this many hex digits of its key's SHA-256
_CACHE_NAME_DIGITS = 32
#: A temporary cache file older than this (seconds) was left by a killed write, and is removed.
_STALE_TMP_SECONDS = STALE_SECONDS
_TMP_PREFIX, _TMP_SUFFIX = ".geoconflict-", ".tmp"  # the temporary files' names before _files.replacing
#: The default cap on the points of an answer's polygon.
MAX_POLYGON_POINTS = 500_000
_SERVER_ERROR, _TOO_MANY_REQUESTS = 500, 429


class _CheckedNominatim(Nominatim):
    """geopy's Nominatim, each result checked (:func:`place_from_nominatim`'s checks) before geopy reads it.

    geopy turns a result's ``lat`` into a float itself, so a malformed one would fail there with a bare
    ``ValueError``, and a missing one would make a location at 0°, 0°.
    """

    def _parse_code(self, place: Any) -> Any:
        where = f"nominatim@{self.domain}"

        def bad(what: str) -> ProviderError:
            name = place.get("name") if isinstance(place, dict) else None
            return ProviderError(f"{where}'s answer {what}" + (f" (for {name!r})" if isinstance(name, str) else ""))

        _checked(place, bad)
        if not isinstance(place.get("display_name"), str):  # geopy's location needs it; Nominatim always sends it
            raise bad("has no 'display_name'")
        return super()._parse_code(place)


class _DiskCache:
    """One JSON file per key, written atomically; a file of the wrong shape is ignored with a warning."""

    def __init__(self, directory: Path, *, max_bytes: int) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self._sweep()

    def _path(self, key: str) -> Path:
        return self.directory / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:_CACHE_NAME_DIGITS] + ".json")

    def _sweep(self) -> None:
        """Remove the temporary files killed writes left (older than :data:`_STALE_TMP_SECONDS`).

        Those of :func:`~geoconflict._files.replacing`, and those of the
        naming versions before it used (``.geoconflict-*.tmp``).
        """
        sweep(self.directory, older_than=_STALE_TMP_SECONDS, also=(f"{_TMP_PREFIX}*{_TMP_SUFFIX}",))

    def get(self, key: str) -> Any:
        """The value cached for *key*, or None (nothing cached, or a file of the wrong shape: warned)."""
        path = self._path(key)
        try:
            if path.stat().st_size > self.max_bytes:
                return self.ignore(path, f"over {self.max_bytes:,} bytes")
            entry = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, RecursionError) as exc:
            return self.ignore(path, f"unreadable ({exc!s:.200})")
        if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("value"), dict):
            return self.ignore(path, 'not {"key": the query, "value": an answer object}')
        return entry["value"]

    @staticmethod
    def ignore(path: Path, why: str) -> None:
        """Warn that the cache file *path* is ignored, and why."""
        warnings.warn(f"ignoring the online geocoder's cache file {path}: {why}; asking the service again",
                      stacklevel=3)

    def set(self, key: str, value: Any) -> None:
        """Cache *value* for *key*: written to a temporary file, then renamed; nothing is left on failure."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with replacing(self._path(key)) as tmp, tmp.open("w", encoding="utf-8") as fh:
            json.dump({"key": key, "value": value}, fh, ensure_ascii=False)


class OnlineGeocoder:
    """A geopy geocoder with a disk cache, a rate limiter, and answers as :class:`Place`.

    Parameters
    ----------
    geocoder : geopy.geocoders.base.Geocoder, optional
        Any geopy geocoder. Default: :class:`geopy.geocoders.Nominatim` built from *user_agent*,
        *domain*, *scheme* and *timeout*, reading through :class:`BoundedAdapter` (a geocoder of your
        own reads through its own adapter: pass it ``adapter_factory=BoundedAdapter`` for the same caps).
    user_agent : str
        Identifies your application to the service (Nominatim requires one).
    domain, scheme : str, optional
        Where the Nominatim service is (e.g. a self-hosted one).
    timeout : float
        Seconds one request may take in all, every byte of the answer included.
    min_delay_seconds : float
        At least this long between two requests (geopy ``RateLimiter``), and before the one retry
        after a server error.
    cache_dir : path, optional
        Where answers are cached; ``None`` for the user cache directory, ``False`` for no cache.
    polygons : bool
        Ask Nominatim for boundary polygons.
    max_bytes : int
        The largest answer accepted, in bytes (as sent and as inflated).
    max_polygon_points : int
        The most points an answer's polygon may have.

    Examples
    --------
    >>> OnlineGeocoder(domain="127.0.0.1:9", scheme="http", cache_dir=False).provider
    'nominatim@127.0.0.1:9'
    """

    def __init__(
        self,
        geocoder: Any = None,
        *,
        user_agent: str = "geoconflict",
        domain: str | None = None,
        scheme: str | None = None,
        timeout: float = 10.0,
        min_delay_seconds: float = 1.0,
        cache_dir: str | Path | bool | None = None,
        polygons: bool = True,
        max_bytes: int = MAX_ANSWER_BYTES,
        max_polygon_points: int = MAX_POLYGON_POINTS,
    ) -> None:
        """See the class docstring for the parameters."""
        from geopy.extra.rate_limiter import RateLimiter

        if geocoder is None:
            options: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout,
                                       "adapter_factory": partial(BoundedAdapter, max_bytes=max_bytes)}
            if domain:
                options["domain"] = domain
            if scheme:
                options["scheme"] = scheme
            geocoder = _CheckedNominatim(**options)
        self.geocoder = geocoder
        self.polygons = bool(polygons)
        self.max_polygon_points = max_polygon_points
        self.retry_wait = min_delay_seconds
        self._nominatim = isinstance(geocoder, Nominatim)
        # no retries of its own: it logs each with a full traceback; _query retries once, in one line
        self._limited: Callable[..., Any] = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                                        max_retries=0, swallow_exceptions=False)
        self._cache: _DiskCache | None = None
        if cache_dir is not False:
            if cache_dir is None or cache_dir is True:
                from platformdirs import user_cache_dir

                cache_dir = Path(user_cache_dir("geoconflict")) / "online"
            self._cache = _DiskCache(Path(cache_dir), max_bytes=2 * max_bytes)

    @property
    def provider(self) -> str:
        """The service's name and host, as recorded in :attr:`Place.source`."""
        name = next(c for c in type(self.geocoder).__mro__ if not c.__name__.startswith("_")).__name__.lower()
        domain = getattr(self.geocoder, "domain", None)
        return f"{name}@{domain}" if domain else name

    def _query(self, name: str, country: str | None) -> dict | None:
        """The service's raw answer for *name* (a Nominatim-style dict), or None; rate-limited, not cached."""
        options: dict[str, Any] = {"exactly_one": True}
        if self._nominatim:
            options["addressdetails"] = True
            if self.polygons:
                options["geometry"] = "geojson"
            if country:
                options["country_codes"] = country.lower()
        location = self._ask(name, options)
        if location is None:
            return None
        if not isinstance(location.raw, dict):
            raise ProviderError(f"{self.provider}'s answer for {name!r} is not a JSON object")
        raw = dict(location.raw)
        if not self._nominatim:  # another service's own layout: its coordinates as geopy read them
            raw.setdefault("lat", location.latitude)
            raw.setdefault("lon", location.longitude)
            raw.setdefault("display_name", location.address)
        return raw

    def _ask(self, name: str, options: dict[str, Any]) -> Any:
        """geopy's answer for *name*, a server error retried once (one line of warning, no traceback)."""
        from geopy.exc import GeopyError

        try:
            return self._limited(name, **options)
        except GeopyError as exc:
            if not _server_error(exc):
                raise ProviderError(f"{self.provider} failed for {name!r}: {exc}") from exc
            _log.warning("%s failed for %r (%s); trying once more in %s s", self.provider, name, exc,
                         self.retry_wait)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:  # geopy reading a bad answer
            raise ProviderError(f"{self.provider} sent a malformed answer for {name!r}: {exc!s:.200}") from exc
        time.sleep(self.retry_wait)
        try:
            return self._limited(name, **options)
        except GeopyError as exc:
            raise ProviderError(f"{self.provider} failed twice for {name!r}: {exc}") from exc
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            raise ProviderError(f"{self.provider} sent a malformed answer for {name!r}: {exc!s:.200}") from exc

    def geocode(self, name: str, *, country: str | None = None) -> Place:
        """The service's best answer for *name* as a :class:`Place`.

        Raises
        ------
        InvalidInputError
            For an empty name or a malformed country code.
        PlaceNotFoundError
            When the service knows no such place.
        ProviderError
            When the service cannot be reached, answers with an error, too slowly, too much, or with an
            answer that is not a place (the message names the field); such an answer is not cached.
        """
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError("empty place name", field="name", value=name)
        if country is not None and (len(country) != 2 or not country.isalpha()):
            raise InvalidInputError(f"country must be an ISO alpha-2 code, got {country!r}", field="country")
        key = json.dumps([self.provider, name.strip(), country, self.polygons])
        cached = self._cache.get(key) if self._cache is not None else None
        if cached is not None:
            try:
                return place_from_nominatim(cached, query=name, source=self.provider,
                                            max_polygon_points=self.max_polygon_points)
            except GeoconflictError as exc:
                _DiskCache.ignore(self._cache._path(key) if self._cache else Path(), str(exc))
        raw = self._query(name.strip(), country)
        if raw is None:
            raise PlaceNotFoundError(name, reason=f"{self.provider} has no match")
        place = place_from_nominatim(raw, query=name, source=self.provider,
                                     max_polygon_points=self.max_polygon_points)
        if self._cache is not None:
            try:
                self._cache.set(key, raw)
            except (OSError, ValueError) as exc:  # UnicodeEncodeError is a ValueError; the place stands
                warnings.warn(f"could not cache {self.provider}'s answer for {name!r}: {exc!s:.200}",
                              stacklevel=2)
        return place


def place_from_nominatim(raw: dict, *, query: str | None = None, source: str = "nominatim",
                         max_polygon_points: int = MAX_POLYGON_POINTS) -> Place:
    """A :class:`Place` from one Nominatim ``/search`` JSON result, checked field by field.

    Raises
    ------
    ProviderError
        When a field is missing or malformed: no ``lat``/``lon``, coordinates that are no finite
        numbers in range, a name or address part that is not text, a polygon that is malformed or
        has more than *max_polygon_points* points. The message names the field.

    Examples
    --------
    >>> raw = {"lat": "51.19", "lon": "35.27", "name": "Sudzha", "addresstype": "town",
    ...        "address": {"country_code": "ru", "state": "Kursk Oblast"}}
    >>> p = place_from_nominatim(raw)
    >>> p.kind.value, p.country_code, p.admin1
    ('populated_place', 'RU', 'Kursk Oblast')
    >>> place_from_nominatim({"lon": "35.27", "name": "Sudzha"})
    Traceback (most recent call last):
    ...
    geoconflict.errors.ProviderError: nominatim's answer has no 'lat' (for 'Sudzha')
    """
    label = query or (raw.get("name") if isinstance(raw, dict) else None)

    def bad(what: str) -> ProviderError:
        return ProviderError(f"{source}'s answer {what}" + (f" (for {label!r})" if label else ""))

    lat, lon, address = _checked(raw, bad)
    kind = _NOMINATIM_KINDS.get(raw.get("addresstype") or raw.get("type") or "", PlaceKind.FEATURE)
    name = raw.get("name") or (raw.get("display_name") or query or "").split(",")[0].strip() or query or ""
    cc = address.get("country_code")
    return Place(
        name,
        kind=kind,
        lat=lat,
        lon=lon,
        country_code=cc.upper() if isinstance(cc, str) and len(cc) == 2 and cc.isalpha() else None,
        admin1=address.get("state") or address.get("region") if kind is not PlaceKind.ADMIN1 else None,
        admin2=(address.get("county") or address.get("district")) if kind not in (
            PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY) else None,
        geometry=_polygon(raw.get("geojson"), max_polygon_points, bad),
        source=source,
    )


def _checked(raw: Any, bad: Callable[[str], ProviderError]) -> tuple[float, float, dict]:
    """The coordinates and the address of a Nominatim result, its text fields checked."""
    if not isinstance(raw, dict):
        raise bad(f"is not a JSON object but {type(raw).__name__}")
    lat, lon = _coordinate(raw, "lat", 90, bad), _coordinate(raw, "lon", 180, bad)
    for field in _TEXT_FIELDS:
        _text(raw, field, field, bad)
    address = raw.get("address") or {}
    if not isinstance(address, dict):
        raise bad(f"has an 'address' that is not an object: {address!r:.80}")
    for field in _ADDRESS_FIELDS:
        _text(address, field, f"address.{field}", bad)
    return lat, lon, address


def _text(raw: dict, field: str, label: str, bad: Callable[[str], ProviderError]) -> None:
    """Check that *raw*'s *field*, if any, is text that UTF-8 can write (no lone surrogate)."""
    value = raw.get(field)
    if value is None:
        return
    if not isinstance(value, str):
        raise bad(f"has a {label!r} that is not text: {value!r:.80}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise bad(f"has a {label!r} that is not valid Unicode (a lone surrogate): {value!r:.80}") from None


def _coordinate(raw: dict, field: str, limit: float, bad: Callable[[str], ProviderError]) -> float:
    """The finite number in [-limit, limit] of *raw*'s *field* (Nominatim writes it as text)."""
    value = raw.get(field)
    if value is None:
        raise bad(f"has no {field!r}")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise bad(f"has a {field!r} that is no number: {value!r:.80}")
    try:
        number = float(value)
    except ValueError:
        raise bad(f"has a {field!r} that is no number: {value!r:.80}") from None
    if not math.isfinite(number) or abs(number) > limit:
        raise bad(f"has a {field!r} out of range: {value!r:.80}")
    return number


def _polygon(gj: Any, max_points: int, bad: Callable[[str], ProviderError]) -> Any:
    """The shapely polygon of a result's ``geojson`` (None for a point or line), its points counted first."""
    if not isinstance(gj, dict) or gj.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    from shapely.errors import ShapelyError
    from shapely.geometry import shape

    coords = gj.get("coordinates")
    polygons = [coords] if gj["type"] == "Polygon" else coords
    if not isinstance(polygons, list) or not all(
            isinstance(p, list) and all(isinstance(r, list) for r in p) for p in polygons):
        raise bad(f"has a 'geojson' {gj['type']} whose coordinates are not lists of rings")
    points = sum(len(r) for p in polygons for r in p)
    if points > max_points:
        raise bad(f"has a 'geojson' polygon of {points:,} points, over max_polygon_points={max_points:,}")
    try:
        return shape(gj)
    except (ShapelyError, ValueError, TypeError, IndexError) as exc:
        raise bad(f"has a malformed 'geojson' {gj['type']}: {exc!s:.120}") from None


def _server_error(exc: BaseException) -> bool:
    """Whether geopy's error *exc* comes from an HTTP answer worth one more try: 5xx or 429."""
    cause = exc.__cause__
    return isinstance(cause, AdapterHTTPError) and (
        cause.status_code >= _SERVER_ERROR or cause.status_code == _TOO_MANY_REQUESTS)
