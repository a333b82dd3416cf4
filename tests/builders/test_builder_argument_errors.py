"""Untyped callers who pass the wrong kind of argument get an error naming it, not a crash."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_sdk import PinpointValidationError
from pinpoint_sdk.builders import (
    Dimensions,
    Group,
    JourneyBuilder,
    SegmentBuilder,
    validate_segment,
)


def test_a_metric_value_must_be_a_number() -> None:
    metric: Any = Dimensions().metric("ordersLast90d")
    with pytest.raises(PinpointValidationError, match="ordersLast90d"):
        metric.greater_than("big")
    with pytest.raises(PinpointValidationError, match="ordersLast90d"):
        metric.at_least(True)


def test_segment_criteria_must_be_dimensions() -> None:
    builder: Any = SegmentBuilder("s")
    with pytest.raises(PinpointValidationError, match=r"SegmentBuilder\.where"):
        builder.where("plan=gold")
    group: Any = Group()
    with pytest.raises(PinpointValidationError, match=r"Group\.where"):
        group.where({"plan": "gold"})


def test_a_segment_name_must_be_a_string() -> None:
    name: Any = 123
    with pytest.raises(PinpointValidationError, match="name"):
        SegmentBuilder(name)


def test_validate_segment_reports_a_request_of_the_wrong_kind() -> None:
    request: Any = 42
    (problem,) = validate_segment(request)
    assert "WriteSegmentRequest" in problem.message and problem.severity == "error"


def test_the_start_activity_must_be_a_step_or_an_id() -> None:
    builder: Any = JourneyBuilder("j")
    with pytest.raises(PinpointValidationError, match="start_with"):
        builder.start_with(5)
