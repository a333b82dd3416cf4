"""botocore's Pinpoint model, read once into small typed structures the fake works from.

The fake never hard-codes a path, a status code or a field name that the model already
knows: routes come from each operation's ``requestUri``, wire names from each member's
``locationName``, status codes from ``responseCode``. botocore ships no type information, so
everything it returns is copied here into plain dataclasses that mypy and pyright understand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import botocore.session

SERVICE_NAME = "pinpoint"


@dataclass(eq=False)
class Shape:
    """One shape of the model: its type and, for containers, what it contains."""

    name: str
    type_name: str
    members: dict[str, Member] = field(default_factory=lambda: {})
    required: frozenset[str] = frozenset()
    enum: tuple[str, ...] = ()
    payload: str | None = None
    list_member: Shape | None = None
    map_value: Shape | None = None

    def member_by_wire_name(self) -> dict[str, Member]:
        """The structure's members keyed by the name they carry in JSON bodies."""
        return {member.wire_name: member for member in self.members.values()}


@dataclass(eq=False)
class Member:
    """A member of a structure: where it travels (body, path, query, header) and under what name."""

    name: str
    wire_name: str
    location: str | None
    shape: Shape


@dataclass(frozen=True)
class Operation:
    """One operation: its HTTP binding and its input and output shapes."""

    name: str
    method: str
    request_uri: str
    response_code: int
    input: Shape | None
    output: Shape | None

    @property
    def output_payload(self) -> Member | None:
        """The output member that is the whole response body, when the output has one."""
        if self.output is None or self.output.payload is None:
            return None
        return self.output.members[self.output.payload]

    @property
    def input_payload(self) -> Member | None:
        """The input member that is the whole request body, when the input has one."""
        if self.input is None or self.input.payload is None:
            return None
        return self.input.members[self.input.payload]


class _ShapeReader:
    """Turns botocore shapes into :class:`Shape` objects, sharing one object per shape name."""

    def __init__(self) -> None:
        self._shapes: dict[str, Shape] = {}

    def read(self, raw: Any) -> Shape:
        name = str(raw.name)
        known = self._shapes.get(name)
        if known is not None:
            return known
        shape = Shape(name=name, type_name=str(raw.type_name))
        # Registered before its members are read, so recursive shapes terminate.
        self._shapes[name] = shape
        if shape.type_name == "structure":
            shape.required = frozenset(raw.required_members)
            shape.payload = raw.serialization.get("payload")
            for member_name, member_raw in raw.members.items():
                serialization = member_raw.serialization
                shape.members[member_name] = Member(
                    name=member_name,
                    wire_name=serialization.get("name", member_name),
                    location=serialization.get("location"),
                    shape=self.read(member_raw),
                )
        elif shape.type_name == "list":
            shape.list_member = self.read(raw.member)
        elif shape.type_name == "map":
            shape.map_value = self.read(raw.value)
        elif shape.type_name == "string":
            shape.enum = tuple(raw.enum or ())
        return shape


@dataclass(frozen=True)
class ServiceModel:
    """Every Pinpoint operation, by name, plus the error shapes' status codes."""

    api_version: str
    signing_name: str
    operations: dict[str, Operation]
    error_status: dict[str, int]


@cache
def load_service_model() -> ServiceModel:
    """Reads the Pinpoint model of the installed botocore (once per process)."""
    raw_service: Any = botocore.session.get_session().get_service_model(SERVICE_NAME)
    reader = _ShapeReader()
    operations: dict[str, Operation] = {}
    for name in raw_service.operation_names:
        raw_op = raw_service.operation_model(name)
        http = raw_op.http
        operations[name] = Operation(
            name=name,
            method=str(http["method"]),
            request_uri=str(http["requestUri"]),
            response_code=int(http.get("responseCode", 200)),
            input=reader.read(raw_op.input_shape) if raw_op.input_shape is not None else None,
            output=reader.read(raw_op.output_shape) if raw_op.output_shape is not None else None,
        )
    error_status = {
        str(raw.name): int(raw.metadata["error"]["httpStatusCode"])
        for raw in raw_service.error_shapes
    }
    return ServiceModel(
        api_version=str(raw_service.api_version),
        signing_name=str(raw_service.signing_name),
        operations=operations,
        error_status=error_status,
    )
