"""Segment dimensions that read like the audience they describe.

One implementation serves both builders: ``SegmentBuilder`` uses it for a segment's criteria and
the journey builder for the inline ``SegmentDimensions`` of a condition (anything with a
``to_dimensions()`` method).

    Dimensions().user_attribute("plan").is_in("gold", "platinum").platform().is_in(Platform.IOS)
        .country().is_in("US").active_within(Duration.DAY_30)

Each criterion method returns a small helper whose operator methods return the ``Dimensions``
again, so the chain stays typed from start to end. Nothing is checked while chaining: the
problems are collected by :func:`validate_dimensions` (and ``build()`` of the builders), so one
run reports everything to fix.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

from pinpoint_sdk.models import (
    AttributeDimension,
    AttributeType,
    ChannelType,
    DimensionType,
    Duration,
    GPSCoordinates,
    GPSPointDimension,
    MetricDimension,
    RecencyDimension,
    RecencyType,
    SegmentBehaviors,
    SegmentDemographics,
    SegmentDimensions,
    SegmentLocation,
    SetDimension,
)

from .._exceptions import PinpointValidationError
from ._problems import Problem
from .durations import format_instant

if TYPE_CHECKING:
    from pinpoint_sdk.params import AttributeTypeLiteral, ChannelTypeLiteral, DurationLiteral

__all__ = [
    "COMPARISON_OPERATORS",
    "COUNTRY_CODES",
    "AttributeCriterion",
    "Dimensions",
    "MetricCriterion",
    "Platform",
    "SetCriterion",
    "SupportsDimensions",
    "count_dimensions",
    "describe_dimensions",
    "format_instant",
    "shown",
    "validate_dimensions",
]

# ISO 3166-1 alpha-2, the officially assigned codes (249). Pinpoint documents `Country` as
# alpha-2 (S9) but the model takes any string, so a typo such as "UK" or "USA" would only
# silently match nobody.
_COUNTRY_TABLE = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
    BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
    DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET
    FI FJ FK FM FO FR
    GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
    HK HM HN HR HT HU
    ID IE IL IM IN IO IQ IR IS IT
    JE JM JO JP
    KE KG KH KI KM KN KP KR KW KY KZ
    LA LB LC LI LK LR LS LT LU LV LY
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
    NA NC NE NF NG NI NL NO NP NR NU NZ
    OM
    PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA
    RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
    TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
    UA UG UM US UY UZ
    VA VC VE VG VI VN VU
    WF WS
    YE YT
    ZA ZM ZW
"""
COUNTRY_CODES: frozenset[str] = frozenset(_COUNTRY_TABLE.split())

# `MetricDimension.ComparisonOperator` is a free string in the botocore model; these are the
# five names its documentation lists (S12), with the symbol the summary uses.
COMPARISON_OPERATORS: Mapping[str, str] = {
    "GREATER_THAN": ">",
    "LESS_THAN": "<",
    "GREATER_THAN_OR_EQUAL": "≥",
    "LESS_THAN_OR_EQUAL": "≤",
    "EQUAL": "=",
}

_DATE_OPERATORS = {
    AttributeType.BEFORE: 1,
    AttributeType.AFTER: 1,
    AttributeType.ON: 1,
    AttributeType.BETWEEN: 2,
}
# S5 (endpoint attributes): names up to 50 characters, values up to 100, and characters that
# the console and the attribute APIs treat specially.
_MAX_NAME = 50
_MAX_VALUE = 100
_UNSAFE_NAME_CHARS = "#:?\\/"
_ISO_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z")


class Platform(str, Enum):
    """Well-known endpoint platforms, as the Pinpoint examples write them.

    ``Demographic.Platform`` is a free string (whatever the endpoint reported), so any ``str``
    is accepted too; these members just save guessing the spelling.
    """

    IOS = "ios"
    ANDROID = "android"

    def __str__(self) -> str:
        return self.value


@runtime_checkable
class SupportsDimensions(Protocol):
    """Anything that can produce a ``SegmentDimensions`` model (the journey builder takes it)."""

    def to_dimensions(self) -> SegmentDimensions:
        """The criteria as the generated model."""
        ...


_Value = TypeVar("_Value", bound=str)


def _text(value: str) -> str:
    # Enum members (ChannelType, Platform) go on the wire as their value, not their repr.
    return str(value.value) if isinstance(value, Enum) else value


