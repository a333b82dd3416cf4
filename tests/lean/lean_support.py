"""Shared pieces of the lean transport's tests: clients, requests, and a SigV4 verifier.

Every client here is an aiobotocore Pinpoint client made as ``PinpointClient`` makes its own
(``client_config``: botocore's retries off, a 50-connection pool without aiohttp's hidden
re-send), with a :class:`LeanTransport` opened on it. The botocore path of a test is that
same aiobotocore client, so both paths share settings, credentials and pool.
"""

from __future__ import annotations

import asyncio
import hmac
import re
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import cache
from http import HTTPStatus
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import ReadOnlyCredentials
from support.shapes import service_model

from pinpoint_sdk._aiobotocore import client_config
from pinpoint_sdk._lean import HttpBinding, LeanRequest, LeanTransport, binding_for, build_request
from pinpoint_sdk._requests import REQUESTS
from pinpoint_sdk._timeout import Timeout

KEY_ID = "AKIDLEANTRANSPORT000"
SECRET = "lean-transport-secret-key/0123456789+abcd"
CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": KEY_ID,
    "aws_secret_access_key": SECRET,
}
#: One botocore session for the suite: loading the Pinpoint model costs ~100 ms per session.
SESSION: AioSession = get_session()


@cache
def binding(operation: str) -> HttpBinding:
    """The HTTP binding of one operation, from botocore's model."""
    return binding_for(service_model().operation_model(operation))


def request(operation: str, **params: Any) -> LeanRequest:
    """The lean request of ``operation`` for botocore-style ``params``: what the generated
    builder of ``pinpoint_sdk._requests`` makes, checked against the reference builder."""
    params = {name: value for name, value in params.items() if value is not None}
    built = REQUESTS[operation](params)
    assert built == build_request(binding(operation), params)
    return built


def sdk_config(config: AioConfig | None = None, timeout: Timeout | None = None) -> Any:
    """The aiobotocore config a ``PinpointClient`` would give its client."""
    merged, _ = client_config(config, timeout)
    return merged


@asynccontextmanager
async def lean_client(
    endpoint_url: str | None = None,
    *,
    config: AioConfig | None = None,
    session: AioSession = SESSION,
    **kwargs: Any,
) -> AsyncIterator[tuple[Any, LeanTransport]]:
    """An aiobotocore client configured as the SDK's, and a lean transport opened on it."""
    options = {**CREDENTIALS, **kwargs}
    if endpoint_url is not None:
        options["endpoint_url"] = endpoint_url
    async with session.create_client("pinpoint", config=sdk_config(config), **options) as client:
        transport = await LeanTransport.open(client)
        try:
            yield client, transport
        finally:
            transport.close()


def deadline_in(seconds: float) -> float:
    """The ``deadline`` argument of a call that may take ``seconds`` from now."""
    return time.monotonic() + seconds


# -- checking a signature as the service would --------------------------------------------

_AUTHORIZATION = re.compile(
    r"AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/"
    r"(?P<service>[^/]+)/aws4_request, SignedHeaders=(?P<signed>[^,]+), Signature=(?P<sig>[0-9a-f]{64})"
)


def signature_verifies(
    method: str,
    target: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    secret: str = SECRET,
    host: str | None = None,
) -> bool:
    """Whether a request, as it arrived (``target``: the raw path and query), is signed by
    ``secret``: the signature is computed again from what was received, as the service does.
    """
    lower = {name.lower(): value for name, value in headers.items()}
    found = _AUTHORIZATION.fullmatch(lower["authorization"])
    if found is None:
        return False
    signed = found["signed"].split(";")
    received = {name: lower[name] for name in signed if name != "host"}
    received["host"] = host or lower["host"]
    http_request = AWSRequest(
        method=method, url=f"http://{received['host']}{target}", headers=received, data=body
    )
    http_request.context["timestamp"] = lower["x-amz-date"]
    signer = SigV4Auth(
        ReadOnlyCredentials(found["key"], secret, None), found["service"], found["region"]
    )
    canonical = signer.canonical_request(http_request)
    string_to_sign = signer.string_to_sign(http_request, canonical)
    expected = signer.signature(string_to_sign, http_request)
    return hmac.compare_digest(expected, found["sig"]) and _scope_matches(found, lower)


def _scope_matches(found: re.Match[str], headers: Mapping[str, str]) -> bool:
    return headers["x-amz-date"].startswith(found["date"]) and found["service"] == "mobiletargeting"


# -- a loopback HTTP server that records requests as they arrive ----------------------------


@dataclass(frozen=True)
class Received:
    """One request as it arrived: its bytes, and the parts a test looks at."""

    head: bytes
    body: bytes

    @property
    def request_line(self) -> str:
        return self.head.split(b"\r\n", 1)[0].decode()

    @property
    def method(self) -> str:
        return self.request_line.split(" ")[0]

    @property
    def target(self) -> str:
        """The raw path and query, as sent."""
        return self.request_line.split(" ")[1]

    @property
    def header_lines(self) -> list[tuple[str, str]]:
        """Every header, in the order sent, names as sent."""
        lines = self.head.decode().split("\r\n")[1:]
        return [
            (name, value.strip())
            for name, _, value in (line.partition(":") for line in lines if line)
        ]

    @property
    def headers(self) -> dict[str, str]:
        return {name.lower(): value for name, value in self.header_lines}


@dataclass(frozen=True)
class Answer:
    """What the server sends back."""

    status: int = 200
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json"),)
    body: bytes = b"{}"

    def encode(self) -> bytes:
        lines = [f"HTTP/1.1 {self.status} {HTTPStatus(self.status).phrase}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + self.body


#: What the server does with a request: answer it, close the connection without a word
#: (``"close"``), reset it (``"reset"``) or keep silent (``"silent"``).
Behaviour = Callable[[Received], "Answer | str"]


class WireServer:
    """A loopback HTTP/1.1 server (keep-alive) that records each request it reads."""

    def __init__(self, behaviour: Behaviour = lambda _: Answer()) -> None:
        self.behaviour = behaviour
        self.requests: list[Received] = []
        #: Connections accepted so far.
        self.connections = 0
        self.arrived = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[Any]] = set()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                received = Received(head, await reader.readexactly(length))
                self.requests.append(received)
                self.arrived.set()
                action = self.behaviour(received)
                if action == "silent":
                    await asyncio.Event().wait()
                if action == "reset":
                    writer.transport.abort()
                    return
                if action == "close":
                    break
                assert isinstance(action, Answer)
                writer.write(action.encode())
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            self._handlers.discard(task)

    async def __aenter__(self) -> WireServer:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._handlers):
            task.cancel()
        await self._server.wait_closed()


class HandMadeSession:
    """An HTTP session class of the user's own, which aiobotocore accepts."""

    def __init__(self, **_: Any) -> None:
        pass

    async def __aenter__(self) -> HandMadeSession:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        pass

    async def close(self) -> None:
        pass
