"""The base of every generated resource: turns method arguments into one validated call."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import ValidationError

from ._exceptions import APIResponseValidationError, PinpointValidationError
from ._invoke import CallResult
from ._models import PinpointModel, RequestModel, parse_response, parse_response_json
from ._operations import PATH_PARAMETERS
from ._response import attach_metadata
from .pagination import AsyncPaginator

__all__ = ["Resource", "Transport"]

ResultT = TypeVar("ResultT", bound=PinpointModel)
BodyT = TypeVar("BodyT", bound=RequestModel)
ItemT = TypeVar("ItemT")


class Transport:
    """What resources call: implemented by ``PinpointClient``."""

    async def _invoke(self, operation: str, params: dict[str, Any]) -> CallResult:
        raise NotImplementedError


class Resource:
    """A group of operations on one kind of Pinpoint resource."""

    def __init__(self, client: Transport) -> None:
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
        call = await self._client._invoke(operation, _checked(operation, params))
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

    async def _call_without_result(self, operation: str, params: dict[str, Any]) -> None:
        await self._client._invoke(operation, _checked(operation, params))

    def _paginate(
        self,
        operation: str,
        params: dict[str, Any],
        result: type[ResultT],
        payload: str,
        *,
        item_type: type[ItemT],
        token_member: str,
        items_path: tuple[str, ...],
        next_token: str | None,
        page_size: int | None,
        max_items: int | None,
    ) -> AsyncPaginator[ItemT, ResultT]:
        async def fetch(token: str | None, size: int | None) -> ResultT:
            page_params = {**params, token_member: token}
            if size is not None:
                page_params["PageSize"] = str(size)
            return await self._call(operation, page_params, result, payload)

        return AsyncPaginator(
            fetch,
            items_path,
            operation=operation,
            next_token=next_token,
            page_size=page_size,
            max_items=max_items,
        )


def _checked(operation: str, params: dict[str, Any]) -> dict[str, Any]:
    """Drops unset parameters and refuses empty path parameters.

    botocore would send ``/v1/apps//campaigns/c1`` for an empty id: a request for another
    resource than the caller meant, so it never leaves this process.
    """
    for name in PATH_PARAMETERS[operation]:
        value = params.get(name)
        if not isinstance(value, str) or not value:
            raise PinpointValidationError(
                f"{operation}: {name} must be a non-empty string, not {value!r}"
            )
    return {key: value for key, value in params.items() if value is not None}