class AttributeCriterion:
    """The operators for one endpoint or user attribute; each returns the ``Dimensions``."""

    def __init__(self, owner: Dimensions, target: dict[str, AttributeDimension], name: str) -> None:
        self._owner = owner
        self._target = target
        self._name = name

    def compare(
        self, attribute_type: AttributeType | AttributeTypeLiteral, *values: str
    ) -> Dimensions:
        """Sets any ``AttributeType`` with raw string values (the other methods are shortcuts)."""
        self._target[self._name] = AttributeDimension(
            attribute_type=attribute_type, values=list(values)
        )
        return self._owner

    def is_in(self, *values: str) -> Dimensions:
        """Attribute equals one of the values (INCLUSIVE)."""
        return self.compare(AttributeType.INCLUSIVE, *values)

    def is_not_in(self, *values: str) -> Dimensions:
        """Attribute equals none of the values (EXCLUSIVE)."""
        return self.compare(AttributeType.EXCLUSIVE, *values)

    def contains(self, *values: str) -> Dimensions:
        """Attribute contains one of the values as a substring (CONTAINS)."""
        return self.compare(AttributeType.CONTAINS, *values)

    def before(self, when: datetime | date) -> Dimensions:
        """Attribute, read as an instant, is before ``when`` (BEFORE)."""
        return self.compare(AttributeType.BEFORE, format_instant(when))

    def after(self, when: datetime | date) -> Dimensions:
        """Attribute, read as an instant, is after ``when`` (AFTER)."""
        return self.compare(AttributeType.AFTER, format_instant(when))

    def on(self, when: datetime | date) -> Dimensions:
        """Attribute falls on the same date as ``when``; the time is ignored (ON)."""
        return self.compare(AttributeType.ON, format_instant(when))

    def between(self, start: datetime | date, end: datetime | date) -> Dimensions:
        """Attribute, read as an instant, lies between ``start`` and ``end`` (BETWEEN)."""
        return self.compare(AttributeType.BETWEEN, format_instant(start), format_instant(end))


