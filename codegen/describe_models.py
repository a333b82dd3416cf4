"""The models and typed dicts as plain data, for the templates in ``codegen/templates``.

- ``pinpoint_sdk/models/``: one :class:`ModelModule` per structure shape (a pydantic model;
  a request model also gets the ``__init__`` checkers see, taking the input types), one
  :class:`EnumClass` per enum, and a lazy index;
- ``pinpoint_sdk/params/``: for every structure inside a request, one :class:`ParamsModule`
  with two ``TypedDict`` classes (snake_case keys; botocore's member names), a ``Literal`` per
  enum, and a lazy index.

Nothing here writes code.
"""

from __future__ import annotations

from dataclasses import dataclass

from .docs import doc_text
from .errors import CodegenError
from .input_types import (
    LITERALS_MODULE,
    MODELS,
    PARAMS,
    InputTypes,
    literal_name,
    nested_structures,
    param_name,
    wire_param_name,
)
from .python import Argument, Import
from .service import Service, Structure

__all__ = [
    "EnumClass",
    "LazyIndex",
    "LiteralAlias",
    "ModelField",
    "ModelModule",
    "ParamsModule",
    "describe_enums",
    "describe_literals",
    "describe_model",
    "describe_models_index",
    "describe_params",
    "describe_params_index",
    "models",
]


@dataclass(frozen=True)
class ModelField:
    """One member of a structure as a pydantic field."""

    attribute: str
    type_expr: str
    required: bool
    #: The member's name: the key of botocore params, and the alias a dump uses.
    wire_name: str
    #: The key in a JSON body, when it differs from ``wire_name`` (responses use it).
    json_name: str
    secret: bool
    doc: str


@dataclass(frozen=True)
class ModelModule:
    """``pinpoint_sdk/models/<module>.py``: one structure shape."""

    name: str
    #: ``RequestModel`` (the SDK may send it) or ``ResponseModel`` (it only comes back).
    base: str
    doc: str
    imports: tuple[Import, ...]
    checking_imports: tuple[Import, ...]
    has_secrets: bool
    fields: tuple[ModelField, ...]
    #: The keyword-only ``__init__`` checkers see for a request model (input types);
    #: None for a response model.
    constructor: tuple[Argument, ...] | None


@dataclass(frozen=True)
class EnumClass:
    """One enum shape: (Python member name, value) pairs."""

    name: str
    doc: str
    members: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LazyIndex:
    """A package ``__init__`` exporting names loaded on first use."""

    doc: tuple[str, ...]
    #: (name, the module that defines it, relative to the package), sorted by name.
    names: tuple[tuple[str, str], ...]
    #: (name, where to look instead) for names the package no longer has.
    moved: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ParamsModule:
    """``pinpoint_sdk/params/<module>.py``: a shape's two typed dicts."""

    shape: str
    imports: tuple[Import, ...]
    snake_name: str
    wire_name: str
    #: Keys of the snake_case dict (documented), then of the wire dict (not documented).
    snake_keys: tuple[Argument, ...]
    wire_keys: tuple[Argument, ...]


@dataclass(frozen=True)
class LiteralAlias:
    name: str
    enum: str
    values: tuple[str, ...]


def describe_model(service: Service, structure: Structure) -> ModelModule:
    types = InputTypes(service)
    constructor = None
    if not structure.output_only:
        constructor = tuple(
            Argument(member.attribute, types.of(member.type_expr), member.required)
            for member in structure.members
        )
    imports: list[Import] = []
    if constructor is not None:
        imports.append(Import("typing", ("TYPE_CHECKING",)))
    if structure.uses_datetime:
        imports.append(Import("datetime", ("datetime",)))
    pydantic = ["Field"] if structure.members else []
    if structure.has_secrets:
        pydantic.append("ConfigDict")
    if any(m.json_name != m.wire_name for m in structure.members):
        pydantic.append("AliasChoices")
    if pydantic:
        imports.append(Import("pydantic", tuple(sorted(pydantic))))
    base = "RequestModel" if constructor is not None else "ResponseModel"
    imports.append(Import(".._models", (base,)))
    if structure.enum_deps:
        imports.append(Import(".enums", structure.enum_deps))
    imported = set(structure.enum_deps)
    for dep in structure.structure_deps:
        dep_structure = service.structures[dep]
        imports.append(Import(f".{dep_structure.module}", (dep_structure.name,)))
        imported.add(dep_structure.name)
    if structure.uses_datetime:
        imported.add("datetime")
    checking = types.imports(MODELS, skip_module=f"{MODELS}.{structure.module}", imported=imported)
    return ModelModule(
        name=structure.name,
        base=base,
        doc=doc_text(
            structure.documentation, indent=4, fallback=f"The {structure.name} structure."
        ),
        imports=tuple(imports),
        checking_imports=checking,
        has_secrets=structure.has_secrets,
        fields=tuple(
            ModelField(
                attribute=m.attribute,
                type_expr=m.type_expr,
                required=m.required,
                wire_name=m.wire_name,
                json_name=m.json_name,
                secret=m.secret,
                doc=doc_text(m.documentation, indent=4),
            )
            for m in structure.members
        ),
        constructor=constructor,
    )


