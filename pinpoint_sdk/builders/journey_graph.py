"""The journey as a graph: which type an activity has and where its edges lead.

An ``Activity`` names its type by which one of its members is set (``EMAIL``, ``Wait``,
``ConditionalSplit``, ...) and keeps its outgoing edges inside that member. The builder, the
validator and the diagrams all need the same two facts, read the same way, so they live here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pinpoint_sdk.models import Activity, SimpleCondition

__all__ = [
    "ACTIVITY_TYPES",
    "MESSAGE_TYPES",
    "Edge",
    "EdgeKind",
    "activity_types",
    "conditions_of",
    "outgoing",
    "walk_order",
]

# Wire key of each activity type → attribute of ``Activity`` that holds it.
ACTIVITY_TYPES: Mapping[str, str] = {
    "EMAIL": "email",
    "SMS": "sms",
    "PUSH": "push",
    "CUSTOM": "custom",
    "ContactCenter": "contact_center",
    "Wait": "wait",
    "Holdout": "holdout",
    "ConditionalSplit": "conditional_split",
    "MultiCondition": "multi_condition",
    "RandomSplit": "random_split",
}

# The activity types that deliver something, so an event condition can wait for their events.
MESSAGE_TYPES = frozenset({"EMAIL", "SMS", "PUSH", "CUSTOM", "ContactCenter"})

EdgeKind = Literal["next", "true", "false", "branch", "default"]


@dataclass(frozen=True)
class Edge:
    """One outgoing edge of an activity.

    ``field`` is the edge's path inside the activity in wire names
    (``ConditionalSplit.TrueActivity``, ``MultiCondition.Branches[1].NextActivity``), ``target``
    the activity id it leads to, or ``None`` where the path ends. ``index`` numbers the
    branches of a multivariate or random split.
    """

    field: str
    kind: EdgeKind
    target: str | None
    index: int = 0


def activity_types(activity: Activity) -> list[str]:
    """The wire keys of the types set on ``activity``: one for a well-formed activity."""
    return [key for key, attr in ACTIVITY_TYPES.items() if getattr(activity, attr) is not None]


def outgoing(activity: Activity) -> list[Edge]:
    """Every edge of ``activity`` in the order a reader expects: yes before no, branches in
    order before the Else path."""
    edges: list[Edge] = []
    for key in activity_types(activity):
        if key == "ConditionalSplit" and activity.conditional_split is not None:
            split = activity.conditional_split
            edges.append(Edge(f"{key}.TrueActivity", "true", split.true_activity))
            edges.append(Edge(f"{key}.FalseActivity", "false", split.false_activity))
        elif key == "MultiCondition" and activity.multi_condition is not None:
            multi = activity.multi_condition
            for i, branch in enumerate(multi.branches or []):
                field = f"{key}.Branches[{i}].NextActivity"
                edges.append(Edge(field, "branch", branch.next_activity, i))
            edges.append(Edge(f"{key}.DefaultActivity", "default", multi.default_activity))
        elif key == "RandomSplit" and activity.random_split is not None:
            for i, entry in enumerate(activity.random_split.branches or []):
                field = f"{key}.Branches[{i}].NextActivity"
                edges.append(Edge(field, "branch", entry.next_activity, i))
        else:
            linear = getattr(activity, ACTIVITY_TYPES[key])
            edges.append(Edge(f"{key}.NextActivity", "next", linear.next_activity))
    return edges


def conditions_of(activity: Activity) -> Iterator[tuple[str, SimpleCondition | None]]:
    """Every condition of a split activity, with its path inside the activity."""
    split = activity.conditional_split
    if split is not None and split.condition is not None:
        for i, condition in enumerate(split.condition.conditions or []):
            yield f"ConditionalSplit.Condition.Conditions[{i}]", condition
    multi = activity.multi_condition
    if multi is not None:
        for i, branch in enumerate(multi.branches or []):
            yield f"MultiCondition.Branches[{i}].Condition", branch.condition


def walk_order(activities: Mapping[str, Activity], start: str | None) -> list[str]:
    """Activity ids in reading order: depth first from ``start`` along the edges, then any
    activity not reached from it, in the order of the mapping. Deterministic for one journey."""
    seen: dict[str, None] = {}

    def visit(node: str) -> None:
        # An explicit stack rather than recursion: a hand-written journey can be long.
        stack = [node]
        while stack:
            current = stack.pop()
            if current in seen or current not in activities:
                continue
            seen[current] = None
            targets = [e.target for e in outgoing(activities[current]) if e.target is not None]
            stack.extend(reversed(targets))

    if start is not None:
        visit(start)
    for node in activities:
        visit(node)
    return list(seen)
