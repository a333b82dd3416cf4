"""A FastAPI service on pinpoint-sdk: one client for the app's life, typed errors as HTTP.

- The live path first, what still runs on AWS (AWS End User Messaging): an SMS or a push sent
  straight to an address (``POST /messages``), a one-time password sent (``POST /otp``) and
  checked (``POST /otp/verify``). Then what users keep from Pinpoint's engagement features
  (past end of support since 2026-10-30): endpoints, campaigns and segments.
- One ``PinpointClient`` is opened in the lifespan and closed at shutdown; routes receive it
  through ``Depends(pinpoint)``. Opening a client per request would open a connection pool
  per request.
- The SDK's pydantic models are the request and response schemas (``EndpointRequest``,
  ``EndpointResponse``, ``CampaignResponse``, ``SegmentResponse``), so ``/docs`` shows
  Pinpoint's own field names and documentation.
- Errors keep their meaning: a missing resource is a 404, Pinpoint throttling (still there
  after the SDK's retries) is a 503 with ``Retry-After``, anything else from Pinpoint a 502.

Run it (uvicorn is not a dependency of the SDK: ``pip install uvicorn``)::

    PINPOINT_APP_ID=... PINPOINT_ORIGINATION_NUMBER=+1... \
        uvicorn fastapi_app.app:create_app --factory --app-dir examples

``create_app(client_factory=..., app_id=...)`` builds the app around any client, which is
how the tests run it against the local fake.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from pinpoint_sdk import (
    APIConnectionError,
    APIStatusError,
    BadRequestException,
    NotFoundException,
    PinpointClient,
    PinpointValidationError,
    TooManyRequestsException,
)
from pinpoint_sdk.models import (
    AddressConfiguration,
    CampaignResponse,
    ChannelType,
    DirectMessageConfiguration,
    EndpointRequest,
    EndpointResponse,
    EndpointUser,
    GCMMessage,
    MessageType,
    Schedule,
    SegmentResponse,
    SMSMessage,
    WriteCampaignRequest,
)

__all__ = [
    "Message",
    "MessageSent",
    "OtpCheck",
    "OtpRequest",
    "SegmentPage",
    "Settings",
    "create_app",
]

#: Seconds a client should wait after Pinpoint throttled us, when Pinpoint did not say.
DEFAULT_RETRY_AFTER = "1"


@dataclass(frozen=True)
class Settings:
    """Where the service's Pinpoint project is; read from the environment by default."""

    app_id: str
    region_name: str | None = None
    endpoint_url: str | None = None
    #: The number SMS and one-time passwords are sent from (one of the account's numbers).
    origination_number: str | None = None
    #: The name one-time password messages are signed with.
    brand_name: str = "Example Shop"

    @classmethod
    def from_env(cls) -> Settings:
        """``PINPOINT_APP_ID`` (required), ``AWS_REGION``, ``PINPOINT_ENDPOINT_URL``,
        ``PINPOINT_ORIGINATION_NUMBER`` and ``PINPOINT_BRAND_NAME``."""
        return cls(
            app_id=os.environ["PINPOINT_APP_ID"],
            region_name=os.environ.get("AWS_REGION"),
            endpoint_url=os.environ.get("PINPOINT_ENDPOINT_URL"),
            origination_number=os.environ.get("PINPOINT_ORIGINATION_NUMBER"),
            brand_name=os.environ.get("PINPOINT_BRAND_NAME", "Example Shop"),
        )


class Message(BaseModel):
    """A message to one address: an SMS to a phone number, or a push to a device token."""

    channel: Literal["SMS", "PUSH"]
    address: str = Field(description="E.164 phone number (SMS) or FCM device token (PUSH).")
    title: str | None = Field(default=None, description="The push notification's title.")
    body: str = Field(min_length=1, max_length=1600)


class MessageSent(BaseModel):
    """What Pinpoint did with the message."""

    delivery_status: str | None
    message_id: str | None


