"""Direct sends (``SendMessages``, ``SendUsersMessages``) and one-time passwords.

Nothing leaves the process: every recipient a send reaches becomes an
:class:`~pinpoint_sdk.testing.OutboxMessage` with a fresh message id, and the reply reports
per recipient exactly as Pinpoint does. A recipient the fake can't deliver to (no channel
type, an unknown endpoint, an endpoint without address or opted out, no message for its
channel) gets a failed result in the reply and nothing in the outbox.
"""

from __future__ import annotations

import secrets
import time

from .._errors import MESSAGES, not_found
from .._ids import new_id, now_iso
from .._outbox import OutboxMessage
from .._state import AppState, Otp
from ._context import Call, JsonDict
from .endpoints import endpoints_of_user

_PUSH = ("DefaultPushNotificationMessage",)
#: Channel type → the ``DirectMessageConfiguration`` members that can carry its message.
_MESSAGE_KEYS: dict[str, tuple[str, ...]] = {
    "EMAIL": ("EmailMessage",),
    "SMS": ("SMSMessage",),
    "VOICE": ("VoiceMessage",),
    "GCM": ("GCMMessage", *_PUSH),
    "APNS": ("APNSMessage", *_PUSH),
    "APNS_SANDBOX": ("APNSMessage", *_PUSH),
    "APNS_VOIP": ("APNSMessage", *_PUSH),
    "APNS_VOIP_SANDBOX": ("APNSMessage", *_PUSH),
    "ADM": ("ADMMessage", *_PUSH),
    "BAIDU": ("BaiduMessage", *_PUSH),
}
#: Template configuration member → the template type it references.
_TEMPLATE_KINDS = {
    "EmailTemplate": "EMAIL",
    "SMSTemplate": "SMS",
    "PushTemplate": "PUSH",
    "VoiceTemplate": "VOICE",
    "InAppTemplate": "INAPP",
}


def _failure(status: str, code: int, message: str, address: str | None = None) -> JsonDict:
    result: JsonDict = {"DeliveryStatus": status, "StatusCode": code, "StatusMessage": message}
    if address is not None:
        result["Address"] = address
    return result


def _check_templates(call: Call, template_config: JsonDict) -> None:
    for key, kind in _TEMPLATE_KINDS.items():
        reference = template_config.get(key)
        if (
            reference
            and reference.get("Name")
            and (reference["Name"], kind) not in call.state.templates
        ):
            raise not_found("template")


class _Sender:
    """Delivers one send request's recipients into the outbox."""

    def __init__(self, call: Call, app: AppState, request: JsonDict) -> None:
        self.call = call
        self.app = app
        self.config: JsonDict = request.get("MessageConfiguration") or {}
        self.template: JsonDict | None = request.get("TemplateConfiguration")
        _check_templates(call, self.template or {})

    def _message_for(self, channel: str) -> JsonDict | None:
        for key in (*_MESSAGE_KEYS.get(channel, ()), "DefaultMessage"):
            if self.config.get(key) is not None:
                return dict(self.config[key])
        return None

    def deliver(
        self,
        channel: str | None,
        address: str | None,
        recipient_config: JsonDict,
        endpoint_id: str | None = None,
        user_id: str | None = None,
    ) -> JsonDict:
        """Records one message and returns its ``MessageResult``-shaped result."""
        if not channel:
            return _failure("PERMANENT_FAILURE", 400, "ChannelType is required", address)
        message = self._message_for(channel)
        if message is None and not self.template:
            return _failure(
                "PERMANENT_FAILURE", 400, f"No message configuration for channel {channel}", address
            )
        message_id = new_id()
        self.call.state.outbox.append(
            OutboxMessage(
                message_id=message_id,
                application_id=self.app.id,
                operation=self.call.operation.name,
                channel=channel,
                address=address,
                endpoint_id=endpoint_id,
                user_id=user_id,
                message=message,
                template=self.template,
                recipient_config=recipient_config or None,
                timestamp=now_iso(),
                request_id=self.call.request_id,
                region=self.call.state.arns.region,
            )
        )
        result: JsonDict = {
            "DeliveryStatus": "SUCCESSFUL",
            "StatusCode": 200,
            "StatusMessage": "Message sent",
            "MessageId": message_id,
        }
        if address is not None:
            result["Address"] = address
        return result

    def deliver_to_endpoint(
        self, endpoint_id: str, recipient_config: JsonDict, user_id: str | None = None
    ) -> JsonDict:
        """Delivers to a stored endpoint, honouring its address and opt-out."""
        endpoint = self.app.endpoints.get(endpoint_id)
        if endpoint is None:
            unknown = MESSAGES["recipient_endpoint"]
            return _failure(unknown.code, unknown.status, unknown.text)
        address = endpoint.get("Address")
        if not address:
            return _failure("PERMANENT_FAILURE", 400, "Endpoint has no address")
        if endpoint.get("OptOut") == "ALL" or endpoint.get("EndpointStatus") == "INACTIVE":
            return _failure("OPT_OUT", 400, "Endpoint is opted out or inactive", address)
        return self.deliver(
            endpoint.get("ChannelType"), address, recipient_config, endpoint_id, user_id
        )


