"""What the lean transport puts on the wire: aiobotocore's request, signed as botocore signs it.

Both paths run on one aiobotocore client configured as the SDK configures its own, at one
frozen clock, so that everything but the per-request ids must be equal: for every one of the
122 operations through httpx (intercepted by respx, as tests and the fake's in-process mode
do), and byte for byte on a loopback socket through aiohttp. Each signature is also checked
the way the service checks it: computed again from the request as it arrived.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from typing import Any
from unittest import mock

import botocore
import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.credentials import AioRefreshableCredentials
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import AioSession
from botocore import xform_name
from botocore.credentials import CredentialProvider
from lean_support import (
    CREDENTIALS,
    KEY_ID,
    SECRET,
    Answer,
    WireServer,
    deadline_in,
    lean_client,
    request,
    signature_verifies,
)
from support.shapes import operation, sample, service_model

from pinpoint_sdk import Timeout

OPERATIONS = sorted(service_model().operation_names)
TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+session/token=="
NOW = datetime(2027, 1, 4, 9, 30, 15)
#: Headers that differ between any two requests, whoever sends them; and the User-Agent,
#: which names the SDK on the lean path (checked on its own below).
PER_REQUEST = {"amz-sdk-invocation-id", "amz-sdk-request", "user-agent"}


@pytest.fixture
def frozen_clock() -> Iterator[None]:
    """Both signers sign at ``NOW``."""
    with mock.patch("botocore.auth.get_current_datetime", return_value=NOW):
        yield


def params_of(operation_name: str) -> dict[str, Any]:
    """Every member set; path parameters that need percent-encoding."""
    shape = operation(operation_name).input_shape
    params: dict[str, Any] = sample(shape) if shape is not None else {}
    for name, member in shape.members.items() if shape is not None else ():
        if member.serialization.get("location") == "uri":
            params[name] = f"id with/slash+plus é-{name}"
    return params


def _seen(call: Any) -> tuple[str, bytes, dict[str, str], bytes, bytes]:
    sent: httpx.Request = call.request
    headers = {name: value for name, value in sent.headers.items() if name not in PER_REQUEST}
    return sent.method, bytes(sent.url.raw_path), headers, sent.content, sent.extensions["target"]


@pytest.mark.parametrize("operation_name", OPERATIONS)
async def test_every_operation_goes_out_as_aiobotocore_sends_it_signed_alike(
    operation_name: str, frozen_clock: None
) -> None:
    params = params_of(operation_name)
    with respx.mock(using="httpx") as router:
        route = router.route().mock(return_value=httpx.Response(200, json={}))
        config = AioConfig(http_session_cls=HttpxSession)
        async with lean_client(config=config, aws_session_token=TOKEN) as (client, transport):
            await getattr(client, xform_name(operation_name))(**params)
            built = request(operation_name, **params)
            await transport.send(built, timeout=Timeout(), deadline=deadline_in(60))
    botocore_call, lean_call = route.calls
    assert _seen(lean_call) == _seen(botocore_call)
    sent = lean_call.request
    assert sent.headers["x-amz-security-token"] == TOKEN
    assert signature_verifies(sent.method, sent.url.raw_path.decode(), sent.headers, sent.content)


class RotatingKeys:
    """A credential source whose keys change on every refresh (and every use needs one)."""

    def __init__(self) -> None:
        self.issued = 0

    async def refresh(self) -> dict[str, str]:
        self.issued += 1
        # Inside botocore's mandatory refresh window: every use refreshes.
        expiry = datetime.now(timezone.utc) + timedelta(minutes=5)
        return {
            "access_key": f"AKIDROTATING{self.issued:08d}",
            "secret_key": f"rotating-secret-{self.issued}",
            "token": f"rotating-token-{self.issued}",
            "expiry_time": expiry.isoformat(),
        }


class _RotatingProvider(CredentialProvider):  # type: ignore[misc]
    METHOD = "rotating-test"

    def __init__(self, keys: RotatingKeys) -> None:
        self._keys = keys

    async def load(self) -> AioRefreshableCredentials:
        return AioRefreshableCredentials.create_from_metadata(
            metadata=await self._keys.refresh(),
            refresh_using=self._keys.refresh,
            method=self.METHOD,
        )


async def test_refreshed_credentials_sign_the_next_request() -> None:
    keys = RotatingKeys()
    session = AioSession()
    session.get_component("credential_provider").insert_before("env", _RotatingProvider(keys))
    async with (
        WireServer() as server,
        lean_client(
            server.url,
            session=session,
            aws_access_key_id=None,
            aws_secret_access_key=None,
        ) as (_, transport),
    ):
        for _ in range(2):
            await transport.send(request("GetApps"), timeout=Timeout())
    first, second = server.requests
    assert "Credential=AKIDROTATING00000002/" in first.headers["authorization"]
    assert "Credential=AKIDROTATING00000003/" in second.headers["authorization"]
    assert second.headers["x-amz-security-token"] == "rotating-token-3"
    for number, received in ((2, first), (3, second)):
        secret = f"rotating-secret-{number}"
        assert signature_verifies(
            received.method, received.target, received.headers, received.body, secret=secret
        )
    assert not signature_verifies(
        second.method, second.target, second.headers, second.body, secret="rotating-secret-2"
    )


WIRE_CASES = {
    "GetCampaign": {"ApplicationId": "app 1/x", "CampaignId": "c~ä"},
    "GetCampaigns": {"ApplicationId": "app", "PageSize": "100", "Token": "t+/="},
    "SendMessages": {
        "ApplicationId": "app",
        "MessageRequest": {
            "Addresses": {f"+1555010{n:04d}": {"ChannelType": "SMS"} for n in range(100)},
            "MessageConfiguration": {"SMSMessage": {"Body": "Code: 123456 ✓"}},
        },
    },
    "UpdateCampaign": {
        "ApplicationId": "a",
        "CampaignId": "c",
        "WriteCampaignRequest": {"Name": "n"},
    },
    "DeleteApp": {"ApplicationId": "a"},
    "UntagResource": {
        "ResourceArn": "arn:aws:mobiletargeting:x:1:apps/a",
        "TagKeys": ["k 1", "k2"],
    },
    "CreateApp": {},
}


@pytest.mark.parametrize("operation_name", list(WIRE_CASES))
async def test_the_bytes_on_the_wire_are_aiobotocores_but_for_the_per_request_ids(
    operation_name: str, frozen_clock: None
) -> None:
    params = WIRE_CASES[operation_name]
    async with (
        WireServer() as server,
        lean_client(server.url, aws_session_token=TOKEN) as (client, transport),
    ):
        await getattr(client, xform_name(operation_name))(**params)
        await transport.send(request(operation_name, **params), timeout=Timeout())
    botocore_sent, lean_sent = server.requests

    def comparable(received: Any) -> tuple[str, list[tuple[str, str]], bytes]:
        lines = [(n, v) for n, v in received.header_lines if n.lower() not in PER_REQUEST]
        return received.request_line, lines, received.body

    assert comparable(lean_sent) == comparable(botocore_sent)
    # The per-request headers are there too, in the same places.
    assert [n for n, _ in lean_sent.header_lines] == [n for n, _ in botocore_sent.header_lines]
    assert lean_sent.headers["amz-sdk-request"] == "attempt=1; max=1"
    assert signature_verifies(lean_sent.method, lean_sent.target, lean_sent.headers, lean_sent.body)


async def test_the_user_agent_is_botocores_with_the_sdk_named_at_its_end() -> None:
    async with WireServer() as server, lean_client(server.url) as (client, transport):
        await client.get_apps()
        await transport.send(request("GetApps"), timeout=Timeout())
    botocore_agent, lean_agent = (received.headers["user-agent"] for received in server.requests)
    base, _, ours = lean_agent.rpartition(" ")
    assert ours == f"lib/pinpoint-sdk#{version('pinpoint-sdk')}"  # the installed version
    assert base.split(" ")[:3] == botocore_agent.split(" ")[:3]  # aiobotocore, botocore, ua/2.1
    assert f"botocore/{botocore.__version__}" in base


async def test_an_attempt_number_reaches_the_sdk_request_header() -> None:
    async with WireServer() as server, lean_client(server.url) as (_, transport):
        await transport.send(request("GetApps"), timeout=Timeout(), attempt=2, max_attempts=3)
    assert server.requests[0].headers["amz-sdk-request"] == "attempt=2; max=3"


async def test_an_unsigned_client_sends_unsigned_requests_like_botocore() -> None:
    config = AioConfig(signature_version=botocore.UNSIGNED)
    async with (
        WireServer() as server,
        lean_client(server.url, config=config) as (client, transport),
    ):
        await client.get_apps()
        await transport.send(request("GetApps"), timeout=Timeout())
    for received in server.requests:
        assert "authorization" not in received.headers and "x-amz-date" not in received.headers


async def test_inside_aws_lambda_the_trace_id_goes_along_unsigned_as_botocore_sends_it(
    monkeypatch: pytest.MonkeyPatch, frozen_clock: None
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "sender")
    monkeypatch.setenv("_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")
    async with WireServer() as server, lean_client(server.url) as (client, transport):
        await client.get_apps()
        await transport.send(request("GetApps"), timeout=Timeout())
    botocore_sent, lean_sent = server.requests
    assert lean_sent.headers["x-amzn-trace-id"] == botocore_sent.headers["x-amzn-trace-id"]
    assert lean_sent.headers["authorization"] == botocore_sent.headers["authorization"]


async def test_no_credential_reaches_a_log_record_even_at_debug(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    async with WireServer() as server, lean_client(server.url, aws_session_token=TOKEN) as (_, t):
        caplog.clear()
        await t.send(request("SendMessages", **WIRE_CASES["SendMessages"]), timeout=Timeout())
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "CanonicalRequest" in logged  # botocore's signer did log, at DEBUG
    for secret in (SECRET, TOKEN, "+15550100042"):
        assert secret not in logged
    assert server.requests[0].headers["x-amz-security-token"] == TOKEN
    assert CREDENTIALS["aws_access_key_id"] == KEY_ID


@pytest.mark.parametrize("ident", ["..", "a/../b", "%2e%2e", "./"])
async def test_dot_segments_in_ids_stay_inside_one_encoded_segment(ident: str) -> None:
    async with (
        WireServer(lambda _: Answer(body=b"{}")) as server,
        lean_client(server.url) as (
            client,
            transport,
        ),
    ):
        await client.get_app(ApplicationId=ident)
        await transport.send(request("GetApp", ApplicationId=ident), timeout=Timeout())
    botocore_sent, lean_sent = server.requests
    assert lean_sent.target == botocore_sent.target
    assert signature_verifies(lean_sent.method, lean_sent.target, lean_sent.headers, lean_sent.body)
