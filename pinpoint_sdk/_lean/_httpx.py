"""Sending a signed request with httpx, on the client of aiobotocore's ``HttpxSession``.

Used when the client's config asks for aiobotocore's httpx backend
(``AioConfig(http_session_cls=HttpxSession)``): tests and the local fake's in-process mode
intercept httpx with respx, and must see the lean path's requests too. The request is built
as aiobotocore builds it (the whole URL as the HTTP target, so that httpx does not normalise
the path), on the same ``httpx.AsyncClient``, with the same proxies and TLS settings.

httpx has no limit on a whole exchange, so the attempt's end is an asyncio timeout; failures
are raised as the botocore exception aiobotocore's ``HttpxSession.send`` raises for them.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from typing import Any

import httpx
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

from .._timeout import within

__all__ = ["HttpxBackend"]


class HttpxBackend:
    """One client's ``httpx.AsyncClient``, and how a request goes through it."""

    def __init__(self, client: httpx.AsyncClient, proxy: str | None) -> None:
        self._client = client
        self._proxy = proxy
        self._timeouts: dict[tuple[float | None, float | None], httpx.Timeout] = {}

    @classmethod
    async def borrow(cls, http_session: Any, endpoint_url: str) -> HttpxBackend:
        """The client of aiobotocore's ``HttpxSession``."""
        client = await http_session._get_session(endpoint_url)
        return cls(client, http_session._proxy_config.proxy_url_for(endpoint_url))

    def _timeout(self, connect: float | None, read: float | None) -> httpx.Timeout:
        timeout = self._timeouts.get((connect, read))
        if timeout is None:
            default = self._client.timeout
            timeout = self._timeouts[connect, read] = httpx.Timeout(
                connect=connect, read=read, write=default.write, pool=default.pool
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

        ``total`` (seconds) bounds the whole exchange (a plain ``TimeoutError``).
        """
        client = self._client
        target = "aiobotocore_raw_proxy_target" if self._proxy else "target"
        request = client.build_request(
            method,
            url,
            headers=headers,
            content=body,
            extensions={target: url.encode("utf-8")},
            timeout=self._timeout(connect, read),
        )
        try:
            deadline = None if total is None else asyncio.get_running_loop().time() + total
            response = await within(deadline, client.send(request))
        except Exception as error:
            failure = _as_botocore_error(error, url, self._proxy)
            if failure is error:
                raise
            raise failure from error
        # httpx gives names in lower case, and the values of a repeated header joined by ", ".
        return response.status_code, dict(response.headers.items()), response.content


def _as_botocore_error(error: Exception, url: str, proxy: str | None) -> Exception:
    """The exception aiobotocore's ``HttpxSession.send`` raises for ``error``.

    A plain ``TimeoutError`` (the attempt's end) is returned as it is.
    """
    mapped: Exception
    if isinstance(error, httpx.ConnectError):
        cause = _ssl_error_in(error)
        if cause is not None:
            mapped = SSLError(endpoint_url=url, error=cause)
        elif proxy:
            mapped = ProxyConnectionError(proxy_url=mask_proxy_url(proxy), error=error)
        else:
            mapped = EndpointConnectionError(endpoint_url=url, error=error)
    elif isinstance(error, socket.gaierror):
        mapped = EndpointConnectionError(endpoint_url=url, error=error)
    elif isinstance(error, (asyncio.TimeoutError, BotoCoreError)):
        mapped = error
    elif isinstance(error, httpx.ReadTimeout):
        mapped = ReadTimeoutError(endpoint_url=url, error=error)
    elif isinstance(error, httpx.TimeoutException):
        mapped = ConnectTimeoutError(endpoint_url=url, error=error)
    elif isinstance(error, httpx.ProxyError):
        mapped = ProxyConnectionError(proxy_url=mask_proxy_url(proxy), error=error)
    elif isinstance(error, httpx.CloseError):
        mapped = ConnectionClosedError(endpoint_url=url, error=error)
    elif isinstance(error, ssl.SSLError):
        mapped = SSLError(endpoint_url=url, error=error)
    else:
        mapped = HTTPClientError(error=error)
    return mapped


def _ssl_error_in(error: BaseException) -> ssl.SSLError | None:
    """The ``ssl.SSLError`` behind a failed TLS handshake (httpx wraps it twice)."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return current
        pending += [current.__cause__, current.__context__]
    return None
