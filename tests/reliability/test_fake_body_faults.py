"""The fake's body faults and latency jitter, in process (the fault matrix covers HTTP)."""

from __future__ import annotations

import pytest
from reliability_support import SEED, get_campaign, inprocess_client, send_sms

from pinpoint_sdk import APIConnectionError, APIResponseValidationError, APIStatusError
from pinpoint_sdk.testing import FakePinpoint


@pytest.mark.parametrize(
    ("kind", "status", "error"),
    [
        ("malformed", None, APIResponseValidationError),
        ("truncated", None, APIResponseValidationError),
        ("empty", None, APIResponseValidationError),
        ("html", 503, APIStatusError),
        ("incomplete", None, APIConnectionError),
    ],
)
async def test_body_faults_in_process_act_once_and_are_labelled(
    kind: str, status: int | None, error: type[Exception]
) -> None:
    fake = FakePinpoint(SEED)
    fake.faults.corrupt_body(kind, status=status, operation="SendMessages")  # type: ignore[arg-type]
    async with inprocess_client(fake) as client:
        with pytest.raises(error):
            await send_sms(client)
        await send_sms(client)  # the rule was used up
    first, second = fake.calls("SendMessages")
    label = f"corrupt {kind}" + (f" {status}" if status else "") + " after acting"
    assert (first.fault, first.acted, second.fault) == (label, True, None)
    assert first.status == (status or 200)
    assert len(fake.outbox) == 2


async def test_an_incomplete_body_is_retried_for_reads_in_process() -> None:
    fake = FakePinpoint(SEED)
    fake.faults.corrupt_body("incomplete", operation="GetCampaign")
    async with inprocess_client(fake) as client:
        await get_campaign(client)
    assert len(fake.calls("GetCampaign")) == 2


def test_body_fault_arguments_are_checked() -> None:
    faults = FakePinpoint().faults
    with pytest.raises(ValueError, match="kind"):
        faults.corrupt_body("gzip")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a status"):
        faults.corrupt_body("malformed", after_acting=False)
    with pytest.raises(ValueError, match="HTTP status"):
        faults.corrupt_body("html", status=999)
    with pytest.raises(ValueError, match="corrupt_body"):
        faults.randomly(0.5, kind="corrupt")


def test_latency_jitter_is_seeded_and_bounded() -> None:
    def delays(seed: int) -> list[float]:
        fake = FakePinpoint()
        fake.faults.add_latency(0.01, jitter=0.02, seed=seed)
        return [fake.faults.decide("GetApps")[1] for _ in range(100)]

    assert delays(3) == delays(3) != delays(4)
    assert all(0.01 <= d <= 0.03 for d in delays(3))
    assert max(delays(3)) - min(delays(3)) > 0.01
