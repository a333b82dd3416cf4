"""botocore's Pinpoint model, read once into small typed structures: the one reader of it.

Two parts of the project work from the model: the local fake (``pinpoint_sdk.testing``) at
run time, and the code generator (``codegen``, not shipped) when it writes the SDK. Both read
it through :func:`load_service_model`, so that the fake and the generated client can never
see two versions of one shape. The fake never hard-codes a path, a status code or a field
name that the model already knows: routes come from each operation's ``requestUri``, wire
names from each member's ``locationName``, status codes from ``responseCode``.

botocore ships no type information, so everything it returns is copied here into plain
dataclasses that mypy and pyright understand. Nothing else in the client imports this module.
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
    documentation: str = ""
    #: The HTTP status of an error shape (one the model marks as an exception), else None.
    error_status: int | None = None

    def member_by_wire_name(self) -> dict[str, Member]:
        """The structure's members keyed by the name they carry in JSON bodies."""
        return {member.wire_name: member for member in self.members.values()}


@dataclass(eq=False)
class Member:
    """A member of a structure: where it travels (body, path, query, header) and under what name."""

    name: str
    #: The name it travels under: its ``locationName`` (a URI label, a query key, a JSON
    #: key) when it has one, else its member name.
    wire_name: str
    location: str | None
    shape: Shape
    #: The member's own documentation, or its shape's when it has none.
    documentation: str = ""


@dataclass(frozen=True)
class Operation:
    """One operation: its HTTP binding and its input and output shapes."""

    name: str
    method: str
    request_uri: str
    response_code: int
    input: Shape | None
    output: Shape | None
    documentation: str = ""

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

    def __init__(self, raw_service: Any) -> None:
        self._raw_service = raw_service
        self.shapes: dict[str, Shape] = {}

    def read(self, raw: Any) -> Shape:
        name = str(raw.name)
        known = self.shapes.get(name)
        if known is not None:
            return known
        # A member's reference may carry its own documentation; the shape's is its own.
        own = self._raw_service.shape_for(name)
        metadata = own.metadata
        shape = Shape(
            name=name,
            type_name=str(raw.type_name),
            documentation=str(own.documentation or ""),
            error_status=int(metadata["error"]["httpStatusCode"])
            if metadata.get("exception")
            else None,
        )
        # Registered before its members are read, so recursive shapes terminate.
        self.shapes[name] = shape
        if shape.type_name == "structure":
            shape.required = frozenset(raw.required_members)
            shape.payload = raw.serialization.get("payload")
            for member_name, member_raw in raw.members.items():
                serialization = member_raw.serialization
                member_shape = self.read(member_raw)
                shape.members[member_name] = Member(
                    name=member_name,
                    wire_name=serialization.get("name", member_name),
                    location=serialization.get("location"),
                    shape=member_shape,
                    documentation=str(member_raw.documentation or "") or member_shape.documentation,
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
    """Every Pinpoint operation and every shape, by name."""

    api_version: str
    signing_name: str
    operations: dict[str, Operation]
    shapes: dict[str, Shape]


@cache
def botocore_service_model() -> Any:
    """botocore's own model of Pinpoint (untyped), for what hands botocore's operation models
    to botocore-shaped code: the generator's request builders (``_lean.binding_for``)."""
    return botocore.session.get_session().get_service_model(SERVICE_NAME)


@cache
def load_service_model() -> ServiceModel:
    """Reads the Pinpoint model of the installed botocore (once per process)."""
    raw_service: Any = botocore_service_model()
    reader = _ShapeReader(raw_service)
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
            documentation=str(raw_op.documentation or ""),
        )
    # Shapes no operation reaches (the error shapes) are part of the model too.
    for name in raw_service.shape_names:
        reader.read(raw_service.shape_for(name))
    return ServiceModel(
        api_version=str(raw_service.api_version),
        signing_name=str(raw_service.signing_name),
        operations=operations,
        shapes=reader.shapes,
    )
