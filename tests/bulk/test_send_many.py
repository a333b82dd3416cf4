"""client.messages.send_many: nobody gets a message twice; unknown recipients are reported."""

from __future__ import annotations

from collections import Counter

import pytest

from pinpoint_sdk import PinpointClient, PinpointValidationError
from pinpoint_sdk.bulk import Recipient
from pinpoint_sdk.models import (
    AddressConfiguration,
    ChannelType,
    DefaultMessage,
    DirectMessageConfiguration,
    EmailMessage,
    EndpointSendConfiguration,
)
from pinpoint_sdk.testing import FakePinpoint, FaultKind

HELLO = DirectMessageConfiguration(default_message=DefaultMessage(body="hello"))


def addresses(count: int) -> list[str]:
    return [f"user{n}@example.com" for n in range(count)]


@pytest.mark.parametrize("fault", ["error", "drop"])
async def test_failures_after_the_service_acted_never_send_twice_and_are_reported_unknown(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str, fault: FaultKind
) -> None:
    pinpoint_fake.faults.randomly(
        0.3, kind=fault, status=503, after_acting=True, seed=5, operation="SendMessages"
    )
    result = await pinpoint_client.messages.send_many(
        app_id,
        addresses=addresses(2_000),
        channel_type=ChannelType.EMAIL,
        message_configuration=HELLO,
        concurrency=8,
    )

    delivered = Counter(message.address for message in pinpoint_fake.outbox)
    assert max(delivered.values()) == 1  # nobody got the message twice
    assert set(delivered) == set(addresses(2_000))  # the fault came after acting
    unknown = {o.item.id for o in result.with_status("unknown")}
    faulted = [c for c in pinpoint_fake.calls("SendMessages") if c.fault]
    assert faulted and len(unknown) == 100 * len(faulted) == result.unknown
    assert (result.succeeded, result.failed) == (2_000 - result.unknown, 0)
    assert len(pinpoint_fake.calls("SendMessages")) == result.requests == 20
    assert result.items_to_retry() == []
    assert all(o.error is not None for o in result.failures)


async def test_throttled_sends_are_resent_and_everyone_gets_exactly_one_message(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.randomly(0.2, kind="throttle", seed=2, operation="SendMessages")
    # Which chunk draws which throttle depends on how the concurrent sends interleave, which
    # depends on the machine's load: with 3 attempts a chunk, one of the 30 would fail
    # about one run in five. A batch job can afford patience.
    patient = pinpoint_client.with_options(max_retries=8)
    result = await patient.messages.send_many(
        app_id, addresses=addresses(3_000), channel_type="EMAIL", message_configuration=HELLO
    )
    assert result.ok and result.retries > 0
    assert Counter(m.address for m in pinpoint_fake.outbox) == Counter(addresses(3_000))


async def test_each_recipients_delivery_status_decides_its_outcome(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    only_email = DirectMessageConfiguration(email_message=EmailMessage(body="hi"))
    recipients = [
        ("ada@example.com", AddressConfiguration(channel_type=ChannelType.EMAIL)),
        ("+12065550100", AddressConfiguration(channel_type=ChannelType.SMS)),  # no SMS message
        ("bob@example.com", AddressConfiguration(body_override="Hi Bob")),  # channel filled in
    ]
    result = await pinpoint_client.messages.send_many(
        app_id, addresses=recipients, channel_type="EMAIL", message_configuration=only_email
    )

    assert (result.succeeded, result.failed) == (2, 1)
    (failure,) = result.failures
    assert failure.item == Recipient("address", "+12065550100", recipients[1][1])
    assert failure.index == 1 and "PERMANENT_FAILURE" in (failure.message or "")
    bob = pinpoint_fake.outbox.to("bob@example.com")[0]
    assert bob.channel == "EMAIL" and bob.recipient_config == {
        "BodyOverride": "Hi Bob",
        "ChannelType": "EMAIL",
    }


async def test_users_get_the_message_on_every_endpoint_and_a_user_without_endpoints_fails(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    for n in range(150):
        for channel, address in (("EMAIL", f"u{n}@example.com"), ("SMS", f"+1206555{n:04d}")):
            pinpoint_fake.invoke(
                "UpdateEndpoint",
                {
                    "ApplicationId": app_id,
                    "EndpointId": f"{channel}-{n}",
                    "EndpointRequest": {
                        "Address": address,
                        "ChannelType": channel,
                        "User": {"UserId": f"user-{n}"},
                    },
                },
            )
    users = [f"user-{n}" for n in range(150)] + [("ghost", EndpointSendConfiguration())]
    result = await pinpoint_client.messages.send_many(
        app_id, users=users, message_configuration=HELLO
    )

    assert (result.succeeded, result.failed, result.requests) == (150, 1, 2)
    assert result.failures[0].item.id == "ghost"
    assert result.failures[0].message == "the user has no endpoints"
    assert len(pinpoint_fake.outbox) == 300
    assert len(pinpoint_fake.calls("SendUsersMessages")) == 2


async def test_send_to_endpoint_ids(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.invoke(
        "UpdateEndpoint",
        {
            "ApplicationId": app_id,
            "EndpointId": "known",
            "EndpointRequest": {"Address": "k@example.com", "ChannelType": "EMAIL"},
        },
    )
    result = await pinpoint_client.messages.send_many(
        app_id, endpoints=["known", "unknown-endpoint"], message_configuration=HELLO
    )
    assert (result.succeeded, result.failed) == (1, 1)
    assert "404" in (result.failures[0].message or "")


async def test_a_repeated_address_is_sent_in_another_request_not_dropped(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    result = await pinpoint_client.messages.send_many(
        app_id,
        addresses=["a@example.com", "b@example.com", "a@example.com"],
        channel_type="EMAIL",
        message_configuration=HELLO,
    )
    assert (result.succeeded, result.requests) == (3, 2)
    assert len(pinpoint_fake.outbox.to("a@example.com")) == 2


def test_exactly_one_kind_of_recipient(pinpoint_client: PinpointClient) -> None:
    with pytest.raises(PinpointValidationError, match="exactly one"):
        pinpoint_client.messages.send_many(
            "app", addresses=["a"], users=["u"], message_configuration=HELLO
        )
    with pytest.raises(PinpointValidationError, match="between 1 and 100"):
        pinpoint_client.messages.send_many(
            "app", users=["u"], message_configuration=HELLO, chunk_size=101
        )


async def test_an_address_without_a_channel_stops_the_call_before_any_send(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    with pytest.raises(PinpointValidationError, match="ChannelType"):
        await pinpoint_client.messages.send_many(
            app_id, addresses=["a@example.com"], message_configuration=HELLO
        )
    assert not pinpoint_fake.calls("SendMessages")
