"""Pictures of a journey: a Mermaid flowchart for pull requests and docs, a tree for terminals.

Both show each activity's id and what it does (template, wait time, split conditions), and
label split paths with what sends participants down them (``yes``/``no``, a branch's
condition, ``else``, a percentage). The output is deterministic: activities appear depth first
from the start activity, in edge order, then any activity the start does not reach.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol, TypeAlias

from pinpoint_sdk.models import (
    Activity,
    JourneyResponse,
    SimpleCondition,
    StartCondition,
    WaitTime,
    WriteJourneyRequest,
)

from .durations import describe_duration
from .journey_graph import Edge, activity_types, outgoing, walk_order
from .journey_rules import load_journey

__all__ = ["JourneyLike", "describe_activity", "describe_condition", "to_mermaid", "to_text"]


class _Previewable(Protocol):
    def preview(self) -> WriteJourneyRequest: ...


JourneyLike: TypeAlias = "WriteJourneyRequest | JourneyResponse | Mapping[str, Any] | _Previewable"
"""What the diagrams draw: a request, a response, a wire dict, or a ``JourneyBuilder``."""

_SET_WORDS = {"INCLUSIVE": "in", "EXCLUSIVE": "not in"}
_COMPARISONS = {
    "GREATER_THAN": ">",
    "LESS_THAN": "<",
    "GREATER_THAN_OR_EQUAL": "≥",
    "LESS_THAN_OR_EQUAL": "≤",
    "EQUAL": "=",
}
_RECENCY = {"HR_24": "24 hours", "DAY_7": "7 days", "DAY_14": "14 days", "DAY_30": "30 days"}
_EDGE_WORDS = {"true": "yes", "false": "no", "default": "else"}
# Mermaid keywords that break a flowchart when used as node ids.
_MERMAID_WORDS = frozenset(
    {
        "end",
        "graph",
        "subgraph",
        "flowchart",
        "class",
        "classdef",
        "click",
        "style",
        "linkstyle",
        "direction",
        "default",
    }
)
_NODE_CLASSES = {
    "EMAIL": "message",
    "SMS": "message",
    "PUSH": "message",
    "CUSTOM": "message",
    "ContactCenter": "message",
    "Wait": "wait",
    "Holdout": "holdout",
    "ConditionalSplit": "split",
    "MultiCondition": "split",
    "RandomSplit": "split",
}
_CLASS_STYLES = {
    "message": "fill:#e3f2fd,stroke:#1e88e5",
    "wait": "fill:#fff8e1,stroke:#f9a825",
    "holdout": "fill:#eceff1,stroke:#546e7a",
    "split": "fill:#f3e5f5,stroke:#8e24aa",
}
_START, _END = "journey_start", "journey_end"  # underscores: no activity id can take them


def _request(journey: JourneyLike) -> WriteJourneyRequest:
    if isinstance(journey, (WriteJourneyRequest, JourneyResponse, Mapping)):
        return load_journey(journey)
    return journey.preview()


# -- words -------------------------------------------------------------------------------------


def _describe_dimensions(wire: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for group in ("Attributes", "UserAttributes"):
        for name, attribute in wire.get(group, {}).items():
            kind = attribute.get("AttributeType", "INCLUSIVE")
            word = _SET_WORDS.get(kind, kind.lower())
            parts.append(f"{name} {word} {', '.join(attribute['Values'])}")
    for name, metric in wire.get("Metrics", {}).items():
        operator = metric["ComparisonOperator"]
        parts.append(f"{name} {_COMPARISONS.get(operator, operator)} {metric['Value']:g}")
    for name, dimension in [
        *wire.get("Demographic", {}).items(),
        *((k, v) for k, v in wire.get("Location", {}).items() if k == "Country"),
    ]:
        word = _SET_WORDS[dimension.get("DimensionType", "INCLUSIVE")]
        parts.append(f"{name} {word} {', '.join(dimension['Values'])}")
    gps = wire.get("Location", {}).get("GPSPoint")
    if gps is not None:
        spot = gps["Coordinates"]
        reach = f"{gps['RangeInKilometers']:g} km" if "RangeInKilometers" in gps else "near"
        parts.append(f"within {reach} of {spot['Latitude']:g},{spot['Longitude']:g}")
    recency = wire.get("Behavior", {}).get("Recency")
    if recency is not None:
        state = recency["RecencyType"].lower()
        parts.append(
            f"{state} in the last {_RECENCY.get(recency['Duration'], recency['Duration'])}"
        )
    return " and ".join(parts) or "any endpoint"


def describe_condition(condition: SimpleCondition | None) -> str:
    """One line for a split condition: ``_email.open of vipEmail``, ``in segment …``, criteria."""
    if condition is None:
        return "no condition"
    event = condition.event_condition
    if event is not None:
        event_type = event.dimensions.event_type if event.dimensions else None
        names = " or ".join(event_type.values) if event_type else "any event"
        negation = "no " if event_type and event_type.dimension_type == "EXCLUSIVE" else ""
        return f"{negation}{names} of {event.message_activity}"
    if condition.segment_condition is not None:
        return f"in segment {condition.segment_condition.segment_id}"
    if condition.segment_dimensions is not None:
        return _describe_dimensions(condition.segment_dimensions.to_params())
    return "no condition"


def _describe_wait(wait: WaitTime | None) -> str:
    if wait is None:
        return "no time set"
    if wait.wait_until is not None:
        return f"until {wait.wait_until}"
    return describe_duration(wait.wait_for) if wait.wait_for else "no time set"


def _evaluated(wait: WaitTime | None) -> str:
    return "" if wait is None else f", evaluated after {_describe_wait(wait)}"


def _template(settings: Any) -> str:
    name = settings.template_name or "(no template)"
    return f"{name} v{settings.template_version}" if settings.template_version else name


def describe_activity(activity: Activity) -> str:
    """One line for an activity: ``Email WelcomeEmail``, ``Wait 7 days``, ``Random split``."""
    types = activity_types(activity)
    if len(types) != 1:
        return "no type" if not types else " + ".join(types)
    if activity.email is not None:
        return f"Email {_template(activity.email)}"
    if activity.sms is not None:
        return f"SMS {_template(activity.sms)}"
    if activity.push is not None:
        return f"Push {_template(activity.push)}"
    if activity.custom is not None:
        uri = activity.custom.delivery_uri or "(no delivery URI)"
        return f"Custom via {uri.rsplit(':function:', 1)[-1]}"
    if activity.contact_center is not None:
        return "Contact center call"
    if activity.wait is not None:
        return f"Wait {_describe_wait(activity.wait.wait_time)}"
    if activity.holdout is not None:
        return f"Holdout: {activity.holdout.percentage}% leave"
    if activity.conditional_split is not None:
        split = activity.conditional_split
        condition = split.condition
        joiner = " and " if condition is None or condition.operator != "ANY" else " or "
        conditions = condition.conditions if condition is not None else None
        tests = joiner.join(describe_condition(c) for c in conditions or [])
        return f"Yes/no split: {tests or 'no condition'}{_evaluated(split.evaluation_wait_time)}"
    if activity.multi_condition is not None:
        return f"Multivariate split{_evaluated(activity.multi_condition.evaluation_wait_time)}"
    return "Random split"


def _edge_label(activity: Activity, edge: Edge) -> str:
    if edge.kind in _EDGE_WORDS:
        return _EDGE_WORDS[edge.kind]
    if edge.kind == "branch" and activity.multi_condition is not None:
        branches = activity.multi_condition.branches or []
        return describe_condition(branches[edge.index].condition)
    if edge.kind == "branch" and activity.random_split is not None:
        entries = activity.random_split.branches or []
        return f"{entries[edge.index].percentage}%"
    return ""


def _describe_start(start: StartCondition | None) -> str:
    if start is None:
        return "Start: (no start condition)"
    if start.segment_start_condition is not None:
        return f"Start: segment {start.segment_start_condition.segment_id}"
    by_event = start.event_start_condition
    if by_event is not None:
        event_type = by_event.event_filter.dimensions.event_type if by_event.event_filter else None
        names = " or ".join(event_type.values) if event_type else "an event"
        segment = f" in segment {by_event.segment_id}" if by_event.segment_id else ""
        return f"Start: event {names}{segment}"
    return "Start: (no start condition)"


def _title(request: WriteJourneyRequest) -> str:
    return f"{request.name} ({request.state})" if request.state else request.name


# -- Mermaid -----------------------------------------------------------------------------------


def _node_id(activity_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_]", "_", activity_id) or "_"
    return f"a_{safe}" if safe.lower() in _MERMAID_WORDS else safe


def _escape(text: str) -> str:
    # Mermaid reads quotes and angle brackets in labels as syntax and HTML.
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _quote(text: str) -> str:
    return f'"{_escape(text)}"'


def _shape(activity: Activity, label: str) -> str:
    kind = _NODE_CLASSES.get(next(iter(activity_types(activity)), ""), "")
    if kind == "split":
        return "{" + label + "}"
    if kind == "wait":
        return "(" + label + ")"
    if kind == "holdout":
        return "[/" + label + "/]"
    return "[" + label + "]"


def to_mermaid(journey: JourneyLike) -> str:
    """The journey as a Mermaid flowchart (top-down), ready for a ```mermaid block.

    Messages are rectangles, waits rounded, holdouts slanted, splits diamonds; split paths are
    labelled and a path that leads nowhere goes to an ``End`` node.
    """
    request = _request(journey)
    activities = request.activities or {}
    lines = [
        "---",
        f"title: {_quote(_title(request))}",
        "---",
        "flowchart TD",
        f"    {_START}([{_quote(_describe_start(request.start_condition))}])",
    ]
    if request.start_activity:
        lines.append(f"    {_START} --> {_node_id(request.start_activity)}")
    classes: dict[str, list[str]] = {}
    needs_end = False
    for activity_id in walk_order(activities, request.start_activity):
        activity = activities[activity_id]
        node = _node_id(activity_id)
        label = f'"{_escape(activity_id)}<br/>{_escape(describe_activity(activity))}"'
        lines.append(f"    {node}{_shape(activity, label)}")
        kind = _NODE_CLASSES.get(next(iter(activity_types(activity)), ""))
        if kind is not None:
            classes.setdefault(kind, []).append(node)
        for edge in outgoing(activity):
            if edge.target is None and edge.kind == "next":
                continue  # a message or wait with nothing after it simply ends the path
            target = _END if edge.target is None else _node_id(edge.target)
            needs_end = needs_end or edge.target is None
            text = _edge_label(activity, edge)
            arrow = f"-->|{_quote(text)}|" if text else "-->"
            lines.append(f"    {node} {arrow} {target}")
    if needs_end:
        lines.append(f'    {_END}(("End"))')
    for kind, style in _CLASS_STYLES.items():
        if kind in classes:
            lines.append(f"    classDef {kind} {style}")
            lines.append(f"    class {','.join(classes[kind])} {kind}")
    return "\n".join(lines) + "\n"


# -- text --------------------------------------------------------------------------------------


def to_text(journey: JourneyLike) -> str:
    """The journey as an indented tree: a chain stays at one level, a split indents its paths.

    An activity reached a second time (paths that meet, or a loop) is shown once and referred
    to afterwards.
    """
    request = _request(journey)
    activities = request.activities or {}
    lines = [_title(request), _describe_start(request.start_condition)]
    shown: set[str] = set()

    def path(first: str | None, prefix: str) -> None:
        current = first
        while current is not None:
            if current not in activities:
                lines.append(f"{prefix}→ {current} (not an activity)")
                return
            if current in shown:
                lines.append(f"{prefix}→ {current} (shown above)")
                return
            shown.add(current)
            activity = activities[current]
            description = f" — {activity.description}" if activity.description else ""
            lines.append(f"{prefix}{current}: {describe_activity(activity)}{description}")
            edges = outgoing(activity)
            if len(edges) == 1 and edges[0].kind == "next":
                current = edges[0].target
                continue
            for i, edge in enumerate(edges):
                last = i == len(edges) - 1
                lines.append(f"{prefix}{'└── ' if last else '├── '}{_edge_label(activity, edge)}")
                inner = prefix + ("    " if last else "│   ")
                if edge.target is None:
                    lines.append(f"{inner}(end)")
                else:
                    path(edge.target, inner)
            return

    path(request.start_activity, "")
    rest = [a for a in walk_order(activities, request.start_activity) if a not in shown]
    if rest:
        lines.append("Not reached from the start:")
        for activity_id in rest:
            if activity_id not in shown:
                path(activity_id, "  ")
    return "\n".join(lines) + "\n"
