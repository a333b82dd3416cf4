"""The journey and segment fixtures (``tests/fixtures/``) against the fake, through aiobotocore.

Every fixture journey and segment is created, read back with the request's fields intact,
and every journey walks DRAFT → ACTIVE → PAUSED → ACTIVE → CANCELLED; forbidden transitions
fail with the service's errors.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError
from pinpoint_fake_support import error_of, inprocess_client, load_example
from support.examples import JOURNEYS, SEGMENTS

from pinpoint_sdk.testing import FakePinpoint


def _examples(prefix: str) -> list[Path]:
    return sorted((JOURNEYS if prefix == "journey" else SEGMENTS).glob("*.json"))


def _plain(value: Any) -> Any:
    """botocore's parsed response with timestamps back in the ISO form the examples use."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@pytest.fixture
async def app() -> AsyncIterator[tuple[Any, str, FakePinpoint]]:
    fake = FakePinpoint()
    async with inprocess_client(fake) as client:
        created = await client.create_app(CreateApplicationRequest={"Name": "examples"})
        yield client, created["ApplicationResponse"]["Id"], fake


def test_the_examples_are_there() -> None:
    assert len(_examples("journey")) >= 5 and len(_examples("segment")) >= 3


@pytest.mark.parametrize("path", _examples("segment"), ids=lambda p: p.stem)
async def test_segment_example_round_trips(app: tuple[Any, str, FakePinpoint], path: Path) -> None:
    client, app_id, _ = app
    request = load_example(path)
    created = (await client.create_segment(ApplicationId=app_id, WriteSegmentRequest=request))[
        "SegmentResponse"
    ]
    fetched = _plain(
        (await client.get_segment(ApplicationId=app_id, SegmentId=created["Id"]))["SegmentResponse"]
    )
    assert {key: fetched[key] for key in request} == request
    assert (fetched["SegmentType"], fetched["Version"]) == ("DIMENSIONAL", 1)


@pytest.mark.parametrize("path", _examples("journey"), ids=lambda p: p.stem)
async def test_journey_example_round_trips_and_walks_its_lifecycle(
    app: tuple[Any, str, FakePinpoint], path: Path
) -> None:
    client, app_id, fake = app
    request = load_example(path)
    created = (await client.create_journey(ApplicationId=app_id, WriteJourneyRequest=request))[
        "JourneyResponse"
    ]
    journey_id = created["Id"]
    fetched = _plain(
        (await client.get_journey(ApplicationId=app_id, JourneyId=journey_id))["JourneyResponse"]
    )
    assert {key: fetched[key] for key in request} == request

    if request["State"] == "DRAFT":
        published = await client.update_journey(
            ApplicationId=app_id,
            JourneyId=journey_id,
            WriteJourneyRequest={**request, "State": "ACTIVE"},
        )
        assert published["JourneyResponse"]["State"] == "ACTIVE"
    runs = (await client.get_journey_runs(ApplicationId=app_id, JourneyId=journey_id))[
        "JourneyRunsResponse"
    ]["Item"]
    assert [run["Status"] for run in runs] == ["RUNNING"]

    async def set_state(state: str) -> str:
        response = await client.update_journey_state(
            ApplicationId=app_id, JourneyId=journey_id, JourneyStateRequest={"State": state}
        )
        return str(response["JourneyResponse"]["State"])

    if "RefreshFrequency" in request:
        assert await set_state("PAUSED") == "PAUSED"
        assert await set_state("ACTIVE") == "ACTIVE"
    else:
        # The service pauses only journeys with a segment refresh interval.
        with pytest.raises(ClientError) as refused:
            await set_state("PAUSED")
        assert error_of(refused.value)[:2] == (400, "BadRequestException")
        assert "refresh interval" in error_of(refused.value)[2]
    assert await set_state("CANCELLED") == "CANCELLED"

    with pytest.raises(ClientError) as final:
        await set_state("ACTIVE")
    assert error_of(final.value)[:2] == (409, "ConflictException")
    runs = (await client.get_journey_runs(ApplicationId=app_id, JourneyId=journey_id))[
        "JourneyRunsResponse"
    ]["Item"]
    assert runs[0]["Status"] == "CANCELLED"
    assert len(fake.calls("UpdateJourneyState")) >= 2


