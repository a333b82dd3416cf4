"""One API call: aiobotocore underneath, our errors on top, retried by tenacity per policy.

Every call can be followed without a debugger:

- one DEBUG record per call on the ``pinpoint_sdk`` logger when it ends, with ``extra``
  fields ``operation``, ``outcome`` (``success``, ``error`` or ``cancelled``),
  ``status_code``, ``attempts``, ``duration_ms``, ``request_id`` and ``error_code``;
- one INFO record per retry, with ``operation``, ``attempt`` (the failed one), ``delay``,
  ``error_code``, ``status_code`` and ``request_id``;
- with OpenTelemetry configured, one span per call and one event per retry (``_tracing``).

No record or span carries a request or response body; botocore's own DEBUG records do, and
``_logging`` redacts secrets from them.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

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
from ._response import ResponseMetadata, shallow_error_body
from ._retry import RetryBudget, RetryPolicy, retry_delay, should_retry
from ._secrets import hide_secrets
from ._service_errors import ERRORS_BY_CODE, ERRORS_BY_STATUS
from ._tracing import CallSpan, start_call_span

logger = logging.getLogger("pinpoint_sdk")

ResultT = TypeVar("ResultT")


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
    object instead, so the body is not parsed twice. Error bodies are left to botocore, but
    one nested too deeply for its recursive parser is replaced (``shallow_error_body``).
    """
    if 200 <= response_dict.get("status_code", 0) < 300:
        customized_response_dict[_RAW_BODY] = response_dict.get("body")
        response_dict["body"] = b"{}"
    else:
        response_dict["body"] = shallow_error_body(response_dict.get("body"))


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
    # The service may echo the request, secrets included, in its message; botocore's error
    # stays chained as ``__cause__``, so its message and ``response`` are cleaned in place.
    hide_secrets(error)
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


class _Call:
    """What is known about one call while it runs: attempts so far, and its span."""

    __slots__ = ("attempts", "operation", "policy", "span", "started")

    def __init__(self, operation: str, policy: RetryPolicy) -> None:
        self.operation = operation
        self.policy = policy
        self.attempts = 1
        self.started = time.perf_counter()
        self.span: CallSpan | None = None

    def duration_ms(self) -> float:
        return round((time.perf_counter() - self.started) * 1000, 3)


def error_code(error: BaseException) -> str:
    """The service's error code of ``error``, or our exception's class name."""
    code = getattr(error, "code", None)
    return code if isinstance(code, str) and code else type(error).__name__


def _status_of(error: BaseException | None) -> int | None:
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def _request_id_of(error: BaseException | None) -> str | None:
    request_id = getattr(error, "request_id", None)
    return request_id if isinstance(request_id, str) else None


def _before_sleep(call: _Call) -> Callable[[RetryCallState], None]:
    """tenacity hook: logs (and traces) each failed attempt that is about to be retried."""

    def before_sleep(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        code = error_code(error) if error is not None else "Unknown"
        delay = state.next_action.sleep if state.next_action else 0.0
        status = _status_of(error)
        request_id = _request_id_of(error)
        logger.info(
            "retrying %s: attempt %d of %d failed with %s; next attempt in %.2fs",
            call.operation,
            state.attempt_number,
            call.policy.max_retries + 1,
            code,
            delay,
            extra={
                "operation": call.operation,
                "attempt": state.attempt_number,
                "delay": delay,
                "error_code": code,
                "status_code": status,
                "request_id": request_id,
            },
        )
        if call.span is not None:
            call.span.retry(
                {
                    "pinpoint.attempt": state.attempt_number,
                    "error.type": code,
                    "http.response.status_code": status,
                    "aws.request_id": request_id,
                    "pinpoint.retry_delay_s": delay,
                }
            )

    return before_sleep


async def _retry(
    client: Any,
    call: _Call,
    params: dict[str, Any],
    first_error: PinpointError,
    *,
    idempotent: bool,
    budget: RetryBudget,
    timeout: float | None,
) -> Any:
    """Retries after ``first_error`` (attempt 1) as the policy allows; counts in ``call``."""
    policy = call.policy

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
        before_sleep=_before_sleep(call),
        reraise=True,
    )
    async for attempt in retrying:
        with attempt:
            call.attempts = attempt.retry_state.attempt_number
            if call.attempts == 1:
                # The first attempt already ran (without tenacity, see ``invoke``): replay it.
                raise first_error
            return await _attempt(client, call.operation, params, timeout)
    raise AssertionError("unreachable: tenacity either returns or re-raises")


