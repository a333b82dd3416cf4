"""``validate_journey``: one broken variant of an example journey per rule, each reported
with its rule id and where it is; the examples themselves report no error."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from pinpoint_sdk.builders._problems import BuildError, Problem, Severity
from pinpoint_sdk.builders.journey_rules import JOURNEY_TIMEZONES, load_journey, validate_journey
from pinpoint_sdk.models import WriteJourneyRequest

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "design" / "examples"
NOW = datetime(2027, 1, 1, tzinfo=timezone.utc)
Mutation = Callable[[dict[str, Any]], object]


def example(name: str) -> dict[str, Any]:
    """A fresh copy of an example request, or a skip when the design folder is missing."""
    found = sorted(EXAMPLES.glob(f"{name}*.json"))
    if not found:
        pytest.skip(f"design examples not found under {EXAMPLES}")
    data: dict[str, Any] = json.loads(found[0].read_text())
    return data


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
    acts(data)["openedWelcome"]["ConditionalSplit"]["FalseActivity"] = new


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
W1 = "Activities.welcomeEmail"
SPLIT1 = "Activities.openedWelcome.ConditionalSplit"
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
    case("J1", "journey-01", _set("Name", _DELETE), "Name", label="name-missing"),
    case("J1", "journey-01", _set("Name", ""), "Name", label="name-empty"),
    case("J2", "journey-01", _set("Name", "welcome series"), "Name", label="name-with-space"),
    case("J2", "journey-01", _set("Name", "x" * 151), "Name", label="name-too-long"),
    case(
        "J3",
        "journey-01",
        lambda d: _rename(d, "nudgeSms", "nudge-sms"),
        "Activities.nudge-sms",
        label="activity-id-not-alphanumeric",
    ),
    case(
        "J3",
        "journey-01",
        lambda d: _rename(d, "nudgeSms", "n" * 101),
        "Activities." + "n" * 101,
        label="activity-id-too-long",
    ),
    case(
        "J4",
        "journey-01",
        _set("StartActivity", "welcome_email"),
        "StartActivity",
        label="start-activity-format",
    ),
    case(
        "J5",
        "journey-01",
        _set("StartActivity", "nope"),
        "StartActivity",
        label="start-activity-unknown",
    ),
    case(
        "J5",
        "journey-01",
        _set("StartActivity", _DELETE),
        "StartActivity",
        label="start-activity-missing",
    ),
    case("J6", "journey-01", _set("State", "PAUSED"), "State", label="write-paused"),
    case("J6", "journey-01", _set("State", "CANCELLED"), "State", label="write-cancelled"),
    case(
        "J10",
        "journey-05",
        lambda d: acts(d)["engagementSplit"]["MultiCondition"]["Branches"].extend(
            copy.deepcopy(acts(d)["engagementSplit"]["MultiCondition"]["Branches"][:1]) * 3
        ),
        "Activities.engagementSplit.MultiCondition.Branches",
        label="five-branches",
    ),
    case(
        "J10",
        "journey-05",
        _set("Activities.engagementSplit.MultiCondition.Branches", []),
        "Activities.engagementSplit.MultiCondition.Branches",
        label="no-branches",
    ),
    case(
        "J11",
        "journey-03",
        _set(
            "Activities.abTest.RandomSplit.Branches",
            [{"Percentage": 20, "NextActivity": "variantAEmail"}] * 4
            + [{"Percentage": 10, "NextActivity": "variantBEmail"}] * 2,
        ),
        "Activities.abTest.RandomSplit.Branches",
        label="six-paths",
    ),
    case(
        "J12",
        "journey-03",
        _set("Activities.abTest.RandomSplit.Branches.2.Percentage", 30),
        "Activities.abTest.RandomSplit.Branches",
        label="sum-not-100",
    ),
    case(
        "J12",
        "journey-03",
        _set(
            "Activities.abTest.RandomSplit.Branches",
            [{"Percentage": 100, "NextActivity": "variantAEmail"}],
        ),
        "Activities.abTest.RandomSplit.Branches",
        label="one-path",
    ),
    case(
        "J12",
        "journey-03",
        _set("Activities.abTest.RandomSplit.Branches.2.Percentage", -20),
        "Activities.abTest.RandomSplit.Branches[2].Percentage",
        label="negative",
    ),
    case(
        "J12",
        "journey-03",
        lambda d: acts(d)["abTest"]["RandomSplit"]["Branches"].append(
            {"Percentage": 0, "NextActivity": "variantCSms"}
        ),
        "Activities.abTest.RandomSplit.Branches[3].Percentage",
        "warning",
        label="zero-percent-warns",
    ),
    case(
        "J13",
        "journey-03",
        _set("Activities.holdoutControl.Holdout.Percentage", _DELETE),
        "Activities.holdoutControl.Holdout.Percentage",
        label="holdout-percentage-missing",
    ),
    case(
        "J14",
        "journey-03",
        _set("Activities.holdoutControl.Holdout.Percentage", 120),
        "Activities.holdoutControl.Holdout.Percentage",
        label="holdout-over-100",
    ),
    case("J16", "journey-01", _set("Limits.DailyCap", 101), "Limits.DailyCap", label="daily-cap"),
    case("J17", "journey-02", _set("Limits.TotalCap", 101), "Limits.TotalCap", label="total-cap"),
    case(
        "J18",
        "journey-02",
        _set("Limits.EndpointReentryCap", -1),
        "Limits.EndpointReentryCap",
        label="reentry-cap-negative",
    ),
    case(
        "J19",
        "journey-03",
        _set("Limits.TimeframeCap.Days", 31),
        "Limits.TimeframeCap.Days",
        label="timeframe-days",
    ),
    case(
        "J19",
        "journey-03",
        _set("Limits.TimeframeCap.Cap", 101),
        "Limits.TimeframeCap.Cap",
        label="timeframe-cap",
    ),
    case(
        "J20",
        "journey-01",
        _set("Limits.MessagesPerSecond", 0),
        "Limits.MessagesPerSecond",
        "warning",
        label="rate-below-1",
    ),
    case(
        "J21",
        "journey-01",
        _set("Activities.waitOneWeek.Wait.WaitTime.WaitFor", "7 days"),
        "Activities.waitOneWeek.Wait.WaitTime.WaitFor",
        label="wait-for-not-iso",
    ),
    case(
        "J21",
        "journey-01",
        _set("Activities.openedWelcome.ConditionalSplit.EvaluationWaitTime.WaitFor", "72h"),
        f"{SPLIT1}.EvaluationWaitTime.WaitFor",
        label="evaluation-wait-not-iso",
    ),
    case(
        "J21",
        "journey-01",
        _set("RefreshFrequency", "hourly"),
        "RefreshFrequency",
        label="refresh-not-iso",
    ),
    case(
        "J21",
        "journey-02",
        _set("Limits.EndpointReentryInterval", "1 week"),
        "Limits.EndpointReentryInterval",
        label="reentry-interval-not-iso",
    ),
    case(
        "J22",
        "journey-01",
        _set("Activities.waitOneWeek.Wait.WaitTime.WaitFor", "PT5M"),
        "Activities.waitOneWeek.Wait.WaitTime.WaitFor",
        "warning",
        label="wait-shorter-than-an-hour",
    ),
    case(
        "J23",
        "journey-03",
        _set("Activities.vipWaitUntilSale.Wait.WaitTime.WaitUntil", "2028-01-01T00:00:00Z"),
        "Activities.vipWaitUntilSale.Wait.WaitTime.WaitUntil",
        "warning",
        label="wait-until-after-end",
    ),
    case(
        "J24",
        "journey-01",
        _set("Activities.waitOneWeek.Wait.WaitTime.WaitUntil", "2027-02-01T00:00:00Z"),
        "Activities.waitOneWeek.Wait.WaitTime",
        label="wait-for-and-until",
    ),
    case(
        "J24",
        "journey-01",
        _set("Activities.openedWelcome.ConditionalSplit.EvaluationWaitTime", {}),
        f"{SPLIT1}.EvaluationWaitTime",
        label="evaluation-wait-empty",
    ),
    case(
        "J25",
        "journey-01",
        _set("QuietTime.Start", "9pm"),
        "QuietTime.Start",
        label="quiet-time-format",
    ),
    case(
        "J25",
        "journey-01",
        _set("QuietTime.End", "24:00"),
        "QuietTime.End",
        label="quiet-time-hour-24",
    ),
    case(
        "J26",
        "journey-03",
        _set("SendingSchedule", False),
        "OpenHours",
        label="open-hours-without-sending-schedule",
    ),
    case(
        "J26",
        "journey-03",
        _set("QuietTime", _DELETE),
        "ClosedDays",
        label="closed-days-without-quiet-time",
    ),
    case(
        "J27",
        "journey-03",
        _set("OpenHours.EMAIL.MONDAY.0.EndTime", _DELETE),
        "OpenHours.EMAIL.MONDAY[0].EndTime",
        label="open-hours-rule-incomplete",
    ),
    case(
        "J27",
        "journey-03",
        _set("ClosedDays.SMS.0.Name", _DELETE),
        "ClosedDays.SMS[0].Name",
        label="closed-days-rule-incomplete",
    ),
    case(
        "J28",
        "journey-02",
        _set("Schedule.Timezone", "America/New_York"),
        "Schedule.Timezone",
        label="iana-name",
    ),
    case(
        "J28",
        "journey-02",
        _set("Schedule.Timezone", "UTC-01"),
        "Schedule.Timezone",
        label="unlisted-offset",
    ),
    case(
        "J29",
        "journey-01",
        _set("Schedule.EndTime", "2026-12-31T00:00:00Z"),
        "Schedule.EndTime",
        label="end-before-start",
    ),
    case(
        "J30",
        "journey-05",
        _set("TimezoneEstimationMethods", ["POSTAL_CODE"]),
        "TimezoneEstimationMethods",
        "warning",
        label="postal-code",
    ),
    case(
        "J31",
        "journey-01",
        _set("Activities.openedWelcome.ConditionalSplit.Condition.Operator", "EITHER"),
        f"{SPLIT1}.Condition.Operator",
        label="operator-enum",
    ),
    case(
        "J31",
        "journey-03",
        lambda d: d["OpenHours"]["SMS"].update(FUNDAY=[]),
        "OpenHours.SMS.FUNDAY",
        label="day-enum",
    ),
    case(
        "J32",
        "journey-04",
        _set("Activities.cameBack.ConditionalSplit.Condition.Conditions.0.SegmentCondition", {}),
        "Activities.cameBack.ConditionalSplit.Condition.Conditions[0].SegmentCondition.SegmentId",
        label="segment-id-missing",
    ),
    case(
        "J32",
        "journey-01",
        _set(
            "Activities.openedWelcome.ConditionalSplit.Condition.Conditions.0.EventCondition.Dimensions.EventType.Values",
            [],
        ),
        f"{SPLIT1}.Condition.Conditions[0].EventCondition.Dimensions.EventType.Values",
        label="event-values-empty",
    ),
    case(
        "J35",
        "journey-04",
        _set("Activities.winbackWebhook.CUSTOM.DeliveryUri", "http://crm.example.com/hook"),
        "Activities.winbackWebhook.CUSTOM.DeliveryUri",
        label="plain-http",
    ),
    case(
        "J35",
        "journey-04",
        _set("Activities.winbackWebhook.CUSTOM.DeliveryUri", _DELETE),
        "Activities.winbackWebhook.CUSTOM.DeliveryUri",
        label="missing",
    ),
    case(
        "J36",
        "journey-01",
        _set("Activities.tipsPush.PUSH.MessageConfig.TimeToLive", "1 day"),
        "Activities.tipsPush.PUSH.MessageConfig.TimeToLive",
        label="ttl-not-seconds",
    ),
    case(
        "J37",
        "journey-01",
        lambda d: d.update(Activities=chain(41), StartActivity="w0"),
        "Activities",
        "warning",
        label="more-than-40-activities",
    ),
    case(
        "J39",
        "journey-04",
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
        "journey-04",
        _set("JourneyChannelSettings", _DELETE),
        "Activities.agentCall.ContactCenter",
        label="contact-center-without-settings",
    ),
    case(
        "J41",
        "journey-04",
        _set("Activities.winbackWebhook.CUSTOM.MessageConfig.Data", "x" * 5001),
        "Activities.winbackWebhook.CUSTOM.MessageConfig.Data",
        "warning",
        label="custom-data-over-5000",
    ),
    case(
        "J42",
        "journey-04",
        _set("Activities.winbackWebhook.CUSTOM.MessageConfig.Data", "x" * (7 * 1024 * 1024)),
        "request",
        "warning",
        label="payload-over-7mb",
    ),
    case(
        "P2",
        "journey-01",
        _set(f"{W1}.EMAIL.NextActivity", "ghost"),
        f"{W1}.EMAIL.NextActivity",
        label="dangling-next",
    ),
    case(
        "P2",
        "journey-01",
        _set(f"{SPLIT1}.Condition.Conditions.0.EventCondition.MessageActivity", "ghost"),
        EVENT1,
        label="dangling-message-activity",
    ),
    case(
        "P3",
        "journey-01",
        lambda d: acts(d).update(orphan={"EMAIL": {"TemplateName": "Orphan"}}),
        "Activities.orphan",
        label="unreachable",
    ),
    case(
        "P4",
        "journey-01",
        _set("Activities.tipsPush.PUSH.NextActivity", "openedWelcome"),
        "Activities.tipsPush.PUSH.NextActivity",
        label="cycle",
    ),
    case(
        "P4",
        "journey-01",
        _set("Activities.waitOneWeek.Wait.NextActivity", "waitOneWeek"),
        "Activities.waitOneWeek.Wait.NextActivity",
        label="self-loop",
    ),
    case(
        "P5",
        "journey-01",
        lambda d: (
            acts(d).update(bye={"EMAIL": {"TemplateName": "Bye"}}),
            acts(d)["tipsPush"]["PUSH"].update(NextActivity="bye"),
            acts(d)["nudgeSms"]["SMS"].update(NextActivity="bye"),
        ),
        "Activities.bye",
        "warning",
        label="converging-paths",
    ),
    case(
        "P6",
        "journey-01",
        _set("Activities.nudgeSms.SMS.NextActivity", "welcomeEmail"),
        "Activities.nudgeSms.SMS.NextActivity",
        label="start-has-predecessor",
    ),
    case(
        "P7",
        "journey-01",
        _set("Activities.nudgeSms.EMAIL", {"TemplateName": "AlsoEmail"}),
        "Activities.nudgeSms",
        label="two-types",
    ),
    case(
        "P7",
        "journey-01",
        _set("Activities.nudgeSms", {"Description": "nothing"}),
        "Activities.nudgeSms",
        label="no-type",
    ),
    case(
        "P7",
        "journey-04",
        _set(
            "Activities.cameBack.ConditionalSplit.Condition.Conditions.0.SegmentDimensions",
            {"UserAttributes": {"plan": {"AttributeType": "INCLUSIVE", "Values": ["pro"]}}},
        ),
        "Activities.cameBack.ConditionalSplit.Condition.Conditions[0]",
        label="condition-with-two-kinds",
    ),
    case(
        "P8",
        "journey-03",
        _set(
            "Activities.vipOpenedCheck.ConditionalSplit.Condition.Conditions.0.EventCondition.MessageActivity",
            "vipWaitUntilSale",
        ),
        "Activities.vipOpenedCheck.ConditionalSplit.Condition.Conditions[0].EventCondition.MessageActivity",
        label="event-on-a-wait",
    ),
    case(
        "P8",
        "journey-01",
        _set(f"{SPLIT1}.Condition.Conditions.0.EventCondition.MessageActivity", "tipsPush"),
        EVENT1,
        label="event-on-a-later-message",
    ),
    case(
        "P9",
        "journey-01",
        _set(f"{SPLIT1}.Condition.Conditions", []),
        f"{SPLIT1}.Condition",
        label="split-without-conditions",
    ),
    case(
        "P10",
        "journey-01",
        _set(f"{SPLIT1}.FalseActivity", _DELETE),
        f"{SPLIT1}.FalseActivity",
        "warning",
        label="split-path-unset",
    ),
    case(
        "P11",
        "journey-03",
        _set("Activities.vipWaitUntilSale.Wait.WaitTime.WaitUntil", "Black Friday"),
        "Activities.vipWaitUntilSale.Wait.WaitTime.WaitUntil",
        label="wait-until-not-a-date",
    ),
    case(
        "P11",
        "journey-03",
        _set("Activities.vipWaitUntilSale.Wait.WaitTime.WaitUntil", "2026-11-26T14:00:00Z"),
        "Activities.vipWaitUntilSale.Wait.WaitTime.WaitUntil",
        "warning",
        label="wait-until-in-the-past",
    ),
    case(
        "P14",
        "journey-01",
        _set("StartCondition", _DELETE),
        "StartCondition",
        label="no-start-condition",
    ),
    case(
        "P14",
        "journey-01",
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
        "journey-02",
        _set("StartCondition.EventStartCondition.EventFilter.Dimensions.EventType", _DELETE),
        "StartCondition.EventStartCondition.EventFilter.Dimensions",
        label="event-start-without-event-type",
    ),
    case("P16", "journey-01", _set("Tags", {"team": "growth"}), "Tags", label="unknown-member"),
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
    "journey-01": [("J30", "TimezoneEstimationMethods")],  # it estimates from postal codes
    "journey-02": [],
    "journey-03": [],
    "journey-04": [],
    "journey-05": [],
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
        "crm-winback",
        "crm-winback:live",
        "123456789012:function:crm-winback",
        "arn:aws:lambda:eu-west-1:123456789012:function:crm-winback:$LATEST",
        "https://hooks.example.com/pinpoint?x=1",
    ],
)
def test_custom_delivery_uri_accepts_lambda_names_arns_and_https(uri: str) -> None:
    data = example("journey-04")
    acts(data)["winbackWebhook"]["CUSTOM"]["DeliveryUri"] = uri

    assert [p for p in validate_journey(data, now=NOW) if p.rule == "J35"] == []


def test_every_listed_timezone_is_accepted_and_the_list_matches_the_reference() -> None:
    assert len(JOURNEY_TIMEZONES) == 37
    assert {"UTC", "UTC+05:45", "UTC+13:45", "UTC-09:30"} <= JOURNEY_TIMEZONES
    assert not {"UTC-01", "UTC-12", "UTC+14", "Europe/Paris"} & JOURNEY_TIMEZONES
    data = example("journey-01")
    for zone in sorted(JOURNEY_TIMEZONES):
        data["Schedule"]["Timezone"] = zone
        assert [p for p in validate_journey(data, now=NOW) if p.rule == "J28"] == []


def test_a_problem_says_where_and_why_in_plain_words() -> None:
    data = example("journey-01")
    acts(data)["welcomeEmail"]["EMAIL"]["NextActivity"] = "ghost"

    problem = next(p for p in validate_journey(data, now=NOW) if p.rule == "P2")

    assert problem == Problem(
        "Activities.welcomeEmail.EMAIL.NextActivity",
        "leads to 'ghost', which is not an activity",
        "P2",
    )


def test_load_journey_raises_one_error_for_a_dict_that_does_not_fit_the_model() -> None:
    data = example("journey-01")
    data["State"] = "SOMEDAY"
    del data["Name"]

    with pytest.raises(BuildError) as raised:
        load_journey(data)

    assert {(p.rule, p.where) for p in raised.value.problems} == {("J31", "State"), ("J1", "Name")}