async def test_inline_segment_conditions_travel_as_segmentDimensions(
    app: tuple[Any, str, FakePinpoint],
) -> None:
    client, app_id, fake = app
    request = load_example(JOURNEYS / "holiday-sale.json")
    await client.create_journey(ApplicationId=app_id, WriteJourneyRequest=request)
    # The fake decoded the wire key ``segmentDimensions`` back to the member name.
    branches = fake.calls("CreateJourney")[0].params["WriteJourneyRequest"]["Activities"][  # type: ignore[index]
        "whoSplit"
    ]["MultiCondition"]["Branches"]
    assert "SegmentDimensions" in branches[1]["Condition"]


async def _expect(awaitable: Any, status: int, code: str) -> str:
    with pytest.raises(ClientError) as raised:
        await awaitable
    got_status, got_code, message = error_of(raised.value)
    assert (got_status, got_code) == (status, code), message
    return message


async def test_forbidden_journey_transitions(app: tuple[Any, str, FakePinpoint]) -> None:
    client, app_id, _ = app
    request = load_example(JOURNEYS / "onboarding.json")
    for state in ("PAUSED", "CANCELLED", "COMPLETED", "CLOSED"):
        message = await _expect(
            client.create_journey(
                ApplicationId=app_id, WriteJourneyRequest={**request, "State": state}
            ),
            400,
            "BadRequestException",
        )
        assert "State" in message
    draft = (await client.create_journey(ApplicationId=app_id, WriteJourneyRequest=request))[
        "JourneyResponse"
    ]["Id"]

    def set_state(state: str) -> Any:
        return client.update_journey_state(
            ApplicationId=app_id, JourneyId=draft, JourneyStateRequest={"State": state}
        )

    # A draft is published with UpdateJourney, not UpdateJourneyState.
    await _expect(set_state("ACTIVE"), 409, "ConflictException")
    await _expect(set_state("PAUSED"), 409, "ConflictException")
    message = await _expect(set_state("DRAFT"), 400, "BadRequestException")
    assert "ACTIVE, PAUSED, and CANCELLED" in message

    await client.update_journey(
        ApplicationId=app_id, JourneyId=draft, WriteJourneyRequest={**request, "State": "ACTIVE"}
    )
    back_to_draft = {**request, "State": "DRAFT"}
    await _expect(
        client.update_journey(
            ApplicationId=app_id, JourneyId=draft, WriteJourneyRequest=back_to_draft
        ),
        409,
        "ConflictException",
    )
    changed = copy.deepcopy(request)
    changed["State"] = "ACTIVE"
    del changed["Activities"]["reminderSms"]["SMS"]["MessageConfig"]
    await _expect(
        client.update_journey(ApplicationId=app_id, JourneyId=draft, WriteJourneyRequest=changed),
        409,
        "ConflictException",
    )
    # Settings other than the activities may still change while active.
    renamed = await client.update_journey(
        ApplicationId=app_id,
        JourneyId=draft,
        WriteJourneyRequest={**request, "State": "ACTIVE", "Name": "onboarding-v2"},
    )
    assert renamed["JourneyResponse"]["Name"] == "onboarding-v2"

    assert (await set_state("CANCELLED"))["JourneyResponse"]["State"] == "CANCELLED"
    await _expect(
        client.update_journey(
            ApplicationId=app_id, JourneyId=draft, WriteJourneyRequest={"Name": "again"}
        ),
        409,
        "ConflictException",
    )
    await _expect(set_state("PAUSED"), 409, "ConflictException")