class MetricCriterion:
    """The comparisons for one custom endpoint metric; each returns the ``Dimensions``."""

    def __init__(self, owner: Dimensions, target: dict[str, MetricDimension], name: str) -> None:
        self._owner = owner
        self._target = target
        self._name = name

    def compare(self, operator: str, value: float) -> Dimensions:
        """Sets a raw ``ComparisonOperator``; it is checked against the five names at build."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise PinpointValidationError(
                f"metric {self._name!r}: the value must be a number, not {value!r}"
            )
        self._target[self._name] = MetricDimension(comparison_operator=operator, value=float(value))
        return self._owner

    def greater_than(self, value: float) -> Dimensions:
        """Metric > value."""
        return self.compare("GREATER_THAN", value)

    def less_than(self, value: float) -> Dimensions:
        """Metric < value."""
        return self.compare("LESS_THAN", value)

    def at_least(self, value: float) -> Dimensions:
        """Metric ≥ value (GREATER_THAN_OR_EQUAL)."""
        return self.compare("GREATER_THAN_OR_EQUAL", value)

    def at_most(self, value: float) -> Dimensions:
        """Metric ≤ value (LESS_THAN_OR_EQUAL)."""
        return self.compare("LESS_THAN_OR_EQUAL", value)

    def equals(self, value: float) -> Dimensions:
        """Metric = value (EQUAL)."""
        return self.compare("EQUAL", value)


class SetCriterion(Generic[_Value]):
    """Include or exclude a set of values for one demographic or location facet."""

    def __init__(self, owner: Dimensions, target: dict[str, SetDimension], field: str) -> None:
        self._owner = owner
        self._target = target
        self._field = field

    def is_in(self, *values: _Value) -> Dimensions:
        """Keeps endpoints whose value is one of these (INCLUSIVE)."""
        return self._set(DimensionType.INCLUSIVE, values)

    def is_not_in(self, *values: _Value) -> Dimensions:
        """Drops endpoints whose value is one of these (EXCLUSIVE)."""
        return self._set(DimensionType.EXCLUSIVE, values)

    def _set(self, kind: DimensionType, values: tuple[_Value, ...]) -> Dimensions:
        dimension = SetDimension(dimension_type=kind, values=[_text(v) for v in values])
        self._target[self._field] = dimension
        return self._owner


# Field name in the builder → (container, member) in wire names, in the model's order.
_DEMOGRAPHIC_FIELDS = {
    "app_version": "AppVersion",
    "channel": "Channel",
    "device_type": "DeviceType",
    "make": "Make",
    "model": "Model",
    "platform": "Platform",
}
_SET_LABELS = {
    "app_version": "app version",
    "channel": "channel",
    "device_type": "device type",
    "make": "make",
    "model": "model",
    "platform": "platform",
    "country": "country",
}


class Dimensions:
    """A fluent set of segment criteria; every criterion set must match (they are ANDed).

    Setting the same attribute, metric or facet twice replaces the first setting, because the
    wire format holds one entry per name. ``to_dimensions()`` returns the generated model.
    """

    def __init__(self) -> None:
        self._attributes: dict[str, AttributeDimension] = {}
        self._user_attributes: dict[str, AttributeDimension] = {}
        self._metrics: dict[str, MetricDimension] = {}
        self._sets: dict[str, SetDimension] = {}
        self._gps_point: GPSPointDimension | None = None
        self._recency: RecencyDimension | None = None
        # Containers present in a loaded model, emitted even if empty (e.g. "Demographic": {})
        # so that load → build gives back exactly what was loaded.
        self._loaded_containers: set[str] = set()

    # -- custom attributes and metrics ------------------------------------------------------
    def attribute(self, name: str) -> AttributeCriterion:
        """A custom endpoint attribute (``Attributes``); names are case-sensitive."""
        return AttributeCriterion(self, self._attributes, name)

    def user_attribute(self, name: str) -> AttributeCriterion:
        """A custom user attribute (``UserAttributes``); names are case-sensitive."""
        return AttributeCriterion(self, self._user_attributes, name)

    def metric(self, name: str) -> MetricCriterion:
        """A custom endpoint metric (``Metrics``), compared as a number."""
        return MetricCriterion(self, self._metrics, name)

    # -- demographics ------------------------------------------------------------------------
    def app_version(self) -> SetCriterion[str]:
        """The app version of the endpoint (``Demographic.AppVersion``)."""
        return SetCriterion(self, self._sets, "app_version")

    def channel(self) -> SetCriterion[ChannelType | ChannelTypeLiteral]:
        """The endpoint's channel (``Demographic.Channel``): ``"EMAIL"`` or ``ChannelType.EMAIL``."""
        return SetCriterion(self, self._sets, "channel")

    def device_type(self) -> SetCriterion[str]:
        """The device type, such as ``phone`` or ``tablet`` (``Demographic.DeviceType``)."""
        return SetCriterion(self, self._sets, "device_type")

    def make(self) -> SetCriterion[str]:
        """The device make, such as ``apple`` (``Demographic.Make``)."""
        return SetCriterion(self, self._sets, "make")

    def model(self) -> SetCriterion[str]:
        """The device model, such as ``iPhone`` (``Demographic.Model``)."""
        return SetCriterion(self, self._sets, "model")

    def platform(self) -> SetCriterion[str]:
        """The device platform (``Demographic.Platform``); ``Platform`` members or any string."""
        return SetCriterion(self, self._sets, "platform")

    # -- location ----------------------------------------------------------------------------
    def country(self) -> SetCriterion[str]:
        """The endpoint's country as ISO 3166-1 alpha-2 codes, such as ``US`` (S9)."""
        return SetCriterion(self, self._sets, "country")

    def near(
        self, latitude: float, longitude: float, *, within_km: float | None = None
    ) -> Dimensions:
        """Endpoints around a GPS point, optionally within ``within_km`` kilometres."""
        coordinates = GPSCoordinates(latitude=float(latitude), longitude=float(longitude))
        if within_km is None:
            self._gps_point = GPSPointDimension(coordinates=coordinates)
        else:
            self._gps_point = GPSPointDimension(
                coordinates=coordinates, range_in_kilometers=float(within_km)
            )
        return self

    # -- behaviour ---------------------------------------------------------------------------
    def active_within(self, duration: Duration | DurationLiteral) -> Dimensions:
        """Endpoints that used the app within the window (``Recency`` ACTIVE)."""
        self._recency = RecencyDimension(recency_type=RecencyType.ACTIVE, duration=duration)
        return self

    def inactive_within(self, duration: Duration | DurationLiteral) -> Dimensions:
        """Endpoints that did not use the app within the window (``Recency`` INACTIVE)."""
        self._recency = RecencyDimension(recency_type=RecencyType.INACTIVE, duration=duration)
        return self

    # -- output ------------------------------------------------------------------------------
    def to_dimensions(self) -> SegmentDimensions:
        """The criteria as a ``SegmentDimensions`` model with only what was set."""
        demographic = {
            field: self._sets[field] for field in _DEMOGRAPHIC_FIELDS if field in self._sets
        }
        location: dict[str, Any] = {}
        if "country" in self._sets:
            location["country"] = self._sets["country"]
        if self._gps_point is not None:
            location["gps_point"] = self._gps_point
        parts: dict[str, Any] = {}
        if self._attributes or "attributes" in self._loaded_containers:
            parts["attributes"] = dict(self._attributes)
        if self._recency is not None:
            parts["behavior"] = SegmentBehaviors(recency=self._recency)
        elif "behavior" in self._loaded_containers:
            parts["behavior"] = SegmentBehaviors()
        if demographic or "demographic" in self._loaded_containers:
            parts["demographic"] = SegmentDemographics(**demographic)
        if location or "location" in self._loaded_containers:
            parts["location"] = SegmentLocation(**location)
        if self._metrics or "metrics" in self._loaded_containers:
            parts["metrics"] = dict(self._metrics)
        if self._user_attributes or "user_attributes" in self._loaded_containers:
            parts["user_attributes"] = dict(self._user_attributes)
        return SegmentDimensions(**parts)

    @classmethod
    def from_model(cls, dimensions: SegmentDimensions | Mapping[str, Any]) -> Dimensions:
        """Loads a ``SegmentDimensions`` model (or its wire dict) into a builder to edit.

        ``Dimensions.from_model(d).to_dimensions()`` dumps to the same dict as ``d``.
        """
        model = (
            dimensions
            if isinstance(dimensions, SegmentDimensions)
            else SegmentDimensions.model_validate(dict(dimensions))
        ).model_copy(deep=True)
        loaded = cls()
        set_fields = model.model_fields_set
        loaded._attributes = dict(model.attributes or {})
        loaded._user_attributes = dict(model.user_attributes or {})
        loaded._metrics = dict(model.metrics or {})
        if model.demographic is not None:
            for field in _DEMOGRAPHIC_FIELDS:
                value: SetDimension | None = getattr(model.demographic, field)
                if value is not None:
                    loaded._sets[field] = value
        if model.location is not None:
            if model.location.country is not None:
                loaded._sets["country"] = model.location.country
            loaded._gps_point = model.location.gps_point
        if model.behavior is not None:
            loaded._recency = model.behavior.recency
        for container in set_fields:
            if getattr(model, container) is not None:
                loaded._loaded_containers.add(container)
        return loaded

    def problems(self, where: str = "Dimensions") -> list[Problem]:
        """Every problem with these criteria, ``where`` being their path in the request."""
        return validate_dimensions(self.to_dimensions(), where)

    def describe(self) -> str:
        """One line for humans, e.g. ``plan ∈ {gold, platinum} AND country = US``."""
        return describe_dimensions(self.to_dimensions())

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        return f"Dimensions({self.describe()!r})"


