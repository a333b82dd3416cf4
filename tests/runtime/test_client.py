"""Client lifecycle, validation before sending, and typed results."""

from __future__ import annotations

import asyncio
import socket
import struct
from typing import Any

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import AioSession
from conftest import CREDENTIALS, FAST_RETRIES, SESSION, error_response
from support.clock import RetryWaits, eventually, settles

from pinpoint_sdk import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    ClientClosedError,
    NotFoundException,
    PinpointClient,
    PinpointError,
    PinpointValidationError,
    RetryPolicy,
    TooManyRequestsException,
    response_metadata,
)
from pinpoint_sdk.models import ApplicationResponse, CreateApplicationRequest
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

APP = {"Arn": "arn:aws:mobiletargeting:us-east-1:1:apps/a1", "Id": "a1", "Name": "shop"}


class CountingSession(AioSession):  # type: ignore[misc]
    """An AioSession that counts the aiobotocore clients made from it."""

    created = 0

    def create_client(self, *args: Any, **kwargs: Any) -> Any:
        CountingSession.created += 1
        return super().create_client(*args, **kwargs)


async def test_one_aiobotocore_client_serves_every_call(respx_mock: respx.MockRouter) -> None:
    respx_mock.get(url__regex=r".*/v1/apps/a1$").mock(return_value=httpx.Response(200, json=APP))
    CountingSession.created = 0
    async with PinpointClient(
        **CREDENTIALS, session=CountingSession(), config=AioConfig(http_session_cls=HttpxSession)
    ) as client:
        for _ in range(5):
            await client.apps.get("a1")
        await client.with_options(max_retries=0).apps.get("a1")
    assert CountingSession.created == 1


async def test_the_client_opens_on_first_use_and_refuses_calls_after_close(
    respx_mock: respx.MockRouter,
) -> None:
    respx_mock.get(url__regex=r".*/v1/apps/a1$").mock(return_value=httpx.Response(200, json=APP))
    client = PinpointClient(
        **CREDENTIALS, session=SESSION, config=AioConfig(http_session_cls=HttpxSession)
    )
    app = await client.apps.get("a1")
    assert isinstance(app, ApplicationResponse) and app.name == "shop"
    await client.close()
    assert client.closed
    with pytest.raises(ClientClosedError):
        await client.apps.get("a1")
    await client.close()  # closing twice is harmless


async def _aiobotocore_client(client: PinpointClient) -> Any:
    """The aiobotocore client behind ``client`` (its transport's), opened."""
    await client.open()
    return client._connection.transport.aiobotocore_client  # type: ignore[attr-defined]


async def test_botocore_retries_are_switched_off(client: PinpointClient) -> None:
    raw = await _aiobotocore_client(client)
    assert raw.meta.config.retries["total_max_attempts"] == 1


def test_explicit_credentials_never_appear_in_the_repr() -> None:
    client = PinpointClient(
        region_name="eu-west-1",
        aws_access_key_id="AKIAEXAMPLEKEY",
        aws_secret_access_key="wJalrXUtnFEMI-SECRET",
        aws_session_token="SESSION-TOKEN-SECRET",
    )
    text = repr(client) + str(client) + repr(client.__dict__)
    for secret in ("AKIAEXAMPLEKEY", "wJalrXUtnFEMI-SECRET", "SESSION-TOKEN-SECRET"):
        assert secret not in text
    assert "eu-west-1" in repr(client)


