"""Renders the resource classes, the operation tables and the typed errors of the client.

Method convention, the same for all 122 operations:

- path parameters are positional (or keyword) arguments, in URI order;
- query parameters are keyword-only; ``page_size`` is an ``int`` (a string on the wire);
- a request body is given either as its model (``request=WriteCampaignRequest(...)``, what the
  builders produce) or a dict of it, or as the model's fields as keyword arguments
  (``name="spring"``), never both; either way it is validated before anything is sent;
- body arguments take the input types of ``input_types`` (model or typed dict, enum or its
  string, ``Sequence``/``Mapping``); those names are imported for checkers only;
- the return value is the payload model (``CampaignResponse``, not the wrapper shape);
- token-paged operations return an ``AsyncPaginator`` and take ``next_token``/``max_items``.
"""

from __future__ import annotations

import re

from botocore import xform_name

from pinpoint_sdk._query import QUERY_RULES, QueryType

from . import tables
from .docs import docstring, html_to_paragraphs
from .input_types import InputTypes
from .render_models import HEADER
from .service import Member, Operation, Service

_PYTHON_TYPES = {"str", "int", "float", "bool", "datetime", "bytes"}


def query_type(op: Operation, member: Member) -> QueryType:
    """The type of a query parameter, in the vocabulary the run-time check shares."""
    if member.wire_name == "PageSize":
        return QueryType.PAGE_SIZE
    try:
        return QueryType(member.type_expr)
    except ValueError:
        raise SystemExit(
            f"codegen: {op.name}.{member.wire_name} is a query parameter of type "
            f"{member.type_expr}; teach pinpoint_sdk/_query.py:QUERY_RULES to check it"
        ) from None


def resource_class_name(path: tuple[str, ...]) -> str:
    """``("templates", "email")`` -> ``EmailTemplates``; ``("campaigns",)`` -> ``Campaigns``."""
    return "".join(part.title().replace("_", "") for part in reversed(path))


