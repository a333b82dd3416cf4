"""What a call returns besides its payload: HTTP status, headers, request id, attempts."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._models import PinpointModel

__all__ = ["ResponseMetadata", "readable_error_body", "response_metadata", "shallow_error_body"]

#: Deeper than any error body Pinpoint sends (a flat object); botocore's parser recurses.
MAX_ERROR_BODY_DEPTH = 32
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(rb"[\[\]{}]")


@dataclass(frozen=True)
class ResponseMetadata:
    """The HTTP side of a successful call."""

    operation: str
    status_code: int
    request_id: str | None
    headers: Mapping[str, str] = field(repr=False)
    #: How many HTTP attempts the call took (1 when no retry was needed).
    attempts: int


def response_metadata(result: PinpointModel) -> ResponseMetadata | None:
    """The metadata of the call that returned ``result``, or None for a model built locally.

    >>> campaign = await client.campaigns.get(app_id, campaign_id)  # doctest: +SKIP
    >>> response_metadata(campaign).request_id  # doctest: +SKIP
    """
    metadata = result.__pydantic_private__ and result.__pydantic_private__.get("_metadata")
    return metadata if isinstance(metadata, ResponseMetadata) else None


def attach_metadata(result: PinpointModel, metadata: ResponseMetadata) -> None:
    """Records ``metadata`` on a parsed result."""
    if result.__pydantic_private__ is None:
        object.__setattr__(result, "__pydantic_private__", {})
    assert result.__pydantic_private__ is not None
    result.__pydantic_private__["_metadata"] = metadata


def shallow_error_body(body: Any) -> Any:
    """``body`` of an error response, or a stand-in when botocore could not parse it.

    botocore's parser recurses through JSON: an error body nested thousands of levels deep
    raises ``RecursionError`` from inside botocore, which is no error of ours and says nothing
    of the status. Such a body becomes ``{"message": ...}`` with its depth and its start, so
    the call still ends as the status error (a 400 stays ``BadRequestException``), with the
    body's start to debug from. Bodies without many brackets are not even scanned.
    """
    if not isinstance(body, bytes):
        return body
    if body.count(b"[") + body.count(b"{") <= MAX_ERROR_BODY_DEPTH:
        return body
    depth = deepest = 0
    for bracket in _BRACKET.findall(_JSON_STRING.sub(b"", body)):
        depth += 1 if bracket in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    if deepest <= MAX_ERROR_BODY_DEPTH:
        return body
    start = body[:120].decode("utf-8", "replace")
    message = f"the error body is nested {deepest} levels deep, too deep to read; it starts {start}"
    return json.dumps({"message": message}).encode()


def readable_error_body(body: bytes) -> bytes:
    """``body``, or ``{"message": <its text>}`` when botocore's parser would fail on it."""
    try:
        text = body.decode("utf-8")
        parsed = json.loads(text) if text else {}
    except UnicodeDecodeError:
        text, parsed = body.decode("utf-8", "replace"), None
    except ValueError:
        return body  # not JSON: botocore makes its text the message itself
    if isinstance(parsed, dict):
        return body
    return json.dumps({"message": text}).encode()
