"""``LeanTransport``: one attempt of a call, from a built request to an answer or a typed error.

It takes what it needs from the client's aiobotocore client once, when opened: the
endpoint (resolved by botocore's rules), the credentials and signing scope of its request
signer, its User-Agent, and the connection pool of its HTTP session (aiohttp, or httpx when
the config asks for aiobotocore's ``HttpxSession``). Then each :meth:`LeanTransport.send`
signs a :class:`LeanRequest` with fresh credentials, sends it within the attempt's time
limits and returns the 2xx answer unparsed, or raises the typed error the botocore path
raises for the same failure.

It makes one attempt and decides nothing: the retry owner (``_retry.Retrier``) calls
``send`` once per attempt, with the attempt number and the call's deadline. It logs nothing
(botocore's signer logs the canonical request at DEBUG; ``_logging`` masks its
credentials).

Closing: :meth:`close` marks the transport closed; the owner of the aiobotocore client then
closes it, and with it the pool. A call made after ``close`` raises ``ClientClosedError``
without sending; one in flight that then fails raises ``ClientClosedError`` saying whether
its request may have reached the service; one waiting for a connection when the pool closes
raises ``ClientClosedError`` (not sent) instead of ``CancelledError``.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from uuid import uuid4

from aiobotocore.httpsession import AIOHTTPSession
from botocore.exceptions import BotoCoreError

from .._connection import cancelled_from_outside, closed_during
from .._exceptions import ClientClosedError, PinpointConfigurationError, PinpointError
from .._logging import install_secret_redaction
from .._timeout import Timeout, attempt_end, out_of_time
from .._version import __version__
from ._aiohttp import AiohttpBackend
from ._endpoint import Endpoint, resolve_endpoint
from ._failures import failure, status_error
from ._request import LeanRequest, LeanResponse
from ._signing import Signer

__all__ = ["LeanTransport"]

#: Methods botocore sends without a Content-Length header.
_NO_LENGTH = frozenset({"GET", "HEAD", "OPTIONS"})
#: What botocore leaves unescaped in a Lambda trace id (``add_recursion_detection_header``).
_TRACE_ID_SAFE = "-=;:+&[]{}\"',"

if TYPE_CHECKING:
    from ._httpx import HttpxBackend

    _Backend = AiohttpBackend | HttpxBackend


class LeanTransport:
    """Signs and sends the requests of one client, on the pool of its aiobotocore client.

    Create it with :meth:`open` once the aiobotocore client exists; it borrows that client's
    pool, which the client's owner closes (after :meth:`close`).
    """

    def __init__(
        self,
        client: Any,
        endpoint: Endpoint,
        signer: Signer,
        backend: _Backend,
        user_agent: str,
    ) -> None:
        self._client = client
        self._endpoint = endpoint
        self._signer = signer
        self._backend = backend
        self._user_agent = user_agent
        # botocore adds the Lambda trace id to requests made inside AWS Lambda.
        self._in_lambda = "AWS_LAMBDA_FUNCTION_NAME" in os.environ
        self.closed = False

    @classmethod
    async def open(cls, client: Any) -> LeanTransport:
        """The transport of an (entered) aiobotocore Pinpoint ``client``.

        Settings botocore's endpoint rules refuse were refused when the client was created;
        for Pinpoint, nothing else can fail here. An HTTP session class other than
        aiobotocore's two raises ``PinpointConfigurationError``.
        """
        endpoint = await resolve_endpoint(client)
        signer = Signer.of(client, endpoint.url, endpoint.signing)
        backend = await _borrow_pool(client._endpoint.http_session, endpoint.url)
        # botocore's signer logs the canonical request (session token included) at DEBUG.
        install_secret_redaction()
        return cls(client, endpoint, signer, backend, _user_agent(client))

    def close(self) -> None:
        """Marks the transport closed: later calls raise ``ClientClosedError``."""
        self.closed = True

    async def send(
        self,
        request: LeanRequest,
        *,
        timeout: Timeout,
        deadline: float | None = None,
        attempt: int = 1,
        max_attempts: int = 1,
    ) -> LeanResponse:
        """Makes one attempt of ``request``: its 2xx answer, or the call's typed error.

        ``timeout``: the connect and read limits, and the attempt's own limit
        (``Timeout.attempt``); ``deadline``: the ``time.monotonic()`` at which the call's
        deadline passes (``Timeout.total`` from the call's start), if it has one.
        ``attempt`` and ``max_attempts`` go to the ``amz-sdk-request`` header and the
        wording of a timeout.
        """
        operation = request.operation
        if self.closed:
            raise ClientClosedError("this PinpointClient is closed; create a new one")
        endpoint = self._endpoint
        method, body = request.method, request.body
        url = endpoint.url_for(request.path, request.query)
        # The order botocore gives them: the operation's, the endpoint's, then its own.
        headers = {**request.headers, **endpoint.headers, "User-Agent": self._user_agent}
        if self._in_lambda:
            _add_trace_id(headers)
        try:
            await self._signer.sign(method, url, headers, body)
        except BotoCoreError as error:
            raise failure(error, operation) from error
        headers["amz-sdk-invocation-id"] = str(uuid4())
        headers["amz-sdk-request"] = f"attempt={attempt}; max={max_attempts}"
        if method not in _NO_LENGTH:
            headers["Content-Length"] = str(len(body))
        end, reason = attempt_end(timeout, deadline)
        total = None
        if end is not None:
            total = end - time.monotonic()
            if total <= 0:
                raise out_of_time(operation, reason, attempt)
        try:
            status, answer, payload = await self._backend.send(
                method,
                url,
                headers,
                body or None,
                connect=timeout.connect,
                read=timeout.read,
                total=total,
            )
        except BotoCoreError as error:
            raise self._unless_closed(operation, failure(error, operation)) from error
        except asyncio.TimeoutError as error:
            raise self._unless_closed(operation, out_of_time(operation, reason, attempt)) from error
        except asyncio.CancelledError:
            # Closing the pool cancels the calls still waiting for a connection: that is the
            # close, not a cancellation of the caller's task, which must not see it.
            if self.closed and not cancelled_from_outside():
                raise closed_during(operation, None) from None
            raise
        if status >= 300:
            typed, cause = status_error(self._client, operation, status, answer, payload)
            raise self._unless_closed(operation, typed) from cause
        return LeanResponse(status, answer, payload)

    def _unless_closed(self, operation: str, error: PinpointError) -> PinpointError:
        return closed_during(operation, error) if self.closed else error

    def __repr__(self) -> str:
        state = ", closed" if self.closed else ""
        return f"LeanTransport({self._endpoint!r}{state})"


async def _borrow_pool(http_session: Any, url: str) -> _Backend:
    if isinstance(http_session, AIOHTTPSession):
        return await AiohttpBackend.borrow(http_session, url)
    from aiobotocore.httpxsession import HttpxSession

    if isinstance(http_session, HttpxSession):
        from ._httpx import HttpxBackend

        return await HttpxBackend.borrow(http_session, url)
    raise PinpointConfigurationError(
        f"the lean transport cannot send through {type(http_session).__name__}",
        hint="Use aiobotocore's AIOHTTPSession or HttpxSession as http_session_cls, "
        "or the botocore transport",
    )


def _add_trace_id(headers: dict[str, str]) -> None:
    trace_id = os.environ.get("_X_AMZN_TRACE_ID")
    if trace_id and "X-Amzn-Trace-Id" not in headers:
        headers["X-Amzn-Trace-Id"] = quote(trace_id, safe=_TRACE_ID_SAFE)


def _user_agent(client: Any) -> str:
    """botocore's User-Agent for the client, built once, with the SDK named at its end."""
    return f"{client._user_agent_creator.to_string()} lib/pinpoint-sdk#{__version__}"
