"""``python -m pinpoint_sdk.testing`` and the pytest fixtures of ``pinpoint_sdk.testing``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import httpx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from pinpoint_fake_support import CREDENTIALS, NO_RETRIES, SESSION

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer


def test_cli_prints_its_url_and_serves_until_terminated(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"apps": [{"Id": "ab" * 16, "Name": "from-cli"}]}))
    process = subprocess.Popen(
        [sys.executable, "-m", "pinpoint_sdk.testing", "--port", "0", "--seed", str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        client = boto3.client("pinpoint", endpoint_url=url, **CREDENTIALS)
        try:
            app = client.get_app(ApplicationId="ab" * 16)["ApplicationResponse"]
        finally:
            client.close()
        assert app["Name"] == "from-cli"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0, stderr
    assert "FakePinpoint stopped" in stderr


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
