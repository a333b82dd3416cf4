"""The quickstart, and the project's main job: ``python -m pinpoint_sdk.demo``.

It opens with what still runs on AWS: AWS ended support for Pinpoint's engagement features
(segments, campaigns, journeys, endpoints, analytics) on 2026-10-30, while push, SMS, voice,
one-time passwords and phone number validation live on as AWS End User Messaging. So, in a
project (application):

1. a push notification, an SMS and an email sent straight to addresses (one SendMessages);
2. a one-time password sent by SMS, then checked with a wrong code and the right one;
3. a phone number validated.

Then the engagement features, as what users keep, test and migrate: a segment and a journey
written with the builders, an email template, two campaigns, lists with auto-pagination, and
an export of the whole configuration to files. It ends with what the outbox received and
deletes everything, printing one line per step.

By default it runs against the embedded local fake (:mod:`pinpoint_sdk.testing`), served on
127.0.0.1 for the length of the run, so it needs no AWS account and no network. The same code
runs against another endpoint or real AWS when asked::

    python -m pinpoint_sdk.demo                                # the embedded fake
    python -m pinpoint_sdk.demo --endpoint-url http://127.0.0.1:8080   # any Pinpoint endpoint
    python -m pinpoint_sdk.demo --aws --region eu-west-1 --phone +14255550100 --to me@example.com

Elsewhere than the fake, messages go only to the addresses you give, and only the embedded
fake has an outbox to show. On AWS the engagement part is likely to stop at the segment with
the service's error (end of support), after which the run cleans up.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from . import NotFoundException, PinpointClient, PinpointConfigurationError, PinpointError
from .builders import END, Dimensions, JourneyBuilder, SegmentBuilder, to_text
from .export import export_application
from .models import (
    AddressConfiguration,
    ChannelType,
    DirectMessageConfiguration,
    Duration,
    EmailMessage,
    Frequency,
    GCMMessage,
    MessageType,
    Schedule,
    SimpleEmail,
    SimpleEmailPart,
    SMSMessage,
    Template,
    TemplateConfiguration,
)
from .testing import FakePinpoint, FakePinpointServer, Outbox

__all__ = ["DEFAULT_RECIPIENTS", "QuickstartResult", "Recipients", "main", "quickstart"]

_LABEL_WIDTH = 11


@dataclass(frozen=True)
class Recipients:
    """Where the live part sends: each address is optional (``None`` skips that channel)."""

    email: str | None = None
    phone: str | None = None
    push_token: str | None = None
    #: The number OTP messages are sent from (SendOTPMessage requires one).
    origination_number: str | None = None


#: The addresses used against the embedded fake: fictional numbers (555-01xx) and example.com.
DEFAULT_RECIPIENTS = Recipients(
    email="ada@example.com",
    phone="+12065550123",
    push_token="fake-device-token-for-the-quickstart",
    origination_number="+12065550100",
)


def _say(label: str, text: str, *, echo: Callable[[str], None]) -> None:
    lines = text.splitlines() or [""]
    echo(f"{label:<{_LABEL_WIDTH}}{lines[0]}")
    for line in lines[1:]:
        echo(f"{'':<{_LABEL_WIDTH}}{line}")


def _joined(names: Sequence[str | None]) -> str:
    return ", ".join(name or "(unnamed)" for name in names) or "none"


@dataclass
class QuickstartResult:
    """What a quickstart run did, for the caller (and the tests) to check."""

    app_id: str | None = None
    created: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    sent_message_ids: list[str] = field(default_factory=list)
    #: Whether the right OTP was accepted (``None``: not verified in this run).
    otp_verified: bool | None = None
    #: The ``PhoneType`` PhoneNumberValidate gave (``None``: not validated).
    phone_type: str | None = None
    exported: Path | None = None
    error: PinpointError | None = None


async def quickstart(
    client: PinpointClient,
    *,
    recipients: Recipients,
    outbox: Outbox | None = None,
    template_name: str = "QuickstartWelcome",
    echo: Callable[[str], None] = print,
) -> QuickstartResult:
    """Runs the quickstart flow with ``client`` and prints a transcript through ``echo``.

    ``recipients`` are the addresses of the live part; ``outbox`` is the embedded fake's
    outbox, which also gives the one-time password to verify (elsewhere the code is on your
    phone, so the run does not verify it). Everything created is deleted at the end, also
    when a step fails; a failing step is reported, not raised.
    """
    result = QuickstartResult()
    cleanup: list[tuple[str, Callable[[], Awaitable[object]]]] = []

    def created(what: str, delete: Callable[[], Awaitable[object]]) -> None:
        result.created.append(what)
        cleanup.append((what, delete))

    def say(label: str, text: str) -> None:
        _say(label, text, echo=echo)

    try:
        # A project (Pinpoint calls it an app) holds the channels and everything else.
        app = await client.apps.create(name="quickstart-shop", tags={"purpose": "quickstart"})
        result.app_id = app.id
        created("app", lambda: client.apps.delete(app.id))
        say("app", f"created {app.name} ({app.id})")

        echo("")
        echo("What still runs on AWS (AWS End User Messaging): sends, OTPs, number checks")
        await _send_to_addresses(client, app.id, recipients, result, say)
        await _one_time_password(client, app.id, recipients, outbox, result, say)
        await _validate_number(client, recipients, result, say)

        echo("")
        echo("Engagement features (AWS end of support: 2026-10-30): keep, test, migrate")
        await _engagement(client, app.id, template_name, created, say)
        result.exported = await _export(client, app.id, say)

        # The embedded fake records every message instead of delivering it.
        echo("")
        if outbox is None:
            say("outbox", "none to show: only the embedded fake has one (check your devices)")
        else:
            say("outbox", _outbox_lines(outbox))
    except PinpointError as error:
        result.error = error
        say("stopped", f"{type(error).__name__}: {error}")
    finally:
        # Delete in reverse order; a failure here is reported and the rest still runs.
        for what, delete in reversed(cleanup):
            try:
                await delete()
            except PinpointError as error:
                say("cleanup", f"could not delete {what}: {error}")
            else:
                result.deleted.append(what)
        if result.exported is not None:
            shutil.rmtree(result.exported.parent, ignore_errors=True)
        if cleanup:
            say("cleanup", f"deleted {', '.join(result.deleted) or 'nothing'}")

    # Errors are typed: a deleted app is a NotFoundException with the service's details.
    if result.app_id is not None and result.error is None:
        try:
            await client.apps.get(result.app_id)
        except NotFoundException as error:
            say("errors", f"apps.get(deleted app) -> NotFoundException {error.status_code}")
    return result


async def _send_to_addresses(
    client: PinpointClient,
    app_id: str,
    to: Recipients,
    result: QuickstartResult,
    say: Callable[[str, str], None],
) -> None:
    """One SendMessages call: a push, an SMS and an email, each straight to its address."""
    addresses = {
        address: AddressConfiguration(channel_type=channel)
        for address, channel in (
            (to.push_token, ChannelType.GCM),
            (to.phone, ChannelType.SMS),
            (to.email, ChannelType.EMAIL),
        )
        if address is not None
    }
    if not addresses:
        say("send", "skipped: pass --phone, --to or --push-token to send")
        return
    sent = await client.messages.send(
        app_id,
        addresses=addresses,
        message_configuration=DirectMessageConfiguration(
            gcm_message=GCMMessage(title="Your order shipped", body="It arrives on Friday."),
            sms_message=SMSMessage(
                body="Your order shipped; it arrives on Friday.",
                message_type=MessageType.TRANSACTIONAL,
            ),
            email_message=EmailMessage(
                from_address="orders@example.com",
                simple_email=SimpleEmail(
                    subject=SimpleEmailPart(data="Your order shipped"),
                    text_part=SimpleEmailPart(data="It arrives on Friday."),
                ),
            ),
        ),
    )
    lines = []
    for address, config in addresses.items():
        delivery = (sent.result or {}).get(address)
        if delivery is not None and delivery.message_id:
            result.sent_message_ids.append(delivery.message_id)
        status = delivery.delivery_status if delivery else "no result"
        lines.append(f"{config.channel_type} to {address}: {status}")
    say("send", "\n".join(lines))


async def _one_time_password(
    client: PinpointClient,
    app_id: str,
    to: Recipients,
    outbox: Outbox | None,
    result: QuickstartResult,
    say: Callable[[str, str], None],
) -> None:
    """SendOTPMessage to the phone, then VerifyOTPMessage with a wrong code and the right one."""
    if to.phone is None or to.origination_number is None:
        say("otp", "skipped: pass --phone and --origination-number to send a one-time password")
        return
    reference = "quickstart-sign-in"
    await client.messages.send_otp(
        app_id,
        brand_name="Quickstart Shop",
        channel="SMS",
        destination_identity=to.phone,
        origination_identity=to.origination_number,
        reference_id=reference,
        code_length=6,
        validity_period=5,
        allowed_attempts=3,
    )
    say("otp", f"sent a 6-digit code by SMS to {to.phone}, valid for 5 minutes")
    code = next((m.otp for m in reversed(outbox.to(to.phone)) if m.otp), None) if outbox else None
    if code is None:
        say("", "verify it with client.messages.verify_otp(...) once it arrives")
        return
    wrong = "".join("1" if digit == "0" else "0" for digit in code)  # never the right one
    rejected = await client.messages.verify_otp(
        app_id, destination_identity=to.phone, otp=wrong, reference_id=reference
    )
    accepted = await client.messages.verify_otp(
        app_id, destination_identity=to.phone, otp=code, reference_id=reference
    )
    result.otp_verified = bool(accepted.valid)
    say(
        "",
        f"verify: a wrong code -> valid={rejected.valid}; the code received -> valid={accepted.valid}",
    )


async def _validate_number(
    client: PinpointClient,
    to: Recipients,
    result: QuickstartResult,
    say: Callable[[str, str], None],
) -> None:
    """PhoneNumberValidate: the number's type, carrier and country, before sending to it."""
    if to.phone is None:
        say("validate", "skipped: pass --phone to validate a number")
        return
    checked = await client.phone_numbers.validate(phone_number=to.phone)
    result.phone_type = checked.phone_type
    details = ", ".join(
        f"{label} {value}"
        for label, value in (
            ("carrier", checked.carrier),
            ("country", checked.country_code_iso2),
            ("E.164", checked.cleansed_phone_number_e164),
        )
        if value
    )
    say("validate", f"{to.phone}: {checked.phone_type}{f' ({details})' if details else ''}")


