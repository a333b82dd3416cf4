"""Stopping and cancelling a bulk call: no new chunks, in-flight ones settle, exact partial result."""

from __future__ import annotations

import asyncio

import pytest
from conftest import acted_ids, endpoints
from support.clock import eventually

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.bulk import BulkOperation, ItemOutcome
from pinpoint_sdk.models import DefaultMessage, DirectMessageConfiguration, EndpointBatchItem
from pinpoint_sdk.testing import FakePinpoint


async def test_cancelling_lets_in_flight_chunks_finish_and_the_result_says_exactly_what_was_done(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.add_latency(0.05, operation="UpdateEndpointsBatch")
    operation = pinpoint_client.endpoints.upsert_many(app_id, endpoints(10_000), concurrency=2)
    task = asyncio.ensure_future(operation.run())
    # Cancelled once a chunk has landed, while others are in flight (however loaded the
    # machine, which would make a cancellation after a fixed time land before any chunk).
    await eventually(lambda: operation.result.succeeded > 0, "a first chunk to land")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    result = operation.result
    assert result.stopped
    stored = acted_ids(pinpoint_fake)
    assert 0 < result.succeeded == len(stored) < 10_000
    assert {f"e{n}" for n in range(result.succeeded)} == set(stored)
    assert result.succeeded + result.failed + result.unknown + result.not_sent == result.total
    # Only the chunks that were read went anywhere: the rest of the input was never read.
    assert (
        result.total == result.succeeded == 100 * len(pinpoint_fake.calls("UpdateEndpointsBatch"))
    )


async def test_stop_finishes_the_calls_in_flight_and_returns(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    running: list[BulkOperation[EndpointBatchItem]] = []

    def stop_after_a_while(outcome: ItemOutcome[EndpointBatchItem]) -> None:
        if outcome.index == 250:
            running[0].stop()

    operation = pinpoint_client.endpoints.upsert_many(
        app_id, endpoints(5_000), concurrency=4, on_item=stop_after_a_while
    )
    running.append(operation)
    result = await operation

    assert result.stopped and result.ok
    assert 300 <= result.total < 5_000
    assert len(acted_ids(pinpoint_fake)) == result.succeeded == result.total


async def test_chunks_waiting_to_be_resent_are_reported_not_sent_when_stopped(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    # Every attempt is throttled: the chunk waits for a resend when the call is stopped.
    pinpoint_fake.faults.throttle(None, operation="UpdateEndpointsBatch")
    operation = pinpoint_client.endpoints.upsert_many(app_id, endpoints(100), concurrency=1)
    task = asyncio.ensure_future(operation.run())
    await eventually(lambda: operation.result.throttled > 0, "a first throttled attempt")
    operation.stop()
    result = await task

    assert (result.not_sent, result.succeeded) == (100, 0)
    assert {o.status for o in result.failures} == {"not_sent"}
    assert len(result.items_to_retry()) == 100
    assert not acted_ids(pinpoint_fake)


async def test_a_send_cancelled_in_flight_is_unknown_never_not_sent(
    pinpoint_client: PinpointClient,
    pinpoint_fake: FakePinpoint,
    app_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pinpoint_sdk.bulk import _engine

    monkeypatch.setattr(_engine, "DRAIN_TIMEOUT", 0.01)
    # The sends stay in flight until cancelled: the fake would answer after a minute.
    pinpoint_fake.faults.add_latency(60, operation="SendMessages")
    operation = pinpoint_client.messages.send_many(
        app_id,
        addresses=[f"user{n}@example.com" for n in range(150)],
        channel_type="EMAIL",
        message_configuration=DirectMessageConfiguration(default_message=DefaultMessage(body="hi")),
        concurrency=2,
    )
    task = asyncio.ensure_future(operation.run())
    await eventually(lambda: len(pinpoint_fake.calls("SendMessages")) == 2, "both chunks sent")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    result = operation.result
    assert (result.total, result.unknown, result.succeeded) == (150, 150, 0)
    assert all("cancelled" in (o.message or "") for o in result.failures)
    assert result.items_to_retry() == []
