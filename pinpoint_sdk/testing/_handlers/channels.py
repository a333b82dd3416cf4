"""The ten channel kinds: get, update (create on first use) and delete, plus GetChannels.

Credentials sent in an update (certificates, private keys, secrets) are stored but never
returned: each response shape lists only what the service echoes (``HasCredential``,
``HasTokenKey``, and for Baidu and GCM the API key as ``Credential``).
"""

from __future__ import annotations

import copy

from .._errors import not_found
from .._ids import now_iso
from ._context import Call, JsonDict

#: Operation name part → the platform Pinpoint reports for the channel.
CHANNELS = {
    "Adm": "ADM",
    "Apns": "APNS",
    "ApnsSandbox": "APNS_SANDBOX",
    "ApnsVoip": "APNS_VOIP",
    "ApnsVoipSandbox": "APNS_VOIP_SANDBOX",
    "Baidu": "BAIDU",
    "Email": "EMAIL",
    "Gcm": "GCM",
    "Sms": "SMS",
    "Voice": "VOICE",
}
_CREDENTIALS = (
    "Certificate",
    "PrivateKey",
    "TokenKey",
    "ApiKey",
    "SecretKey",
    "ClientSecret",
    "ServiceJson",
)


def _platform(call: Call) -> str:
    name = call.operation.name
    for verb in ("Get", "Update", "Delete"):
        if name.startswith(verb) and name.endswith("Channel"):
            return CHANNELS[name[len(verb) : -len("Channel")]]
    raise AssertionError(name)


def _stored(call: Call) -> JsonDict:
    app = call.app()
    platform = _platform(call)
    channel = app.channels.get(platform)
    if channel is None:
        raise not_found("channel")
    return channel


def get_channel(call: Call) -> JsonDict:
    """Returns a configured channel; 404 when the channel was never set up."""
    return _stored(call)


def update_channel(call: Call) -> JsonDict:
    """Creates or updates a channel; each update increments ``Version``."""
    app = call.app()
    platform = _platform(call)
    now = now_iso()
    existing = app.channels.get(platform)
    record: JsonDict = (
        copy.deepcopy(existing)
        if existing is not None
        else {
            "ApplicationId": app.id,
            "CreationDate": now,
            "Enabled": True,
            "Id": platform.lower(),
            "IsArchived": False,
            "Platform": platform,
            "Version": 0,
        }
    )
    record.update(call.body)
    record["LastModifiedDate"] = now
    record["LastModifiedBy"] = "FakePinpoint"
    record["Version"] = int(record["Version"]) + 1
    record["HasCredential"] = any(record.get(key) for key in _CREDENTIALS)
    if platform.startswith("APNS"):
        record["HasTokenKey"] = bool(record.get("TokenKey"))
    if platform in ("BAIDU", "GCM") and record.get("ApiKey"):
        record["Credential"] = record["ApiKey"]
    if platform == "GCM":
        record["HasFcmServiceCredentials"] = bool(record.get("ServiceJson"))
    if platform == "BAIDU":
        record.setdefault("Credential", "")
    app.channels[platform] = record
    return record


def delete_channel(call: Call) -> JsonDict:
    """Deletes a channel and returns its last settings."""
    channel = _stored(call)
    del call.app().channels[channel["Platform"]]
    return channel


def get_channels(call: Call) -> JsonDict:
    """Every configured channel, keyed by platform."""
    return {"Channels": dict(call.app().channels)}
