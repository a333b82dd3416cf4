"""Waiters: import/export jobs, journey states, live campaigns: success, failure, timeout."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from support.examples import journey

from pinpoint_sdk import PinpointClient, PinpointValidationError
from pinpoint_sdk.models import Format, ImportJobResponse, JobStatus, State
from pinpoint_sdk.progress import ProgressUpdate
from pinpoint_sdk.testing import FakePinpoint
from pinpoint_sdk.waiters import (
    JobFailedError,
    UnexpectedStateError,
    WaiterError,
    WaiterTimeoutError,
)

FAST: dict[str, Any] = {"poll": 0.001, "max_poll": 0.005}


async def _import_job(client: PinpointClient, app_id: str) -> ImportJobResponse:
    return await client.jobs.create_import(
        app_id,
        s3_url="s3://bucket/endpoints.csv",
        role_arn="arn:aws:iam::123456789012:role/import",
        format=Format.CSV,
        define_segment=True,
        segment_name="imported",
    )


async def test_wait_for_import_returns_the_completed_job_and_reports_progress(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    job = await _import_job(pinpoint_client, app_id)
    updates: list[ProgressUpdate] = []

    done = await pinpoint_client.jobs.wait_for_import(
        app_id, job.id, progress=updates.append, **FAST
    )

    assert done.job_status == JobStatus.COMPLETED and done.id == job.id
    assert [u.status for u in updates] == ["INITIALIZING", "PROCESSING", "COMPLETED"]
    assert updates[-1].finished and (updates[-1].done, updates[-1].total) == (1, 1)
    assert len(pinpoint_fake.calls("GetImportJob")) == 3


async def test_wait_for_export_returns_the_completed_job(
    pinpoint_client: PinpointClient, app_id: str
) -> None:
    job = await pinpoint_client.jobs.create_export(
        app_id, s3_url_prefix="s3://bucket/out/", role_arn="arn:aws:iam::123456789012:role/x"
    )
    done = await pinpoint_client.jobs.wait_for_export(app_id, job.id, **FAST)
    assert done.job_status == JobStatus.COMPLETED


def _failed(job: ImportJobResponse, failures: list[str]) -> ImportJobResponse:
    # The fake's jobs always complete; the service's FAILED job looks like this.
    wire = job.model_dump(by_alias=True, exclude_none=True)
    wire.update(
        JobStatus="FAILED",
        Failures=failures,
        TotalFailures=len(failures),
        FailedPieces=1,
        TotalPieces=2,
    )
    return ImportJobResponse.model_validate(wire)


async def test_a_failed_job_raises_with_its_failure_reasons(
    pinpoint_client: PinpointClient, app_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = await _import_job(pinpoint_client, app_id)
    reasons = [f"row {n}: invalid ChannelType" for n in range(7)]
    answers = iter([job, _failed(job, reasons)])

    async def get_import(application_id: str, job_id: str) -> ImportJobResponse:
        return next(answers)

    monkeypatch.setattr(pinpoint_client.jobs, "get_import", get_import)
    with pytest.raises(JobFailedError) as raised:
        await pinpoint_client.jobs.wait_for_import(app_id, job.id, **FAST)

    error = raised.value
    assert error.failures == reasons and error.failure_count == 7
    assert isinstance(error.job, ImportJobResponse)
    assert "7 failures" in str(error) and "row 0: invalid ChannelType" in str(error)
    assert "(and 2 more)" in str(error)


async def test_a_job_that_never_finishes_times_out_with_the_last_answer(
    pinpoint_client: PinpointClient, app_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = await _import_job(pinpoint_client, app_id)
    calls = 0

    async def get_import(application_id: str, job_id: str) -> ImportJobResponse:
        nonlocal calls
        calls += 1
        return job  # CREATED, for ever

    monkeypatch.setattr(pinpoint_client.jobs, "get_import", get_import)
    with pytest.raises(WaiterTimeoutError) as raised:
        await pinpoint_client.jobs.wait_for_import(app_id, job.id, timeout=0.05, **FAST)

    assert isinstance(raised.value, TimeoutError) and isinstance(raised.value, WaiterError)
    assert raised.value.last is job and raised.value.elapsed >= 0.05
    assert calls > 3


async def test_polling_options_are_checked_before_any_call(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    with pytest.raises(PinpointValidationError):
        await pinpoint_client.jobs.wait_for_import("a", "j", poll=0)
    assert not pinpoint_fake.requests


def _journey_example() -> dict[str, Any]:
    return journey("onboarding")


async def test_wait_for_state_returns_when_the_journey_gets_there(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    journey = pinpoint_fake.invoke(
        "CreateJourney", {"ApplicationId": app_id, "WriteJourneyRequest": _journey_example()}
    )
    assert journey is not None

    async def publish_soon() -> None:
        await asyncio.sleep(0.02)
        await pinpoint_client.journeys.activate(app_id, journey["Id"])

    publisher = asyncio.ensure_future(publish_soon())
    active = await pinpoint_client.journeys.wait_for_state(
        app_id, journey["Id"], State.ACTIVE, poll=0.005, max_poll=0.01
    )
    await publisher
    assert active.state == State.ACTIVE
    assert len(pinpoint_fake.calls("GetJourney")) >= 2


async def test_wait_for_state_fails_at_once_on_a_final_state(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    journey = pinpoint_fake.invoke(
        "CreateJourney", {"ApplicationId": app_id, "WriteJourneyRequest": _journey_example()}
    )
    assert journey is not None
    await pinpoint_client.journeys.activate(app_id, journey["Id"])
    await pinpoint_client.journeys.cancel(app_id, journey["Id"])

    with pytest.raises(UnexpectedStateError) as raised:
        await pinpoint_client.journeys.wait_for_state(app_id, journey["Id"], ["PAUSED"], **FAST)
    assert raised.value.state == "CANCELLED"
    assert len(pinpoint_fake.calls("GetJourney")) == 3  # activate, cancel, one poll


async def test_wait_for_state_times_out(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    journey = pinpoint_fake.invoke(
        "CreateJourney", {"ApplicationId": app_id, "WriteJourneyRequest": _journey_example()}
    )
    assert journey is not None
    with pytest.raises(WaiterTimeoutError):
        await pinpoint_client.journeys.wait_for_state(
            app_id, journey["Id"], "ACTIVE", timeout=0.03, **FAST
        )


def _campaign(fake: FakePinpoint, app_id: str, **extra: Any) -> str:
    segment = fake.invoke(
        "CreateSegment", {"ApplicationId": app_id, "WriteSegmentRequest": {"Name": "all"}}
    )
    assert segment is not None
    campaign = fake.invoke(
        "CreateCampaign",
        {
            "ApplicationId": app_id,
            "WriteCampaignRequest": {
                "Name": "promo",
                "SegmentId": segment["Id"],
                "MessageConfiguration": {"DefaultMessage": {"Body": "hi"}},
                "Schedule": {"StartTime": "IMMEDIATE"},
                **extra,
            },
        },
    )
    assert campaign is not None
    return str(campaign["Id"])


async def test_wait_for_version_returns_once_that_version_is_live(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    campaign_id = _campaign(pinpoint_fake, app_id)
    live = await pinpoint_client.campaigns.wait_for_version(app_id, campaign_id, **FAST)
    assert live.version == 1

    async def update_soon() -> None:
        await asyncio.sleep(0.02)
        await pinpoint_client.campaigns.update(app_id, campaign_id, description="v2")

    updater = asyncio.ensure_future(update_soon())
    live = await pinpoint_client.campaigns.wait_for_version(
        app_id, campaign_id, 2, poll=0.005, max_poll=0.01
    )
    await updater
    assert live.version == 2 and live.description == "v2"


async def test_a_paused_campaign_is_not_live(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    campaign_id = _campaign(pinpoint_fake, app_id, IsPaused=True)
    with pytest.raises(WaiterTimeoutError) as raised:
        await pinpoint_client.campaigns.wait_for_version(app_id, campaign_id, timeout=0.03, **FAST)
    assert "PAUSED" in str(raised.value.last)


async def test_a_deleted_campaign_fails_at_once(
    pinpoint_client: PinpointClient,
    app_id: str,
    monkeypatch: pytest.MonkeyPatch,
    pinpoint_fake: FakePinpoint,
) -> None:
    campaign_id = _campaign(pinpoint_fake, app_id)
    campaign = await pinpoint_client.campaigns.get(app_id, campaign_id)
    wire = campaign.model_dump(by_alias=True, exclude_none=True)
    wire["State"] = {"CampaignStatus": "DELETED"}
    deleted = type(campaign).model_validate(wire)

    async def get(application_id: str, campaign_id: str) -> Any:
        return deleted

    monkeypatch.setattr(pinpoint_client.campaigns, "get", get)
    with pytest.raises(UnexpectedStateError, match="DELETED"):
        await pinpoint_client.campaigns.wait_for_version(app_id, campaign_id, **FAST)
