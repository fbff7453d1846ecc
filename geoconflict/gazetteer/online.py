"""Opt-in online geocoding: any geopy geocoder behind a disk cache and a rate limiter.

Nothing in geoconflict goes online unless you create an :class:`OnlineGeocoder`
and call it.  By default it asks OpenStreetMap's Nominatim (its usage policy
allows one request per second and asks for an identifying user agent) for
boundary polygons too (``polygon_geojson=1``), so a district comes back with
its real shape instead of the offline gazetteer's approximate one.

Answers are cached on disk (``platformdirs.user_cache_dir("geoconflict")/online``)
keyed by the service, the query and its options, so a repeated query never
reaches the network again.

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
import os
import tempfile
from pathlib import Path
from typing import Any

from geoconflict.errors import InvalidInputError, PlaceNotFoundError, ProviderError
from geoconflict.model import Place, PlaceKind

__all__ = ["OnlineGeocoder", "place_from_nominatim"]

_NOMINATIM_KINDS = {
    "country": PlaceKind.COUNTRY,
    "state": PlaceKind.ADMIN1, "region": PlaceKind.ADMIN1, "province": PlaceKind.ADMIN1,
    "county": PlaceKind.ADMIN2, "district": PlaceKind.ADMIN2, "state_district": PlaceKind.ADMIN2,
    "municipality": PlaceKind.ADMIN2,
    "city": PlaceKind.POPULATED_PLACE, "town": PlaceKind.POPULATED_PLACE, "village": PlaceKind.POPULATED_PLACE,
    "hamlet": PlaceKind.POPULATED_PLACE, "suburb": PlaceKind.POPULATED_PLACE,
    "isolated_dwelling": PlaceKind.POPULATED_PLACE,
}


#: the cache file of a query is named by this many hex digits of its key's SHA-256
_CACHE_NAME_DIGITS = 32


class _DiskCache:
    """One JSON file per key, written atomically."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:_CACHE_NAME_DIGITS] + ".json")

    def get(self, key: str) -> Any:
        path = self._path(key)
        try:
            return json.loads(path.read_text(encoding="utf-8"))["value"]
        except (OSError, ValueError, KeyError):
            return None

    def set(self, key: str, value: Any) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "value": value}, fh, ensure_ascii=False)
        os.replace(tmp, self._path(key))


class OnlineGeocoder:
    """A geopy geocoder with a disk cache, a rate limiter, and answers as :class:`Place`.

    Parameters
    ----------
    geocoder : geopy.geocoders.base.Geocoder, optional
        Any geopy geocoder. Default: :class:`geopy.geocoders.Nominatim` built
        from *user_agent*, *domain*, *scheme* and *timeout*.
    user_agent : str
        Identifies your application to the service (Nominatim requires one).
    domain, scheme : str, optional
        Where the Nominatim service is (e.g. a self-hosted one).
    timeout : float
        Seconds to wait for an answer.
    min_delay_seconds : float
        At least this long between two requests (geopy ``RateLimiter``).
    cache_dir : path, optional
        Where answers are cached; ``None`` for the user cache directory,
        ``False`` for no cache.
    polygons : bool
        Ask Nominatim for boundary polygons.

    Examples
    --------
    >>> OnlineGeocoder(domain="127.0.0.1:9", scheme="http", cache_dir=False).provider
    'nominatim@127.0.0.1:9'
    """

    def __init__(
        self,
        geocoder=None,
        *,
        user_agent: str = "geoconflict",
        domain: str | None = None,
        scheme: str | None = None,
        timeout: float = 10.0,
        min_delay_seconds: float = 1.0,
        cache_dir: str | Path | bool | None = None,
        polygons: bool = True,
    ) -> None:
        """See the class docstring for the parameters."""
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        if geocoder is None:
            options: dict[str, Any] = {"user_agent": user_agent, "timeout": timeout}
            if domain:
                options["domain"] = domain
            if scheme:
                options["scheme"] = scheme
            geocoder = Nominatim(**options)
        self.geocoder = geocoder
        self.polygons = bool(polygons)
        self._nominatim = isinstance(geocoder, Nominatim)
        self._limited = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=1,
                                    error_wait_seconds=max(min_delay_seconds, 1.0), swallow_exceptions=False)
        if cache_dir is False:
            self._cache = None
        else:
            if cache_dir is None or cache_dir is True:
                from platformdirs import user_cache_dir

                cache_dir = Path(user_cache_dir("geoconflict")) / "online"
            self._cache = _DiskCache(Path(cache_dir))

    @property
    def provider(self) -> str:
        """The service's name and host, as recorded in :attr:`Place.source`."""
        name = type(self.geocoder).__name__.lower()
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
        from geopy.exc import GeopyError

        try:
            location = self._limited(name, **options)
        except GeopyError as exc:
            raise ProviderError(f"{self.provider} failed for {name!r}: {exc}") from exc
        if location is None:
            return None
        raw = dict(location.raw) if isinstance(location.raw, dict) else {}
        raw.setdefault("lat", location.latitude)
        raw.setdefault("lon", location.longitude)
        raw.setdefault("display_name", location.address)
        return raw

    def geocode(self, name: str, *, country: str | None = None) -> Place:
        """The service's best answer for *name* as a :class:`Place`.

        Raises
        ------
        InvalidInputError
            For an empty name or a malformed country code.
        PlaceNotFoundError
            When the service knows no such place.
        ProviderError
            When the service cannot be reached or answers with an error.
        """
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError("empty place name", field="name", value=name)
        if country is not None and (len(country) != 2 or not country.isalpha()):
            raise InvalidInputError(f"country must be an ISO alpha-2 code, got {country!r}", field="country")
        key = json.dumps([self.provider, name.strip(), country, self.polygons])
        raw = self._cache.get(key) if self._cache is not None else None
        if raw is None:
            raw = self._query(name.strip(), country)
            if raw is None:
                raise PlaceNotFoundError(name, reason=f"{self.provider} has no match")
            if self._cache is not None:
                self._cache.set(key, raw)
        return place_from_nominatim(raw, query=name, source=self.provider)


def place_from_nominatim(raw: dict, *, query: str | None = None, source: str = "nominatim") -> Place:
    """A :class:`Place` from one Nominatim ``/search`` JSON result.

    Examples
    --------
    >>> raw = {"lat": "51.19", "lon": "35.27", "name": "Sudzha", "addresstype": "town",
    ...        "address": {"country_code": "ru", "state": "Kursk Oblast"}}
    >>> p = place_from_nominatim(raw)
    >>> p.kind.value, p.country_code, p.admin1
    ('populated_place', 'RU', 'Kursk Oblast')
    """
    from shapely.geometry import shape

    address = raw.get("address") or {}
    kind_key = raw.get("addresstype") or raw.get("type") or ""
    kind = _NOMINATIM_KINDS.get(kind_key, PlaceKind.FEATURE)
    geometry = None
    gj = raw.get("geojson")
    if isinstance(gj, dict) and gj.get("type") in ("Polygon", "MultiPolygon"):
        geometry = shape(gj)
    name = raw.get("name") or (raw.get("display_name") or query or "").split(",")[0].strip() or query or ""
    cc = address.get("country_code")
    return Place(
        name,
        kind=kind,
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        country_code=cc.upper() if isinstance(cc, str) and len(cc) == 2 else None,
        admin1=address.get("state") or address.get("region") if kind is not PlaceKind.ADMIN1 else None,
        admin2=(address.get("county") or address.get("district")) if kind not in (
            PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.COUNTRY) else None,
        geometry=geometry,
        source=source,
    )