def describe_enums(service: Service) -> tuple[EnumClass, ...]:
    return tuple(
        EnumClass(
            enum.name,
            doc_text(enum.documentation, indent=4, fallback=f"Values of ``{enum.name}``."),
            tuple((_enum_member(value), value) for value in enum.values),
        )
        for enum in service.enums.values()
    )


def _enum_member(value: str) -> str:
    """The Python name of an enum value: ``in-app`` -> ``_IN_APP``."""
    name = (
        value if value.isidentifier() else "_" + "".join(c if c.isalnum() else "_" for c in value)
    )
    return name.upper()


def models(service: Service) -> list[Structure]:
    """The structures that become models: all but the error shapes, which are exceptions
    (``pinpoint_sdk.NotFoundException``), not data the SDK returns."""
    return [s for s in service.structures.values() if s.error_status is None]


def describe_models_index(service: Service) -> LazyIndex:
    names = {s.name: s.module for s in models(service)}
    names.update({e.name: "enums" for e in service.enums.values()})
    moved = tuple(
        (s.name, f"it is an exception: from pinpoint_sdk import {s.name}")
        for s in service.structures.values()
        if s.error_status is not None
    )
    return LazyIndex(
        (
            "Typed models of every Pinpoint shape, named exactly as the shapes of the model.",
            "",
            "The error shapes are exceptions instead (``from pinpoint_sdk import NotFoundException``).",
            "Classes load on first use (``from pinpoint_sdk.models import CampaignResponse`` imports",
            "only that model and the models it refers to), so importing the package stays cheap.",
        ),
        tuple(sorted(names.items())),
        moved,
    )


def _key(name: str, type_expr: str, required: bool, doc: str) -> Argument:
    if not name.isidentifier():
        raise CodegenError(f"{name!r} cannot be a key of a class-based TypedDict")
    return Argument(name, type_expr, required, doc)


def describe_params(service: Service, structure: Structure) -> ParamsModule:
    types = InputTypes(service)
    members = [(member, types.of(member.type_expr)) for member in structure.members]
    return ParamsModule(
        shape=structure.name,
        # Imported for real (no request shape refers back to itself), so the annotations can
        # be evaluated: ``__required_keys__`` is right and pydantic can validate these dicts.
        imports=types.imports(PARAMS, skip_module=f"{PARAMS}.{structure.module}"),
        snake_name=param_name(structure.name),
        wire_name=wire_param_name(structure.name),
        # The snake keys document themselves where an IDE shows them; the wire twin points
        # to them.
        snake_keys=tuple(
            _key(m.attribute, t, m.required, doc_text(m.documentation, indent=4))
            for m, t in members
        ),
        wire_keys=tuple(_key(m.wire_name, t, m.required, "") for m, t in members),
    )


def describe_literals(service: Service) -> tuple[LiteralAlias, ...]:
    return tuple(
        LiteralAlias(literal_name(enum.name), enum.name, enum.values)
        for enum in service.enums.values()
    )


def _params_exports(service: Service) -> dict[str, str]:
    """Every exported name of ``params`` -> the module (relative to it) that defines it."""
    names: dict[str, str] = {}
    for structure in nested_structures(service):
        names[param_name(structure.name)] = structure.module
        names[wire_param_name(structure.name)] = structure.module
    for enum in service.enums.values():
        names[literal_name(enum.name)] = LITERALS_MODULE
    clashes = set(names) & {s.name for s in service.structures.values()}
    if any(s.module == LITERALS_MODULE for s in service.structures.values()):
        clashes.add(LITERALS_MODULE)
    if clashes:
        raise CodegenError(f"params names clash with model names: {sorted(clashes)}")
    return names


def describe_params_index(service: Service) -> LazyIndex:
    return LazyIndex(
        (
            "Typed dicts of every request shape, and a ``Literal`` for every enum.",
            "",
            "Wherever the SDK takes a model, it also takes a plain dict, with snake_case keys",
            '(``SMSMessageParam``: ``{"message_type": "TRANSACTIONAL"}``) or with botocore\'s member',
            'names (``SMSMessageWireParam``: ``{"MessageType": "TRANSACTIONAL"}``); wherever it takes',
            "an enum, it also takes the enum's value as a string (``MessageTypeLiteral``). Type",
            "checkers check such dicts key by key; at run time the models validate them as before.",
            "Names load on first use, so importing this package costs nothing.",
        ),
        tuple(sorted(_params_exports(service).items())),
    )
