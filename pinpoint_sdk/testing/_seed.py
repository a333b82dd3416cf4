"""Loads a seed dict (format in :meth:`FakePinpoint.seed`) by calling the operations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

JsonDict = dict[str, Any]
Invoke = Callable[[str, JsonDict, "str | None"], "JsonDict | None"]

_CHANNEL_OPERATIONS = {
    "adm": ("UpdateAdmChannel", "ADMChannelRequest"),
    "apns": ("UpdateApnsChannel", "APNSChannelRequest"),
    "apns_sandbox": ("UpdateApnsSandboxChannel", "APNSSandboxChannelRequest"),
    "apns_voip": ("UpdateApnsVoipChannel", "APNSVoipChannelRequest"),
    "apns_voip_sandbox": ("UpdateApnsVoipSandboxChannel", "APNSVoipSandboxChannelRequest"),
    "baidu": ("UpdateBaiduChannel", "BaiduChannelRequest"),
    "email": ("UpdateEmailChannel", "EmailChannelRequest"),
    "gcm": ("UpdateGcmChannel", "GCMChannelRequest"),
    "sms": ("UpdateSmsChannel", "SMSChannelRequest"),
    "voice": ("UpdateVoiceChannel", "VoiceChannelRequest"),
}
_TEMPLATE_OPERATIONS = {
    "EMAIL": ("CreateEmailTemplate", "EmailTemplateRequest"),
    "SMS": ("CreateSmsTemplate", "SMSTemplateRequest"),
    "PUSH": ("CreatePushTemplate", "PushNotificationTemplateRequest"),
    "VOICE": ("CreateVoiceTemplate", "VoiceTemplateRequest"),
    "INAPP": ("CreateInAppTemplate", "InAppTemplateRequest"),
}
_STATES_AFTER_PUBLISHING = ("PAUSED", "CANCELLED")
_APP_KEYS = {
    "Id",
    "Name",
    "tags",
    "settings",
    "segments",
    "campaigns",
    "journeys",
    "endpoints",
    "channels",
    "event_stream",
}


def _check_keys(where: str, data: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Unknown seed keys in {where}: {', '.join(sorted(unknown))}")


def _split_id(item: Mapping[str, Any]) -> tuple[str | None, JsonDict]:
    body = dict(item)
    return body.pop("Id", None), body


def _seed_app(invoke: Invoke, app: Mapping[str, Any]) -> str:
    _check_keys("an app", app, _APP_KEYS)
    created = invoke(
        "CreateApp",
        {
            "CreateApplicationRequest": {
                "Name": app.get("Name", "seeded"),
                "tags": app.get("tags", {}),
            }
        },
        app.get("Id"),
    )
    assert created is not None
    app_id = created["Id"]
    if "settings" in app:
        invoke(
            "UpdateApplicationSettings",
            {"ApplicationId": app_id, "WriteApplicationSettingsRequest": dict(app["settings"])},
            None,
        )
    for segment in app.get("segments", []):
        preset, body = _split_id(segment)
        invoke("CreateSegment", {"ApplicationId": app_id, "WriteSegmentRequest": body}, preset)
    for campaign in app.get("campaigns", []):
        preset, body = _split_id(campaign)
        invoke("CreateCampaign", {"ApplicationId": app_id, "WriteCampaignRequest": body}, preset)
    for journey in app.get("journeys", []):
        preset, body = _split_id(journey)
        # A journey is paused or cancelled after it was published, as through the API.
        final = body.get("State")
        if final in _STATES_AFTER_PUBLISHING:
            body["State"] = "ACTIVE"
        created = invoke(
            "CreateJourney", {"ApplicationId": app_id, "WriteJourneyRequest": body}, preset
        )
        if final in _STATES_AFTER_PUBLISHING:
            assert created is not None
            invoke(
                "UpdateJourneyState",
                {
                    "ApplicationId": app_id,
                    "JourneyId": created["Id"],
                    "JourneyStateRequest": {"State": final},
                },
                None,
            )
    for endpoint in app.get("endpoints", []):
        endpoint_id, body = _split_id(endpoint)
        if endpoint_id is None:
            raise ValueError("A seeded endpoint needs an 'Id'")
        invoke(
            "UpdateEndpoint",
            {"ApplicationId": app_id, "EndpointId": endpoint_id, "EndpointRequest": body},
            None,
        )
    for kind, settings in app.get("channels", {}).items():
        if kind not in _CHANNEL_OPERATIONS:
            raise ValueError(f"Unknown channel {kind!r}; one of {', '.join(_CHANNEL_OPERATIONS)}")
        operation, member = _CHANNEL_OPERATIONS[kind]
        invoke(operation, {"ApplicationId": app_id, member: dict(settings)}, None)
    if "event_stream" in app:
        invoke(
            "PutEventStream",
            {"ApplicationId": app_id, "WriteEventStream": dict(app["event_stream"])},
            None,
        )
    return str(app_id)


def apply_seed(invoke: Invoke, data: Mapping[str, Any]) -> list[str]:
    """Creates everything ``data`` describes, in dependency order (segments before campaigns);
    returns the ids of the applications, in order."""
    _check_keys("the seed", data, {"apps", "templates", "recommenders"})
    for template in data.get("templates", []):
        body = dict(template)
        name = body.pop("TemplateName")
        kind = str(body.pop("TemplateType", "EMAIL")).upper()
        if kind not in _TEMPLATE_OPERATIONS:
            raise ValueError(
                f"Unknown TemplateType {kind!r}; one of {', '.join(_TEMPLATE_OPERATIONS)}"
            )
        operation, member = _TEMPLATE_OPERATIONS[kind]
        invoke(operation, {"TemplateName": name, member: body}, None)
    for recommender in data.get("recommenders", []):
        preset, body = _split_id(recommender)
        invoke("CreateRecommenderConfiguration", {"CreateRecommenderConfiguration": body}, preset)
    return [_seed_app(invoke, app) for app in data.get("apps", [])]
