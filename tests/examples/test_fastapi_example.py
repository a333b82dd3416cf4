"""The FastAPI example, driven over httpx's ASGI transport against the local fake over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi_app.app import Settings, create_app

from pinpoint_sdk import PinpointClient, RetryPolicy
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

APP_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
SEGMENT_IDS = [f"5e65e65e65e65e65e65e65e65e65e60{i}" for i in range(5)]
CAMPAIGN_ID = "c0ffee00c0ffee00c0ffee00c0ffee00"
ORIGINATION = "+14255550100"
PHONE = "+14255550166"

# Every warning is an error here, as under ``python -W error``: the SDK's models as request and
# response bodies, and the app's client, must not warn (pydantic's UnsupportedFieldAttributeWarning
# once escaped FastAPI's own filter because the models defer their schema build).
pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture
async def api(
    pinpoint_fake: FakePinpoint, pinpoint_fake_server: FakePinpointServer
) -> AsyncIterator[httpx.AsyncClient]:
    pinpoint_fake.seed(
        {
            "apps": [
                {
                    "Id": APP_ID,
                    "Name": "shop",
                    "segments": [
                        {"Id": segment_id, "Name": f"segment-{i}"}
                        for i, segment_id in enumerate(SEGMENT_IDS)
                    ],
                    "campaigns": [
                        {
                            "Id": CAMPAIGN_ID,
                            "Name": "spring-sale",
                            "SegmentId": SEGMENT_IDS[0],
                            "Schedule": {"StartTime": "2027-03-01T09:00:00Z", "Frequency": "ONCE"},
                        }
                    ],
                }
            ]
        }
    )

    def client_on_the_fake() -> PinpointClient:
        # The app's own transport (aiohttp), as in production, to the fake on 127.0.0.1.
        return PinpointClient(
            endpoint_url=pinpoint_fake_server.url,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            retry_policy=RetryPolicy(backoff_base=0.001, backoff_cap=0.002),
        )

    settings = Settings(app_id=APP_ID, origination_number=ORIGINATION, brand_name="Shop")
    app = create_app(client_on_the_fake, settings=settings)
    # httpx's ASGI transport sends no lifespan events: run the app's lifespan around the test.
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as http:
            yield http


async def test_an_sms_goes_straight_to_the_number(
    api: httpx.AsyncClient, pinpoint_fake: FakePinpoint
) -> None:
    response = await api.post(
        "/messages", json={"channel": "SMS", "address": PHONE, "body": "Your order shipped."}
    )

    assert response.status_code == 200, response.text
    assert response.json()["delivery_status"] == "SUCCESSFUL"
    [sms] = pinpoint_fake.outbox.to(PHONE)
    assert sms.message_id == response.json()["message_id"]
    assert (sms.channel, sms.message) == (
        "SMS",
        {
            "Body": "Your order shipped.",
            "MessageType": "TRANSACTIONAL",
            "OriginationNumber": ORIGINATION,
        },
    )


async def test_a_push_goes_straight_to_the_device(
    api: httpx.AsyncClient, pinpoint_fake: FakePinpoint
) -> None:
    token = "fcm-token-of-ada-s-phone"

    response = await api.post(
        "/messages",
        json={"channel": "PUSH", "address": token, "title": "Shipped", "body": "On its way."},
    )

    assert response.status_code == 200, response.text
    [push] = pinpoint_fake.outbox.to(token)
    assert (push.channel, push.message) == ("GCM", {"Title": "Shipped", "Body": "On its way."})


async def test_a_one_time_password_is_sent_then_accepted_once(
    api: httpx.AsyncClient, pinpoint_fake: FakePinpoint
) -> None:
    sent = await api.post("/otp", json={"phone": PHONE})
    [message] = pinpoint_fake.outbox.to(PHONE)
    code = message.otp
    assert code is not None and len(code) == 6
    wrong = "".join("1" if digit == "0" else "0" for digit in code)

    verdicts = [
        (await api.post("/otp/verify", json={"phone": PHONE, "code": typed})).json()["valid"]
        for typed in (wrong, code, code)
    ]

    assert sent.status_code == 202 and code not in sent.text
    assert message.message == {"BrandName": "Shop", "OriginationIdentity": ORIGINATION}
    assert verdicts == [False, True, False]  # a wrong code, the code, the code used up


async def test_a_malformed_code_is_refused_before_pinpoint_is_called(
    api: httpx.AsyncClient, pinpoint_fake: FakePinpoint
) -> None:
    response = await api.post("/otp/verify", json={"phone": PHONE, "code": "12ab"})

    assert response.status_code == 422
    assert pinpoint_fake.calls("VerifyOTPMessage") == []


async def test_registering_an_endpoint_stores_it_for_the_user(
    api: httpx.AsyncClient, pinpoint_fake: FakePinpoint
) -> None:
    body = {
        "Address": "ada@example.com",
        "ChannelType": "EMAIL",
        "User": {"UserAttributes": {"plan": ["pro"]}},
    }
    response = await api.put("/users/ada/endpoints/ada-email", json=body)

    assert response.status_code == 200, response.text
    endpoint = response.json()
    assert endpoint["Address"] == "ada@example.com"
    assert endpoint["User"] == {"UserId": "ada", "UserAttributes": {"plan": ["pro"]}}
    stored = pinpoint_fake.invoke(
        "GetEndpoint", {"ApplicationId": APP_ID, "EndpointId": "ada-email"}
    )
    assert stored is not None and stored["User"]["UserId"] == "ada"


async def test_an_invalid_endpoint_is_refused_before_pinpoint_is_called(
    api: httpx.AsyncClient, pinpoint_fake: FakePinpoint
) -> None:
    response = await api.put(
        "/users/ada/endpoints/ada-email", json={"Address": "x", "ChannelType": "EMAILL"}
    )

    assert response.status_code == 422
    assert "ChannelType" in response.text
    assert pinpoint_fake.calls("UpdateEndpoint") == []


async def test_triggering_a_campaign_starts_a_new_version_now(api: httpx.AsyncClient) -> None:
    response = await api.post(f"/campaigns/{CAMPAIGN_ID}/trigger")

    assert response.status_code == 200, response.text
    campaign = response.json()
    assert campaign["Name"] == "spring-sale"
    assert campaign["Schedule"]["StartTime"] == "IMMEDIATE"
    assert campaign["Version"] == 2


async def test_an_unknown_campaign_is_a_404(api: httpx.AsyncClient) -> None:
    response = await api.post("/campaigns/ffffffffffffffffffffffffffffffff/trigger")

    assert response.status_code == 404
    assert response.json()["code"] == "NotFoundException"
    assert response.json()["request_id"]


async def test_segments_are_listed_page_by_page(api: httpx.AsyncClient) -> None:
    names: list[str] = []
    token: str | None = None
    pages = 0
    while True:
        params: dict[str, str | int] = {"page_size": 2}
        if token:
            params["next_token"] = token
        response = await api.get("/segments", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 2
        names += [segment["Name"] for segment in page["items"]]
        pages += 1
        token = page.get("next_token")
        if not token:
            break

    assert sorted(names) == [f"segment-{i}" for i in range(5)]
    assert pages == 3


async def test_persistent_throttling_is_a_503_with_retry_after(
    api: httpx.AsyncClient, pinpoint_fake: FakePinpoint
) -> None:
    pinpoint_fake.faults.throttle(None, operation="GetSegments")

    response = await api.get("/segments")

    assert response.status_code == 503
    assert float(response.headers["Retry-After"]) > 0
    assert response.json()["code"] == "TooManyRequestsException"
    # The route allows one retry, so Pinpoint saw two attempts before the 503.
    assert len(pinpoint_fake.calls("GetSegments")) == 2


async def test_the_openapi_schema_shows_the_sdk_models(api: httpx.AsyncClient) -> None:
    schema = (await api.get("/openapi.json")).json()
    components = schema["components"]["schemas"]

    for model in ("EndpointRequest", "EndpointResponse", "CampaignResponse", "SegmentResponse"):
        assert model in components
    # Pinpoint's own field names and documentation, straight from the SDK's models.
    assert {"Address", "ChannelType", "User"} <= set(components["EndpointRequest"]["properties"])
    register = schema["paths"]["/users/{user_id}/endpoints/{endpoint_id}"]["put"]
    assert register["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/EndpointRequest"
    }
