"""Seeding the fake from an export folder: the same configuration, under the same ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from pinpoint_fake_support import CREDENTIALS, SESSION

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.export import compare_exports, export_application
from pinpoint_sdk.testing import FakePinpoint

APP_ID = "e" * 32
SEGMENT_ID = "5" * 32
SEED = {
    "apps": [
        {
            "Id": APP_ID,
            "Name": "exported",
            "tags": {"team": "growth"},
            "settings": {"QuietTime": {"Start": "22:00", "End": "07:00"}},
            "segments": [{"Id": SEGMENT_ID, "Name": "vip"}],
            "campaigns": [
                {
                    "Id": "c" * 32,
                    "Name": "spring",
                    "SegmentId": SEGMENT_ID,
                    "Schedule": {"StartTime": "IMMEDIATE"},
                }
            ],
            "journeys": [
                {"Id": "1" * 32, "Name": "draft", "State": "DRAFT"},
                {"Id": "2" * 32, "Name": "stopped", "State": "CANCELLED"},
            ],
            "channels": {"sms": {"Enabled": True, "SenderId": "Shop"}},
            "event_stream": {
                "DestinationStreamArn": "arn:aws:kinesis:us-east-1:1:stream/s",
                "RoleArn": "arn:aws:iam::1:role/r",
            },
        }
    ],
    "templates": [{"TemplateName": "welcome", "TemplateType": "SMS", "Body": "Hi"}],
    "recommenders": [
        {
            "Id": "9" * 32,
            "Name": "picks",
            "RecommendationProviderRoleArn": "arn:aws:iam::1:role/p",
            "RecommendationProviderUri": "arn:aws:personalize:us-east-1:1:campaign/p",
        }
    ],
}


async def _export(fake: FakePinpoint, directory: Path, region: str = "us-east-1") -> None:
    config = AioConfig(http_session_cls=HttpxSession)
    settings = {**CREDENTIALS, "region_name": region}
    with fake.mock():
        async with PinpointClient(**settings, session=SESSION, config=config) as client:
            await export_application(client, APP_ID, directory)


async def test_an_export_seeds_the_same_configuration_under_the_same_ids(tmp_path: Path) -> None:
    await _export(FakePinpoint(seed=SEED), tmp_path / "original")

    copy = FakePinpoint()
    assert copy.seed_from_export(tmp_path / "original", region="eu-west-1") == APP_ID

    app = copy.invoke("GetApp", {"ApplicationId": APP_ID}, region="eu-west-1")
    assert app is not None and app["tags"] == {"team": "growth"}
    assert ":eu-west-1:" in app["Arn"]
    journey = copy.invoke(
        "GetJourney", {"ApplicationId": APP_ID, "JourneyId": "2" * 32}, region="eu-west-1"
    )
    assert journey is not None and journey["State"] == "CANCELLED"
    await _export(copy, tmp_path / "copy", region="eu-west-1")
    assert compare_exports(tmp_path / "original", tmp_path / "copy") == []
    manifests = [
        json.loads((tmp_path / name / "manifest.json").read_text()) for name in ("original", "copy")
    ]
    ids = [
        sorted(entry["Id"] for kind in ("segments", "campaigns", "journeys") for entry in m[kind])
        for m in manifests
    ]
    assert ids[0] == ids[1]


async def test_existing_templates_are_kept_and_a_non_export_is_refused(tmp_path: Path) -> None:
    await _export(FakePinpoint(seed=SEED), tmp_path / "export")
    fake = FakePinpoint(
        seed={"templates": [{"TemplateName": "welcome", "TemplateType": "SMS", "Body": "Mine"}]}
    )
    fake.seed_from_export(tmp_path / "export")
    template = fake.invoke("GetSmsTemplate", {"TemplateName": "welcome"})
    assert template is not None and template["Body"] == "Mine"
    with pytest.raises(ValueError, match="not an export folder"):
        fake.seed_from_export(tmp_path)
