"""``JourneyBuilder``: a journey as a few readable lines, checked before anything is sent.

::

    journey = (
        JourneyBuilder("welcome-series-v1")
        .start_on_segment("0f1e2d3c4b5a69788796a5b4c3d2e1f0")
        .quiet_time("21:00", "08:00")
    )
    welcome = journey.email("WelcomeEmail", id="welcomeEmail")
    (
        welcome.split_on_event("_email.open", "_email.click", operator="ANY", within="P3D")
        .on_true(lambda path: path.wait(days=7).push("OnboardingTips"))
        .on_false(lambda path: path.sms("WelcomeNudge"))
    )
    request = journey.build()          # a WriteJourneyRequest, or BuildError listing every problem

The activity methods come from :class:`~.journey_activities.Path`; the journey settings are
here, one method each, every one returning the builder. Only what is set is sent.

``JourneyBuilder.from_response(...)`` / ``from_request(...)`` load an existing journey, keeping
every field, so it can be changed and built again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar, overload

from pydantic import BaseModel
from typing_extensions import Self

from pinpoint_sdk.models import (
    AttributeDimension,
    DayOfWeek,
    EventFilter,
    FilterType,
    JourneyResponse,
    MetricDimension,
    State,
    TimezoneEstimationMethodsElement,
    WriteJourneyRequest,
)

from .._exceptions import PinpointValidationError
from ._problems import BuildError, Problem
from .durations import DurationLike, format_instant, iso_duration
from .journey_activities import (
    END,
    STEP_TYPES,
    Branch,
    ConditionalSplitStep,
    ContactCenterStep,
    CustomStep,
    EmailStep,
    End,
    HoldoutStep,
    MessageStep,
    MultiSplitStep,
    Path,
    PushStep,
    RandomSplitStep,
    SmsStep,
    Step,
    Target,
    WaitStep,
    _given,
    _Graph,
)
from .journey_conditions import event_types
from .journey_graph import activity_types
from .journey_rules import load_journey, validate_journey
from .lifecycle import WRITABLE_STATES, write_problems

if TYPE_CHECKING:
    from pinpoint_sdk.params import (
        AttributeDimensionParam,
        AttributeDimensionWireParam,
        DayOfWeekLiteral,
        FilterTypeLiteral,
        MetricDimensionParam,
        MetricDimensionWireParam,
        TimezoneEstimationMethodsElementLiteral,
    )

__all__ = [
    "END",
    "Branch",
    "ConditionalSplitStep",
    "ContactCenterStep",
    "CustomStep",
    "EmailStep",
    "End",
    "HoldoutStep",
    "JourneyBuilder",
    "MessageStep",
    "MultiSplitStep",
    "Path",
    "PushStep",
    "RandomSplitStep",
    "SmsStep",
    "Step",
    "Target",
    "WaitStep",
]

StepT = TypeVar("StepT", bound=Step)

#: The channels of ``OpenHours`` and ``ClosedDays`` (their members, upper-cased).
Channel: TypeAlias = Literal["EMAIL", "SMS", "PUSH", "VOICE", "CUSTOM"]
DayName: TypeAlias = "DayOfWeek | DayOfWeekLiteral"
#: The states a journey may be written with (the others are reached through the lifecycle).
WriteState: TypeAlias = "State | Literal['DRAFT', 'ACTIVE']"
EstimationMethod: TypeAlias = (
    "TimezoneEstimationMethodsElement | TimezoneEstimationMethodsElementLiteral"
)
AttributeDimensionInput: TypeAlias = (
    "AttributeDimension | AttributeDimensionParam | AttributeDimensionWireParam"
)
MetricDimensionInput: TypeAlias = (
    "MetricDimension | MetricDimensionParam | MetricDimensionWireParam"
)

# Fields the builder manages itself rather than as plain settings.
_STRUCTURE = frozenset({"name", "activities", "start_activity"})
# Response-only metadata: a loaded response does not send it back.
_RESPONSE_ONLY = frozenset({"creation_date", "last_modified_date"})


class JourneyBuilder(Path):
    """Builds a ``WriteJourneyRequest`` for ``client.journeys.create()``/``update()``.

    Activity methods (``email``, ``wait``, ``split``, ...) add free-standing activities; the
    first one added is the ``StartActivity`` unless ``start_with()`` says otherwise. Setting
    methods each set one part of the journey and return the builder. ``build()`` validates the
    whole journey and raises :class:`BuildError` listing every problem.
    """

    def __init__(self, name: str, *, state: WriteState | None = None) -> None:
        self._graph = _Graph()
        self._name = name
        self._settings: dict[str, Any] = {}
        # Known when loaded from the service: decides which changes J7 still allows.
        self._current_state: State | str | None = None
        self._loaded_activities: dict[str, Any] | None = None
        if state is not None:
            self.with_state(state)

    # -- Path -------------------------------------------------------------------------------

    def _journey_graph(self) -> _Graph:
        return self._graph

    def _attach(self, step: Step) -> None:
        if self._graph.start is None:
            self._graph.start = step.id

    # -- activities --------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The journey's name."""
        return self._name

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every activity's step, in the order they were added (or loaded)."""
        return tuple(self._graph.steps.values())

    @overload
    def step(self, id: str) -> Step: ...
    @overload
    def step(self, id: str, kind: type[StepT]) -> StepT: ...
    def step(self, id: str, kind: type[Step] = Step) -> Step:
        """The step of activity ``id``; with ``kind`` (e.g. ``EmailStep``), checked and typed."""
        try:
            found = self._graph.steps[id]
        except KeyError:
            known = ", ".join(self._graph.steps) or "none"
            raise KeyError(f"no activity {id!r} in this journey (activities: {known})") from None
        if not isinstance(found, kind):
            raise TypeError(f"activity {id!r} is a {type(found).__name__}, not a {kind.__name__}")
        return found

    def start_with(self, step: Step | str) -> Self:
        """Makes ``step`` the ``StartActivity`` (by default the first activity added)."""
        if not isinstance(step, (str, Step)):
            raise PinpointValidationError(
                f"start_with takes a step or an activity id, not {step!r}"
            )
        self._graph.start = step if isinstance(step, str) else step.id
        return self

    def remove(self, step: Step | str) -> Self:
        """Removes an activity; anything still pointing at it is reported by ``build()``."""
        step_id = step if isinstance(step, str) else step.id
        self.step(step_id)  # a clear KeyError for an unknown id
        del self._graph.steps[step_id]
        if self._graph.start == step_id:
            self._graph.start = None
        return self

    # -- journey settings --------------------------------------------------------------------

    def _set(self, **values: Any) -> Self:
        given = _given(**values)
        # Validated now, so a wrong value fails on the line that set it, not at build().
        checked = WriteJourneyRequest.model_validate({"name": self._name, **given})
        for field in given:
            self._settings[field] = getattr(checked, field)
        return self

    def rename(self, name: str) -> Self:
        """Changes the journey's ``Name``."""
        self._name = name
        return self

    def with_state(self, state: WriteState) -> Self:
        """The ``State`` to write: ``DRAFT`` (the default in the console) or ``ACTIVE`` (publish).

        Pause, resume and cancel are not written here but through ``client.journeys``.
        """
        return self._set(state=State(state))

    def start_on_segment(self, segment_id: str, *, description: str | None = None) -> Self:
        """Participants are the members of segment ``segment_id``."""
        condition = {"segment_start_condition": {"segment_id": segment_id}}
        return self._set(start_condition={**condition, **_given(description=description)})

    def start_on_event(
        self,
        event: str | Sequence[str] | EventFilter,
        *,
        filter_type: FilterType | FilterTypeLiteral = "ENDPOINT",
        attributes: Mapping[str, AttributeDimensionInput] | None = None,
        metrics: Mapping[str, MetricDimensionInput] | None = None,
        segment_id: str | None = None,
        description: str | None = None,
    ) -> Self:
        """Participants enter when an endpoint reports ``event`` (one name, several, or a full
        ``EventFilter``), optionally filtered by ``attributes``/``metrics`` and restricted to
        the members of the dynamic segment ``segment_id``."""
        if isinstance(event, EventFilter):
            event_filter = event
        else:
            names = [event] if isinstance(event, str) else list(event)
            dimensions = {
                "event_type": event_types(*names),
                **_given(attributes=attributes, metrics=metrics),
            }
            event_filter = EventFilter.model_validate(
                {"filter_type": filter_type, "dimensions": dimensions}
            )
        start = {"event_filter": event_filter, **_given(segment_id=segment_id)}
        condition = {"event_start_condition": start, **_given(description=description)}
        return self._set(start_condition=condition)

    def schedule(
        self,
        *,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        timezone: str | None = None,
    ) -> Self:
        """When the journey runs; ``timezone`` is a UTC offset such as ``"UTC-05"``."""
        return self._set(schedule=_given(start_time=start, end_time=end, timezone=timezone))

    def local_time(self, enabled: bool = True) -> Self:
        """Runs the schedule in each participant's local time (endpoints without a time zone
        may then be left out)."""
        return self._set(local_time=enabled)

    def estimate_timezones(self, *methods: EstimationMethod) -> Self:
        """How to guess a missing time zone: ``PHONE_NUMBER`` and/or ``POSTAL_CODE``."""
        return self._set(timezone_estimation_methods=list(methods))

    def limits(
        self,
        *,
        daily_cap: int | None = None,
        total_cap: int | None = None,
        endpoint_reentry_cap: int | None = None,
        endpoint_reentry_interval: DurationLike | None = None,
        messages_per_second: int | None = None,
        timeframe_cap: int | None = None,
        timeframe_days: int | None = None,
    ) -> Self:
        """Caps on messages and re-entry; a second call changes only what it names.

        ``timeframe_cap`` messages per ``timeframe_days`` days is the cap across all journeys.
        """
        limits: dict[str, Any] = _dump(self._settings.get("limits"))
        timeframe = {
            **limits.get("timeframe_cap", {}),
            **_given(cap=timeframe_cap, days=timeframe_days),
        }
        interval = None
        if endpoint_reentry_interval is not None:
            interval = iso_duration(endpoint_reentry_interval)
        limits.update(
            _given(
                daily_cap=daily_cap,
                total_cap=total_cap,
                endpoint_reentry_cap=endpoint_reentry_cap,
                endpoint_reentry_interval=interval,
                messages_per_second=messages_per_second,
                timeframe_cap=timeframe or None,
            )
        )
        return self._set(limits=limits)

    def quiet_time(self, start: str, end: str) -> Self:
        """No messages between ``start`` and ``end`` (24-hour ``HH:MM``) in the endpoint's zone."""
        return self._set(quiet_time={"start": start, "end": end})

    def wait_for_quiet_time(self, enabled: bool = True) -> Self:
        """Holds participants in quiet time until it ends, instead of skipping the message."""
        return self._set(wait_for_quiet_time=enabled)

    def sending_schedule(self, enabled: bool = True) -> Self:
        """Turns on the advanced sending schedule that ``open_hours``/``closed_days`` need."""
        return self._set(sending_schedule=enabled)

    def open_hours(
        self,
        channel: Channel,
        days: DayName | Iterable[DayName],
        *windows: tuple[str, str],
    ) -> Self:
        """Sends on ``channel`` only in ``windows`` (``("09:00", "18:00")``) on ``days``.

        Needs ``quiet_time()`` and ``sending_schedule()``. Calls add up.
        """
        hours: dict[str, Any] = _dump(self._settings.get("open_hours"))
        day_list = [days] if isinstance(days, str) else list(days)
        rules = hours.setdefault(channel.lower(), {})
        for day in day_list:
            rules.setdefault(str(DayOfWeek(day)), []).extend(
                {"start_time": start, "end_time": end} for start, end in windows
            )
        return self._set(open_hours=hours)

    def closed_days(
        self,
        channels: Channel | Iterable[Channel],
        name: str,
        start: datetime | str,
        end: datetime | str,
    ) -> Self:
        """No sending on ``channels`` from ``start`` to ``end`` (e.g. a holiday named ``name``).

        Needs ``quiet_time()`` and ``sending_schedule()``. Calls add up.
        """
        closed: dict[str, Any] = _dump(self._settings.get("closed_days"))
        channel_list = [channels] if isinstance(channels, str) else list(channels)
        rule = {
            "name": name,
            "start_date_time": format_instant(start),
            "end_date_time": format_instant(end),
        }
        for channel in channel_list:
            closed.setdefault(channel.lower(), []).append(dict(rule))
        return self._set(closed_days=closed)

    def refresh(
        self, every: DurationLike | None = None, *, on_segment_update: bool | None = None
    ) -> Self:
        """How often segment and event data are re-evaluated (``RefreshFrequency``; needed to
        pause the journey later), and whether a segment change refreshes participants."""
        frequency = None if every is None else iso_duration(every)
        return self._set(refresh_frequency=frequency, refresh_on_segment_update=on_segment_update)

    def contact_center_settings(self, campaign_arn: str, execution_role_arn: str) -> Self:
        """The Amazon Connect campaign and role that ContactCenter activities use."""
        settings = {
            "connect_campaign_arn": campaign_arn,
            "connect_campaign_execution_role_arn": execution_role_arn,
        }
        return self._set(journey_channel_settings=settings)

    def unset(self, *settings: str) -> Self:
        """Removes settings by field name (``"quiet_time"``, ``"limits"``) so they are not sent."""
        for setting in settings:
            if setting not in WriteJourneyRequest.model_fields or setting in _STRUCTURE:
                raise ValueError(f"{setting!r} is not a journey setting")
            self._settings.pop(setting, None)
        return self

    # -- output ------------------------------------------------------------------------------

    def preview(self) -> WriteJourneyRequest:
        """The request as it stands, without validation: for diagrams of unfinished journeys.

        Raises pydantic's ``ValidationError`` only if a setting has the wrong type.
        """
        data: dict[str, Any] = {"name": self._name, **self._settings}
        if self._graph.start is not None:
            data["start_activity"] = self._graph.start
        if self._graph.steps:
            data["activities"] = {id: step.activity for id, step in self._graph.steps.items()}
        # Deep copy: later edits through the steps must not change a request already built.
        return WriteJourneyRequest.model_validate(data).model_copy(deep=True)

    def check(self, *, now: datetime | None = None) -> list[Problem]:
        """Every problem ``build()`` would find, warnings included, without raising."""
        request = self.preview()
        problems: list[Problem] = []
        for step in self._graph.steps.values():
            for path in step.open_paths():
                problems.append(
                    Problem(
                        f"Activities.{step.id}.{step.kind}.{path}",
                        "this split path leads nowhere; route it to a step, or to END if "
                        "participants on it should leave the journey",
                        "P10",
                    )
                )
        if self._current_state is not None:
            # An unwritable target is J6 of validate_journey below; report it once.
            target = request.state if request.state in WRITABLE_STATES else None
            problems += write_problems(
                self._current_state, target, activities_changed=self._activities_changed(request)
            )
        return problems + validate_journey(request, now=now, warn_open_paths=False)

    def build(self, *, now: datetime | None = None) -> WriteJourneyRequest:
        """The validated ``WriteJourneyRequest``.

        Raises :class:`BuildError` listing every problem (errors and warnings) when there is at
        least one error; warnings alone don't stop the build (see ``check()``). ``now`` is the
        time "in the past" is measured against (default: the current time).
        """
        problems = self.check(now=now)
        if any(problem.severity == "error" for problem in problems):
            ordered = sorted(problems, key=lambda problem: problem.severity != "error")
            raise BuildError(f"journey {self._name!r}", ordered)
        return self.preview()

    def _activities_changed(self, request: WriteJourneyRequest) -> bool:
        current = {id: a.to_params() for id, a in (request.activities or {}).items()}
        return current != self._loaded_activities

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def from_request(cls, request: WriteJourneyRequest | Mapping[str, Any]) -> Self:
        """A builder holding ``request`` (a model or a wire dict), every field kept.

        Split paths missing in the request count as ended (``END``). Raises
        :class:`BuildError` when a dict does not even fit the model.
        """
        model = load_journey(request).model_copy(deep=True)
        builder = cls(model.name)
        for field in model.model_fields_set - _STRUCTURE:
            builder._settings[field] = getattr(model, field)
        for id, activity in (model.activities or {}).items():
            types = activity_types(activity)
            # Zero or two types fit no typed step; the plain Step keeps them for build() to report.
            step_type = STEP_TYPES[types[0]] if len(types) == 1 else Step
            step = step_type(builder._graph, id, activity)
            step._end_missing()
            builder._graph.steps[id] = step
        builder._graph.start = model.start_activity
        return builder

    @classmethod
    def from_response(cls, response: JourneyResponse | Mapping[str, Any]) -> Self:
        """A builder for changing a journey the service returned (``client.journeys.get``).

        Keeps every writable field. The response's ``State`` is remembered as the current
        state: it is written back only when it is ``DRAFT`` or ``ACTIVE``, and ``build()``
        refuses changes the state forbids (activities of a published journey, anything of a
        cancelled one; rule J7).
        """
        model = (
            response
            if isinstance(response, JourneyResponse)
            else JourneyResponse.model_validate(response)
        )
        request = load_journey(model)
        dropped = set(_RESPONSE_ONLY)
        if model.state is not None and model.state not in WRITABLE_STATES:
            dropped.add("state")
        kept = {field: getattr(request, field) for field in request.model_fields_set - dropped}
        builder = cls.from_request(WriteJourneyRequest.model_validate(kept))
        builder._current_state = model.state
        builder._loaded_activities = {
            id: activity.to_params() for id, activity in (model.activities or {}).items()
        }
        return builder


def _dump(value: Any) -> Any:
    """A setting as plain data (field names, only what was set), so methods can merge into it."""
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_unset=True)
    return value if value is not None else {}