# -- validation ----------------------------------------------------------------------------------


def validate_dimensions(dimensions: SegmentDimensions, where: str = "Dimensions") -> list[Problem]:
    """Checks one ``SegmentDimensions`` against rules S5 and S9–S14.

    ``where`` is the path of these dimensions in the request, in wire names, e.g.
    ``SegmentGroups.Groups[0].Dimensions[1]`` or a journey condition's path.
    """
    problems: list[Problem] = []
    for member, attributes in (
        ("Attributes", dimensions.attributes),
        ("UserAttributes", dimensions.user_attributes),
    ):
        for name, attribute in (attributes or {}).items():
            problems += _check_attribute(f"{where}.{member}.{name}", name, attribute)
    for name, metric in (dimensions.metrics or {}).items():
        path = f"{where}.Metrics.{name}"
        problems += _check_name(path, name)
        if metric.comparison_operator not in COMPARISON_OPERATORS:
            problems.append(
                Problem(
                    f"{path}.ComparisonOperator",
                    f"unknown comparison operator {metric.comparison_operator!r}; use one of "
                    + ", ".join(COMPARISON_OPERATORS),
                    "S12",
                )
            )
        if not math.isfinite(metric.value):
            problems.append(Problem(f"{path}.Value", "metric value must be a finite number", "S18"))
    if dimensions.demographic is not None:
        for field, member in _DEMOGRAPHIC_FIELDS.items():
            facet: SetDimension | None = getattr(dimensions.demographic, field)
            if facet is not None:
                problems += _check_set(f"{where}.Demographic.{member}", facet)
    location = dimensions.location
    if location is not None and location.country is not None:
        path = f"{where}.Location.Country"
        problems += _check_set(path, location.country)
        for index, code in enumerate(location.country.values):
            if code not in COUNTRY_CODES:
                problems.append(
                    Problem(
                        f"{path}.Values[{index}]",
                        f"{code!r} is not an ISO 3166-1 alpha-2 country code (such as US, GB)",
                        "S9",
                    )
                )
    if location is not None and location.gps_point is not None:
        problems += _check_gps(f"{where}.Location.GPSPoint", location.gps_point)
    return problems


