"""The types a request accepts: wider than the attribute types of the models.

A model's attributes keep the types a response gives (``Schedule``, ``Frequency``, ``list``,
``dict``), so reading ``campaign.schedule.quiet_time.start`` type-checks. Where a value goes
*in* (a request model's constructor, a method's keyword argument, a key of a typed dict) the
SDK accepts what people write, and the models validate it at run time:

==================  ==================================================
attribute type      input type
==================  ==================================================
``Schedule``        ``Schedule | ScheduleParam | ScheduleWireParam``
``Frequency``       ``Frequency | FrequencyLiteral``
``list[str]``       ``SequenceNotStr[str]`` (a ``str`` is not a list of strings)
``list[X]``         ``Sequence[<input type of X>]``
``dict[str, X]``    ``Mapping[str, <input type of X>]``
scalars             unchanged
==================  ==================================================

``Sequence`` and ``Mapping`` are covariant, so a ``list[SMSMessage]`` or a dict whose values
were built differently is accepted where ``list``/``dict`` (invariant) would refuse it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from .errors import CodegenError
from .python import Import
from .service import Service, Structure

#: The packages the generated code lives in, relative to ``pinpoint_sdk``.
MODELS, PARAMS = "models", "params"
#: The module of ``params`` that holds one ``Literal`` alias per enum.
LITERALS_MODULE = "literals"
#: Where the protocol for "a sequence, but not a str" lives (``pinpoint_sdk/_types.py``).
SEQUENCE_NOT_STR = ("_types", "SequenceNotStr")

#: Attribute collection -> the read-only, covariant type an input takes instead.
_INPUT_COLLECTIONS = {"list": "Sequence", "dict": "Mapping"}
_SCALARS = frozenset({"str", "int", "float", "bool", "datetime", "bytes"})


def param_name(structure: str) -> str:
    """``SMSMessage`` -> ``SMSMessageParam``: the typed dict with snake_case keys."""
    return f"{structure}Param"


def wire_param_name(structure: str) -> str:
    """``SMSMessage`` -> ``SMSMessageWireParam``: the typed dict with botocore's member names."""
    return f"{structure}WireParam"


def literal_name(enum: str) -> str:
    """``MessageType`` -> ``MessageTypeLiteral``: the ``Literal`` of the enum's values."""
    return f"{enum}Literal"


def nested_structures(service: Service) -> list[Structure]:
    """The structures that appear inside a request: the ones that get typed dicts.

    That is every request body and every shape nested in one. The operations' input shapes
    (path and query parameters plus the body) are left out: methods take their members as
    arguments, so nobody writes them as dicts.
    """
    named = {
        dep
        for structure in service.structures.values()
        if not structure.output_only
        for dep in structure.structure_deps
    }
    return [service.structures[name] for name in sorted(named)]


@dataclass
class InputTypes:
    """Renders input types for one generated module and collects the names they use.

    ``of(type_expr)`` takes a member's attribute type (``dict[str, list[OpenHoursRule]]``)
    and returns its input type; ``imports(home)`` then gives the import lines that bring
    every name used into a module of package ``home`` (``"models"``, ``"params"``, ...).
    """

    service: Service
    #: module path (relative to ``pinpoint_sdk``) -> names imported from it.
    _names: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        self._structures = {s.name: s for s in self.service.structures.values()}
        self._enums = {e.name for e in self.service.enums.values()}

    def of(self, type_expr: str) -> str:
        """The input type of a member whose attribute type is ``type_expr``."""
        return self._render(ast.parse(type_expr, mode="eval").body)

    def _use(self, module: str, name: str) -> str:
        self._names[module].add(name)
        return name

    def _render(self, node: ast.expr) -> str:
        if isinstance(node, ast.Name):
            return self._render_name(node.id)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            collection = node.value.id
            arguments = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if collection == "list" and ast.unparse(arguments[0]) == "str":
                module, name = SEQUENCE_NOT_STR
                return f"{self._use(module, name)}[str]"
            rendered = ", ".join(self._render(argument) for argument in arguments)
            abstract = self._use("collections.abc", _INPUT_COLLECTIONS[collection])
            return f"{abstract}[{rendered}]"
        raise CodegenError(f"cannot widen the type {ast.unparse(node)!r}")

    def _render_name(self, name: str) -> str:
        if name in _SCALARS:
            if name == "datetime":
                self._use("datetime", name)
            return name
        if name in self._enums:
            enum = self._use(f"{MODELS}.enums", name)
            return f"{enum} | {self._use(f'{PARAMS}.{LITERALS_MODULE}', literal_name(name))}"
        structure = self._structures[name]
        model = self._use(f"{MODELS}.{structure.module}", name)
        params = f"{PARAMS}.{structure.module}"
        return (
            f"{model} | {self._use(params, param_name(name))}"
            f" | {self._use(params, wire_param_name(name))}"
        )

    def imports(
        self, home: str, *, skip_module: str | None = None, imported: Collection[str] = ()
    ) -> tuple[Import, ...]:
        """The imports of the names used, seen from package ``home``.

        ``skip_module`` is the module being rendered (its own names need no import);
        ``imported`` are names the module imports anyway.
        """
        found: list[Import] = []
        for module, names in sorted(self._names.items()):
            wanted = tuple(sorted(names - set(imported)))
            if module != skip_module and wanted:
                found.append(Import(relative(module, home), wanted))
        return tuple(found)


def relative(module: str, home: str) -> str:
    """How a module of package ``home`` (inside ``pinpoint_sdk``) names ``module``."""
    if module in ("collections.abc", "datetime"):
        return module
    package, _, rest = module.partition(".")
    if package == home and rest:
        return f".{rest}"
    return f"..{module}"
