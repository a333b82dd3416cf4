"""Fault injection: throttling, 5xx, dropped connections, latency, random faults."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError
from pinpoint_fake_support import error_of, http_client, inprocess_client

from pinpoint_sdk.testing import FakePinpoint

SMS = {"SMSMessage": {"Body": "hi", "MessageType": "TRANSACTIONAL"}}


@pytest.fixture
async def setup() -> AsyncIterator[tuple[Any, FakePinpoint, str]]:
    fake = FakePinpoint()
    async with inprocess_client(fake) as client:
        app = await client.create_app(CreateApplicationRequest={"Name": "faults"})
        yield client, fake, app["ApplicationResponse"]["Id"]


def _send(client: Any, app_id: str) -> Any:
    return client.send_messages(
        ApplicationId=app_id,
        MessageRequest={
            "Addresses": {"+12065550100": {"ChannelType": "SMS"}},
            "MessageConfiguration": SMS,
        },
    )


async def test_throttle_the_next_two_calls_then_succeed(setup: Any) -> None:
    client, fake, app_id = setup
    fake.faults.throttle(2, operation="GetApp")
    for _ in range(2):
        with pytest.raises(ClientError) as throttled:
            await client.get_app(ApplicationId=app_id)
        assert error_of(throttled.value)[:2] == (429, "TooManyRequestsException")
    assert (await client.get_app(ApplicationId=app_id))["ApplicationResponse"]["Id"] == app_id
    attempts = fake.calls("GetApp")
    assert [(a.fault, a.status, a.acted) for a in attempts] == [
        ("throttle", 429, False),
        ("throttle", 429, False),
        (None, 200, True),
    ]
    # Other operations were never throttled.
    assert (await client.get_apps())["ResponseMetadata"]["HTTPStatusCode"] == 200


async def test_server_errors_for_every_operation(setup: Any) -> None:
    client, fake, app_id = setup
    fake.faults.fail(503, times=2)
    with pytest.raises(ClientError) as first:
        await client.get_apps()
    with pytest.raises(ClientError) as second:
        await client.get_app(ApplicationId=app_id)
    assert error_of(first.value)[:2] == (503, "ServiceUnavailableException")
    assert error_of(second.value)[0] == 503
    await client.get_apps()
    with pytest.raises(ValueError):
        fake.faults.fail(418)


async def test_error_after_acting_keeps_the_effect(setup: Any) -> None:
    client, fake, app_id = setup
    fake.faults.fail(500, operation="SendMessages", after_acting=True)
    with pytest.raises(ClientError) as failed:
        await _send(client, app_id)
    assert error_of(failed.value)[0] == 500
    assert len(fake.outbox) == 1  # sent, although the caller saw a 500
    (attempt,) = fake.calls("SendMessages")
    assert (attempt.acted, attempt.fault, attempt.status) == (True, "error 500 after acting", 500)


async def test_drop_before_acting_in_process_is_a_connect_error(setup: Any) -> None:
    client, fake, app_id = setup
    fake.faults.drop_connection(operation="SendMessages")
    with pytest.raises(EndpointConnectionError):
        await _send(client, app_id)
    assert len(fake.outbox) == 0
    (attempt,) = fake.calls("SendMessages")
    assert (attempt.acted, attempt.status, attempt.fault) == (False, None, "drop")


async def test_drop_after_acting_in_process_loses_the_answer_not_the_message(setup: Any) -> None:
    client, fake, app_id = setup
    fake.faults.drop_connection(operation="SendMessages", after_acting=True)
    with pytest.raises(BotoCoreError) as dropped:
        await _send(client, app_id)
    assert not isinstance(dropped.value, EndpointConnectionError)
    assert len(fake.outbox) == 1
    assert fake.calls("SendMessages")[0].acted is True
    await _send(client, app_id)  # the rule was used up
    assert len(fake.outbox) == 2


async def test_drop_after_acting_over_http_closes_the_connection() -> None:
    fake = FakePinpoint()
    async with http_client(fake) as client:
        app_id = (await client.create_app(CreateApplicationRequest={"Name": "h"}))[
            "ApplicationResponse"
        ]["Id"]
        fake.faults.drop_connection(operation="SendMessages", after_acting=True)
        with pytest.raises(BotoCoreError):
            await _send(client, app_id)
        assert len(fake.outbox) == 1
        # The server keeps serving after a dropped connection.
        assert (await _send(client, app_id))["MessageResponse"]["ApplicationId"] == app_id
    assert [a.status for a in fake.calls("SendMessages")] == [None, 200]


async def test_latency_delays_only_the_chosen_calls(setup: Any) -> None:
    client, fake, app_id = setup
    fake.faults.add_latency(0.2, operation="GetApp", times=1)
    started = time.perf_counter()
    await client.get_app(ApplicationId=app_id)
    assert time.perf_counter() - started >= 0.2  # the delay was served (a lower bound only)
    # The rule is used up, and never applied to another operation: what the fake would
    # delay the next calls by is decided without waiting for them.
    assert fake.faults.decide("GetApp") == (None, 0.0)
    assert fake.faults.decide("GetApps") == (None, 0.0)
    fake.faults.add_latency(0.2, operation="GetApp", times=1)
    assert fake.faults.decide("GetApps") == (None, 0.0)
    assert fake.faults.decide("GetApp") == (None, 0.2)


def _random_pattern(seed: int) -> list[bool]:
    fake = FakePinpoint()
    fake.faults.randomly(0.3, seed=seed)
    return [fake.faults.decide("GetApps")[0] is not None for _ in range(200)]


def test_random_faults_are_seeded_and_roughly_at_the_rate() -> None:
    pattern = _random_pattern(7)
    assert pattern == _random_pattern(7)
    assert pattern != _random_pattern(8)
    assert 30 <= sum(pattern) <= 90


async def test_random_faults_through_a_client(setup: Any) -> None:
    client, fake, app_id = setup
    fake.faults.randomly(0.5, kind="error", status=502, operation="GetApp", seed=1)
    outcomes = []
    for _ in range(20):
        try:
            await client.get_app(ApplicationId=app_id)
            outcomes.append(200)
        except ClientError as error:
            outcomes.append(error_of(error)[0])
    assert set(outcomes) == {200, 502}
    assert outcomes == [a.status for a in fake.calls("GetApp")]
    fake.faults.clear()
    await client.get_app(ApplicationId=app_id)
