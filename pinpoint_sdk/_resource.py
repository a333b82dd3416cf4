"""The base of every generated resource: turns method arguments into one validated call."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from pydantic import ValidationError

from ._exceptions import APIResponseValidationError, PinpointValidationError
from ._invoke import CallResult
from ._models import PinpointModel, RequestModel, parse_response, parse_response_json
from ._operations import PATH_PARAMETERS, QUERY_PARAMETERS
from ._params import UNENCODABLE, encodable, path_segment_problem, python_name
from ._query import QUERY_RULES, QueryType
from ._response import attach_metadata
from .pagination import AsyncPaginator, Page

__all__ = ["Invoker", "Resource"]

ResultT = TypeVar("ResultT", bound=PinpointModel)
BodyT = TypeVar("BodyT", bound=RequestModel)
ItemT = TypeVar("ItemT")
ParsedT = TypeVar("ParsedT")


class Invoker(Protocol):
    """What a resource needs of its client: a way to call an operation (``PinpointClient``)."""

    async def _invoke(
        self, operation: str, params: dict[str, Any], parse: Callable[[CallResult], ParsedT]
    ) -> ParsedT:
        """Calls ``operation``; ``parse`` turns the response into the result, within the call."""
        ...


class Resource:
    """A group of operations on one kind of Pinpoint resource."""

    def __init__(self, client: Invoker) -> None:
        #: The ``PinpointClient`` (or a copy of it) whose calls this resource makes.
        self._client = client

    @staticmethod
    def _body(
        operation: str, model: type[BodyT], body: BodyT | Mapping[str, Any] | None, /, **fields: Any
    ) -> dict[str, Any]:
        """The body's botocore params, from the model or from keyword fields; validated here."""
        given = {name: value for name, value in fields.items() if value is not None}
        if body is not None and given:
            raise PinpointValidationError(
                f"{operation}: pass the body either as request={model.__name__}(...) or as keyword "
                f"arguments, not both (keyword arguments given: {', '.join(sorted(given))})"
            )
        try:
            if body is None:
                return model.model_validate(given).to_params()
            if isinstance(body, model):
                return body.to_params()
            if isinstance(body, Mapping):
                return model.model_validate(body).to_params()
        except ValidationError as error:
            raise PinpointValidationError(
                f"{operation}: invalid {model.__name__}: {error}"
            ) from error
        raise PinpointValidationError(
            f"{operation}: body must be a {model.__name__}, not {type(body).__name__}"
        )

    async def _call(
        self, operation: str, params: dict[str, Any], result: type[ResultT], payload: str
    ) -> ResultT:
        def parse(call: CallResult) -> ResultT:
            return _parse(operation, call, result, payload)

        return await self._client._invoke(operation, _checked(operation, params), parse)

    async def _call_without_result(self, operation: str, params: dict[str, Any]) -> None:
        await self._client._invoke(operation, _checked(operation, params), _ignore)

    def _paginate(
        self,
        operation: str,
        params: dict[str, Any],
        result: type[ResultT],
        payload_member: str,
        *,
        item_type: type[ItemT],
        token_member: str,
        items_path: tuple[str, ...],
        next_token: str | None,
        page_size: int | None,
        max_items: int | None,
    ) -> AsyncPaginator[ItemT, ResultT]:
        async def fetch(token: str | None, size: int | None) -> Page[ItemT, ResultT]:
            page_params = {**params, token_member: token, "PageSize": size}

            def parse(call: CallResult) -> Page[ItemT, ResultT]:
                payload = _parse(operation, call, result, payload_member)
                return Page.of(payload, items_path, operation=operation)

            return await self._client._invoke(operation, _checked(operation, page_params), parse)

        return AsyncPaginator(
            fetch,
            operation=operation,
            next_token=next_token,
            page_size=page_size,
            max_items=max_items,
        )


def _parse(operation: str, call: CallResult, result: type[ResultT], payload: str) -> ResultT:
    """The result model of a successful call; APIResponseValidationError if there is none."""
    if call.raw_body is not None and not call.raw_body.strip():
        # Every Pinpoint operation with a result answers with a JSON object. An empty 2xx body
        # (a proxy, a cut connection) must not pass for a result whose fields are all None.
        raise APIResponseValidationError(
            "the response body is empty", operation=operation, request_id=call.metadata.request_id
        )
    if call.raw_body:
        try:
            parsed = parse_response_json(result, call.raw_body)
        except ValueError as error:
            raise APIResponseValidationError(
                str(error), operation=operation, request_id=call.metadata.request_id
            ) from error
    else:
        data = call.response.get(payload)
        if not isinstance(data, dict):
            raise APIResponseValidationError(
                f"the response has no {payload}",
                operation=operation,
                request_id=call.metadata.request_id,
            )
        parsed = parse_response(result, data)
    attach_metadata(parsed, call.metadata)
    return parsed


def _ignore(call: CallResult) -> None:
    """The ``parse`` of operations without a result."""


def _checked(operation: str, params: dict[str, Any]) -> dict[str, Any]:
    """Drops unset parameters; refuses path and query parameters botocore would mis-send.

    botocore's parameter validation is off (the models validate every body, and repeating
    it costs more than the rest of a call's client CPU), so the few parameters outside the
    body are checked here: path parameters one path segment each (``_params``), query
    parameters of their type (``_query``) and encodable, required ones present. Errors name
    a parameter as the method's argument (``campaign_id``). A page size goes out as the
    string the model declares.

    botocore would send ``/v1/apps//campaigns/c1`` for an empty id, and
    ``/v1/apps/{app}/campaigns/..`` (that is, ``/v1/apps/{app}``) for ``".."``: requests for
    another resource than the caller meant, so they never leave this process. The model types
    ``PageSize`` as a string, so botocore would send ``page_size="ten"`` as it is.
    """
    for name in PATH_PARAMETERS[operation]:
        value = params.get(name)
        problem = path_segment_problem(value)
        if problem is not None:
            raise PinpointValidationError(f"{operation}: {python_name(name)} {problem}")
    checked = {key: value for key, value in params.items() if value is not None}
    for name, (kind, required) in QUERY_PARAMETERS.get(operation, {}).items():
        value = checked.get(name)
        rule = QUERY_RULES[kind]
        if value is None:
            if required:
                raise PinpointValidationError(f"{operation}: {python_name(name)} is required")
        elif not rule.accepts(value):
            raise PinpointValidationError(
                f"{operation}: {python_name(name)} must be {rule.described}, not {value!r}"
            )
        elif not encodable(value):
            raise PinpointValidationError(f"{operation}: {python_name(name)} {UNENCODABLE}")
        elif kind is QueryType.PAGE_SIZE:
            checked[name] = str(value)
    return checked