async def invoke(
    client: Any,
    operation: str,
    params: dict[str, Any],
    *,
    policy: RetryPolicy,
    budget: RetryBudget,
    timeout: float | None,
    parse: Callable[[CallResult], ResultT],
) -> ResultT:
    """Calls ``operation`` with botocore ``params``, retrying as the policy allows.

    ``parse`` turns the successful response into the caller's result. It runs inside the
    call, so a body that cannot be understood is logged and traced as this call's error.

    The first attempt runs directly: setting up tenacity costs more than a local call, and
    most calls succeed at once. Only a failure that may be retried enters the retry loop.
    """
    idempotent = operation not in RETRY_UNSAFE
    call = _Call(operation, policy)
    call.span = start_call_span(operation)
    metadata: ResponseMetadata | None = None
    try:
        try:
            response = await _attempt(client, operation, params, timeout)
        except PinpointError as error:
            if policy.max_retries < 1 or not should_retry(error, idempotent=idempotent):
                raise
            response = await _retry(
                client, call, params, error, idempotent=idempotent, budget=budget, timeout=timeout
            )
        budget.refund()
        meta = response.get("ResponseMetadata", {})
        metadata = ResponseMetadata(
            operation=operation,
            status_code=int(meta.get("HTTPStatusCode") or 0),
            request_id=meta.get("RequestId"),
            headers=meta.get("HTTPHeaders") or {},
            attempts=call.attempts,
        )
        raw_body = response.pop(_RAW_BODY, None)
        result = parse(
            CallResult(response, metadata, raw_body if isinstance(raw_body, bytes) else None)
        )
    except BaseException as error:
        if isinstance(error, PinpointError):
            # A body refused before sending (``_params``) was not an HTTP attempt.
            invalid = isinstance(error, PinpointValidationError)
            error.attempts = 0 if invalid else call.attempts
        # Cancellation too: a cancelled call still ends its span and says how it ended.
        _finished(call, metadata, error)
        raise
    _finished(call, metadata, None)
    return result


def _finished(call: _Call, metadata: ResponseMetadata | None, error: BaseException | None) -> None:
    """Logs the end of a call and ends its span; nearly free when neither is wanted."""
    span = call.span
    debug = logger.isEnabledFor(logging.DEBUG)
    if span is None and not debug:
        return
    if error is None:
        outcome, code = "success", None
    elif isinstance(error, Exception):
        outcome, code = "error", error_code(error)
    else:
        outcome, code = "cancelled", type(error).__name__
    status, request_id = _status_of(error), _request_id_of(error)
    if metadata is not None:
        # The HTTP exchange succeeded; only understanding the body may have failed.
        status, request_id = metadata.status_code, metadata.request_id
    duration_ms = call.duration_ms()
    if span is not None:
        span.end(
            {
                "http.response.status_code": status,
                "aws.request_id": request_id,
                "pinpoint.attempts": call.attempts,
            },
            error if isinstance(error, Exception) else None,
            code,
        )
    if not debug:
        return
    fields = {
        "operation": call.operation,
        "outcome": outcome,
        "status_code": status,
        "attempts": call.attempts,
        "duration_ms": duration_ms,
        "request_id": request_id,
        "error_code": code,
    }
    if error is None:
        logger.debug(
            "%s succeeded: status %s, %d attempts, %.1f ms, request id %s",
            call.operation,
            status,
            call.attempts,
            duration_ms,
            request_id,
            extra=fields,
        )
    else:
        logger.debug(
            "%s %s: %s after %d attempts, %.1f ms, status %s, request id %s",
            call.operation,
            "failed" if outcome == "error" else "cancelled",
            code,
            call.attempts,
            duration_ms,
            status,
            request_id,
            extra=fields,
        )


__all__ = ["CallResult", "error_code", "invoke", "keep_raw_body", "translate"]
