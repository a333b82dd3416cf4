"""Base classes of the generated models, and the lenient parsing of responses.

Every structure shape of the Pinpoint model is a pydantic model whose attributes are
snake_case and whose aliases are botocore's member names (the keys aiobotocore takes and
returns). Two bases split the two directions:

- ``RequestModel``: any shape that can appear in a request. Unknown fields are rejected,
  required members are required and a number is not a string, so a misspelt, missing or
  mistyped field fails before anything is sent.
- ``ResponseModel``: shapes that only ever come back from the service. Unknown fields are kept
  (``model.model_extra``), because AWS adds fields over time, and a number where the model
  says string becomes that string. ``repr()`` does not show a kept field with a secret name.

Responses are parsed by :func:`parse_response`: strict validation first (fast, in Rust); when
that fails because the service sent something the model does not know (a new enum value, a
null, a number where the model says string, a new field in a shared shape), a lenient pass
keeps every value it cannot convert as it came, instead of failing the call.
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterator
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, cast, get_args, get_origin

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from ._secrets import is_secret_name, redact

__all__ = [
    "PinpointEnum",
    "PinpointModel",
    "RequestModel",
    "ResponseModel",
    "parse_response",
    "parse_response_json",
]

ModelT = TypeVar("ModelT", bound="PinpointModel")


class PinpointEnum(str, Enum):
    """Base of the generated enums: members are strings and print as their value."""

    def __str__(self) -> str:
        return str(self.value)


class PinpointModel(BaseModel):
    """Common configuration of every generated model."""

    model_config = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
        protected_namespaces=(),
        extra="forbid",
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        """Keeps a model's schema build lazy without making wrappers of it lazy too.

        Each model is created with ``defer_build`` (importing hundreds of them costs nothing;
        a schema is built on first use). A ``TypeAdapter`` reads ``defer_build`` from the model
        it wraps, so it would defer as well: FastAPI builds one per body and response model
        inside a warnings filter for pydantic's false alarm about its own ``alias``, and a
        deferred build escapes that filter and warns later (``app.openapi()``, the first
        request). Once the class exists, its config stops asking for deferral, so such an
        adapter builds where it is made; the class itself stays unbuilt until first used.
        """
        super().__pydantic_init_subclass__(**kwargs)
        if cls.__module__ != __name__:  # the bases below stay deferred for their subclasses
            config = cls.model_config.copy()
            config["defer_build"] = False
            cls.model_config = config

    def to_params(self) -> dict[str, Any]:
        """The botocore parameters for this model: wire names, and only what was set.

        Same as ``model_dump(by_alias=True, exclude_unset=True, exclude_none=True)``: fields the
        caller never set are left out, so an update never sends nulls that erase server state.
        Timestamps stay ``datetime`` and blobs stay ``bytes``, as botocore expects.
        """
        return self.model_dump(by_alias=True, exclude_unset=True, exclude_none=True)


class RequestModel(PinpointModel):
    """A shape that can be sent: unknown fields are an error, and so is a bad assignment.

    Assignments are validated too (``request.name = 5`` raises), so a model changed after it
    was built is still valid when it is sent.
    """

    model_config = ConfigDict(validate_assignment=True)


class ResponseModel(PinpointModel):
    """A shape that only comes back from the service: unknown fields are kept.

    A number where the model says string is kept as that string (the service's JSON is not
    ours to fix). An unknown field whose name is a secret's (an ``ApiKey`` the model does not
    know yet) is left out of ``repr()``, and secrets inside other unknown fields are masked.
    """

    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        extra = self.__pydantic_extra__ or {}
        for name, value in super().__repr_args__():
            if name is not None and name in extra:
                if is_secret_name(name):
                    continue
                value = redact(value)
            yield name, value


def parse_response(model: type[ModelT], data: Any) -> ModelT:
    """Parses a response payload, never failing on values the model does not expect."""
    try:
        return model.model_validate(data)
    except ValidationError:
        if not isinstance(data, dict):
            raise
        return _construct_leniently(model, data)


def parse_response_json(model: type[ModelT], body: bytes) -> ModelT:
    """Parses a JSON response body straight into ``model`` (fast path in pydantic-core).

    botocore's own parser drops fields it does not know; parsing the body ourselves keeps
    them. A body that is not JSON raises ``ValueError``.
    """
    try:
        return model.model_validate_json(body)
    except ValidationError as error:
        invalid = [e["msg"] for e in error.errors() if e["type"] == "json_invalid"]
        if invalid:
            # The start of the body says what came instead (an HTML page, a cut stream), but
            # it may hold a secret (a channel's Credential): those are masked.
            start = redact(body[:80].decode("utf-8", "replace"))
            # pydantic-core reads JSON up to a fixed depth (about 200 levels), no deeper.
            what = "nested too deeply to read" if "recursion" in invalid[0] else "not valid JSON"
            raise ValueError(f"the response body is {what}: {start!r}") from error
        return parse_response(model, json.loads(body))


def _construct_leniently(model: type[ModelT], data: dict[str, Any]) -> ModelT:
    values: dict[str, Any] = {}
    fields_set: set[str] = set()
    known: set[str] = set()
    for name, info in model.model_fields.items():
        wire = info.validation_alias if isinstance(info.validation_alias, str) else name
        known.update((wire, name))
        if wire in data:
            raw = data[wire]
        elif name in data:
            raw = data[name]
        else:
            values[name] = (
                None if info.is_required() else info.get_default(call_default_factory=True)
            )
            continue
        values[name] = _lenient_value(info.annotation, raw)
        fields_set.add(name)
    instance = cast(ModelT, model.model_construct(_fields_set=fields_set, **values))
    if model.model_config.get("extra") == "allow":
        extra = {key: value for key, value in data.items() if key not in known}
        object.__setattr__(instance, "__pydantic_extra__", extra)
    return instance


def _lenient_value(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _lenient_value(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = get_args(annotation)
        return [_lenient_value(item, v) for v in value] if isinstance(value, list) else value
    if origin is dict:
        _, item = get_args(annotation)
        if isinstance(value, dict):
            return {k: _lenient_value(item, v) for k, v in value.items()}
        return value
    if isinstance(annotation, type) and issubclass(annotation, PinpointModel):
        return parse_response(annotation, value) if isinstance(value, dict) else value
    try:
        return _adapter(annotation).validate_python(value)
    except ValidationError:
        return value


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation, config=ConfigDict(coerce_numbers_to_str=True))
