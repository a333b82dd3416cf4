"""The quickstart (the main job): the live path first, then the engagement features; its
transcript, its clean-up, and its other targets."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.demo import Recipients, main, quickstart
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer


def test_the_main_job_opens_with_the_live_path_and_runs_against_the_embedded_fake() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pinpoint_sdk.demo"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    transcript = run.stdout
    assert "against the embedded local fake at http://127.0.0.1:" in transcript
    labels = ["app", "send", "otp", "validate", "segment", "template", "journey", "campaigns"]
    labels += ["list", "export", "outbox", "cleanup"]
    positions = [transcript.index(f"\n{label:<11}") for label in labels]
    assert positions == sorted(positions), "the steps run in this order: the live path first"
    live = transcript.index("What still runs on AWS")
    engagement = transcript.index("Engagement features (AWS end of support: 2026-10-30)")
    assert live < transcript.index("\nsend ") < engagement < transcript.index("\nsegment ")
    for line in (
        "send       GCM to fake-device-token-for-the-quickstart: SUCCESSFUL",
        "           SMS to +12065550123: SUCCESSFUL",
        "           EMAIL to ada@example.com: SUCCESSFUL",
        "verify: a wrong code -> valid=False; the code received -> valid=True",
        "validate   +12065550123: MOBILE",
        "2 campaigns in 2 pages of 1: welcome-blast, weekly-digest",
        "resend: Email QuickstartWelcome",  # the journey's diagram
        "1 segments, 2 campaigns, 1 journeys, 1 templates",
        "- SMS to +12065550123: a one-time password",
        "cleanup    deleted campaign weekly-digest",
        "NotFoundException 404",
    ):
        assert line in transcript, line
    assert run.stderr == ""


async def test_the_flow_sends_verifies_validates_and_deletes_everything_it_created(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    lines: list[str] = []
    to = Recipients(
        email="grace@example.com",
        phone="+14255550177",
        push_token="device-token-of-grace",
        origination_number="+14255550100",
    )

    result = await quickstart(
        pinpoint_client, recipients=to, outbox=pinpoint_fake.outbox, echo=lines.append
    )

    assert result.error is None
    assert (result.otp_verified, result.phone_type) == (True, "MOBILE")
    direct = [m for m in pinpoint_fake.outbox if m.operation == "SendMessages"]
    assert {(m.channel, m.address) for m in direct} == {
        ("GCM", "device-token-of-grace"),
        ("SMS", "+14255550177"),
        ("EMAIL", "grace@example.com"),
    }
    assert sorted(result.sent_message_ids) == sorted(m.message_id for m in direct)
    [otp] = [m for m in pinpoint_fake.outbox if m.otp]
    assert (otp.channel, otp.address, otp.message) == (
        "SMS",
        "+14255550177",
        {"BrandName": "Quickstart Shop", "OriginationIdentity": "+14255550100"},
    )
    assert not any(otp.otp in line for line in lines)  # the code itself is never printed
    assert len(pinpoint_fake.calls("VerifyOTPMessage")) == 2  # a wrong code, then the right one
    assert sorted(result.deleted) == sorted(result.created) and len(result.created) == 6
    assert result.exported is not None and not result.exported.exists()
    assert [app async for app in pinpoint_client.apps.list()] == []
    assert [template async for template in pinpoint_client.templates.list()] == []


async def test_a_failing_step_is_reported_and_what_was_made_is_deleted(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    pinpoint_fake.faults.fail(500, times=None, operation="CreateJourney")
    lines: list[str] = []

    result = await quickstart(pinpoint_client, recipients=Recipients(), echo=lines.append)

    assert result.error is not None
    assert any(line.startswith("stopped    InternalServerErrorException") for line in lines)
    assert result.deleted == ["template", "segment", "app"]
    assert pinpoint_fake.outbox.messages == []  # no address given: nothing was sent
    assert "send       skipped: pass --phone, --to or --push-token to send" in lines


def test_another_endpoint_sends_only_to_the_addresses_given_and_has_no_outbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    fake = FakePinpoint()
    with FakePinpointServer(fake) as server:
        url = server.url
        status = main(["--endpoint-url", url, "--region", "us-east-1", "--phone", "+14255550188"])

    transcript = capsys.readouterr().out
    assert status == 0
    assert f"against {url}" in transcript
    assert "send       SMS to +14255550188: SUCCESSFUL" in transcript
    assert "otp        skipped: pass --phone and --origination-number" in transcript
    assert "validate   +14255550188: MOBILE" in transcript
    assert "outbox     none to show" in transcript
    assert len(fake.calls("CreateCampaign")) == 2
    assert [(m.channel, m.address) for m in fake.outbox] == [("SMS", "+14255550188")]


def test_a_missing_region_is_explained_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")

    status = main(["--endpoint-url", "http://127.0.0.1:9"])

    assert status == 2
    assert "You must specify a region" in capsys.readouterr().err