class OtpRequest(BaseModel):
    """Send a one-time password by SMS to ``phone``, for ``purpose`` (e.g. ``sign-in``)."""

    phone: str
    purpose: str = Field(default="sign-in", pattern=r"^[A-Za-z0-9_-]{1,48}$")


class OtpCheck(OtpRequest):
    """The code the user typed, checked against the last one sent for the phone and purpose."""

    code: str = Field(pattern=r"^[0-9]{4,8}$")


class SegmentPage(BaseModel):
    """One page of segments; pass ``next_token`` back to get the next page."""

    items: list[SegmentResponse]
    next_token: str | None = Field(default=None, description="None on the last page.")


def pinpoint(request: Request) -> PinpointClient:
    """The app's one ``PinpointClient`` (a FastAPI dependency)."""
    client: PinpointClient = request.app.state.pinpoint
    return client


def settings_of(request: Request) -> Settings:
    """The service's settings (a FastAPI dependency)."""
    settings: Settings = request.app.state.settings
    return settings


def project(request: Request) -> str:
    """The Pinpoint project (application) id this service works on."""
    app_id: str = request.app.state.pinpoint_app_id
    return app_id


Client = Annotated[PinpointClient, Depends(pinpoint)]
AppId = Annotated[str, Depends(project)]
Config = Annotated[Settings, Depends(settings_of)]


def _error_body(error: APIStatusError) -> dict[str, str | None]:
    return {"detail": error.message, "code": error.code, "request_id": error.request_id}


def _install_error_handlers(app: FastAPI) -> None:
    # Starlette picks the handler of the nearest class in the exception's MRO.
    @app.exception_handler(NotFoundException)
    async def not_found(request: Request, error: NotFoundException) -> JSONResponse:
        return JSONResponse(_error_body(error), status_code=404)

    @app.exception_handler(TooManyRequestsException)
    async def throttled(request: Request, error: TooManyRequestsException) -> JSONResponse:
        headers = {key.lower(): value for key, value in error.headers.items()}
        retry_after = headers.get("retry-after", DEFAULT_RETRY_AFTER)
        return JSONResponse(
            _error_body(error), status_code=503, headers={"Retry-After": retry_after}
        )

    @app.exception_handler(BadRequestException)
    async def bad_request(request: Request, error: BadRequestException) -> JSONResponse:
        return JSONResponse(_error_body(error), status_code=400)

    @app.exception_handler(PinpointValidationError)
    async def invalid(request: Request, error: PinpointValidationError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=422)

    @app.exception_handler(APIStatusError)
    async def upstream(request: Request, error: APIStatusError) -> JSONResponse:
        return JSONResponse(_error_body(error), status_code=502)

    @app.exception_handler(APIConnectionError)
    async def unreachable(request: Request, error: APIConnectionError) -> JSONResponse:
        return JSONResponse({"detail": "Pinpoint is unreachable"}, status_code=503)


