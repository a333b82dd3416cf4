"""What a ``PinpointClient`` and its ``with_options`` copies share: one transport's life.

A :class:`Connection` opens its transport on the first call, closes it once, and gives calls
the wait between attempts, which ``close()`` ends at once. It knows nothing of HTTP: the
transport (``_transport.Transport``) does.
"""

from __future__ import annotations

import asyncio

from ._exceptions import ClientClosedError, PinpointError
from ._transport import Transport

__all__ = ["Connection", "cancelled_from_outside", "closed_during"]


class Connection:
    """One transport, open from the first call until ``close()``; the waits between attempts."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.closed = False
        self._sleepers: set[asyncio.Future[None]] = set()

    async def ready(self) -> Transport:
        """The transport, opened if this is the first call; ``ClientClosedError`` after close."""
        if self.closed:
            raise ClientClosedError("this PinpointClient is closed; create a new one")
        await self.transport.open()
        if self.closed:
            raise ClientClosedError("this PinpointClient is closed; create a new one")
        return self.transport

    async def close(self) -> None:
        """Closes the transport; calls waiting to retry end at once."""
        self.closed = True
        for sleeper in self._sleepers:
            if not sleeper.done():
                sleeper.set_result(None)
        await self.transport.close()

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


def _wake(woken: asyncio.Future[None]) -> None:
    if not woken.done():
        woken.set_result(None)


def closed_during(operation: str, error: PinpointError | None) -> ClientClosedError:
    """The error of a call under which the client was closed, and which then failed with
    ``error``; ``None``: the close cancelled the call while it waited for a connection."""
    if error is None:
        return ClientClosedError(
            f"{operation}: the PinpointClient was closed while the call waited for a "
            "connection; the request was not sent"
        )
    where = (
        "the request may have reached the service"
        if error.request_sent
        else "the request was not sent"
    )
    return ClientClosedError(
        f"{operation}: the PinpointClient was closed while the call was in flight; {where}",
        request_sent=error.request_sent,
    )


def cancelled_from_outside() -> bool:
    """Whether the running task was asked to cancel (Python 3.10 cannot tell: assume not).

    Closing the pool cancels the calls still waiting for a connection: that is the close,
    not a cancellation of the caller's task, which must not see ``CancelledError``.
    """
    task = asyncio.current_task()
    cancelling = getattr(task, "cancelling", None)
    return bool(cancelling()) if cancelling is not None else False
