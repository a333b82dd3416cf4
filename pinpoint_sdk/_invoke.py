"""One API call: aiobotocore underneath, our errors on top, retried by tenacity per policy."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import (
    ClientError,
    ConnectionError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
    ParamValidationError,
    ReadTimeoutError,
)
from botocore.parsers import ResponseParserError
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.stop import stop_base

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    PinpointError,
    PinpointValidationError,
)
from ._operations import CLIENT_METHODS, RETRY_UNSAFE
from ._response import ResponseMetadata
from ._retry import RetryBudget, RetryPolicy, retry_delay, should_retry
from ._service_errors import ERRORS_BY_CODE, ERRORS_BY_STATUS

logger = logging.getLogger("pinpoint_sdk")


#: Where ``keep_raw_body`` leaves a successful response's body in botocore's parsed response.
_RAW_BODY = "__pinpoint_sdk_raw_body__"


@dataclass(frozen=True)
class CallResult:
    """The parsed botocore response of a successful call, its raw body, and its metadata."""

    response: Mapping[str, Any]
    metadata: ResponseMetadata
    #: The JSON body as received: botocore's parser drops unknown fields, this keeps them.
    raw_body: bytes | None = None


def keep_raw_body(
    response_dict: dict[str, Any], customized_response_dict: dict[str, Any], **_: Any
) -> None:
    """botocore ``before-parse`` handler: takes over the body of successful responses.

    The SDK parses a successful body itself, with pydantic-core: faster than botocore's
    parser, and it keeps fields botocore does not know. botocore is handed an empty JSON
    object instead, so the body is not parsed twice. Error bodies are left to botocore.
    """
    if 200 <= response_dict.get("status_code", 0) < 300:
        customized_response_dict[_RAW_BODY] = response_dict.get("body")
        response_dict["body"] = b"{}"


def _never_connected(error: EndpointConnectionError) -> bool:
    """True when the connection was refused or not resolvable: nothing was sent."""
    cause = error.kwargs.get("error")
    if isinstance(cause, (ConnectionRefusedError, socket.gaierror)):
        return True
    name = type(cause).__name__
    # aiohttp's and httpx's "could not connect" errors; checked by name to keep httpx optional.
    return name in {"ClientConnectorError", "ClientConnectorDNSError", "ConnectError"}


def translate(error: Exception, operation: str) -> PinpointError:
    """Maps a botocore/aiobotocore exception to our error tree."""
    if isinstance(error, ClientError):
        details = error.response.get("Error", {})
        meta = error.response.get("ResponseMetadata", {})
        code = str(details.get("Code") or "Unknown")
        status = int(meta.get("HTTPStatusCode") or 0)
        cls = ERRORS_BY_CODE.get(code) or ERRORS_BY_STATUS.get(status) or APIStatusError
        return cls(
            str(details.get("Message") or ""),
            status_code=status,
            code=code,
            # Pinpoint repeats the request id in the error body, which proxies do not strip.
            request_id=meta.get("RequestId") or error.response.get("RequestID"),
            operation=operation,
            headers=meta.get("HTTPHeaders") or {},
        )
    if isinstance(error, ParamValidationError):
        return PinpointValidationError(f"{operation}: {error.kwargs.get('report', error)}")
    if isinstance(error, ConnectTimeoutError):
        return APITimeoutError(
            f"{operation}: connect timeout", operation=operation, request_sent=False
        )
    if isinstance(error, ReadTimeoutError):
        return APITimeoutError(f"{operation}: read timeout", operation=operation, request_sent=True)
    if isinstance(error, EndpointConnectionError):
        sent = not _never_connected(error)
        return APIConnectionError(f"{operation}: {error}", operation=operation, request_sent=sent)
    if isinstance(error, (HTTPClientError, ConnectionError)):
        return APIConnectionError(f"{operation}: {error}", operation=operation, request_sent=True)
    if isinstance(error, ResponseParserError):
        return APIResponseValidationError(
            f"the response could not be parsed: {error}", operation=operation, request_id=None
        )
    raise error


async def _attempt(
    client: Any, operation: str, params: dict[str, Any], timeout: float | None
) -> Any:
    method = getattr(client, CLIENT_METHODS[operation])
    try:
        if timeout is None:
            return await method(**params)
        return await asyncio.wait_for(method(**params), timeout)
    except asyncio.TimeoutError as error:
        raise APITimeoutError(
            f"{operation}: no response within {timeout}s", operation=operation, request_sent=True
        ) from error
    except (ClientError, ParamValidationError, HTTPClientError, ConnectionError) as error:
        raise translate(error, operation) from error
    except ResponseParserError as error:
        raise translate(error, operation) from error


class _BudgetExhausted(stop_base):
    """Stops retrying when the client's retry budget cannot pay for another attempt."""

    def __init__(self, budget: RetryBudget) -> None:
        self._budget = budget

    def __call__(self, retry_state: RetryCallState) -> bool:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        return not (isinstance(error, PinpointError) and self._budget.try_spend(error))


