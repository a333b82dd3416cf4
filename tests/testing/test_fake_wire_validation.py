"""The wire protocol at the byte level: validation errors, error bodies, routing, status codes.

Raw requests go through ``fake.httpx_transport()`` (no sockets), since botocore's own
parameter validation would stop most malformed requests before they reach the fake.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from botocore.exceptions import ClientError
from pinpoint_fake_support import CREDENTIALS, NO_RETRIES, SESSION, error_of

from pinpoint_sdk.testing import FakePinpoint, WireRequest
from pinpoint_sdk.testing._handlers import HANDLERS

BASE = "https://pinpoint.us-east-1.amazonaws.com"


@pytest.fixture
async def raw() -> AsyncIterator[tuple[httpx.AsyncClient, FakePinpoint, str]]:
    fake = FakePinpoint()
    app = fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": "wire"}})
    assert app is not None
    async with httpx.AsyncClient(transport=fake.httpx_transport(), base_url=BASE) as client:
        yield client, fake, app["Id"]


def _journey(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Name": "j",
        "StartActivity": "a",
        "Activities": {"a": {"SMS": {"MessageConfig": {"MessageType": "PROMOTIONAL"}}}},
        "Limits": {"DailyCap": 2},
    }
    body.update(changes)
    return body


async def _error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["X-Amzn-ErrorType"] == code
    body = response.json()
    assert body["RequestID"] == response.headers["x-amzn-RequestId"]
    return str(body["Message"])


async def test_missing_required_field_is_a_400_naming_it(raw: Any) -> None:
    client, _, _ = raw
    message = await _error(await client.post("/v1/apps", json={}), 400, "BadRequestException")
    assert "'Name'" in message and "Missing required field" in message


async def test_missing_nested_required_field_names_its_path(raw: Any) -> None:
    client, _, app_id = raw
    body = _journey(Activities={"hold": {"Holdout": {"NextActivity": "x"}}})
    response = await client.post(f"/v1/apps/{app_id}/journeys", json=body)
    message = await _error(response, 400, "BadRequestException")
    assert "'Activities.hold.Holdout.Percentage'" in message


async def test_wrong_type_is_a_400_naming_the_field(raw: Any) -> None:
    client, _, app_id = raw
    response = await client.post(
        f"/v1/apps/{app_id}/journeys", json=_journey(Limits={"DailyCap": "2"})
    )
    message = await _error(response, 400, "BadRequestException")
    assert "'Limits.DailyCap'" in message and "integer" in message
    response = await client.post(f"/v1/apps/{app_id}/journeys", json=_journey(LocalTime="yes"))
    assert "'LocalTime'" in await _error(response, 400, "BadRequestException")
    response = await client.post(f"/v1/apps/{app_id}/journeys", json=_journey(Activities=[]))
    assert "'Activities'" in await _error(response, 400, "BadRequestException")


async def test_unknown_enum_value_through_aiobotocore_is_a_400_naming_the_field() -> None:
    # botocore does not check enums, so this one reaches the fake from a real client.
    fake = FakePinpoint()
    config = AioConfig(http_session_cls=HttpxSession, retries=NO_RETRIES)
    with fake.mock():
        async with SESSION.create_client("pinpoint", config=config, **CREDENTIALS) as client:
            app = await client.create_app(CreateApplicationRequest={"Name": "enums"})
            body = _journey(Activities={"a": {"SMS": {"MessageConfig": {"MessageType": "LOUD"}}}})
            with pytest.raises(ClientError) as raised:
                await client.create_journey(
                    ApplicationId=app["ApplicationResponse"]["Id"], WriteJourneyRequest=body
                )
    status, code, message = error_of(raised.value)
    assert (status, code) == (400, "BadRequestException")
    assert "'Activities.a.SMS.MessageConfig.MessageType'" in message and "'LOUD'" in message
    assert fake.calls("CreateJourney")[0].acted is False


async def test_missing_required_member_with_botocore_validation_off() -> None:
    fake = FakePinpoint()
    config = AioConfig(
        http_session_cls=HttpxSession, parameter_validation=False, retries=NO_RETRIES
    )
    with fake.mock():
        async with SESSION.create_client("pinpoint", config=config, **CREDENTIALS) as client:
            app = await client.create_app(CreateApplicationRequest={"Name": "v"})
            with pytest.raises(ClientError) as raised:
                await client.send_otp_message(
                    ApplicationId=app["ApplicationResponse"]["Id"],
                    SendOTPMessageRequestParameters={"BrandName": "b", "Channel": "SMS"},
                )
    status, _, message = error_of(raised.value)
    assert status == 400 and "'DestinationIdentity'" in message


async def test_invalid_json_and_invalid_query_parameter(raw: Any) -> None:
    client, _, app_id = raw
    response = await client.post("/v1/apps", content=b"{not json")
    assert "not valid JSON" in await _error(response, 400, "BadRequestException")
    response = await client.get(f"/v1/apps/{app_id}/campaigns", params={"page-size": "lots"})
    assert "'page-size'" in await _error(response, 400, "BadRequestException")
    response = await client.put(
        "/v1/templates/t/email", params={"create-new-version": "maybe"}, json={}
    )
    assert "'create-new-version'" in await _error(response, 400, "BadRequestException")


async def test_unknown_path_and_wrong_method(raw: Any) -> None:
    client, _, app_id = raw
    assert "/v1/nothing" in await _error(await client.get("/v1/nothing"), 404, "NotFoundException")
    await _error(await client.patch(f"/v1/apps/{app_id}"), 405, "MethodNotAllowedException")


async def test_every_operation_is_implemented_and_a_missing_handler_answers_501(
    raw: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, fake, _ = raw
    assert len(fake.implemented_operations) == 122
    # A botocore release may add operations before the fake handles them: those answer 501.
    monkeypatch.delitem(HANDLERS, "PhoneNumberValidate")
    response = await client.post("/v1/phone/number/validate", json={"PhoneNumber": "+1206"})
    message = await _error(response, 501, "NotImplementedException")
    assert message == "FakePinpoint does not implement PhoneNumberValidate"
    assert "PhoneNumberValidate" not in fake.implemented_operations


async def test_status_codes_and_bodies_follow_the_model(raw: Any) -> None:
    client, _, app_id = raw
    job = await client.post(
        f"/v1/apps/{app_id}/jobs/export",
        json={"RoleArn": "arn:aws:iam::1:role/r", "S3UrlPrefix": "s3://b/p"},
    )
    assert job.status_code == 202 and job.json()["JobStatus"] == "CREATED"
    arn = f"arn:aws:mobiletargeting:us-east-1:123456789012:apps/{app_id}"
    tagged = await client.post(f"/v1/tags/{arn.replace('/', '%2F')}", json={"tags": {"k": "v"}})
    assert (tagged.status_code, tagged.content) == (204, b"")
    assert tagged.headers["x-amzn-RequestId"]
    listed = await client.get(f"/v1/tags/{arn.replace('/', '%2F').replace(':', '%3A')}")
    assert listed.json() == {"tags": {"k": "v"}}


async def test_renamed_members_use_their_wire_names_both_ways(raw: Any) -> None:
    client, _, app_id = raw
    condition_on_wire = {"segmentDimensions": {"Demographic": {"Platform": {"Values": ["ios"]}}}}
    body = _journey(
        Activities={
            "split": {
                "MultiCondition": {"Branches": [{"Condition": condition_on_wire}]},
            }
        }
    )
    created = await client.post(f"/v1/apps/{app_id}/journeys", json=body)
    assert created.status_code == 201
    journey_id = created.json()["Id"]
    fetched = (await client.get(f"/v1/apps/{app_id}/journeys/{journey_id}")).json()
    branch = fetched["Activities"]["split"]["MultiCondition"]["Branches"][0]
    assert branch["Condition"] == condition_on_wire
    assert "SegmentDimensions" not in json.dumps(fetched)


def test_handle_answers_a_plain_wire_request_without_any_transport() -> None:
    fake = FakePinpoint()
    created = fake.handle(
        WireRequest.from_url("POST", f"{BASE}/v1/apps", body=b'{"Name": "direct"}')
    )
    assert created.response is not None and created.response.status == 201
    body = created.response.json()
    assert isinstance(body, dict) and body["Name"] == "direct"
    listed = fake.handle(WireRequest.from_url("GET", "/v1/apps?page-size=1"))
    assert listed.response is not None
    assert listed.response.json() == {"Item": [body]}
    assert [r.operation for r in fake.requests] == ["CreateApp", "GetApps"]
