"""What a call returns besides its payload: HTTP status, headers, request id, attempts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ._models import PinpointModel

__all__ = ["ResponseMetadata", "response_metadata"]


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
