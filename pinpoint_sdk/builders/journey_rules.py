"""Every rule a journey must meet before it is sent, checked on the request itself.

:func:`validate_journey` takes a ``WriteJourneyRequest`` (or its wire dict, hand-written or
loaded) and returns every :class:`Problem`, each naming where it is (wire names, e.g.
``Activities.greetEmail.EMAIL.NextActivity``), what is wrong in plain words, and its rule of
:data:`~pinpoint_sdk.builders.rules.RULES`:

- ``J`` rules: the rules and limits of the journey's fields, activities and settings;
- ``P`` rules: mistakes no AWS document states as a rule (dangling references P2,
  unreachable activities P3, loops P4, converging paths P5, a start activity with
  predecessors P6, zero or several types P7, event conditions on a non-message or downstream
  activity P8, splits without conditions P9, split paths that lead nowhere P10, bad
  ``WaitUntil`` P11, state misuse P12, start conditions P14, fields or types unknown to the
  installed botocore model P16).

botocore's own ``ParamValidator`` checks only types and required members; everything else
(enums, the one-type-per-activity rule, ranges, formats, the graph) is here. Rules that need
the service (template names J33, origination numbers J34, dynamic segments S16) are not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from pydantic import ValidationError

from pinpoint_sdk.models import (
    Activity,
    DayOfWeek,
    JourneyResponse,
    SimpleCondition,
    TimezoneEstimationMethodsElement,
    WaitTime,
    WriteJourneyRequest,
)

from ._problems import BuildError, Problem, Severity
from .dimensions import validate_dimensions
from .durations import is_iso_duration, parse_instant, parse_iso_duration
from .journey_graph import MESSAGE_TYPES, activity_types, conditions_of, outgoing
from .lifecycle import write_problems

__all__ = ["JOURNEY_TIMEZONES", "load_journey", "validate_journey"]

JOURNEY_TIMEZONES: Final = frozenset(
    # As the API Reference lists them: no UTC-01, UTC-12 or UTC+14, and no IANA names.
    [
        "UTC",
        "UTC+01",
        "UTC+02",
        "UTC+03",
        "UTC+03:30",
        "UTC+04",
        "UTC+04:30",
        "UTC+05",
        "UTC+05:30",
        "UTC+05:45",
        "UTC+06",
        "UTC+06:30",
        "UTC+07",
        "UTC+08",
        "UTC+08:45",
        "UTC+09",
        "UTC+09:30",
        "UTC+10",
        "UTC+10:30",
        "UTC+11",
        "UTC+12",
        "UTC+12:45",
        "UTC+13",
        "UTC+13:45",
        "UTC-02",
        "UTC-02:30",
        "UTC-03",
        "UTC-03:30",
        "UTC-04",
        "UTC-05",
        "UTC-06",
        "UTC-07",
        "UTC-08",
        "UTC-09",
        "UTC-09:30",
        "UTC-10",
        "UTC-11",
    ]
)
"""The ``Schedule.Timezone`` values the REST reference allows (rule J28)."""

_ACTIVITY_ID = re.compile(r"^[A-Za-z0-9]{1,100}$")
_START_ACTIVITY = re.compile(r"^[A-Za-z0-9]{1,128}$")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_SECONDS = re.compile(r"^\d+$")
# A Lambda function by name, partial ARN or full ARN (optionally with a version or alias), or
# a web hook by full https URL: the forms the API Reference lists for CUSTOM DeliveryUri.
_DELIVERY_URI = re.compile(
    r"^(?:https://\S+"
    r"|(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?"
    r"[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_$-]{1,128})?)$"
)
_CAPS = {"DailyCap": "J16", "TotalCap": "J17", "EndpointReentryCap": "J18"}
_POSTAL_CODE_COUNTRIES = "US, UK, AU, NZ, CA, FR, IT, ES and DE"
_MAX_ACTIVITIES = 40  # the Developer Guide's default quota; it can be raised, hence a warning
_MAX_CONTACT_CENTER = 3  # the User Guide's limit
_MAX_CUSTOM_DATA = 5000  # the console's limit, per the User Guide
_MAX_PAYLOAD = 7 * 1024 * 1024  # the Developer Guide's quota
_SHORTEST_WAIT = timedelta(hours=1)  # the console's bounds for a Wait, per the User Guide
_LONGEST_WAIT = timedelta(days=365)


def load_journey(
    request: WriteJourneyRequest | JourneyResponse | Mapping[str, Any],
) -> WriteJourneyRequest:
    """The request as a model: a response keeps the fields a request has (every one it set);
    a dict that does not fit the model raises :class:`BuildError` listing every mismatch
    (unknown fields, bad enum values, missing required members)."""
    if isinstance(request, WriteJourneyRequest):
        return request
    if isinstance(request, JourneyResponse):
        fields = set(WriteJourneyRequest.model_fields) & request.model_fields_set
        return WriteJourneyRequest.model_validate({f: getattr(request, f) for f in fields})
    model, problems = _parse(request)
    if model is None:
        raise BuildError("journey request", problems)
    return model


def validate_journey(
    request: WriteJourneyRequest | Mapping[str, Any],
    *,
    now: datetime | None = None,
    warn_open_paths: bool = True,
) -> list[Problem]:
    """Every problem with ``request``: errors (it must not be sent) and warnings.

    ``now`` is the time a ``WaitUntil`` "in the past" is measured against (default: now).
    ``warn_open_paths=False`` skips the P10 warning for split paths that lead nowhere (the
    builder reports those itself, as errors, unless the user ended them with ``END``).
    """
    if isinstance(request, WriteJourneyRequest):
        model = request
    else:
        parsed, problems = _parse(request)
        if parsed is None:
            return problems
        model = parsed
    checker = _Checker(model, now or datetime.now(timezone.utc), warn_open_paths)
    checker.run()
    return checker.problems


def _parse(data: Mapping[str, Any]) -> tuple[WriteJourneyRequest | None, list[Problem]]:
    try:
        return WriteJourneyRequest.model_validate(data), []
    except ValidationError as error:
        return None, [_from_pydantic(e) for e in error.errors()]


def _from_pydantic(error: Any) -> Problem:
    loc: tuple[str | int, ...] = error["loc"]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
    where = where.lstrip(".") or "request"
    kind = error["type"]
    if kind == "missing":
        rule = (
            "J1" if loc == ("Name",) else "J13" if loc[-2:] == ("Holdout", "Percentage") else "J32"
        )
        return Problem(where, "is required", rule)
    if kind == "enum":
        return Problem(where, f"{error['input']!r} is not allowed: {error['msg']}", "J31")
    if kind == "extra_forbidden":
        return Problem(
            where, "is not a member of this shape in the installed botocore model", "P16"
        )
    return Problem(where, error["msg"], "P16")


def _aware(moment: datetime) -> datetime:
    # botocore sends a naive timestamp as UTC, so compare it as UTC too.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


class _Checker:
    """One pass over one request, collecting problems in reading order."""

    def __init__(self, request: WriteJourneyRequest, now: datetime, warn_open_paths: bool) -> None:
        self.request = request
        self.activities: Mapping[str, Activity] = request.activities or {}
        self.now = _aware(now)
        self.warn_open_paths = warn_open_paths
        self.problems: list[Problem] = []

    def report(self, where: str, message: str, rule: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(where, message, rule, severity))

    def warn(self, where: str, message: str, rule: str) -> None:
        self.report(where, message, rule, "warning")

    def run(self) -> None:
        self.check_name_and_state()
        self.check_start_condition()
        self.check_schedule()
        self.check_limits()
        self.check_sending_windows()
        self.check_channel_settings()
        self.check_start_activity()
        for activity_id, activity in self.activities.items():
            self.check_activity(activity_id, activity)
        self.check_graph()
        self.check_size()

    # -- journey settings --------------------------------------------------------------------

    def check_name_and_state(self) -> None:
        name = self.request.name
        if not name:
            self.report("Name", "a journey needs a name", "J1")
        elif len(name) > 150 or re.search(r"\s", name):
            self.report("Name", f"{name!r}: at most 150 characters and no spaces", "J2")
        # J6 is a state rule: lifecycle owns it, with no current state to compare against.
        self.problems += write_problems(None, self.request.state, activities_changed=False)
        frequency = self.request.refresh_frequency
        if frequency is not None and not is_iso_duration(frequency):
            self.report("RefreshFrequency", f"{frequency!r} is not an ISO 8601 duration", "J21")

    def check_start_condition(self) -> None:
        start = self.request.start_condition
        if start is None:
            self.report("StartCondition", "say who enters: a segment or an event", "P14")
            return
        by_segment, by_event = start.segment_start_condition, start.event_start_condition
        if by_segment is not None and by_event is not None:
            self.report(
                "StartCondition", "set a segment or an event start condition, not both", "P14"
            )
        elif by_segment is None and by_event is None:
            self.report("StartCondition", "say who enters: a segment or an event", "P14")
        if by_event is not None:
            where = "StartCondition.EventStartCondition"
            event_filter = by_event.event_filter
            if event_filter is None:
                self.report(where, "an event start needs an EventFilter", "P14")
            elif event_filter.dimensions.event_type is None:
                self.report(
                    f"{where}.EventFilter.Dimensions", "name the EventType that starts it", "P14"
                )
            elif not event_filter.dimensions.event_type.values:
                self.report(
                    f"{where}.EventFilter.Dimensions.EventType.Values",
                    "name at least one event",
                    "J32",
                )

    def check_schedule(self) -> None:
        schedule = self.request.schedule
        if schedule is None:
            return
        if schedule.timezone is not None and schedule.timezone not in JOURNEY_TIMEZONES:
            self.report(
                "Schedule.Timezone",
                f"{schedule.timezone!r} is not one of the UTC offsets the service accepts "
                "(UTC, UTC+01, …, UTC-11; IANA names are not accepted)",
                "J28",
            )
        start, end = schedule.start_time, schedule.end_time
        if start is not None and end is not None and _aware(start) >= _aware(end):
            self.report("Schedule.EndTime", f"ends ({end}) before it starts ({start})", "J29")
        methods = self.request.timezone_estimation_methods or []
        if TimezoneEstimationMethodsElement.POSTAL_CODE in methods:
            self.warn(
                "TimezoneEstimationMethods",
                f"POSTAL_CODE works only for endpoints in {_POSTAL_CODE_COUNTRIES}",
                "J30",
            )

    def check_limits(self) -> None:
        limits = self.request.limits
        if limits is None:
            return
        values = {
            "DailyCap": limits.daily_cap,
            "TotalCap": limits.total_cap,
            "EndpointReentryCap": limits.endpoint_reentry_cap,
        }
        for member, value in values.items():
            if value is not None and not 0 <= value <= 100:
                self.report(f"Limits.{member}", f"{value} is outside 0–100", _CAPS[member])
        frame = limits.timeframe_cap
        if frame is not None:
            if frame.days is not None and not 0 <= frame.days <= 30:
                self.report("Limits.TimeframeCap.Days", f"{frame.days} is outside 0–30", "J19")
            if frame.cap is not None and not 0 <= frame.cap <= 100:
                self.report("Limits.TimeframeCap.Cap", f"{frame.cap} is outside 0–100", "J19")
        interval = limits.endpoint_reentry_interval
        if interval is not None and not is_iso_duration(interval):
            self.report(
                "Limits.EndpointReentryInterval", f"{interval!r} is not an ISO 8601 duration", "J21"
            )
        rate = limits.messages_per_second
        if rate is not None and rate < 1:
            self.warn(
                "Limits.MessagesPerSecond", f"{rate} messages per second sends nothing", "J20"
            )

    def check_sending_windows(self) -> None:
        quiet = self.request.quiet_time
        if quiet is not None:
            for member, value in (("Start", quiet.start), ("End", quiet.end)):
                if value is None or not _CLOCK.match(value):
                    self.report(
                        f"QuietTime.{member}", f"{value!r} is not a 24-hour HH:MM time", "J25"
                    )
        open_hours, closed_days = self.request.open_hours, self.request.closed_days
        windows = [("OpenHours", open_hours), ("ClosedDays", closed_days)]
        for member, window in windows:
            if window is not None and (quiet is None or self.request.sending_schedule is not True):
                self.report(
                    member,
                    "needs QuietTime set and SendingSchedule=true (the API Reference: QuietTime "
                    "should be configured first and SendingSchedule set to true)",
                    "J26",
                )
        if open_hours is not None:
            for channel, days in open_hours.to_params().items():
                for day, rules in days.items():
                    where = f"OpenHours.{channel}.{day}"
                    if day not in DayOfWeek.__members__:
                        self.report(where, f"{day!r} is not a day (MONDAY … SUNDAY)", "J31")
                    for i, rule in enumerate(rules):
                        for member in ("StartTime", "EndTime"):
                            if not rule.get(member):
                                self.report(f"{where}[{i}].{member}", "is required", "J27")
        if closed_days is not None:
            for channel, rules in closed_days.to_params().items():
                for i, rule in enumerate(rules):
                    for member in ("Name", "StartDateTime", "EndDateTime"):
                        if not rule.get(member):
                            self.report(f"ClosedDays.{channel}[{i}].{member}", "is required", "J27")

    def check_channel_settings(self) -> None:
        calls = [i for i, a in self.activities.items() if a.contact_center is not None]
        settings = self.request.journey_channel_settings
        complete = (
            settings is not None
            and settings.connect_campaign_arn
            and settings.connect_campaign_execution_role_arn
        )
        if not complete:
            for activity_id in calls:
                self.report(
                    f"Activities.{activity_id}.ContactCenter",
                    "a ContactCenter activity needs JourneyChannelSettings with the Connect "
                    "campaign ARN and its execution role ARN",
                    "J40",
                )
        if len(calls) > _MAX_CONTACT_CENTER:
            self.warn(
                "Activities",
                f"{len(calls)} ContactCenter activities; the console allows "
                f"{_MAX_CONTACT_CENTER} per journey",
                "J39",
            )

    def check_start_activity(self) -> None:
        start = self.request.start_activity
        if start is None:
            self.report("StartActivity", "say which activity comes first", "J5")
        elif not _START_ACTIVITY.match(start):
            self.report("StartActivity", f"{start!r}: at most 128 letters and digits", "J4")
        elif start not in self.activities:
            self.report("StartActivity", f"{start!r} is not one of the activities", "J5")

    # -- activities --------------------------------------------------------------------------

    def check_activity(self, activity_id: str, activity: Activity) -> None:
        where = f"Activities.{activity_id}"
        if not _ACTIVITY_ID.match(activity_id):
            self.report(where, f"{activity_id!r}: an id is 1–100 letters and digits only", "J3")
        types = activity_types(activity)
        if not types:
            self.report(where, "has no type: set one of EMAIL, SMS, PUSH, CUSTOM, …", "P7")
        elif len(types) > 1:
            self.report(where, f"has several types ({', '.join(types)}); set exactly one", "P7")
        if activity.custom is not None:
            self.check_custom(f"{where}.CUSTOM", activity)
        push = activity.push
        if push is not None and push.message_config is not None:
            ttl = push.message_config.time_to_live
            if ttl is not None and not _SECONDS.match(ttl):
                self.report(
                    f"{where}.PUSH.MessageConfig.TimeToLive",
                    f"{ttl!r} is not a number of seconds",
                    "J36",
                )
        if activity.wait is not None:
            self.check_wait(f"{where}.Wait.WaitTime", activity.wait.wait_time, is_wait=True)
        holdout = activity.holdout
        if holdout is not None and not 0 <= holdout.percentage <= 100:
            self.report(
                f"{where}.Holdout.Percentage", f"{holdout.percentage} is outside 0–100", "J14"
            )
        if activity.conditional_split is not None:
            split = activity.conditional_split
            if split.condition is None or not split.condition.conditions:
                self.report(f"{where}.ConditionalSplit.Condition", "has no conditions", "P9")
            if split.evaluation_wait_time is not None:
                self.check_wait(
                    f"{where}.ConditionalSplit.EvaluationWaitTime", split.evaluation_wait_time
                )
        if activity.multi_condition is not None:
            self.check_multi_condition(where, activity)
        if activity.random_split is not None:
            self.check_random_split(where, activity)
        for path, condition in conditions_of(activity):
            self.check_condition(activity_id, f"{where}.{path}", condition)

    def check_custom(self, where: str, activity: Activity) -> None:
        custom = activity.custom
        assert custom is not None
        uri = custom.delivery_uri
        if not uri or not _DELIVERY_URI.match(uri):
            self.report(
                f"{where}.DeliveryUri",
                f"{uri!r} is neither a Lambda function name or ARN nor a full https:// URL",
                "J35",
            )
        data = custom.message_config.data if custom.message_config else None
        if data is not None and len(data) > _MAX_CUSTOM_DATA:
            self.warn(
                f"{where}.MessageConfig.Data",
                f"{len(data)} characters; the console allows {_MAX_CUSTOM_DATA}",
                "J41",
            )

    def check_wait(self, where: str, wait: WaitTime | None, *, is_wait: bool = False) -> None:
        if wait is None or (wait.wait_for is None) == (wait.wait_until is None):
            self.report(where, "set exactly one of WaitFor and WaitUntil", "J24")
            return
        if wait.wait_for is not None:
            if not is_iso_duration(wait.wait_for):
                self.report(
                    f"{where}.WaitFor",
                    f"{wait.wait_for!r} is not an ISO 8601 duration such as 'PT1H' or 'P3D'",
                    "J21",
                )
            elif is_wait:
                self.check_wait_length(f"{where}.WaitFor", wait.wait_for)
            return
        until = wait.wait_until
        assert until is not None
        try:
            moment = _aware(parse_instant(until))
        except ValueError:
            self.report(f"{where}.WaitUntil", f"{until!r} is not an ISO 8601 date-time", "P11")
            return
        schedule = self.request.schedule
        end = schedule.end_time if schedule is not None else None
        if end is not None and moment >= _aware(end):
            self.warn(
                f"{where}.WaitUntil", f"waits until {until}, after the journey ends ({end})", "J23"
            )
        if moment < self.now:
            self.warn(f"{where}.WaitUntil", f"{until} is already past", "P11")

    def check_wait_length(self, where: str, text: str) -> None:
        try:
            length = parse_iso_duration(text)
        except ValueError:
            return  # years or months: no fixed length to compare
        if not _SHORTEST_WAIT <= length <= _LONGEST_WAIT:
            self.warn(where, f"{text} is outside the console's 1 hour to 365 days", "J22")

    def check_multi_condition(self, where: str, activity: Activity) -> None:
        multi = activity.multi_condition
        assert multi is not None
        branches = multi.branches or []
        if not branches:
            self.report(f"{where}.MultiCondition.Branches", "needs at least one branch", "J10")
        elif len(branches) > 4:
            self.report(
                f"{where}.MultiCondition.Branches",
                f"{len(branches)} branches; at most 4 besides the Else path (five paths in all)",
                "J10",
            )
        if multi.evaluation_wait_time is not None:
            self.check_wait(
                f"{where}.MultiCondition.EvaluationWaitTime", multi.evaluation_wait_time
            )

    def check_random_split(self, where: str, activity: Activity) -> None:
        random_split = activity.random_split
        assert random_split is not None
        branches = random_split.branches or []
        here = f"{where}.RandomSplit.Branches"
        if len(branches) > 5:
            self.report(here, f"{len(branches)} paths; a random split has at most 5", "J11")
        elif len(branches) < 2:
            self.report(here, f"{len(branches)} paths; a random split needs 2 to 5", "J12")
        shares = [entry.percentage for entry in branches]
        for i, share in enumerate(shares):
            if share is None or share < 0:
                self.report(f"{here}[{i}].Percentage", "needs a percentage of 0–100", "J12")
            elif share == 0:
                self.warn(f"{here}[{i}].Percentage", "0 percent: nobody takes this path", "J12")
        total = sum(share for share in shares if share is not None)
        if branches and total != 100:
            self.report(here, f"percentages add up to {total}, not 100", "J12")

    def check_condition(
        self, activity_id: str, where: str, condition: SimpleCondition | None
    ) -> None:
        if condition is None:
            self.report(where, "a branch needs a condition", "P9")
            return
        kinds = [
            kind
            for kind, value in (
                ("EventCondition", condition.event_condition),
                ("SegmentCondition", condition.segment_condition),
                ("SegmentDimensions", condition.segment_dimensions),
            )
            if value is not None
        ]
        if len(kinds) != 1:
            found = ", ".join(kinds) or "nothing"
            self.report(
                where,
                f"sets {found}; set exactly one of EventCondition, SegmentCondition and "
                "SegmentDimensions",
                "P7",
            )
        event = condition.event_condition
        if event is not None:
            self.check_event_condition(
                activity_id, f"{where}.EventCondition", event.message_activity
            )
            if event.dimensions is None or event.dimensions.event_type is None:
                self.report(f"{where}.EventCondition.Dimensions", "name the EventType", "J32")
            elif not event.dimensions.event_type.values:
                self.report(
                    f"{where}.EventCondition.Dimensions.EventType.Values",
                    "name at least one event",
                    "J32",
                )
        if condition.segment_condition is not None and not condition.segment_condition.segment_id:
            self.report(f"{where}.SegmentCondition.SegmentId", "is required", "J32")
        if condition.segment_dimensions is not None:
            self.problems += _dimension_problems(condition.segment_dimensions, where)

    def check_event_condition(self, split_id: str, where: str, message: str | None) -> None:
        here = f"{where}.MessageActivity"
        if message is None:
            self.report(here, "name the message activity whose events count", "P8")
            return
        target = self.activities.get(message)
        if target is None:
            self.report(here, f"refers to {message!r}, which is not an activity", "P2")
            return
        if not set(activity_types(target)) & MESSAGE_TYPES:
            self.report(
                here,
                f"{message!r} sends no message, so it has no events to wait for",
                "P8",
            )
        elif split_id not in self._reachable_from(message):
            self.report(
                here,
                f"{message!r} does not come before {split_id!r}, so its events can't have happened",
                "P8",
            )

    # -- the graph ---------------------------------------------------------------------------

    def _reachable_from(self, origin: str) -> set[str]:
        seen: set[str] = set()
        todo = [origin]
        while todo:
            node = todo.pop()
            if node in seen or node not in self.activities:
                continue
            seen.add(node)
            todo.extend(e.target for e in outgoing(self.activities[node]) if e.target)
        return seen

    def check_graph(self) -> None:
        start = self.request.start_activity
        incoming: dict[str, list[str]] = {}
        for activity_id, activity in self.activities.items():
            for edge in outgoing(activity):
                where = f"Activities.{activity_id}.{edge.field}"
                if edge.target is None:
                    if self.warn_open_paths and edge.kind != "next":
                        self.warn(where, "not set: participants on this path leave here", "P10")
                    continue
                if edge.target not in self.activities:
                    self.report(where, f"leads to {edge.target!r}, which is not an activity", "P2")
                    continue
                incoming.setdefault(edge.target, []).append(activity_id)
                if edge.target == start:
                    self.report(
                        where,
                        f"leads back to the start activity {start!r}; it must have no predecessors",
                        "P6",
                    )
        if start is not None and start in self.activities:
            reached = self._reachable_from(start)
            for activity_id in self.activities:
                if activity_id not in reached:
                    self.report(
                        f"Activities.{activity_id}",
                        f"can't be reached from the start activity {start!r}",
                        "P3",
                    )
        self.check_cycles()
        for target, sources in incoming.items():
            if len(sources) > 1:
                self.warn(
                    f"Activities.{target}",
                    f"several paths lead here (from {', '.join(sources)}); converging paths are "
                    "undocumented",
                    "P5",
                )
        if len(self.activities) > _MAX_ACTIVITIES:
            self.warn(
                "Activities",
                f"{len(self.activities)} activities; the default quota is {_MAX_ACTIVITIES}",
                "J37",
            )

    def check_cycles(self) -> None:
        # Depth first search; an edge to an activity still on the stack closes a loop.
        done: set[str] = set()
        stack: list[str] = []

        def visit(node: str) -> None:
            stack.append(node)
            for edge in outgoing(self.activities[node]):
                target = edge.target
                if target is None or target not in self.activities or target in done:
                    continue
                if target in stack:
                    loop = [*stack[stack.index(target) :], target]
                    self.report(
                        f"Activities.{node}.{edge.field}",
                        f"makes a loop ({' → '.join(loop)}); participants would go round it",
                        "P4",
                    )
                    continue
                visit(target)
            stack.pop()
            done.add(node)

        order = [self.request.start_activity] if self.request.start_activity else []
        for node in [*order, *self.activities]:
            if node in self.activities and node not in done:
                visit(node)

    def check_size(self) -> None:
        size = len(json.dumps(self.request.to_params(), default=str))
        if size > _MAX_PAYLOAD:
            self.warn("request", f"about {size} bytes; requests over 7 MB are refused", "J42")


def _dimension_problems(dimensions: Any, where: str) -> list[Problem]:
    """The segment rules (S5, S9–S14) for inline criteria: one implementation for both builders."""
    return validate_dimensions(dimensions, f"{where}.SegmentDimensions")