def _check_name(path: str, name: str) -> list[Problem]:
    problems: list[Problem] = []
    if len(name) > _MAX_NAME:
        problems.append(
            Problem(
                path, f"name is {len(name)} characters; the limit is {_MAX_NAME}", "S5", "warning"
            )
        )
    unsafe = sorted({char for char in name if char in _UNSAFE_NAME_CHARS})
    if unsafe:
        problems.append(
            Problem(path, f"avoid {' '.join(unsafe)} in attribute names", "S5", "warning")
        )
    return problems


def _check_attribute(path: str, name: str, attribute: AttributeDimension) -> list[Problem]:
    problems = _check_name(path, name)
    values = attribute.values
    kind = attribute.attribute_type
    expected = _DATE_OPERATORS.get(kind) if kind is not None else None
    if not values:
        problems.append(Problem(f"{path}.Values", "needs at least one value", "S11"))
    elif expected is not None and len(values) != expected:
        problems.append(
            Problem(
                f"{path}.Values",
                f"{kind} needs exactly {expected} "
                f"value{'s' if expected > 1 else ''}, got {len(values)}",
                "S11",
            )
        )
    for index, value in enumerate(values):
        if expected is not None and not _is_instant(value):
            problems.append(
                Problem(
                    f"{path}.Values[{index}]",
                    f"{value!r} is not an ISO 8601 instant in UTC such as 2027-01-01T00:00:00Z"
                    " (pass an aware datetime)",
                    "S10",
                )
            )
        elif len(value) > _MAX_VALUE:
            problems.append(
                Problem(
                    f"{path}.Values[{index}]",
                    f"value is {len(value)} characters; the limit is {_MAX_VALUE}",
                    "S5",
                    "warning",
                )
            )
    return problems


def _check_set(path: str, dimension: SetDimension) -> list[Problem]:
    if dimension.values:
        return []
    return [Problem(f"{path}.Values", "needs at least one value", "S11")]


def _check_gps(path: str, point: GPSPointDimension) -> list[Problem]:
    problems: list[Problem] = []
    for member, value, limit in (
        ("Latitude", point.coordinates.latitude, 90.0),
        ("Longitude", point.coordinates.longitude, 180.0),
    ):
        if not (math.isfinite(value) and -limit <= value <= limit):
            problems.append(
                Problem(
                    f"{path}.Coordinates.{member}",
                    f"{member.lower()} {value} is outside -{limit:g}..{limit:g}",
                    "S14",
                )
            )
    distance = point.range_in_kilometers
    if distance is not None and not (math.isfinite(distance) and distance > 0):
        problems.append(
            Problem(
                f"{path}.RangeInKilometers",
                f"range {distance} km matches nobody; give a positive distance",
                "S14",
                "warning",
            )
        )
    return problems


def _is_instant(value: str) -> bool:
    if not _ISO_INSTANT.fullmatch(value):
        return False
    try:
        datetime.strptime(value[:19], "%Y-%m-%dT%H:%M:%S")
    except ValueError:  # shaped right but not a real date, e.g. 2027-02-30
        return False
    return True


