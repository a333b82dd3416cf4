"""The client as plain data: one :class:`Method` per operation, grouped into resource classes.

The method convention, the same for all 122 operations (the templates in
``codegen/templates`` write it out; nothing here writes code):

- path parameters are positional (or keyword) arguments, in URI order;
- query parameters are keyword-only, typed by the vocabulary of ``pinpoint_sdk._query``
  (``page_size`` is an ``int``, sent as the string the model declares);
- a request body is given either as its model (``request=WriteCampaignRequest(...)``, what
  the builders produce) or a dict of it, or as the model's fields as keyword arguments
  (``name="spring"``), never both; either way it is validated before anything is sent;
- body arguments take the input types of ``input_types`` (model or typed dict, enum or its
  string, ``Sequence``/``Mapping``); those names are imported for checkers only;
- the return value is the payload model (``CampaignResponse``, not the wrapper shape);
- token-paged operations return an ``AsyncPaginator`` and take ``next_token``/``max_items``.

Each method also carries its operation's HTTP binding (method, URI, path, query and header
members, payload, success status), so that code building requests can be one more template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from botocore import xform_name

from pinpoint_sdk._query import QUERY_RULES, QueryType

from . import tables
from .docs import doc_text, first_sentence
from .errors import CodegenError
from .input_types import InputTypes
from .python import Argument, Import, names_in, spell
from .service import Member, Operation, Service, Structure

__all__ = [
    "Body",
    "HttpBinding",
    "Method",
    "OperationEntry",
    "Paging",
    "ResourceClass",
    "ResourceModule",
    "ServiceError",
    "describe_errors",
    "describe_operations",
    "describe_resource_module",
    "query_type",
    "resource_class_name",
]


@dataclass(frozen=True)
class PathMember:
    """A member that fills a label of the URI (``{application-id}``)."""

    member: str
    label: str


@dataclass(frozen=True)
class QueryMember:
    """A member sent in the query string under ``key``."""

    member: str
    key: str
    type: QueryType
    required: bool


@dataclass(frozen=True)
class HeaderMember:
    """A member sent as the HTTP header ``header``."""

    member: str
    header: str


@dataclass(frozen=True)
class HttpBinding:
    """How an operation travels: what the model's ``http`` and member locations say."""

    method: str
    uri: str
    #: In URI order.
    path: tuple[PathMember, ...]
    query: tuple[QueryMember, ...]
    headers: tuple[HeaderMember, ...]
    #: The input member that is the whole JSON body, if any.
    payload: str | None
    #: The status of a successful answer.
    success_status: int
    #: The output member the JSON answer is, if any.
    result_payload: str | None


@dataclass(frozen=True)
class Body:
    """A request body: its member, its model, and the model's fields as keyword arguments."""

    member: str
    model: str
    fields: tuple[Argument, ...]


@dataclass(frozen=True)
class Paging:
    """How a token-paged method pages."""

    item_type: str
    token_member: str
    items_path: tuple[str, ...]


@dataclass(frozen=True)
class Method:
    """One operation as a method of a resource class."""

    name: str
    operation: str
    #: The docstring's first paragraphs, from the model's documentation.
    summary: str
    #: Positional (path) arguments, then ``request`` when there is a body.
    positional: tuple[Argument, ...]
    #: Keyword-only arguments before the body's fields: query and paging arguments.
    keyword_only: tuple[Argument, ...]
    #: botocore member -> the Python expression that fills it (the body comes last).
    params: tuple[tuple[str, str], ...]
    body: Body | None
    #: The result's payload model, None when the operation returns nothing.
    result: str | None
    paging: Paging | None
    idempotent: bool
    http: HttpBinding

    @property
    def returns(self) -> str:
        if self.paging is not None:
            return f"AsyncPaginator[{self.paging.item_type}, {self.result}]"
        return self.result or "None"

    @property
    def documented(self) -> tuple[Argument, ...]:
        """The arguments the docstring lists (the body's fields are summed up in one line)."""
        return self.positional + self.keyword_only


@dataclass(frozen=True)
class ChildResource:
    """A nested resource, reached as an attribute (``client.templates.email``)."""

    attribute: str
    class_name: str
    doc: str


@dataclass(frozen=True)
class ResourceClass:
    name: str
    doc: str
    children: tuple[ChildResource, ...]
    methods: tuple[Method, ...]


@dataclass(frozen=True)
class ResourceModule:
    """``pinpoint_sdk/resources/<top>.py``: its classes, children first, and its imports."""

    top: str
    classes: tuple[ResourceClass, ...]
    imports: tuple[Import, ...]
    #: Imports for type checkers only (the input types of body arguments).
    checking_imports: tuple[Import, ...]


@dataclass(frozen=True)
class OperationEntry:
    """One row of the operation tables of ``pinpoint_sdk/_operations.py``."""

    name: str
    sdk_path: str
    client_method: str
    query: tuple[QueryMember, ...]
    #: Path members, in the model's order.
    path_members: tuple[str, ...]
    idempotent: bool


