"""SegmentBuilder: the example segments through the fluent API, loading, summaries and types."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from typing_extensions import assert_type

from pinpoint_sdk.builders import BuildError
from pinpoint_sdk.builders.dimensions import (
    AttributeCriterion,
    Dimensions,
    MetricCriterion,
    Platform,
    SetCriterion,
)
from pinpoint_sdk.builders.segments import BaseSegment, Group, SegmentBuilder
from pinpoint_sdk.models import (
    ChannelType,
    Duration,
    Include,
    SegmentResponse,
    SegmentType,
    WriteSegmentRequest,
)

UTC = timezone.utc
EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "design" / "examples"


def example(name: str) -> dict[str, Any]:
    path = EXAMPLES / f"{name}.json"
    if not path.exists():
        pytest.skip(f"design examples not found at {EXAMPLES} (shared/ is not beside the repo)")
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


def engaged_mobile_na() -> SegmentBuilder:
    return SegmentBuilder("engaged-mobile-north-america").where(
        Dimensions()
        .user_attribute("plan")
        .is_in("pro", "team")
        .attribute("interests")
        .contains("hiking", "camping")
        .metric("sessionsLast30d")
        .at_least(5)
        .platform()
        .is_in(Platform.IOS, Platform.ANDROID)
        .app_version()
        .is_not_in("1.0.0", "1.0.1")
        .country()
        .is_in("US", "CA")
        .active_within(Duration.DAY_30)
    )


def lapsed_from_base_segments() -> SegmentBuilder:
    return (
        SegmentBuilder("lapsed-trialists-from-base-segments")
        .include(Include.ALL)
        .group(
            Group.all_of(
                Dimensions()
                .attribute("trialEndedAt")
                .between(
                    datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 3, 31, 23, 59, 59, tzinfo=UTC)
                ),
                Dimensions().inactive_within(Duration.DAY_14),
                Dimensions().user_attribute("plan").is_not_in("pro", "team"),
            ).in_any_of(
                BaseSegment("0f1e2d3c4b5a69788796a5b4c3d2e1f0", version=3),
                "9a8b7c6d5e4f30211203f4e5d6c7b8a9",
            )
        )
    )


def near_store_or_recent_signup() -> SegmentBuilder:
    return (
        SegmentBuilder("near-seattle-store-or-recent-signup")
        .include(Include.ANY)
        .group(
            Group.any_of(
                Dimensions().near(47.6062, -122.3321, within_km=25),
                Dimensions().attribute("signupDate").after(datetime(2027, 6, 1, tzinfo=UTC)),
                Dimensions()
                .channel()
                .is_in(ChannelType.EMAIL)
                .metric("ordersLast90d")
                .greater_than(0),
            )
        )
    )


CASES = [
    pytest.param(engaged_mobile_na, "segment-01-engaged-mobile-na", id="segment-01"),
    pytest.param(
        lapsed_from_base_segments, "segment-02-lapsed-from-base-segments", id="segment-02"
    ),
    pytest.param(
        near_store_or_recent_signup, "segment-03-near-store-or-recent-signup", id="segment-03"
    ),
]


@pytest.mark.parametrize(("fluent", "name"), CASES)
def test_fluent_api_rebuilds_the_example_request_exactly(fluent: Any, name: str) -> None:
    request = fluent().build()

    assert request.model_dump(by_alias=True, exclude_unset=True) == example(name)


@pytest.mark.parametrize(("fluent", "name"), CASES)
def test_example_round_trips_from_the_wire_dict(fluent: Any, name: str) -> None:
    source = example(name)

    rebuilt = SegmentBuilder.from_request(source).build()

    assert rebuilt.model_dump(by_alias=True, exclude_unset=True) == source


@pytest.mark.parametrize(("fluent", "name"), CASES)
def test_example_round_trips_from_a_segment_response(fluent: Any, name: str) -> None:
    source = example(name)
    response = SegmentResponse.model_validate(
        {
            **source,
            "ApplicationId": "app",
            "Arn": "arn:aws:mobiletargeting:us-east-1:123456789012:apps/app/segments/s1",
            "CreationDate": "2027-01-01T00:00:00Z",
            "Id": "s1",
            "SegmentType": SegmentType.DIMENSIONAL,
            "Version": 4,
            "tags": {"team": "growth"},
        }
    )

    from_model = SegmentBuilder.from_response(response)
    from_dict = SegmentBuilder.from_response(response.model_dump(by_alias=True, exclude_unset=True))

    for builder in (from_model, from_dict):
        assert builder.build().model_dump(by_alias=True, exclude_unset=True) == source
        assert builder.problems() == []  # the resource's tags are not request tags


SUMMARIES = {
    "segment-01": (
        "endpoints where interests contains any of {hiking, camping} AND user.plan ∈ {pro, team}"
        " AND sessionsLast30d ≥ 5 AND app version ∉ {1.0.0, 1.0.1} AND platform ∈ {ios, android}"
        " AND country ∈ {US, CA} AND active in last 30 days"
    ),
    "segment-02": (
        "endpoints in any of segments"
        " {0f1e2d3c4b5a69788796a5b4c3d2e1f0 v3, 9a8b7c6d5e4f30211203f4e5d6c7b8a9}"
        " where trialEndedAt between 2027-01-01T00:00:00Z and 2027-03-31T23:59:59Z"
        " AND inactive in last 14 days AND user.plan ∉ {pro, team}"
    ),
    "segment-03": (
        "endpoints where within 25 km of (47.6062, -122.3321)"
        " OR signupDate after 2027-06-01T00:00:00Z OR (ordersLast90d > 0 AND channel = EMAIL)"
    ),
}


@pytest.mark.parametrize(("fluent", "name"), CASES)
def test_summary_of_each_example_reads_like_the_audience(fluent: Any, name: str) -> None:
    builder = fluent()
    expected = SUMMARIES[name[:10]]

    assert builder.describe() == expected
    assert str(builder) == expected
    assert SegmentBuilder.from_request(example(name)).describe() == expected


def test_summary_of_the_issue_example() -> None:
    builder = SegmentBuilder("gold-ios-us").where(
        Dimensions()
        .user_attribute("plan")
        .is_in("gold", "platinum")
        .platform()
        .is_in(Platform.IOS)
        .country()
        .is_in("US")
        .active_within(Duration.DAY_30)
    )

    assert builder.describe() == (
        "endpoints where user.plan ∈ {gold, platinum} AND platform = ios AND country = US"
        " AND active in last 30 days"
    )


def test_summary_of_several_groups_and_excluded_base_segments() -> None:
    builder = (
        SegmentBuilder("x")
        .include(Include.NONE)
        .group(Group().in_none_of("s1"))
        .group(Group.none_of(Dimensions().country().is_in("US"), Dimensions().make().is_in("a")))
    )

    assert builder.describe() == (
        "endpoints matching none of: (not in segment s1), (where NOT (country = US OR make = a))"
    )


def test_build_raises_one_error_listing_every_problem() -> None:
    builder = (
        SegmentBuilder("broken")
        .where(Dimensions().country().is_in("USA").metric("m").compare("ABOVE", 1))
        .group(
            Group.all_of(
                Dimensions()
                .attribute("d")
                .between(datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 2, 1, tzinfo=UTC))
            )
        )
    )

    with pytest.raises(BuildError) as raised:
        builder.build()

    assert sorted(p.rule for p in raised.value.problems) == ["S1", "S12", "S9"]
    assert "segment 'broken' is not valid (3 problems)" in str(raised.value)
    assert "Dimensions.Location.Country.Values[0]" in str(raised.value)


def test_warnings_do_not_block_the_build_but_are_reported() -> None:
    builder = SegmentBuilder().where(Dimensions().country().is_in("US"))

    request = builder.build()

    assert request.to_params() == {
        "Dimensions": {"Location": {"Country": {"DimensionType": "INCLUSIVE", "Values": ["US"]}}}
    }
    assert [(p.rule, p.severity) for p in builder.problems()] == [("S4", "warning")]


def test_loading_drops_deprecated_tags_with_a_warning() -> None:
    builder = SegmentBuilder.from_request(
        {
            "Name": "n",
            "Dimensions": {"Location": {"Country": {"Values": ["US"]}}},
            "tags": {"a": "b"},
        }
    )

    request = builder.build()

    assert "tags" not in request.to_params()
    assert [(p.rule, p.where, p.severity) for p in builder.problems()] == [
        ("S15", "tags", "warning")
    ]


def test_loading_a_dict_that_does_not_fit_the_model_names_the_field() -> None:
    with pytest.raises(BuildError) as raised:
        SegmentBuilder.from_request({"Name": "n", "Dimensions": {"Behavior": {"Recency": {}}}})

    assert {p.where for p in raised.value.problems} == {
        "Dimensions.Behavior.Recency.Duration",
        "Dimensions.Behavior.Recency.RecencyType",
    }


def test_loaded_builder_can_be_edited_before_building_again() -> None:
    builder = SegmentBuilder.from_request(
        {"Name": "n", "Dimensions": {"Location": {"Country": {"Values": ["US"]}}}}
    )
    assert builder.dimensions is not None

    builder.dimensions.active_within(Duration.DAY_7)
    builder.named("renamed")

    assert builder.build().to_params() == {
        "Name": "renamed",
        "Dimensions": {
            "Location": {"Country": {"Values": ["US"]}},
            "Behavior": {"Recency": {"RecencyType": "ACTIVE", "Duration": "DAY_7"}},
        },
    }


def test_group_building_blocks_emit_only_what_was_set() -> None:
    group = Group().base_segment("s1", 2).base_segment("s2").where(Dimensions().make().is_in("a"))

    request = SegmentBuilder("n").group(group).build()

    assert request.to_params() == {
        "Name": "n",
        "SegmentGroups": {
            "Groups": [
                {
                    "SourceSegments": [{"Id": "s1", "Version": 2}, {"Id": "s2"}],
                    "Dimensions": [
                        {"Demographic": {"Make": {"DimensionType": "INCLUSIVE", "Values": ["a"]}}}
                    ],
                }
            ]
        },
    }
    assert [s.id for s in group.base_segments] == ["s1", "s2"]


def test_types_flow_through_the_chain() -> None:
    dimensions = Dimensions()

    assert_type(dimensions.user_attribute("plan"), AttributeCriterion)
    assert_type(dimensions.user_attribute("plan").is_in("gold"), Dimensions)
    assert_type(dimensions.metric("m"), MetricCriterion)
    assert_type(dimensions.metric("m").at_least(1), Dimensions)
    assert_type(dimensions.channel(), SetCriterion[ChannelType])
    assert_type(dimensions.platform(), SetCriterion[str])
    assert_type(dimensions.country().is_in("US").active_within(Duration.DAY_7), Dimensions)
    assert_type(Group.any_of(dimensions).in_all_of("s"), Group)
    builder = SegmentBuilder("n").where(dimensions)
    assert_type(builder, SegmentBuilder)
    assert_type(builder.build(), WriteSegmentRequest)
    assert isinstance(builder.build(), WriteSegmentRequest)
