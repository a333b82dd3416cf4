"""The aiobotocore transport: one aiobotocore client per ``PinpointClient``, opened once.

It sends each attempt with aiobotocore (botocore's retries and parameter validation off: the
SDK owns both), turns botocore's exceptions into the SDK's typed errors (:func:`translate`),
and knows what only botocore knows: the connect and read timeouts of one call when they
differ from the client's, and whether the client's region is one botocore has Pinpoint
endpoints for.
"""

from __future__ import annotations

import asyncio
import socket
import time
from contextlib import AsyncExitStack
from contextvars import ContextVar
from typing import Any

import aiohttp
from aiobotocore.config import AioConfig
from aiobotocore.httpsession import AIOHTTPSession
from aiobotocore.session import AioSession
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
    ParamValidationError,
    ProxyConnectionError,
    ReadTimeoutError,
    SSLError,
)
from botocore.parsers import ResponseParserError

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    PinpointError,
    PinpointValidationError,
)
from ._operations import CLIENT_METHODS
from ._params import refuse_unencodable_body
from ._response import readable_error_body, shallow_error_body
from ._secrets import hide_secrets
from ._service_errors import ERRORS_BY_CODE, ERRORS_BY_STATUS
from ._setup_errors import setup_error, unknown_region_error
from ._timeout import Timeout, attempt_end, out_of_time, resolve_timeout, within
from ._transport import Reply

__all__ = ["AiobotocoreTransport", "client_config", "translate"]

#: Where the connect and read timeouts of one call travel to the HTTP session, when they
#: differ from the client's: ``(connect, read)`` in seconds, None for no limit.
CALL_TIMEOUTS: ContextVar[tuple[float | None, float | None] | None] = ContextVar(
    "pinpoint_sdk_call_timeouts", default=None
)
_CONTEXT_KEY = "pinpoint_sdk_timeouts"
#: Where ``keep_raw_body`` leaves a successful response's body in botocore's parsed response.
RAW_BODY = "__pinpoint_sdk_raw_body__"


def keep_raw_body(
    response_dict: dict[str, Any], customized_response_dict: dict[str, Any], **_: Any
) -> None:
    """botocore ``before-parse`` handler: takes over the body of successful responses.

    The SDK parses a successful body itself, with pydantic-core: faster than botocore's
    parser, and it keeps fields botocore does not know. botocore is handed an empty JSON
    object instead, so the body is not parsed twice. Error bodies are left to botocore, but
    one botocore's parser cannot read is replaced (``shallow_error_body``,
    ``readable_error_body``).
    """
    if 200 <= response_dict.get("status_code", 0) < 300:
        customized_response_dict[RAW_BODY] = response_dict.get("body")
        response_dict["body"] = b"{}"
    else:
        # Deep JSON, JSON that is not an object and text that is not UTF-8 make botocore's
        # parser raise untyped errors: such bodies reach it as {"message": <their text>}.
        body = shallow_error_body(response_dict.get("body"))
        response_dict["body"] = readable_error_body(body) if isinstance(body, bytes) else body


class _AIOHTTPSessionWithoutHiddenRetries(AIOHTTPSession):  # type: ignore[misc]
    """aiobotocore's aiohttp backend, minus aiohttp's own silent retry, plus per-call timeouts.

    aiohttp re-sends a GET, PUT or DELETE once when the server closes the connection before
    answering. Under our policy that made up to two HTTP requests per attempt, unseen by the
    retry budget, the logs and the attempt count. aiohttp offers no public switch, so the
    private flag is cleared when it exists; without it there is nothing to clear.
    """

    async def _get_session(self, proxy_url: Any) -> Any:
        session = await super()._get_session(proxy_url)
        if getattr(session, "_retry_connection", False):
            session._retry_connection = False
        return session

    def _get_request_timeout(self, request: Any) -> Any:
        # aiobotocore takes a per-request read timeout from the request's context; a call's
        # connect timeout travels the same way (see ``Connection.use_call_timeouts``).
        context = getattr(request, "context", None) or {}
        timeouts = context.get(_CONTEXT_KEY)
        if timeouts is None:
            return super()._get_request_timeout(request)
        connect, read = timeouts
        return aiohttp.ClientTimeout(sock_connect=connect, sock_read=read)


#: botocore's own retries are off: ours decide, so a call makes at most 1 + max_retries attempts.
#: Its parameter validation is off too: the models validated the body already, and the
#: resources check path and query parameters (``_resource._checked``); botocore's second pass
#: cost about half the client CPU of a 100-endpoint batch.
_NO_BOTOCORE_RETRIES = AioConfig(
    retries={"total_max_attempts": 1, "mode": "standard"}, parameter_validation=False
)
_DEFAULT_POOL = AioConfig(
    max_pool_connections=50, http_session_cls=_AIOHTTPSessionWithoutHiddenRetries
)


