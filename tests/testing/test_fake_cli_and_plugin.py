"""The pytest fixtures of ``pinpoint_sdk.testing`` (the command line: test_fake_as_a_service)."""

from __future__ import annotations

from typing import Any

import boto3
import httpx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from pinpoint_fake_support import CREDENTIALS, NO_RETRIES, SESSION

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer


async def test_pinpoint_fake_fixture_answers_the_default_endpoint(
    pinpoint_fake: FakePinpoint,
) -> None:
    config = AioConfig(http_session_cls=HttpxSession, retries=NO_RETRIES)
    async with SESSION.create_client("pinpoint", config=config, **CREDENTIALS) as client:
        await client.create_app(CreateApplicationRequest={"Name": "via-fixture"})
    assert [r.operation for r in pinpoint_fake.requests] == ["CreateApp"]


async def test_other_hosts_pass_through_the_fixture(pinpoint_fake: FakePinpoint) -> None:
    # Only the Pinpoint endpoint is faked; other httpx traffic reaches the real network
    # (here a local server).
    other = FakePinpoint()
    async with FakePinpointServer(other) as server, httpx.AsyncClient() as client:
        response = await client.get(f"{server.url}/v1/apps")
    assert response.status_code == 200
    assert pinpoint_fake.requests == [] and len(other.requests) == 1


def test_pinpoint_fake_server_fixture_serves_the_same_fake(
    pinpoint_fake: FakePinpoint, pinpoint_fake_server: FakePinpointServer
) -> None:
    assert pinpoint_fake_server.fake is pinpoint_fake
    client: Any = boto3.client("pinpoint", endpoint_url=pinpoint_fake_server.url, **CREDENTIALS)
    try:
        client.create_app(CreateApplicationRequest={"Name": "sync"})
    finally:
        client.close()
    assert pinpoint_fake.invoke("GetApps") is not None
    assert [r.operation for r in pinpoint_fake.requests] == ["CreateApp"]
