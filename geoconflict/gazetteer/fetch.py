"""Bounded HTTP reads for the online geocoders: a total deadline and a size cap, gzip included.

geopy's own adapters time out each socket operation, so a server that sends a
byte a second holds a call as long as it likes, and they read answers of any
size. :class:`BoundedAdapter` is a geopy adapter that gives the whole request
one deadline and refuses an answer over a size cap, as sent or as inflated.
"""

from __future__ import annotations

import http.client
import json
import time
import zlib
from typing import Any
from urllib.parse import urlsplit
from urllib.request import proxy_bypass

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderTimedOut, GeocoderUnavailable

from geoconflict.errors import ProviderError

__all__ = ["MAX_ANSWER_BYTES", "BoundedAdapter"]

#: The default cap on an answer's size in bytes, as sent and as inflated (Nominatim's largest
#: country boundaries are a few MB of GeoJSON).
MAX_ANSWER_BYTES = 32 << 20
#: How many bytes one read of an answer asks for.
_READ_CHUNK = 1 << 16
_HTTP_ERROR = 400
#: How much of an error answer's text is kept in the error.
_ERROR_TEXT = 1000


class BoundedAdapter(BaseSyncAdapter):
    """A geopy adapter that holds a request to a total deadline and its answer to a size cap.

    geopy's own adapters time out each socket operation, so a server that sends a byte every second
    holds a call for as long as it likes, and they read an answer of any size. Here ``timeout`` is the
    whole request's (connecting, sending, every byte of the answer), and an answer of more than
    *max_bytes*, as sent or inflated from gzip or deflate, is a :class:`~geoconflict.errors.ProviderError`.

    Parameters
    ----------
    proxies : dict, optional
        geopy's proxies (``{"https": "http://host:port"}``): an HTTPS request goes through the proxy's
        tunnel, an HTTP one to the proxy; hosts the ``no_proxy`` environment names go direct.
    ssl_context : ssl.SSLContext, optional
        For HTTPS.
    max_bytes : int
        The largest answer read, in bytes.

    Examples
    --------
    >>> from functools import partial
    >>> from geopy.geocoders import Nominatim
    >>> Nominatim(user_agent="my-app", adapter_factory=partial(BoundedAdapter, max_bytes=1 << 20)).domain
    'nominatim.openstreetmap.org'
    """

    def __init__(self, *, proxies: dict[str, str] | None = None, ssl_context: Any = None,
                 max_bytes: int = MAX_ANSWER_BYTES) -> None:
        """See the class docstring for the parameters."""
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.proxies = proxies or {}
        self.ssl_context = ssl_context
        self.max_bytes = max_bytes

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        """The answer at *url* as JSON (geopy's adapter interface)."""
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise ProviderError(f"{urlsplit(url).netloc} sent no valid JSON: {exc!s:.200}") from None

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        """The answer at *url* as text, read within *timeout* seconds in all (geopy's adapter interface)."""
        deadline = time.monotonic() + timeout
        parts = urlsplit(url)
        conn, target = self._connection(parts, timeout)
        try:
            conn.connect()
            sock = conn.sock  # the response reads from it, even once the connection hands it over
            _remaining(sock, deadline)
            conn.request("GET", target, headers={**headers, "Accept-Encoding": "gzip, deflate"})
            _remaining(sock, deadline)
            response = conn.getresponse()
            body = self._read(response, sock, deadline, parts.netloc)
        except TimeoutError:
            raise GeocoderTimedOut(f"{parts.netloc} did not answer within {timeout} s") from None
        except (OSError, http.client.HTTPException) as exc:
            raise GeocoderUnavailable(f"{parts.netloc} unreachable: {exc}") from None
        finally:
            conn.close()
        text = body.decode(response.headers.get_content_charset() or "utf-8", errors="replace")
        if response.status >= _HTTP_ERROR:
            raise AdapterHTTPError(f"Non-successful status code {response.status}", status_code=response.status,
                                   headers={k.lower(): v for k, v in response.headers.items()}, text=text[:_ERROR_TEXT])
        return text

    def _connection(self, parts: Any, timeout: float) -> tuple[http.client.HTTPConnection, str]:
        """The connection for a URL's *parts* (through a proxy if one is set for it) and the request target."""
        https = parts.scheme == "https"
        host, port = parts.hostname or "", parts.port
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        proxy = self.proxies.get(parts.scheme) if not proxy_bypass(host) else None
        conn: http.client.HTTPConnection
        if proxy:
            via = urlsplit(proxy)
            if not https:  # a plain HTTP proxy takes the whole URL
                return http.client.HTTPConnection(via.hostname or "", via.port, timeout=timeout), parts.geturl()
            conn = http.client.HTTPSConnection(via.hostname or "", via.port, timeout=timeout, context=self.ssl_context)
            conn.set_tunnel(host, port)
            return conn, target
        if https:
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=self.ssl_context), target
        return http.client.HTTPConnection(host, port, timeout=timeout), target

    def _read(self, response: http.client.HTTPResponse, sock: Any, deadline: float, host: str) -> bytes:
        """The answer's body, inflated, refused past the deadline or the size cap."""
        encoding = (response.getheader("Content-Encoding") or "").strip().lower()
        inflate = {"gzip": zlib.decompressobj(16 + zlib.MAX_WBITS), "deflate": zlib.decompressobj(),
                   "x-gzip": zlib.decompressobj(16 + zlib.MAX_WBITS)}.get(encoding)
        sent = 0
        out = bytearray()
        while True:
            _remaining(sock, deadline)
            chunk = response.read1(_READ_CHUNK)
            if not chunk:
                break
            sent += len(chunk)
            out += inflate.decompress(chunk, self.max_bytes + 1 - len(out)) if inflate else chunk
            if sent > self.max_bytes or len(out) > self.max_bytes:
                what = "inflated" if len(out) > self.max_bytes else "sent"
                raise ProviderError(f"{host}'s answer is over {self.max_bytes:,} bytes ({what}); "
                                    "raise max_bytes= if it is expected")
        return bytes(out)


def _remaining(sock: Any, deadline: float) -> None:
    """Let the next operation on *sock* wait only until *deadline*; TimeoutError once it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    sock.settimeout(left)
