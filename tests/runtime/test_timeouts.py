"""Time limits: connect, read, one attempt, the whole call; per client and per call.

The servers here live on 127.0.0.1: one accepts connections and never answers (a hung
service), one never accepts them (its queue is full, so the handshake never completes). Since
neither ever answers, only a limit can end a call: the tests check which limit did (the
error's message and attempts) and that it did not fire early; how late it fires depends on
the machine's load, so no test asserts it (pytest-timeout bounds a test that would hang).
The limits are shortened to fractions of a second.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from conftest import CREDENTIALS, FAST_RETRIES, SESSION, error_response
from support.clock import RetryWaits

from pinpoint_sdk import (
    APITimeoutError,
    PinpointClient,
    PinpointValidationError,
    RetryPolicy,
    Timeout,
    TooManyRequestsException,
)


class SilentServer:
    """Accepts connections, reads requests, never answers; counts the requests it read."""

    def __init__(self) -> None:
        self.requests = 0
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[Any]] = set()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            while data := await reader.read(65536):
                self.requests += data.count(b" HTTP/1.1\r\n")
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            writer.close()
            self._handlers.discard(task)

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    async def __aenter__(self) -> SilentServer:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._handlers):
            task.cancel()
        await self._server.wait_closed()


@pytest.fixture
async def silent() -> AsyncIterator[SilentServer]:
    async with SilentServer() as server:
        yield server


def _client(url: str, **options: Any) -> PinpointClient:
    options.setdefault("retry_policy", FAST_RETRIES)
    return PinpointClient(**CREDENTIALS, endpoint_url=url, session=SESSION, **options)


async def _timed_failure(call: Any) -> tuple[APITimeoutError, float]:
    """The timeout error ``call`` ends with, and the seconds it took (a lower bound check)."""
    started = time.monotonic()
    with pytest.raises(APITimeoutError) as raised:
        await call
    return raised.value, time.monotonic() - started


def test_the_defaults_are_what_a_service_owner_wants() -> None:
    client = PinpointClient(region_name="us-east-1")
    assert client.timeout == Timeout(connect=5.0, read=30.0, attempt=None, total=60.0)
    transport = client._connection.transport
    botocore = getattr(transport, "botocore", transport)  # the lean path's aiobotocore side
    config = botocore._client_kwargs["config"]
    assert (config.connect_timeout, config.read_timeout) == (5.0, 30.0)


def test_a_number_limits_each_attempt_and_keeps_the_other_limits() -> None:
    client = PinpointClient(region_name="us-east-1", timeout=2)
    assert client.timeout == Timeout(connect=5.0, read=30.0, attempt=2.0, total=60.0)
    per_call = client.with_options(timeout=Timeout(read=1, total=3)).with_options(timeout=0.5)
    assert per_call.timeout == Timeout(connect=5.0, read=1, attempt=0.5, total=3)
    assert client.timeout.attempt == 2.0  # the copies changed nothing of the client


def test_aioconfig_timeouts_still_apply_when_no_timeout_is_given() -> None:
    client = PinpointClient(region_name="us-east-1", config=AioConfig(read_timeout=7))
    assert client.timeout == Timeout(connect=5.0, read=7, total=60.0)


@pytest.mark.parametrize("bad", [0, -1, "5", True])
def test_nonsense_timeouts_are_refused(bad: Any) -> None:
    with pytest.raises(PinpointValidationError, match=r"(t|T)imeout"):
        PinpointClient(region_name="us-east-1", timeout=bad)
    with pytest.raises(PinpointValidationError, match=r"Timeout\.read"):
        Timeout(read=bad)


async def test_a_silent_server_fails_each_attempt_after_the_read_timeout(
    silent: SilentServer,
) -> None:
    async with _client(silent.url, timeout=Timeout(read=0.2, total=None)) as client:
        error, elapsed = await _timed_failure(client.apps.get("a1"))
    assert "read timeout" in str(error) and error.request_sent
    assert error.attempts == silent.requests == 3
    assert elapsed >= 0.6  # three attempts of 0.2 s each: no limit fired early


async def test_the_call_deadline_bounds_every_attempt_and_wait_together(
    silent: SilentServer,
) -> None:
    async with _client(silent.url, timeout=Timeout(read=30, total=0.5)) as client:
        error, elapsed = await _timed_failure(client.apps.get("a1"))
    assert "deadline of 0.5 s passed" in str(error) and error.request_sent
    assert error.attempts == silent.requests == 1
    assert elapsed >= 0.5


async def test_a_read_timeout_set_per_call_reaches_the_connection(silent: SilentServer) -> None:
    async with _client(silent.url, timeout=Timeout(read=30, total=None)) as client:
        quick = client.with_options(timeout=Timeout(read=0.2, total=None), max_retries=0)
        error, elapsed = await _timed_failure(quick.apps.get("a1"))
        # The client's own calls keep the client's limits.
        slow = asyncio.ensure_future(client.with_options(max_retries=0).apps.get("a1"))
        await asyncio.sleep(0.5)
        assert not slow.done()
        slow.cancel()
    assert "read timeout" in str(error) and error.attempts == 1
    assert elapsed >= 0.2


async def test_an_attempt_limit_cuts_one_attempt_and_the_read_is_retried(
    silent: SilentServer,
) -> None:
    async with _client(silent.url, timeout=0.2) as client:
        error, elapsed = await _timed_failure(client.apps.get("a1"))
    assert "attempt timeout of 0.2 s" in str(error)
    assert error.attempts == silent.requests == 3
    assert elapsed >= 0.6


async def test_a_connect_timeout_says_nothing_was_sent_and_even_a_create_is_retried(
    unreachable: str,
) -> None:
    async with _client(unreachable, timeout=Timeout(connect=0.2, total=None)) as client:
        error, elapsed = await _timed_failure(client.apps.create(name="new"))
    assert "connect timeout" in str(error)
    assert error.request_sent is False and error.attempts == 3
    assert elapsed >= 0.6


async def test_no_retry_waits_past_the_deadline(
    respx_mock: respx.MockRouter, retry_waits: RetryWaits
) -> None:
    route = respx_mock.get(url__regex=r".*/v1/apps/a1$").mock(
        return_value=error_response(429, "TooManyRequestsException", **{"Retry-After": "5"})
    )
    async with PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=RetryPolicy(max_retries=3),
        timeout=Timeout(total=2),
    ) as client:
        with pytest.raises(TooManyRequestsException) as raised:
            await client.apps.get("a1")
    # Waiting 5 s would end after the 2 s deadline: the call fails at once, with the answer.
    assert retry_waits.delays == []
    assert route.call_count == 1 == raised.value.attempts