async def _engagement(
    client: PinpointClient,
    app_id: str,
    template_name: str,
    created: Callable[[str, Callable[[], Awaitable[object]]], None],
    say: Callable[[str, str], None],
) -> None:
    """A segment, a template, a journey and two campaigns; then lists that page for you."""
    # A segment, written with the builder: checked before anything is sent.
    segment_builder = SegmentBuilder("engaged-email-users").where(
        Dimensions()
        .user_attribute("plan").is_in("pro", "team")
        .channel().is_in(ChannelType.EMAIL)
        .active_within(Duration.DAY_30)
    )  # fmt: skip
    segment = await client.segments.create(app_id, segment_builder.build())
    created("segment", lambda: client.segments.delete(app_id, segment.id))
    say("segment", f"{segment.name}: {segment_builder.describe()}")

    # An email template, with a substitution filled in per recipient.
    await client.templates.email.create(
        template_name,
        subject="Welcome, {{FirstName}}!",
        html_part="<p>Hello {{FirstName}}, thanks for joining.</p>",
        text_part="Hello {{FirstName}}, thanks for joining.",
        default_substitutions='{"FirstName": "there"}',
    )
    created("template", lambda: client.templates.email.delete(template_name))
    say("template", f"email template {template_name}, subject 'Welcome, {{{{FirstName}}}}!'")

    # A journey, written with the builder: welcome email, wait, resend if unopened.
    journey = JourneyBuilder("quickstart-welcome").start_on_segment(segment.id)
    welcome = journey.email(template_name, from_address="hello@example.com", id="welcome")
    (
        welcome.wait(timedelta(days=3), id="waitThreeDays")
        .split_on_event("_email.open", message=welcome, id="opened")
        .on_true(END)
        .on_false(lambda path: path.email(template_name, id="resend"))
    )
    request = journey.build()
    created_journey = await client.journeys.create(app_id, request)
    created("journey", lambda: client.journeys.delete(app_id, created_journey.id))
    say("journey", f"created as {created_journey.state}; to_text() draws it:\n{to_text(request)}")

    # Two campaigns on the segment: one now, one every week.
    template = TemplateConfiguration(email_template=Template(name=template_name))
    blast = await client.campaigns.create(
        app_id,
        name="welcome-blast",
        segment_id=segment.id,
        schedule=Schedule(start_time="IMMEDIATE"),
        template_configuration=template,
    )
    created("campaign welcome-blast", lambda: client.campaigns.delete(app_id, blast.id))
    digest = await client.campaigns.create(
        app_id,
        name="weekly-digest",
        segment_id=segment.id,
        schedule=Schedule(start_time="2027-01-04T09:00:00Z", frequency=Frequency.WEEKLY),
        template_configuration=template,
    )
    created("campaign weekly-digest", lambda: client.campaigns.delete(app_id, digest.id))
    say("campaigns", "welcome-blast (now), weekly-digest (weekly from 2027-01-04)")

    # List methods follow NextToken for you; page_size=1 makes the pages visible.
    pages, names = 0, []
    async for page in client.campaigns.list(app_id, page_size=1).pages():
        pages += 1
        names += [campaign.name for campaign in page]
    say("list", f"{len(names)} campaigns in {pages} pages of 1: {_joined(names)}")
    segments = [each.name async for each in client.segments.list(app_id)]
    journeys = [each.name async for each in client.journeys.list(app_id)]
    templates = [t.template_name async for t in client.templates.list(prefix=template_name)]
    say("", f"segments: {_joined(segments)}; journeys: {_joined(journeys)}")
    say("", f"templates named {template_name}*: {_joined(templates)}")


