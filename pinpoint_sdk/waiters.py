"""Waiting for long-running work: import and export jobs, journey states, live campaigns.

botocore has no waiters for Pinpoint. These poll with a growing interval (``poll`` seconds
first, times 1.5 each time with ±20% jitter, at most ``max_poll``) until the resource is where
it should be, until it reaches a state it cannot leave, or until ``timeout`` seconds passed::

    job = await client.jobs.create_import(app_id, s3_url=..., role_arn=..., format="CSV")
    done = await client.jobs.wait_for_import(app_id, job.id, timeout=900)

Errors, all :class:`WaiterError` (a ``PinpointError``):

- :class:`WaiterTimeoutError` (also a ``TimeoutError``): still not there; ``last`` holds the
  last response read.
- :class:`JobFailedError`: the job ended ``FAILED``; ``failures`` and ``failure_count`` hold
  the job's ``Failures`` and ``TotalFailures``.
- :class:`UnexpectedStateError`: the resource reached a state it will not leave (a journey
  ``CANCELLED`` while waiting for ``ACTIVE``, a campaign ``DELETED``).

Errors of the polling calls themselves (after the client's retries) propagate unchanged.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from ._exceptions import (
    JobFailedError,
    PinpointValidationError,
    UnexpectedStateError,
    WaiterError,
    WaiterTimeoutError,
)
from .progress import ProgressCallback, ProgressUpdate

__all__ = [
    "JobFailedError",
    "Polling",
    "UnexpectedStateError",
    "WaiterError",
    "WaiterTimeoutError",
    "poll_until",
]

T = TypeVar("T")

#: What a check says of one response: done, keep polling, or failed for good.
Verdict = Literal["done", "wait"]


@dataclass(frozen=True)
class Polling:
    """How often to poll and for how long (seconds)."""

    timeout: float = 600.0
    poll: float = 2.0
    max_poll: float = 30.0
    growth: float = 1.5

    def __post_init__(self) -> None:
        if self.timeout < 0 or self.poll <= 0 or self.max_poll < self.poll or self.growth < 1:
            raise PinpointValidationError(
                "waiter: need timeout >= 0, poll > 0, max_poll >= poll and growth >= 1"
            )


async def poll_until(
    fetch: Callable[[], Awaitable[T]],
    check: Callable[[T], Verdict],
    *,
    polling: Polling,
    description: str,
    progress: ProgressCallback | None = None,
    report: Callable[[T], tuple[int, int, int | None, str | None]] | None = None,
) -> T:
    """Fetches until ``check`` says ``done`` (returns that response) or raises.

    ``check`` raises its own :class:`WaiterError` for a state that will not change.
    ``report`` turns a response into (done, failed, total, status) for ``progress``.
    """
    started = time.monotonic()
    deadline = started + polling.timeout
    delay = polling.poll
    while True:
        value = await fetch()
        verdict = check(value)
        elapsed = time.monotonic() - started
        if progress is not None:
            done, failed, total, status = report(value) if report else (0, 0, None, None)
            progress(
                ProgressUpdate(
                    description=description,
                    done=done,
                    failed=failed,
                    total=total,
                    elapsed=elapsed,
                    finished=verdict == "done",
                    status=status,
                )
            )
        if verdict == "done":
            return value
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise WaiterTimeoutError(
                f"{description}: not done after {elapsed:.1f}s", last=value, elapsed=elapsed
            )
        await asyncio.sleep(min(remaining, delay * random.uniform(0.8, 1.2)))
        delay = min(polling.max_poll, delay * polling.growth)
