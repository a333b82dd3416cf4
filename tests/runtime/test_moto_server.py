"""The SDK over real HTTP on its default aiohttp transport, against moto's server on 127.0.0.1.

moto implements a dozen Pinpoint operations (apps, settings, event streams, tags); these tests
round-trip values through them, and run 200 concurrent calls on one client.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
from conftest import CREDENTIALS, SESSION
from moto.server import ThreadedMotoServer

from pinpoint_sdk import NotFoundException, PinpointClient
from pinpoint_sdk.models import WriteApplicationSettingsRequest, WriteEventStream


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
async def moto_client(moto_url: str) -> AsyncIterator[PinpointClient]:
    async with PinpointClient(**CREDENTIALS, session=SESSION, endpoint_url=moto_url) as client:
        yield client


async def test_apps_round_trip_over_http(moto_client: PinpointClient) -> None:
    created = await moto_client.apps.create(name="shop", tags={"team": "growth"})
    fetched = await moto_client.apps.get(created.id)
    assert (fetched.id, fetched.name, fetched.arn) == (created.id, "shop", created.arn)
    listed = [app.id async for app in moto_client.apps.list()]
    assert created.id in listed
    await moto_client.apps.delete(created.id)
    with pytest.raises(NotFoundException):
        await moto_client.apps.get(created.id)


async def test_application_settings_round_trip(moto_client: PinpointClient) -> None:
    app = await moto_client.apps.create(name="settings")
    request = WriteApplicationSettingsRequest(cloud_watch_metrics_enabled=True)
    updated = await moto_client.apps.update_settings(app.id, request)
    assert updated.application_id == app.id
    settings = await moto_client.apps.get_settings(app.id)
    assert settings.application_id == app.id


async def test_event_stream_round_trip(moto_client: PinpointClient) -> None:
    app = await moto_client.apps.create(name="streams")
    stream = WriteEventStream(
        destination_stream_arn="arn:aws:kinesis:us-east-1:123456789012:stream/events",
        role_arn="arn:aws:iam::123456789012:role/pinpoint-events",
    )
    put = await moto_client.event_streams.put(app.id, stream)
    got = await moto_client.event_streams.get(app.id)
    assert put.destination_stream_arn == got.destination_stream_arn == stream.destination_stream_arn
    await moto_client.event_streams.delete(app.id)


async def test_tags_round_trip(moto_client: PinpointClient) -> None:
    app = await moto_client.apps.create(name="tagged")
    await moto_client.tags.add(app.arn, tags={"env": "test", "owner": "me"})
    assert (await moto_client.tags.list(app.arn)).tags == {"env": "test", "owner": "me"}
    await moto_client.tags.remove(app.arn, tag_keys=["owner"])
    assert (await moto_client.tags.list(app.arn)).tags == {"env": "test"}


async def test_200_concurrent_calls_on_one_client(moto_client: PinpointClient) -> None:
    app = await moto_client.apps.create(name="busy")
    results = await asyncio.gather(*(moto_client.apps.get(app.id) for _ in range(200)))
    assert {r.id for r in results} == {app.id}
    assert len(results) == 200
