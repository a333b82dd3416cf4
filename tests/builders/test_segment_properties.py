"""Random valid builder programs always give requests botocore accepts, and survive a reload."""

from __future__ import annotations

import string
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

from botocore.model import Shape
from botocore.session import get_session
from botocore.validate import ParamValidator
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_sdk.builders.dimensions import COUNTRY_CODES, Dimensions, Platform
from pinpoint_sdk.builders.segments import BaseSegment, Group, SegmentBuilder
from pinpoint_sdk.models import ChannelType, Duration, Include, Type

names = st.text(string.ascii_letters + string.digits + "_-", min_size=1, max_size=20)
values = st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=4)
offsets = st.sampled_from(
    [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
)
instants = st.datetimes(
    min_value=datetime(2001, 1, 1), max_value=datetime(2099, 1, 1), timezones=offsets
)
numbers = st.floats(allow_nan=False, allow_infinity=False, width=32)


@st.composite
def dimensions(draw: st.DrawFn) -> Dimensions:
    """A Dimensions built by a random sequence of valid fluent calls."""
    built = Dimensions()
    for _ in range(draw(st.integers(0, 6))):
        step = draw(st.sampled_from(["attribute", "metric", "set", "near", "recency"]))
        if step == "attribute":
            target = draw(st.sampled_from([built.attribute, built.user_attribute]))(draw(names))
            operator = draw(st.sampled_from(["in", "not_in", "contains", "date", "between"]))
            if operator == "in":
                target.is_in(*draw(values))
            elif operator == "not_in":
                target.is_not_in(*draw(values))
            elif operator == "contains":
                target.contains(*draw(values))
            elif operator == "date":
                draw(st.sampled_from([target.before, target.after, target.on]))(draw(instants))
            else:
                target.between(draw(instants), draw(instants))
        elif step == "metric":
            metric = built.metric(draw(names))
            compare = draw(
                st.sampled_from(
                    [
                        metric.greater_than,
                        metric.less_than,
                        metric.at_least,
                        metric.at_most,
                        metric.equals,
                    ]
                )
            )
            compare(draw(numbers))
        elif step == "set":
            facet = draw(
                st.sampled_from(
                    ["app", "channel", "device", "make", "model", "platform", "country"]
                )
            )
            if facet == "channel":
                channels = draw(st.lists(st.sampled_from(ChannelType), min_size=1, max_size=3))
                built.channel().is_in(*channels)
            elif facet == "platform":
                built.platform().is_not_in(*draw(st.lists(st.sampled_from(Platform), min_size=1)))
            elif facet == "country":
                codes = draw(
                    st.lists(st.sampled_from(sorted(COUNTRY_CODES)), min_size=1, max_size=5)
                )
                built.country().is_in(*codes)
            else:
                method = {
                    "app": built.app_version,
                    "device": built.device_type,
                    "make": built.make,
                    "model": built.model,
                }[facet]
                method().is_in(*draw(values))
        elif step == "near":
            km = draw(st.none() | st.floats(min_value=0.1, max_value=20000))
            built.near(draw(st.floats(-90, 90)), draw(st.floats(-180, 180)), within_km=km)
        else:
            window = draw(st.sampled_from(Duration))
            draw(st.sampled_from([built.active_within, built.inactive_within]))(window)
    return built


@st.composite
def groups(draw: st.DrawFn) -> Group:
    """A group with random base segments (dynamic, or one imported) and criteria entries."""
    group = Group(draw(st.none() | st.sampled_from(Type)))
    ids = st.text(string.hexdigits.lower(), min_size=32, max_size=32)
    segments = st.builds(BaseSegment, ids, st.none() | st.integers(1, 50))
    sources = draw(st.sampled_from(["none", "any", "all", "none_of", "imported"]))
    if sources == "imported":
        # A distinct id space: one segment id cannot be imported in one group, dynamic in another.
        imported_id = "import-" + draw(ids)
        group.base_segment(imported_id, draw(st.none() | st.integers(1, 9)), imported=True)
    elif sources != "none":
        combine = {"any": group.in_any_of, "all": group.in_all_of, "none_of": group.in_none_of}
        combine[sources](*draw(st.lists(segments, min_size=1, max_size=3)))
    group.where(*draw(st.lists(dimensions(), max_size=3)))
    return group


@st.composite
def segments(draw: st.DrawFn) -> SegmentBuilder:
    """Either form of a segment, built through the fluent API only."""
    builder = SegmentBuilder(draw(st.none() | names))
    if draw(st.booleans()):
        return builder.where(draw(dimensions()))
    if draw(st.booleans()):
        builder.include(draw(st.sampled_from(Include)))
    return builder.group(*draw(st.lists(groups(), min_size=1, max_size=2)))


@cache
def create_segment_input() -> Shape:
    service = get_session().get_service_model("pinpoint")
    shape = service.operation_model("CreateSegment").input_shape
    assert isinstance(shape, Shape)  # botocore has no type hints; this pins it for checkers
    return shape


def dump(request: Any) -> dict[str, Any]:
    dumped: dict[str, Any] = request.model_dump(by_alias=True, exclude_unset=True)
    return dumped


@settings(max_examples=100, deadline=None)
@given(segments())
def test_valid_programs_build_requests_botocore_accepts(builder: SegmentBuilder) -> None:
    request = builder.build()  # no errors: BuildError would fail the test
    params = {"ApplicationId": "app", "WriteSegmentRequest": request.to_params()}

    report = ParamValidator().validate(params, create_segment_input())

    assert not report.has_errors(), report.generate_report()
    assert "\n" not in builder.describe()


@settings(max_examples=100, deadline=None)
@given(segments())
def test_any_built_request_reloads_and_builds_unchanged(builder: SegmentBuilder) -> None:
    request = builder.build()

    from_wire = SegmentBuilder.from_request(request.to_params()).build()
    from_model = SegmentBuilder.from_request(request).build()

    assert dump(from_wire) == dump(request)
    assert dump(from_model) == dump(request)
