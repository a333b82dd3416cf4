"""Reads botocore's Pinpoint model into plain dataclasses that the renderers consume.

Nothing here writes code: it decides names, types, which shapes are output-only, which
operations page, and which are safe to retry. Rendering is in ``render_*``.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import botocore.session
from botocore import xform_name
from pydantic import BaseModel

from . import tables
from .errors import CodegenError

SERVICE_NAME = "pinpoint"

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


def load_raw_model() -> tuple[dict[str, Any], str]:
    """Loads the Pinpoint service-2 model from the installed botocore."""
    session = botocore.session.get_session()
    loader = session.get_component("data_loader")
    raw: dict[str, Any] = loader.load_service_model(SERVICE_NAME, "service-2")
    return raw, botocore.__version__


def _reachable(shapes: dict[str, Any], roots: list[str]) -> set[str]:
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        if shape["type"] == "structure":
            stack.extend(m["shape"] for m in shape.get("members", {}).values())
        elif shape["type"] == "list":
            stack.append(shape["member"]["shape"])
        elif shape["type"] == "map":
            stack.extend([shape["key"]["shape"], shape["value"]["shape"]])
    return seen


class _Builder:
    def __init__(self, raw: dict[str, Any], botocore_version: str) -> None:
        self.raw = raw
        self.shapes: dict[str, Any] = raw["shapes"]
        self.service = Service(raw["metadata"]["apiVersion"], botocore_version)

    def type_expr(self, shape_name: str) -> str:
        shape = self.shapes[shape_name]
        kind = shape["type"]
        if kind == "structure":
            return class_name(shape_name)
        if kind == "list":
            return f"list[{self.type_expr(shape['member']['shape'])}]"
        if kind == "map":
            return f"dict[str, {self.type_expr(shape['value']['shape'])}]"
        if kind == "string" and "enum" in shape:
            return class_name(shape_name)
        return _SCALARS[kind]

    def leaf_shapes(self, shape_name: str) -> list[str]:
        """The structure and enum shapes a member's type refers to directly."""
        shape = self.shapes[shape_name]
        if shape["type"] == "list":
            return self.leaf_shapes(shape["member"]["shape"])
        if shape["type"] == "map":
            return self.leaf_shapes(shape["value"]["shape"])
        if shape["type"] == "structure" or "enum" in shape:
            return [shape_name]
        return []

    def build(self) -> Service:
        ops = self.raw["operations"]
        input_roots = [op["input"]["shape"] for op in ops.values()]
        output_roots = [op["output"]["shape"] for op in ops.values() if "output" in op]
        from_inputs = _reachable(self.shapes, input_roots)
        from_outputs = _reachable(self.shapes, output_roots)

        for name, shape in sorted(self.shapes.items()):
            if shape["type"] == "string" and "enum" in shape:
                self.service.enums[name] = EnumShape(
                    class_name(name), tuple(shape["enum"]), shape.get("documentation", "")
                )
        for name, shape in sorted(self.shapes.items()):
            if shape["type"] == "structure":
                output_only = (name in from_outputs and name not in from_inputs) or bool(
                    shape.get("exception")
                )
                self.service.structures[name] = self.structure(name, shape, output_only)
        self.check_tables()
        for name, op in sorted(ops.items()):
            self.service.operations[name] = self.operation(name, op)
        return self.service

    def structure(self, name: str, shape: dict[str, Any], output_only: bool) -> Structure:
        required = set(shape.get("required", []))
        members: list[Member] = []
        structure_deps: set[str] = set()
        enum_deps: set[str] = set()
        uses_datetime = False
        for wire_name, spec in shape.get("members", {}).items():
            type_expr = self.type_expr(spec["shape"])
            uses_datetime = uses_datetime or "datetime" in type_expr
            for leaf in self.leaf_shapes(spec["shape"]):
                if self.shapes[leaf]["type"] == "structure":
                    structure_deps.add(leaf)
                else:
                    enum_deps.add(class_name(leaf))
            members.append(
                Member(
                    wire_name=wire_name,
                    attribute=attribute_name(wire_name),
                    shape=spec["shape"],
                    type_expr=type_expr,
                    required=wire_name in required,
                    documentation=spec.get("documentation")
                    or self.shapes[spec["shape"]].get("documentation", ""),
                    location=spec.get("location"),
                    location_name=spec.get("locationName"),
                    secret=(name, wire_name) in tables.SECRET_FIELDS,
                )
            )
        attributes = [m.attribute for m in members]
        if len(set(attributes)) != len(attributes):
            raise CodegenError(f"two members of {name} map to one attribute: {attributes}")
        return Structure(
            name=class_name(name),
            module=xform_name(class_name(name)),
            members=tuple(members),
            documentation=shape.get("documentation", ""),
            output_only=output_only,
            structure_deps=tuple(sorted(structure_deps)),
            enum_deps=tuple(sorted(enum_deps)),
            uses_datetime=uses_datetime,
            error_status=shape.get("error", {}).get("httpStatusCode")
            if shape.get("exception")
            else None,
        )

    def check_tables(self) -> None:
        problems: list[str] = []
        for shape_name, member in sorted(tables.SECRET_FIELDS):
            if member not in self.shapes.get(shape_name, {}).get("members", {}):
                problems.append(f"SECRET_FIELDS names {shape_name}.{member}, not in the model")
        operations = set(self.raw["operations"])
        for name in sorted(set(tables.RESOURCE_METHODS) ^ operations):
            where = "missing from" if name in operations else "not an operation, but in"
            problems.append(f"{name} is {where} RESOURCE_METHODS")
        paths = list(tables.RESOURCE_METHODS.values())
        for path in sorted({p for p in paths if paths.count(p) > 1}):
            problems.append(f"{path} is used by more than one operation")
        for name in sorted(tables.IDEMPOTENT_POSTS - operations):
            problems.append(f"IDEMPOTENT_POSTS names {name}, not an operation")
        modules = [s.module for s in self.service.structures.values()]
        for module in sorted({m for m in modules if modules.count(m) > 1}):
            problems.append(f"two shapes share the module name {module}")
        if problems:
            raise CodegenError("the tables disagree with the model:\n  " + "\n  ".join(problems))

    def operation(self, name: str, op: dict[str, Any]) -> Operation:
        input_shape = self.service.structures[op["input"]["shape"]]
        raw_input = self.shapes[op["input"]["shape"]]
        body = None
        if "payload" in raw_input:
            body = next(m for m in input_shape.members if m.wire_name == raw_input["payload"])
        output_payload = None
        payload_shape: dict[str, Any] | None = None
        if "output" in op:
            raw_output = self.shapes[op["output"]["shape"]]
            output = self.service.structures[op["output"]["shape"]]
            output_payload = next(m for m in output.members if m.wire_name == raw_output["payload"])
            payload_shape = self.shapes[output_payload.shape]
        *resource, method = tables.RESOURCE_METHODS[name].split(".")
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
        if token and payload_shape and "NextToken" in payload_shape.get("members", {}):
            pagination = self.pagination(token, page_size, payload_shape)
        http = op["http"]
        return Operation(
            name=name,
            http_method=http["method"],
            request_uri=http["requestUri"],
            success_status=int(http.get("responseCode", 200)),
            documentation=op.get("documentation", ""),
            input=input_shape,
            body=body,
            output_payload=output_payload,
            resource_path=tuple(resource),
            method_name=method,
            idempotent=http["method"] != "POST" or name in tables.IDEMPOTENT_POSTS,
            pagination=pagination,
            takes_token=token is not None,
        )

    def pagination(
        self, token: Member, page_size: Member | None, payload: dict[str, Any]
    ) -> Pagination:
        members = payload["members"]
        path: tuple[str, ...]
        if "Item" in members:
            path = ("Item",)
        elif "KpiResult" in members:
            path = ("KpiResult", "Rows")
        else:
            raise CodegenError(f"cannot find the items of a paged payload: {members}")
        shape = payload
        attributes: list[str] = []
        for wire_name in path:
            attributes.append(attribute_name(wire_name))
            list_shape = self.shapes[shape["members"][wire_name]["shape"]]
            shape = list_shape
        item_type = self.type_expr(shape["member"]["shape"])
        return Pagination(
            token_member=token.wire_name,
            page_size_member=page_size.wire_name if page_size else None,
            items_path=tuple(attributes),
            item_type=item_type,
        )


def load_service() -> Service:
    """Loads and normalises the installed botocore's Pinpoint model."""
    raw, version = load_raw_model()
    return _Builder(raw, version).build()
