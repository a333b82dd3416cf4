"""A stateful local Amazon Pinpoint for tests, demos and your own test suite.

``FakePinpoint`` keeps apps, campaigns, segments, journeys, templates, endpoints, channels
and more in memory and speaks the real REST-JSON wire protocol, so aiobotocore, boto3 and
this SDK run against it unchanged. Run it in process (no sockets) or over HTTP::

    import aiobotocore.httpxsession, aiobotocore.session
    from aiobotocore.config import AioConfig
    from pinpoint_sdk.testing import FakePinpoint

    fake = FakePinpoint()
    config = AioConfig(http_session_cls=aiobotocore.httpxsession.HttpxSession)
    with fake.mock():  # every request to https://pinpoint.<region>.amazonaws.com
        async with aiobotocore.session.get_session().create_client(
            "pinpoint", region_name="us-east-1", config=config,
            aws_access_key_id="testing", aws_secret_access_key="testing",
        ) as client:
            await client.create_app(CreateApplicationRequest={"Name": "shop"})
    assert fake.calls("CreateApp")

Over HTTP: ``async with FakePinpointServer(fake) as server:`` then ``endpoint_url=server.url``,
or ``python -m pinpoint_sdk.testing --port 8080 --region eu-west-1`` as a service, with a
JSON control API under ``/_fake/`` for other processes. Each region the requests are signed
for has its own state. Faults: ``fake.faults.throttle(2)``. Sent messages: ``fake.outbox``.
PhoneNumberValidate's answers: ``fake.phone_numbers``. With pytest, the ``pinpoint_fake``
fixture does the above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._errors import ServiceError as ServiceError
    from ._fake import DEFAULT_ACCOUNT_ID as DEFAULT_ACCOUNT_ID
    from ._fake import DEFAULT_ENDPOINT_URL as DEFAULT_ENDPOINT_URL
    from ._fake import DEFAULT_REGION as DEFAULT_REGION
    from ._fake import FakePinpoint as FakePinpoint
    from ._fake import RecordedRequest as RecordedRequest
    from ._faults import FaultInjector as FaultInjector
    from ._faults import FaultKind as FaultKind
    from ._faults import InjectedFault as InjectedFault
    from ._outbox import Outbox as Outbox
    from ._outbox import OutboxMessage as OutboxMessage
    from ._paging import DEFAULT_PAGE_SIZE as DEFAULT_PAGE_SIZE
    from ._phone_numbers import PhoneNumberBook as PhoneNumberBook
    from ._phone_numbers import PhoneNumberFields as PhoneNumberFields
    from ._phone_numbers import PhoneType as PhoneType
    from ._server import FakePinpointServer as FakePinpointServer
    from ._wire import Outcome as Outcome
    from ._wire import WireRequest as WireRequest
    from ._wire import WireResponse as WireResponse

# Loaded on first use: importing the package (as pytest does for the plugin) stays cheap.
_SOURCES: dict[str, str] = {
    "DEFAULT_ACCOUNT_ID": "._fake",
    "DEFAULT_ENDPOINT_URL": "._fake",
    "DEFAULT_PAGE_SIZE": "._paging",
    "DEFAULT_REGION": "._fake",
    "FakePinpoint": "._fake",
    "FakePinpointServer": "._server",
    "FaultInjector": "._faults",
    "FaultKind": "._faults",
    "InjectedFault": "._faults",
    "Outbox": "._outbox",
    "OutboxMessage": "._outbox",
    "Outcome": "._wire",
    "PhoneNumberBook": "._phone_numbers",
    "PhoneNumberFields": "._phone_numbers",
    "PhoneType": "._phone_numbers",
    "RecordedRequest": "._fake",
    "ServiceError": "._errors",
    "WireRequest": "._wire",
    "WireResponse": "._wire",
}

__all__ = [
    "DEFAULT_ACCOUNT_ID",
    "DEFAULT_ENDPOINT_URL",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_REGION",
    "FakePinpoint",
    "FakePinpointServer",
    "FaultInjector",
    "FaultKind",
    "InjectedFault",
    "Outbox",
    "OutboxMessage",
    "Outcome",
    "PhoneNumberBook",
    "PhoneNumberFields",
    "PhoneType",
    "RecordedRequest",
    "ServiceError",
    "WireRequest",
    "WireResponse",
]


__getattr__, __dir__ = lazy_exports(__name__, _SOURCES)
