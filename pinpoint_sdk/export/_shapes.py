"""From what the service returns to what it takes: response models projected onto requests.

An export stores request bodies (``WriteSegmentRequest``, ``EmailTemplateRequest``...) so that
``create``/``update`` and the builders load them back unchanged. A response carries more
(ids, dates, ARNs, state) and sometimes shapes of its own (``TreatmentResource`` where the
request has ``WriteTreatmentResource``): :func:`to_request` keeps, recursively, exactly the
members the request model has, drops every secret member, and checks that the request model
accepts the result.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from .._models import PinpointModel, RequestModel
from ..models import (
    ADMChannelRequest,
    APNSChannelRequest,
    APNSSandboxChannelRequest,
    APNSVoipChannelRequest,
    APNSVoipSandboxChannelRequest,
    BaiduChannelRequest,
    EmailChannelRequest,
    EmailTemplateRequest,
    GCMChannelRequest,
    InAppTemplateRequest,
    PushNotificationTemplateRequest,
    SMSChannelRequest,
    SMSTemplateRequest,
    VoiceChannelRequest,
    VoiceTemplateRequest,
)

__all__ = [
    "CHANNEL_KINDS",
    "TEMPLATE_KINDS",
    "ChannelKind",
    "TemplateKind",
    "project",
    "to_request",
    "wire_dict",
]


@dataclass(frozen=True)
class TemplateKind:
    """One kind of message template: its ``TemplateType``, file folder, resource and request."""

    template_type: str
    folder: str
    resource: str
    request: type[RequestModel]


@dataclass(frozen=True)
class ChannelKind:
    """One channel: its platform (the key of ``GetChannels``), resource and request model."""

    platform: str
    resource: str
    request: type[RequestModel]


TEMPLATE_KINDS: tuple[TemplateKind, ...] = (
    TemplateKind("EMAIL", "email", "email", EmailTemplateRequest),
    TemplateKind("SMS", "sms", "sms", SMSTemplateRequest),
    TemplateKind("PUSH", "push", "push", PushNotificationTemplateRequest),
    TemplateKind("VOICE", "voice", "voice", VoiceTemplateRequest),
    TemplateKind("INAPP", "inapp", "in_app", InAppTemplateRequest),
)

CHANNEL_KINDS: tuple[ChannelKind, ...] = (
    ChannelKind("ADM", "adm", ADMChannelRequest),
    ChannelKind("APNS", "apns", APNSChannelRequest),
    ChannelKind("APNS_SANDBOX", "apns_sandbox", APNSSandboxChannelRequest),
    ChannelKind("APNS_VOIP", "apns_voip", APNSVoipChannelRequest),
    ChannelKind("APNS_VOIP_SANDBOX", "apns_voip_sandbox", APNSVoipSandboxChannelRequest),
    ChannelKind("BAIDU", "baidu", BaiduChannelRequest),
    ChannelKind("EMAIL", "email", EmailChannelRequest),
    ChannelKind("GCM", "gcm", GCMChannelRequest),
    ChannelKind("SMS", "sms", SMSChannelRequest),
    ChannelKind("VOICE", "voice", VoiceChannelRequest),
)


def to_request(
    response: PinpointModel | Mapping[str, Any], request: type[RequestModel]
) -> dict[str, Any]:
    """The members of ``response`` that ``request`` has, as a JSON-ready dict of member names.

    Secret members (keys, certificates, credentials) are never kept. Raises
    ``pydantic.ValidationError`` when the result is not a valid ``request``.
    """
    data = wire_dict(response) if isinstance(response, PinpointModel) else dict(response)
    projected = project(data, request)
    request.model_validate(projected)
    return projected


def project(data: Mapping[str, Any], model: type[PinpointModel]) -> dict[str, Any]:
    """The members of the wire dict ``data`` that ``model`` has, recursively, minus secrets
    and empty objects."""
    result: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        alias = info.serialization_alias or name
        # The generated models hide secret members from repr(): the same mark keeps them out.
        if not info.repr or alias not in data or data[alias] is None:
            continue
        value = _project_value(data[alias], info.annotation)
        # An empty object (``"tags": {}``, ``"Limits": {}``) sets nothing: leave it out.
        if value != {}:
            result[alias] = value
    return result


def _project_value(value: Any, annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _project_value(value, options[0]) if len(options) == 1 else value
    if origin is list and isinstance(value, list):
        (item,) = get_args(annotation)
        return [_project_value(v, item) for v in value]
    if origin is dict and isinstance(value, dict):
        _, item = get_args(annotation)
        return {k: _project_value(v, item) for k, v in value.items()}
    if isinstance(annotation, type) and issubclass(annotation, PinpointModel):
        return project(value, annotation) if isinstance(value, Mapping) else value
    return value


def wire_dict(model: PinpointModel) -> dict[str, Any]:
    """A response model as JSON-ready member names (what the service sent, minus nulls)."""
    return model.model_dump(by_alias=True, exclude_none=True, mode="json")
