"""The import graph of a package, read from its source with ``ast`` (nothing is imported).

Each import is one of three kinds:

- ``"module"``: at module level (also inside ``try``, ``if`` or a class body): it runs when
  the module is imported;
- ``"function"``: inside a function or method: it runs when that is called, so a cycle
  through it still fails or half-initialises a module at run time, only later;
- ``"checking"``: under ``if TYPE_CHECKING:``: read by type checkers, never run.

Importing ``a.b.c`` runs the ``__init__`` of ``a`` and ``a.b`` first, so the importer depends
on those packages as well (except the packages it sits in itself, which are already running).
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["module", "function", "checking"]
#: The imports that run: what makes an import cycle a problem at run time.
RUNTIME: frozenset[Kind] = frozenset({"module", "function"})
EVERY_KIND: frozenset[Kind] = frozenset({"module", "function", "checking"})


@dataclass(frozen=True)
class Import:
    """One import statement's target module, of one kind, at one line."""

    target: str
    kind: Kind
    line: int


def modules(package_dir: Path) -> dict[str, Path]:
    """Every module of the package in ``package_dir``, by full dotted name."""
    top = package_dir
    while (top.parent / "__init__.py").exists():
        top = top.parent
    root = top.parent
    found: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(node: ast.AST, kind: Kind) -> Iterator[tuple[ast.AST, Kind]]:
    """Every node under ``node``, with the kind an import there would be."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for statement in child.body:
                yield statement, "checking"
                yield from _nodes(statement, "checking")
            for statement in child.orelse:
                yield statement, kind
                yield from _nodes(statement, kind)
            continue
        yield child, kind
        inside_function = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        yield from _nodes(child, "function" if inside_function and kind == "module" else kind)


def imports_of(name: str, path: Path, known: Collection[str]) -> list[Import]:
    """The imports of module ``name`` (source ``path``) that name a module in ``known``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for statement, kind in _nodes(tree, "module"):
        if isinstance(statement, ast.Import):
            targets = [alias.name for alias in statement.names]
        elif isinstance(statement, ast.ImportFrom):
            source = statement.module or ""
            if statement.level:
                base = package
                for _ in range(statement.level - 1):
                    base = base.rpartition(".")[0]
                source = f"{base}.{statement.module}" if statement.module else base
            # ``from . import apps`` imports the submodule ``apps`` when there is one.
            targets = [source, *(f"{source}.{alias.name}" for alias in statement.names)]
        else:
            continue
        for target in targets:
            if target not in known or target == name:
                continue
            found.append(Import(target, kind, statement.lineno))
            # The packages the target sits in run first (unless the importer is inside them).
            parts = target.split(".")
            for depth in range(1, len(parts)):
                parent = ".".join(parts[:depth])
                if parent in known and not (name == parent or name.startswith(f"{parent}.")):
                    found.append(Import(parent, kind, statement.lineno))
    return found


def graph(package_dir: Path, kinds: Collection[Kind] = RUNTIME) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports with an import of ``kinds``."""
    every = modules(package_dir)
    return {
        name: {i.target for i in imports_of(name, path, every) if i.kind in kinds}
        for name, path in every.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles of the graph, each as a path that ends where it starts."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(edges.get(node, ())):
            if state.get(target) == "open":
                found.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found
