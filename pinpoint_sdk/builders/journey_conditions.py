"""Conditions for journey splits: what happened to a message, segment membership, inline criteria.

Each helper returns a ``SimpleCondition`` model, the unit that yes/no and multivariate splits
evaluate::

    event_happened(welcome, "_email.open")        # welcome: the EMAIL step of the same journey
    in_segment("aaaabbbbccccddddeeeeffff00001111")
    matches(Dimensions().user_attribute("loyaltyTier").is_in("gold", "silver"))

Inline criteria are any ``SegmentDimensions`` model or any object with a ``to_dimensions()``
method (the segment builder's ``Dimensions``); botocore sends them as ``segmentDimensions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeAlias

from pinpoint_sdk.models import (
    DimensionType,
    EventCondition,
    EventDimensions,
    SegmentCondition,
    SegmentDimensions,
    SetDimension,
    SimpleCondition,
)

from .dimensions import SupportsDimensions

if TYPE_CHECKING:
    from pinpoint_sdk.params import DimensionTypeLiteral

__all__ = [
    "ConditionLike",
    "SupportsId",
    "as_condition",
    "event_happened",
    "event_types",
    "in_segment",
    "matches",
]


class SupportsId(Protocol):
    """Anything that names an activity of the journey: the steps the builder hands out."""

    @property
    def id(self) -> str:
        """The activity id, the key of ``Activities``."""
        ...


ConditionLike: TypeAlias = "SimpleCondition | SegmentDimensions | SupportsDimensions"
"""What a split accepts as a condition: a ready ``SimpleCondition`` or inline criteria."""


def _activity_id(message: SupportsId | str) -> str:
    return message if isinstance(message, str) else message.id


def event_types(
    *names: str, kind: DimensionType | DimensionTypeLiteral = "INCLUSIVE"
) -> SetDimension:
    """The ``EventType`` dimension matching (or, with ``kind="EXCLUSIVE"``, excluding) events."""
    if not names:
        raise ValueError("name at least one event type, such as '_email.open'")
    return SetDimension(dimension_type=DimensionType(kind), values=list(names))


def event_happened(
    message: SupportsId | str,
    *names: str,
    kind: DimensionType | DimensionTypeLiteral = "INCLUSIVE",
) -> SimpleCondition:
    """True when the participant had one of the events ``names`` for ``message``.

    ``message`` is an upstream message step of the same journey (or its id):
    ``event_happened(welcome, "_email.open", "_email.click")`` is one condition that matches
    either event. For "opened OR clicked" as two conditions, combine two calls with
    ``operator="ANY"`` on the split.
    """
    return SimpleCondition(
        event_condition=EventCondition(
            message_activity=_activity_id(message),
            dimensions=EventDimensions(event_type=event_types(*names, kind=kind)),
        )
    )


def in_segment(segment_id: str) -> SimpleCondition:
    """True when the participant is a member of the segment ``segment_id``."""
    return SimpleCondition(segment_condition=SegmentCondition(segment_id=segment_id))


def matches(criteria: SegmentDimensions | SupportsDimensions) -> SimpleCondition:
    """True when the participant's endpoint matches the inline segment ``criteria``."""
    dimensions = criteria if isinstance(criteria, SegmentDimensions) else criteria.to_dimensions()
    return SimpleCondition(segment_dimensions=dimensions)


def as_condition(value: ConditionLike) -> SimpleCondition:
    """A ``SimpleCondition`` from anything :data:`ConditionLike`."""
    if isinstance(value, SimpleCondition):
        return value
    return matches(value)
