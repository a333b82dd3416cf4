"""The steps of a journey: typed handles to activities, and the paths that chain them.

Every activity method (``email``, ``wait``, ``split_on_event``, ...) lives on :class:`Path`, a
place where the next activity goes. Three things are paths:

- the ``JourneyBuilder`` itself: the activity is added free-standing, and the first one added
  becomes the journey's ``StartActivity``;
- a step that continues (a message, Wait, Holdout or ContactCenter step): the new activity
  becomes its ``NextActivity``, so ``email(...).wait(days=2).sms(...)`` reads top to bottom;
- a :class:`Branch` handed to a callable by a split: the new activity starts that path.

A split routes each of its paths to a step, to a callable building the path, or to
:data:`END` when participants on that path simply leave the journey (saying so is required:
an unset path is reported by ``build()``).

Ids are generated from the type and a counter (``email1``, ``wait2``, ``yesNoSplit1``), so the
same calls always give the same ids; pass ``id="welcomeEmail"`` to choose one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Final, Protocol, TypeAlias, TypeVar

from typing_extensions import Self

from pinpoint_sdk.models import (
    Activity,
    ConditionalSplitActivity,
    ContactCenterActivity,
    CustomMessageActivity,
    EmailMessageActivity,
    EndpointTypesElement,
    HoldoutActivity,
    MessageType,
    MultiConditionalBranch,
    MultiConditionalSplitActivity,
    Operator,
    PushMessageActivity,
    RandomSplitActivity,
    RandomSplitEntry,
    SMSMessageActivity,
    WaitActivity,
    WaitTime,
)

from .durations import DurationLike, format_instant, iso_duration
from .journey_conditions import ConditionLike, SupportsId, as_condition, event_happened
from .journey_graph import ACTIVITY_TYPES

if TYPE_CHECKING:
    from pinpoint_sdk.params import EndpointTypesElementLiteral, MessageTypeLiteral, OperatorLiteral

__all__ = [
    "END",
    "Branch",
    "ConditionalSplitStep",
    "ContactCenterStep",
    "CustomStep",
    "EmailStep",
    "End",
    "HoldoutStep",
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

StepT = TypeVar("StepT", bound="Step")


class End:
    """The type of :data:`END`: a split path on which participants leave the journey."""

    _instance: ClassVar[End | None] = None

    def __new__(cls) -> End:
        # One marker only, so ``target is END`` and ``isinstance(target, End)`` agree.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "END"


END: Final = End()
"""Route a split path here to say that participants on it leave the journey (pitfall 10)."""

Target: TypeAlias = "Step | End | Callable[[Branch], object]"
"""Where a split path goes: an existing step, ``END``, or a callable that builds the path."""

MessageTypeName: TypeAlias = "MessageType | MessageTypeLiteral"
OperatorName: TypeAlias = "Operator | OperatorLiteral"


def _given(**values: Any) -> dict[str, Any]:
    """Keyword arguments the caller actually gave: ``None`` means "leave it out" (unset)."""
    return {key: value for key, value in values.items() if value is not None}


def _unset(model: Any, field: str) -> None:
    # Setting None alone would still dump the field as null with exclude_unset=True.
    setattr(model, field, None)
    model.model_fields_set.discard(field)


def _wait_time(
    duration: DurationLike | None,
    until: datetime | str | None,
    **parts: int,
) -> WaitTime:
    if until is not None:
        if duration is not None or any(parts.values()):
            raise ValueError("wait either for a duration or until a time, not both")
        if isinstance(until, datetime) and until.tzinfo is None:
            raise ValueError(f"a wait until {until} needs a time zone (e.g. tzinfo=timezone.utc)")
        return WaitTime(wait_until=format_instant(until))
    return WaitTime(wait_for=iso_duration(duration, **parts))


def _evaluation_wait(within: DurationLike | None, until: datetime | str | None) -> WaitTime | None:
    if within is None and until is None:
        return None  # evaluate as soon as participants arrive
    return _wait_time(within, until)


class _Graph:
    """The activities of one builder, in the order they were added, and which one starts."""

    def __init__(self) -> None:
        self.steps: dict[str, Step] = {}
        self.start: str | None = None
        self._counters: dict[str, int] = {}

    def claim(self, requested: str | None, prefix: str) -> str:
        if requested is not None:
            if requested in self.steps:
                raise ValueError(f"activity id {requested!r} is already used in this journey")
            return requested
        while True:
            self._counters[prefix] = self._counters.get(prefix, 0) + 1
            candidate = f"{prefix}{self._counters[prefix]}"
            if candidate not in self.steps:
                return candidate


class Path:
    """A place where the next activity goes; every activity method is here.

    Each method adds one activity, links it where this path says, and returns the new step, so
    the chain continues from it. ``id`` names the activity (generated when omitted) and
    ``description`` is the text shown in the console.
    """

    def _journey_graph(self) -> _Graph:
        raise NotImplementedError

    def _attach(self, step: Step) -> None:
        raise NotImplementedError

    def _message_before(self) -> SupportsId | None:
        """The message step a ``split_on_event`` on this path refers to by default."""
        return None

    def _add(
        self, cls: type[StepT], payload: Any, id: str | None, description: str | None
    ) -> StepT:
        graph = self._journey_graph()
        step_id = graph.claim(id, cls.prefix)
        activity = Activity.model_validate({cls.kind: payload, **_given(Description=description)})
        step = cls(graph, step_id, activity)
        graph.steps[step_id] = step
        self._attach(step)
        return step

    def email(
        self,
        template: str | None = None,
        *,
        version: str | None = None,
        from_address: str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> EmailStep:
        """Sends the email template ``template`` (optionally a ``version`` and sender)."""
        config = _given(from_address=from_address)
        payload = EmailMessageActivity.model_validate(
            _given(template_name=template, template_version=version, message_config=config or None)
        )
        return self._add(EmailStep, payload, id, description)

    def sms(
        self,
        template: str | None = None,
        *,
        version: str | None = None,
        message_type: MessageTypeName | None = None,
        origination_number: str | None = None,
        sender_id: str | None = None,
        entity_id: str | None = None,
        template_id: str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> SmsStep:
        """Sends the SMS template ``template``; the keywords fill its ``MessageConfig``."""
        config = _given(
            message_type=message_type,
            origination_number=origination_number,
            sender_id=sender_id,
            entity_id=entity_id,
            template_id=template_id,
        )
        payload = SMSMessageActivity.model_validate(
            _given(template_name=template, template_version=version, message_config=config or None)
        )
        return self._add(SmsStep, payload, id, description)

    def push(
        self,
        template: str | None = None,
        *,
        version: str | None = None,
        time_to_live: int | timedelta | str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> PushStep:
        """Sends the push template ``template``; ``time_to_live`` in seconds (or a timedelta)."""
        if isinstance(time_to_live, timedelta):
            time_to_live = int(time_to_live.total_seconds())
        config = _given(time_to_live=None if time_to_live is None else str(time_to_live))
        payload = PushMessageActivity.model_validate(
            _given(template_name=template, template_version=version, message_config=config or None)
        )
        return self._add(PushStep, payload, id, description)

    def custom(
        self,
        delivery_uri: str,
        *,
        endpoint_types: Iterable[EndpointTypesElement | EndpointTypesElementLiteral] | None = None,
        data: str | None = None,
        template: str | None = None,
        version: str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> CustomStep:
        """Hands participants to a Lambda function (name or ARN) or an ``https://`` web hook."""
        payload = CustomMessageActivity.model_validate(
            _given(
                delivery_uri=delivery_uri,
                endpoint_types=None if endpoint_types is None else list(endpoint_types),
                message_config=None if data is None else {"data": data},
                template_name=template,
                template_version=version,
            )
        )
        return self._add(CustomStep, payload, id, description)

    def contact_center(
        self, *, id: str | None = None, description: str | None = None
    ) -> ContactCenterStep:
        """Calls participants through Amazon Connect; needs ``contact_center_settings()``."""
        return self._add(ContactCenterStep, ContactCenterActivity(), id, description)

    def wait(
        self,
        duration: DurationLike | None = None,
        *,
        weeks: int = 0,
        days: int = 0,
        hours: int = 0,
        minutes: int = 0,
        until: datetime | str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> WaitStep:
        """Waits a duration (``wait(days=2)``, ``wait("PT24H")``) or ``until`` an instant."""
        wait_time = _wait_time(
            duration, until, weeks=weeks, days=days, hours=hours, minutes=minutes
        )
        return self._add(WaitStep, WaitActivity(wait_time=wait_time), id, description)

    def holdout(
        self, percentage: int, *, id: str | None = None, description: str | None = None
    ) -> HoldoutStep:
        """Sends ``percentage`` percent of participants out of the journey; the rest continue."""
        return self._add(HoldoutStep, HoldoutActivity(percentage=percentage), id, description)

    def split(
        self,
        *conditions: ConditionLike,
        operator: OperatorName = "ALL",
        within: DurationLike | None = None,
        until: datetime | str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> ConditionalSplitStep:
        """A yes/no split on ``conditions``, combined with ``operator`` (``ALL`` or ``ANY``).

        ``within`` (or ``until``) sets the ``EvaluationWaitTime``; without it the conditions
        are evaluated as participants arrive. Route the paths with ``on_true``/``on_false``.
        """
        payload = ConditionalSplitActivity.model_validate(
            _given(
                condition={
                    "operator": Operator(operator),
                    "conditions": [as_condition(c) for c in conditions],
                },
                evaluation_wait_time=_evaluation_wait(within, until),
            )
        )
        return self._add(ConditionalSplitStep, payload, id, description)

    def split_on_event(
        self,
        *event_names: str,
        message: SupportsId | str | None = None,
        operator: OperatorName = "ALL",
        within: DurationLike | None = None,
        until: datetime | str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> ConditionalSplitStep:
        """A yes/no split on events of a message: one condition per event name.

        ``message`` defaults to the message step this is chained from, so
        ``welcome.split_on_event("_email.open", "_email.click", operator="ANY")`` asks "did they
        open or click the welcome email?".
        """
        source = message if message is not None else self._message_before()
        if source is None:
            raise ValueError("split_on_event needs message=: the message step whose events count")
        conditions = [event_happened(source, name) for name in event_names]
        return self.split(
            *conditions,
            operator=operator,
            within=within,
            until=until,
            id=id,
            description=description,
        )

    def multi_split(
        self,
        *,
        within: DurationLike | None = None,
        until: datetime | str | None = None,
        id: str | None = None,
        description: str | None = None,
    ) -> MultiSplitStep:
        """A multivariate split: up to four ``branch(condition, target)`` and ``otherwise``."""
        payload = MultiConditionalSplitActivity.model_validate(
            _given(evaluation_wait_time=_evaluation_wait(within, until))
        )
        return self._add(MultiSplitStep, payload, id, description)

    def random_split(
        self, *, id: str | None = None, description: str | None = None
    ) -> RandomSplitStep:
        """A random split: ``branch(percentage, target)`` up to five times, summing to 100."""
        return self._add(RandomSplitStep, RandomSplitActivity(), id, description)


class Step:
    """A handle to one activity of the journey.

    ``id`` is its key in ``Activities``; ``activity`` is the live ``Activity`` model, for the
    rare setting no method covers (changes are validated by ``build()`` like everything else).
    """

    kind: ClassVar[str] = ""
    prefix: ClassVar[str] = "activity"

    def __init__(self, graph: _Graph, id: str, activity: Activity) -> None:
        self._graph = graph
        self._id = id
        self._activity = activity
        # Split paths the user ended with END; an unset path that is not here is a mistake.
        self._ended: set[str] = set()

    @property
    def id(self) -> str:
        """The activity id: the key of this activity in ``Activities``."""
        return self._id

    @property
    def activity(self) -> Activity:
        """The activity model this step edits (live, not a copy)."""
        return self._activity

    @property
    def description(self) -> str | None:
        """The activity's description, shown in the console."""
        return self._activity.description

    def describe(self, text: str) -> Self:
        """Sets the activity's description."""
        self._activity.description = text
        return self

    def open_paths(self) -> list[str]:
        """Split paths that lead nowhere and were not ended with ``END`` (wire names)."""
        return []

    def _route_edge(self, holder: Any, attribute: str, path: str, target: Target) -> Self:
        """Routes ``target`` into the edge ``holder.attribute`` (wire ``path``); ``END`` clears it."""
        if isinstance(target, End):
            _unset(holder, attribute)
        self._route(target, path, lambda id: setattr(holder, attribute, id))
        return self

    def _route(self, target: Target, path: str, set_edge: Callable[[str], None]) -> None:
        if isinstance(target, End):
            self._ended.add(path)
            return
        self._ended.discard(path)
        if isinstance(target, Step):
            if target._graph is not self._graph:
                raise ValueError(f"step {target.id!r} belongs to another journey")
            set_edge(target.id)
            return
        target(Branch(self._graph, set_edge))

    def _end_missing(self) -> None:
        """Marks every missing path as ended: a journey loaded from a request meant them so."""
        self._ended.update(self.open_paths())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._id!r})"


class _Continues(Protocol):
    next_activity: str | None


class _LinearStep(Step, Path):
    """A step with one way out (``NextActivity``): the chain continues from it."""

    def _journey_graph(self) -> _Graph:
        return self._graph

    def _settings(self) -> _Continues:
        payload: _Continues | None = getattr(self._activity, ACTIVITY_TYPES[self.kind])
        if payload is None:
            raise ValueError(f"activity {self._id!r} no longer has {self.kind} settings")
        return payload

    def _attach(self, step: Step) -> None:
        self._settings().next_activity = step.id

    def then(self, step: StepT) -> StepT:
        """Continues with an existing step (for paths that meet again); returns that step."""
        if step._graph is not self._graph:
            raise ValueError(f"step {step.id!r} belongs to another journey")
        self._attach(step)
        return step

    def end(self) -> Self:
        """Ends the path after this step, dropping any ``NextActivity`` it had."""
        _unset(self._settings(), "next_activity")
        return self


class MessageStep(_LinearStep):
    """A step that delivers something, so later splits can ask about its events."""

    def _message_before(self) -> SupportsId | None:
        return self

    def use_template(self, name: str, version: str | None = None) -> Self:
        """Switches to another message template (and version, if given)."""
        settings: Any = self._settings()
        settings.template_name = name
        if version is not None:
            settings.template_version = version
        return self


class EmailStep(MessageStep):
    """An EMAIL activity."""

    kind = "EMAIL"
    prefix = "email"


class SmsStep(MessageStep):
    """An SMS activity."""

    kind = "SMS"
    prefix = "sms"


class PushStep(MessageStep):
    """A PUSH activity."""

    kind = "PUSH"
    prefix = "push"


class CustomStep(MessageStep):
    """A CUSTOM activity: a Lambda function or web hook that delivers the message."""

    kind = "CUSTOM"
    prefix = "custom"


class ContactCenterStep(MessageStep):
    """A ContactCenter activity: an outbound call through Amazon Connect."""

    kind = "ContactCenter"
    prefix = "contactCenter"

    def use_template(self, name: str, version: str | None = None) -> Self:
        """ContactCenter activities have no template; the campaign is set on the journey."""
        raise TypeError("a ContactCenter activity has no template")


class WaitStep(_LinearStep):
    """A Wait activity."""

    kind = "Wait"
    prefix = "wait"


class HoldoutStep(_LinearStep):
    """A Holdout activity: a share of participants leave, the rest continue."""

    kind = "Holdout"
    prefix = "holdout"


class ConditionalSplitStep(Step):
    """A yes/no split: route ``on_true`` and ``on_false``."""

    kind = "ConditionalSplit"
    prefix = "yesNoSplit"

    def _split(self) -> ConditionalSplitActivity:
        split = self._activity.conditional_split
        if split is None:
            raise ValueError(f"activity {self._id!r} is no longer a ConditionalSplit")
        return split

    def on_true(self, target: Target) -> Self:
        """Where participants who meet the conditions go."""
        return self._route_edge(self._split(), "true_activity", "TrueActivity", target)

    def on_false(self, target: Target) -> Self:
        """Where participants who don't meet the conditions go."""
        return self._route_edge(self._split(), "false_activity", "FalseActivity", target)

    def open_paths(self) -> list[str]:
        """The yes/no paths that are neither routed nor ended."""
        split = self._split()
        return [
            path
            for path, target in (
                ("TrueActivity", split.true_activity),
                ("FalseActivity", split.false_activity),
            )
            if target is None and path not in self._ended
        ]


class MultiSplitStep(Step):
    """A multivariate split: ``branch(condition, target)`` per path, then ``otherwise``."""

    kind = "MultiCondition"
    prefix = "multiSplit"

    def _split(self) -> MultiConditionalSplitActivity:
        split = self._activity.multi_condition
        if split is None:
            raise ValueError(f"activity {self._id!r} is no longer a MultiCondition")
        return split

    def branch(self, condition: ConditionLike, target: Target) -> Self:
        """Adds a path for participants who meet ``condition``."""
        split = self._split()
        entry = MultiConditionalBranch(condition=as_condition(condition))
        if split.branches is None:
            split.branches = []
        split.branches.append(entry)
        path = f"Branches[{len(split.branches) - 1}].NextActivity"
        self._route(target, path, lambda id: setattr(entry, "next_activity", id))
        return self

    def otherwise(self, target: Target) -> Self:
        """Where participants who meet no branch's condition go (the Else path)."""
        return self._route_edge(self._split(), "default_activity", "DefaultActivity", target)

    def open_paths(self) -> list[str]:
        """Branches and the Else path that are neither routed nor ended."""
        split = self._split()
        paths = [
            f"Branches[{i}].NextActivity"
            for i, branch in enumerate(split.branches or [])
            if branch.next_activity is None
        ]
        if split.default_activity is None:
            paths.append("DefaultActivity")
        return [path for path in paths if path not in self._ended]


class RandomSplitStep(Step):
    """A random split: ``branch(percentage, target)`` per path."""

    kind = "RandomSplit"
    prefix = "randomSplit"

    def branch(self, percentage: int, target: Target) -> Self:
        """Adds a path that ``percentage`` percent of participants take."""
        split = self._activity.random_split
        if split is None:
            raise ValueError(f"activity {self._id!r} is no longer a RandomSplit")
        entry = RandomSplitEntry(percentage=percentage)
        if split.branches is None:
            split.branches = []
        split.branches.append(entry)
        path = f"Branches[{len(split.branches) - 1}].NextActivity"
        self._route(target, path, lambda id: setattr(entry, "next_activity", id))
        return self

    def open_paths(self) -> list[str]:
        """Branches that are neither routed nor ended."""
        split = self._activity.random_split
        branches = split.branches if split is not None and split.branches else []
        return [
            path
            for i, entry in enumerate(branches)
            if entry.next_activity is None
            and (path := f"Branches[{i}].NextActivity") not in self._ended
        ]


class Branch(Path):
    """The start of one split path, handed to the callable given as a split's target."""

    def __init__(self, graph: _Graph, set_edge: Callable[[str], None]) -> None:
        self._graph = graph
        self._set_edge = set_edge
        self._used = False

    def _journey_graph(self) -> _Graph:
        return self._graph

    def _attach(self, step: Step) -> None:
        if self._used:
            raise ValueError(
                "a split path starts with one activity; continue the chain from the step "
                "the first call returned"
            )
        self._used = True
        self._set_edge(step.id)


STEP_TYPES: Mapping[str, type[Step]] = {
    cls.kind: cls
    for cls in (
        EmailStep,
        SmsStep,
        PushStep,
        CustomStep,
        ContactCenterStep,
        WaitStep,
        HoldoutStep,
        ConditionalSplitStep,
        MultiSplitStep,
        RandomSplitStep,
    )
}
"""The step class for each activity type (wire key), used when loading a journey."""
