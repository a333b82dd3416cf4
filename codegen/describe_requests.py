"""Each operation's request as plain data: the lean path's request builders.

``pinpoint_sdk/_requests.py`` has one function per operation that turns botocore-style params
(the dict the resources pass to a transport) into the ``LeanRequest`` botocore's serializer
would make: method, percent-encoded path, query string, headers and JSON body. The binding
comes from ``pinpoint_sdk._lean.binding_for``, the reference the tests compare with
botocore; this module only decides how each part is spelled in the generated function.
"""

from __future__ import annotations

from dataclasses import dataclass

from botocore import xform_name

from pinpoint_sdk._lean import HttpBinding, binding_for
from pinpoint_sdk._service_model import botocore_service_model

from .errors import CodegenError

__all__ = ["RequestBuilder", "describe_requests"]


@dataclass(frozen=True)
class RequestBuilder:
    """One generated function: ``def <function>(params) -> LeanRequest``."""

    operation: str
    function: str
    method: str
    #: The request URI template, for the docstring.
    uri: str
    #: The path: the text of an f-string (labels percent-encoded) when it has labels.
    path: str
    path_has_labels: bool
    #: ``(member, Member(...) source)`` of each query parameter, in the model's order.
    query: tuple[tuple[str, str], ...]
    #: The member that is the JSON body, if any, and the source of its conversion recipe.
    payload: str | None
    recipe: str | None


def describe_requests() -> list[RequestBuilder]:
    """One builder per operation, in the order of their names."""
    model = botocore_service_model()
    return [
        _builder(binding_for(model.operation_model(name)), model.operation_model(name).http)
        for name in sorted(model.operation_names)
    ]


def _builder(binding: HttpBinding, http: dict[str, str]) -> RequestBuilder:
    name = binding.operation
    if binding.has_body_members:
        raise CodegenError(f"{name}: body members without a payload; teach describe_requests")
    labels = {m.wire_name: member for member, m in binding.members.items() if m.location == "uri"}
    parts = list(binding.path_parts)
    for index in range(1, len(parts), 2):
        label = parts[index]
        member = labels.get(label)
        if member is None or binding.members[member].type_name != "string":
            raise CodegenError(f"{name}: path label {label!r} is not a string member")
        parts[index] = "{encode_label(params[" + repr(member) + "])}"
    query = tuple(
        (member, repr(m)) for member, m in binding.members.items() if m.location == "querystring"
    )
    recipe = None if binding.body_recipe is None else repr(binding.body_recipe)
    return RequestBuilder(
        operation=name,
        function=xform_name(name),
        method=binding.method,
        uri=http["requestUri"],
        path="".join(_escape_braces(p) if i % 2 == 0 else p for i, p in enumerate(parts))
        if len(parts) > 1
        else parts[0],
        path_has_labels=len(parts) > 1,
        query=query,
        payload=binding.payload,
        recipe=recipe,
    )


def _escape_braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
