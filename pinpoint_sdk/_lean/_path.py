"""``LeanPath``: the default transport of a ``PinpointClient``.

Each attempt is built by the generated ``_requests`` (botocore's bytes), signed and sent by
:class:`LeanTransport` on the connection pool of the client's aiobotocore client, which
this transport opens and closes as the botocore transport does (same session, credentials,
config, endpoint rules and set-up errors). Only the request path differs: no botocore events,
serializer, request objects or parser run for a successful call.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .._aiobotocore import AiobotocoreTransport
from .._exceptions import APIConnectionError, ClientClosedError
from .._timeout import Timeout
from .._transport import Reply

if TYPE_CHECKING:
    from ._request import LeanRequest
    from ._transport import LeanTransport

__all__ = ["LeanPath"]

_NOTHING: dict[str, Any] = {}


class LeanPath:
    """Sends attempts through a :class:`LeanTransport` on an aiobotocore client's pool."""

    def __init__(self, botocore: AiobotocoreTransport) -> None:
        #: The aiobotocore client's owner: it creates, configures and closes the client.
        self.botocore = botocore
        self._lean: LeanTransport | None = None
        self._requests: Mapping[str, Callable[[Mapping[str, Any]], LeanRequest]] = {}
        self._lock = asyncio.Lock()

    @property
    def aiobotocore_client(self) -> Any:
        """The aiobotocore client whose settings and pool the requests use (None until open)."""
        return self.botocore.aiobotocore_client

    async def open(self) -> None:
        """Opens the aiobotocore client, then the lean transport on it, the first time."""
        if self._lean is not None:
            return
        await self.botocore.open()
        async with self._lock:
            if self._lean is None:
                # Loaded with the first call: a client made and never used stays cheap.
                from .._requests import REQUESTS
                from ._transport import LeanTransport

                self._requests = REQUESTS
                self._lean = await LeanTransport.open(self.botocore.aiobotocore_client)

    async def send(
        self,
        operation: str,
        params: dict[str, Any],
        timeout: Timeout,
        *,
        attempt: int,
        max_attempts: int,
        deadline: float | None,
    ) -> Reply:
        """One attempt: the request built from ``params``, signed, sent, its 2xx answer."""
        lean = self._lean
        if lean is None:
            raise ClientClosedError(
                f"{operation}: the PinpointClient was closed before the request was sent"
            )
        request = self._requests[operation](params)
        if b"\\ud" in request.body:
            # A lone surrogate in a string (JSON writes it as \udXXX): refused, by field name.
            from .._params import refuse_unencodable_body

            model = self.botocore.aiobotocore_client.meta.service_model
            refuse_unencodable_body({"body": request.body}, model.operation_model(operation))
        try:
            response = await lean.send(
                request,
                timeout=timeout,
                deadline=deadline,
                attempt=attempt,
                max_attempts=max_attempts,
            )
        except APIConnectionError as error:
            if error.request_sent:
                raise
            region_error = await self.botocore.unknown_region_or(operation, error, error)
            if region_error is error:
                raise
            raise region_error from error
        return Reply(
            status_code=response.status,
            request_id=response.request_id,
            headers=response.headers,
            body=response.body,
            parsed=_NOTHING,
        )

    async def close(self) -> None:
        """Marks the lean transport closed, then closes the aiobotocore client and its pool."""
        if self._lean is not None:
            self._lean.close()
        await self.botocore.close()