@dataclass(frozen=True)
class ServiceError:
    """One error shape of the model: one exception class."""

    name: str
    status: int
    doc: str


def resource_class_name(path: tuple[str, ...]) -> str:
    """``("templates", "email")`` -> ``EmailTemplates``; ``("campaigns",)`` -> ``Campaigns``."""
    return "".join(part.title().replace("_", "") for part in reversed(path))


def query_type(op: Operation, member: Member) -> QueryType:
    """The type of a query parameter, in the vocabulary the run-time check shares."""
    if member.wire_name == "PageSize":
        return QueryType.PAGE_SIZE
    try:
        return QueryType(member.type_expr)
    except ValueError:
        raise CodegenError(
            f"{op.name}.{member.wire_name} is a query parameter of type {member.type_expr}; "
            "teach pinpoint_sdk/_query.py:QUERY_RULES to check it"
        ) from None


def http_binding(op: Operation) -> HttpBinding:
    by_label = {m.location_name: m for m in op.parameters if m.location == "uri"}
    labels = re.findall(r"{([^}+]+)\+?}", op.request_uri)
    return HttpBinding(
        method=op.http_method,
        uri=op.request_uri,
        path=tuple(PathMember(by_label[label].wire_name, label) for label in labels),
        query=tuple(
            QueryMember(m.wire_name, m.location_name or m.wire_name, query_type(op, m), m.required)
            for m in op.parameters
            if m.location == "querystring"
        ),
        headers=tuple(
            HeaderMember(m.wire_name, m.location_name or m.wire_name)
            for m in op.parameters
            if m.location == "header"
        ),
        payload=op.body.wire_name if op.body is not None else None,
        success_status=op.success_status,
        result_payload=op.output_payload.wire_name if op.output_payload else None,
    )


class _MethodBuilder:
    """Describes the methods of one resource module; collects the names they import."""

    def __init__(self, service: Service, inputs: InputTypes) -> None:
        self.service = service
        self.inputs = inputs
        #: Model names the module uses at run time (body models, results, items).
        self.models: set[str] = set()
        self.uses_datetime = False

    def annotation(self, type_expr: str, shadowed: frozenset[str]) -> str:
        self.models |= names_in(type_expr) - {"datetime"}
        self.uses_datetime = self.uses_datetime or "datetime" in names_in(type_expr)
        return spell(type_expr, shadowed)

    def method(self, op: Operation, shadowed: frozenset[str]) -> Method:
        http = http_binding(op)
        members = {m.wire_name: m for m in op.parameters}
        positional: list[Argument] = []
        params: list[tuple[str, str]] = []
        for path in http.path:
            member = members[path.member]
            annotation = self.annotation(member.type_expr, shadowed)
            doc = first_sentence(member.documentation)
            positional.append(Argument(member.attribute, annotation, True, doc))
            params.append((path.member, member.attribute))
        model = self.service.structures[op.body.shape] if op.body is not None else None
        if model is not None:
            self.models.add(model.name)
            positional.append(
                Argument(
                    "request",
                    self.inputs.of(model.name),
                    False,
                    _REQUEST_DOC.format(model=model.name),
                )
            )
        keyword_only: list[Argument] = []
        for query in http.query:
            if op.pagination and query.member == op.pagination.token_member:
                continue  # the paginator sends the token
            argument = self.query_argument(op, query, members[query.member], shadowed)
            keyword_only.append(argument)
            if not (op.pagination and query.type is QueryType.PAGE_SIZE):
                params.append((query.member, argument.name))  # else the paginator sends it
        paging = None
        if op.pagination is not None:
            item_type = self.annotation(op.pagination.item_type, shadowed)
            paging = Paging(item_type, op.pagination.token_member, op.pagination.items_path)
            keyword_only += _PAGING_ARGUMENTS
        body = None
        if op.body is not None and model is not None:
            taken = {argument.name for argument in positional + keyword_only}
            body = Body(op.body.wire_name, model.name, self.body_fields(op, model, taken))
        payload = op.output_payload
        return Method(
            name=op.method_name,
            operation=op.name,
            summary=doc_text(op.documentation, indent=8, fallback=op.name),
            positional=tuple(positional),
            keyword_only=tuple(keyword_only),
            params=tuple(params),
            body=body,
            result=self.annotation(payload.type_expr, shadowed) if payload else None,
            paging=paging,
            idempotent=op.idempotent,
            http=http,
        )

    def query_argument(
        self, op: Operation, query: QueryMember, member: Member, shadowed: frozenset[str]
    ) -> Argument:
        annotation = self.annotation(QUERY_RULES[query.type].annotation, shadowed)
        if query.type is QueryType.PAGE_SIZE:
            return Argument("page_size", annotation, False, "How many items each page holds.")
        if op.takes_token and not op.pagination and query.member == "NextToken":
            return Argument("next_token", annotation, False, "The token of the page to read.")
        doc = first_sentence(member.documentation)
        return Argument(member.attribute, annotation, query.required, doc)

    def body_fields(self, op: Operation, model: Structure, taken: set[str]) -> tuple[Argument, ...]:
        """The body model's fields as keyword arguments (they must not clash with the rest)."""
        fields: list[Argument] = []
        for member in model.members:
            if member.attribute in taken:
                raise CodegenError(
                    f"{op.name}: body field {member.attribute} collides with a parameter"
                )
            fields.append(Argument(member.attribute, self.inputs.of(member.type_expr), False))
        return tuple(fields)


