"""What the bulk helpers take where a model goes: the model, or a dict of it (either spelling).

A dict is validated into the model as it is read, so the helpers work on models only, and
outcomes hand back models (``failure.item.id``) whichever way the items came in.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable, Mapping
from typing import Any, TypeVar

from pydantic import ValidationError

from .._exceptions import PinpointValidationError
from .._models import RequestModel
from ._chunks import Items

__all__ = ["as_model", "mapped"]

ModelT = TypeVar("ModelT", bound=RequestModel)
InT = TypeVar("InT")
OutT = TypeVar("OutT")


def as_model(model: type[ModelT], value: ModelT | Mapping[str, Any], where: str) -> ModelT:
    """``value`` as a ``model``: a model as it is, a mapping validated (snake_case keys or
    botocore's member names). Raises ``PinpointValidationError`` naming ``where`` and the field.
    """
    if isinstance(value, model):
        return value
    try:
        return model.model_validate(value)
    except ValidationError as error:
        raise PinpointValidationError(f"{where}: invalid {model.__name__}: {error}") from error


def mapped(items: Items[InT], convert: Callable[[InT], OutT]) -> Items[OutT]:
    """``items`` with ``convert`` applied to each as it is read: sync or async as they came."""
    if isinstance(items, AsyncIterable):
        return (convert(item) async for item in items)
    return (convert(item) for item in items)
