"""How long a call may take: connect, read, one attempt, and the whole call with its retries.

The defaults are chosen for a service that calls Pinpoint while someone waits:

- ``connect=5``: a TCP and TLS handshake to an AWS endpoint takes milliseconds; one that has
  not finished in 5 s is not going to, and the retry may reach a healthy host.
- ``read=30``: the longest the service may stay silent (between bytes of its answer). Pinpoint
  answers in well under a second; its slowest calls (a ``SendMessages`` to 100 recipients, a
  long KPI range) in a few seconds. 30 s leaves ten times that, and still frees a connection
  from a server that accepted the request and went quiet.
- ``total=60``: the whole call, every attempt and every wait between them. A minute is as long
  as a web request or a job step can usefully wait (load balancers close idle connections after
  60 s by default), and it bounds the worst case: a silent server now costs 60 s, not three
  attempts of botocore's 60 s read timeout.
- ``attempt=None``: no separate limit per attempt; ``timeout=<float>`` sets one.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable
from dataclasses import dataclass, replace
from typing import TypeVar

from ._exceptions import APITimeoutError, PinpointValidationError

__all__ = ["Timeout", "attempt_end", "out_of_time", "resolve_timeout", "within"]

ResultT = TypeVar("ResultT")


@dataclass(frozen=True)
class Timeout:
    """Seconds a call may spend, by phase; ``None`` means no limit of that kind.

    Pass one to ``PinpointClient(timeout=...)`` or ``client.with_options(timeout=...)``::

        client.with_options(timeout=Timeout(read=5, total=10))

    A plain number, ``timeout=2``, keeps the other limits and sets ``attempt``: each attempt
    may take 2 s from start to end, retries get 2 s each, and ``total`` still bounds the call.
    """

    #: Opening the connection (TCP and TLS). A connect timeout means nothing was sent.
    connect: float | None = 5.0
    #: Waiting for the service: the longest silence between bytes of its answer.
    read: float | None = 30.0
    #: One attempt from start to end (connect, send, read), whatever its phases took.
    attempt: float | None = None
    #: The whole call: every attempt and every wait before a retry.
    total: float | None = 60.0

    def __post_init__(self) -> None:
        for name in ("connect", "read", "attempt", "total"):
            value = getattr(self, name)
            if value is not None and not _is_positive_number(value):
                raise PinpointValidationError(
                    f"Timeout.{name} must be a positive number of seconds or None, not {value!r}"
                )


def _is_positive_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def resolve_timeout(value: float | Timeout | None, current: Timeout) -> Timeout:
    """The timeouts ``value`` asks for: ``None`` keeps ``current``, a number sets ``attempt``."""
    if value is None:
        return current
    if isinstance(value, Timeout):
        return value
    if not _is_positive_number(value):
        raise PinpointValidationError(
            f"timeout must be a number of seconds or a Timeout, not {value!r}"
        )
    return replace(current, attempt=float(value))


async def within(deadline: float | None, awaitable: Awaitable[ResultT]) -> ResultT:
    """Awaits ``awaitable``, raising ``TimeoutError`` at ``deadline`` (event-loop time)."""
    if deadline is None:
        return await awaitable
    if sys.version_info >= (3, 11):
        async with asyncio.timeout_at(deadline):
            return await awaitable
    # Python 3.10 has no asyncio.timeout; wait_for costs a task per call there.
    return await asyncio.wait_for(awaitable, deadline - asyncio.get_running_loop().time())


def attempt_end(timeout: Timeout, deadline: float | None) -> tuple[float | None, str]:
    """When an attempt starting now must end (``time.monotonic()``; None: no limit), and why.

    The earlier of the attempt's own limit (``timeout.attempt``) and the call's ``deadline``
    (``timeout.total`` from the call's start). Both transports end their attempts here.
    """
    if timeout.attempt is None:
        return deadline, f"the call's deadline of {timeout.total} s passed"
    end = time.monotonic() + timeout.attempt
    if deadline is None or end < deadline:
        return end, f"no answer within the attempt timeout of {timeout.attempt} s"
    return deadline, f"the call's deadline of {timeout.total} s passed"


def out_of_time(operation: str, reason: str, attempt: int) -> APITimeoutError:
    """The attempt's end or the call's deadline passed while the request was under way."""
    return APITimeoutError(
        f"{operation}: {reason} (attempt {attempt}); the service may have acted on it",
        operation=operation,
        request_sent=True,
    )
