"""Errors in one place: every error the SDK raises is importable from ``pinpoint_sdk`` and
drawn in one tree, the same in ``_exceptions``'s docstring and in the errors guide."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

import pinpoint_sdk
from pinpoint_sdk import PinpointError, _exceptions

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "concepts" / "errors.md"
#: Where error classes are defined: the hand-written tree, the generated service errors, and
#: the builders for the two whose fields are the builders' own types.
HOMES = {
    "pinpoint_sdk._exceptions",
    "pinpoint_sdk._service_errors",
    "pinpoint_sdk.builders._problems",
    "pinpoint_sdk.builders.lifecycle",
}
#: Exceptions of the package that are not SDK errors, and why.
OTHERS = {
    "pinpoint_sdk.cli.CommandError": "the console script's own, turned into its exit message",
    "pinpoint_sdk.testing._errors.ServiceError": "the fake's answer, part of pinpoint_sdk.testing",
    "pinpoint_sdk.testing._encode.FakeBugError": "a bug of the fake, answered as a 500",
}
_LINE = re.compile(r"^(?P<indent>(?:│   |    )*)(?:├── |└── )(?P<name>\w+)")


def _tree(text: str) -> list[tuple[str, str]]:
    """(error, its parent) for every line of the tree drawn in ``text``, in order."""
    lines = text[text.index("PinpointError\n") :].splitlines()[1:]
    parents = ["PinpointError"]
    found: list[tuple[str, str]] = []
    for line in lines:
        match = _LINE.match(line)
        if match is None:
            break
        depth = len(match["indent"]) // 4
        del parents[depth + 1 :]
        found.append((match["name"], parents[depth]))
        parents.append(match["name"])
    return found


def _exported_errors() -> dict[str, type[PinpointError]]:
    return {
        name: value
        for name in pinpoint_sdk.__all__
        if inspect.isclass(value := getattr(pinpoint_sdk, name))
        and issubclass(value, PinpointError)
    }


def _hierarchy() -> set[tuple[str, str]]:
    """(error, its nearest exported base) for every exported error but the root."""
    exported = _exported_errors()
    classes = set(exported.values())
    return {
        (name, next(base for base in cls.__mro__[1:] if base in classes).__name__)
        for name, cls in exported.items()
        if cls is not PinpointError
    }


def _docstring_tree() -> str:
    doc = _exceptions.__doc__
    assert doc is not None
    # The docstring's tree is indented by four spaces; the guide's is not.
    return "\n".join(line.removeprefix("    ") for line in doc.splitlines())


@pytest.mark.parametrize("where", ["docstring", "guide"])
def test_the_tree_shows_every_error_under_its_base(where: str) -> None:
    text = _docstring_tree() if where == "docstring" else GUIDE.read_text()
    drawn = _tree(text)

    assert len(drawn) == len(set(drawn)), "an error is drawn twice"
    assert set(drawn) == _hierarchy()


def test_the_docstring_and_the_guide_draw_the_same_tree_in_the_same_order() -> None:
    assert _tree(_docstring_tree()) == _tree(GUIDE.read_text())


def test_every_error_class_of_the_package_is_one_of_the_tree_or_said_why_not() -> None:
    skipped = ("pinpoint_sdk.models", "pinpoint_sdk.params", "pinpoint_sdk.resources")
    found: dict[str, type[BaseException]] = {}
    for path in sorted((ROOT / "pinpoint_sdk").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name.startswith(skipped) or name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
                and not attribute.startswith("_")
            ):
                found[f"{name}.{attribute}"] = value
    errors = {where: cls for where, cls in found.items() if issubclass(cls, PinpointError)}
    exported = _exported_errors()

    assert {where.rpartition(".")[0] for where in errors} <= HOMES
    assert {cls.__name__ for cls in errors.values()} == set(exported)
    assert set(found) - set(errors) == set(OTHERS)


@pytest.mark.parametrize(
    ("old_home", "name"),
    [
        ("pinpoint_sdk.waiters", "WaiterError"),
        ("pinpoint_sdk.waiters", "WaiterTimeoutError"),
        ("pinpoint_sdk.waiters", "UnexpectedStateError"),
        ("pinpoint_sdk.waiters", "JobFailedError"),
        ("pinpoint_sdk.progress", "MissingDependencyError"),
        ("pinpoint_sdk.builders", "BuildError"),
        ("pinpoint_sdk.builders", "StateTransitionError"),
        ("pinpoint_sdk.builders._problems", "BuildError"),
        ("pinpoint_sdk.builders.lifecycle", "StateTransitionError"),
    ],
)
def test_errors_stay_importable_from_where_they_were(old_home: str, name: str) -> None:
    assert getattr(importlib.import_module(old_home), name) is getattr(pinpoint_sdk, name)


def test_each_service_error_says_when_it_is_raised_and_its_status() -> None:
    statuses = {
        cls.__doc__: cls.status
        for cls in _exported_errors().values()
        if issubclass(cls, pinpoint_sdk.APIStatusError) and cls.status is not None
    }
    assert len(statuses) == 8, "the eight service errors share a docstring"
    for doc, status in statuses.items():
        assert doc is not None and f"(HTTP {status})" in doc.splitlines()[0]