def _log_retry(operation: str, policy: RetryPolicy) -> Any:
    def before_sleep(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        code = getattr(error, "code", None) or type(error).__name__
        delay = state.next_action.sleep if state.next_action else 0.0
        logger.info(
            "retrying %s: attempt %d of %d failed with %s; next attempt in %.2fs",
            operation,
            state.attempt_number,
            policy.max_retries + 1,
            code,
            delay,
            extra={
                "operation": operation,
                "attempt": state.attempt_number,
                "delay": delay,
                "error_code": code,
            },
        )

    return before_sleep


async def _retry(
    client: Any,
    operation: str,
    params: dict[str, Any],
    first_error: PinpointError,
    *,
    idempotent: bool,
    policy: RetryPolicy,
    budget: RetryBudget,
    timeout: float | None,
) -> tuple[Any, int]:
    """Retries after ``first_error`` (attempt 1) as the policy allows; returns (response, attempts)."""

    def retryable(error: BaseException) -> bool:
        return isinstance(error, PinpointError) and should_retry(error, idempotent=idempotent)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        assert isinstance(error, PinpointError)
        return retry_delay(error, state.attempt_number, policy)

    retrying = AsyncRetrying(
        retry=retry_if_exception(retryable),
        stop=stop_after_attempt(policy.max_retries + 1) | _BudgetExhausted(budget),
        wait=wait,
        before_sleep=_log_retry(operation, policy),
        reraise=True,
    )
    attempts = 0
    async for attempt in retrying:
        with attempt:
            attempts = attempt.retry_state.attempt_number
            if attempts == 1:
                # The first attempt already ran (without tenacity, see ``invoke``): replay it.
                raise first_error
            return await _attempt(client, operation, params, timeout), attempts
    raise AssertionError("unreachable: tenacity either returns or re-raises")


async def invoke(
    client: Any,
    operation: str,
    params: dict[str, Any],
    *,
    policy: RetryPolicy,
    budget: RetryBudget,
    timeout: float | None,
) -> CallResult:
    """Calls ``operation`` with botocore ``params``, retrying as the policy allows.

    The first attempt runs directly: setting up tenacity costs more than a local call, and
    most calls succeed at once. Only a failure that may be retried enters the retry loop.
    """
    idempotent = operation not in RETRY_UNSAFE
    started = time.perf_counter()
    try:
        try:
            response = await _attempt(client, operation, params, timeout)
            attempts = 1
        except PinpointError as error:
            if policy.max_retries < 1 or not should_retry(error, idempotent=idempotent):
                raise
            response, attempts = await _retry(
                client,
                operation,
                params,
                error,
                idempotent=idempotent,
                policy=policy,
                budget=budget,
                timeout=timeout,
            )
    except PinpointError as error:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s failed: %s",
                operation,
                getattr(error, "code", type(error).__name__),
                extra={"operation": operation},
            )
        raise
    budget.refund()
    meta = response.get("ResponseMetadata", {})
    metadata = ResponseMetadata(
        operation=operation,
        status_code=int(meta.get("HTTPStatusCode") or 0),
        request_id=meta.get("RequestId"),
        headers=meta.get("HTTPHeaders") or {},
        attempts=attempts,
    )
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s succeeded: status %d, %d attempts, %.1f ms, request id %s",
            operation,
            metadata.status_code,
            attempts,
            (time.perf_counter() - started) * 1000,
            metadata.request_id,
            extra={
                "operation": operation,
                "status_code": metadata.status_code,
                "attempts": attempts,
                "request_id": metadata.request_id,
            },
        )
    raw_body = response.pop(_RAW_BODY, None)
    return CallResult(response, metadata, raw_body if isinstance(raw_body, bytes) else None)


__all__ = ["CallResult", "invoke", "keep_raw_body", "translate"]
