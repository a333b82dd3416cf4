"""Python the descriptions carry: import statements, and type expressions read with ``ast``.

Type expressions come from the model as text (``dict[str, list[OpenHoursRule]]``); anything
that needs their parts parses them instead of searching the text.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Collection
from dataclasses import dataclass

__all__ = ["Argument", "Import", "names_in", "spell"]

_BUILTIN_NAMES = frozenset(dir(builtins))


@dataclass(frozen=True)
class Import:
    """``from module import names`` (``import module`` when ``names`` is empty)."""

    module: str
    names: tuple[str, ...] = ()


def names_in(type_expr: str) -> set[str]:
    """The names a type expression refers to that are not builtins (``list``, ``str``...)."""
    tree = ast.parse(type_expr, mode="eval")
    found = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    return found - _BUILTIN_NAMES


def spell(type_expr: str, shadowed: Collection[str] = ()) -> str:
    """``type_expr`` as written inside a class whose methods shadow the builtins ``shadowed``.

    In a class with a method named ``list``, an annotation ``list[str]`` of another method
    means that method to a type checker; ``builtins.list[str]`` means the type.
    """
    if not shadowed:
        return type_expr

    class Qualify(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.expr:
            if node.id in shadowed and node.id in _BUILTIN_NAMES:
                return ast.Attribute(ast.Name("builtins", ast.Load()), node.id, ast.Load())
            return node

    tree = Qualify().visit(ast.parse(type_expr, mode="eval"))
    return ast.unparse(tree)


@dataclass(frozen=True)
class Argument:
    """One argument of a generated function (or a key of a typed dict): ``name: annotation``,
    with ``= None`` (and ``| None``) when it is not required."""

    name: str
    annotation: str
    required: bool
    #: What a docstring says of it ("" when the model says nothing).
    doc: str = ""
