"""The types of query parameters: one vocabulary for the generator and the run-time check.

The generator (``codegen``) gives each query parameter of the model a :class:`QueryType`:
the method's argument takes the type's ``annotation``, and ``_operations.QUERY_PARAMETERS``
records the type, which ``_resource`` checks before anything is sent (botocore's own
parameter validation is off). A type the vocabulary lacks stops the generator, so the two
sides cannot drift apart.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

__all__ = ["QUERY_RULES", "QueryRule", "QueryType", "page_size_problem"]


class QueryType(enum.Enum):
    """What a query parameter holds."""

    STR = "str"
    INT = "int"
    BOOL = "bool"
    DATETIME = "datetime"
    STR_LIST = "list[str]"
    #: ``PageSize``: a string in the model, a whole number of at least 1 in the SDK.
    PAGE_SIZE = "page size"


@dataclass(frozen=True)
class QueryRule:
    """How the SDK takes, checks and sends one type of query parameter."""

    #: The type of the method's argument, as the generator writes it.
    annotation: str
    #: What a value must be, for error messages ("a string").
    described: str
    accepts: Callable[[Any], bool]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


QUERY_RULES: Mapping[QueryType, QueryRule] = MappingProxyType(
    {
        QueryType.STR: QueryRule("str", "a string", lambda value: isinstance(value, str)),
        QueryType.INT: QueryRule("int", "an integer", _is_int),
        QueryType.BOOL: QueryRule("bool", "True or False", lambda value: isinstance(value, bool)),
        QueryType.DATETIME: QueryRule(
            "datetime", "a datetime", lambda value: isinstance(value, datetime)
        ),
        QueryType.STR_LIST: QueryRule(
            "list[str]",
            "a list of strings",
            lambda value: isinstance(value, list) and all(isinstance(v, str) for v in value),
        ),
        QueryType.PAGE_SIZE: QueryRule(
            "int", "a whole number of at least 1", lambda value: _is_int(value) and value >= 1
        ),
    }
)


def page_size_problem(value: object) -> str | None:
    """What is wrong with ``value`` as a page size, or None when it is fine (or not given)."""
    rule = QUERY_RULES[QueryType.PAGE_SIZE]
    if value is None or rule.accepts(value):
        return None
    return f"must be {rule.described}, not {value!r}"
