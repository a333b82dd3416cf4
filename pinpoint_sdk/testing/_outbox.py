"""The outbox: every message the fake "sent", for tests to read instead of a real inbox."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import ChannelType
    from ..params import ChannelTypeLiteral

from ._ids import DEFAULT_REGION


@dataclass(frozen=True)
class OutboxMessage:
    """One message to one recipient, as recorded by ``SendMessages``, ``SendUsersMessages``
    or ``SendOTPMessage``.

    ``channel`` is the Pinpoint channel type (``EMAIL``, ``SMS``, ``GCM``, ...); ``message`` is
    the channel's message configuration from the request (e.g. the ``EmailMessage`` dict,
    member names as in boto3), or ``None`` when only a template was given; ``template`` is the
    request's ``TemplateConfiguration``; ``recipient_config`` is the per-recipient
    ``AddressConfiguration`` or ``EndpointSendConfiguration`` (substitutions, overrides).
    ``otp`` is the code of an OTP message; ``region`` the region the send was signed for.
    """

    message_id: str
    application_id: str
    operation: str
    channel: str
    address: str | None
    endpoint_id: str | None
    user_id: str | None
    message: dict[str, Any] | None
    template: dict[str, Any] | None
    recipient_config: dict[str, Any] | None
    timestamp: str
    request_id: str
    otp: str | None = None
    region: str = DEFAULT_REGION


class Outbox:
    """A thread-safe, append-only list of :class:`OutboxMessage`, oldest first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[OutboxMessage] = []

    def append(self, message: OutboxMessage) -> None:
        """Records one sent message."""
        with self._lock:
            self._messages.append(message)

    @property
    def messages(self) -> list[OutboxMessage]:
        """A copy of every recorded message, oldest first."""
        with self._lock:
            return list(self._messages)

    def to(self, address: str) -> list[OutboxMessage]:
        """The messages sent to one address (an email address, a phone number, a token...)."""
        return [message for message in self.messages if message.address == address]

    def for_channel(self, channel: ChannelType | ChannelTypeLiteral) -> list[OutboxMessage]:
        """The messages sent over one channel type, e.g. ``"SMS"``."""
        return [message for message in self.messages if message.channel == channel]

    def clear(self, region: str | None = None) -> int:
        """Forgets every message (of one ``region`` only, when given); returns how many."""
        with self._lock:
            kept = [m for m in self._messages if region is not None and m.region != region]
            forgotten = len(self._messages) - len(kept)
            self._messages[:] = kept
            return forgotten

    def __len__(self) -> int:
        with self._lock:
            return len(self._messages)

    def __iter__(self) -> Iterator[OutboxMessage]:
        return iter(self.messages)

    def __getitem__(self, index: int) -> OutboxMessage:
        with self._lock:
            return self._messages[index]
