"""The Pinpoint model, normalised for the generator: names, types, resources, paging.

botocore's model is read by ``pinpoint_sdk._service_model``, the one reader the fake uses
too; this module decides what the generator needs on top of it: Python names and types,
which shapes are output-only, which operations page, which are safe to retry, where each
operation lives in the SDK. Nothing here writes code: that is ``describe_*`` and the
templates.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from functools import cached_property

import botocore
from botocore import xform_name
from pydantic import BaseModel

from pinpoint_sdk import _service_model as model

from . import tables
from .errors import CodegenError

_SCALARS = {
    "string": "str",
    "integer": "int",
    "long": "int",
    "double": "float",
    "float": "float",
    "boolean": "bool",
    "timestamp": "datetime",
    "blob": "bytes",
}

#: Attribute names pydantic's BaseModel already uses (``model_dump``, ``json``, ``copy``, ...).
_RESERVED = frozenset(dir(BaseModel))


def attribute_name(member: str) -> str:
    """The snake_case Python name of a botocore member, avoiding keywords and pydantic's names."""
    name: str = xform_name(member)
    if keyword.iskeyword(name) or name in _RESERVED:
        return f"{name}_"
    return name


def class_name(shape: str) -> str:
    """The Python class name for a shape: the shape's own name, without botocore's ``__``."""
    return shape.lstrip("_")


@dataclass(frozen=True)
class Member:
    """One member of a structure shape."""

    wire_name: str
    attribute: str
    shape: str
    type_expr: str
    required: bool
    documentation: str
    location: str | None
    location_name: str | None
    secret: bool

    @property
    def json_name(self) -> str:
        """The key of this member in a JSON body (its locationName, when it has one)."""
        if self.location is None and self.location_name:
            return self.location_name
        return self.wire_name


@dataclass(frozen=True)
class Structure:
    """A structure shape: one pydantic model class."""

    name: str
    module: str
    members: tuple[Member, ...]
    documentation: str
    output_only: bool
    structure_deps: tuple[str, ...]
    enum_deps: tuple[str, ...]
    uses_datetime: bool
    error_status: int | None

    @property
    def has_secrets(self) -> bool:
        return any(m.secret for m in self.members)


@dataclass(frozen=True)
class EnumShape:
    """A string shape with an enum: one ``str`` Enum class."""

    name: str
    values: tuple[str, ...]
    documentation: str


@dataclass(frozen=True)
class Pagination:
    """How a token-paged operation pages: where the token goes and where the items are."""

    token_member: str
    page_size_member: str | None
    items_path: tuple[str, ...]
    item_type: str


@dataclass(frozen=True)
class Operation:
    """One API operation, with its place in the SDK."""

    name: str
    http_method: str
    request_uri: str
    #: The HTTP status of a successful answer (the model's ``responseCode``).
    success_status: int
    documentation: str
    input: Structure
    body: Member | None
    output_payload: Member | None
    resource_path: tuple[str, ...]
    method_name: str
    idempotent: bool
    pagination: Pagination | None
    #: Operations that take a token but never return one (journey metrics): not paginated.
    takes_token: bool

    @property
    def sdk_path(self) -> str:
        return ".".join((*self.resource_path, self.method_name))

    @property
    def parameters(self) -> tuple[Member, ...]:
        """Path and query members: the method's keyword arguments."""
        return tuple(m for m in self.input.members if m.location is not None)

    @property
    def return_type(self) -> str:
        return self.output_payload.type_expr if self.output_payload else "None"


@dataclass
class Service:
    """The normalised Pinpoint model."""

    api_version: str
    botocore_version: str
    structures: dict[str, Structure] = field(default_factory=dict)
    enums: dict[str, EnumShape] = field(default_factory=dict)
    operations: dict[str, Operation] = field(default_factory=dict)

    @cached_property
    def resources(self) -> list[tuple[str, ...]]:
        """Every resource path (including parents of nested ones), sorted."""
        paths: set[tuple[str, ...]] = set()
        for op in self.operations.values():
            for depth in range(1, len(op.resource_path) + 1):
                paths.add(op.resource_path[:depth])
        return sorted(paths)


