"""Sending a signed request with aiohttp, on the pool of the client's aiobotocore session.

The pool is the ``aiohttp.ClientSession`` aiobotocore's ``AIOHTTPSession`` made for the
client: its connector has the client's limit (``max_pool_connections``), TLS settings
(``verify``, ``client_cert``), keep-alive and proxy settings, so both paths share one pool
configured once. Only aiobotocore's per-request wrapping (an ``AWSPreparedRequest`` in, an
``AioAWSResponse`` out, headers converted twice) is skipped.

Differences from aiobotocore's ``send``, both on purpose:

- aiohttp's hidden re-send of an idempotent request on a dropped keep-alive connection is
  switched off (as in ``_connection``): the retry owner must see every attempt;
- redirects are not followed (botocore's own HTTP client never follows them either): a
  redirect would re-send a signed request, unseen by the retry owner, to another URL.

Failures are raised as the botocore exception aiobotocore raises for them, so that one
mapping (``_invoke.translate``) gives both paths the same typed errors and wording. A plain
``TimeoutError`` means the ``total`` limit (the attempt's end) passed.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import aiohttp
from aiohttp import (
    ClientConnectionError,
    ClientConnectorError,
    ClientHttpProxyError,
    ClientProxyConnectionError,
    ClientSSLError,
    ServerDisconnectedError,
    ServerTimeoutError,
)
from aiohttp.http_exceptions import BadStatusLine
from botocore.exceptions import (
    BotoCoreError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
    ProxyConnectionError,
    ReadTimeoutError,
    SSLError,
)
from botocore.httpsession import mask_proxy_url
from yarl import URL

__all__ = ["AiohttpBackend"]

#: What aiobotocore reports as "connection closed" (the request had been sent).
_CLOSED_UNDER_US = (
    ServerDisconnectedError,
    aiohttp.ClientPayloadError,
    BadStatusLine,
)
#: aiohttp rounds longer timeouts up to whole seconds; a call's deadline must not move.
_EXACT = float("inf")


class AiohttpBackend:
    """One client's aiohttp pool, and how a request goes through it."""

    def __init__(self, session: aiohttp.ClientSession, proxy: str | None, proxy_headers: Any):
        self._session = session
        self._proxy = proxy
        self._proxy_headers = proxy_headers or None
        self._timeouts: dict[tuple[float | None, float | None], aiohttp.ClientTimeout] = {}

    @classmethod
    async def borrow(cls, http_session: Any, endpoint_url: str) -> AiohttpBackend:
        """The pool of aiobotocore's ``AIOHTTPSession`` for ``endpoint_url`` (and its proxy)."""
        proxies = http_session._proxy_config
        proxy = proxies.proxy_url_for(endpoint_url)
        session = await http_session._get_session(proxy)
        if getattr(session, "_retry_connection", False):
            session._retry_connection = False
        return cls(session, proxy, proxies.proxy_headers_for(endpoint_url))

    def _timeout(
        self, connect: float | None, read: float | None, total: float | None
    ) -> aiohttp.ClientTimeout:
        if total is not None:
            return aiohttp.ClientTimeout(
                total=total, sock_connect=connect, sock_read=read, ceil_threshold=_EXACT
            )
        timeout = self._timeouts.get((connect, read))
        if timeout is None:
            timeout = self._timeouts[connect, read] = aiohttp.ClientTimeout(
                total=None, sock_connect=connect, sock_read=read
            )
        return timeout

    async def send(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        body: bytes | None,
        *,
        connect: float | None,
        read: float | None,
        total: float | None,
    ) -> tuple[int, dict[str, str], bytes]:
        """Sends the request; the status, headers (lower-case names) and body of the answer.

        ``headers`` gets ``Accept-Encoding: identity`` (as aiobotocore: botocore reads bodies
        as they come). ``total`` bounds the whole exchange, answer included (a plain
        ``TimeoutError``).
        """
        headers["Accept-Encoding"] = "identity"
        try:
            response = await self._session.request(
                method,
                URL(url, encoded=True),
                headers=headers,
                data=body,
                proxy=self._proxy,
                proxy_headers=self._proxy_headers,
                timeout=self._timeout(connect, read, total),
                allow_redirects=False,
            )
            try:
                payload = await response.read()
            finally:
                response.release()
        except Exception as error:
            failure = _as_botocore_error(error, url, self._proxy)
            if failure is error:
                raise
            raise failure from error
        # As aiobotocore: names in lower case, the last of a repeated header wins.
        answer = {
            name.decode("utf-8").lower(): value.decode("utf-8")
            for name, value in response.raw_headers
        }
        return response.status, answer, payload


def _as_botocore_error(error: Exception, url: str, proxy: str | None) -> Exception:
    """The exception aiobotocore's ``AIOHTTPSession.send`` raises for ``error``.

    A plain ``TimeoutError`` (aiohttp's ``total``: our deadline) is returned as it is.
    """
    mapped: Exception
    if isinstance(error, ClientSSLError):
        mapped = SSLError(endpoint_url=url, error=error)
    elif isinstance(error, (ClientProxyConnectionError, ClientHttpProxyError)):
        mapped = ProxyConnectionError(proxy_url=mask_proxy_url(proxy), error=error)
    elif isinstance(error, _CLOSED_UNDER_US):
        mapped = ConnectionClosedError(error=error, request=None, endpoint_url=url)
    elif isinstance(error, ServerTimeoutError):
        connecting = str(error).lower().startswith("connect")
        timeout = ConnectTimeoutError if connecting else ReadTimeoutError
        mapped = timeout(endpoint_url=url, error=error)
    elif isinstance(error, (ClientConnectorError, ClientConnectionError, socket.gaierror)):
        mapped = EndpointConnectionError(endpoint_url=url, error=error)
    elif isinstance(error, (asyncio.TimeoutError, BotoCoreError)):
        mapped = error
    else:
        mapped = HTTPClientError(error=error)
    return mapped
