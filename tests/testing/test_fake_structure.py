"""The fake's structure: no import cycle inside ``pinpoint_sdk.testing``, one handler table."""

from __future__ import annotations

import ast
from pathlib import Path

import botocore.session

from pinpoint_sdk.testing._handlers import HANDLERS

PACKAGE = Path(__file__).resolve().parents[2] / "pinpoint_sdk" / "testing"
ROOT_NAME = "pinpoint_sdk.testing"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([ROOT_NAME, *parts])


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module of the package that ``name`` imports anywhere (also under TYPE_CHECKING
    and inside functions: a cycle there is still a tangle for the reader)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = node.module or ""
            if node.level:
                base = package
                for _ in range(node.level - 1):
                    base = base.rsplit(".", 1)[0]
                source = f"{base}.{node.module}" if node.module else base
            # ``from . import apps`` imports the submodule ``apps`` when there is one.
            targets = [source, *(f"{source}.{alias.name}" for alias in node.names)]
        else:
            continue
        found |= {target for target in targets if target in known}
    found.discard(name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return cycles


def test_no_import_cycle_inside_the_testing_package() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    assert _cycles(graph) == []
    # The two the review named, checked by name as well.
    assert f"{ROOT_NAME}._server" not in graph[f"{ROOT_NAME}._fake"]
    assert f"{ROOT_NAME}._fake" not in graph[f"{ROOT_NAME}._inprocess"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_handlers_register_only_through_the_table() -> None:
    handler_modules = [
        path for path in (PACKAGE / "_handlers").glob("*.py") if path.name != "__init__.py"
    ]
    for path in handler_modules:
        source = path.read_text(encoding="utf-8")
        assert "HANDLERS" not in source, f"{path.name} touches the registry"
    operations = set(botocore.session.get_session().get_service_model("pinpoint").operation_names)
    assert set(HANDLERS) == operations
