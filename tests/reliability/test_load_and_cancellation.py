"""1,000 concurrent calls on one client, with latency, throttling and cancellation: no leaks.

The fake serves over HTTP on loopback with 0-20 ms of random latency and throttles 10% of
requests at random. Half the calls read (``GetCampaign``), half send an SMS to an address of
their own, so the outbox shows whether any send went out twice. After the client closes, the
process must hold as many file descriptors as before, no task may be left pending, and no
``ResourceWarning`` may have been raised (pytest turns them into errors as well).

The figures of the first test (latency percentiles, retries) are documented in
``docs/reliability.md``; ``PINPOINT_UPDATE_DOCS=1`` rewrites them from a fresh run.
"""

from __future__ import annotations

import asyncio
import gc
import os
import statistics
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from reliability_support import (
    APP_ID,
    CAMPAIGN_ID,
    CREDENTIALS,
    DOCS,
    SEED,
    SESSION,
    UPDATE_DOCS,
    replace_between_markers,
)
from support.clock import eventually, settles

from pinpoint_sdk import (
    ClientClosedError,
    PinpointClient,
    RetryBudget,
    RetryPolicy,
    TooManyRequestsException,
    response_metadata,
)
from pinpoint_sdk.models import (
    AddressConfiguration,
    ChannelType,
    DirectMessageConfiguration,
    SMSMessage,
)
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

#: A thousand calls per test, over HTTP.
pytestmark = pytest.mark.slow

CALLS = 1_000
#: The client's connection pool (the SDK's default).
POOLED_CONNECTIONS = 50
THROTTLED = 0.10
MAX_LATENCY = 0.020
#: The default policy's shape (3 attempts), with backoff shortened to keep the test quick.
POLICY = RetryPolicy(max_retries=2, backoff_base=0.05, backoff_cap=0.2)


def open_fds() -> int:
    """File descriptors this process holds (sockets included)."""
    return len(os.listdir("/proc/self/fd"))


def pending_tasks() -> list[asyncio.Task[Any]]:
    current = asyncio.current_task()
    return [task for task in asyncio.all_tasks() if task is not current and not task.done()]


