"""A typed, async Python SDK for the Amazon Pinpoint API.

::

    from pinpoint_sdk import PinpointClient

    async with PinpointClient(region_name="us-east-1") as client:
        async for campaign in client.campaigns.list(app_id):
            print(campaign.name)

Models of every shape are in :mod:`pinpoint_sdk.models`, builders in
:mod:`pinpoint_sdk.builders`, and a local fake of Pinpoint in :mod:`pinpoint_sdk.testing`.
"""

from ._client import PinpointClient
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    PinpointError,
    PinpointValidationError,
)
from ._operations import OPERATIONS
from ._response import ResponseMetadata, response_metadata
from ._retry import RetryBudget, RetryPolicy
from ._service_errors import (
    BadRequestException,
    ConflictException,
    ForbiddenException,
    InternalServerErrorException,
    MethodNotAllowedException,
    NotFoundException,
    PayloadTooLargeException,
    TooManyRequestsException,
)
from .pagination import AsyncPaginator, Page

__all__ = [
    "OPERATIONS",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPaginator",
    "BadRequestException",
    "ClientClosedError",
    "ConflictException",
    "ForbiddenException",
    "InternalServerErrorException",
    "MethodNotAllowedException",
    "NotFoundException",
    "Page",
    "PayloadTooLargeException",
    "PinpointClient",
    "PinpointError",
    "PinpointValidationError",
    "ResponseMetadata",
    "RetryBudget",
    "RetryPolicy",
    "TooManyRequestsException",
    "response_metadata",
]