async def _export(client: PinpointClient, app_id: str, say: Callable[[str, str], None]) -> Path:
    """The whole configuration to files: what to keep, and what to migrate from."""
    folder = Path(tempfile.mkdtemp(prefix="pinpoint-quickstart-")) / "export"
    exported = await export_application(client, app_id, folder)
    say(
        "export",
        f"{exported}\n(the shell's way: pinpoint-sdk export --application-id {app_id} DIR)",
    )
    return folder


def _outbox_lines(outbox: Outbox) -> str:
    lines = [f"{len(outbox)} message{'' if len(outbox) == 1 else 's'} recorded, none delivered:"]
    for message in outbox:
        what = "a one-time password" if message.otp else "a direct message"
        lines.append(f"- {message.channel} to {message.address}: {what}")
    return "\n".join(lines)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pinpoint_sdk.demo",
        description="The pinpoint-sdk quickstart: against an embedded local fake by default.",
    )
    parser.add_argument("--aws", action="store_true", help="use real AWS and your credentials")
    parser.add_argument("--endpoint-url", help="another Pinpoint endpoint (implies not the fake)")
    parser.add_argument("--region", help="AWS region (implies not the fake)")
    parser.add_argument("--profile", help="AWS profile for credentials (implies --aws)")
    elsewhere = "; elsewhere nothing is sent to that channel unless given"
    parser.add_argument(
        "--to", help=f"email address (on the fake: {DEFAULT_RECIPIENTS.email}{elsewhere})"
    )
    parser.add_argument(
        "--phone", help=f"phone for the SMS, OTP and validation (fake: {DEFAULT_RECIPIENTS.phone})"
    )
    parser.add_argument("--push-token", help="a device token of your FCM (GCM) channel")
    parser.add_argument(
        "--origination-number",
        help=f"the number OTPs are sent from (fake: {DEFAULT_RECIPIENTS.origination_number})",
    )
    return parser.parse_args(argv)


