"""Bad input to the builders: problems that name the field, never a crash from deep inside.

The builders take wire dicts as well as models (``validate_journey``, ``validate_segment``,
``JourneyBuilder.from_request``, ``SegmentBuilder.from_request``, ``Dimensions.from_model``).
Hypothesis spoils one member of a full, valid-by-schema dict at any depth; every entry point
must then report that member: as a ``Problem`` (validators), a ``BuildError`` (builders) or
a ``pydantic.ValidationError`` (a model), and the fluent methods refuse values of the wrong
type at ``build()`` with the field named.
"""

from __future__ import annotations

from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import spoil
from support.shapes import sample, service_model

from codegen.service import attribute_name
from pinpoint_sdk.builders import (
    BuildError,
    Dimensions,
    JourneyBuilder,
    SegmentBuilder,
    validate_journey,
    validate_segment,
)

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _spoiled(shape_name: str, data: st.DataObject) -> tuple[dict[str, Any], str]:
    shape = service_model().shape_for(shape_name)
    value: dict[str, Any] = sample(shape)
    spot = spoil(data.draw, shape, value)  # type: ignore[arg-type]
    return value, spot.member


def _names(member: str) -> tuple[str, str]:
    return member, attribute_name(member)


def _mentions(text: str, member: str) -> bool:
    return any(name in text for name in _names(member))


@FUZZ
@given(data=st.data())
def test_validate_journey_reports_the_spoiled_member(data: st.DataObject) -> None:
    request, member = _spoiled("WriteJourneyRequest", data)
    problems = validate_journey(request)
    errors = [p for p in problems if p.severity == "error"]
    assert any(_mentions(p.where, member) for p in errors), problems


@FUZZ
@given(data=st.data())
def test_journey_builder_from_request_raises_build_error_naming_the_member(
    data: st.DataObject,
) -> None:
    request, member = _spoiled("WriteJourneyRequest", data)
    with pytest.raises(BuildError) as raised:
        JourneyBuilder.from_request(request)
    assert _mentions(str(raised.value), member), str(raised.value)


@FUZZ
@given(data=st.data())
def test_validate_segment_reports_the_spoiled_member(data: st.DataObject) -> None:
    request, member = _spoiled("WriteSegmentRequest", data)
    problems = validate_segment(request)
    errors = [p for p in problems if p.severity == "error"]
    assert any(_mentions(p.where, member) for p in errors), problems


@FUZZ
@given(data=st.data())
def test_segment_builder_from_request_raises_build_error_naming_the_member(
    data: st.DataObject,
) -> None:
    request, member = _spoiled("WriteSegmentRequest", data)
    with pytest.raises(BuildError) as raised:
        SegmentBuilder.from_request(request)
    assert _mentions(str(raised.value), member), str(raised.value)


@FUZZ
@given(data=st.data())
def test_dimensions_from_a_spoiled_dict_name_the_member(data: st.DataObject) -> None:
    dimensions, member = _spoiled("SegmentDimensions", data)
    with pytest.raises((pydantic.ValidationError, BuildError)) as raised:
        Dimensions.from_model(dimensions)
    assert _mentions(str(raised.value), member), str(raised.value)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: JourneyBuilder([]).build(), "name"),  # type: ignore[arg-type]
        (lambda: JourneyBuilder("j").limits(daily_cap="lots").build(), "daily_cap"),  # type: ignore[arg-type]
        (lambda: JourneyBuilder("j").schedule(start="tomorrow").build(), "start_time"),  # type: ignore[arg-type]
    ],
    ids=["journey-name", "journey-daily-cap", "journey-schedule-start"],
)
def test_fluent_setters_with_wrong_types_name_the_field(build: Any, field: str) -> None:
    with pytest.raises((pydantic.ValidationError, BuildError)) as raised:
        build()
    assert field in str(raised.value)
