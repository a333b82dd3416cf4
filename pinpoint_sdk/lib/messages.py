"""``client.messages``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import PinpointValidationError
from ..bulk._chunks import Items, chunk_entries
from ..bulk._engine import (
    BulkOperation,
    ChunkReply,
    check_options,
    length_of,
    one_attempt_per_send,
)
from ..bulk._inputs import as_model
from ..bulk._limits import BATCH_LIMITS
from ..bulk._recipients import (
    AddressInput,
    Recipient,
    RecipientInput,
    address_recipient,
    endpoint_recipient,
    user_recipient,
    verdict_of_delivery,
    verdict_of_user,
)
from ..bulk._results import ItemOutcome
from ..models import (
    AddressConfiguration,
    ChannelType,
    DirectMessageConfiguration,
    EndpointSendConfiguration,
    MessageRequest,
    SendUsersMessageRequest,
    TemplateConfiguration,
)
from ..progress import ProgressCallback
from ..resources import messages as generated

if TYPE_CHECKING:
    from ..params import (
        ChannelTypeLiteral,
        DirectMessageConfigurationParam,
        DirectMessageConfigurationWireParam,
        TemplateConfigurationParam,
        TemplateConfigurationWireParam,
    )

__all__ = ["Messages"]


async def _recipients(
    items: Items[Any], convert: Callable[[Any], Recipient]
) -> AsyncIterator[Recipient]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield convert(item)
    else:
        for item in items:
            yield convert(item)


def _endpoint_config(recipient: Recipient) -> EndpointSendConfiguration:
    config = recipient.config
    return config if isinstance(config, EndpointSendConfiguration) else EndpointSendConfiguration()


def _address_config(recipient: Recipient) -> AddressConfiguration:
    assert isinstance(recipient.config, AddressConfiguration)
    return recipient.config


class Messages(generated.Messages):
    """Messages, plus sending to many recipients safely."""

    def send_many(
        self,
        application_id: str,
        *,
        addresses: Items[AddressInput] | None = None,
        endpoints: Items[RecipientInput] | None = None,
        users: Items[RecipientInput] | None = None,
        message_configuration: DirectMessageConfiguration
        | DirectMessageConfigurationParam
        | DirectMessageConfigurationWireParam,
        channel_type: ChannelType | ChannelTypeLiteral | None = None,
        template_configuration: TemplateConfiguration
        | TemplateConfigurationParam
        | TemplateConfigurationWireParam
        | None = None,
        context: Mapping[str, str] | None = None,
        trace_id: str | None = None,
        concurrency: int = 4,
        chunk_size: int = 100,
        progress: ProgressCallback | None = None,
        on_item: Callable[[ItemOutcome[Recipient]], Any] | None = None,
        keep_failures: bool = True,
    ) -> BulkOperation[Recipient]:
        """Sends one message to any number of addresses, endpoints or users, 100 per request.

        Give exactly one of ``addresses`` (``SendMessages`` ``Addresses``; plain strings with
        ``channel_type=``, or ``(address, AddressConfiguration)`` pairs), ``endpoints``
        (``SendMessages`` ``Endpoints``) or ``users`` (``SendUsersMessages``; every endpoint
        of each user), each an iterable or async iterable read lazily; ids alone or
        ``(id, EndpointSendConfiguration)`` pairs. The message fields are those of
        ``MessageRequest``.

        Nobody gets a message twice: a request is sent again only when the service answered
        429 or the connection never opened, i.e. when it certainly did nothing. When a request
        fails after it may have reached the service (5xx, dropped connection, timeout), its
        recipients are reported ``unknown`` (``result.with_status("unknown")``) and not
        retried; ``result.items_to_retry()`` never includes them. Each recipient's delivery
        status decides ``succeeded`` or ``failed``; ``UNKNOWN_FAILURE``, and a user reached on
        only some endpoints, count as ``unknown``.
        """
        given = {
            name: value
            for name, value in (
                ("addresses", addresses),
                ("endpoints", endpoints),
                ("users", users),
            )
            if value is not None
        }
        if len(given) != 1:
            raise PinpointValidationError(
                "send_many: give exactly one of addresses=, endpoints= or users="
            )
        ((kind, items),) = given.items()
        operation = "SendUsersMessages" if kind == "users" else "SendMessages"
        check_options(operation, concurrency, chunk_size, BATCH_LIMITS[operation])
        convert: Callable[[Any], Recipient]
        if kind == "addresses":
            convert = lambda item: address_recipient(item, channel_type)  # noqa: E731
        else:
            convert = endpoint_recipient if kind == "endpoints" else user_recipient
        # Validated before anything is read or sent, so every request gets models.
        common: dict[str, Any] = {
            "message_configuration": as_model(
                DirectMessageConfiguration, message_configuration, operation
            ),
            "template_configuration": None
            if template_configuration is None
            else as_model(TemplateConfiguration, template_configuration, operation),
            "context": None if context is None else dict(context),
            "trace_id": trace_id,
        }
        common = {name: value for name, value in common.items() if value is not None}
        client, retrier = one_attempt_per_send(self._client)
        once = type(self)(client)

        async def send_to_addresses(chunk: list[Recipient]) -> ChunkReply:
            request = MessageRequest(addresses={r.id: _address_config(r) for r in chunk}, **common)
            answer = await once.send(application_id, request)
            results = answer.result or {}
            return ChunkReply([verdict_of_delivery(results.get(r.id)) for r in chunk])

        async def send_to_endpoints(chunk: list[Recipient]) -> ChunkReply:
            request = MessageRequest(endpoints={r.id: _endpoint_config(r) for r in chunk}, **common)
            answer = await once.send(application_id, request)
            results = answer.endpoint_result or {}
            return ChunkReply([verdict_of_delivery(results.get(r.id)) for r in chunk])

        async def send_to_users(chunk: list[Recipient]) -> ChunkReply:
            request = SendUsersMessageRequest(
                users={r.id: _endpoint_config(r) for r in chunk}, **common
            )
            answer = await once.send_to_users(application_id, request)
            results = answer.result or {}
            return ChunkReply([verdict_of_user(results.get(r.id)) for r in chunk])

        senders = {
            "addresses": send_to_addresses,
            "endpoints": send_to_endpoints,
            "users": send_to_users,
        }
        return BulkOperation(
            operation,
            chunk_entries(_recipients(items, convert), chunk_size, key=lambda r: r.id),
            senders[kind],
            retrier=retrier,
            idempotent=False,
            concurrency=concurrency,
            total=length_of(items),
            progress=progress,
            on_item=on_item,
            keep_failures=keep_failures,
            description=f"messages to {kind}",
        )
