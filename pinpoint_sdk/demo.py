"""The quickstart, and the project's main job: ``python -m pinpoint_sdk.demo``.

It walks through what a Pinpoint integration does, printing one line per step: create an app,
a segment written with the builder, an email template, a journey written with the builder
(drawn as a tree), two campaigns; list them with auto-pagination; send a test email; show what
the outbox received; delete everything again.

By default it runs against the embedded local fake (:mod:`pinpoint_sdk.testing`), served on
127.0.0.1 for the length of the run, so it needs no AWS account and no network. The same code
runs against another endpoint or real AWS when asked::

    python -m pinpoint_sdk.demo                                # the embedded fake
    python -m pinpoint_sdk.demo --endpoint-url http://127.0.0.1:8080   # any Pinpoint endpoint
    python -m pinpoint_sdk.demo --aws --region eu-west-1 --to me@example.com

Only the embedded fake has an outbox to show. Note that AWS ended support for Pinpoint's
engagement features (segments, campaigns, journeys) on 2026-10-30, so on AWS the run is
likely to stop at the segment with the service's error, after which it cleans up.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta

from . import NotFoundException, PinpointClient, PinpointConfigurationError, PinpointError
from .builders import END, Dimensions, JourneyBuilder, SegmentBuilder, to_text
from .models import (
    AddressConfiguration,
    ChannelType,
    DirectMessageConfiguration,
    Duration,
    EmailMessage,
    Frequency,
    Schedule,
    Template,
    TemplateConfiguration,
)
from .testing import FakePinpoint, FakePinpointServer, Outbox

__all__ = ["QuickstartResult", "main", "quickstart"]

#: Where the test email goes when the run uses the embedded fake.
DEFAULT_RECIPIENT = "ada@example.com"
_LABEL_WIDTH = 11


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
    error: PinpointError | None = None


async def quickstart(
    client: PinpointClient,
    *,
    send_to: str | None,
    outbox: Outbox | None = None,
    template_name: str = "QuickstartWelcome",
    echo: Callable[[str], None] = print,
) -> QuickstartResult:
    """Runs the quickstart flow with ``client`` and prints a transcript through ``echo``.

    ``send_to`` is the address of the test email (``None`` skips the send). ``outbox`` is the
    embedded fake's outbox, shown after the send when given. Everything created is deleted at
    the end, also when a step fails; a failing step is reported, not raised.
    """
    result = QuickstartResult()
    cleanup: list[tuple[str, Callable[[], Awaitable[object]]]] = []

    def created(what: str, delete: Callable[[], Awaitable[object]]) -> None:
        result.created.append(what)
        cleanup.append((what, delete))

    def say(label: str, text: str) -> None:
        _say(label, text, echo=echo)

    try:
        # 1. An app (Pinpoint calls it a project) holds everything else.
        app = await client.apps.create(name="quickstart-shop", tags={"purpose": "quickstart"})
        result.app_id = app.id
        created("app", lambda: client.apps.delete(app.id))
        say("app", f"created {app.name} ({app.id})")

        # 2. A segment, written with the builder: checked before anything is sent.
        segment_builder = SegmentBuilder("engaged-email-users").where(
            Dimensions()
            .user_attribute("plan").is_in("pro", "team")
            .channel().is_in(ChannelType.EMAIL)
            .active_within(Duration.DAY_30)
        )  # fmt: skip
        segment = await client.segments.create(app.id, segment_builder.build())
        created("segment", lambda: client.segments.delete(app.id, segment.id))
        say("segment", f"{segment.name}: {segment_builder.describe()}")

        # 3. An email template, with a substitution filled in per recipient.
        await client.templates.email.create(
            template_name,
            subject="Welcome, {{FirstName}}!",
            html_part="<p>Hello {{FirstName}}, thanks for joining.</p>",
            text_part="Hello {{FirstName}}, thanks for joining.",
            default_substitutions='{"FirstName": "there"}',
        )
        created("template", lambda: client.templates.email.delete(template_name))
        say("template", f"email template {template_name}, subject 'Welcome, {{{{FirstName}}}}!'")

        # 4. A journey, written with the builder: welcome email, wait, resend if unopened.
        journey = JourneyBuilder("quickstart-welcome").start_on_segment(segment.id)
        welcome = journey.email(template_name, from_address="hello@example.com", id="welcome")
        (
            welcome.wait(timedelta(days=3), id="waitThreeDays")
            .split_on_event("_email.open", message=welcome, id="opened")
            .on_true(END)
            .on_false(lambda path: path.email(template_name, id="resend"))
        )
        request = journey.build()
        created_journey = await client.journeys.create(app.id, request)
        created("journey", lambda: client.journeys.delete(app.id, created_journey.id))
        say(
            "journey",
            f"created as {created_journey.state}; to_text() draws it:\n{to_text(request)}",
        )

        # 5. Two campaigns on the segment: one now, one every week.
        template = TemplateConfiguration(email_template=Template(name=template_name))
        blast = await client.campaigns.create(
            app.id,
            name="welcome-blast",
            segment_id=segment.id,
            schedule=Schedule(start_time="IMMEDIATE"),
            template_configuration=template,
        )
        created("campaign welcome-blast", lambda: client.campaigns.delete(app.id, blast.id))
        digest = await client.campaigns.create(
            app.id,
            name="weekly-digest",
            segment_id=segment.id,
            schedule=Schedule(start_time="2027-01-04T09:00:00Z", frequency=Frequency.WEEKLY),
            template_configuration=template,
        )
        created("campaign weekly-digest", lambda: client.campaigns.delete(app.id, digest.id))
        say("campaigns", "welcome-blast (now), weekly-digest (weekly from 2027-01-04)")

        # 6. List methods follow NextToken for you; page_size=1 makes the pages visible.
        pages, names = 0, []
        async for page in client.campaigns.list(app.id, page_size=1).pages():
            pages += 1
            names += [campaign.name for campaign in page]
        say("list", f"{len(names)} campaigns in {pages} pages of 1: {_joined(names)}")
        segments = [segment.name async for segment in client.segments.list(app.id)]
        journeys = [journey.name async for journey in client.journeys.list(app.id)]
        templates = [t.template_name async for t in client.templates.list(prefix=template_name)]
        say("", f"segments: {_joined(segments)}; journeys: {_joined(journeys)}")
        say("", f"templates named {template_name}*: {_joined(templates)}")

        # 7. A direct test message, using the template.
        if send_to is None:
            say("send", "skipped: pass --to ADDRESS to send a test email")
        else:
            sent = await client.messages.send(
                app.id,
                addresses={
                    send_to: AddressConfiguration(
                        channel_type=ChannelType.EMAIL, substitutions={"FirstName": ["Ada"]}
                    )
                },
                message_configuration=DirectMessageConfiguration(
                    email_message=EmailMessage(from_address="hello@example.com")
                ),
                template_configuration=template,
            )
            delivery = (sent.result or {}).get(send_to)
            status = delivery.delivery_status if delivery else "no result"
            if delivery and delivery.message_id:
                result.sent_message_ids.append(delivery.message_id)
            say("send", f"test email to {send_to}: {status}")

        # 8. The embedded fake records every message instead of delivering it.
        if outbox is None:
            say("outbox", "none to show: only the embedded fake has one (check the inbox)")
        else:
            lines = [
                f"{len(outbox)} message{'' if len(outbox) == 1 else 's'} recorded, none delivered:"
            ]
            for message in outbox:
                used = (message.template or {}).get("EmailTemplate", {}).get("Name")
                values = (message.recipient_config or {}).get("Substitutions") or {}
                filled = ", ".join(f"{k}={'/'.join(v)}" for k, v in values.items())
                lines.append(f"- {message.channel} to {message.address}: template {used}, {filled}")
            say("outbox", "\n".join(lines))
    except PinpointError as error:
        result.error = error
        say("stopped", f"{type(error).__name__}: {error}")
    finally:
        # 9. Delete in reverse order; a failure here is reported and the rest still runs.
        for what, delete in reversed(cleanup):
            try:
                await delete()
            except PinpointError as error:
                say("cleanup", f"could not delete {what}: {error}")
            else:
                result.deleted.append(what)
        if cleanup:
            say("cleanup", f"deleted {', '.join(result.deleted) or 'nothing'}")

    # 10. Errors are typed: a deleted app is a NotFoundException with the service's details.
    if result.app_id is not None and result.error is None:
        try:
            await client.apps.get(result.app_id)
        except NotFoundException as error:
            say("errors", f"apps.get(deleted app) -> NotFoundException {error.status_code}")
    return result


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pinpoint_sdk.demo",
        description="The pinpoint-sdk quickstart: against an embedded local fake by default.",
    )
    parser.add_argument("--aws", action="store_true", help="use real AWS and your credentials")
    parser.add_argument("--endpoint-url", help="another Pinpoint endpoint (implies not the fake)")
    parser.add_argument("--region", help="AWS region (implies not the fake)")
    parser.add_argument("--profile", help="AWS profile for credentials (implies --aws)")
    parser.add_argument(
        "--to",
        help=f"address of the test email (default on the fake: {DEFAULT_RECIPIENT}; "
        "elsewhere the send is skipped unless given)",
    )
    return parser.parse_args(argv)


async def _run(args: argparse.Namespace, echo: Callable[[str], None]) -> QuickstartResult:
    remote = bool(args.aws or args.endpoint_url or args.region or args.profile)
    async with AsyncExitStack() as stack:
        if remote:
            client = PinpointClient(
                region_name=args.region, profile_name=args.profile, endpoint_url=args.endpoint_url
            )
            where = args.endpoint_url or f"AWS ({args.region or 'region from your AWS config'})"
            echo(f"pinpoint-sdk quickstart against {where}")
            echo("It creates real resources and deletes them at the end.")
            outbox, send_to = None, args.to
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
            outbox, send_to = fake.outbox, args.to or DEFAULT_RECIPIENT
            template_name = "QuickstartWelcome"
        echo("")
        await stack.enter_async_context(client)
        return await quickstart(
            client, send_to=send_to, outbox=outbox, template_name=template_name, echo=echo
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