async def test_invalid_bodies_fail_before_any_request(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.route().mock(return_value=httpx.Response(201, json=APP))
    with pytest.raises(PinpointValidationError, match="Name"):
        await client.apps.create()  # Name is required
    with pytest.raises(PinpointValidationError, match="not both"):
        await client.apps.create(CreateApplicationRequest(name="a"), name="b")
    with pytest.raises(PinpointValidationError, match="Frequency"):
        await client.campaigns.create(
            "app1",
            schedule={"StartTime": "IMMEDIATE", "Frequency": "SOMETIMES"},  # type: ignore[arg-type]
        )
    with pytest.raises(PinpointValidationError, match="application_id"):
        await client.campaigns.get("", "c1")
    assert route.call_count == 0


async def test_a_body_can_be_a_model_or_keyword_fields_with_the_same_wire_result(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.post(url__regex=r".*/v1/apps$").mock(
        return_value=httpx.Response(201, json=APP)
    )
    by_model = await client.apps.create(CreateApplicationRequest(name="shop", tags={"t": "1"}))
    by_fields = await client.apps.create(name="shop", tags={"t": "1"})
    assert by_model == by_fields
    first, second = (call.request.content for call in route.calls)
    assert first == second == b'{"Name": "shop", "tags": {"t": "1"}}'
    metadata = response_metadata(by_model)
    assert metadata is not None and metadata.status_code == 201 and metadata.attempts == 1


async def test_updates_send_only_the_fields_set(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.put(url__regex=r".*/campaigns/c1$").mock(
        return_value=httpx.Response(
            200,
            json={
                "Id": "c1",
                "Arn": "a",
                "ApplicationId": "app1",
                "CreationDate": "d",
                "LastModifiedDate": "d",
                "SegmentId": "s",
                "SegmentVersion": 1,
            },
        )
    )
    await client.campaigns.update("app1", "c1", name="renamed")
    assert route.calls[0].request.content == b'{"Name": "renamed"}'


async def test_api_errors_are_typed_and_carry_the_service_details(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    respx_mock.get(url__regex=r".*/v1/apps/nope$").mock(
        return_value=httpx.Response(
            404,
            json={"Message": "Resource not found", "RequestID": "req-404"},
            headers={"X-Amzn-ErrorType": "NotFoundException", "x-amzn-RequestId": "req-404"},
        )
    )
    with pytest.raises(NotFoundException) as raised:
        await client.apps.get("nope")
    error = raised.value
    assert (error.status_code, error.code, error.message) == (
        404,
        "NotFoundException",
        "Resource not found",
    )
    assert error.request_id == "req-404" and error.operation == "GetApp"


async def test_unknown_fields_and_enum_values_in_responses_parse(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    respx_mock.get(url__regex=r".*/v1/apps/a1/jobs/import/j1$").mock(
        return_value=httpx.Response(
            200,
            json={
                "ApplicationId": "a1",
                "CreationDate": "d",
                "Id": "j1",
                "Type": "IMPORT",
                "JobStatus": "ARCHIVED_BY_2027_FEATURE",
                "Definition": {"RoleArn": "r", "S3Url": "s3://b/k", "Format": "PARQUET"},
                "ShinyNewField": [1, 2],
            },
        )
    )
    job = await client.jobs.get_import("a1", "j1")
    assert job.job_status == "ARCHIVED_BY_2027_FEATURE"
    assert job.definition.format == "PARQUET"
    assert job.model_extra == {"ShinyNewField": [1, 2]}


async def test_query_parameters_are_checked_by_the_sdk_since_botocore_validation_is_off(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    from botocore.validate import ParamValidationDecorator

    raw = await _aiobotocore_client(client)
    # botocore wraps its serializer in a validating decorator when validation is on.
    assert not isinstance(raw._serializer, ParamValidationDecorator)
    route = respx_mock.route().mock(return_value=httpx.Response(202, json={"Message": "ok"}))
    bad_version: Any = 5
    with pytest.raises(PinpointValidationError, match="version"):
        await client.templates.email.delete("welcome", version=bad_version)
    missing: Any = None
    with pytest.raises(PinpointValidationError, match="tag_keys"):
        await client.tags.remove("arn:aws:mobiletargeting:us-east-1:1:apps/a1", tag_keys=missing)
    assert route.call_count == 0


def test_a_request_model_changed_after_it_was_built_is_validated_again() -> None:
    from pydantic import ValidationError

    request = CreateApplicationRequest(name="shop")
    bad: Any = ["not", "a", "name"]
    with pytest.raises(ValidationError, match="name"):
        request.name = bad
    assert request.to_params() == {"Name": "shop"}


# -- closing with calls in flight ------------------------------------------------------------


@pytest.mark.slow  # the fake holds each read 3 s, and its server waits for them to stop
async def test_close_ends_reads_in_flight_at_once_without_retrying_them() -> None:
    fake = FakePinpoint()
    created = fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": "closing"}})
    assert created is not None
    fake.faults.add_latency(3.0, operation="GetApp")
    async with FakePinpointServer(fake) as server:
        client = PinpointClient(
            **CREDENTIALS, endpoint_url=server.url, session=SESSION, retry_policy=FAST_RETRIES
        )
        reads = [asyncio.ensure_future(client.apps.get(created["Id"])) for _ in range(5)]
        await eventually(lambda: len(fake.calls("GetApp")) == 5, "the five reads to arrive")
        await client.close()
        outcomes = await asyncio.gather(*reads, return_exceptions=True)
    # Each read ended with the close, not with the server's answer (3 s later, a success).
    for outcome in outcomes:
        assert isinstance(outcome, ClientClosedError), repr(outcome)
        assert outcome.request_sent and outcome.attempts == 1
        assert "closed while the call was in flight" in str(outcome)
    assert len(fake.calls("GetApp")) == 5, "nothing was retried after close()"


async def test_close_ends_a_call_waiting_to_retry_at_once(
    respx_mock: respx.MockRouter, retry_waits: RetryWaits
) -> None:
    route = respx_mock.get(url__regex=r".*/v1/apps/a1$").mock(
        return_value=error_response(429, "TooManyRequestsException", **{"Retry-After": "20"})
    )
    retry_waits.hold()
    client = PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=RetryPolicy(max_retry_after=30),
    )
    call = asyncio.ensure_future(client.apps.get("a1"))
    await asyncio.wait_for(retry_waits.started.wait(), 30)  # bounds a broken test only
    await client.close()
    # The 20 s backoff ends with the close: the call is over without any timer firing.
    await settles()
    assert call.done()
    with pytest.raises(ClientClosedError) as raised:
        await call
    assert retry_waits.delays == [20.0]
    assert route.call_count == 1 and raised.value.attempts == 1
    assert isinstance(raised.value.__cause__, TooManyRequestsException)


# -- request_sent on every error -------------------------------------------------------------


async def _reset_after_reading() -> asyncio.Server:
    """A server that reads the request, then resets the connection (TCP RST) unanswered."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def test_a_reset_after_sending_says_the_service_may_have_acted() -> None:
    server = await _reset_after_reading()
    port = server.sockets[0].getsockname()[1]
    try:
        async with PinpointClient(
            **CREDENTIALS,
            endpoint_url=f"http://127.0.0.1:{port}",
            session=SESSION,
            retry_policy=FAST_RETRIES,
        ) as client:
            with pytest.raises(APIConnectionError) as raised:
                await client.apps.delete("a1")  # idempotent: retried, then the last reset
    finally:
        server.close()
        await server.wait_closed()
    error = raised.value
    assert error.request_sent and error.attempts == 3
    assert "Could not connect" not in str(error)
    assert "after the request was sent; the service may have acted on it" in str(error)


@pytest.mark.parametrize(
    ("answer", "expected", "sent"),
    [
        (error_response(404, "NotFoundException"), NotFoundException, True),
        (error_response(400, "BadRequestException"), PinpointError, True),
        (error_response(429, "TooManyRequestsException"), TooManyRequestsException, True),
        (error_response(503, "ServiceUnavailable"), APIStatusError, True),
        (httpx.Response(200, text="<html>portal</html>"), APIResponseValidationError, True),
        (httpx.ConnectError("refused"), APIConnectionError, False),
        (httpx.ReadError("reset"), APIConnectionError, True),
    ],
    ids=["404", "400", "429", "503", "bad-body", "refused", "reset"],
)
async def test_every_error_of_a_call_says_whether_the_request_may_have_reached_the_service(
    client: PinpointClient,
    respx_mock: respx.MockRouter,
    answer: Any,
    expected: type[PinpointError],
    sent: bool,
) -> None:
    route = respx_mock.get(url__regex=r".*/v1/apps/a1$")
    if isinstance(answer, Exception):
        route.mock(side_effect=answer)
    else:
        route.mock(return_value=answer)
    with pytest.raises(expected) as raised:
        await client.with_options(max_retries=0).apps.get("a1")
    assert raised.value.request_sent is sent


async def test_errors_raised_before_sending_say_nothing_was_sent(
    respx_mock: respx.MockRouter,
) -> None:
    route = respx_mock.route().mock(return_value=httpx.Response(200, json=APP))
    client = PinpointClient(
        **CREDENTIALS, session=SESSION, config=AioConfig(http_session_cls=HttpxSession)
    )
    with pytest.raises(PinpointValidationError) as invalid:
        await client.apps.get("")
    await client.close()
    with pytest.raises(ClientClosedError) as closed:
        await client.apps.get("a1")
    for error in (invalid.value, closed.value):
        assert error.request_sent is False and error.attempts == 0
    assert route.call_count == 0


def test_a_with_options_copy_has_every_attribute_of_a_client_and_shares_its_connection() -> None:
    client = PinpointClient(region_name="us-east-1")
    copy = client.with_options(timeout=2, max_retries=0)
    single = client._one_attempt_per_call()

    assert set(vars(copy)) == set(vars(single)) == set(vars(client))
    assert copy._connection is single._connection is client._connection
    assert copy._retrier.budget is client._retrier.budget
    assert (copy.timeout.attempt, copy.retry_policy.max_retries) == (2.0, 0)
    assert repr(copy) == repr(client)
