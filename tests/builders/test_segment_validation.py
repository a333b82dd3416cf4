"""One broken segment per S rule of the registry (pinpoint_sdk.builders.rules): the rule and place."""

from __future__ import annotations

import copy
from datetime import datetime, timezone
from typing import Any

import pytest

from pinpoint_sdk.builders import BuildError, Problem
from pinpoint_sdk.builders.dimensions import Dimensions
from pinpoint_sdk.builders.segments import Group, SegmentBuilder, validate_segment
from pinpoint_sdk.models import AttributeType, WriteSegmentRequest

# Valid bodies of both forms, written inline so that each test shows the whole body it breaks.
PLAIN: dict[str, Any] = {
    "Name": "plain",
    "Dimensions": {
        "Attributes": {
            "signupDate": {"AttributeType": "AFTER", "Values": ["2027-06-01T00:00:00Z"]}
        },
        "UserAttributes": {"plan": {"AttributeType": "INCLUSIVE", "Values": ["pro"]}},
        "Metrics": {"orders": {"ComparisonOperator": "GREATER_THAN", "Value": 0.0}},
        "Demographic": {"Platform": {"DimensionType": "INCLUSIVE", "Values": ["ios"]}},
        "Location": {
            "Country": {"DimensionType": "INCLUSIVE", "Values": ["US", "CA"]},
            "GPSPoint": {
                "Coordinates": {"Latitude": 47.6, "Longitude": -122.3},
                "RangeInKilometers": 5.0,
            },
        },
        "Behavior": {"Recency": {"RecencyType": "ACTIVE", "Duration": "DAY_30"}},
    },
}
GROUPED: dict[str, Any] = {
    "Name": "grouped",
    "SegmentGroups": {
        "Include": "ALL",
        "Groups": [
            {
                "SourceSegments": [{"Id": "dyn1", "Version": 1}, {"Id": "dyn2"}],
                "SourceType": "ANY",
                "Type": "ALL",
                "Dimensions": [
                    {
                        "Attributes": {
                            "trialEndedAt": {
                                "AttributeType": "BETWEEN",
                                "Values": ["2027-01-01T00:00:00Z", "2027-03-31T23:59:59Z"],
                            }
                        }
                    },
                    {"Behavior": {"Recency": {"RecencyType": "INACTIVE", "Duration": "DAY_14"}}},
                ],
            }
        ],
    },
}


