"""The SDK's own PinpointClient against the fake, unchanged, in both modes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from pinpoint_fake_support import CREDENTIALS, SESSION

from pinpoint_sdk import APIConnectionError, NotFoundException, PinpointClient, RetryPolicy
from pinpoint_sdk.models import AddressConfiguration, DirectMessageConfiguration, SMSMessage
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

FAST = RetryPolicy(max_retries=2, backoff_base=0.001, backoff_cap=0.002)


@pytest.fixture(params=["in-process", "http"])
async def sdk(request: pytest.FixtureRequest) -> AsyncIterator[tuple[PinpointClient, FakePinpoint]]:
    fake = FakePinpoint()
    if request.param == "in-process":
        with fake.mock():
            async with PinpointClient(
                **CREDENTIALS,
                session=SESSION,
                config=AioConfig(http_session_cls=HttpxSession),
                retry_policy=FAST,
            ) as client:
                yield client, fake
    else:
        async with (
            FakePinpointServer(fake) as server,
            PinpointClient(
                **CREDENTIALS, session=SESSION, endpoint_url=server.url, retry_policy=FAST
            ) as client,
        ):
            yield client, fake


async def test_scenario_through_the_sdk(sdk: tuple[PinpointClient, FakePinpoint]) -> None:
    client, _ = sdk
    app = await client.apps.create(name="sdk")
    segment = await client.segments.create(app.id, name="everyone")
    created = [
        (await client.campaigns.create(app.id, name=f"c{i}", segment_id=segment.id)).id
        for i in range(5)
    ]
    listed = [c.id async for c in client.campaigns.list(app.id, page_size=2)]
    assert sorted(listed) == sorted(created) and len(listed) == 5
    updated = await client.campaigns.update(app.id, created[0], name="renamed")
    assert updated.version == 2
    versions = [c.version async for c in client.campaigns.list_versions(app.id, created[0])]
    assert versions == [2, 1]
    await client.campaigns.delete(app.id, created[0])
    with pytest.raises(NotFoundException):
        await client.campaigns.get(app.id, created[0])


async def test_the_sdk_retries_a_throttled_read(sdk: tuple[PinpointClient, FakePinpoint]) -> None:
    client, fake = sdk
    app = await client.apps.create(name="throttled")
    fake.faults.throttle(2, operation="GetApp")
    assert (await client.apps.get(app.id)).id == app.id
    assert [call.status for call in fake.calls("GetApp")] == [429, 429, 200]


async def test_the_sdk_never_resends_a_send_whose_answer_was_lost(
    sdk: tuple[PinpointClient, FakePinpoint],
) -> None:
    client, fake = sdk
    app = await client.apps.create(name="sends")
    fake.faults.drop_connection(operation="SendMessages", after_acting=True)
    with pytest.raises(APIConnectionError):
        await client.messages.send(
            app.id,
            addresses={"+12065550100": AddressConfiguration(channel_type="SMS")},
            message_configuration=DirectMessageConfiguration(sms_message=SMSMessage(body="once")),
        )
    assert len(fake.calls("SendMessages")) == 1
    assert len(fake.outbox) == 1
