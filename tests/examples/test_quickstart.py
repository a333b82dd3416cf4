"""The quickstart (the main job): its transcript, its clean-up, and its other targets."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.demo import main, quickstart
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer


def test_the_main_job_runs_the_whole_flow_against_the_embedded_fake() -> None:
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
    for label in ("app", "segment", "template", "journey", "campaigns", "list", "send", "outbox"):
        assert f"\n{label:<11}" in transcript, label
    assert "2 campaigns in 2 pages of 1: welcome-blast, weekly-digest" in transcript
    assert "resend: Email QuickstartWelcome" in transcript  # the journey's diagram
    assert "- EMAIL to ada@example.com: template QuickstartWelcome, FirstName=Ada" in transcript
    assert "cleanup    deleted campaign weekly-digest" in transcript
    assert "NotFoundException 404" in transcript
    assert run.stderr == ""


async def test_the_flow_deletes_everything_it_created(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    lines: list[str] = []

    result = await quickstart(
        pinpoint_client, send_to="grace@example.com", outbox=pinpoint_fake.outbox, echo=lines.append
    )

    assert result.error is None
    assert sorted(result.deleted) == sorted(result.created) and len(result.created) == 6
    assert [app async for app in pinpoint_client.apps.list()] == []
    assert [template async for template in pinpoint_client.templates.list()] == []
    [message] = pinpoint_fake.outbox.to("grace@example.com")
    assert message.channel == "EMAIL"
    assert result.sent_message_ids == [message.message_id]


async def test_a_failing_step_is_reported_and_what_was_made_is_deleted(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    pinpoint_fake.faults.fail(500, times=None, operation="CreateJourney")
    lines: list[str] = []

    result = await quickstart(pinpoint_client, send_to=None, echo=lines.append)

    assert result.error is not None
    assert any(line.startswith("stopped    InternalServerErrorException") for line in lines)
    assert result.deleted == ["template", "segment", "app"]
    assert pinpoint_fake.outbox.messages == []


def test_another_endpoint_gets_the_same_flow_but_no_outbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    fake = FakePinpoint()
    with FakePinpointServer(fake) as server:
        url = server.url
        status = main(["--endpoint-url", url, "--region", "us-east-1"])

    transcript = capsys.readouterr().out
    assert status == 0
    assert f"against {url}" in transcript
    assert "send       skipped: pass --to ADDRESS" in transcript
    assert "outbox     none to show" in transcript
    assert len(fake.calls("CreateCampaign")) == 2
    assert fake.outbox.messages == []


def test_a_missing_region_is_explained_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")

    status = main(["--endpoint-url", "http://127.0.0.1:9"])

    assert status == 2
    assert "You must specify a region" in capsys.readouterr().err
