"""One API call: the retry owner, the deadline, logging, tracing and parsing, over a transport.

The call is the same whatever carries it: :func:`invoke` asks the client's ``Retrier`` for
every retry, bounds each attempt by the attempt's and the call's time limits, and hands each
attempt to the transport (``_transport.Transport``), which sends one request and returns its
reply or raises a typed error. Every call can be followed without a debugger:

- one DEBUG record per call on the ``pinpoint_sdk`` logger when it ends, with ``extra``
  fields ``operation``, ``outcome`` (``success``, ``error`` or ``cancelled``),
  ``status_code``, ``attempts``, ``duration_ms``, ``request_id`` and ``error_code``;
- one INFO record per retry, with ``operation``, ``attempt`` (the failed one), ``delay``,
  ``error_code``, ``status_code`` and ``request_id`` (written by the retry owner, ``_retry``);
- with OpenTelemetry configured, one span per call and one event per retry (``_tracing``).

No record or span carries a request or response body; botocore's own DEBUG records do, and
``_logging`` redacts secrets from them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from ._connection import Connection, cancelled_from_outside, closed_during
from ._exceptions import PinpointError
from ._operations import RETRY_UNSAFE
from ._response import ResponseMetadata
from ._retry import Retrier, RetryState, error_code
from ._timeout import Timeout
from ._tracing import CallSpan, start_call_span
from ._transport import Reply, Transport

logger = logging.getLogger("pinpoint_sdk")

ResultT = TypeVar("ResultT")


@dataclass(frozen=True)
class CallResult:
    """What ``parse`` gets of a successful call: the reply's body and members, and metadata."""

    #: Members the transport parsed itself (read when there is no raw body).
    response: Mapping[str, Any]
    metadata: ResponseMetadata
    #: The JSON body as received: the SDK parses it itself and keeps unknown fields.
    raw_body: bytes | None = None


async def _attempt(
    connection: Connection,
    transport: Transport,
    operation: str,
    params: dict[str, Any],
    timeout: Timeout,
    state: RetryState,
    max_attempts: int,
) -> Reply:
    """One attempt through the transport, which ends it at the attempt's or the call's limit."""
    try:
        return await transport.send(
            operation,
            params,
            timeout,
            attempt=state.attempt_number,
            max_attempts=max_attempts,
            deadline=state.deadline,
        )
    except PinpointError as error:
        if not connection.closed:
            raise
        raise closed_during(operation, error) from error
    except asyncio.CancelledError:
        if connection.closed and not cancelled_from_outside():
            raise closed_during(operation, None) from None
        raise


class _Call:
    """What is known about one call while it runs: its attempts, and its span."""

    __slots__ = ("operation", "span", "started", "state")

    def __init__(self, operation: str) -> None:
        self.operation = operation
        self.started = time.perf_counter()
        self.span: CallSpan | None = None
        self.state: RetryState | None = None

    @property
    def attempts(self) -> int:
        return 0 if self.state is None else self.state.attempts

    def duration_ms(self) -> float:
        return round((time.perf_counter() - self.started) * 1000, 3)


def _status_of(error: BaseException | None) -> int | None:
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def _request_id_of(error: BaseException | None) -> str | None:
    request_id = getattr(error, "request_id", None)
    return request_id if isinstance(request_id, str) else None


async def invoke(
    connection: Connection,
    operation: str,
    params: dict[str, Any],
    *,
    retrier: Retrier,
    timeout: Timeout,
    parse: Callable[[CallResult], ResultT],
) -> ResultT:
    """Calls ``operation`` with botocore-style ``params``; ``retrier`` decides every retry.

    ``parse`` turns the successful response into the caller's result. It runs inside the
    call, so a body that cannot be understood is logged and traced as this call's error.
    """
    call = _Call(operation)
    call.span = start_call_span(operation)
    metadata: ResponseMetadata | None = None
    try:
        transport = await connection.ready()
        deadline = None if timeout.total is None else time.monotonic() + timeout.total
        state = call.state = retrier.start(
            operation,
            idempotent=operation not in RETRY_UNSAFE,
            deadline=deadline,
            on_retry=call.span.retry if call.span is not None else None,
        )
        max_attempts = retrier.policy.max_retries + 1
        reply = await retrier.run(
            state,
            lambda: _attempt(
                connection, transport, operation, params, timeout, state, max_attempts
            ),
            connection.sleep,
        )
        metadata = ResponseMetadata(
            operation=operation,
            status_code=reply.status_code,
            request_id=reply.request_id,
            headers=reply.headers,
            attempts=state.attempts,
        )
        try:
            result = parse(CallResult(reply.parsed, metadata, reply.body))
        except PinpointError as error:
            error.attempts = state.attempts
            raise
    except BaseException as error:
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
    # Requests made: what the error says (an attempt refused before sending counts none).
    attempts = error.attempts if isinstance(error, PinpointError) else call.attempts
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
                "pinpoint.attempts": attempts,
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
        "attempts": attempts,
        "duration_ms": duration_ms,
        "request_id": request_id,
        "error_code": code,
    }
    if error is None:
        logger.debug(
            "%s succeeded: status %s, %d attempts, %.1f ms, request id %s",
            call.operation,
            status,
            attempts,
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
            attempts,
            duration_ms,
            status,
            request_id,
            extra=fields,
        )


__all__ = ["CallResult", "error_code", "invoke"]