def _reachable(roots: list[model.Shape]) -> set[str]:
    """The names of the shapes reachable from ``roots`` (themselves included)."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        shape = stack.pop()
        if shape.name in seen:
            continue
        seen.add(shape.name)
        stack.extend(member.shape for member in shape.members.values())
        stack.extend(inner for inner in (shape.list_member, shape.map_value) if inner)
    return seen


def _contained(shape: model.Shape) -> model.Shape:
    """What a list or map holds (the shape itself for anything else)."""
    while shape.list_member is not None or shape.map_value is not None:
        inner = shape.list_member or shape.map_value
        assert inner is not None
        shape = inner
    return shape


class _Builder:
    def __init__(self, source: model.ServiceModel, botocore_version: str) -> None:
        self.source = source
        self.service = Service(source.api_version, botocore_version)

    def type_expr(self, shape: model.Shape) -> str:
        if shape.type_name == "structure" or shape.enum:
            return class_name(shape.name)
        if shape.list_member is not None:
            return f"list[{self.type_expr(shape.list_member)}]"
        if shape.map_value is not None:
            return f"dict[str, {self.type_expr(shape.map_value)}]"
        return _SCALARS[shape.type_name]

    def build(self) -> Service:
        ops = self.source.operations.values()
        from_inputs = _reachable([op.input for op in ops if op.input is not None])
        from_outputs = _reachable([op.output for op in ops if op.output is not None])
        shapes = sorted(self.source.shapes.items())
        for name, shape in shapes:
            if shape.type_name == "string" and shape.enum:
                self.service.enums[name] = EnumShape(
                    class_name(name), shape.enum, shape.documentation
                )
        for name, shape in shapes:
            if shape.type_name == "structure":
                output_only = (name in from_outputs and name not in from_inputs) or (
                    shape.error_status is not None
                )
                self.service.structures[name] = self.structure(shape, output_only)
        self.check_tables()
        for name, op in sorted(self.source.operations.items()):
            self.service.operations[name] = self.operation(op)
        return self.service

    def structure(self, shape: model.Shape, output_only: bool) -> Structure:
        members: list[Member] = []
        structure_deps: set[str] = set()
        enum_deps: set[str] = set()
        for source in shape.members.values():
            leaf = _contained(source.shape)
            if leaf.type_name == "structure":
                structure_deps.add(leaf.name)
            elif leaf.enum:
                enum_deps.add(class_name(leaf.name))
            members.append(
                Member(
                    wire_name=source.name,
                    attribute=attribute_name(source.name),
                    shape=source.shape.name,
                    type_expr=self.type_expr(source.shape),
                    required=source.name in shape.required,
                    documentation=source.documentation,
                    location=source.location,
                    location_name=source.wire_name,
                    secret=(shape.name, source.name) in tables.SECRET_FIELDS,
                )
            )
        attributes = [m.attribute for m in members]
        if len(set(attributes)) != len(attributes):
            raise CodegenError(f"two members of {shape.name} map to one attribute: {attributes}")
        return Structure(
            name=class_name(shape.name),
            module=xform_name(class_name(shape.name)),
            members=tuple(members),
            documentation=shape.documentation,
            output_only=output_only,
            structure_deps=tuple(sorted(structure_deps)),
            enum_deps=tuple(sorted(enum_deps)),
            uses_datetime=any("datetime" in m.type_expr for m in members),
            error_status=shape.error_status,
        )

    def check_tables(self) -> None:
        problems: list[str] = []
        for shape_name, member in sorted(tables.SECRET_FIELDS):
            shape = self.source.shapes.get(shape_name)
            if shape is None or member not in shape.members:
                problems.append(f"SECRET_FIELDS names {shape_name}.{member}, not in the model")
        operations = set(self.source.operations)
        for name in sorted(set(tables.RESOURCE_METHODS) ^ operations):
            where = "missing from" if name in operations else "not an operation, but in"
            problems.append(f"{name} is {where} RESOURCE_METHODS")
        paths = list(tables.RESOURCE_METHODS.values())
        for path in sorted({p for p in paths if paths.count(p) > 1}):
            problems.append(f"{path} is used by more than one operation")
        for name in sorted(tables.IDEMPOTENT_POSTS - operations):
            problems.append(f"IDEMPOTENT_POSTS names {name}, not an operation")
        errors = {n for n, shape in self.source.shapes.items() if shape.error_status is not None}
        for name in sorted(errors ^ set(tables.SERVICE_ERRORS)):
            where = "missing from" if name in errors else "not an error shape, but in"
            problems.append(f"{name} is {where} SERVICE_ERRORS")
        modules = [s.module for s in self.service.structures.values()]
        for module in sorted({m for m in modules if modules.count(m) > 1}):
            problems.append(f"two shapes share the module name {module}")
        if problems:
            raise CodegenError("the tables disagree with the model:\n  " + "\n  ".join(problems))

    def operation(self, op: model.Operation) -> Operation:
        assert op.input is not None, "every Pinpoint operation has an input shape"
        input_shape = self.service.structures[op.input.name]
        body = None
        if op.input.payload is not None:
            body = next(m for m in input_shape.members if m.wire_name == op.input.payload)
        output_payload = None
        payload_shape = None
        if op.output is not None:
            output = self.service.structures[op.output.name]
            output_payload = next(m for m in output.members if m.wire_name == op.output.payload)
            payload_shape = op.output.members[output_payload.wire_name].shape
        *resource, method = tables.RESOURCE_METHODS[op.name].split(".")
        token = next(
            (
                m
                for m in input_shape.members
                if m.location == "querystring" and m.location_name in ("token", "next-token")
            ),
            None,
        )
        page_size = next((m for m in input_shape.members if m.wire_name == "PageSize"), None)
        pagination = None
        if token and payload_shape and "NextToken" in payload_shape.members:
            pagination = self.pagination(token, page_size, payload_shape)
        return Operation(
            name=op.name,
            http_method=op.method,
            request_uri=op.request_uri,
            success_status=op.response_code,
            documentation=op.documentation,
            input=input_shape,
            body=body,
            output_payload=output_payload,
            resource_path=tuple(resource),
            method_name=method,
            idempotent=op.method != "POST" or op.name in tables.IDEMPOTENT_POSTS,
            pagination=pagination,
            takes_token=token is not None,
        )

    def pagination(
        self, token: Member, page_size: Member | None, payload: model.Shape
    ) -> Pagination:
        path: tuple[str, ...]
        if "Item" in payload.members:
            path = ("Item",)
        elif "KpiResult" in payload.members:
            path = ("KpiResult", "Rows")
        else:
            raise CodegenError(
                f"cannot find the items of a paged payload: {sorted(payload.members)}"
            )
        shape = payload
        for member in path:
            shape = shape.members[member].shape
        assert shape.list_member is not None, f"{'.'.join(path)} is not a list"
        return Pagination(
            token_member=token.wire_name,
            page_size_member=page_size.wire_name if page_size else None,
            items_path=tuple(attribute_name(member) for member in path),
            item_type=self.type_expr(shape.list_member),
        )


def load_service() -> Service:
    """The installed botocore's Pinpoint model (read by ``pinpoint_sdk._service_model``),
    normalised for the generator."""
    return _Builder(model.load_service_model(), botocore.__version__).build()
