"""Every error of the SDK pickles and copies with its fields, so it can cross processes.

Celery results, ``multiprocessing`` pools and pytest-xdist pickle exceptions; ``copy`` is how
frameworks keep one. The classes are found by walking the whole package, so an error class
added later is tested too, and each is built from its own constructor's signature with a
sample for every parameter: a keyword field added later is covered without a change here.
"""

from __future__ import annotations

import copy
import dataclasses
import enum
import importlib
import inspect
import pickle
import pkgutil
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest
from reliability_support import APP_ID, SEED, http_client

import pinpoint_sdk
from pinpoint_sdk import NotFoundException, PinpointError
from pinpoint_sdk.builders.rules import RULES
from pinpoint_sdk.testing import FakePinpoint

#: Exceptions that never leave the package: the fake's internal signals, control flow.
INTERNAL = {
    "pinpoint_sdk._secrets._TooDeep",  # unwinds a walk that is too deep; caught at once
    "pinpoint_sdk.testing._errors.ServiceError",  # the fake turns it into an HTTP answer
    "pinpoint_sdk.testing._encode.FakeBugError",  # a bug in the fake itself
    "pinpoint_sdk.testing._control._BadRequest",  # a bad control request, answered with 400
    "pinpoint_sdk.cli.CommandError",  # the console script's one-line error and exit status
}


def _error_classes() -> list[type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for module_info in pkgutil.walk_packages(pinpoint_sdk.__path__, "pinpoint_sdk."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__.startswith("pinpoint_sdk"):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [cls for name, cls in sorted(found.items()) if name not in INTERNAL]


ERROR_CLASSES = _error_classes()


def _sample(annotation: Any, name: str) -> Any:
    """A value of ``annotation`` for the parameter ``name``, distinct per parameter."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _sample(options[0], name)
    if origin is typing.Literal:
        return typing.get_args(annotation)[-1]
    if annotation is str:
        # A builder problem names a rule, and only registered rule ids can be named.
        return next(iter(RULES)) if name == "rule" else f"{name}-value"
    if annotation is bool:
        return True
    if annotation is int:
        return 7
    if annotation is float:
        return 2.5
    if annotation is object:
        return {"Id": f"{name}-object"}
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return next(iter(annotation))
    if dataclasses.is_dataclass(annotation):
        hints = typing.get_type_hints(annotation)
        return annotation(
            **{f.name: _sample(hints[f.name], f.name) for f in dataclasses.fields(annotation)}
        )
    if origin in (list, Sequence, tuple):
        return [_sample(typing.get_args(annotation)[0], name)]
    if origin in (dict, Mapping):
        return {f"{name}-key": _sample(typing.get_args(annotation)[1], name)}
    raise AssertionError(f"add a sample for {annotation!r} (parameter {name}) to this test")


def _build(cls: type[BaseException]) -> BaseException:
    """An instance made through ``cls``'s own constructor, every parameter given a sample."""
    if cls.__init__ is BaseException.__init__ or "__init__" not in _own_or_inherited(cls):
        return cls(f"{cls.__name__} message")
    hints = typing.get_type_hints(cls.__init__)
    arguments: dict[str, Any] = {}
    positional: list[Any] = []
    for parameter in list(inspect.signature(cls.__init__).parameters.values())[1:]:
        value = _sample(hints[parameter.name], parameter.name)
        if parameter.kind is parameter.KEYWORD_ONLY:
            arguments[parameter.name] = value
        else:
            positional.append(value)
    return cls(*positional, **arguments)


def _own_or_inherited(cls: type) -> set[str]:
    """Names defined by ``cls`` or its bases up to (not including) the built-in exceptions."""
    return {name for base in cls.__mro__ if base.__module__ != "builtins" for name in vars(base)}


ROUND_TRIPS: dict[str, Callable[[Any], Any]] = {
    **{
        f"pickle-{protocol}": (
            lambda error, protocol=protocol: pickle.loads(pickle.dumps(error, protocol))
        )
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1)
    },
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def _same(before: BaseException, after: BaseException) -> None:
    assert type(after) is type(before)
    assert after.args == before.args
    assert str(after) == str(before) and repr(after) == repr(before)
    assert vars(after) == vars(before)


def test_every_error_class_of_the_package_is_found() -> None:
    names = {cls.__name__ for cls in ERROR_CLASSES}
    assert {"APIStatusError", "NotFoundException", "BuildError", "StateTransitionError"} <= names
    assert {"WaiterTimeoutError", "JobFailedError", "MissingDependencyError"} <= names
    assert all(issubclass(cls, PinpointError) for cls in ERROR_CLASSES), (
        "an error the SDK raises is a PinpointError"
    )


@pytest.mark.parametrize("how", list(ROUND_TRIPS))
@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_error_round_trips_with_its_fields(cls: type[BaseException], how: str) -> None:
    error = _build(cls)
    error.attempts = 3  # type: ignore[attr-defined]  # as a call sets it
    if hasattr(error, "add_note"):  # Python 3.11+
        error.add_note("a note added by a framework")
    fields = set(vars(error))
    # Every keyword the constructor takes is kept as a field of the same name.
    keywords = [
        p.name
        for p in inspect.signature(cls.__init__).parameters.values()
        if p.kind is p.KEYWORD_ONLY
    ]
    assert set(keywords) <= fields
    _same(error, ROUND_TRIPS[how](error))


async def test_an_error_raised_by_a_call_round_trips_with_its_fields() -> None:
    fake = FakePinpoint(SEED)
    async with http_client(fake) as client:
        with pytest.raises(NotFoundException) as raised:
            await client.campaigns.get(APP_ID, "0" * 32)
    error = raised.value
    assert error.request_id and error.headers and error.attempts == 1
    assert error.__cause__ is not None  # botocore's error: not pickled, as for any exception
    for round_trip in ROUND_TRIPS.values():
        copied = round_trip(error)
        _same(error, copied)
        assert copied.status_code == 404 and copied.request_id == error.request_id
        assert copied.operation == "GetCampaign" and copied.attempts == 1