def _names_in(type_expr: str) -> set[str]:
    return (
        {n for n in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", type_expr)}
        - _PYTHON_TYPES
        - {
            "list",
            "dict",
            "None",
        }
    )


def _first_sentence(markup: str) -> str:
    paragraphs = html_to_paragraphs(markup)
    if not paragraphs:
        return ""
    text = paragraphs[0]
    match = re.match(r"(.+?\.)(\s|$)", text)
    return match.group(1) if match else text


class _Method:
    """The pieces of one generated method."""

    def __init__(self, service: Service, op: Operation, inputs: InputTypes) -> None:
        self.service = service
        self.op = op
        #: Models the method uses at run time (the body model, the result types).
        self.imports: set[str] = set()
        #: The input types of body arguments, for checkers only.
        self.inputs = inputs
        self.uses_datetime = False

    def _type(self, type_expr: str) -> str:
        self.imports |= _names_in(type_expr)
        self.uses_datetime = self.uses_datetime or "datetime" in type_expr
        return type_expr

    def _path_members(self) -> list[Member]:
        order = re.findall(r"{([^}+]+)\+?}", self.op.request_uri)
        by_location = {m.location_name: m for m in self.op.parameters if m.location == "uri"}
        return [by_location[name] for name in order]

    def _query_members(self) -> list[Member]:
        return [m for m in self.op.parameters if m.location == "querystring"]

    def body_fields(self) -> list[Member]:
        if self.op.body is None:
            return []
        return list(self.service.structures[self.op.body.shape].members)

    def render(self) -> str:
        op = self.op
        pagination = op.pagination
        signature = ["self"]
        call_params: list[str] = []
        doc_args: list[tuple[str, str]] = []
        for member in self._path_members():
            signature.append(f"{member.attribute}: {self._type(member.type_expr)}")
            call_params.append(f'"{member.wire_name}": {member.attribute}')
            doc_args.append((member.attribute, _first_sentence(member.documentation)))
        body_model = None
        if op.body is not None:
            body_model = self.service.structures[op.body.shape].name
            self.imports.add(body_model)
            signature.append(f"request: {self.inputs.of(body_model)} | None = None")
            doc_args.append(
                (
                    "request",
                    f"The body as a ``{body_model}`` or a dict of it; or pass its fields as"
                    " keyword arguments.",
                )
            )
        keyword_only: list[str] = []
        for member in self._query_members():
            if pagination and member.wire_name == pagination.token_member:
                continue
            if member.wire_name == "PageSize":
                keyword_only.append("page_size: int | None = None")
                if not pagination:
                    call_params.append('"PageSize": page_size')
                doc_args.append(("page_size", "How many items each page holds."))
                continue
            type_expr = self._type(QUERY_RULES[query_type(op, member)].annotation)
            if op.takes_token and not pagination and member.wire_name == "NextToken":
                keyword_only.append("next_token: str | None = None")
                call_params.append('"NextToken": next_token')
                doc_args.append(("next_token", "The token of the page to read."))
                continue
            if member.required:
                keyword_only.append(f"{member.attribute}: {type_expr}")
            else:
                keyword_only.append(f"{member.attribute}: {type_expr} | None = None")
            call_params.append(f'"{member.wire_name}": {member.attribute}')
            doc_args.append((member.attribute, _first_sentence(member.documentation)))
        if pagination:
            keyword_only += ["next_token: str | None = None", "max_items: int | None = None"]
            doc_args += [
                ("next_token", "Start from this page token (a ``Page.next_token`` saved earlier)."),
                ("max_items", "Stop after this many items."),
            ]
        taken = {arg.split(":")[0] for arg in signature + keyword_only}
        body_kwargs: list[str] = []
        for member in self.body_fields():
            if member.attribute in taken:
                raise SystemExit(
                    f"codegen: {op.name}: body field {member.attribute} collides with a parameter"
                )
            type_expr = self.inputs.of(member.type_expr)
            keyword_only.append(f"{member.attribute}: {type_expr} | None = None")
            body_kwargs.append(f"{member.attribute}={member.attribute}")
        if keyword_only:
            signature.append("*")
            signature += keyword_only
        if op.body is not None and body_model is not None:
            call_params.append(
                f'"{op.body.wire_name}": self._body("{op.name}", {body_model}, request, '
                + ", ".join(body_kwargs)
                + ")"
            )
        params_dict = "{" + ", ".join(call_params) + "}"

        payload = op.output_payload
        lines: list[str] = []
        if pagination:
            assert payload is not None
            item_type = self._type(pagination.item_type)
            payload_type = self._type(payload.type_expr)
            returns = f"AsyncPaginator[{item_type}, {payload_type}]"
            lines.append(f"    def {op.method_name}({', '.join(signature)}) -> {returns}:")
            body = (
                f"        return self._paginate(\n"
                f'            "{op.name}", {params_dict}, {payload_type}, "{payload.wire_name}",\n'
                f'            item_type={item_type}, token_member="{pagination.token_member}",\n'
                f"            items_path={pagination.items_path!r}, next_token=next_token,\n"
                f"            page_size=page_size, max_items=max_items,\n"
                f"        )"
            )
        elif payload is not None:
            payload_type = self._type(payload.type_expr)
            lines.append(
                f"    async def {op.method_name}({', '.join(signature)}) -> {payload_type}:"
            )
            body = (
                f'        return await self._call("{op.name}", {params_dict}, '
                f'{payload_type}, "{payload.wire_name}")'
            )
        else:
            lines.append(f"    async def {op.method_name}({', '.join(signature)}) -> None:")
            body = f'        await self._call_without_result("{op.name}", {params_dict})'
        lines.append(self._docstring(doc_args))
        lines.append(body)
        return "\n".join(lines)

    def _docstring(self, args: list[tuple[str, str]]) -> str:
        summary = docstring(self.op.documentation, indent=8, fallback=self.op.name)
        text = summary[:-3].rstrip() if summary.endswith('"""') else summary
        if text.endswith("\n"):
            text = text.rstrip()
        extra: list[str] = [
            "",
            f"        Operation: ``{self.op.name}`` ({self.op.http_method} {self.op.request_uri}).",
        ]
        if not self.op.idempotent:
            extra.append(
                "        Not idempotent: retried only when the service certainly did not act."
            )
        if args:
            extra += ["", "        Args:"]
            for name, text_arg in args:
                extra.append(f"            {name}: {text_arg}".rstrip())
        if self.op.body is not None:
            extra.append(
                "            Other keyword arguments: the body's fields, when ``request`` is not given."
            )
        body = text.strip()
        if body.startswith('"""') and body.endswith('"""') and body.count("\n") == 0:
            body = body[:-3]
        return "        " + body.lstrip() + "\n" + "\n".join(extra) + '\n        """'


def render_resource_module(service: Service, top: str) -> str:
    paths = [p for p in service.resources if p[0] == top]
    ops_by_path: dict[tuple[str, ...], list[Operation]] = {}
    for op in service.operations.values():
        ops_by_path.setdefault(op.resource_path, []).append(op)
    imports: set[str] = set()
    inputs = InputTypes(service)
    uses_datetime = False
    uses_paginator = False
    uses_builtins = False
    classes: list[str] = []
    # Children first so a parent's annotations refer to defined classes.
    for path in sorted(paths, key=lambda p: (-len(p), p)):
        children = [p for p in paths if len(p) == len(path) + 1 and p[: len(path)] == path]
        class_lines = [f"class {resource_class_name(path)}(Resource):"]
        doc = tables.RESOURCE_DOCS.get(".".join(path), f"The ``{'.'.join(path)}`` resource.")
        class_lines.append(f'    """{doc}"""')
        for child in children:
            child_name = resource_class_name(child)
            class_lines += [
                "",
                "    @cached_property",
                f"    def {child[-1]}(self) -> {child_name}:",
                f'        """{tables.RESOURCE_DOCS.get(".".join(child), child_name)}"""',
                f"        return {child_name}(self._client)",
            ]
        methods = sorted(ops_by_path.get(path, []), key=lambda o: o.method_name)
        # A method named ``list`` shadows the builtin inside the class body.
        shadows_list = any(op.method_name == "list" for op in methods)
        for op in methods:
            method = _Method(service, op, inputs)
            rendered = method.render()
            if shadows_list:
                rendered = re.sub(r"(?<![\w.])list\[", "builtins.list[", rendered)
                uses_builtins = True
            class_lines += ["", rendered]
            imports |= method.imports
            uses_datetime = uses_datetime or method.uses_datetime
            uses_paginator = uses_paginator or op.pagination is not None
        classes.append("\n".join(class_lines))
    lines = [HEADER, f'"""The ``client.{top}`` resource."""', ""]
    lines += ["from __future__ import annotations", ""]
    if uses_builtins:
        lines.append("import builtins")
    if uses_datetime:
        lines.append("from datetime import datetime")
    if any(len(p) > 1 for p in paths):
        lines.append("from functools import cached_property")
    runtime_names = imports | ({"datetime"} if uses_datetime else set())
    checker_imports = inputs.imports("resources", imported=runtime_names)
    if checker_imports:
        lines.append("from typing import TYPE_CHECKING")
    lines.append("from .._resource import Resource")
    if uses_paginator:
        lines.append("from ..pagination import AsyncPaginator")
    model_names = sorted(imports - {"datetime"})
    if model_names:
        lines.append(f"from ..models import {', '.join(model_names)}")
    if checker_imports:
        lines += ["", "if TYPE_CHECKING:", *(f"    {line}" for line in checker_imports)]
    lines += ["", "", "\n\n\n".join(classes), ""]
    return "\n".join(lines)


def render_resources_index(service: Service) -> str:
    tops = sorted({p[0] for p in service.resources})
    lines = [HEADER, '"""The resources of ``PinpointClient``, each created on first use."""', ""]
    lines += ["from functools import cached_property", "from typing import TYPE_CHECKING", ""]
    lines += ["from .._resource import Invoker", "", "if TYPE_CHECKING:"]
    for top in tops:
        lines.append(f"    from .{top} import {resource_class_name((top,))}")
    lines += [
        "",
        "",
        "class Resources(Invoker):",
        '    """One attribute per resource: ``client.campaigns``, ``client.templates.email``, ..."""',
    ]
    for top in tops:
        module, cls = f".{top}", resource_class_name((top,))
        lines += [
            "",
            "    @cached_property",
            f'    def {top}(self) -> "{cls}":',
            f'        """{tables.RESOURCE_DOCS.get(top, top)}"""',
            f"        from {module} import {cls}",
            "",
            f"        return {cls}(self)",
        ]
    lines.append("")
    return "\n".join(lines)


def render_operations(service: Service) -> str:
    lines = [
        HEADER,
        '"""Every Pinpoint operation: where it lives in the SDK, how to call it, whether it is safe to retry."""',
        "",
    ]
    lines += ["from collections.abc import Mapping", "from types import MappingProxyType", ""]
    lines += ["from ._query import QueryType", ""]
    lines.append(
        '#: botocore operation name -> dotted SDK path, e.g. ``"CreateCampaign": "campaigns.create"``.'
    )
    lines.append("OPERATIONS: Mapping[str, str] = MappingProxyType(")
    lines.append("    {")
    lines += [f'        "{op.name}": "{op.sdk_path}",' for op in service.operations.values()]
    lines += ["    }", ")", ""]
    lines.append("#: botocore operation name -> aiobotocore client method.")
    lines.append("CLIENT_METHODS: Mapping[str, str] = MappingProxyType(")
    lines.append("    {")
    lines += [
        f'        "{op.name}": "{xform_name(op.name)}",' for op in service.operations.values()
    ]
    lines += ["    }", ")", ""]
    secrets = sorted({member for _, member in tables.SECRET_FIELDS})
    lines.append("#: Member names of secret fields: redacted from every log record.")
    lines.append("SECRET_MEMBERS: frozenset[str] = frozenset(")
    lines.append("    {" + ", ".join(f'"{name}"' for name in secrets) + "}")
    lines += [")", ""]
    lines.append("#: botocore operation name -> its query parameters: (type, required).")
    lines.append("#: Checked before sending, in place of botocore's parameter validation.")
    lines.append(
        "QUERY_PARAMETERS: Mapping[str, Mapping[str, tuple[QueryType, bool]]] = MappingProxyType("
    )
    lines.append("    {")
    for op in service.operations.values():
        query = [m for m in op.parameters if m.location == "querystring"]
        if query:
            entries = ", ".join(
                f'"{m.wire_name}": (QueryType.{query_type(op, m).name}, {m.required})'
                for m in query
            )
            lines.append(f'        "{op.name}": {{{entries}}},')
    lines += ["    }", ")", ""]
    lines.append("#: botocore operation name -> its path parameters, which must not be empty.")
    lines.append("PATH_PARAMETERS: Mapping[str, tuple[str, ...]] = MappingProxyType(")
    lines.append("    {")
    for op in service.operations.values():
        names = "".join(f'"{m.wire_name}", ' for m in op.parameters if m.location == "uri")
        lines.append(f'        "{op.name}": ({names}),')
    lines += ["    }", ")", ""]
    lines.append(
        "#: Operations that create or send: retried only when the service certainly did not act."
    )
    lines.append("RETRY_UNSAFE: frozenset[str] = frozenset(")
    lines.append("    {")
    lines += [f'        "{op.name}",' for op in service.operations.values() if not op.idempotent]
    lines += ["    }", ")", ""]
    return "\n".join(lines)


def render_service_errors(service: Service) -> str:
    errors = [s for s in service.structures.values() if s.error_status is not None]
    lines = [
        HEADER,
        '"""One exception class per error shape of the Pinpoint model (see ``_exceptions``)."""',
        "",
    ]
    lines += ["from ._exceptions import APIStatusError", ""]
    for error in errors:
        lines += ["", f"class {error.name}(APIStatusError):"]
        lines.append(
            docstring(
                error.documentation, indent=4, fallback=f"HTTP {error.error_status}: {error.name}."
            )
        )
        lines += ["", f"    status = {error.error_status}", ""]
    lines += ["", "ERRORS_BY_CODE: dict[str, type[APIStatusError]] = {"]
    lines += [f'    "{e.name}": {e.name},' for e in errors]
    lines += ["}", "ERRORS_BY_STATUS: dict[int, type[APIStatusError]] = {"]
    lines += [
        f"    {e.error_status}: {e.name},"
        for e in sorted(errors, key=lambda e: e.error_status or 0)
    ]
    lines += ["}", "", "__all__ = ["]
    lines += [f'    "{e.name}",' for e in errors]
    lines += ['    "ERRORS_BY_CODE",', '    "ERRORS_BY_STATUS",', "]", ""]
    return "\n".join(lines)


def render_client(service: Service) -> dict[str, str]:
    """Every client-side generated file, keyed by path relative to the repository."""
    files = {
        "pinpoint_sdk/_operations.py": render_operations(service),
        "pinpoint_sdk/_service_errors.py": render_service_errors(service),
        "pinpoint_sdk/resources/__init__.py": render_resources_index(service),
    }
    for top in sorted({p[0] for p in service.resources}):
        files[f"pinpoint_sdk/resources/{top}.py"] = render_resource_module(service, top)
    return files
