"""Renders ``pinpoint_sdk/params/``: typed dicts of request shapes and literals of enums.

For every structure that appears inside a request (``input_types.nested_structures``) one
module, named like the model's, holds two ``TypedDict`` classes:

- ``SMSMessageParam``: snake_case keys, the model's attribute names
  (``{"message_type": "TRANSACTIONAL"}``);
- ``SMSMessageWireParam``: botocore's member names, as boto3 and types-aiobotocore spell them
  (``{"MessageType": "TRANSACTIONAL"}``).

Both are ``total=False`` with ``Required[...]`` exactly where botocore requires the member,
and their values take the input types of ``input_types`` (model or either typed dict, enum or
literal, ``Sequence``/``Mapping``). ``literals.py`` holds one ``Literal`` alias per enum. The
package index loads names lazily; the models and resources import params only for checkers,
so the SDK never loads them at run time.
"""

from __future__ import annotations

from .docs import docstring
from .input_types import (
    LITERALS_MODULE,
    PARAMS,
    InputTypes,
    literal_name,
    nested_structures,
    param_name,
    wire_param_name,
)
from .render_models import HEADER, render_lazy_index
from .service import Member, Service, Structure


def _key(name: str, type_expr: str, member: Member, *, documented: bool) -> list[str]:
    if not name.isidentifier():
        raise SystemExit(f"codegen: {name!r} cannot be a key of a class-based TypedDict")
    annotation = f"Required[{type_expr}]" if member.required else type_expr
    lines = ["", f"    {name}: {annotation}"]
    doc = docstring(member.documentation, indent=4) if documented else ""
    return [*lines, doc] if doc else lines


def render_params_module(service: Service, structure: Structure) -> str:
    types = InputTypes(service)
    members = [(member, types.of(member.type_expr)) for member in structure.members]
    snake = param_name(structure.name)
    wire = wire_param_name(structure.name)
    lines = [HEADER, f'"""Typed dicts of the ``{structure.name}`` shape."""', ""]
    lines += ["from typing_extensions import Required, TypedDict", ""]
    # Imported for real (no request shape refers back to itself), so the annotations can be
    # evaluated: ``__required_keys__`` is right and pydantic can validate these dicts. Only
    # code that imports a params module pays for it; the SDK imports them for checkers only.
    lines += types.imports(PARAMS, skip_module=f"{PARAMS}.{structure.module}")
    lines += ["", f"class {snake}(TypedDict, total=False):"]
    lines.append(
        f'    """``{structure.name}`` as a dict with snake_case keys (its attribute names)."""'
    )
    for member, type_expr in members:
        # The keys document themselves where an IDE shows them; the wire twin points here.
        lines += _key(member.attribute, type_expr, member, documented=True)
    lines += ["", "", f"class {wire}(TypedDict, total=False):"]
    lines.append(
        f'    """``{structure.name}`` as a dict with botocore\'s member names as keys, as boto3'
        f' takes it (see ``{snake}``)."""'
    )
    for member, type_expr in members:
        lines += _key(member.wire_name, type_expr, member, documented=False)
    return "\n".join(lines) + "\n"


def render_literals(service: Service) -> str:
    lines = [
        HEADER,
        '"""One ``Literal`` per enum of the model: where an enum goes in, its plain string does too.',
        "",
        '``SMSMessage(message_type="TRANSACTIONAL")`` type-checks; ``"TRANSACTIONALL"`` does not.',
        '"""',
        "",
        "from typing import Literal, TypeAlias",
        "",
    ]
    for enum in service.enums.values():
        values = ", ".join(f'"{value}"' for value in enum.values)
        lines += ["", f"{literal_name(enum.name)}: TypeAlias = Literal[{values}]"]
        lines.append(f'"""The values of ``{enum.name}``, as plain strings."""')
    return "\n".join(lines) + "\n"


def _exports(service: Service) -> dict[str, str]:
    """Every exported name -> the module (relative to ``params``) that defines it."""
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
        raise SystemExit(f"codegen: params names clash with model names: {sorted(clashes)}")
    return names


def render_params_index(service: Service) -> str:
    doc = [
        "Typed dicts of every request shape, and a ``Literal`` for every enum.",
        "",
        "Wherever the SDK takes a model, it also takes a plain dict, with snake_case keys",
        '(``SMSMessageParam``: ``{"message_type": "TRANSACTIONAL"}``) or with botocore\'s member',
        'names (``SMSMessageWireParam``: ``{"MessageType": "TRANSACTIONAL"}``); wherever it takes',
        "an enum, it also takes the enum's value as a string (``MessageTypeLiteral``). Type",
        "checkers check such dicts key by key; at run time the models validate them as before.",
        "Names load on first use, so importing this package costs nothing.",
    ]
    return render_lazy_index(doc, _exports(service))


def render_params(service: Service) -> dict[str, str]:
    """Every file of ``pinpoint_sdk/params/``, keyed by path relative to the repository."""
    files = {
        f"pinpoint_sdk/{PARAMS}/__init__.py": render_params_index(service),
        f"pinpoint_sdk/{PARAMS}/{LITERALS_MODULE}.py": render_literals(service),
    }
    for structure in nested_structures(service):
        files[f"pinpoint_sdk/{PARAMS}/{structure.module}.py"] = render_params_module(
            service, structure
        )
    return files
