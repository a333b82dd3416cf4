"""One fake, several regions: each region has its own state, and ARNs name the request's region."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import httpx
import pytest
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from botocore.exceptions import ClientError
from pinpoint_fake_support import NO_RETRIES, SESSION, error_of

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer, ServiceError, WireRequest

KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
SMS = {"SMSMessage": {"Body": "hi", "MessageType": "TRANSACTIONAL"}}


@pytest.fixture
def server() -> Iterator[FakePinpointServer]:
    with FakePinpointServer(FakePinpoint()) as running:
        yield running


def _create_app(client: Any, name: str) -> dict[str, Any]:
    created: dict[str, Any] = client.create_app(CreateApplicationRequest={"Name": name})[
        "ApplicationResponse"
    ]
    return created


def test_boto3_clients_of_two_regions_see_their_own_arns_and_state(
    server: FakePinpointServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One client finds the fake through the standard variable, the other by endpoint_url.
    monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT", server.url)
    ireland = boto3.client("pinpoint", region_name="eu-west-1", **KEYS)
    virginia = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url, **KEYS)
    try:
        dublin = _create_app(ireland, "dublin")
        boston = _create_app(virginia, "boston")
        assert dublin["Arn"].startswith("arn:aws:mobiletargeting:eu-west-1:123456789012:apps/")
        assert boston["Arn"].startswith("arn:aws:mobiletargeting:us-east-1:123456789012:apps/")
        # An app created in eu-west-1 is not found from us-east-1, as in AWS.
        with pytest.raises(ClientError) as raised:
            virginia.get_app(ApplicationId=dublin["Id"])
        assert error_of(raised.value) == (404, "NotFoundException", "Application not found")
        assert (
            ireland.get_app(ApplicationId=dublin["Id"])["ApplicationResponse"]["Name"] == "dublin"
        )
        listed = {
            region: [a["Name"] for a in client.get_apps()["ApplicationsResponse"]["Item"]]
            for region, client in (("eu-west-1", ireland), ("us-east-1", virginia))
        }
        assert listed == {"eu-west-1": ["dublin"], "us-east-1": ["boston"]}
        # Child resources and templates name the region too.
        segment = ireland.create_segment(
            ApplicationId=dublin["Id"], WriteSegmentRequest={"Name": "vip"}
        )["SegmentResponse"]
        assert segment["Arn"].startswith("arn:aws:mobiletargeting:eu-west-1:")
        template = ireland.create_sms_template(
            TemplateName="hello", SMSTemplateRequest={"Body": "Hi"}
        )["CreateTemplateMessageBody"]
        assert template["Arn"].startswith("arn:aws:mobiletargeting:eu-west-1:")
        assert virginia.list_templates()["TemplatesResponse"]["Item"] == []
    finally:
        ireland.close()
        virginia.close()
    assert server.fake.regions == ["eu-west-1", "us-east-1"]
    assert {r.region for r in server.fake.calls("CreateApp")} == {"eu-west-1", "us-east-1"}


async def test_in_process_every_regional_endpoint_reaches_the_fake() -> None:
    fake = FakePinpoint()
    config = AioConfig(http_session_cls=HttpxSession, retries=NO_RETRIES)
    with fake.mock():
        async with (
            SESSION.create_client("pinpoint", "ap-southeast-2", config=config, **KEYS) as sydney,
            SESSION.create_client("pinpoint", "us-west-2", config=config, **KEYS) as oregon,
        ):
            app = (await sydney.create_app(CreateApplicationRequest={"Name": "syd"}))[
                "ApplicationResponse"
            ]
            assert ":ap-southeast-2:" in app["Arn"]
            with pytest.raises(ClientError) as raised:
                await oregon.get_app(ApplicationId=app["Id"])
            assert error_of(raised.value)[2] == "Application not found"
            await sydney.send_messages(
                ApplicationId=app["Id"],
                MessageRequest={
                    "Addresses": {"+61491570006": {"ChannelType": "SMS"}},
                    "MessageConfiguration": SMS,
                },
            )
    [message] = fake.outbox
    assert (message.region, message.address) == ("ap-southeast-2", "+61491570006")


def test_unsigned_requests_use_the_default_region() -> None:
    fake = FakePinpoint(region="eu-central-1")
    with FakePinpointServer(fake) as other:
        created = httpx.post(f"{other.url}/v1/apps", json={"Name": "unsigned"}).json()
    assert ":eu-central-1:" in created["Arn"]
    assert fake.invoke("GetApp", {"ApplicationId": created["Id"]}) is not None
    assert fake.requests[0].region == "eu-central-1"


def test_a_presigned_request_names_its_region_in_the_query() -> None:
    fake = FakePinpoint()
    scope = "AKIDEXAMPLE/20260101/sa-east-1/mobiletargeting/aws4_request"
    outcome = fake.handle(
        WireRequest.from_url(
            "POST",
            f"/v1/apps?X-Amz-Credential={scope.replace('/', '%2F')}&X-Amz-Signature=abc",
            body=b'{"Name": "presigned"}',
        )
    )
    assert outcome.response is not None
    body = outcome.response.json()
    assert isinstance(body, dict) and ":sa-east-1:" in body["Arn"]


@pytest.mark.parametrize(
    "authorization",
    [
        "AWS4-HMAC-SHA256 Credential=AKID/20260101/../../x/aws4_request, Signature=1",
        "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/mobiletargeting, Signature=1",
        "Bearer something",
    ],
)
def test_a_scope_the_fake_cannot_read_falls_back_to_the_default_region(authorization: str) -> None:
    fake = FakePinpoint(region="ca-central-1")
    outcome = fake.handle(
        WireRequest.from_url(
            "POST", "/v1/apps", headers={"Authorization": authorization}, body=b'{"Name": "x"}'
        )
    )
    assert outcome.response is not None
    body = outcome.response.json()
    assert isinstance(body, dict) and ":ca-central-1:" in body["Arn"]


def test_invoke_seed_and_reset_by_region() -> None:
    fake = FakePinpoint(seed={"apps": [{"Id": "a" * 32, "Name": "home"}]})
    fake.seed({"apps": [{"Id": "b" * 32, "Name": "away"}]}, region="eu-west-1")
    away = fake.invoke("GetApp", {"ApplicationId": "b" * 32}, region="eu-west-1")
    assert away is not None and ":eu-west-1:" in away["Arn"]
    fake.invoke(
        "SendMessages",
        {
            "ApplicationId": "b" * 32,
            "MessageRequest": {
                "Addresses": {"+447700900123": {"ChannelType": "SMS"}},
                "MessageConfiguration": SMS,
            },
        },
        region="eu-west-1",
    )
    fake.faults.throttle(times=None)
    assert fake.regions == ["eu-west-1", "us-east-1"]

    fake.reset(region="eu-west-1")

    assert fake.regions == ["us-east-1"]
    assert len(fake.outbox) == 0
    assert fake.invoke("GetApp", {"ApplicationId": "a" * 32}) is not None
    with pytest.raises(ServiceError, match="Application not found"):
        fake.invoke("GetApp", {"ApplicationId": "b" * 32}, region="eu-west-1")
    # Fault rules belong to no region: a regional reset keeps them, a full reset does not.
    assert fake.faults.decide("GetApp")[0] is not None
    fake.reset()
    assert fake.regions == [] and fake.faults.decide("GetApp")[0] is None
