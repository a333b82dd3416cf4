"""The journey and segment fixtures of ``tests/fixtures/`` are valid requests: botocore's
parameter check passes, and the builders' rules find no error (only the warnings a fixture is
meant to show)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import botocore.session
import pytest
from botocore.validate import ParamValidator
from support.examples import journey, journey_names, segment, segment_names

from pinpoint_sdk.builders import validate_journey, validate_segment

SERVICE = botocore.session.get_session().get_service_model("pinpoint")
NOW = datetime(2027, 1, 1, tzinfo=timezone.utc)


def test_there_are_five_journeys_and_three_segments() -> None:
    assert journey_names() == [
        "cart-reminder",
        "holiday-sale",
        "onboarding",
        "price-update",
        "win-back",
    ]
    assert segment_names() == ["active-app-users", "from-base-segments", "near-store-or-new"]


def _param_errors(operation: str, params: dict[str, Any]) -> str:
    shape = SERVICE.operation_model(operation).input_shape
    report = ParamValidator().validate(params, shape)
    return report.generate_report() if report.has_errors() else ""


@pytest.mark.parametrize("name", journey_names())
def test_each_journey_is_a_valid_create_journey_request(name: str) -> None:
    body = journey(name)

    assert _param_errors("CreateJourney", {"ApplicationId": "a", "WriteJourneyRequest": body}) == ""
    assert [p for p in validate_journey(body, now=NOW) if p.severity == "error"] == []


@pytest.mark.parametrize("name", segment_names())
def test_each_segment_is_a_valid_create_segment_request(name: str) -> None:
    body = segment(name)

    assert _param_errors("CreateSegment", {"ApplicationId": "a", "WriteSegmentRequest": body}) == ""
    assert validate_segment(body) == []
