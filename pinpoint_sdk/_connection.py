"""The aiobotocore client behind a ``PinpointClient``: opened once, closed once.

Besides creating and closing the client, a :class:`Connection` gives calls what only it knows:
a wait between attempts that ends when the client is closed, the connect and read timeouts of
one call when they differ from the client's, and whether the client's region is one botocore
has Pinpoint endpoints for.
"""

from __future__ import annotations

import asyncio
import socket
from contextlib import AsyncExitStack
from contextvars import ContextVar
from typing import Any

import aiohttp
from aiobotocore.config import AioConfig
from aiobotocore.httpsession import AIOHTTPSession
from aiobotocore.session import AioSession
from botocore.exceptions import BotoCoreError

from ._exceptions import ClientClosedError
from ._params import refuse_unencodable_body
from ._response import shallow_error_body
from ._retry import RetryBudget
from ._setup_errors import setup_error
from ._timeout import Timeout, resolve_timeout

__all__ = [
    "CALL_TIMEOUTS",
    "RAW_BODY",
    "Connection",
    "client_config",
    "dns_failed",
    "keep_raw_body",
]

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
    one nested too deeply for its recursive parser is replaced (``shallow_error_body``).
    """
    if 200 <= response_dict.get("status_code", 0) < 300:
        customized_response_dict[RAW_BODY] = response_dict.get("body")
        response_dict["body"] = b"{}"
    else:
        response_dict["body"] = shallow_error_body(response_dict.get("body"))


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


class Connection:
    """The aiobotocore client shared by a ``PinpointClient`` and its ``with_options`` copies."""

    def __init__(
        self,
        session: AioSession,
        client_kwargs: dict[str, Any],
        budget: RetryBudget,
        timeout: Timeout,
    ) -> None:
        self._session = session
        self._client_kwargs = client_kwargs
        self.budget = budget
        #: The connect and read timeouts the HTTP session was made with.
        self.timeout = timeout
        self._client: Any = None
        self._stack: AsyncExitStack | None = None
        self._lock = asyncio.Lock()
        self._sleepers: set[asyncio.Future[None]] = set()
        self._call_timeouts_registered = False
        self._known_regions: list[str] | None = None
        self.closed = False

    async def get(self) -> Any:
        """The aiobotocore client, created on first use."""
        if self.closed:
            raise ClientClosedError("this PinpointClient is closed; create a new one")
        if self._client is None:
            async with self._lock:
                if self._client is None and not self.closed:
                    stack = AsyncExitStack()
                    creator = self._session.create_client("pinpoint", **self._client_kwargs)
                    try:
                        client = await stack.enter_async_context(creator)
                    except BotoCoreError as error:
                        # No region, an invalid one, an unknown profile, bad credentials...
                        raise setup_error(error, None) from error
                    client.meta.events.register("before-parse.pinpoint", keep_raw_body)
                    client.meta.events.register("before-call.pinpoint", refuse_unencodable_body)
                    self._client = client
                    self._stack = stack
        if self.closed:
            raise ClientClosedError("this PinpointClient is closed; create a new one")
        return self._client

    async def close(self) -> None:
        """Closes the aiobotocore client and its pool; calls waiting to retry end at once."""
        self.closed = True
        for sleeper in self._sleepers:
            if not sleeper.done():
                sleeper.set_result(None)
        async with self._lock:
            stack, self._stack, self._client = self._stack, None, None
        if stack is not None:
            await stack.aclose()

    async def sleep(self, seconds: float) -> None:
        """Waits before a retry; raises ``ClientClosedError`` once the client is closed."""
        if not self.closed and seconds > 0:
            loop = asyncio.get_running_loop()
            woken: asyncio.Future[None] = loop.create_future()
            timer = loop.call_later(seconds, _wake, woken)
            self._sleepers.add(woken)
            try:
                await woken
            finally:
                timer.cancel()
                self._sleepers.discard(woken)
        if self.closed:
            raise ClientClosedError("the PinpointClient was closed while the call waited to retry")

    def use_call_timeouts(self, client: Any) -> None:
        """Lets calls set their own connect and read timeouts (through ``CALL_TIMEOUTS``).

        Registered on the first call that needs it, so that other calls pay nothing for it.
        """
        if not self._call_timeouts_registered:
            client.meta.events.register("before-call.pinpoint", _apply_call_timeouts)
            self._call_timeouts_registered = True

    async def regions(self) -> list[str]:
        """Every region botocore's endpoint data has Pinpoint in, over all partitions."""
        if self._known_regions is None:
            known: set[str] = set()
            for partition in self._session.get_available_partitions():
                known.update(await self._session.get_available_regions("pinpoint", partition))
            self._known_regions = sorted(known)
        return self._known_regions

    @property
    def custom_endpoint(self) -> bool:
        """Whether the client was given an ``endpoint_url`` (so its region names no host)."""
        return bool(self._client_kwargs.get("endpoint_url"))

    @property
    def region(self) -> str | None:
        """The region the aiobotocore client resolved, once it exists."""
        return None if self._client is None else self._client.meta.region_name


def _wake(woken: asyncio.Future[None]) -> None:
    if not woken.done():
        woken.set_result(None)


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
