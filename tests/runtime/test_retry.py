"""Retries count HTTP attempts exactly, and never repeat a send the service may have acted on."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from conftest import CREDENTIALS, SESSION, error_response
from support.clock import RetryWaits, settles

from pinpoint_sdk import (
    APIConnectionError,
    APITimeoutError,
    InternalServerErrorException,
    PinpointClient,
    RetryBudget,
    RetryPolicy,
    TooManyRequestsException,
    response_metadata,
)
from pinpoint_sdk._retry import retry_delay
from pinpoint_sdk.models import (
    AddressConfiguration,
    ChannelType,
    DirectMessageConfiguration,
    SMSMessage,
)

CAMPAIGN_URL = r".*/v1/apps/app1/campaigns/c1$"
MESSAGES_URL = r".*/v1/apps/app1/messages$"
CAMPAIGN = {
    "Id": "c1",
    "Arn": "arn",
    "ApplicationId": "app1",
    "CreationDate": "d",
    "LastModifiedDate": "d",
    "SegmentId": "s",
    "SegmentVersion": 1,
}
SEND_RESULT = {"ApplicationId": "app1", "RequestId": "r", "Result": {}}


THROTTLED = error_response(429, "TooManyRequestsException")
BROKEN = error_response(500, "InternalServerErrorException")


async def _send(client: PinpointClient) -> Any:
    return await client.messages.send(
        "app1",
        addresses={"+12065550100": AddressConfiguration(channel_type=ChannelType.SMS)},
        message_configuration=DirectMessageConfiguration(sms_message=SMSMessage(body="hi")),
    )


async def test_throttled_then_ok_takes_two_attempts(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(url__regex=CAMPAIGN_URL).mock(
        side_effect=[THROTTLED, httpx.Response(200, json=CAMPAIGN)]
    )
    campaign = await client.campaigns.get("app1", "c1")
    assert route.call_count == 2
    metadata = response_metadata(campaign)
    assert metadata is not None and metadata.attempts == 2


async def test_a_500_on_an_idempotent_read_is_retried(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(url__regex=CAMPAIGN_URL).mock(
        side_effect=[BROKEN, BROKEN, httpx.Response(200, json=CAMPAIGN)]
    )
    assert (await client.campaigns.get("app1", "c1")).id == "c1"
    assert route.call_count == 3


async def test_retries_stop_at_one_plus_max_retries(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(url__regex=CAMPAIGN_URL).mock(return_value=BROKEN)
    with pytest.raises(InternalServerErrorException) as raised:
        await client.campaigns.get("app1", "c1")
    assert route.call_count == 3 == raised.value.attempts
    assert raised.value.status_code == 500 and raised.value.request_id == "rid-500"
    assert raised.value.__cause__ is not None  # botocore's ClientError


async def test_a_500_on_send_messages_is_not_retried(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(url__regex=MESSAGES_URL).mock(return_value=BROKEN)
    with pytest.raises(InternalServerErrorException) as raised:
        await _send(client)
    assert route.call_count == 1 == raised.value.attempts


@pytest.mark.parametrize("status", [502, 503, 504])
async def test_gateway_errors_are_retried_only_when_idempotent(
    client: PinpointClient, respx_mock: respx.MockRouter, status: int
) -> None:
    read = respx_mock.get(url__regex=CAMPAIGN_URL).mock(
        side_effect=[
            httpx.Response(status, text="<html>bad gateway</html>"),
            httpx.Response(200, json=CAMPAIGN),
        ]
    )
    await client.campaigns.get("app1", "c1")
    assert read.call_count == 2
    send = respx_mock.post(url__regex=MESSAGES_URL).mock(
        return_value=httpx.Response(status, text="<html>bad gateway</html>")
    )
    with pytest.raises(Exception) as raised:
        await _send(client)
    assert getattr(raised.value, "status_code", None) == status
    assert send.call_count == 1


async def test_throttling_is_retried_even_for_sends(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(url__regex=MESSAGES_URL).mock(
        side_effect=[THROTTLED, httpx.Response(200, json=SEND_RESULT)]
    )
    await _send(client)
    assert route.call_count == 2


async def test_a_refused_connection_is_retried_even_for_sends(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(url__regex=MESSAGES_URL).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json=SEND_RESULT)]
    )
    await _send(client)
    assert route.call_count == 2


async def test_a_connection_dropped_after_sending_is_not_retried_for_sends(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(url__regex=MESSAGES_URL).mock(side_effect=httpx.ReadError("reset"))
    with pytest.raises(APIConnectionError) as raised:
        await _send(client)
    assert raised.value.request_sent
    assert route.call_count == 1
    read = respx_mock.get(url__regex=CAMPAIGN_URL).mock(
        side_effect=[httpx.ReadError("reset"), httpx.Response(200, json=CAMPAIGN)]
    )
    await client.campaigns.get("app1", "c1")
    assert read.call_count == 2


async def test_retry_after_is_respected(
    client: PinpointClient,
    respx_mock: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
    retry_waits: RetryWaits,
) -> None:
    respx_mock.get(url__regex=CAMPAIGN_URL).mock(
        side_effect=[
            error_response(429, "TooManyRequestsException", **{"Retry-After": "0.3"}),
            httpx.Response(200, json=CAMPAIGN),
        ]
    )
    caplog.set_level(logging.INFO, logger="pinpoint_sdk")
    await client.campaigns.get("app1", "c1")
    # The wait before the retry is the server's, not the (millisecond) backoff of the policy.
    assert retry_waits.delays == [pytest.approx(0.3)]
    (record,) = [r for r in caplog.records if r.getMessage().startswith("retrying")]
    assert record.__dict__["delay"] == pytest.approx(0.3)
    assert record.__dict__["operation"] == "GetCampaign"
    assert record.__dict__["error_code"] == "TooManyRequestsException"
    assert record.__dict__["attempt"] == 1


def test_backoff_is_full_jitter_capped_and_retry_after_wins_within_limits() -> None:
    policy = RetryPolicy(backoff_base=1.0, backoff_cap=4.0, max_retry_after=10.0)
    error = TooManyRequestsException(
        "slow",
        status_code=429,
        code="TooManyRequestsException",
        request_id=None,
        operation="GetApp",
        headers={"Retry-After": "7"},
    )
    assert retry_delay(error, 1, policy) == 7.0
    too_long = TooManyRequestsException(
        "slow",
        status_code=429,
        code="TooManyRequestsException",
        request_id=None,
        operation="GetApp",
        headers={"Retry-After": "120"},
    )
    delays = [retry_delay(too_long, 5, policy) for _ in range(200)]
    assert all(0 <= d <= 4.0 for d in delays) and max(delays) > 2.0


def _client_with(budget: RetryBudget, **options: Any) -> PinpointClient:
    options.setdefault(
        "retry_policy", RetryPolicy(max_retries=5, backoff_base=0.001, backoff_cap=0.001)
    )
    return PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        retry_budget=budget,
        **options,
    )


async def test_an_exhausted_budget_fails_fast(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.get(url__regex=CAMPAIGN_URL).mock(return_value=BROKEN)
    budget = RetryBudget(capacity=RetryBudget.RETRY_COST)
    async with _client_with(budget) as client:
        with pytest.raises(InternalServerErrorException) as raised:
            await client.campaigns.get("app1", "c1")
        assert route.call_count == 2 == raised.value.attempts  # one paid retry, then empty
        with pytest.raises(InternalServerErrorException) as raised:
            await client.campaigns.get("app1", "c1")
        assert route.call_count == 3 and raised.value.attempts == 1  # no retry at all now


async def test_the_budget_is_spent_and_refunded_like_botocores_retry_quota(
    respx_mock: respx.MockRouter,
) -> None:
    route = respx_mock.get(url__regex=CAMPAIGN_URL)
    budget = RetryBudget(capacity=100)
    async with _client_with(budget) as client:
        # Two throttled attempts, then a success: two retries at 5 tokens each, and the
        # success gives back what its last retry cost (botocore refunds the last acquisition).
        route.mock(side_effect=[THROTTLED, THROTTLED, httpx.Response(200, json=CAMPAIGN)])
        await client.campaigns.get("app1", "c1")
        assert budget.tokens == 100 - 5 - 5 + 5
        # A success that needed no retry gives back one token.
        route.mock(return_value=httpx.Response(200, json=CAMPAIGN))
        await client.campaigns.get("app1", "c1")
        assert budget.tokens == 96
        # A failure refunds nothing.
        route.mock(return_value=BROKEN)
        with pytest.raises(InternalServerErrorException):
            await client.with_options(max_retries=1).campaigns.get("app1", "c1")
        assert budget.tokens == 91


async def test_a_retry_after_a_timeout_costs_twice_as_much(
    respx_mock: respx.MockRouter,
) -> None:
    # The read timeout is raised by the transport, as when the server goes quiet: which
    # limit fired does not matter to the budget (the attempt limits are test_timeouts').
    route = respx_mock.get(url__regex=CAMPAIGN_URL).mock(
        side_effect=[httpx.ReadTimeout("no answer"), httpx.Response(200, json=CAMPAIGN)]
    )
    budget = RetryBudget(capacity=50)
    async with _client_with(budget) as client:
        await client.campaigns.get("app1", "c1")
        assert route.call_count == 2
        # Paid 10 for the retry after the timeout, refunded the same 10 by the success.
        assert budget.tokens == 50
    route.mock(side_effect=[httpx.ReadTimeout("no answer"), httpx.Response(200, json=CAMPAIGN)])
    route.reset()
    budget = RetryBudget(capacity=RetryBudget.TIMEOUT_RETRY_COST - 1)
    async with _client_with(budget) as client:
        with pytest.raises(APITimeoutError) as raised:
            await client.campaigns.get("app1", "c1")
        assert route.call_count == 1 == raised.value.attempts  # 9 tokens cannot pay for it


async def test_cancelling_during_backoff_cancels_cleanly(
    client: PinpointClient, respx_mock: respx.MockRouter, retry_waits: RetryWaits
) -> None:
    route = respx_mock.get(url__regex=CAMPAIGN_URL).mock(
        side_effect=[
            error_response(429, "TooManyRequestsException", **{"Retry-After": "30"}),
            httpx.Response(200, json=CAMPAIGN),
        ]
    )
    retry_waits.hold()
    slow = client.with_options(retry_policy=RetryPolicy(max_retry_after=60))
    task = asyncio.create_task(slow.campaigns.get("app1", "c1"))
    await asyncio.wait_for(retry_waits.started.wait(), 30)  # bounds a broken test only
    task.cancel()
    # The cancellation ends the 30 s backoff: the task is done without any timer firing.
    await settles()
    assert task.done() and task.cancelled()
    assert retry_waits.delays == [30.0] and route.call_count == 1
    # The client stays usable after the cancellation.
    assert (await client.campaigns.get("app1", "c1")).id == "c1"


async def test_per_call_options_change_retries_without_a_new_connection(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(url__regex=CAMPAIGN_URL).mock(return_value=BROKEN)
    no_retries = client.with_options(max_retries=0)
    with pytest.raises(InternalServerErrorException):
        await no_retries.campaigns.get("app1", "c1")
    assert route.call_count == 1
    assert no_retries._connection is client._connection


async def test_a_per_call_timeout_raises_a_timeouterror_response(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    attempts = 0

    async def slow(request: httpx.Request) -> httpx.Response:
        nonlocal attempts
        attempts += 1
        await asyncio.Event().wait()  # never answers: only the per-call limit ends the call
        raise AssertionError("unreachable")

    respx_mock.post(url__regex=MESSAGES_URL).mock(side_effect=slow)
    with pytest.raises(APITimeoutError):
        await _send(client.with_options(timeout=0.05))
    assert attempts == 1  # a send that may have arrived is not repeated
