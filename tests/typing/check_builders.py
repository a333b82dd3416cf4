"""Type-checker proof of the builders: checked by mypy --strict and basedpyright, never run.

What an IDE infers along the fluent chains (each step keeps its own type, so ``.on_true`` is
offered after a split and ``.use_template`` after a message), what ``build()`` returns, and
the mistakes a checker reports before anything runs. Lines ending in an expected-error
comment must be reported: both checkers fail on an ignore comment that is no longer needed.
"""

from __future__ import annotations

from datetime import timedelta

from typing_extensions import assert_type

from pinpoint_sdk import PinpointClient, PinpointValidationError
from pinpoint_sdk.builders import (
    END,
    BuildError,
    Dimensions,
    Group,
    JourneyBuilder,
    Problem,
    SegmentBuilder,
    StateTransitionError,
    in_segment,
    matches,
    to_mermaid,
    to_text,
    validate_journey,
    validate_segment,
)
from pinpoint_sdk.builders.dimensions import AttributeCriterion, MetricCriterion, SetCriterion
from pinpoint_sdk.builders.journeys import (
    Branch,
    ConditionalSplitStep,
    EmailStep,
    MultiSplitStep,
    PushStep,
    RandomSplitStep,
    SmsStep,
    WaitStep,
)
from pinpoint_sdk.models import (
    ChannelType,
    Duration,
    Include,
    JourneyResponse,
    SegmentResponse,
    SimpleCondition,
    WriteJourneyRequest,
    WriteSegmentRequest,
)
from pinpoint_sdk.params import ChannelTypeLiteral


def dimension_chains_are_typed() -> None:
    criteria = Dimensions()
    assert_type(criteria.user_attribute("plan"), AttributeCriterion)
    assert_type(criteria.metric("sessions"), MetricCriterion)
    assert_type(criteria.channel(), SetCriterion[ChannelType | ChannelTypeLiteral])
    criteria.channel().is_in("EMAIL", ChannelType.SMS)  # the value as a string, or the member
    assert_type(criteria.platform(), SetCriterion[str])
    chained = (
        criteria.user_attribute("plan").is_in("pro", "team")
        .metric("sessions").at_least(5)
        .channel().is_in(ChannelType.EMAIL)
        .active_within(Duration.DAY_30)
    )  # fmt: skip
    assert_type(chained, Dimensions)


async def segments_are_typed(client: PinpointClient, app_id: str) -> None:
    builder = SegmentBuilder("pro").where(Dimensions().user_attribute("plan").is_in("pro"))
    assert_type(builder, SegmentBuilder)
    request = builder.build()
    assert_type(request, WriteSegmentRequest)
    created = await client.segments.create(app_id, request)
    assert_type(created, SegmentResponse)
    assert_type(SegmentBuilder.from_response(created), SegmentBuilder)
    assert_type(builder.describe(), str)

    grouped = (
        SegmentBuilder("lapsed")
        .include(Include.ALL)
        .group(Group.all_of(Dimensions().inactive_within(Duration.DAY_14)).in_any_of("0f1e2d3c"))
    )
    assert_type(grouped, SegmentBuilder)
    assert_type(validate_segment(request), list[Problem])


async def journey_chains_are_typed(client: PinpointClient, app_id: str) -> None:
    journey = JourneyBuilder("welcome").start_on_segment("seg").limits(daily_cap=2)
    assert_type(journey, JourneyBuilder)

    email = journey.email("Welcome", from_address="hello@example.com")
    assert_type(email, EmailStep)
    assert_type(email.use_template("WelcomeV2"), EmailStep)
    wait = email.wait(timedelta(days=3))
    assert_type(wait, WaitStep)
    split = wait.split_on_event("_email.open", message=email)
    assert_type(split, ConditionalSplitStep)
    assert_type(split.on_true(END), ConditionalSplitStep)

    def nudge(path: Branch) -> SmsStep:
        return path.sms("Nudge", message_type="PROMOTIONAL")

    assert_type(split.on_false(nudge), ConditionalSplitStep)

    audience = journey.multi_split()
    assert_type(audience, MultiSplitStep)
    assert_type(audience.branch(in_segment("vip"), journey.push("Vip")), MultiSplitStep)
    assert_type(audience.branch(Dimensions().platform().is_in("ios"), END), MultiSplitStep)
    assert_type(matches(Dimensions().country().is_in("US")), SimpleCondition)
    test = journey.random_split().branch(50, lambda path: path.push("A"))
    assert_type(test, RandomSplitStep)
    assert_type(journey.step("welcome", PushStep), PushStep)

    request = journey.build()
    assert_type(request, WriteJourneyRequest)
    created = await client.journeys.create(app_id, request)
    assert_type(created, JourneyResponse)
    assert_type(JourneyBuilder.from_response(created), JourneyBuilder)
    assert_type(await client.journeys.pause(app_id, created.id), JourneyResponse)
    assert_type(validate_journey(request), list[Problem])
    assert_type(to_mermaid(journey), str)
    assert_type(to_text(request), str)


def build_errors_are_typed(journey: JourneyBuilder) -> None:
    try:
        journey.build()
    except StateTransitionError as error:
        assert_type(error.problems, tuple[Problem, ...])
    except BuildError as error:
        for problem in error.problems:
            assert_type(problem.rule, str)
            assert_type(problem.where, str)
    except PinpointValidationError:
        pass


def mistakes_are_type_errors(journey: JourneyBuilder) -> None:
    # A misspelt method or option.
    journey.emial("Welcome")  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    journey.email("Welcome", from_adress="a@example.com")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A wrong enum value: SMS message types and split operators are closed sets.
    journey.sms("Nudge", message_type="PROMOTIONALL")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    journey.split(in_segment("s"), operator="SOME")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Dimensions().channel().is_in("EMIAL")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Dimensions().active_within("30 days")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A missing required argument.
    journey.holdout()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    JourneyBuilder()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # Steps only offer what fits them: a message step has no split paths...
    journey.email("Welcome").on_true(END)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    # ...and a split has no single next step to chain from.
    journey.split(in_segment("s")).wait(days=1)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    # A journey's state on write is DRAFT or ACTIVE only.
    JourneyBuilder("j", state="PAUSED")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # build() gives a request model, not a dict.
    request: dict[str, object] = journey.build()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    del request
