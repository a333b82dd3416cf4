"""SendMessages, SendUsersMessages and OTPs: replies per recipient, and the outbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from botocore.exceptions import ClientError
from pinpoint_fake_support import error_of, inprocess_client

from pinpoint_sdk.testing import FakePinpoint

EMAIL = {
    "EmailMessage": {"FromAddress": "shop@example.com", "SimpleEmail": {"Subject": {"Data": "Hi"}}}
}


@pytest.fixture
async def setup() -> AsyncIterator[tuple[Any, FakePinpoint, str]]:
    fake = FakePinpoint()
    async with inprocess_client(fake) as client:
        app = await client.create_app(CreateApplicationRequest={"Name": "messages"})
        app_id = app["ApplicationResponse"]["Id"]
        await client.update_endpoints_batch(
            ApplicationId=app_id,
            EndpointBatchRequest={
                "Item": [
                    {
                        "Id": "e-mail",
                        "ChannelType": "EMAIL",
                        "Address": "ann@example.com",
                        "User": {"UserId": "ann"},
                    },
                    {
                        "Id": "e-sms",
                        "ChannelType": "SMS",
                        "Address": "+12065550100",
                        "User": {"UserId": "ann"},
                    },
                    {
                        "Id": "e-out",
                        "ChannelType": "EMAIL",
                        "Address": "bob@example.com",
                        "OptOut": "ALL",
                        "User": {"UserId": "bob"},
                    },
                ]
            },
        )
        yield client, fake, app_id


async def test_send_to_addresses_and_endpoints_fills_the_outbox(setup: Any) -> None:
    client, fake, app_id = setup
    response = (
        await client.send_messages(
            ApplicationId=app_id,
            MessageRequest={
                "Addresses": {
                    "cat@example.com": {
                        "ChannelType": "EMAIL",
                        "Substitutions": {"name": ["Cat"]},
                    }
                },
                "Endpoints": {"e-mail": {}, "e-out": {}, "missing": {}},
                "MessageConfiguration": EMAIL,
            },
        )
    )["MessageResponse"]
    result = response["Result"]["cat@example.com"]
    assert (result["DeliveryStatus"], result["StatusCode"]) == ("SUCCESSFUL", 200)
    endpoint_results = response["EndpointResult"]
    assert endpoint_results["e-mail"]["Address"] == "ann@example.com"
    assert endpoint_results["e-out"]["DeliveryStatus"] == "OPT_OUT"
    assert endpoint_results["missing"]["DeliveryStatus"] == "PERMANENT_FAILURE"

    assert [m.address for m in fake.outbox] == ["cat@example.com", "ann@example.com"]
    to_cat = fake.outbox.to("cat@example.com")[0]
    assert to_cat.message_id == result["MessageId"]
    assert (to_cat.channel, to_cat.application_id, to_cat.operation) == (
        "EMAIL",
        app_id,
        "SendMessages",
    )
    assert to_cat.message == EMAIL["EmailMessage"]
    assert to_cat.recipient_config == {"ChannelType": "EMAIL", "Substitutions": {"name": ["Cat"]}}
    assert to_cat.timestamp.endswith("Z") and to_cat.request_id == response["RequestId"]
    assert fake.outbox[1].endpoint_id == "e-mail"
    assert fake.outbox.for_channel("SMS") == []


async def test_send_users_messages_reaches_every_endpoint_of_each_user(setup: Any) -> None:
    client, fake, app_id = setup
    response = (
        await client.send_users_messages(
            ApplicationId=app_id,
            SendUsersMessageRequest={
                "Users": {"ann": {}, "nobody": {}},
                "MessageConfiguration": {**EMAIL, "SMSMessage": {"Body": "Hi"}},
            },
        )
    )["SendUsersMessageResponse"]
    assert set(response["Result"]["ann"]) == {"e-mail", "e-sms"}
    assert response["Result"]["nobody"] == {}
    assert sorted((m.channel, m.user_id) for m in fake.outbox) == [
        ("EMAIL", "ann"),
        ("SMS", "ann"),
    ]
    assert fake.outbox.for_channel("SMS")[0].message == {"Body": "Hi"}


async def test_a_channel_without_message_fails_that_recipient_only(setup: Any) -> None:
    client, fake, app_id = setup
    response = (
        await client.send_messages(
            ApplicationId=app_id,
            MessageRequest={
                "Addresses": {
                    "+12065550111": {"ChannelType": "SMS"},
                    "d@example.com": {"ChannelType": "EMAIL"},
                },
                "MessageConfiguration": EMAIL,
            },
        )
    )["MessageResponse"]["Result"]
    assert response["+12065550111"]["DeliveryStatus"] == "PERMANENT_FAILURE"
    assert response["d@example.com"]["DeliveryStatus"] == "SUCCESSFUL"
    assert len(fake.outbox) == 1


async def test_sending_with_an_unknown_template_is_a_404(setup: Any) -> None:
    client, fake, app_id = setup
    with pytest.raises(ClientError) as raised:
        await client.send_messages(
            ApplicationId=app_id,
            MessageRequest={
                "Addresses": {"a@example.com": {"ChannelType": "EMAIL"}},
                "MessageConfiguration": {},
                "TemplateConfiguration": {"EmailTemplate": {"Name": "Nope"}},
            },
        )
    assert error_of(raised.value)[:2] == (404, "NotFoundException")
    assert len(fake.outbox) == 0


async def test_otp_send_then_verify(setup: Any) -> None:
    client, fake, app_id = setup
    sent = await client.send_otp_message(
        ApplicationId=app_id,
        SendOTPMessageRequestParameters={
            "BrandName": "Shop",
            "Channel": "SMS",
            "DestinationIdentity": "+12065550100",
            "OriginationIdentity": "+12065550199",
            "ReferenceId": "login-1",
            "CodeLength": 7,
        },
    )
    (otp_message,) = fake.outbox.to("+12065550100")
    assert otp_message.otp is not None and len(otp_message.otp) == 7
    assert sent["MessageResponse"]["Result"]["+12065550100"]["MessageId"] == otp_message.message_id

    async def verify(code: str, reference: str = "login-1") -> bool:
        response = await client.verify_otp_message(
            ApplicationId=app_id,
            VerifyOTPMessageRequestParameters={
                "DestinationIdentity": "+12065550100",
                "Otp": code,
                "ReferenceId": reference,
            },
        )
        return bool(response["VerificationResponse"]["Valid"])

    wrong = "0000000" if otp_message.otp != "0000000" else "1111111"
    assert await verify(wrong) is False
    assert await verify(otp_message.otp, reference="other") is False
    assert await verify(otp_message.otp) is True
    assert await verify(otp_message.otp) is False  # a code is good once


async def test_otp_is_void_after_the_allowed_attempts(setup: Any) -> None:
    client, fake, app_id = setup
    await client.send_otp_message(
        ApplicationId=app_id,
        SendOTPMessageRequestParameters={
            "BrandName": "Shop",
            "Channel": "SMS",
            "DestinationIdentity": "+1",
            "OriginationIdentity": "+2",
            "ReferenceId": "r",
            "AllowedAttempts": 1,
        },
    )
    code = fake.outbox[0].otp
    assert code is not None
    wrong = str((int(code) + 1) % 10**6).zfill(6)
    params = {"DestinationIdentity": "+1", "ReferenceId": "r"}
    first = await client.verify_otp_message(
        ApplicationId=app_id, VerifyOTPMessageRequestParameters={**params, "Otp": wrong}
    )
    second = await client.verify_otp_message(
        ApplicationId=app_id, VerifyOTPMessageRequestParameters={**params, "Otp": code}
    )
    assert (first["VerificationResponse"]["Valid"], second["VerificationResponse"]["Valid"]) == (
        False,
        False,
    )
