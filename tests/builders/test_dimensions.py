"""The shared dimension helpers: what each fluent call puts on the wire, loading and summaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from pinpoint_sdk.builders.dimensions import (
    COMPARISON_OPERATORS,
    COUNTRY_CODES,
    Dimensions,
    Platform,
    SupportsDimensions,
    count_dimensions,
    describe_dimensions,
    format_instant,
    validate_dimensions,
)
from pinpoint_sdk.models import AttributeType, ChannelType, Duration, SegmentDimensions

UTC = timezone.utc


def wire(dimensions: Dimensions) -> dict[str, Any]:
    return dimensions.to_dimensions().model_dump(by_alias=True, exclude_unset=True)


@pytest.mark.parametrize(
    ("call", "attribute_type", "values"),
    [
        (lambda a: a.is_in("gold", "silver"), "INCLUSIVE", ["gold", "silver"]),
        (lambda a: a.is_not_in("free"), "EXCLUSIVE", ["free"]),
        (lambda a: a.contains("hik"), "CONTAINS", ["hik"]),
        (lambda a: a.before(datetime(2027, 1, 1, tzinfo=UTC)), "BEFORE", ["2027-01-01T00:00:00Z"]),
        (lambda a: a.after(date(2027, 6, 1)), "AFTER", ["2027-06-01T00:00:00Z"]),
        (lambda a: a.on(datetime(2027, 2, 3, 4, 5, 6, tzinfo=UTC)), "ON", ["2027-02-03T04:05:06Z"]),
        (
            lambda a: a.between(date(2027, 1, 1), datetime(2027, 3, 31, 23, 59, 59, tzinfo=UTC)),
            "BETWEEN",
            ["2027-01-01T00:00:00Z", "2027-03-31T23:59:59Z"],
        ),
    ],
)
def test_every_attribute_type_has_a_method_for_endpoint_and_user_attributes(
    call: Any, attribute_type: str, values: list[str]
) -> None:
    expected = {"AttributeType": attribute_type, "Values": values}

    endpoint = call(Dimensions().attribute("a"))
    user = call(Dimensions().user_attribute("u"))

    assert wire(endpoint) == {"Attributes": {"a": expected}}
    assert wire(user) == {"UserAttributes": {"u": expected}}


def test_compare_sets_any_attribute_type_with_raw_values() -> None:
    dimensions = Dimensions().attribute("d").compare(AttributeType.ON, "2027-01-01T00:00:00Z")

    assert wire(dimensions) == {
        "Attributes": {"d": {"AttributeType": "ON", "Values": ["2027-01-01T00:00:00Z"]}}
    }


@pytest.mark.parametrize(
    ("method", "operator"),
    [
        ("greater_than", "GREATER_THAN"),
        ("less_than", "LESS_THAN"),
        ("at_least", "GREATER_THAN_OR_EQUAL"),
        ("at_most", "LESS_THAN_OR_EQUAL"),
        ("equals", "EQUAL"),
    ],
)
def test_metric_methods_cover_the_five_operators_and_send_doubles(
    method: str, operator: str
) -> None:
    dimensions = getattr(Dimensions().metric("orders"), method)(3)

    assert wire(dimensions) == {
        "Metrics": {"orders": {"ComparisonOperator": operator, "Value": 3.0}}
    }
    assert operator in COMPARISON_OPERATORS


def test_demographic_facets_each_land_in_their_own_member() -> None:
    dimensions = (
        Dimensions()
        .app_version()
        .is_in("2.0.0")
        .channel()
        .is_in(ChannelType.EMAIL, ChannelType.SMS)
        .device_type()
        .is_not_in("tablet")
        .make()
        .is_in("apple")
        .model()
        .is_in("iPhone")
        .platform()
        .is_in(Platform.IOS, "web")
    )

    assert wire(dimensions) == {
        "Demographic": {
            "AppVersion": {"DimensionType": "INCLUSIVE", "Values": ["2.0.0"]},
            "Channel": {"DimensionType": "INCLUSIVE", "Values": ["EMAIL", "SMS"]},
            "DeviceType": {"DimensionType": "EXCLUSIVE", "Values": ["tablet"]},
            "Make": {"DimensionType": "INCLUSIVE", "Values": ["apple"]},
            "Model": {"DimensionType": "INCLUSIVE", "Values": ["iPhone"]},
            "Platform": {"DimensionType": "INCLUSIVE", "Values": ["ios", "web"]},
        }
    }


def test_location_holds_country_and_gps_point_with_optional_range() -> None:
    with_range = Dimensions().country().is_in("US").near(47.6, -122.3, within_km=10)
    without_range = Dimensions().near(1, 2)

    assert wire(with_range) == {
        "Location": {
            "Country": {"DimensionType": "INCLUSIVE", "Values": ["US"]},
            "GPSPoint": {
                "Coordinates": {"Latitude": 47.6, "Longitude": -122.3},
                "RangeInKilometers": 10.0,
            },
        }
    }
    assert wire(without_range) == {
        "Location": {"GPSPoint": {"Coordinates": {"Latitude": 1.0, "Longitude": 2.0}}}
    }


def test_recency_active_and_inactive_within_a_window() -> None:
    assert wire(Dimensions().active_within(Duration.HR_24)) == {
        "Behavior": {"Recency": {"RecencyType": "ACTIVE", "Duration": "HR_24"}}
    }
    assert wire(Dimensions().inactive_within(Duration.DAY_7)) == {
        "Behavior": {"Recency": {"RecencyType": "INACTIVE", "Duration": "DAY_7"}}
    }


def test_setting_the_same_criterion_twice_keeps_the_last() -> None:
    dimensions = (
        Dimensions().user_attribute("plan").is_in("free").user_attribute("plan").is_in("pro")
    )

    assert wire(dimensions) == {
        "UserAttributes": {"plan": {"AttributeType": "INCLUSIVE", "Values": ["pro"]}}
    }


def test_empty_dimensions_send_an_empty_object_and_match_all_endpoints() -> None:
    assert wire(Dimensions()) == {}
    assert Dimensions().describe() == "all endpoints"


def test_format_instant_writes_utc_with_z_and_converts_other_offsets() -> None:
    plus_two = timezone(timedelta(hours=2))

    assert format_instant(datetime(2027, 1, 1, 2, 0, tzinfo=plus_two)) == "2027-01-01T00:00:00Z"
    assert format_instant(datetime(2027, 1, 1, 0, 0, 0, 500000, tzinfo=UTC)) == (
        "2027-01-01T00:00:00.5Z"
    )
    assert format_instant(date(2027, 12, 31)) == "2027-12-31T00:00:00Z"


def test_naive_datetime_is_not_guessed_but_reported() -> None:
    dimensions = Dimensions().attribute("signupDate").after(datetime(2027, 1, 1))

    problems = dimensions.problems()

    assert wire(dimensions)["Attributes"]["signupDate"]["Values"] == ["2027-01-01T00:00:00"]
    assert [(p.rule, p.where) for p in problems] == [
        ("S10", "Dimensions.Attributes.signupDate.Values[0]")
    ]


def test_country_list_is_the_249_official_alpha_2_codes() -> None:
    assert len(COUNTRY_CODES) == 249
    assert {"US", "CA", "GB", "DE", "JP", "AX", "SS"} <= COUNTRY_CODES
    assert not {"UK", "XK", "EU", "USA", "us"} & COUNTRY_CODES


def test_from_model_round_trips_a_wire_dict_exactly() -> None:
    source = {
        "Attributes": {"a": {"Values": ["x"]}},  # AttributeType left out stays left out
        "Demographic": {},
        "Location": {"GPSPoint": {"Coordinates": {"Latitude": 1.5, "Longitude": 2.5}}},
        "Metrics": {"m": {"ComparisonOperator": "EQUAL", "Value": 1.0}},
        "Behavior": {"Recency": {"RecencyType": "ACTIVE", "Duration": "DAY_7"}},
    }

    loaded = Dimensions.from_model(source)

    assert wire(loaded) == source
    assert wire(Dimensions.from_model(SegmentDimensions.model_validate(source))) == source


def test_a_loaded_builder_can_be_edited() -> None:
    loaded = Dimensions.from_model({"Location": {"Country": {"Values": ["US"]}}})

    loaded.country().is_in("US", "CA").active_within(Duration.DAY_30)

    assert loaded.describe() == "country ∈ {US, CA} AND active in last 30 days"


def test_dimensions_satisfy_the_protocol_the_journey_builder_takes() -> None:
    def inline_condition(source: SupportsDimensions) -> dict[str, Any]:
        return source.to_dimensions().to_params()

    assert inline_condition(Dimensions().platform().is_in(Platform.ANDROID)) == {
        "Demographic": {"Platform": {"DimensionType": "INCLUSIVE", "Values": ["android"]}}
    }


def test_validation_paths_start_where_the_caller_says() -> None:
    # A journey puts dimensions inside a condition, so paths must be prefixed by its location.
    where = "Activities.split.MultiCondition.Branches[1].Condition.SegmentDimensions"
    broken = Dimensions().country().is_in("USA").to_dimensions()

    problems = validate_dimensions(broken, where)

    assert [(p.rule, p.where) for p in problems] == [("S9", f"{where}.Location.Country.Values[0]")]


def test_description_uses_symbols_and_marks_user_attributes() -> None:
    dimensions = (
        Dimensions()
        .user_attribute("plan")
        .is_in("gold", "platinum")
        .attribute("tier")
        .is_not_in("free")
        .metric("score")
        .less_than(2.5)
        .platform()
        .is_in(Platform.IOS)
        .country()
        .is_in("US")
        .near(10, 20)
        .inactive_within(Duration.HR_24)
    )

    assert describe_dimensions(dimensions.to_dimensions()) == (
        "tier ≠ free AND user.plan ∈ {gold, platinum} AND score < 2.5 AND platform = ios"
        " AND country = US AND near (10, 20) AND inactive in last 24 hours"
    )
    assert str(dimensions) == dimensions.describe()


def test_count_dimensions_counts_each_criterion() -> None:
    dimensions = (
        Dimensions()
        .attribute("a")
        .is_in("1")
        .attribute("b")
        .is_in("2")
        .metric("m")
        .equals(1)
        .make()
        .is_in("apple")
        .country()
        .is_in("US")
        .near(0, 0)
        .active_within(Duration.DAY_7)
    )

    assert count_dimensions(dimensions.to_dimensions()) == 7