@contextmanager
def resource_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """ResourceWarnings raised inside the block, including from objects collected at its end."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        yield caught
        gc.collect()
    caught[:] = [w for w in caught if issubclass(w.category, ResourceWarning)]


def _address(number: int) -> str:
    return f"+1206555{number:04d}"


async def _call(client: PinpointClient, number: int) -> tuple[float, int | None]:
    """One call (even: read, odd: send to its own address).

    Returns (seconds, attempts), or (seconds, None) when every attempt was throttled: at 10%
    throttling, one call in a thousand is, and then the caller gets the typed error.
    """
    started = time.perf_counter()
    try:
        if number % 2 == 0:
            result: Any = await client.campaigns.get(APP_ID, CAMPAIGN_ID)
        else:
            address = AddressConfiguration(channel_type=ChannelType.SMS)
            result = await client.messages.send(
                APP_ID,
                addresses={_address(number): address},
                message_configuration=DirectMessageConfiguration(sms_message=SMSMessage(body="hi")),
            )
    except TooManyRequestsException:
        return time.perf_counter() - started, None
    metadata = response_metadata(result)
    assert metadata is not None
    return time.perf_counter() - started, metadata.attempts


def _fake() -> FakePinpoint:
    fake = FakePinpoint(SEED)
    fake.faults.add_latency(0.0, jitter=MAX_LATENCY, seed=11)
    fake.faults.randomly(THROTTLED, kind="throttle", seed=7)
    return fake


def _client(url: str, budget: RetryBudget) -> PinpointClient:
    return PinpointClient(
        **CREDENTIALS, endpoint_url=url, session=SESSION, retry_policy=POLICY, retry_budget=budget
    )


@dataclass(frozen=True)
class Figures:
    """What the load test measured."""

    calls: int
    seconds: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    retries: int
    throttled: int
    failures: int
    fd_delta: int
    pending: int
    warnings: int

    def render(self) -> str:
        return "\n".join(
            [
                "| Measure | Value |",
                "|---|---|",
                f"| Calls (one client, all started at once) | {self.calls:,} |",
                "| Concurrency (in flight / pooled connections) | 1,000 / 50 |",
                f"| Injected | 0-{MAX_LATENCY * 1000:.0f} ms latency on every request, "
                f"{THROTTLED:.0%} throttled (429) at random |",
                f"| Wall time | {self.seconds:.2f} s |",
                f"| Latency per call, p50 / p99 / max | {self.p50_ms:.0f} / {self.p99_ms:.0f} "
                f"/ {self.max_ms:.0f} ms |",
                f"| Retries / 429s answered by the fake | {self.retries} / {self.throttled} |",
                f"| Calls that failed (429 on all 3 attempts, as the policy allows) "
                f"| {self.failures} |",
                f"| Leaks: file descriptors, pending tasks, ResourceWarnings "
                f"| {self.fd_delta}, {self.pending}, {self.warnings} |",
            ]
        )


async def test_a_thousand_concurrent_calls_complete_within_budget_and_leak_nothing() -> None:
    fds_before = open_fds()
    fake = _fake()
    budget = RetryBudget()
    with resource_warnings() as caught:
        async with FakePinpointServer(fake) as server:
            client = _client(server.url, budget)
            async with client:
                started = time.perf_counter()
                results = await asyncio.gather(*(_call(client, n) for n in range(CALLS)))
                seconds = time.perf_counter() - started
        await asyncio.sleep(0)
        pending = pending_tasks()
    fd_delta = open_fds() - fds_before

    latencies = sorted(latency for latency, _ in results)
    attempts = [count for _, count in results if count is not None]
    failures = CALLS - len(attempts)
    # A failed call made every attempt the policy allows, each one throttled.
    most = POLICY.max_retries + 1
    retries = sum(count - 1 for count in attempts) + failures * POLICY.max_retries
    throttled = sum(1 for r in fake.requests if r.fault == "throttle")
    figures = Figures(
        calls=CALLS,
        seconds=seconds,
        p50_ms=statistics.median(latencies) * 1000,
        p99_ms=latencies[int(len(latencies) * 0.99) - 1] * 1000,
        max_ms=latencies[-1] * 1000,
        retries=retries,
        throttled=throttled,
        failures=failures,
        fd_delta=fd_delta,
        pending=len(pending),
        warnings=len(caught),
    )
    print(figures.render())

    # All complete, each within the policy's attempts, and every retry answered a 429.
    assert len(results) == CALLS
    assert max(attempts) <= most
    assert failures <= CALLS * THROTTLED**most * 10, "far more failures than chance explains"
    assert len(fake.requests) == sum(attempts) + failures * most
    assert retries + failures == throttled
    # The budget paid for every retry, 5 tokens each; a success gave back what its last retry
    # cost, or 1 when it needed none (botocore's quota rules).
    refunds = sum(
        RetryBudget.RETRY_COST if count > 1 else RetryBudget.NO_RETRY_INCREMENT
        for count in attempts
    )
    assert retries * RetryBudget.RETRY_COST <= budget.capacity + refunds
    assert budget.tokens >= budget.capacity - retries * RetryBudget.RETRY_COST
    # Throttling acts before the send: every send went out exactly once.
    addresses = [message.address for message in fake.outbox]
    sent = [_address(n) for n, (_, count) in enumerate(results) if n % 2 and count is not None]
    assert sorted(addresses) == sorted(sent)
    assert (fd_delta, pending, caught) == (0, [], [])
    if UPDATE_DOCS:
        DOCS.write_text(replace_between_markers(DOCS.read_text(), "load-figures", figures.render()))


async def test_cancelling_half_the_calls_mid_flight_leaves_the_client_usable() -> None:
    fds_before = open_fds()
    fake = _fake()
    with resource_warnings() as caught:
        async with FakePinpointServer(fake) as server:
            client = _client(server.url, RetryBudget())
            async with client:
                tasks = [asyncio.create_task(_call(client, n)) for n in range(CALLS)]
                # Mid-flight: some calls are on the wire, some wait for a pooled connection,
                # some sleep before a retry.
                await eventually(
                    lambda: len(fake.requests) >= CALLS // 4, "a quarter of the calls to arrive"
                )
                cancelled = [task for task in tasks[::2] if task.cancel()]
                outcomes = await asyncio.gather(*tasks, return_exceptions=True)
                assert len(cancelled) > CALLS // 4, "most cancellations hit calls in flight"
                for task, outcome in zip(tasks, outcomes, strict=True):
                    if task in cancelled:
                        assert isinstance(outcome, asyncio.CancelledError)
                    else:
                        assert isinstance(outcome, tuple), outcome
                # The client is still usable, on the same connection pool.
                fake.faults.clear()
                _, attempts = await _call(client, CALLS)
                assert attempts == 1
        await asyncio.sleep(0)
        pending = pending_tasks()
    assert pending == []
    assert open_fds() == fds_before
    assert caught == []
    # A cancelled send is never retried: no address got two messages.
    addresses = [message.address for message in fake.outbox]
    assert len(addresses) == len(set(addresses))


async def test_closing_the_client_under_load_ends_every_call_at_once_and_retries_nothing() -> None:
    fds_before = open_fds()
    fake = _fake()
    fake.faults.add_latency(0.3)  # every call is still on the wire when the client closes
    with resource_warnings() as caught:
        async with FakePinpointServer(fake) as server:
            client = _client(server.url, RetryBudget())
            tasks = [asyncio.create_task(_call(client, n)) for n in range(CALLS)]
            # Past the first round: some calls answered, some on the wire, most still waiting
            # for one of the pooled connections, a few sleeping before a retry.
            await eventually(
                lambda: len(fake.requests) >= POOLED_CONNECTIONS + 10, "the first round of calls"
            )
            await client.close()
            sent_before_close = len(fake.requests)
            # The calls in flight, pooled or waiting end at once: with this task never waiting
            # on a timer, so neither the fake's 0.3 s nor a backoff could have ended them.
            await settles(1_000, until=lambda: all(task.done() for task in tasks))
            outcomes = await asyncio.gather(*tasks, return_exceptions=True)
            requests_after_close = len(fake.requests) - sent_before_close
        await asyncio.sleep(0)
        pending = pending_tasks()

    closed = [o for o in outcomes if isinstance(o, ClientClosedError)]
    answered = [o for o in outcomes if isinstance(o, tuple)]
    # Each call either finished before close() or ended with ClientClosedError: no retry
    # against the closed client, no connection error, no CancelledError for a task nobody
    # cancelled.
    assert len(closed) + len(answered) == CALLS, {type(o).__name__ for o in outcomes}
    assert len(closed) >= CALLS // 2
    # Nothing was sent after close(), and every request the fake saw is counted by one call.
    # A request written to a connection that closed before the fake read it counts too (it
    # may have reached the service): at most one per pooled connection.
    assert requests_after_close == 0
    attempts = sum(error.attempts for error in closed) + sum(a for _, a in answered if a)
    assert len(fake.requests) <= attempts <= len(fake.requests) + POOLED_CONNECTIONS
    # A call cut on the wire may have been acted on; one still waiting for its first
    # connection never left this process.
    assert any(error.request_sent for error in closed)
    assert not any(error.request_sent for error in closed if not error.attempts)
    assert (pending, caught) == ([], [])
    assert open_fds() == fds_before
