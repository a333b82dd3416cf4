"""Time in tests without asserting on the wall clock.

- :class:`RetryWaits` stands in for the wait between a call's attempts
  (``Connection.sleep``): each wait is recorded with the length the retry owner chose, and
  returns at once, so a test asserts "waited 0.3 s, as ``Retry-After`` said" instead of timing
  it. After :meth:`RetryWaits.hold`, waits really wait (until the call is cancelled or the
  client closed), for tests about what happens during a backoff; ``started`` says when one
  began.
- :func:`eventually` waits for a condition by polling the event loop. Its bound only keeps a
  broken test from hanging (it is far above any real wait); pytest-timeout bounds each test
  as well. It is never a measurement.
- :func:`settles` lets the event loop run a few rounds without any timer, for "ends at once":
  something that needs a timer (a retry's backoff, the server's latency) cannot finish there.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest

from pinpoint_sdk._connection import Connection

__all__ = ["RetryWaits", "eventually", "settles"]


class RetryWaits:
    """Records the waits between attempts instead of sleeping them (see the module)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        #: Every wait asked for, in seconds, in order.
        self.delays: list[float] = []
        self._holding = False
        self._started: asyncio.Event | None = None
        really_sleep = Connection.sleep

        async def sleep(connection: Connection, seconds: float) -> None:
            self.delays.append(seconds)
            if self._holding:
                self.started.set()
                await really_sleep(connection, seconds)
            else:
                # No wait, but a closed client still ends the call here, as it would.
                await really_sleep(connection, 0)

        monkeypatch.setattr(Connection, "sleep", sleep)

    @property
    def started(self) -> asyncio.Event:
        """Set when a held wait begins."""
        if self._started is None:
            self._started = asyncio.Event()
        return self._started

    def hold(self) -> None:
        """From now on, waits last as long as asked (until cancelled or the client closes)."""
        self._holding = True


async def eventually(condition: Callable[[], bool], what: str, *, within: float = 30.0) -> None:
    """Returns once ``condition()`` holds; fails naming ``what`` if it has not after
    ``within`` seconds (a guard against hanging, never a measurement)."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting, after {within} s, for {what}")
        await asyncio.sleep(0.005)


async def settles(rounds: int = 20, *, until: Callable[[], bool] | None = None) -> None:
    """Lets the event loop run up to ``rounds`` times without this task waiting on a timer,
    returning early once ``until()`` holds; fails if it still does not after them."""
    for _ in range(rounds):
        if until is not None and until():
            return
        await asyncio.sleep(0)
    if until is not None and not until():
        raise AssertionError(f"not settled after {rounds} rounds of the event loop")
