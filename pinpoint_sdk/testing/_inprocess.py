"""In-process mode: the fake as an httpx transport, and a respx mock that installs it.

aiobotocore's httpx backend builds its own ``httpx.AsyncClient``, so the transport can't be
passed in; :func:`mock_pinpoint` patches httpx with respx instead (``using="httpx"``:
respx's default httpcore mocker loses the absolute URL aiobotocore sends in the ``target``
extension) and routes requests for the fake's base URL to it. Everything else passes through.

httpx and respx are development dependencies, so this module is imported only on use.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit

import httpx

from ._wire import Outcome, RequestHandler, WireRequest

if TYPE_CHECKING:
    import respx


async def _to_wire(request: httpx.Request) -> WireRequest:
    body = await request.aread()
    return WireRequest(
        method=request.method,
        raw_path=request.url.raw_path.split(b"?", 1)[0].decode("ascii"),
        query=tuple(parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)),
        headers=dict(request.headers),
        body=body,
    )


def _to_httpx(outcome: Outcome, request: httpx.Request) -> httpx.Response:
    response = outcome.response
    if response is None:
        # A drop before acting looks like a connection that never got through; after acting,
        # like an answer lost on the way back: a client may only retry the first safely.
        if outcome.acted:
            raise httpx.ReadError("FakePinpoint dropped the connection", request=request)
        raise httpx.ConnectError("FakePinpoint refused the connection", request=request)
    if outcome.cut_at is not None:
        headers = {**response.headers, "Content-Length": str(len(response.body))}
        stream = _IncompleteStream(response.body[: outcome.cut_at])
        return httpx.Response(response.status, headers=headers, stream=stream, request=request)
    return httpx.Response(
        response.status, headers=response.headers, content=response.body, request=request
    )


class _IncompleteStream(httpx.AsyncByteStream):
    """A body that ends early, as httpx reports a connection closed mid-body."""

    def __init__(self, head: bytes) -> None:
        self._head = head

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._head
        raise httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body (FakePinpoint)"
        )


async def answer(fake: RequestHandler, request: httpx.Request) -> httpx.Response:
    """The fake's answer to one httpx request (raising httpx errors for dropped calls)."""
    outcome = await fake.handle_async(await _to_wire(request))
    return _to_httpx(outcome, request)


class FakePinpointTransport(httpx.AsyncBaseTransport):
    """An ``httpx.AsyncBaseTransport`` that answers every request from a ``FakePinpoint``.

    For code that builds its own ``httpx.AsyncClient(transport=...)``; for aiobotocore use
    :meth:`FakePinpoint.mock`.
    """

    def __init__(self, fake: RequestHandler) -> None:
        self._fake = fake

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answers one request in process."""
        return await answer(self._fake, request)


#: Every regional Pinpoint endpoint: ``pinpoint.<region>.amazonaws.com`` (``.com.cn`` in China).
PINPOINT_HOSTS = r"^pinpoint\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$"


@contextlib.contextmanager
def mock_pinpoint(fake: RequestHandler, base_url: str | None) -> Iterator[respx.MockRouter]:
    """Routes httpx requests for Pinpoint to ``fake``: every regional endpoint over HTTPS, or
    only requests whose scheme, host and port match ``base_url``."""
    try:
        import respx
    except ImportError as missing:  # pragma: no cover - respx is a dev dependency
        raise RuntimeError(
            "FakePinpoint.mock() needs respx: pip install respx (or pinpoint-sdk[dev])"
        ) from missing

    async def side_effect(request: httpx.Request) -> httpx.Response:
        return await answer(fake, request)

    router = respx.mock(using="httpx", assert_all_called=False)
    with router:
        if base_url is None:
            route = router.route(scheme="https", host__regex=PINPOINT_HOSTS, port=443)
        else:
            parts = urlsplit(base_url)
            if not parts.scheme or not parts.hostname:
                raise ValueError(f"base_url must be an absolute URL, got {base_url!r}")
            default_port = 443 if parts.scheme == "https" else 80
            route = router.route(
                scheme=parts.scheme, host=parts.hostname, port=parts.port or default_port
            )
        route.mock(side_effect=side_effect)
        router.route().pass_through()
        yield router
