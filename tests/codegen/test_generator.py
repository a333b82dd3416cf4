"""The generator: templates render the intermediate description, errors are exceptions."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from codegen import tables
from codegen.__main__ import main
from codegen.describe_client import Body, HttpBinding, Method, Paging, PathMember, QueryMember
from codegen.errors import CodegenError
from codegen.python import Argument, spell
from codegen.render import render
from codegen.service import load_service
from pinpoint_sdk._query import QueryType

PING = Method(
    name="ping",
    operation="Ping",
    summary="Pings a thing.",
    positional=(
        Argument("thing_id", "str", True, "The thing."),
        Argument("request", "PingRequest", False, "The body."),
    ),
    keyword_only=(Argument("page_size", "int", False, "How many."),),
    params=(("ThingId", "thing_id"), ("PageSize", "page_size")),
    body=Body("PingRequest", "PingRequest", (Argument("loud", "bool", False),)),
    result="PingResponse",
    paging=None,
    idempotent=False,
    http=HttpBinding(
        method="POST",
        uri="/v1/things/{thing-id}/ping",
        path=(PathMember("ThingId", "thing-id"),),
        query=(QueryMember("PageSize", "page-size", QueryType.PAGE_SIZE, False),),
        headers=(),
        payload="PingRequest",
        success_status=200,
        result_payload="PingResponse",
    ),
)


class _Recorder:
    """Stands in for Resource: records what the generated method asks for."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def _body(self, operation: str, model: Any, request: Any, **fields: Any) -> Any:
        return {"model": model, "request": request, **fields}

    async def _call(self, *args: Any) -> Any:
        self.calls.append(("_call", args))
        return "result"

    def _paginate(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(("_paginate", (args, kwargs)))
        return "paginator"


def _method_class(method: Method) -> type[_Recorder]:
    source = "class Generated(_Recorder):\n" + render("method.py.jinja", method=method)
    # Generated methods read their models from the lazy ``models`` package at call time.
    models = SimpleNamespace(PingRequest="PingRequest", PingResponse="PingResponse", Thing="Thing")
    namespace: dict[str, Any] = {"_Recorder": _Recorder, "models": models}
    exec(compile(source, "<generated>", "exec"), namespace)
    generated: type[_Recorder] = namespace["Generated"]
    return generated


async def test_a_method_is_rendered_from_its_description_alone() -> None:
    resource = _method_class(PING)()

    assert await resource.ping("t1", page_size=5, loud=True) == "result"  # type: ignore[attr-defined]
    ((kind, args),) = resource.calls
    assert kind == "_call"
    assert args == (
        "Ping",
        {
            "ThingId": "t1",
            "PageSize": 5,
            "PingRequest": {"model": "PingRequest", "request": None, "loud": True},
        },
        "PingResponse",
        "PingResponse",
    )
    doc = type(resource).ping.__doc__  # type: ignore[attr-defined]
    assert "Operation: ``Ping`` (POST /v1/things/{thing-id}/ping)." in doc
    assert "Not idempotent" in doc and "thing_id: The thing." in doc


def test_a_paged_method_returns_the_paginator_without_awaiting() -> None:
    paged = Method(
        **{
            **PING.__dict__,
            "name": "list",
            "paging": Paging("Thing", "Token", ("item",)),
            "body": None,
            "positional": PING.positional[:1],
            "keyword_only": (
                Argument("page_size", "int", False),
                Argument("next_token", "str", False),
                Argument("max_items", "int", False),
            ),
            "params": PING.params[:1],
        }
    )
    resource = _method_class(paged)()

    assert resource.list("t1", max_items=3) == "paginator"  # type: ignore[attr-defined]
    ((kind, (args, kwargs)),) = resource.calls
    assert (kind, args[0], args[1]) == ("_paginate", "Ping", {"ThingId": "t1"})
    assert kwargs["items_path"] == ("item",) and kwargs["max_items"] == 3


def test_a_builtin_shadowed_by_a_method_is_spelled_through_builtins() -> None:
    assert spell("dict[str, list[Thing]]", {"list"}) == "dict[str, builtins.list[Thing]]"
    assert spell("list[str]", ()) == "list[str]"
    assert spell("ListThing", {"list"}) == "ListThing"


def test_tables_that_disagree_with_the_model_raise_a_codegen_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    methods = dict(tables.RESOURCE_METHODS)
    del methods["GetApp"]
    monkeypatch.setattr(tables, "RESOURCE_METHODS", methods)

    with pytest.raises(CodegenError, match="GetApp is missing from RESOURCE_METHODS"):
        load_service()
    assert main(["--check"]) == 1
    assert "codegen: the tables disagree with the model" in capsys.readouterr().err
