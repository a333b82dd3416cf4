"""Recipients of ``send_many``: addresses, endpoints or users, and what the service said of each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from .._exceptions import PinpointValidationError
from ..models import (
    AddressConfiguration,
    ChannelType,
    DeliveryStatus,
    EndpointMessageResult,
    EndpointSendConfiguration,
    MessageResult,
)
from ._engine import SUCCEEDED, Verdict
from ._inputs import as_model
from ._results import ItemStatus

if TYPE_CHECKING:
    from ..params import (
        AddressConfigurationParam,
        AddressConfigurationWireParam,
        ChannelTypeLiteral,
        EndpointSendConfigurationParam,
        EndpointSendConfigurationWireParam,
    )

__all__ = [
    "AddressInput",
    "Recipient",
    "RecipientInput",
    "RecipientKind",
    "address_recipient",
    "endpoint_recipient",
    "user_recipient",
    "verdict_of_delivery",
    "verdict_of_user",
]

RecipientKind = Literal["address", "endpoint", "user"]
#: An address alone (with ``channel_type=`` given to ``send_many``), or with its configuration
#: (the model, or a dict of it).
AddressInput: TypeAlias = "str | tuple[str, AddressConfigurationInput]"
AddressConfigurationInput: TypeAlias = (
    "AddressConfiguration | AddressConfigurationParam | AddressConfigurationWireParam"
)
#: An endpoint id or user id alone, or with its configuration (the model, or a dict of it).
RecipientInput: TypeAlias = "str | tuple[str, EndpointSendConfigurationInput]"
EndpointSendConfigurationInput: TypeAlias = "EndpointSendConfiguration | EndpointSendConfigurationParam | EndpointSendConfigurationWireParam"


@dataclass(frozen=True)
class Recipient:
    """One recipient of a bulk send: an address, an endpoint id or a user id, and its
    per-recipient configuration (substitutions, overrides; the channel of an address)."""

    kind: RecipientKind
    id: str
    config: AddressConfiguration | EndpointSendConfiguration | None = None


def address_recipient(
    item: AddressInput, channel_type: ChannelType | ChannelTypeLiteral | None
) -> Recipient:
    """An address to send to; ``channel_type`` fills a configuration that does not name one."""
    address, given = (item, None) if isinstance(item, str) else item
    config = None if given is None else as_model(AddressConfiguration, given, "send_many")
    if config is None:
        if channel_type is None:
            raise PinpointValidationError(
                f"send_many: address {address!r} has no ChannelType; pass channel_type= or "
                "(address, AddressConfiguration(channel_type=...)) pairs"
            )
        config = AddressConfiguration(channel_type=ChannelType(channel_type))
    elif config.channel_type is None:
        if channel_type is None:
            raise PinpointValidationError(f"send_many: address {address!r} has no ChannelType")
        config = config.model_copy(update={"channel_type": ChannelType(channel_type)})
    return Recipient("address", address, config)


def endpoint_recipient(item: RecipientInput) -> Recipient:
    """An endpoint id to send to."""
    return Recipient("endpoint", *_with_config(item))


def user_recipient(item: RecipientInput) -> Recipient:
    """A user id to send to (every endpoint of the user)."""
    return Recipient("user", *_with_config(item))


def _with_config(item: RecipientInput) -> tuple[str, EndpointSendConfiguration | None]:
    if isinstance(item, str):
        return item, None
    recipient, config = item
    return recipient, as_model(EndpointSendConfiguration, config, "send_many")


def _status_text(result: MessageResult | EndpointMessageResult) -> str:
    status = result.delivery_status
    text = f"{status} {result.status_code}"
    return f"{text}: {result.status_message}" if result.status_message else text


def verdict_of_delivery(result: MessageResult | EndpointMessageResult | None) -> Verdict:
    """One address's or endpoint's result in a successful send."""
    if result is None:
        return Verdict("unknown", "the service's answer has no result for this recipient")
    if result.delivery_status == DeliveryStatus.SUCCESSFUL:
        return SUCCEEDED
    if result.delivery_status == DeliveryStatus.UNKNOWN_FAILURE:
        # The service itself does not know whether the message went out.
        return Verdict("unknown", _status_text(result))
    return Verdict("failed", _status_text(result))


def verdict_of_user(results: Mapping[str, EndpointMessageResult] | None) -> Verdict:
    """One user's results (one per endpoint of the user) in a successful send."""
    if results is None:
        return Verdict("unknown", "the service's answer has no result for this user")
    if not results:
        return Verdict("failed", "the user has no endpoints")
    verdicts = {endpoint: verdict_of_delivery(result) for endpoint, result in results.items()}
    if all(verdict.status == "succeeded" for verdict in verdicts.values()):
        return SUCCEEDED
    # A user some of whose endpoints got the message must not be sent it again: "unknown"
    # is the state that is never retried.
    delivered = any(v.status == "succeeded" for v in verdicts.values())
    uncertain = any(v.status == "unknown" for v in verdicts.values())
    status: ItemStatus = "unknown" if delivered or uncertain else "failed"
    details = ("partly delivered; " if delivered else "") + "; ".join(
        f"endpoint {endpoint}: {verdict.message}"
        for endpoint, verdict in verdicts.items()
        if verdict.status != "succeeded"
    )
    return Verdict(status, details)
