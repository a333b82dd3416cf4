"""The fake's error texts: the service's wording where known, one table for all of them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from pinpoint_fake_support import CREDENTIALS, error_of

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer
from pinpoint_sdk.testing._errors import MESSAGES

PACKAGE = Path(__file__).resolve().parents[2] / "pinpoint_sdk" / "testing"


@pytest.fixture
def pinpoint() -> Iterator[tuple[Any, FakePinpoint]]:
    fake = FakePinpoint()
    with FakePinpointServer(fake) as server:
        client = boto3.client(
            "pinpoint",
            endpoint_url=server.url,
            config=Config(retries={"total_max_attempts": 1}),
            **CREDENTIALS,
        )
        try:
            yield client, fake
        finally:
            client.close()


def _error(call: Any) -> tuple[int, str, str, str]:
    with pytest.raises(ClientError) as raised:
        call()
    return (*error_of(raised.value), raised.value.response["ResponseMetadata"]["RequestId"])


def test_a_deleted_app_is_not_found_in_the_services_words(pinpoint: Any) -> None:
    client, fake = pinpoint
    app_id = client.create_app(CreateApplicationRequest={"Name": "gone"})["ApplicationResponse"][
        "Id"
    ]
    client.delete_app(ApplicationId=app_id)
    status, code, message, request_id = _error(lambda: client.get_app(ApplicationId=app_id))
    assert (status, code, message) == (404, "NotFoundException", "Application not found")
    # The request id travels on its own, and it is the one the fake recorded.
    assert request_id == fake.requests[-1].request_id
    assert request_id not in message
    # Every operation under the app says the same.
    assert _error(lambda: client.get_segments(ApplicationId=app_id))[2] == "Application not found"


def test_a_deleted_event_stream_is_a_resource_not_found(pinpoint: Any) -> None:
    client, _ = pinpoint
    app_id = client.create_app(CreateApplicationRequest={"Name": "s"})["ApplicationResponse"]["Id"]
    stream = {"DestinationStreamArn": "arn:aws:kinesis:us-east-1:1:stream/s", "RoleArn": "arn:r"}
    client.put_event_stream(ApplicationId=app_id, WriteEventStream=stream)
    client.delete_event_stream(ApplicationId=app_id)
    for call in (client.get_event_stream, client.delete_event_stream):
        status, code, message, _ = _error(lambda call=call: call(ApplicationId=app_id))
        assert (status, code, message) == (404, "NotFoundException", "Resource not found")


def test_conflicts_name_the_state_not_the_id(pinpoint: Any) -> None:
    client, _ = pinpoint
    app_id = client.create_app(CreateApplicationRequest={"Name": "j"})["ApplicationResponse"]["Id"]
    journey = client.create_journey(
        ApplicationId=app_id, WriteJourneyRequest={"Name": "j", "State": "ACTIVE"}
    )["JourneyResponse"]
    client.update_journey_state(
        ApplicationId=app_id, JourneyId=journey["Id"], JourneyStateRequest={"State": "CANCELLED"}
    )
    status, code, message, _ = _error(
        lambda: client.update_journey(
            ApplicationId=app_id, JourneyId=journey["Id"], WriteJourneyRequest={"Name": "k"}
        )
    )
    assert (status, code, message) == (
        409,
        "ConflictException",
        "Journey is CANCELLED and can't be updated",
    )


def _fake_sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}


def test_every_not_found_and_conflict_comes_from_the_table() -> None:
    sources = _fake_sources()
    for path, source in sources.items():
        if path.name == "_errors.py":
            continue
        # No message built in place: errors come from _errors.py's helpers and table.
        assert "ServiceError(" not in source, path
        for call in re.findall(r"(?:not_found|conflict)\((?!\")", source):
            pytest.fail(f"{path.name}: {call} without a table key")
    users = "\n".join(source for path, source in sources.items() if path.name != "_errors.py")
    unused = [key for key in MESSAGES if f'"{key}"' not in users]
    assert unused == [], "rows of MESSAGES that nothing raises"
