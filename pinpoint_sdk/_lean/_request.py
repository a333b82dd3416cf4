"""The two values the lean path passes around: a request to send, and the answer to it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

__all__ = ["LeanRequest", "LeanResponse"]


class LeanRequest(NamedTuple):
    """One operation's HTTP request, before the endpoint, signing and per-attempt headers.

    A named tuple: built once per call (cheaply), sent as it is by every attempt.
    """

    #: The botocore operation name, e.g. ``"GetCampaign"``: names the call in errors.
    operation: str
    #: ``GET``, ``POST``, ``PUT`` or ``DELETE``.
    method: str
    #: The path, percent-encoded, e.g. ``/v1/apps/a%20b%2Fc/campaigns``.
    path: str
    #: The query string, encoded, without ``?``; None when the request has none.
    query: str | None
    #: Headers of the operation itself: ``Content-Type`` when there is a body.
    headers: Mapping[str, str]
    #: The body (``b""`` for none).
    body: bytes


class LeanResponse(NamedTuple):
    """A successful (2xx) answer: status, headers and the body, unparsed."""

    status: int
    #: Header names in lower case (the last value of a repeated header, as aiobotocore).
    headers: Mapping[str, str]
    body: bytes

    @property
    def request_id(self) -> str | None:
        """The service's id of the request, from the headers, as botocore finds it."""
        headers = self.headers
        if "x-amzn-requestid" in headers:
            return headers["x-amzn-requestid"]
        return headers.get("x-amz-request-id")