def count_dimensions(dimensions: SegmentDimensions) -> int:
    """How many criteria one ``SegmentDimensions`` holds (each attribute, metric, facet...)."""
    count = len(dimensions.attributes or {}) + len(dimensions.user_attributes or {})
    count += len(dimensions.metrics or {})
    if dimensions.demographic is not None:
        count += sum(getattr(dimensions.demographic, f) is not None for f in _DEMOGRAPHIC_FIELDS)
    if dimensions.location is not None:
        count += dimensions.location.country is not None
        count += dimensions.location.gps_point is not None
    if dimensions.behavior is not None:
        count += dimensions.behavior.recency is not None
    return count


# -- description -----------------------------------------------------------------------------------

_RECENCY_WINDOWS = {
    Duration.HR_24: "24 hours",
    Duration.DAY_7: "7 days",
    Duration.DAY_14: "14 days",
    Duration.DAY_30: "30 days",
}


def describe_dimensions(dimensions: SegmentDimensions) -> str:
    """One line for humans: every criterion joined by AND, or ``all endpoints`` if none."""
    parts: list[str] = []
    for prefix, attributes in (("", dimensions.attributes), ("user.", dimensions.user_attributes)):
        for name, attribute in (attributes or {}).items():
            parts.append(_describe_attribute(prefix + shown(name), attribute))
    for name, metric in (dimensions.metrics or {}).items():
        symbol = COMPARISON_OPERATORS.get(metric.comparison_operator, metric.comparison_operator)
        parts.append(f"{shown(name)} {symbol} {_number(metric.value)}")
    if dimensions.demographic is not None:
        for field in _DEMOGRAPHIC_FIELDS:
            facet: SetDimension | None = getattr(dimensions.demographic, field)
            if facet is not None:
                parts.append(_describe_set(_SET_LABELS[field], facet))
    location = dimensions.location
    if location is not None and location.country is not None:
        parts.append(_describe_set("country", location.country))
    if location is not None and location.gps_point is not None:
        point = location.gps_point
        spot = f"({_number(point.coordinates.latitude)}, {_number(point.coordinates.longitude)})"
        distance = point.range_in_kilometers
        parts.append(
            f"within {_number(distance)} km of {spot}" if distance is not None else f"near {spot}"
        )
    if dimensions.behavior is not None and dimensions.behavior.recency is not None:
        recency = dimensions.behavior.recency
        state = "active" if recency.recency_type == RecencyType.ACTIVE else "inactive"
        window = _RECENCY_WINDOWS.get(recency.duration, str(recency.duration))
        parts.append(f"{state} in last {window}")
    return " AND ".join(parts) if parts else "all endpoints"


def _one_or_set(values: list[str], one: str, many: str) -> str:
    if len(values) == 1:
        return f"{one} {shown(values[0])}"
    return f"{many} {{{', '.join(map(shown, values))}}}"


def _describe_set(label: str, dimension: SetDimension) -> str:
    if dimension.dimension_type == DimensionType.EXCLUSIVE:
        return f"{label} {_one_or_set(dimension.values, '≠', '∉')}"
    return f"{label} {_one_or_set(dimension.values, '=', '∈')}"


def _describe_attribute(label: str, attribute: AttributeDimension) -> str:
    values = attribute.values
    kind = attribute.attribute_type
    if kind == AttributeType.EXCLUSIVE:
        return f"{label} {_one_or_set(values, '≠', '∉')}"
    if kind == AttributeType.CONTAINS:
        return f"{label} {_one_or_set(values, 'contains', 'contains any of')}"
    if kind == AttributeType.BETWEEN:
        return f"{label} between {' and '.join(map(shown, values))}"
    if kind in (AttributeType.BEFORE, AttributeType.AFTER, AttributeType.ON):
        return f"{label} {str(kind).lower()} {', '.join(map(shown, values))}"
    return f"{label} {_one_or_set(values, '=', '∈')}"


def shown(text: str) -> str:
    """A name or value as the summary shows it: as is, or quoted if it would break the line."""
    return (
        text
        if text.isprintable() and text.strip() == text and text
        else json.dumps(text, ensure_ascii=False)
    )


def _number(value: float) -> str:
    # Full precision (47.6062, not 47.606 as with :g), without a trailing ".0".
    return str(int(value)) if math.isfinite(value) and value.is_integer() else repr(value)
