"""A stateful local Amazon Pinpoint for tests, demos and your own test suite.

``FakePinpoint`` keeps apps, campaigns, segments, journeys, templates, endpoints, channels
and more in memory and speaks the real REST-JSON wire protocol, so aiobotocore, boto3 and
this SDK run against it unchanged. Run it in process (no sockets) or over HTTP::

    import aiobotocore.httpxsession, aiobotocore.session
    from aiobotocore.config import AioConfig
    from pinpoint_sdk.testing import FakePinpoint

    fake = FakePinpoint()
    config = AioConfig(http_session_cls=aiobotocore.httpxsession.HttpxSession)
    with fake.mock():  # every request to https://pinpoint.us-east-1.amazonaws.com
        async with aiobotocore.session.get_session().create_client(
            "pinpoint", region_name="us-east-1", config=config,
            aws_access_key_id="testing", aws_secret_access_key="testing",
        ) as client:
            await client.create_app(CreateApplicationRequest={"Name": "shop"})
    assert fake.calls("CreateApp")

Over HTTP: ``async with FakePinpointServer(fake) as server:`` then ``endpoint_url=server.url``,
or ``python -m pinpoint_sdk.testing --port 8080``. Faults: ``fake.faults.throttle(2)``.
Sent messages: ``fake.outbox``. With pytest, the ``pinpoint_fake`` fixture does the above.
"""

from __future__ import annotations

from ._errors import ServiceError
from ._fake import (
    DEFAULT_ACCOUNT_ID,
    DEFAULT_ENDPOINT_URL,
    DEFAULT_REGION,
    FakePinpoint,
    RecordedRequest,
)
from ._faults import FaultInjector, FaultKind, InjectedFault
from ._outbox import Outbox, OutboxMessage
from ._paging import DEFAULT_PAGE_SIZE
from ._server import FakePinpointServer
from ._wire import Outcome, WireRequest, WireResponse

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
    "RecordedRequest",
    "ServiceError",
    "WireRequest",
    "WireResponse",
]
