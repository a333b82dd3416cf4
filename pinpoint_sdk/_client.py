"""``PinpointClient``: one long-lived transport (aiobotocore), our retries, timeouts and errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession, get_session

from ._aiobotocore import AiobotocoreTransport, client_config
from ._connection import Connection
from ._exceptions import PinpointValidationError
from ._invoke import CallResult, invoke
from ._logging import install_secret_redaction
from ._retry import Retrier, RetryBudget, RetryPolicy
from ._timeout import Timeout, resolve_timeout
from ._transport import Transport
from .resources import Resources

if TYPE_CHECKING:
    from .lib.campaigns import Campaigns
    from .lib.endpoints import Endpoints
    from .lib.events import Events
    from .lib.jobs import Jobs
    from .lib.journeys import Journeys
    from .lib.messages import Messages

__all__ = ["PinpointClient", "TransportName"]

#: How a client's requests travel: see ``PinpointClient``'s ``transport`` argument.
TransportName = Literal["lean", "botocore"]

ResultT = TypeVar("ResultT")


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
            Its ``connect_timeout`` and ``read_timeout``, when set, replace the defaults.
        max_retries: retries after the first attempt (default 2); see ``RetryPolicy``.
        timeout: a :class:`Timeout` (connect 5 s, read 30 s, 60 s for the whole call by
            default), or a number: the seconds each attempt may take, other limits unchanged.
        retry_policy: backoff base, cap and the longest ``Retry-After`` to honour.
        retry_budget: the token bucket that pays for retries; see ``RetryBudget``.
        transport: ``"lean"`` (the default): the SDK builds, signs and sends each request
            itself, the same bytes botocore would send at about a third of the CPU;
            ``"botocore"``: every request goes through botocore's client machinery, for code
            that relies on its event system (moto's ``mock_aws``, botocore's ``Stubber``,
            botocore instrumentation such as X-Ray or OpenTelemetry's, event handlers
            registered on the session). Both use the same session, credentials, config,
            endpoint rules, connection pool, retries, timeouts and errors.
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
        timeout: float | Timeout | None = None,
        retry_policy: RetryPolicy | None = None,
        retry_budget: RetryBudget | None = None,
        transport: TransportName = "lean",
    ) -> None:
        if transport not in ("lean", "botocore"):
            raise PinpointValidationError(
                f'transport must be "lean" or "botocore", not {transport!r}'
            )
        if session is None:
            session = AioSession(profile=profile_name) if profile_name else get_session()
        install_secret_redaction(session)
        if aws_access_key_id or aws_secret_access_key or aws_session_token:
            session.set_credentials(aws_access_key_id, aws_secret_access_key, aws_session_token)
        merged, timeouts = client_config(config, timeout)
        client_kwargs: dict[str, Any] = {"config": merged}
        if region_name:
            client_kwargs["region_name"] = region_name
        if endpoint_url:
            client_kwargs["endpoint_url"] = endpoint_url
        policy = retry_policy or RetryPolicy()
        if max_retries is not None:
            policy = replace(policy, max_retries=max_retries)
        botocore = AiobotocoreTransport(session, client_kwargs, timeouts)
        self._assemble(
            Connection(_lean_path(botocore) if transport == "lean" else botocore),
            Retrier(policy, retry_budget or RetryBudget()),
            timeouts,
            {
                "region_name": region_name,
                "endpoint_url": endpoint_url,
                "transport": None if transport == "lean" else transport,
            },
        )

    def _assemble(
        self,
        connection: Connection,
        retrier: Retrier,
        timeout: Timeout,
        description: dict[str, str | None],
    ) -> None:
        """Sets every attribute of a client: ``__init__`` and every copy end here."""
        self._connection = connection
        self._retrier = retrier
        self._timeout = timeout
        self._description = description

    def _sharing(self, retrier: Retrier, timeout: Timeout) -> PinpointClient:
        """A client on this one's connection (its transport and pool) with other options.

        The private constructor of copies: ``__init__``'s arguments make a new connection,
        which a copy must not. Both end in ``_assemble``, so a copy has every attribute.
        """
        copy = type(self).__new__(type(self))
        copy._assemble(self._connection, retrier, timeout, self._description)
        return copy

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy of this client (or of this ``with_options`` copy)."""
        return self._retrier.policy

    @property
    def timeout(self) -> Timeout:
        """The time limits of this client's calls (or of this ``with_options`` copy's)."""
        return self._timeout

    @property
    def closed(self) -> bool:
        """Whether ``close()`` was called."""
        return self._connection.closed

    def with_options(
        self,
        *,
        timeout: float | Timeout | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> PinpointClient:
        """A copy with other per-call options, sharing this client's connection and budget::

        await client.with_options(timeout=2, max_retries=0).campaigns.get(app_id, campaign_id)

        ``timeout`` is a :class:`Timeout`, or a number of seconds each attempt may take (the
        other limits stay this client's).
        """
        policy = retry_policy or self.retry_policy
        if max_retries is not None:
            policy = replace(policy, max_retries=max_retries)
        return self._sharing(
            self._retrier.with_policy(policy), resolve_timeout(timeout, self._timeout)
        )

    def _one_attempt_per_call(self) -> PinpointClient:
        """A copy whose calls make one attempt each and leave the budget alone.

        For the bulk engine, which retries chunks by asking this client's ``_retrier``.
        """
        single = Retrier(replace(self.retry_policy, max_retries=0), budget=None)
        return self._sharing(single, self._timeout)

    async def _invoke(
        self, operation: str, params: dict[str, Any], parse: Callable[[CallResult], ResultT]
    ) -> ResultT:
        return await invoke(
            self._connection,
            operation,
            params,
            retrier=self._retrier,
            timeout=self._timeout,
            parse=parse,
        )

    async def open(self) -> PinpointClient:
        """Opens the transport (creates the aiobotocore client) now rather than on the first call."""
        await self._connection.ready()
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

    # The resources with hand-written conveniences (``pinpoint_sdk/lib``). The generated
    # ``Resources`` knows only the generated classes: the client wires their extensions in
    # here, so that generated code never imports hand-written code.

    @cached_property
    def campaigns(self) -> Campaigns:
        """Campaigns, their versions and their activities; waiting for a version to go live."""
        from .lib.campaigns import Campaigns

        return Campaigns(self)

    @cached_property
    def endpoints(self) -> Endpoints:
        """Endpoints: create or update, read, delete, in batches, attribute removal; bulk
        upserts."""
        from .lib.endpoints import Endpoints

        return Endpoints(self)

    @cached_property
    def events(self) -> Events:
        """Events recorded for endpoints; batched recording of many events."""
        from .lib.events import Events

        return Events(self)

    @cached_property
    def jobs(self) -> Jobs:
        """Import and export jobs of an application; waiting for them to finish."""
        from .lib.jobs import Jobs

        return Jobs(self)

    @cached_property
    def journeys(self) -> Journeys:
        """Journeys, their state, runs and execution metrics; their lifecycle."""
        from .lib.journeys import Journeys

        return Journeys(self)

    @cached_property
    def messages(self) -> Messages:
        """Direct messages, user messages and one-time passwords; sending to many recipients."""
        from .lib.messages import Messages

        return Messages(self)

    @property
    def transport(self) -> TransportName:
        """How this client's requests travel: ``"lean"`` or ``"botocore"``."""
        return (
            "botocore" if isinstance(self._connection.transport, AiobotocoreTransport) else "lean"
        )

    def __repr__(self) -> str:
        described = ", ".join(f"{k}={v!r}" for k, v in self._description.items() if v)
        state = ", closed" if self.closed else ""
        return f"PinpointClient({described}{state})"


def _lean_path(botocore: AiobotocoreTransport) -> Transport:
    """The lean transport on ``botocore``'s aiobotocore client (imported when first wanted)."""
    from ._lean._path import LeanPath

    return LeanPath(botocore)