def client_config(config: AioConfig | None, timeout: float | Timeout | None) -> tuple[Any, Timeout]:
    """The aiobotocore config of a client, and its timeouts.

    Connect and read timeouts come from ``timeout`` when it is a :class:`Timeout`, else from
    ``config`` when it sets them, else from ``Timeout()``'s defaults.
    """
    base = Timeout()
    if config is not None:
        # botocore sets a Config's options as attributes of its own; it keeps which were given.
        options: dict[str, Any] = vars(config)
        given = options.get("_user_provided_options", {})
        base = Timeout(
            connect=options["connect_timeout"] if "connect_timeout" in given else base.connect,
            read=options["read_timeout"] if "read_timeout" in given else base.read,
            total=base.total,
        )
    timeouts = resolve_timeout(timeout, base)
    merged = _DEFAULT_POOL.merge(config) if config else _DEFAULT_POOL
    merged = merged.merge(
        AioConfig(connect_timeout=timeouts.connect, read_timeout=timeouts.read)
    ).merge(_NO_BOTOCORE_RETRIES)
    return merged, timeouts


class AiobotocoreTransport:
    """Sends attempts through one aiobotocore client, created on first use, closed once."""

    def __init__(
        self, session: AioSession, client_kwargs: dict[str, Any], timeout: Timeout
    ) -> None:
        self._session = session
        self._client_kwargs = client_kwargs
        #: The connect and read timeouts the HTTP session was made with.
        self.timeout = timeout
        self._aiobotocore_client: Any = None
        self._stack: AsyncExitStack | None = None
        self._lock = asyncio.Lock()
        self._call_timeouts_registered = False
        self._known_regions: list[str] | None = None
        self._closed = False

    @property
    def aiobotocore_client(self) -> Any:
        """The aiobotocore client (None before the first call and after close)."""
        return self._aiobotocore_client

    async def open(self) -> None:
        """Creates the aiobotocore client, the first time."""
        if self._aiobotocore_client is not None:
            return
        async with self._lock:
            if self._closed:
                raise ClientClosedError("this PinpointClient is closed; create a new one")
            if self._aiobotocore_client is None:
                stack = AsyncExitStack()
                creator = self._session.create_client("pinpoint", **self._client_kwargs)
                try:
                    created = await stack.enter_async_context(creator)
                except BotoCoreError as error:
                    # No region, an invalid one, an unknown profile, bad credentials...
                    raise setup_error(error, None) from error
                created.meta.events.register("before-parse.pinpoint", keep_raw_body)
                created.meta.events.register("before-call.pinpoint", refuse_unencodable_body)
                self._aiobotocore_client = created
                self._stack = stack

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
        """One attempt through aiobotocore; botocore's exceptions become the SDK's errors."""
        if self._aiobotocore_client is None:
            raise ClientClosedError(
                f"{operation}: the PinpointClient was closed before the request was sent"
            )
        method = getattr(self._aiobotocore_client, CLIENT_METHODS[operation])
        token = None
        if (timeout.connect, timeout.read) != (self.timeout.connect, self.timeout.read):
            self._use_call_timeouts()
            token = CALL_TIMEOUTS.set((timeout.connect, timeout.read))
        end, reason = attempt_end(timeout, deadline)
        limit = None if end is None else asyncio.get_running_loop().time() + end - time.monotonic()
        try:
            response = await within(limit, method(**params))
        except asyncio.TimeoutError as error:
            raise out_of_time(operation, reason, attempt) from error
        except (ClientError, BotoCoreError, ResponseParserError) as error:
            translated = translate(error, operation)
            if isinstance(translated, APIConnectionError) and not translated.request_sent:
                translated = await self.unknown_region_or(operation, error, translated)
            raise translated from error
        finally:
            if token is not None:
                CALL_TIMEOUTS.reset(token)
        meta = response.get("ResponseMetadata", {})
        body = response.pop(RAW_BODY, None)
        return Reply(
            status_code=int(meta.get("HTTPStatusCode") or 0),
            request_id=meta.get("RequestId"),
            headers=meta.get("HTTPHeaders") or {},
            body=body if isinstance(body, bytes) else None,
            parsed=response,
        )

    async def close(self) -> None:
        """Closes the aiobotocore client and its pool."""
        async with self._lock:
            self._closed = True
            stack, self._stack, self._aiobotocore_client = self._stack, None, None
        if stack is not None:
            await stack.aclose()

    def _use_call_timeouts(self) -> None:
        """Lets calls set their own connect and read timeouts (through ``CALL_TIMEOUTS``).

        Registered on the first call that needs it, so that other calls pay nothing for it.
        """
        if not self._call_timeouts_registered:
            events = self._aiobotocore_client.meta.events
            events.register("before-call.pinpoint", _apply_call_timeouts)
            self._call_timeouts_registered = True

    async def unknown_region_or(
        self, operation: str, cause: Exception, error: PinpointError
    ) -> PinpointError:
        """A ``RegionError`` when a host name made from an unknown region did not resolve."""
        if self._client_kwargs.get("endpoint_url") or not dns_failed(cause):
            return error
        region = self._aiobotocore_client.meta.region_name
        if region is None:
            return error
        known = await self._regions()
        return error if region in known else unknown_region_error(region, operation, known)

    async def _regions(self) -> list[str]:
        """Every region botocore's endpoint data has Pinpoint in, over all partitions."""
        if self._known_regions is None:
            known: set[str] = set()
            for partition in self._session.get_available_partitions():
                known.update(await self._session.get_available_regions("pinpoint", partition))
            self._known_regions = sorted(known)
        return self._known_regions