def send_messages(call: Call) -> JsonDict:
    """Sends to addresses and endpoints; each recipient lands in the outbox."""
    app = call.app()
    request = call.body
    sender = _Sender(call, app, request)
    response: JsonDict = {"ApplicationId": app.id, "RequestId": call.request_id}
    addresses: JsonDict = request.get("Addresses") or {}
    if addresses:
        response["Result"] = {
            address: sender.deliver(config.get("ChannelType"), address, config)
            for address, config in addresses.items()
        }
    endpoints: JsonDict = request.get("Endpoints") or {}
    if endpoints:
        response["EndpointResult"] = {
            endpoint_id: sender.deliver_to_endpoint(endpoint_id, config)
            for endpoint_id, config in endpoints.items()
        }
    return response


def send_users_messages(call: Call) -> JsonDict:
    """Sends to every endpoint of each user; a user without endpoints gets an empty result."""
    app = call.app()
    request = call.body
    sender = _Sender(call, app, request)
    result: JsonDict = {}
    for user_id, config in request["Users"].items():
        result[user_id] = {
            endpoint["Id"]: sender.deliver_to_endpoint(endpoint["Id"], config, user_id)
            for endpoint in endpoints_of_user(app, user_id)
        }
    return {"ApplicationId": app.id, "RequestId": call.request_id, "Result": result}


def send_otp_message(call: Call) -> JsonDict:
    """Sends a one-time password; the code is in the outbox (``OutboxMessage.otp``)."""
    app = call.app()
    request = call.body
    length = int(request.get("CodeLength") or 6)
    code = "".join(str(secrets.randbelow(10)) for _ in range(length))
    minutes = int(request.get("ValidityPeriod") or 15)
    destination = request["DestinationIdentity"]
    app.otps[(request["ReferenceId"], destination)] = Otp(
        code=code,
        expires_at=time.monotonic() + minutes * 60,
        attempts_left=int(request.get("AllowedAttempts") or 3),
    )
    message_id = new_id()
    call.state.outbox.append(
        OutboxMessage(
            message_id=message_id,
            application_id=app.id,
            operation=call.operation.name,
            channel=str(request["Channel"]),
            address=destination,
            endpoint_id=None,
            user_id=None,
            message={
                key: request[key]
                for key in (
                    "BrandName",
                    "OriginationIdentity",
                    "Language",
                    "EntityId",
                    "TemplateId",
                )
                if key in request
            },
            template=None,
            recipient_config=None,
            timestamp=now_iso(),
            request_id=call.request_id,
            otp=code,
            region=call.state.arns.region,
        )
    )
    return {
        "ApplicationId": app.id,
        "RequestId": call.request_id,
        "Result": {
            destination: {
                "DeliveryStatus": "SUCCESSFUL",
                "StatusCode": 200,
                "StatusMessage": "Message sent",
                "MessageId": message_id,
            }
        },
    }


def verify_otp_message(call: Call) -> JsonDict:
    """Checks a code against the last one sent for the reference id and destination.

    A right code is valid once; a wrong one uses up an attempt (``AllowedAttempts``, default
    3); an expired one (``ValidityPeriod`` minutes, default 15) is never valid.
    """
    app = call.app()
    request = call.body
    key = (request["ReferenceId"], request["DestinationIdentity"])
    otp = app.otps.get(key)
    if otp is None or time.monotonic() > otp.expires_at:
        app.otps.pop(key, None)
        return {"Valid": False}
    if secrets.compare_digest(otp.code, request["Otp"]):
        del app.otps[key]
        return {"Valid": True}
    otp.attempts_left -= 1
    if otp.attempts_left <= 0:
        del app.otps[key]
    return {"Valid": False}
