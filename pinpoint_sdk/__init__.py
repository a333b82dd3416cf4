"""A typed, async Python SDK for the Amazon Pinpoint API.

::

    from pinpoint_sdk import PinpointClient

    async with PinpointClient(region_name="us-east-1") as client:
        async for campaign in client.campaigns.list(app_id):
            print(campaign.name)

Models of every shape are in :mod:`pinpoint_sdk.models`, builders in
:mod:`pinpoint_sdk.builders`, and a local fake of Pinpoint in :mod:`pinpoint_sdk.testing`.
Every error the SDK raises is importable from here; the tree is in ``_exceptions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports

if TYPE_CHECKING:
    from ._client import PinpointClient as PinpointClient
    from ._exceptions import APIConnectionError as APIConnectionError
    from ._exceptions import APIResponseValidationError as APIResponseValidationError
    from ._exceptions import APIStatusError as APIStatusError
    from ._exceptions import APITimeoutError as APITimeoutError
    from ._exceptions import ClientClosedError as ClientClosedError
    from ._exceptions import CredentialsError as CredentialsError
    from ._exceptions import JobFailedError as JobFailedError
    from ._exceptions import MissingDependencyError as MissingDependencyError
    from ._exceptions import PaginationError as PaginationError
    from ._exceptions import PinpointConfigurationError as PinpointConfigurationError
    from ._exceptions import PinpointError as PinpointError
    from ._exceptions import PinpointValidationError as PinpointValidationError
    from ._exceptions import RegionError as RegionError
    from ._exceptions import UnexpectedStateError as UnexpectedStateError
    from ._exceptions import WaiterError as WaiterError
    from ._exceptions import WaiterTimeoutError as WaiterTimeoutError
    from ._operations import OPERATIONS as OPERATIONS
    from ._response import ResponseMetadata as ResponseMetadata
    from ._response import response_metadata as response_metadata
    from ._retry import RetryBudget as RetryBudget
    from ._retry import RetryPolicy as RetryPolicy
    from ._service_errors import BadRequestException as BadRequestException
    from ._service_errors import ConflictException as ConflictException
    from ._service_errors import ForbiddenException as ForbiddenException
    from ._service_errors import InternalServerErrorException as InternalServerErrorException
    from ._service_errors import MethodNotAllowedException as MethodNotAllowedException
    from ._service_errors import NotFoundException as NotFoundException
    from ._service_errors import PayloadTooLargeException as PayloadTooLargeException
    from ._service_errors import TooManyRequestsException as TooManyRequestsException
    from ._timeout import Timeout as Timeout
    from .builders._problems import BuildError as BuildError
    from .builders.lifecycle import StateTransitionError as StateTransitionError
    from .pagination import AsyncPaginator as AsyncPaginator
    from .pagination import Page as Page

# Loaded on first use: importing the package (as pytest does for the plugin) stays cheap.
_SOURCES: dict[str, str] = {
    "APIConnectionError": "._exceptions",
    "APIResponseValidationError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AsyncPaginator": ".pagination",
    "BadRequestException": "._service_errors",
    "BuildError": ".builders._problems",
    "ClientClosedError": "._exceptions",
    "ConflictException": "._service_errors",
    "CredentialsError": "._exceptions",
    "ForbiddenException": "._service_errors",
    "InternalServerErrorException": "._service_errors",
    "JobFailedError": "._exceptions",
    "MethodNotAllowedException": "._service_errors",
    "MissingDependencyError": "._exceptions",
    "NotFoundException": "._service_errors",
    "OPERATIONS": "._operations",
    "Page": ".pagination",
    "PaginationError": "._exceptions",
    "PayloadTooLargeException": "._service_errors",
    "PinpointClient": "._client",
    "PinpointConfigurationError": "._exceptions",
    "PinpointError": "._exceptions",
    "PinpointValidationError": "._exceptions",
    "RegionError": "._exceptions",
    "ResponseMetadata": "._response",
    "RetryBudget": "._retry",
    "RetryPolicy": "._retry",
    "StateTransitionError": ".builders.lifecycle",
    "Timeout": "._timeout",
    "TooManyRequestsException": "._service_errors",
    "UnexpectedStateError": "._exceptions",
    "WaiterError": "._exceptions",
    "WaiterTimeoutError": "._exceptions",
    "response_metadata": "._response",
}

__all__ = [
    "OPERATIONS",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPaginator",
    "BadRequestException",
    "BuildError",
    "ClientClosedError",
    "ConflictException",
    "CredentialsError",
    "ForbiddenException",
    "InternalServerErrorException",
    "JobFailedError",
    "MethodNotAllowedException",
    "MissingDependencyError",
    "NotFoundException",
    "Page",
    "PaginationError",
    "PayloadTooLargeException",
    "PinpointClient",
    "PinpointConfigurationError",
    "PinpointError",
    "PinpointValidationError",
    "RegionError",
    "ResponseMetadata",
    "RetryBudget",
    "RetryPolicy",
    "StateTransitionError",
    "Timeout",
    "TooManyRequestsException",
    "UnexpectedStateError",
    "WaiterError",
    "WaiterTimeoutError",
    "response_metadata",
]


__getattr__, __dir__ = lazy_exports(__name__, _SOURCES)