def _apply_call_timeouts(context: dict[str, Any], **_: Any) -> None:
    """botocore ``before-call`` handler: puts the call's timeouts where the session finds them."""
    timeouts = CALL_TIMEOUTS.get()
    if timeouts is not None:
        context[_CONTEXT_KEY] = timeouts
        if timeouts[1] is not None:
            context["read_timeout"] = timeouts[1]  # what aiobotocore's httpx backend reads


def dns_failed(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) is a failure to resolve a host name."""
    seen: BaseException | None = error
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, socket.gaierror) or "DNS" in type(seen).__name__:
            return True
        cause = getattr(seen, "kwargs", {}).get("error") if hasattr(seen, "kwargs") else None
        seen = cause if isinstance(cause, BaseException) else (seen.__cause__ or seen.__context__)
    return False


def _never_connected(error: EndpointConnectionError) -> bool:
    """True when the connection was refused or not resolvable: nothing was sent."""
    cause = error.kwargs.get("error")
    if isinstance(cause, (ConnectionRefusedError, socket.gaierror)):
        return True
    name = type(cause).__name__
    # aiohttp's and httpx's "could not connect" errors; checked by name to keep httpx optional.
    return name in {"ClientConnectorError", "ClientConnectorDNSError", "ConnectError"}


def translate(error: Exception, operation: str) -> PinpointError:
    """Maps a botocore/aiobotocore exception to our error tree."""
    # The service may echo the request, secrets included, in its message; botocore's error
    # stays chained as ``__cause__``, so its message and ``response`` are cleaned in place.
    hide_secrets(error)
    if isinstance(error, ClientError):
        details = error.response.get("Error", {})
        meta = error.response.get("ResponseMetadata", {})
        code = str(details.get("Code") or "Unknown")
        status = int(meta.get("HTTPStatusCode") or 0)
        cls = ERRORS_BY_CODE.get(code) or ERRORS_BY_STATUS.get(status) or APIStatusError
        return cls(
            str(details.get("Message") or ""),
            status_code=status,
            code=code,
            # Pinpoint repeats the request id in the error body, which proxies do not strip.
            request_id=meta.get("RequestId") or error.response.get("RequestID"),
            operation=operation,
            headers=meta.get("HTTPHeaders") or {},
        )
    if isinstance(error, ParamValidationError):
        return PinpointValidationError(f"{operation}: {error.kwargs.get('report', error)}")
    if isinstance(error, ConnectTimeoutError):
        return APITimeoutError(
            f"{operation}: no connection within the connect timeout; the request was not sent",
            operation=operation,
            request_sent=False,
        )
    if isinstance(error, ReadTimeoutError):
        return APITimeoutError(
            f"{operation}: no answer within the read timeout; the service may have acted on it",
            operation=operation,
            request_sent=True,
        )
    if isinstance(error, (SSLError, ProxyConnectionError)) or (
        isinstance(error, EndpointConnectionError) and _never_connected(error)
    ):
        return APIConnectionError(
            f"{operation}: the request was not sent: {error}",
            operation=operation,
            request_sent=False,
        )
    if isinstance(error, EndpointConnectionError):
        # aiobotocore reports a reset after sending as "Could not connect": it was connected.
        return APIConnectionError(
            f"{operation}: the connection was closed after the request was sent; the service "
            f"may have acted on it ({_describe(error.kwargs.get('error'))})",
            operation=operation,
            request_sent=True,
        )
    if isinstance(error, (HTTPClientError, ConnectionError)):
        return APIConnectionError(
            f"{operation}: the connection failed after the request was sent; the service may "
            f"have acted on it ({error})",
            operation=operation,
            request_sent=True,
        )
    if isinstance(error, ResponseParserError):
        return APIResponseValidationError(
            f"the response could not be parsed: {error}", operation=operation, request_id=None
        )
    if isinstance(error, BotoCoreError):
        # Credentials, region, profile: botocore could not prepare the request.
        return setup_error(error, operation)
    raise error


def _describe(cause: object) -> str:
    return f"{type(cause).__name__}: {cause}" if cause is not None else "no detail"
