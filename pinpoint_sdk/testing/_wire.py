"""HTTP requests and responses as plain data, independent of the transport carrying them.

Both ways of running the fake (the in-process httpx transport and the aiohttp server) turn
their request into a :class:`WireRequest`, hand it to the fake, and turn the
:class:`Outcome` back into their own response type, or drop the connection.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class WireRequest:
    """One HTTP request: method, raw (percent-encoded) path, query pairs, headers, body."""

    method: str
    raw_path: str
    query: tuple[tuple[str, str], ...] = ()
    headers: Mapping[str, str] = field(default_factory=lambda: {})
    body: bytes = b""

    @classmethod
    def from_url(
        cls, method: str, url: str, headers: Mapping[str, str] | None = None, body: bytes = b""
    ) -> WireRequest:
        """Builds a request from a URL (absolute, or just ``/path?query``)."""
        parts = urlsplit(url)
        return cls(
            method=method.upper(),
            raw_path=parts.path or "/",
            query=tuple(parse_qsl(parts.query, keep_blank_values=True)),
            headers=dict(headers or {}),
            body=body,
        )


@dataclass(frozen=True)
class WireResponse:
    """One HTTP response."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> object:
        """The body parsed as JSON (``None`` when empty)."""
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class Outcome:
    """What the transport must do: send ``response``, or drop the connection (``None``).

    ``acted`` tells whether the operation took effect before a drop, which in process picks
    the exception the client sees (``ReadError`` rather than ``ConnectError``).
    ``cut_at``, when set, sends the headers (with the full ``Content-Length``) and only the
    first ``cut_at`` bytes of the body, then closes the connection.
    """

    response: WireResponse | None
    acted: bool = False
    cut_at: int | None = None


def json_response(status: int, request_id: str, body: bytes) -> WireResponse:
    """A successful response with the headers every Pinpoint response has."""
    headers = {"x-amzn-RequestId": request_id}
    if body:
        headers["Content-Type"] = "application/json"
    return WireResponse(status, headers, body)


def error_response(status: int, code: str, message: str, request_id: str) -> WireResponse:
    """An error response: JSON ``Message`` and ``RequestID``, and ``X-Amzn-ErrorType``."""
    body = json.dumps({"Message": message, "RequestID": request_id}).encode()
    headers = {
        "x-amzn-RequestId": request_id,
        "X-Amzn-ErrorType": code,
        "Content-Type": "application/json",
    }
    return WireResponse(status, headers, body)


class RequestHandler(Protocol):
    """What a transport needs from the fake: one request in, one outcome out."""

    async def handle_async(self, request: WireRequest) -> Outcome:
        """Answers one request."""
        ...