_REQUEST_DOC = "The body as a ``{model}`` or a dict of it; or pass its fields as keyword arguments."
_PAGING_ARGUMENTS = [
    Argument(
        "next_token",
        "str",
        False,
        "Start from this page token (a ``Page.next_token`` saved earlier).",
    ),
    Argument("max_items", "int", False, "Stop after this many items."),
]


def describe_resource_module(service: Service, top: str) -> ResourceModule:
    """The module ``resources/<top>.py``: the class of ``top`` and of its nested resources."""
    paths = [p for p in service.resources if p[0] == top]
    operations: dict[tuple[str, ...], list[Operation]] = {}
    for op in service.operations.values():
        operations.setdefault(op.resource_path, []).append(op)
    inputs = InputTypes(service)
    builder = _MethodBuilder(service, inputs)
    classes: list[ResourceClass] = []
    shadowing = False
    # Children first, so that a parent's annotations name classes already defined.
    for path in sorted(paths, key=lambda p: (-len(p), p)):
        ops = sorted(operations.get(path, []), key=lambda o: o.method_name)
        # A method named like a builtin (``list``) shadows it inside the class body.
        shadowed = frozenset(op.method_name for op in ops) & {"list"}
        shadowing = shadowing or bool(shadowed)
        children = tuple(
            ChildResource(
                child[-1],
                resource_class_name(child),
                tables.RESOURCE_DOCS.get(".".join(child), resource_class_name(child)),
            )
            for child in paths
            if len(child) == len(path) + 1 and child[: len(path)] == path
        )
        classes.append(
            ResourceClass(
                resource_class_name(path),
                tables.RESOURCE_DOCS.get(".".join(path), f"The ``{'.'.join(path)}`` resource."),
                children,
                tuple(builder.method(op, shadowed) for op in ops),
            )
        )
    imports = [Import("__future__", ("annotations",))]
    if shadowing:
        imports.append(Import("builtins"))
    if builder.uses_datetime:
        imports.append(Import("datetime", ("datetime",)))
    if any(cls.children for cls in classes):
        imports.append(Import("functools", ("cached_property",)))
    checking = inputs.imports(
        "resources", imported=builder.models | ({"datetime"} if builder.uses_datetime else set())
    )
    if builder.models:
        # At run time a method reads its models from the lazy package (``models.X``): touching
        # a resource imports no model, a call imports the few it sends and reads.
        checking = (Import("..models", tuple(sorted(builder.models))), *checking)
    if checking:
        imports.append(Import("typing", ("TYPE_CHECKING",)))
    if builder.models:
        imports.append(Import("..", ("models",)))
    imports.append(Import(".._resource", ("Resource",)))
    if any(method.paging for cls in classes for method in cls.methods):
        imports.append(Import("..pagination", ("AsyncPaginator",)))
    return ResourceModule(top, tuple(classes), tuple(imports), checking)


def describe_operations(service: Service) -> tuple[OperationEntry, ...]:
    """A row per operation, in the model's order."""
    return tuple(
        OperationEntry(
            name=op.name,
            sdk_path=op.sdk_path,
            client_method=xform_name(op.name),
            query=http_binding(op).query,
            path_members=tuple(m.wire_name for m in op.parameters if m.location == "uri"),
            idempotent=op.idempotent,
        )
        for op in service.operations.values()
    )


def describe_errors(service: Service) -> tuple[ServiceError, ...]:
    """The error shapes of the model, one exception class each, documented from
    ``tables.SERVICE_ERRORS``."""
    errors: list[ServiceError] = []
    for structure in service.structures.values():
        if structure.error_status is not None:
            summary, details = tables.SERVICE_ERRORS[structure.name]
            doc = doc_text(f"<p>{summary}</p><p>{details}</p>", indent=4)
            errors.append(ServiceError(structure.name, structure.error_status, doc))
    return tuple(errors)


@dataclass(frozen=True)
class ResourcesIndex:
    """``resources/__init__.py``: one attribute per top-level resource."""

    resources: tuple[ChildResource, ...]


def describe_resources_index(service: Service) -> ResourcesIndex:
    tops = sorted({p[0] for p in service.resources})
    return ResourcesIndex(
        tuple(
            ChildResource(top, resource_class_name((top,)), tables.RESOURCE_DOCS.get(top, top))
            for top in tops
        )
    )