def broken(base: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``base`` with the value at a dotted path (list indexes as ints) replaced."""
    body = copy.deepcopy(base)
    *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
    node: Any = body
    for key in parents:
        node = node[key]
    node[last] = value
    return body


def found(problems: list[Problem]) -> list[tuple[str, str, str]]:
    return [(p.rule, p.where, p.severity) for p in problems]


@pytest.mark.parametrize("body", [PLAIN, GROUPED], ids=["dimensions", "segment-groups"])
def test_valid_segments_report_no_problem(body: dict[str, Any]) -> None:
    assert validate_segment(body) == []
    assert validate_segment(WriteSegmentRequest.model_validate(body)) == []
    assert SegmentBuilder.from_request(body).problems() == []


def test_s1_both_dimensions_and_segment_groups_is_an_error() -> None:
    body = {**PLAIN, "SegmentGroups": GROUPED["SegmentGroups"]}

    assert found(validate_segment(body)) == [("S1", "WriteSegmentRequest", "error")]
    with pytest.raises(BuildError, match="either Dimensions or SegmentGroups"):
        SegmentBuilder.from_request(body).build()


def test_s2_more_than_one_group_is_a_warning() -> None:
    groups = GROUPED["SegmentGroups"]["Groups"]
    body = broken(GROUPED, "SegmentGroups.Groups", groups + groups)

    assert found(validate_segment(body)) == [("S2", "SegmentGroups.Groups", "warning")]


def test_s3_an_imported_base_segment_must_be_alone_in_its_group() -> None:
    builder = SegmentBuilder("n").group(
        Group().base_segment("static1", imported=True).base_segment("dyn1")
    )

    assert found(builder.problems()) == [("S3", "SegmentGroups.Groups[0].SourceSegments", "error")]
    assert found(validate_segment(GROUPED, imported_segments={"dyn2"})) == [
        ("S3", "SegmentGroups.Groups[0].SourceSegments", "error")
    ]
    loaded = SegmentBuilder.from_request(GROUPED, imported_segments={"dyn1"})
    with pytest.raises(BuildError, match="imported segment dyn1 must be the only base segment"):
        loaded.build()


def test_s3_one_imported_or_several_dynamic_base_segments_are_fine() -> None:
    only_imported = SegmentBuilder("n").group(Group().base_segment("static1", imported=True))
    several_dynamic = SegmentBuilder("n").group(Group().in_all_of("dyn1", "dyn2", "dyn3"))

    assert only_imported.problems() == []
    assert several_dynamic.problems() == []


@pytest.mark.parametrize("name", [None, "", "   "])
def test_s4_missing_name_is_a_warning(name: str | None) -> None:
    body = {k: v for k, v in PLAIN.items() if k != "Name"}
    if name is not None:
        body["Name"] = name

    assert found(validate_segment(body)) == [("S4", "Name", "warning")]


def test_s5_attribute_name_and_value_length_and_characters_are_hints() -> None:
    long_name = "n" * 51
    body = broken(
        PLAIN,
        "Dimensions.UserAttributes",
        {
            long_name: {"AttributeType": "INCLUSIVE", "Values": ["ok"]},
            "a/b": {"AttributeType": "INCLUSIVE", "Values": ["v" * 101]},
        },
    )

    assert found(validate_segment(body)) == [
        ("S5", f"Dimensions.UserAttributes.{long_name}", "warning"),
        ("S5", "Dimensions.UserAttributes.a/b", "warning"),
        ("S5", "Dimensions.UserAttributes.a/b.Values[0]", "warning"),
    ]


def test_s7_more_than_100_dimensions_is_a_warning() -> None:
    dimensions = Dimensions()
    for index in range(101):
        dimensions.attribute(f"a{index}").is_in("x")

    problems = SegmentBuilder("many").where(dimensions).problems()

    assert found(problems) == [("S7", "Dimensions", "warning")]
    assert "101 dimensions" in problems[0].message


@pytest.mark.parametrize("code", ["USA", "UK", "us", "XX", ""])
def test_s9_country_must_be_an_iso_alpha_2_code(code: str) -> None:
    body = broken(PLAIN, "Dimensions.Location.Country.Values", ["US", code])

    assert found(validate_segment(body)) == [
        ("S9", "Dimensions.Location.Country.Values[1]", "error")
    ]


@pytest.mark.parametrize(
    "value",
    [
        "2027-06-01",
        "2027-06-01T00:00:00",
        "2027-06-01T00:00:00+02:00",
        "2027-02-30T00:00:00Z",
        "soon",
    ],
)
def test_s10_date_operators_need_iso_instants_in_utc(value: str) -> None:
    body = broken(PLAIN, "Dimensions.Attributes.signupDate.Values", [value])

    assert found(validate_segment(body)) == [
        ("S10", "Dimensions.Attributes.signupDate.Values[0]", "error")
    ]


def test_s11_between_needs_exactly_two_values() -> None:
    path = "SegmentGroups.Groups.0.Dimensions.0.Attributes.trialEndedAt.Values"
    body = broken(GROUPED, path, ["2027-01-01T00:00:00Z"])

    problems = validate_segment(body)

    assert found(problems) == [
        ("S11", "SegmentGroups.Groups[0].Dimensions[0].Attributes.trialEndedAt.Values", "error")
    ]
    assert "BETWEEN needs exactly 2 values, got 1" in problems[0].message


@pytest.mark.parametrize("operator", [AttributeType.BEFORE, AttributeType.AFTER, AttributeType.ON])
def test_s11_before_after_on_need_exactly_one_value(operator: AttributeType) -> None:
    builder = SegmentBuilder("n").where(
        Dimensions()
        .attribute("d")
        .compare(operator, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z")
    )

    assert found(builder.problems()) == [("S11", "Dimensions.Attributes.d.Values", "error")]


@pytest.mark.parametrize(
    "path",
    [
        "Dimensions.UserAttributes.plan.Values",
        "Dimensions.Demographic.Platform.Values",
        "Dimensions.Location.Country.Values",
    ],
)
def test_s11_empty_values_lists_are_errors(path: str) -> None:
    body = broken(PLAIN, path, [])

    assert found(validate_segment(body)) == [("S11", path, "error")]


@pytest.mark.parametrize("operator", ["GREATER", "greater_than", "NOT_EQUAL", ""])
def test_s12_metric_operator_must_be_one_of_the_five(operator: str) -> None:
    body = broken(PLAIN, "Dimensions.Metrics.orders.ComparisonOperator", operator)

    assert found(validate_segment(body)) == [
        ("S12", "Dimensions.Metrics.orders.ComparisonOperator", "error")
    ]


def test_s13_recency_needs_both_members_from_their_enums() -> None:
    body = broken(PLAIN, "Dimensions.Behavior.Recency", {"RecencyType": "SOMETIMES"})

    assert found(validate_segment(body)) == [
        ("S13", "Dimensions.Behavior.Recency.Duration", "error"),
        ("S13", "Dimensions.Behavior.Recency.RecencyType", "error"),
    ]


@pytest.mark.parametrize(
    ("latitude", "longitude", "where"),
    [
        (90.5, 0.0, "Latitude"),
        (-91.0, 0.0, "Latitude"),
        (0.0, 180.01, "Longitude"),
        (0.0, -200.0, "Longitude"),
    ],
)
def test_s14_gps_coordinates_must_be_on_earth(
    latitude: float, longitude: float, where: str
) -> None:
    builder = SegmentBuilder("n").where(Dimensions().near(latitude, longitude, within_km=5))

    assert found(builder.problems()) == [
        ("S14", f"Dimensions.Location.GPSPoint.Coordinates.{where}", "error")
    ]


@pytest.mark.parametrize("km", [0.0, -3.0])
def test_s14_non_positive_range_is_a_warning(km: float) -> None:
    builder = SegmentBuilder("n").where(Dimensions().near(10, 10, within_km=km))

    assert found(builder.problems()) == [
        ("S14", "Dimensions.Location.GPSPoint.RangeInKilometers", "warning")
    ]
    builder.build()  # a warning does not block


def test_s15_tags_are_deprecated_and_reported() -> None:
    body = {**PLAIN, "tags": {"team": "growth"}}

    assert found(validate_segment(body)) == [("S15", "tags", "warning")]


def test_fields_the_model_does_not_know_are_reported_with_their_path() -> None:
    body = broken(PLAIN, "Dimensions.Location.Country", {"Values": ["US"], "Typo": 1})

    assert found(validate_segment(body)) == [("P16", "Dimensions.Location.Country.Typo", "error")]


def test_validation_checks_every_group_entry_and_reports_all_at_once() -> None:
    builder = SegmentBuilder().group(
        Group.any_of(
            Dimensions().country().is_in("GER"),
            Dimensions().attribute("d").before(datetime(2027, 1, 1)),  # naive: no instant
            Dimensions().metric("m").compare("MORE", 1),
        )
    )

    assert found(builder.problems()) == [
        ("S4", "Name", "warning"),
        ("S9", "SegmentGroups.Groups[0].Dimensions[0].Location.Country.Values[0]", "error"),
        ("S10", "SegmentGroups.Groups[0].Dimensions[1].Attributes.d.Values[0]", "error"),
        ("S12", "SegmentGroups.Groups[0].Dimensions[2].Metrics.m.ComparisonOperator", "error"),
    ]
    with pytest.raises(BuildError) as raised:
        builder.build()
    assert len(raised.value.problems) == 3


def test_valid_builder_with_aware_datetimes_builds_without_problems() -> None:
    builder = SegmentBuilder("n").where(
        Dimensions()
        .attribute("d")
        .between(
            datetime(2027, 1, 1, tzinfo=timezone.utc), datetime(2027, 2, 1, tzinfo=timezone.utc)
        )
    )

    assert builder.problems() == []
