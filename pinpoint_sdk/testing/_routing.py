"""Finds the operation a request is for, from the method and path templates of the model.

Each ``requestUri`` (``/v1/apps/{application-id}/campaigns/{campaign-id}``) becomes a regular
expression over the *raw* (still percent-encoded) path: botocore percent-encodes ``/`` inside
a label such as an ARN, so the path must be split on real slashes before it is decoded.
Greedy labels (``{Key+}``) may span slashes. When two templates match, the one with more
literal segments wins, as in API Gateway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from .._service_model import Operation, ServiceModel
from ._errors import ServiceError, method_not_allowed, not_found

_LABEL = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class _Route:
    operation: Operation
    pattern: re.Pattern[str]
    labels: tuple[str, ...]
    literal_segments: int


def _compile(operation: Operation) -> _Route:
    template = operation.request_uri.split("?", 1)[0]
    labels: list[str] = []
    regex = ""
    position = 0
    for match in _LABEL.finditer(template):
        regex += re.escape(template[position : match.start()])
        label = match.group(1)
        greedy = label.endswith("+")
        labels.append(label.rstrip("+"))
        regex += f"(?P<g{len(labels) - 1}>.+)" if greedy else f"(?P<g{len(labels) - 1}>[^/]+)"
        position = match.end()
    regex += re.escape(template[position:])
    literal = sum(1 for part in template.split("/") if part and not _LABEL.search(part))
    return _Route(operation, re.compile(f"^{regex}/?$"), tuple(labels), literal)


@dataclass(frozen=True)
class RouteMatch:
    """The operation a request is for, and its URL-decoded path labels."""

    operation: Operation
    path_params: dict[str, str]


class Router:
    """Matches ``(method, raw path)`` to an operation of the model."""

    def __init__(self, model: ServiceModel) -> None:
        routes = [_compile(op) for op in model.operations.values()]
        # Most specific first, so a literal segment beats a label in the same position.
        self._routes = sorted(routes, key=lambda route: -route.literal_segments)

    def match(self, method: str, raw_path: str) -> RouteMatch:
        """The matching operation; raises 404 for an unknown path, 405 for a wrong method."""
        path_matched = False
        for route in self._routes:
            found = route.pattern.match(raw_path)
            if found is None:
                continue
            path_matched = True
            if route.operation.method != method.upper():
                continue
            params = {
                label: unquote(found.group(f"g{index}")) for index, label in enumerate(route.labels)
            }
            return RouteMatch(route.operation, params)
        if path_matched:
            raise method_not_allowed(f"Method {method} is not allowed for {raw_path}")
        raise _unknown_path(method, raw_path)


def _unknown_path(method: str, raw_path: str) -> ServiceError:
    return not_found("operation", method=method, path=raw_path)
