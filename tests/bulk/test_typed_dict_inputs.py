"""The bulk helpers take dicts wherever they take a model (issue 12), in either spelling.

A dict is validated as it is read, so the requests are the same as with models, outcomes
hold models, and an invalid dict names its field before its chunk is sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import acted_ids

from pinpoint_sdk import PinpointClient, PinpointValidationError
from pinpoint_sdk.models import EndpointBatchItem, EndpointSendConfiguration, EventsBatch
from pinpoint_sdk.params import EndpointBatchItemParam, EndpointBatchItemWireParam
from pinpoint_sdk.testing import FakePinpoint


def _mixed_endpoints(count: int) -> Iterator[Any]:
    """Models, snake_case dicts and boto3-spelled dicts, in turn."""
    for n in range(count):
        address = f"user{n}@example.com"
        if n % 3 == 0:
            yield EndpointBatchItem(id=f"e{n}", address=address, channel_type="EMAIL")
        elif n % 3 == 1:
            snake: EndpointBatchItemParam = {"id": f"e{n}", "address": address}
            snake["channel_type"] = "EMAIL"
            yield snake
        else:
            wire: EndpointBatchItemWireParam = {
                "Id": f"e{n}",
                "Address": address,
                "ChannelType": "EMAIL",
            }
            yield wire


async def test_upsert_many_sends_dict_items_as_models_would_be_sent(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    result = await pinpoint_client.endpoints.upsert_many(app_id, _mixed_endpoints(250))

    assert result.ok and result.succeeded == 250 and result.requests == 3
    assert acted_ids(pinpoint_fake) == [f"e{n}" for n in range(250)]
    sent = pinpoint_fake.calls("UpdateEndpointsBatch")[1].params
    assert sent is not None
    assert sent["EndpointBatchRequest"]["Item"][0] == {
        "Id": "e100",
        "Address": "user100@example.com",
        "ChannelType": "EMAIL",
    }


async def test_outcomes_of_dict_items_hold_models(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.fail(503, times=3, operation="UpdateEndpointsBatch")
    result = await pinpoint_client.endpoints.upsert_many(
        app_id, [{"id": "a", "channel_type": "EMAIL"}, {"Id": "b", "ChannelType": "SMS"}]
    )

    assert [failure.item for failure in result.failures] == [
        EndpointBatchItem(id="a", channel_type="EMAIL"),
        EndpointBatchItem(id="b", channel_type="SMS"),
    ]


async def test_an_invalid_dict_item_names_its_field_and_its_chunk_is_never_sent(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    items: list[Any] = [{"id": "a"}, {"id": "b", "channel_type": "EMIAL"}]

    with pytest.raises(PinpointValidationError, match=r"channel_type|ChannelType"):
        await pinpoint_client.endpoints.upsert_many(app_id, items)
    assert pinpoint_fake.calls("UpdateEndpointsBatch") == []


async def test_put_many_takes_event_batches_as_dicts(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    at = "2026-11-22T10:00:00Z"
    model = EventsBatch.model_validate(
        {
            "endpoint": {"channel_type": "EMAIL"},
            "events": {"o1": {"event_type": "buy", "timestamp": at}},
        }
    )
    snake = {
        "endpoint": {"channel_type": "EMAIL"},
        "events": {"o2": {"event_type": "buy", "timestamp": at}},
    }
    wire = {
        "Endpoint": {"ChannelType": "SMS"},
        "Events": {"o3": {"EventType": "buy", "Timestamp": at}},
    }
    result = await pinpoint_client.events.put_many(
        app_id, [("e1", model), ("e2", snake), ("e3", wire)]
    )

    assert result.ok and result.succeeded == 3
    [call] = pinpoint_fake.calls("PutEvents")
    assert call.params is not None
    batches = call.params["EventsRequest"]["BatchItem"]
    assert batches["e3"] == wire
    assert batches["e2"] == {
        "Endpoint": {"ChannelType": "EMAIL"},
        "Events": {"o2": {"EventType": "buy", "Timestamp": at}},
    }


async def test_send_many_takes_its_message_and_recipient_configurations_as_dicts(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    result = await pinpoint_client.messages.send_many(
        app_id,
        addresses=[
            ("a@example.com", {"channel_type": "EMAIL"}),
            ("b@example.com", {"ChannelType": "EMAIL", "Substitutions": {"name": ["Bo"]}}),
        ],
        message_configuration={"DefaultMessage": {"Body": "hello"}},
        context={"campaign": "spring"},
    )

    assert result.ok and result.succeeded == 2
    assert sorted(message.address or "" for message in pinpoint_fake.outbox) == [
        "a@example.com",
        "b@example.com",
    ]
    [call] = pinpoint_fake.calls("SendMessages")
    assert call.params is not None
    request = call.params["MessageRequest"]
    assert request["MessageConfiguration"] == {"DefaultMessage": {"Body": "hello"}}
    assert request["Addresses"]["b@example.com"]["Substitutions"] == {"name": ["Bo"]}


async def test_send_many_refuses_an_invalid_message_dict_before_reading_recipients(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    read: list[str] = []

    def recipients() -> Iterator[tuple[str, EndpointSendConfiguration]]:
        read.append("started")
        yield "e1", EndpointSendConfiguration()

    bad: Any = {"default_message": {"bdy": "hello"}}
    with pytest.raises(PinpointValidationError, match="bdy"):
        pinpoint_client.messages.send_many(
            app_id, endpoints=recipients(), message_configuration=bad
        )
    assert read == [] and pinpoint_fake.calls("SendMessages") == []
