"""Every rule the journey and segment validators apply, as data: id, rule, source, severity.

A :class:`~pinpoint_sdk.builders.Problem` names one of these ids and cannot be made with any
other, so every id a user sees is here and documented: the rule tables of ``docs/journeys.md``
and ``docs/segments.md`` are generated from :data:`RULES` (a test fails when they are stale).

- ``J``: journeys (request fields, limits, activities, state changes);
- ``S``: segments, and the inline segment criteria of journey conditions;
- ``P``: mistakes in a journey's graph and in requests that no AWS document spells out as a
  rule, but that would make Pinpoint refuse the journey or run it differently than written
  (an activity that is never reached, a loop, a path that leads nowhere), plus misfits with
  the installed botocore model.

``source`` says where a rule comes from, in words: the Amazon Pinpoint API Reference (the
REST resources and their shapes), botocore's service model for Pinpoint (the wire contract
this SDK is generated from: types, required members, enums), the Amazon Pinpoint User Guide
or the quotas of the Developer Guide; "not documented" marks the rules this SDK adds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

__all__ = ["RULES", "Rule", "Severity"]

Severity = Literal["error", "warning", "error or warning", "not checked"]


@dataclass(frozen=True)
class Rule:
    """One rule: ``id`` (``J5``), the rule in a sentence, where it comes from, and whether
    breaking it stops a build (``error``), is reported but allowed (``warning``), or is only
    documented because it needs the service to check (``not checked``)."""

    id: str
    text: str
    source: str
    severity: Severity

    @property
    def kind(self) -> str:
        """``journey`` for ``J`` and ``P`` rules, ``segment`` for ``S`` rules."""
        return "segment" if self.id.startswith("S") else "journey"


_API = "Amazon Pinpoint API Reference"
_MODEL = "botocore's service model"
_NOT_DOCUMENTED = "Not documented by AWS; this SDK's rule"

_ALL = (
    # -- journeys: request fields ------------------------------------------------------------
    Rule(
        "J1",
        "A journey has a name.",
        f"{_MODEL}: Name is required in WriteJourneyRequest (the API Reference lists it as optional)",
        "error",
    ),
    Rule(
        "J2",
        "A journey's name has at most 150 characters and no spaces.",
        f"{_API}, Journeys: WriteJourneyRequest.Name",
        "error",
    ),
    Rule(
        "J3",
        "An activity id has 1 to 100 characters, letters and digits only (no `_` or `-`).",
        f"{_API}, Journeys: WriteJourneyRequest.Activities",
        "error",
    ),
    Rule(
        "J4",
        "`StartActivity` has at most 128 letters and digits.",
        f"{_API}, Journeys: WriteJourneyRequest.StartActivity",
        "error",
    ),
    Rule(
        "J5",
        "`StartActivity` is set and is the id of one of the journey's activities.",
        f"{_API}, Journeys: StartActivity is the identifier of the first activity",
        "error",
    ),
    Rule(
        "J6",
        "A journey is created or updated as DRAFT or ACTIVE; PAUSED, CANCELLED, COMPLETED and CLOSED can't be written.",
        f"{_API}, Journeys: WriteJourneyRequest.State; {_MODEL} adds PAUSED",
        "error",
    ),
    Rule(
        "J7",
        "The activities of a published journey (ACTIVE, PAUSED, CLOSED, COMPLETED) can't be added, changed or removed, and a CANCELLED journey can't be changed at all.",
        f"{_API}, Journeys and Journey State: State",
        "error",
    ),
    Rule(
        "J8",
        "UpdateJourneyState moves a journey to ACTIVE, PAUSED or CANCELLED only.",
        f"{_API}, Journey State: JourneyStateRequest.State",
        "error",
    ),
    Rule(
        "J9",
        "Only a journey with a `RefreshFrequency` (a segment refresh interval) can be paused.",
        f"{_API}, Journey State: JourneyStateRequest.State",
        "error",
    ),
    # -- journeys: activities ----------------------------------------------------------------
    Rule(
        "J10",
        "A multivariate split has 1 to 4 branches besides its Else path: five paths in all.",
        f"{_API}, Journeys: MultiConditionalSplitActivity",
        "error",
    ),
    Rule(
        "J11",
        "A random split has at most five paths.",
        f"{_API}, Journeys: RandomSplitActivity",
        "error",
    ),
    Rule(
        "J12",
        "A random split has 2 to 5 paths whose whole-number percentages add up to exactly 100; a path of 0 % is a warning.",
        "Amazon Pinpoint User Guide, journey activities: random split (the API Reference gives only its type)",
        "error or warning",
    ),
    Rule(
        "J13",
        "A holdout's `Percentage` is set, as a whole number.",
        f"{_MODEL}: HoldoutActivity.Percentage is a required integer",
        "error",
    ),
    Rule(
        "J14",
        "A holdout's percentage is 0 to 100.",
        f"{_NOT_DOCUMENTED} (it is a percentage)",
        "error",
    ),
    Rule(
        "J15",
        "Split and holdout percentages are probabilities, not exact shares of the participants.",
        f"{_API}, Journeys: HoldoutActivity and RandomSplitEntry",
        "not checked",
    ),
    Rule(
        "J21",
        "`EndpointReentryInterval`, `RefreshFrequency` and every `WaitFor` are ISO 8601 durations such as `PT1H` or `P3D`.",
        f"{_API} and {_MODEL}: JourneyLimits, WriteJourneyRequest, WaitTime",
        "error",
    ),
    Rule(
        "J22",
        "A wait lasts from 1 hour to 365 days.",
        "Amazon Pinpoint User Guide, journey activities: wait",
        "warning",
    ),
    Rule(
        "J23",
        "A `WaitUntil` comes before the journey's end time.",
        "Amazon Pinpoint User Guide, journey activities: wait",
        "warning",
    ),
    Rule(
        "J24",
        "A wait sets exactly one of `WaitFor` and `WaitUntil`.",
        f"{_API}, Journeys: WaitTime (implied: either a duration or a date)",
        "error",
    ),
    Rule(
        "J31",
        "Enumerated values are ones the service knows: split operators, dimension types, SMS message types, event filter types, endpoint types, days of the week, states.",
        f"{_MODEL}: enums (botocore's own parameter check does not check them)",
        "error",
    ),
    Rule(
        "J32",
        "Required members are set: a segment condition's `SegmentId`, an event filter's `FilterType` and `Dimensions`, an event's `EventType` with at least one value, a set dimension's `Values`.",
        f"{_MODEL}: required members",
        "error",
    ),
    Rule(
        "J33",
        "Template names and versions name existing message templates.",
        f"{_API}, Journeys: the message activities' TemplateName",
        "not checked",
    ),
    Rule(
        "J34",
        "An SMS `OriginationNumber` is a number of the account.",
        f"{_API}, Journeys: JourneySMSMessage.OriginationNumber",
        "not checked",
    ),
    Rule(
        "J35",
        "A CUSTOM activity's `DeliveryUri` is a Lambda function name or ARN, or a full `https://` URL.",
        f"{_API}, Journeys: CustomMessageActivity.DeliveryUri",
        "error",
    ),
    Rule(
        "J36",
        "A push message's `TimeToLive` is a number of seconds, written as a string.",
        f"{_API}, Journeys: JourneyPushMessage.TimeToLive",
        "error",
    ),
    Rule(
        "J37",
        "A journey has at most 40 activities by default.",
        "Amazon Pinpoint Developer Guide, quotas: journeys (the quota can be raised)",
        "warning",
    ),
    Rule(
        "J38",
        "CLOSED journeys still count against the account's quota of active journeys.",
        f"{_API}, Journeys: State",
        "not checked",
    ),
    Rule(
        "J39",
        "A journey has at most 3 ContactCenter activities.",
        "Amazon Pinpoint User Guide, journey activities: contact center",
        "warning",
    ),
    Rule(
        "J40",
        "A ContactCenter activity needs the journey's `JourneyChannelSettings` (the Connect campaign ARN and its execution role ARN).",
        f"{_NOT_DOCUMENTED}: the activity has no settings of its own",
        "error",
    ),
    Rule(
        "J41",
        "A CUSTOM activity's `MessageConfig.Data` has at most 5000 characters.",
        "Amazon Pinpoint User Guide, journey activities: custom (the console's limit)",
        "warning",
    ),
    Rule(
        "J42",
        "A request is at most 7 MB.",
        "Amazon Pinpoint Developer Guide, quotas: request payload size",
        "warning",
    ),
    # -- journeys: settings ------------------------------------------------------------------
    Rule(
        "J16",
        "`Limits.DailyCap` is 0 to 100.",
        f"{_API}, Journeys: JourneyLimits.DailyCap",
        "error",
    ),
    Rule(
        "J17",
        "`Limits.TotalCap` is 0 to 100 (0: no limit).",
        f"{_API}, Journeys: JourneyLimits.TotalCap",
        "error",
    ),
    Rule(
        "J18",
        "`Limits.EndpointReentryCap` is 0 to 100 (0: no limit).",
        f"{_API}, Journeys: JourneyLimits.EndpointReentryCap",
        "error",
    ),
    Rule(
        "J19",
        "`Limits.TimeframeCap` counts 0 to 30 `Days` and a `Cap` of 0 to 100 (0: off).",
        f"{_API}, Journeys: JourneyTimeframeCap",
        "error",
    ),
    Rule(
        "J20",
        "`Limits.MessagesPerSecond` is at least 1: below that nothing is sent (no upper bound is documented for journeys).",
        f"{_API}, Journeys: JourneyLimits.MessagesPerSecond",
        "warning",
    ),
    Rule(
        "J25",
        "`QuietTime` `Start` and `End` are 24-hour `HH:MM` times.",
        f"{_API}, Journeys: QuietTime",
        "error",
    ),
    Rule(
        "J26",
        "`OpenHours` and `ClosedDays` need `QuietTime` and `SendingSchedule=true`.",
        f"{_API}, Journeys: OpenHours and ClosedDays",
        "error",
    ),
    Rule(
        "J27",
        "Every member of an `OpenHours` or `ClosedDays` rule is set.",
        f"{_API}, Journeys: OpenHoursRule and ClosedDaysRule (required there; optional in {_MODEL})",
        "error",
    ),
    Rule(
        "J28",
        "`Schedule.Timezone` is one of the listed UTC offsets (`UTC`, `UTC+01`, ... `UTC-11`); IANA names are refused.",
        f"{_API}, Journeys: JourneySchedule.Timezone",
        "error",
    ),
    Rule("J29", "A journey's schedule starts before it ends.", _NOT_DOCUMENTED, "error"),
    Rule(
        "J30",
        "`POSTAL_CODE` time zone estimation works only for endpoints in the US, UK, Australia, New Zealand, Canada, France, Italy, Spain and Germany.",
        f"{_API}, Journeys: TimezoneEstimationMethods",
        "warning",
    ),
    # -- journeys: graph and request pitfalls ------------------------------------------------
    Rule(
        "P2",
        "Every link (`NextActivity`, `TrueActivity`, `FalseActivity`, `DefaultActivity`, a branch's `NextActivity`, an event condition's `MessageActivity`) names an existing activity.",
        _NOT_DOCUMENTED,
        "error",
    ),
    Rule("P3", "Every activity can be reached from the start activity.", _NOT_DOCUMENTED, "error"),
    Rule(
        "P4",
        "Paths have no loops: an activity never leads back to itself.",
        f"{_NOT_DOCUMENTED} (AWS documents no loops in journeys)",
        "error",
    ),
    Rule(
        "P5",
        "Several paths leading into one activity are allowed but undocumented.",
        _NOT_DOCUMENTED,
        "warning",
    ),
    Rule("P6", "Nothing leads back to the start activity.", _NOT_DOCUMENTED, "error"),
    Rule(
        "P7",
        "An activity has exactly one type (EMAIL, SMS, PUSH, CUSTOM, ContactCenter, Wait, Holdout or a split), and a condition exactly one of EventCondition, SegmentCondition and SegmentDimensions.",
        f"{_API}, Journeys: Activity and SimpleCondition (implied)",
        "error",
    ),
    Rule(
        "P8",
        "An event condition names a message activity (EMAIL, SMS, PUSH, CUSTOM, ContactCenter) that comes before the split; otherwise its event can't have happened.",
        _NOT_DOCUMENTED,
        "error",
    ),
    Rule(
        "P9",
        "A split has conditions, and each branch of a multivariate split has one.",
        _NOT_DOCUMENTED,
        "error",
    ),
    Rule(
        "P10",
        "Every path of a split is routed; the builder wants `END` for a path whose participants leave the journey.",
        f"{_NOT_DOCUMENTED} (an empty path silently ends)",
        "error or warning",
    ),
    Rule(
        "P11",
        "A `WaitUntil` is an ISO 8601 date-time, and one in the past is a warning.",
        _NOT_DOCUMENTED,
        "error or warning",
    ),
    Rule(
        "P12",
        "Only documented state changes: CANCELLED, COMPLETED and CLOSED journeys take no new state, a journey is not moved back to DRAFT, a DRAFT is published by writing ACTIVE.",
        f"{_API}, Journey State (what is not listed is refused)",
        "error",
    ),
    Rule(
        "P14",
        "A journey has exactly one start condition: a segment, or an event with an `EventFilter` naming its `EventType`.",
        f"{_API}, Journeys: StartCondition",
        "error",
    ),
    Rule(
        "P16",
        "A request holds only members and types of the installed botocore model (no unknown field, no wrong type).",
        _MODEL,
        "error",
    ),
    # -- segments ----------------------------------------------------------------------------
    Rule(
        "S1",
        "A segment has either `Dimensions` or `SegmentGroups`, not both.",
        f"{_API}, Segments: WriteSegmentRequest",
        "error",
    ),
    Rule(
        "S2",
        "A request holds one segment group.",
        f"{_API}, Segments: SegmentGroupList (one group per request)",
        "warning",
    ),
    Rule(
        "S3",
        "A group's base segments are several dynamic segments or exactly one imported segment.",
        f"{_API}, Segments: SegmentGroup.SourceSegments",
        "error",
    ),
    Rule(
        "S4",
        "A segment without a name does not show in the console.",
        f"{_API}, Segments: WriteSegmentRequest.Name",
        "warning",
    ),
    Rule(
        "S5",
        "Attribute names have at most 50 characters and no `# : ? \\ /`; values at most 100 characters.",
        f"{_API}, Endpoints: attribute names and values",
        "warning",
    ),
    Rule(
        "S6",
        "Each application has quotas of custom attributes, metrics and user attributes; going over them is an HTTP 400.",
        "Amazon Pinpoint Developer Guide, quotas: endpoints",
        "not checked",
    ),
    Rule(
        "S7",
        "A segment has at most 100 dimensions.",
        "Amazon Pinpoint Developer Guide, quotas: segments",
        "warning",
    ),
    Rule(
        "S9",
        "`Country` values are ISO 3166-1 alpha-2 codes such as `US` or `DE`.",
        f"{_API}, Segments: SegmentLocation.Country",
        "error",
    ),
    Rule(
        "S10",
        "The date operators (`BEFORE`, `AFTER`, `ON`, `BETWEEN`) compare ISO 8601 instants in UTC.",
        f"{_API}, Segments: AttributeDimension.AttributeType",
        "error",
    ),
    Rule(
        "S11",
        "`BETWEEN` takes exactly 2 values, `BEFORE`, `AFTER` and `ON` exactly 1, and every dimension at least one.",
        f"{_API}, Segments: AttributeDimension (implied)",
        "error",
    ),
    Rule(
        "S12",
        "A metric's `ComparisonOperator` is one of GREATER_THAN, LESS_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN_OR_EQUAL and EQUAL.",
        f"{_API}, Segments: MetricDimension.ComparisonOperator (a free string in {_MODEL})",
        "error",
    ),
    Rule(
        "S13",
        "A recency dimension sets both `RecencyType` (ACTIVE, INACTIVE) and `Duration` (HR_24, DAY_7, DAY_14, DAY_30).",
        f"{_MODEL}: RecencyDimension",
        "error",
    ),
    Rule(
        "S14",
        "GPS coordinates are a latitude within ±90 and a longitude within ±180; a range of 0 km or less is a warning.",
        f"{_API}, Segments: GPSPointDimension",
        "error or warning",
    ),
    Rule(
        "S15",
        "A segment request's `tags` are deprecated and ignored on update; the builder drops them (use TagResource).",
        f"{_API}, Segments: WriteSegmentRequest.tags",
        "warning",
    ),
    Rule(
        "S16",
        "The segment of an event-started journey is a dynamic segment.",
        f"{_API}, Journeys: EventStartCondition.SegmentId",
        "not checked",
    ),
    Rule(
        "S17",
        "Deleting a segment that an active journey uses may stop the journey.",
        f"{_API}, Segment: DELETE",
        "not checked",
    ),
    Rule(
        "S18",
        "A metric's `Value` is a finite number.",
        f"{_MODEL}: MetricDimension.Value is a double",
        "error",
    ),
)


def _order(rule: Rule) -> tuple[int, int]:
    return "JPS".index(rule.id[0]), int(rule.id[1:])


#: Every rule by id: J, then P, then S rules, each by number (the order of the docs' tables).
RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in sorted(_ALL, key=_order)})
