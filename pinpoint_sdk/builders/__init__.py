"""Fluent builders for journeys and segments that validate before anything is sent.

::

    from pinpoint_sdk.builders import Dimensions, JourneyBuilder, SegmentBuilder

    segment = SegmentBuilder("gold-ios").where(
        Dimensions().user_attribute("plan").is_in("gold").platform().is_in("ios")
    ).build()

Both builders produce the generated request models (``WriteSegmentRequest``,
``WriteJourneyRequest``) that ``client.segments.create`` and ``client.journeys.create`` take;
``build()`` raises one ``BuildError`` listing every problem found.
"""

from ._problems import BuildError, Problem
from .diagram import to_mermaid, to_text
from .dimensions import Dimensions, Platform, SupportsDimensions, validate_dimensions
from .durations import iso_duration, parse_iso_duration
from .journey_conditions import event_happened, in_segment, matches
from .journey_rules import JOURNEY_TIMEZONES, validate_journey
from .journeys import END, JourneyBuilder
from .lifecycle import StateTransitionError, check_journey_write, check_state_transition
from .segments import BaseSegment, Group, SegmentBuilder, describe_segment, validate_segment

__all__ = [
    "END",
    "JOURNEY_TIMEZONES",
    "BaseSegment",
    "BuildError",
    "Dimensions",
    "Group",
    "JourneyBuilder",
    "Platform",
    "Problem",
    "SegmentBuilder",
    "StateTransitionError",
    "SupportsDimensions",
    "check_journey_write",
    "check_state_transition",
    "describe_segment",
    "event_happened",
    "in_segment",
    "iso_duration",
    "matches",
    "parse_iso_duration",
    "to_mermaid",
    "to_text",
    "validate_dimensions",
    "validate_journey",
    "validate_segment",
]
