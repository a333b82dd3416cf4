"""Hypothesis strategies and sample values derived from botocore's Pinpoint shapes."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import cache
from typing import Any

import botocore.session
from botocore.model import ListShape, MapShape, OperationModel, ServiceModel, Shape, StructureShape
from hypothesis import strategies as st


@cache
def service_model() -> ServiceModel:
    """botocore's Pinpoint service model."""
    return botocore.session.get_session().get_service_model("pinpoint")


def operation(name: str) -> OperationModel:
    """One operation of the model."""
    return service_model().operation_model(name)


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8)
_timestamps = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
)


def strategy(shape: Shape) -> st.SearchStrategy[Any]:
    """Random valid botocore params for ``shape``: required members always, others sometimes."""
    if isinstance(shape, StructureShape):
        required = set(shape.required_members)
        members = shape.members
        return st.fixed_dictionaries(
            {name: strategy(members[name]) for name in members if name in required},
            optional={name: strategy(members[name]) for name in members if name not in required},
        )
    if isinstance(shape, ListShape):
        return st.lists(strategy(shape.member), max_size=2)
    if isinstance(shape, MapShape):
        return st.dictionaries(_text, strategy(shape.value), max_size=2)
    if getattr(shape, "enum", None):
        return st.sampled_from(list(shape.enum))  # type: ignore[attr-defined]
    return {
        "string": _text,
        "integer": st.integers(-(2**31), 2**31 - 1),
        "long": st.integers(-(2**63), 2**63 - 1),
        "double": st.floats(allow_nan=False, allow_infinity=False),
        "boolean": st.booleans(),
        "timestamp": _timestamps,
        "blob": st.binary(max_size=8),
    }[shape.type_name]


def sample(shape: Shape, *, depth: int = 0) -> Any:
    """A deterministic, fully populated example value for ``shape`` (every member set)."""
    if isinstance(shape, StructureShape):
        return {name: sample(member, depth=depth + 1) for name, member in shape.members.items()}
    if isinstance(shape, ListShape):
        return [sample(shape.member, depth=depth + 1)]
    if isinstance(shape, MapShape):
        return {"key": sample(shape.value, depth=depth + 1)}
    if getattr(shape, "enum", None):
        return shape.enum[0]  # type: ignore[attr-defined]
    return {
        "string": f"value-{shape.name.strip('_').lower()}",
        "integer": 7,
        "long": 7,
        "double": 1.5,
        "boolean": True,
        "timestamp": datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc),
        "blob": b"blob",
    }[shape.type_name]
