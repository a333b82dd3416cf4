"""``validate_journey``: one broken variant of a journey fixture per rule, each reported
with its rule id and where it is; the fixtures themselves report no error."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest
from support.examples import journey as example

from pinpoint_sdk.builders._problems import BuildError, Problem, Severity
from pinpoint_sdk.builders.journey_rules import JOURNEY_TIMEZONES, load_journey, validate_journey
from pinpoint_sdk.models import WriteJourneyRequest

NOW = datetime(2027, 1, 1, tzinfo=timezone.utc)
Mutation = Callable[[dict[str, Any]], object]


def acts(data: dict[str, Any]) -> dict[str, Any]:
    activities: dict[str, Any] = data["Activities"]
    return activities


def chain(count: int) -> dict[str, Any]:
    """``count`` waits in a row: a long but otherwise valid graph."""
    return {
        f"w{i}": {
            "Wait": {
                "WaitTime": {"WaitFor": "PT1H"},
                **({"NextActivity": f"w{i + 1}"} if i + 1 < count else {}),
            }
        }
        for i in range(count)
    }


def _rename(data: dict[str, Any], old: str, new: str) -> None:
    acts(data)[new] = acts(data).pop(old)
    acts(data)["engagedCheck"]["ConditionalSplit"]["FalseActivity"] = new


def _set(path: str, value: Any) -> Mutation:
    """A mutation setting the dotted wire ``path`` (list indexes as numbers) to ``value``."""

    def mutate(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is _DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return mutate


_DELETE = object()
W1 = "Activities.greetEmail"
SPLIT1 = "Activities.engagedCheck.ConditionalSplit"
EVENT1 = f"{SPLIT1}.Condition.Conditions[0].EventCondition.MessageActivity"


def case(
    rule: str,
    name: str,
    mutate: Mutation,
    where: str,
    severity: Severity = "error",
    *,
    label: str,
) -> Any:
    return pytest.param(name, mutate, rule, where, severity, id=f"{rule}-{label}")


CASES = [
    case("J1", "onboarding", _set("Name", _DELETE), "Name", label="name-missing"),
    case("J1", "onboarding", _set("Name", ""), "Name", label="name-empty"),
    case("J2", "onboarding", _set("Name", "welcome series"), "Name", label="name-with-space"),
    case("J2", "onboarding", _set("Name", "x" * 151), "Name", label="name-too-long"),
    case(
        "J3",
        "onboarding",
        lambda d: _rename(d, "reminderSms", "nudge-sms"),
        "Activities.nudge-sms",
        label="activity-id-not-alphanumeric",
    ),
    case(
        "J3",
        "onboarding",
        lambda d: _rename(d, "reminderSms", "n" * 101),
        "Activities." + "n" * 101,
        label="activity-id-too-long",
    ),
    case(
        "J4",
        "onboarding",
        _set("StartActivity", "welcome_email"),
        "StartActivity",
        label="start-activity-format",
    ),
    case(
        "J5",
        "onboarding",
        _set("StartActivity", "nope"),
        "StartActivity",
        label="start-activity-unknown",
    ),
    case(
        "J5",
        "onboarding",
        _set("StartActivity", _DELETE),
        "StartActivity",
        label="start-activity-missing",
    ),
    case("J6", "onboarding", _set("State", "PAUSED"), "State", label="write-paused"),
    case("J6", "onboarding", _set("State", "CANCELLED"), "State", label="write-cancelled"),
    case(
        "J10",
        "price-update",
        lambda d: acts(d)["reactionSplit"]["MultiCondition"]["Branches"].extend(
            copy.deepcopy(acts(d)["reactionSplit"]["MultiCondition"]["Branches"][:1]) * 3
        ),
        "Activities.reactionSplit.MultiCondition.Branches",
        label="five-branches",
    ),
    case(
        "J10",
        "price-update",
        _set("Activities.reactionSplit.MultiCondition.Branches", []),
        "Activities.reactionSplit.MultiCondition.Branches",
        label="no-branches",
    ),
    case(
        "J11",
        "holiday-sale",
        _set(
            "Activities.creativeTest.RandomSplit.Branches",
            [{"Percentage": 20, "NextActivity": "creativeOneEmail"}] * 4
            + [{"Percentage": 10, "NextActivity": "creativeTwoEmail"}] * 2,
        ),
        "Activities.creativeTest.RandomSplit.Branches",
        label="six-paths",
    ),
    case(
        "J12",
        "holiday-sale",
        _set("Activities.creativeTest.RandomSplit.Branches.2.Percentage", 30),
        "Activities.creativeTest.RandomSplit.Branches",
        label="sum-not-100",
    ),
    case(
        "J12",
        "holiday-sale",
        _set(
            "Activities.creativeTest.RandomSplit.Branches",
            [{"Percentage": 100, "NextActivity": "creativeOneEmail"}],
        ),
        "Activities.creativeTest.RandomSplit.Branches",
        label="one-path",
    ),
    case(
        "J12",
        "holiday-sale",
        _set("Activities.creativeTest.RandomSplit.Branches.2.Percentage", -20),
        "Activities.creativeTest.RandomSplit.Branches[2].Percentage",
        label="negative",
    ),
    case(
        "J12",
        "holiday-sale",
        lambda d: acts(d)["creativeTest"]["RandomSplit"]["Branches"].append(
            {"Percentage": 0, "NextActivity": "creativeThreeSms"}
        ),
        "Activities.creativeTest.RandomSplit.Branches[3].Percentage",
        "warning",
        label="zero-percent-warns",
    ),
    case(
        "J13",
        "holiday-sale",
        _set("Activities.controlGroup.Holdout.Percentage", _DELETE),
        "Activities.controlGroup.Holdout.Percentage",
        label="holdout-percentage-missing",
    ),
    case(
        "J14",
        "holiday-sale",
        _set("Activities.controlGroup.Holdout.Percentage", 120),
        "Activities.controlGroup.Holdout.Percentage",
        label="holdout-over-100",
    ),
    case("J16", "onboarding", _set("Limits.DailyCap", 101), "Limits.DailyCap", label="daily-cap"),
    case(
        "J17", "cart-reminder", _set("Limits.TotalCap", 101), "Limits.TotalCap", label="total-cap"
    ),
    case(
        "J18",
        "cart-reminder",
        _set("Limits.EndpointReentryCap", -1),
        "Limits.EndpointReentryCap",
        label="reentry-cap-negative",
    ),
    case(
        "J19",
        "holiday-sale",
        _set("Limits.TimeframeCap.Days", 31),
        "Limits.TimeframeCap.Days",
        label="timeframe-days",
    ),
    case(
        "J19",
        "holiday-sale",
        _set("Limits.TimeframeCap.Cap", 101),
        "Limits.TimeframeCap.Cap",
        label="timeframe-cap",
    ),
    case(
        "J20",
        "onboarding",
        _set("Limits.MessagesPerSecond", 0),
        "Limits.MessagesPerSecond",
        "warning",
        label="rate-below-1",
    ),
    case(
        "J21",
        "onboarding",
        _set("Activities.pauseFiveDays.Wait.WaitTime.WaitFor", "7 days"),
        "Activities.pauseFiveDays.Wait.WaitTime.WaitFor",
        label="wait-for-not-iso",
    ),
    case(
        "J21",
        "onboarding",
        _set("Activities.engagedCheck.ConditionalSplit.EvaluationWaitTime.WaitFor", "72h"),
        f"{SPLIT1}.EvaluationWaitTime.WaitFor",
        label="evaluation-wait-not-iso",
    ),
    case(
        "J21",
        "onboarding",
        _set("RefreshFrequency", "hourly"),
        "RefreshFrequency",
        label="refresh-not-iso",
    ),
    case(
        "J21",
        "cart-reminder",
        _set("Limits.EndpointReentryInterval", "1 week"),
        "Limits.EndpointReentryInterval",
        label="reentry-interval-not-iso",
    ),
    case(
        "J22",
        "onboarding",
        _set("Activities.pauseFiveDays.Wait.WaitTime.WaitFor", "PT5M"),
        "Activities.pauseFiveDays.Wait.WaitTime.WaitFor",
        "warning",
        label="wait-shorter-than-an-hour",
    ),
    case(
        "J23",
        "holiday-sale",
        _set("Activities.holdUntilDoorsOpen.Wait.WaitTime.WaitUntil", "2029-01-15T00:00:00Z"),
        "Activities.holdUntilDoorsOpen.Wait.WaitTime.WaitUntil",
        "warning",
        label="wait-until-after-end",
    ),
    case(
        "J24",
        "onboarding",
        _set("Activities.pauseFiveDays.Wait.WaitTime.WaitUntil", "2028-02-01T00:00:00Z"),
        "Activities.pauseFiveDays.Wait.WaitTime",
        label="wait-for-and-until",
    ),
    case(
        "J24",
        "onboarding",
        _set("Activities.engagedCheck.ConditionalSplit.EvaluationWaitTime", {}),
        f"{SPLIT1}.EvaluationWaitTime",
        label="evaluation-wait-empty",
    ),
    case(
        "J25",
        "onboarding",
        _set("QuietTime.Start", "9pm"),
        "QuietTime.Start",
        label="quiet-time-format",
    ),
    case(
        "J25",
        "onboarding",
        _set("QuietTime.End", "24:00"),
        "QuietTime.End",
        label="quiet-time-hour-24",
    ),
    case(
        "J26",
        "holiday-sale",
        _set("SendingSchedule", False),
        "OpenHours",
        label="open-hours-without-sending-schedule",
    ),
    case(
        "J26",
        "holiday-sale",
        _set("QuietTime", _DELETE),
        "ClosedDays",
        label="closed-days-without-quiet-time",
    ),
    case(
        "J27",
        "holiday-sale",
        _set("OpenHours.EMAIL.MONDAY.0.EndTime", _DELETE),
        "OpenHours.EMAIL.MONDAY[0].EndTime",
        label="open-hours-rule-incomplete",
    ),
    case(
        "J27",
        "holiday-sale",
        _set("ClosedDays.SMS.0.Name", _DELETE),
        "ClosedDays.SMS[0].Name",
        label="closed-days-rule-incomplete",
    ),
    case(
        "J28",
        "cart-reminder",
        _set("Schedule.Timezone", "America/New_York"),
        "Schedule.Timezone",
        label="iana-name",
    ),
    case(
        "J28",
        "cart-reminder",
        _set("Schedule.Timezone", "UTC-01"),
        "Schedule.Timezone",
        label="unlisted-offset",
    ),
    case(
        "J29",
        "onboarding",
        _set("Schedule.EndTime", "2026-12-31T00:00:00Z"),
        "Schedule.EndTime",
        label="end-before-start",
    ),
    case(
        "J30",
        "price-update",
        _set("TimezoneEstimationMethods", ["POSTAL_CODE"]),
        "TimezoneEstimationMethods",
        "warning",
        label="postal-code",
    ),
    case(
        "J31",
        "onboarding",
        _set("Activities.engagedCheck.ConditionalSplit.Condition.Operator", "EITHER"),
        f"{SPLIT1}.Condition.Operator",
        label="operator-enum",
    ),
    case(
        "J31",
        "holiday-sale",
        lambda d: d["OpenHours"]["SMS"].update(FUNDAY=[]),
        "OpenHours.SMS.FUNDAY",
        label="day-enum",
    ),
    case(
        "J32",
        "win-back",
        _set(
            "Activities.returnedCheck.ConditionalSplit.Condition.Conditions.0.SegmentCondition", {}
        ),
        "Activities.returnedCheck.ConditionalSplit.Condition.Conditions[0].SegmentCondition.SegmentId",
        label="segment-id-missing",
    ),
    case(
        "J32",
        "onboarding",
        _set(
            "Activities.engagedCheck.ConditionalSplit.Condition.Conditions.0.EventCondition.Dimensions.EventType.Values",
            [],
        ),
        f"{SPLIT1}.Condition.Conditions[0].EventCondition.Dimensions.EventType.Values",
        label="event-values-empty",
    ),
    case(
        "J35",
        "win-back",
        _set("Activities.crmHandoff.CUSTOM.DeliveryUri", "http://crm.example.com/hook"),
        "Activities.crmHandoff.CUSTOM.DeliveryUri",
        label="plain-http",
    ),
    case(
        "J35",
        "win-back",
        _set("Activities.crmHandoff.CUSTOM.DeliveryUri", _DELETE),
        "Activities.crmHandoff.CUSTOM.DeliveryUri",
        label="missing",
    ),
    case(
        "J36",
        "onboarding",
        _set("Activities.featuresPush.PUSH.MessageConfig.TimeToLive", "1 day"),
        "Activities.featuresPush.PUSH.MessageConfig.TimeToLive",
        label="ttl-not-seconds",
    ),
    case(
        "J37",
        "onboarding",
        lambda d: d.update(Activities=chain(41), StartActivity="w0"),
        "Activities",
        "warning",
        label="more-than-40-activities",
    ),
    case(
        "J39",
        "win-back",
        lambda d: d.update(
            Activities={
                **{
                    f"call{i}": {"ContactCenter": {"NextActivity": f"call{i + 1}"}}
                    for i in range(3)
                },
                "call3": {"ContactCenter": {}},
            },
            StartActivity="call0",
        ),
        "Activities",
        "warning",
        label="four-contact-center-calls",
    ),
    case(
        "J40",
        "win-back",
        _set("JourneyChannelSettings", _DELETE),
        "Activities.agentPhoneCall.ContactCenter",
        label="contact-center-without-settings",
    ),
    case(
        "J41",
        "win-back",
        _set("Activities.crmHandoff.CUSTOM.MessageConfig.Data", "x" * 5001),
        "Activities.crmHandoff.CUSTOM.MessageConfig.Data",
        "warning",
        label="custom-data-over-5000",
    ),
    case(
        "J42",
        "win-back",
        _set("Activities.crmHandoff.CUSTOM.MessageConfig.Data", "x" * (7 * 1024 * 1024)),
        "request",
        "warning",
        label="payload-over-7mb",
    ),
    case(
        "P2",
        "onboarding",
        _set(f"{W1}.EMAIL.NextActivity", "ghost"),
        f"{W1}.EMAIL.NextActivity",
        label="dangling-next",
    ),
    case(
        "P2",
        "onboarding",
        _set(f"{SPLIT1}.Condition.Conditions.0.EventCondition.MessageActivity", "ghost"),
        EVENT1,
        label="dangling-message-activity",
    ),
    case(
        "P3",
        "onboarding",
        lambda d: acts(d).update(orphan={"EMAIL": {"TemplateName": "Orphan"}}),
        "Activities.orphan",
        label="unreachable",
    ),
    case(
        "P4",
        "onboarding",
        _set("Activities.featuresPush.PUSH.NextActivity", "engagedCheck"),
        "Activities.featuresPush.PUSH.NextActivity",
        label="cycle",
    ),
    case(
        "P4",
        "onboarding",
        _set("Activities.pauseFiveDays.Wait.NextActivity", "pauseFiveDays"),
        "Activities.pauseFiveDays.Wait.NextActivity",
        label="self-loop",
    ),
    case(
        "P5",
        "onboarding",
        lambda d: (
            acts(d).update(bye={"EMAIL": {"TemplateName": "Bye"}}),
            acts(d)["featuresPush"]["PUSH"].update(NextActivity="bye"),
            acts(d)["reminderSms"]["SMS"].update(NextActivity="bye"),
        ),
        "Activities.bye",
        "warning",
        label="converging-paths",
    ),
    case(
        "P6",
        "onboarding",
        _set("Activities.reminderSms.SMS.NextActivity", "greetEmail"),
        "Activities.reminderSms.SMS.NextActivity",
        label="start-has-predecessor",
    ),
    case(
        "P7",
        "onboarding",
        _set("Activities.reminderSms.EMAIL", {"TemplateName": "AlsoEmail"}),
        "Activities.reminderSms",
        label="two-types",
    ),
    case(
        "P7",
        "onboarding",
        _set("Activities.reminderSms", {"Description": "nothing"}),
        "Activities.reminderSms",
        label="no-type",
    ),
    case(
        "P7",
        "win-back",
        _set(
            "Activities.returnedCheck.ConditionalSplit.Condition.Conditions.0.SegmentDimensions",
            {"UserAttributes": {"plan": {"AttributeType": "INCLUSIVE", "Values": ["pro"]}}},
        ),
        "Activities.returnedCheck.ConditionalSplit.Condition.Conditions[0]",
        label="condition-with-two-kinds",
    ),
    case(
        "P8",
        "holiday-sale",
        _set(
            "Activities.insiderOpened.ConditionalSplit.Condition.Conditions.0.EventCondition.MessageActivity",
            "holdUntilDoorsOpen",
        ),
        "Activities.insiderOpened.ConditionalSplit.Condition.Conditions[0].EventCondition.MessageActivity",
        label="event-on-a-wait",
    ),
    case(
        "P8",
        "onboarding",
        _set(f"{SPLIT1}.Condition.Conditions.0.EventCondition.MessageActivity", "featuresPush"),
        EVENT1,
        label="event-on-a-later-message",
    ),
    case(
        "P9",
        "onboarding",
        _set(f"{SPLIT1}.Condition.Conditions", []),
        f"{SPLIT1}.Condition",
        label="split-without-conditions",
    ),
    case(
        "P10",
        "onboarding",
        _set(f"{SPLIT1}.FalseActivity", _DELETE),
        f"{SPLIT1}.FalseActivity",
        "warning",
        label="split-path-unset",
    ),
    case(
        "P11",
        "holiday-sale",
        _set("Activities.holdUntilDoorsOpen.Wait.WaitTime.WaitUntil", "Black Friday"),
        "Activities.holdUntilDoorsOpen.Wait.WaitTime.WaitUntil",
        label="wait-until-not-a-date",
    ),
    case(
        "P11",
        "holiday-sale",
        _set("Activities.holdUntilDoorsOpen.Wait.WaitTime.WaitUntil", "2026-11-26T14:00:00Z"),
        "Activities.holdUntilDoorsOpen.Wait.WaitTime.WaitUntil",
        "warning",
        label="wait-until-in-the-past",
    ),
    case(
        "P14",
        "onboarding",
        _set("StartCondition", _DELETE),
        "StartCondition",
        label="no-start-condition",
    ),
    case(
        "P14",
        "onboarding",
        _set(
            "StartCondition.EventStartCondition",
            {
                "EventFilter": {
                    "FilterType": "ENDPOINT",
                    "Dimensions": {"EventType": {"Values": ["x"]}},
                }
            },
        ),
        "StartCondition",
        label="segment-and-event-start",
    ),
    case(
        "P14",
        "cart-reminder",
        _set("StartCondition.EventStartCondition.EventFilter.Dimensions.EventType", _DELETE),
        "StartCondition.EventStartCondition.EventFilter.Dimensions",
        label="event-start-without-event-type",
    ),
    case("P16", "onboarding", _set("Tags", {"team": "growth"}), "Tags", label="unknown-member"),
]


@pytest.mark.parametrize(("name", "mutate", "rule", "where", "severity"), CASES)
def test_broken_journey_reports_the_rule_and_where(
    name: str, mutate: Mutation, rule: str, where: str, severity: Severity
) -> None:
    data = example(name)
    mutate(data)

    problems = validate_journey(data, now=NOW)

    found = [(p.rule, p.where, p.severity) for p in problems]
    assert (rule, where, severity) in found, "\n".join(map(str, problems))


EXPECTED_WARNINGS = {
    "onboarding": [("J30", "TimezoneEstimationMethods")],  # it estimates from postal codes
    "cart-reminder": [],
    "holiday-sale": [],
    "win-back": [],
    "price-update": [],
}


@pytest.mark.parametrize("name", EXPECTED_WARNINGS)
def test_example_journeys_have_no_errors(name: str) -> None:
    request = WriteJourneyRequest.model_validate(example(name))

    problems = validate_journey(request, now=NOW)

    assert [(p.rule, p.where) for p in problems if p.severity == "warning"] == EXPECTED_WARNINGS[
        name
    ]
    assert [p for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize(
    "uri",
    [
        "crm-reactivate",
        "crm-reactivate:live",
        "123456789012:function:crm-reactivate",
        "arn:aws:lambda:eu-west-1:123456789012:function:crm-reactivate:$LATEST",
        "https://hooks.example.com/pinpoint?x=1",
    ],
)
def test_custom_delivery_uri_accepts_lambda_names_arns_and_https(uri: str) -> None:
    data = example("win-back")
    acts(data)["crmHandoff"]["CUSTOM"]["DeliveryUri"] = uri

    assert [p for p in validate_journey(data, now=NOW) if p.rule == "J35"] == []


def test_every_listed_timezone_is_accepted_and_the_list_matches_the_reference() -> None:
    assert len(JOURNEY_TIMEZONES) == 37
    assert {"UTC", "UTC+05:45", "UTC+13:45", "UTC-09:30"} <= JOURNEY_TIMEZONES
    assert not {"UTC-01", "UTC-12", "UTC+14", "Europe/Paris"} & JOURNEY_TIMEZONES
    data = example("onboarding")
    for zone in sorted(JOURNEY_TIMEZONES):
        data["Schedule"]["Timezone"] = zone
        assert [p for p in validate_journey(data, now=NOW) if p.rule == "J28"] == []


def test_a_problem_says_where_and_why_in_plain_words() -> None:
    data = example("onboarding")
    acts(data)["greetEmail"]["EMAIL"]["NextActivity"] = "ghost"

    problem = next(p for p in validate_journey(data, now=NOW) if p.rule == "P2")

    assert problem == Problem(
        "Activities.greetEmail.EMAIL.NextActivity",
        "leads to 'ghost', which is not an activity",
        "P2",
    )


def test_load_journey_raises_one_error_for_a_dict_that_does_not_fit_the_model() -> None:
    data = example("onboarding")
    data["State"] = "SOMEDAY"
    del data["Name"]

    with pytest.raises(BuildError) as raised:
        load_journey(data)

    assert {(p.rule, p.where) for p in raised.value.problems} == {("J31", "State"), ("J1", "Name")}
