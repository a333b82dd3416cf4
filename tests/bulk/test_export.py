"""Export and import of an application's configuration, against the fake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.examples import journey, journey_names

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.__main__ import main
from pinpoint_sdk.builders import JourneyBuilder, SegmentBuilder
from pinpoint_sdk.export import compare_exports, export_application, import_application
from pinpoint_sdk.models import WriteCampaignRequest, WriteJourneyRequest
from pinpoint_sdk.progress import ProgressUpdate
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

SECRET = "gcm-api-key-that-must-never-be-written"


def _examples() -> list[dict[str, Any]]:
    return [journey(name) for name in journey_names()]


def _segment_ids(data: Any) -> set[str]:
    if isinstance(data, dict):
        found = {data["SegmentId"]} if isinstance(data.get("SegmentId"), str) else set()
        return found.union(*(_segment_ids(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_segment_ids(v) for v in data))
    return set()


def _seed(journeys: list[dict[str, Any]], *, gcm: bool = False) -> dict[str, Any]:
    # The segments the example journeys name, then more up to 250, one of them built on others.
    referenced = sorted(set().union(*(_segment_ids(j) for j in journeys)))
    ids = referenced + [f"{n:032x}" for n in range(250 - len(referenced) - 1)]
    platform = {"Demographic": {"Platform": {"DimensionType": "INCLUSIVE", "Values": ["ios"]}}}
    segments: list[dict[str, Any]] = [
        {"Id": segment_id, "Name": f"segment-{n}", "Dimensions": platform}
        for n, segment_id in enumerate(ids)
    ]
    segments.append(
        {
            "Name": "segment-group",
            "SegmentGroups": {
                "Include": "ALL",
                "Groups": [{"SourceSegments": [{"Id": ids[0]}, {"Id": ids[1]}], "Type": "ANY"}],
            },
        }
    )
    campaigns = [
        {
            "Name": f"campaign-{n}",
            "SegmentId": ids[n % len(ids)],
            "MessageConfiguration": {"EmailMessage": {"Title": f"Offer {n}", "Body": "..."}},
            "Schedule": {"StartTime": "IMMEDIATE"},
            "tags": {"team": "growth"},
        }
        for n in range(250)
    ]
    channels: dict[str, Any] = {
        "email": {
            "FromAddress": "hello@example.com",
            "Identity": "arn:aws:ses:us-east-1:123456789012:identity/example.com",
        },
        "sms": {"SenderId": "SHOP"},
        "voice": {"Enabled": True},
    }
    if gcm:
        channels["gcm"] = {"ApiKey": SECRET}
    return {
        "apps": [
            {
                "Name": "shop",
                "settings": {
                    "QuietTime": {"Start": "22:00", "End": "07:00"},
                    "CloudWatchMetricsEnabled": True,
                },
                "segments": segments,
                "campaigns": campaigns,
                "journeys": journeys,
                "channels": channels,
                "event_stream": {
                    "DestinationStreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/events",
                    "RoleArn": "arn:aws:iam::123456789012:role/stream",
                },
            }
        ],
        "templates": [
            {
                "TemplateName": "WelcomeEmail",
                "TemplateType": "EMAIL",
                "Subject": "Welcome",
                "HtmlPart": "<p>Hi {{User.Name}}</p>",
            },
            {"TemplateName": "WelcomeSms", "TemplateType": "SMS", "Body": "Welcome!"},
            {
                "TemplateName": "WelcomePush",
                "TemplateType": "PUSH",
                "Default": {"Title": "Hi", "Body": "Welcome"},
            },
            {
                "TemplateName": "WelcomeVoice",
                "TemplateType": "VOICE",
                "Body": "Welcome",
                "LanguageCode": "en-US",
                "VoiceId": "Joanna",
            },
            {
                "TemplateName": "WelcomeBanner",
                "TemplateType": "INAPP",
                "Layout": "BOTTOM_BANNER",
                "Content": [
                    {"BodyConfig": {"Alignment": "LEFT", "Body": "Welcome", "TextColor": "#000000"}}
                ],
            },
        ],
        "recommenders": [
            {
                "Name": "next-best-offer",
                "RecommendationProviderRoleArn": "arn:aws:iam::123456789012:role/personalize",
                "RecommendationProviderUri": "arn:aws:personalize:us-east-1:123456789012:campaign/offers",
            }
        ],
    }


def _app_id(fake: FakePinpoint) -> str:
    apps = fake.invoke("GetApps", {})
    assert apps is not None
    return str(apps["Item"][0]["Id"])


async def test_export_import_export_gives_the_same_configuration(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, tmp_path: Path
) -> None:
    journeys = _examples()
    pinpoint_fake.seed(_seed(journeys))
    source = _app_id(pinpoint_fake)
    updates: list[ProgressUpdate] = []

    first = await export_application(
        pinpoint_client, source, tmp_path / "first", progress=updates.append
    )
    imported = await import_application(pinpoint_client, tmp_path / "first", publish_journeys=True)
    await export_application(pinpoint_client, imported.application_id, tmp_path / "second")

    assert first.counts == {
        "segments": 250,
        "campaigns": 250,
        "journeys": 5,
        "templates": 5,
        "channels": 3,
        "event stream": 1,
        "recommenders": 1,
    }
    assert first.notes == []
    assert imported.application_id != source
    assert compare_exports(tmp_path / "first", tmp_path / "second") == []
    # Templates and recommenders belong to the account: reused, not duplicated.
    assert len([t async for t in pinpoint_client.templates.list()]) == 5
    assert len([r async for r in pinpoint_client.recommenders.list()]) == 1
    assert {u.description for u in updates if u.finished} >= {"segments", "campaigns", "templates"}
    # Every segment reference now points at a segment of the new application.
    new_segments = set(imported.id_map["segments"].values())
    for journey_id in imported.id_map["journeys"].values():
        journey = await pinpoint_client.journeys.get(imported.application_id, journey_id)
        assert _segment_ids(journey.model_dump(by_alias=True)) <= new_segments
    async for campaign in pinpoint_client.campaigns.list(imported.application_id):
        assert campaign.segment_id in new_segments


async def test_exported_files_are_request_bodies_the_builders_load(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, tmp_path: Path
) -> None:
    pinpoint_fake.seed(_seed(_examples()))
    await export_application(pinpoint_client, _app_id(pinpoint_fake), tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text())

    for entry in manifest["segments"][-3:]:
        body = json.loads((tmp_path / entry["File"]).read_text())
        assert SegmentBuilder.from_request(body).build().to_params() == body
    for entry in manifest["journeys"]:
        body = json.loads((tmp_path / entry["File"]).read_text())
        assert JourneyBuilder.from_request(body).preview() == WriteJourneyRequest.model_validate(
            body
        )
        diagram = (tmp_path / entry["Diagram"]).read_text()
        assert diagram.lstrip("-\n").startswith("title:") or "flowchart" in diagram
    campaign = json.loads((tmp_path / manifest["campaigns"][0]["File"]).read_text())
    assert WriteCampaignRequest.model_validate(campaign).name == "campaign-0"
    assert "Arn" not in campaign and "Id" not in campaign and "CreationDate" not in campaign
    assert {"Id", "Arn", "CreationDate", "File"} <= manifest["campaigns"][0].keys()


async def test_secrets_are_never_written_and_their_channel_is_skipped_on_import(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, tmp_path: Path
) -> None:
    pinpoint_fake.seed(_seed(_examples(), gcm=True))
    await export_application(pinpoint_client, _app_id(pinpoint_fake), tmp_path)

    assert all(SECRET not in path.read_text() for path in tmp_path.rglob("*") if path.is_file())
    assert json.loads((tmp_path / "channels" / "gcm.json").read_text()) == {"Enabled": True}
    imported = await import_application(pinpoint_client, tmp_path, name="copy")
    assert any("channel GCM" in note for note in imported.skipped)
    # By default journeys come back as drafts: a copy must not start messaging anyone.
    drafted = [note for note in imported.skipped if "created as DRAFT" in note]
    assert len(drafted) == sum(j.get("State") == "ACTIVE" for j in _examples()) > 0


async def test_an_existing_export_is_replaced_only_when_asked(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, tmp_path: Path
) -> None:
    pinpoint_fake.seed({"apps": [{"Name": "small", "segments": [{"Name": "one"}]}]})
    app_id = _app_id(pinpoint_fake)
    await export_application(pinpoint_client, app_id, tmp_path)
    with pytest.raises(FileExistsError):
        await export_application(pinpoint_client, app_id, tmp_path)
    (tmp_path / "segments" / "stale.json").write_text("{}")
    summary = await export_application(pinpoint_client, app_id, tmp_path, overwrite=True)
    assert summary.counts["segments"] == 1
    assert not (tmp_path / "segments" / "stale.json").exists()


@pytest.mark.slow
def test_the_command_line_exports_and_imports(
    pinpoint_fake: FakePinpoint,
    pinpoint_fake_server: FakePinpointServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    pinpoint_fake.seed(_seed(_examples()))
    connection = [
        "--region",
        "us-east-1",
        "--endpoint-url",
        pinpoint_fake_server.url,
        "--no-progress",
    ]

    assert (
        main(
            ["export", "--application-id", _app_id(pinpoint_fake), str(tmp_path / "a"), *connection]
        )
        == 0
    )
    assert (
        main(["import", str(tmp_path / "a"), "--name", "copy", "--publish-journeys", *connection])
        == 0
    )
    output = capsys.readouterr().out
    assert "250 segments" in output and "imported into" in output
    assert main(["compare", str(tmp_path / "a"), str(tmp_path / "a")]) == 0