async def _run(args: argparse.Namespace, echo: Callable[[str], None]) -> QuickstartResult:
    remote = bool(args.aws or args.endpoint_url or args.region or args.profile)
    given = Recipients(
        email=args.to,
        phone=args.phone,
        push_token=args.push_token,
        origination_number=args.origination_number,
    )
    async with AsyncExitStack() as stack:
        if remote:
            client = PinpointClient(
                region_name=args.region, profile_name=args.profile, endpoint_url=args.endpoint_url
            )
            where = args.endpoint_url or f"AWS ({args.region or 'region from your AWS config'})"
            echo(f"pinpoint-sdk quickstart against {where}")
            echo("It creates real resources and deletes them at the end.")
            outbox, recipients = None, given
            template_name = f"QuickstartWelcome-{secrets.token_hex(3)}"  # templates are per account
        else:
            fake = FakePinpoint()
            server = await stack.enter_async_context(FakePinpointServer(fake))
            client = PinpointClient(
                endpoint_url=server.url,
                region_name=fake.region,
                aws_access_key_id="testing",
                aws_secret_access_key="testing",
            )
            echo(f"pinpoint-sdk quickstart against the embedded local fake at {server.url}")
            echo(
                "(an in-memory Pinpoint on 127.0.0.1: no AWS account, nothing leaves this machine)"
            )
            outbox = fake.outbox
            recipients = Recipients(
                email=given.email or DEFAULT_RECIPIENTS.email,
                phone=given.phone or DEFAULT_RECIPIENTS.phone,
                push_token=given.push_token or DEFAULT_RECIPIENTS.push_token,
                origination_number=given.origination_number
                or DEFAULT_RECIPIENTS.origination_number,
            )
            template_name = "QuickstartWelcome"
        echo("")
        await stack.enter_async_context(client)
        return await quickstart(
            client, recipients=recipients, outbox=outbox, template_name=template_name, echo=echo
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the quickstart; returns the exit status (1 when a step failed)."""
    args = _parse(argv)
    started = time.perf_counter()
    try:
        result = asyncio.run(_run(args, print))
    except PinpointConfigurationError as error:  # no region, no credentials, no profile...
        print(f"could not call Pinpoint: {error}", file=sys.stderr)
        print("Configure AWS (region, credentials) or run without options to use the fake.",
              file=sys.stderr)  # fmt: skip
        return 2
    print(f"\ndone in {time.perf_counter() - started:.1f} s.", end=" ")
    if result.error is not None:
        print("A step failed (see 'stopped' above).")
        return 1
    print("Next: docs/getting-started.md, and examples/fastapi_app/ for a web service.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
