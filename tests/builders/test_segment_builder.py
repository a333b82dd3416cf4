"""SegmentBuilder: the segment fixtures through the fluent API, loading, summaries and types."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from support.examples import segment as example
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


def active_app_users() -> SegmentBuilder:
    return SegmentBuilder("active-app-users-europe").where(
        Dimensions()
        .user_attribute("tier")
        .is_in("plus", "family")
        .attribute("hobbies")
        .contains("cycling", "running")
        .metric("ordersLast60d")
        .at_least(3)
        .platform()
        .is_in(Platform.ANDROID, Platform.IOS)
        .app_version()
        .is_not_in("2.0.0", "2.0.1", "2.0.2")
        .country()
        .is_in("DE", "FR", "NL")
        .active_within(Duration.DAY_7)
    )


def from_base_segments() -> SegmentBuilder:
    return (
        SegmentBuilder("expired-trials-from-base-segments")
        .include(Include.ALL)
        .group(
            Group.all_of(
                Dimensions()
                .attribute("trialEnd")
                .between(
                    datetime(2028, 2, 1, tzinfo=UTC), datetime(2028, 4, 30, 23, 59, 59, tzinfo=UTC)
                ),
                Dimensions().inactive_within(Duration.DAY_30),
                Dimensions().user_attribute("tier").is_not_in("plus", "family"),
            ).in_any_of(
                BaseSegment("5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a", version=2),
                "6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b",
            )
        )
    )


def near_store_or_new() -> SegmentBuilder:
    return (
        SegmentBuilder("near-lyon-store-or-new-signup")
        .include(Include.ANY)
        .group(
            Group.any_of(
                Dimensions().near(45.764, 4.8357, within_km=15),
                Dimensions().attribute("joinedOn").after(datetime(2028, 5, 15, tzinfo=UTC)),
                Dimensions()
                .channel()
                .is_in(ChannelType.SMS)
                .metric("visitsLast30d")
                .greater_than(1),
            )
        )
    )


CASES = [
    pytest.param(active_app_users, "active-app-users", id="active-app-users"),
    pytest.param(from_base_segments, "from-base-segments", id="from-base-segments"),
    pytest.param(near_store_or_new, "near-store-or-new", id="near-store-or-new"),
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
    "active-app-users": (
        "endpoints where hobbies contains any of {cycling, running} AND user.tier ∈ {plus, family}"
        " AND ordersLast60d ≥ 3 AND app version ∉ {2.0.0, 2.0.1, 2.0.2}"
        " AND platform ∈ {android, ios} AND country ∈ {DE, FR, NL} AND active in last 7 days"
    ),
    "from-base-segments": (
        "endpoints in any of segments"
        " {5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a v2, 6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b}"
        " where trialEnd between 2028-02-01T00:00:00Z and 2028-04-30T23:59:59Z"
        " AND inactive in last 30 days AND user.tier ∉ {plus, family}"
    ),
    "near-store-or-new": (
        "endpoints where within 15 km of (45.764, 4.8357)"
        " OR joinedOn after 2028-05-15T00:00:00Z OR (visitsLast30d > 1 AND channel = SMS)"
    ),
}


@pytest.mark.parametrize(("fluent", "name"), CASES)
def test_summary_of_each_example_reads_like_the_audience(fluent: Any, name: str) -> None:
    builder = fluent()
    expected = SUMMARIES[name]

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
