"""The lean transport against real servers on 127.0.0.1, and over httpx with respx.

Signed requests reach the local fake of Pinpoint and come back parsed; the pool is the
client's (its size honoured, aiohttp's hidden re-send switched off, redirects not followed);
closing the client ends calls in flight and calls waiting for a connection with
``ClientClosedError``; and on aiobotocore's httpx backend, respx and the fake's in-process
mode see the lean path's requests as they see aiobotocore's.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import AsyncExitStack
from typing import Any

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpsession import AIOHTTPSession
from aiobotocore.httpxsession import HttpxSession
from botocore import xform_name
from lean_support import (
    CREDENTIALS,
    SESSION,
    Answer,
    HandMadeSession,
    Received,
    WireServer,
    deadline_in,
    lean_client,
    request,
    sdk_config,
    signature_verifies,
)

from pinpoint_sdk import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    PinpointConfigurationError,
    Timeout,
)
from pinpoint_sdk._lean import LeanTransport
from pinpoint_sdk._models import parse_response_json
from pinpoint_sdk.models import ApplicationResponse, MessageResponse
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

SMS = {"SMSMessage": {"Body": "Your code is 123456", "MessageType": "TRANSACTIONAL"}}


async def test_signed_requests_reach_the_local_fake_and_its_answers_parse() -> None:
    fake = FakePinpoint()
    async with FakePinpointServer(fake) as server, lean_client(server.url) as (_, transport):
        created = await transport.send(
            request("CreateApp", CreateApplicationRequest={"Name": "lean"}), timeout=Timeout()
        )
        app = parse_response_json(ApplicationResponse, created.body)
        fetched = await transport.send(request("GetApp", ApplicationId=app.id), timeout=Timeout())
        sent = await transport.send(
            request(
                "SendMessages",
                ApplicationId=app.id,
                MessageRequest={
                    "Addresses": {"+12065550100": {"ChannelType": "SMS"}},
                    "MessageConfiguration": SMS,
                },
            ),
            timeout=Timeout(),
            deadline=deadline_in(60),
        )
    assert created.status == 201 and app.name == "lean"
    assert parse_response_json(ApplicationResponse, fetched.body) == app
    result = parse_response_json(MessageResponse, sent.body).result
    assert result is not None and result["+12065550100"].delivery_status == "SUCCESSFUL"
    assert [record.operation for record in fake.requests] == ["CreateApp", "GetApp", "SendMessages"]


async def test_the_answer_carries_the_headers_and_request_id_botocore_reports() -> None:
    answer = Answer(
        200,
        (
            ("x-amzn-RequestId", "rid-1"),
            ("X-Custom", "a"),
            ("x-custom", "b"),
            ("Content-Type", "application/json"),
        ),
        b'{"Id": "a", "Arn": "arn", "Name": "n"}',
    )
    async with (
        WireServer(lambda _: answer) as server,
        lean_client(server.url) as (client, transport),
    ):
        botocore_answer = await client.get_app(ApplicationId="a")
        lean_answer = await transport.send(request("GetApp", ApplicationId="a"), timeout=Timeout())
    metadata = botocore_answer["ResponseMetadata"]
    assert lean_answer.request_id == metadata["RequestId"] == "rid-1"
    assert dict(lean_answer.headers) == dict(metadata["HTTPHeaders"])
    assert lean_answer.body == answer.body


async def test_an_answer_without_a_body_comes_back_empty() -> None:
    async with (
        WireServer(lambda _: Answer(204, (), b"")) as server,
        lean_client(server.url) as (_, t),
    ):
        answer = await t.send(
            request("UntagResource", ResourceArn="arn", TagKeys=["k"]), timeout=Timeout()
        )
    assert (answer.status, answer.body, answer.request_id) == (204, b"", None)


async def test_one_pool_per_client_holds_at_most_max_pool_connections_connections() -> None:
    open_now = most = 0
    release = asyncio.Event()

    async def slow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal open_now, most
        open_now += 1
        most = max(most, open_now)
        await reader.readuntil(b"\r\n\r\n")
        await release.wait()
        writer.write(Answer().encode())
        await writer.drain()
        writer.close()
        open_now -= 1

    server = await asyncio.start_server(slow, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    config = AioConfig(max_pool_connections=3)
    try:
        async with lean_client(url, config=config) as (_, transport):
            calls = [
                asyncio.ensure_future(transport.send(request("GetApps"), timeout=Timeout()))
                for _ in range(8)
            ]
            await asyncio.sleep(0.3)
            waiting_at_the_limit = most
            release.set()
            answers = await asyncio.gather(*calls)
    finally:
        server.close()
        await server.wait_closed()
    assert waiting_at_the_limit == 3
    assert all(answer.status == 200 for answer in answers)


@pytest.mark.parametrize("config", [None, AioConfig(http_session_cls=AIOHTTPSession)])
async def test_a_dropped_keep_alive_connection_is_not_silently_re_sent(
    config: AioConfig | None,
) -> None:
    # aiohttp re-sends a GET once when a reused connection drops; the retry owner must see
    # every attempt, so the lean path (like the botocore path) sends it once: on the SDK's
    # session class, and on aiobotocore's own, which a user's config may name.
    def first_answered(_: Received) -> Answer | str:
        return Answer() if len(server.requests) == 1 else "close"

    async with (
        WireServer(first_answered) as server,
        lean_client(server.url, config=config) as (_, transport),
    ):
        await transport.send(request("GetApps"), timeout=Timeout())
        with pytest.raises(APIConnectionError) as raised:
            await transport.send(request("GetApps"), timeout=Timeout())
    assert len(server.requests) == 2
    assert raised.value.request_sent is True


async def test_a_redirect_is_not_followed_with_the_signed_request() -> None:
    moved = Answer(307, (("Location", "/v1/elsewhere"),), b"")
    async with WireServer(lambda _: moved) as server, lean_client(server.url) as (_, transport):
        with pytest.raises(APIStatusError) as raised:
            await transport.send(request("DeleteApp", ApplicationId="a"), timeout=Timeout())
    assert raised.value.status_code == 307
    assert [received.target for received in server.requests] == ["/v1/apps/a"]


async def test_a_deadline_already_passed_sends_nothing() -> None:
    async with WireServer() as server, lean_client(server.url) as (_, transport):
        with pytest.raises(APITimeoutError, match=r"the call's deadline of 60\.0 s passed"):
            await transport.send(
                request("GetApps"), timeout=Timeout(), deadline=time.monotonic() - 0.001
            )
    assert server.requests == []


async def test_a_call_after_close_is_refused_without_sending() -> None:
    async with WireServer() as server, lean_client(server.url) as (_, transport):
        transport.close()
        with pytest.raises(ClientClosedError, match="closed; create a new one") as raised:
            await transport.send(request("GetApps"), timeout=Timeout())
    assert raised.value.request_sent is False and server.requests == []


async def test_closing_the_client_ends_calls_in_flight_and_calls_waiting_for_a_connection() -> None:
    async with WireServer(lambda _: "silent") as server, AsyncExitStack() as stack:
        config = sdk_config(AioConfig(max_pool_connections=1))
        client = await stack.enter_async_context(
            SESSION.create_client("pinpoint", endpoint_url=server.url, config=config, **CREDENTIALS)
        )
        transport = await LeanTransport.open(client)
        in_flight = asyncio.ensure_future(transport.send(request("GetApps"), timeout=Timeout()))
        waiting = asyncio.ensure_future(transport.send(request("GetApps"), timeout=Timeout()))
        await server.arrived.wait()
        await asyncio.sleep(0.05)
        transport.close()
        await stack.aclose()  # the owner closes the aiobotocore client, and the pool with it
        results = await asyncio.gather(in_flight, waiting, return_exceptions=True)
    sent, not_sent = results
    assert isinstance(sent, ClientClosedError) and sent.request_sent is True
    assert "may have reached the service" in str(sent)
    assert isinstance(not_sent, ClientClosedError) and not_sent.request_sent is False
    assert len(server.requests) == 1


async def test_a_cancelled_call_is_cancelled_not_reported_as_a_close() -> None:
    async with WireServer(lambda _: "silent") as server, lean_client(server.url) as (_, transport):
        call = asyncio.ensure_future(transport.send(request("GetApps"), timeout=Timeout()))
        await server.arrived.wait()
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call


async def test_a_session_class_it_cannot_send_through_is_refused_when_opened() -> None:
    config = sdk_config(AioConfig(http_session_cls=HandMadeSession))
    async with SESSION.create_client("pinpoint", config=config, **CREDENTIALS) as client:
        with pytest.raises(PinpointConfigurationError, match="HandMadeSession") as raised:
            await LeanTransport.open(client)
    assert "botocore transport" in raised.value.hint


# -- httpx, as tests and the fake's in-process mode use it ---------------------------------

HTTPX = AioConfig(http_session_cls=HttpxSession)


async def test_over_httpx_respx_sees_the_lean_request_as_it_sees_aiobotocores() -> None:
    params = {"ApplicationId": "app 1", "CampaignId": "c/1"}
    with respx.mock(using="httpx") as router:
        route = router.get(url__regex=r"/v1/apps/app%201/campaigns/c%2F1$").mock(
            return_value=httpx.Response(200, json={"Id": "c/1"}, headers={"x-amzn-RequestId": "r"})
        )
        async with lean_client(config=HTTPX) as (client, transport):
            await client.get_campaign(**params)
            answer = await transport.send(
                request("GetCampaign", **params), timeout=Timeout(read=1), deadline=deadline_in(5)
            )
    assert route.call_count == 2
    assert (answer.status, answer.request_id, answer.body) == (200, "r", b'{"Id":"c/1"}')
    sent = route.calls[1].request
    assert signature_verifies(sent.method, sent.url.raw_path.decode(), sent.headers, sent.content)


async def test_over_httpx_the_attempt_limit_is_kept() -> None:
    reached: list[httpx.Request] = []

    async def slow(request: httpx.Request) -> httpx.Response:
        reached.append(request)
        await asyncio.sleep(5)
        return httpx.Response(200, json={})

    # respx records a call once it is answered; this one never is.
    with respx.mock(using="httpx", assert_all_called=False) as router:
        router.route().mock(side_effect=slow)
        async with lean_client(config=HTTPX) as (_, transport):
            started = time.monotonic()
            with pytest.raises(APITimeoutError, match=r"attempt timeout of 0\.2 s"):
                await transport.send(request("GetApps"), timeout=Timeout(attempt=0.2))
    assert time.monotonic() - started < 2
    assert len(reached) == 1


@pytest.mark.parametrize("operation", ["CreateApp", "GetApps"])
async def test_the_fakes_in_process_mode_answers_the_lean_path(operation: str) -> None:
    fake = FakePinpoint()
    params: dict[str, Any] = (
        {"CreateApplicationRequest": {"Name": "in process"}} if operation == "CreateApp" else {}
    )
    with fake.mock():
        async with lean_client(config=HTTPX) as (client, transport):
            botocore_answer = await getattr(client, xform_name(operation))(**params)
            lean_answer = await transport.send(request(operation, **params), timeout=Timeout())
    assert lean_answer.status == botocore_answer["ResponseMetadata"]["HTTPStatusCode"]
    assert [record.operation for record in fake.requests] == [operation, operation]


async def test_both_paths_share_the_clients_one_pool() -> None:
    async with WireServer() as server, lean_client(server.url) as (client, transport):
        await client.get_apps()
        await transport.send(request("GetApps"), timeout=Timeout())
        await client.get_apps()
    assert len(server.requests) == 3
    # One keep-alive connection, from one pool (with one set of TLS and proxy settings).
    assert server.connections == 1


async def test_a_configured_proxy_carries_the_request_as_it_carries_aiobotocores() -> None:
    async with WireServer() as proxy:
        port = proxy.url.rsplit(":", 1)[1]
        config = AioConfig(proxies={"http": f"http://agent:s3cret@127.0.0.1:{port}"})
        # The endpoint's name is never resolved here: the proxy is asked for it.
        async with lean_client("http://pinpoint.internal.test:8080", config=config) as (
            client,
            transport,
        ):
            await client.get_app(ApplicationId="a b")
            await transport.send(request("GetApp", ApplicationId="a b"), timeout=Timeout())
    botocore_sent, lean_sent = proxy.requests
    assert lean_sent.request_line == botocore_sent.request_line
    assert lean_sent.request_line == "GET http://pinpoint.internal.test:8080/v1/apps/a%20b HTTP/1.1"
    for header in ("host", "proxy-authorization"):
        assert lean_sent.headers.get(header) == botocore_sent.headers.get(header)
