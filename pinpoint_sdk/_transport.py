"""The seam between a call and the HTTP layer: one attempt at a time.

A call (``_invoke``) owns everything that does not depend on how bytes travel: the retry
owner, the call's deadline, logging, tracing and parsing the result. A :class:`Transport`
owns one attempt: it sends one request, ends it at the attempt's or the call's limit
(``_timeout.attempt_end``), and returns what a successful answer carried (a :class:`Reply`),
or raises the typed error of ``pinpoint_sdk._exceptions`` that says what went wrong and
whether the request was sent.

Two implement it: ``_lean._path.LeanPath`` (the default: requests built, signed and sent by
the SDK) and ``_aiobotocore.AiobotocoreTransport`` (botocore's client machinery, events and
all).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ._timeout import Timeout

__all__ = ["Reply", "Transport"]


@dataclass(frozen=True)
class Reply:
    """What one successful attempt (a 2xx answer) brought back."""

    status_code: int
    request_id: str | None
    headers: Mapping[str, str]
    #: The JSON body as received; the SDK parses it into the result model.
    body: bytes | None
    #: Members the transport parsed itself, by member name (what botocore's parser made of
    #: the answer); read only when there is no body. Empty when the body is left to the SDK.
    parsed: Mapping[str, Any]


class Transport(Protocol):
    """Sends the requests of one client (and its ``with_options`` copies)."""

    async def open(self) -> None:
        """Gets ready to send (creates clients, pools); called before every call, so it must
        be cheap once open. Raises a ``PinpointConfigurationError`` when it cannot be."""
        ...

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
        """Makes attempt number ``attempt`` (of at most ``max_attempts``) at ``operation``.

        ``params`` are botocore-style (member names, as aiobotocore takes them). The attempt
        ends within ``timeout``'s connect, read and attempt limits and before ``deadline``
        (a ``time.monotonic()``, the call's end; ``_timeout.attempt_end``), raising
        ``_timeout.out_of_time``'s error. Returns the reply of a 2xx answer; raises a
        ``PinpointError`` otherwise, with ``request_sent`` saying whether the request may
        have reached the service.
        """
        ...

    async def close(self) -> None:
        """Closes connections and pools; attempts in flight end. Called once."""
        ...