def create_app(
    client_factory: Callable[[], PinpointClient] | None = None,
    *,
    settings: Settings | None = None,
) -> FastAPI:
    """The FastAPI app; ``client_factory`` makes the one client (default: from ``settings``)."""
    resolved = settings or Settings.from_env()

    def default_client() -> PinpointClient:
        return PinpointClient(region_name=resolved.region_name, endpoint_url=resolved.endpoint_url)

    make_client = client_factory or default_client

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with make_client() as client:
            app.state.pinpoint = client
            app.state.pinpoint_app_id = resolved.app_id
            app.state.settings = resolved
            yield

    app = FastAPI(title="pinpoint-sdk FastAPI example", lifespan=lifespan)
    _install_error_handlers(app)

    # -- the live path: what still runs on AWS (AWS End User Messaging) ----------------------

    @app.post("/messages", response_model=MessageSent)
    async def send_message(
        message: Message, client: Client, app_id: AppId, settings: Config
    ) -> MessageSent:
        """Sends one SMS or push notification straight to an address (no endpoint needed)."""
        if message.channel == "SMS":
            channel = ChannelType.SMS
            configuration = DirectMessageConfiguration(
                sms_message=SMSMessage(
                    body=message.body,
                    message_type=MessageType.TRANSACTIONAL,
                    origination_number=settings.origination_number,
                )
            )
        else:
            channel = ChannelType.GCM
            configuration = DirectMessageConfiguration(
                gcm_message=GCMMessage(title=message.title, body=message.body)
            )
        sent = await client.messages.send(
            app_id,
            addresses={message.address: AddressConfiguration(channel_type=channel)},
            message_configuration=configuration,
        )
        result = (sent.result or {}).get(message.address)
        return MessageSent(
            delivery_status=result.delivery_status if result else None,
            message_id=result.message_id if result else None,
        )

    @app.post("/otp", status_code=202)
    async def send_otp(
        otp: OtpRequest, client: Client, app_id: AppId, settings: Config
    ) -> dict[str, str]:
        """Sends a one-time password by SMS; the answer never contains the code."""
        await client.messages.send_otp(
            app_id,
            brand_name=settings.brand_name,
            channel="SMS",
            destination_identity=otp.phone,
            origination_identity=settings.origination_number,
            reference_id=otp.purpose,
            code_length=6,
            validity_period=10,
            allowed_attempts=3,
        )
        return {"detail": f"a code was sent to {otp.phone}"}

    @app.post("/otp/verify")
    async def verify_otp(check: OtpCheck, client: Client, app_id: AppId) -> dict[str, bool]:
        """Whether the code is the one sent (each code works once; three wrong tries end it)."""
        verified = await client.messages.verify_otp(
            app_id, destination_identity=check.phone, otp=check.code, reference_id=check.purpose
        )
        return {"valid": bool(verified.valid)}

    # -- what users keep: endpoints, campaigns, segments -------------------------------------

    @app.put(
        "/users/{user_id}/endpoints/{endpoint_id}",
        response_model=EndpointResponse,
        response_model_exclude_none=True,
    )
    async def register_endpoint(
        user_id: str, endpoint_id: str, endpoint: EndpointRequest, client: Client, app_id: AppId
    ) -> EndpointResponse:
        """Registers (or updates) one device or address of a user."""
        attributes = endpoint.user.user_attributes if endpoint.user else None
        owned = endpoint.model_copy(
            update={"user": EndpointUser(user_id=user_id, user_attributes=attributes)}
        )
        await client.endpoints.update(app_id, endpoint_id, owned)
        return await client.endpoints.get(app_id, endpoint_id)

    @app.post(
        "/campaigns/{campaign_id}/trigger",
        response_model=CampaignResponse,
        response_model_exclude_none=True,
    )
    async def trigger_campaign(campaign_id: str, client: Client, app_id: AppId) -> CampaignResponse:
        """Runs a campaign now: a new version of it whose schedule starts immediately."""
        current = await client.campaigns.get(app_id, campaign_id)
        now = WriteCampaignRequest(
            name=current.name,
            segment_id=current.segment_id,
            segment_version=current.segment_version,
            message_configuration=current.message_configuration,
            template_configuration=current.template_configuration,
            schedule=Schedule(start_time="IMMEDIATE"),
            is_paused=False,
        )
        return await client.campaigns.update(app_id, campaign_id, now)

    @app.get("/segments", response_model=SegmentPage, response_model_exclude_none=True)
    async def list_segments(
        client: Client,
        app_id: AppId,
        page_size: Annotated[int, Query(ge=1, le=100)] = 20,
        next_token: str | None = None,
    ) -> SegmentPage:
        """One page of the project's segments; follow ``next_token`` for the rest."""
        # A user is waiting: give up sooner than a batch job would.
        quick = client.with_options(timeout=5, max_retries=1)
        page = await quick.segments.list(app_id, page_size=page_size, next_token=next_token)
        return SegmentPage(items=list(page.items), next_token=page.next_token)

    return app
