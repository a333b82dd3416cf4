"""``PinpointClient``: one long-lived aiobotocore client, our retries and errors around it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import replace
from types import TracebackType
from typing import Any, TypeVar

from aiobotocore.config import AioConfig
from aiobotocore.httpsession import AIOHTTPSession
from aiobotocore.session import AioSession, get_session

from ._exceptions import ClientClosedError
from ._invoke import CallResult, invoke, keep_raw_body
from ._logging import install_secret_redaction
from ._params import refuse_unencodable_body
from ._retry import RetryBudget, RetryPolicy
from .resources import Resources

__all__ = ["PinpointClient"]


class _AIOHTTPSessionWithoutHiddenRetries(AIOHTTPSession):  # type: ignore[misc]
    """aiobotocore's aiohttp backend, minus aiohttp's own silent retry.

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

ResultT = TypeVar("ResultT")


class _Connection:
    """The aiobotocore client shared by a ``PinpointClient`` and its ``with_options`` copies."""

    def __init__(
        self, session: AioSession, client_kwargs: dict[str, Any], budget: RetryBudget
    ) -> None:
        self._session = session
        self._client_kwargs = client_kwargs
        self.budget = budget
        self._client: Any = None
        self._stack: AsyncExitStack | None = None
        self._lock = asyncio.Lock()
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
                    client = await stack.enter_async_context(creator)
                    client.meta.events.register("before-parse.pinpoint", keep_raw_body)
                    client.meta.events.register("before-call.pinpoint", refuse_unencodable_body)
                    self._client = client
                    self._stack = stack
        if self.closed:
            raise ClientClosedError("this PinpointClient is closed; create a new one")
        return self._client

    async def close(self) -> None:
        """Closes the aiobotocore client and its connection pool."""
        self.closed = True
        async with self._lock:
            stack, self._stack, self._client = self._stack, None, None
        if stack is not None:
            await stack.aclose()


class PinpointClient(Resources):
    """An async client for the Amazon Pinpoint API.

    Owns exactly one aiobotocore client for its whole life, created from the arguments below
    (or from a ``session`` you pass), opened on first use or by ``async with``::

        async with PinpointClient(region_name="us-east-1") as client:
            app = await client.apps.create(name="my-app")
            async for campaign in client.campaigns.list(app.id):
                print(campaign.name)

    Args:
        region_name, profile_name: as for boto3.
        aws_access_key_id, aws_secret_access_key, aws_session_token: explicit credentials;
            they are handed to the botocore session and never kept on, or shown by, the client.
        endpoint_url: another endpoint, e.g. the local fake of ``pinpoint_sdk.testing``.
        session: an existing ``AioSession`` to create the client from.
        config: an ``AioConfig``; merged with ours, which switches botocore's retries off.
        max_retries: retries after the first attempt (default 2); see ``RetryPolicy``.
        timeout: seconds one attempt may take before it fails with ``APITimeoutError``.
        retry_policy: backoff base, cap and the longest ``Retry-After`` to honour.
    """

    def __init__(
        self,
        *,
        region_name: str | None = None,
        profile_name: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        endpoint_url: str | None = None,
        session: AioSession | None = None,
        config: AioConfig | None = None,
        max_retries: int | None = None,
        timeout: float | None = None,
        retry_policy: RetryPolicy | None = None,
        retry_budget: RetryBudget | None = None,
    ) -> None:
        if session is None:
            session = AioSession(profile=profile_name) if profile_name else get_session()
        install_secret_redaction(session)
        if aws_access_key_id or aws_secret_access_key or aws_session_token:
            session.set_credentials(aws_access_key_id, aws_secret_access_key, aws_session_token)
        merged = _DEFAULT_POOL.merge(config) if config else _DEFAULT_POOL
        client_kwargs: dict[str, Any] = {"config": merged.merge(_NO_BOTOCORE_RETRIES)}
        if region_name:
            client_kwargs["region_name"] = region_name
        if endpoint_url:
            client_kwargs["endpoint_url"] = endpoint_url
        policy = retry_policy or RetryPolicy()
        if max_retries is not None:
            policy = replace(policy, max_retries=max_retries)
        self._connection = _Connection(session, client_kwargs, retry_budget or RetryBudget())
        self._policy = policy
        self._timeout = timeout
        self._description = {"region_name": region_name, "endpoint_url": endpoint_url}

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy of this client (or of this ``with_options`` copy)."""
        return self._policy

    @property
    def timeout(self) -> float | None:
        """Seconds one attempt may take, or None for botocore's own timeouts."""
        return self._timeout

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
        return self._connection.closed

    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> PinpointClient:
        """A copy with other per-call options, sharing this client's connection and budget::

        await client.with_options(timeout=2, max_retries=0).campaigns.get(app_id, campaign_id)
        """
        copy = object.__new__(PinpointClient)
        copy._connection = self._connection
        policy = retry_policy or self._policy
        if max_retries is not None:
            policy = replace(policy, max_retries=max_retries)
        copy._policy = policy
        copy._timeout = timeout if timeout is not None else self._timeout
        copy._description = self._description
        return copy

    async def _invoke(
        self, operation: str, params: dict[str, Any], parse: Callable[[CallResult], ResultT]
    ) -> ResultT:
        client = await self._connection.get()
        return await invoke(
            client,
            operation,
            params,
            policy=self._policy,
            budget=self._connection.budget,
            timeout=self._timeout,
            parse=parse,
        )

    async def open(self) -> PinpointClient:
        """Creates the aiobotocore client now rather than on the first call."""
        await self._connection.get()
        return self

    async def close(self) -> None:
        """Closes the connection; later calls raise ``ClientClosedError``."""
        await self._connection.close()

    async def __aenter__(self) -> PinpointClient:
        return await self.open()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        described = ", ".join(f"{k}={v!r}" for k, v in self._description.items() if v)
        state = ", closed" if self.closed else ""
        return f"PinpointClient({described}{state})"
