"""Journey diagrams: the golden Mermaid chart of the multibranch fixture, checked against the
journey's own graph so the golden file cannot silently be wrong, and the text tree."""

from __future__ import annotations

import re
from pathlib import Path

from support.examples import journey as example

from pinpoint_sdk.builders.diagram import to_mermaid, to_text
from pinpoint_sdk.builders.journey_conditions import in_segment
from pinpoint_sdk.builders.journeys import END, JourneyBuilder
from pinpoint_sdk.models import JourneyResponse, WriteJourneyRequest

GOLDEN = Path(__file__).parent / "golden" / "holiday-sale.mmd"

NODE = re.compile(r"^    (\w+)[\[({]")
EDGE = re.compile(r'^    (\w+) -->(?:\|"([^"]*)"\|)? (\w+)$')


def edges_in(chart: str) -> set[tuple[str, str, str]]:
    return {
        (m.group(1), m.group(2) or "", m.group(3))
        for line in chart.splitlines()
        if (m := EDGE.match(line))
    }


def test_multibranch_mermaid_matches_the_golden_file() -> None:
    chart = to_mermaid(example("holiday-sale"))

    assert chart == GOLDEN.read_text()


def test_golden_chart_draws_every_activity_and_every_edge_of_the_journey() -> None:
    data = example("holiday-sale")
    chart = GOLDEN.read_text()

    nodes = [m.group(1) for line in chart.splitlines() if (m := NODE.match(line))]
    assert sorted(nodes) == sorted([*data["Activities"], "journey_start"])
    # Every edge of the request, read straight from the JSON, with the label a reviewer sees.
    activities = data["Activities"]
    multi = activities["whoSplit"]["MultiCondition"]
    randoms = activities["creativeTest"]["RandomSplit"]["Branches"]
    expected = {
        ("journey_start", "", "controlGroup"),
        ("controlGroup", "", "whoSplit"),
        ("whoSplit", "in segment 1234abcd1234abcd1234abcd1234abcd", "insiderEmail"),
        ("whoSplit", "clubLevel in platinum, gold", multi["Branches"][1]["NextActivity"]),
        ("whoSplit", "Platform in android, ios", multi["Branches"][2]["NextActivity"]),
        ("whoSplit", "else", multi["DefaultActivity"]),
        ("insiderEmail", "", "holdUntilDoorsOpen"),
        ("holdUntilDoorsOpen", "", "insiderOpened"),
        ("insiderOpened", "yes", "doorsOpenPush"),
        ("insiderOpened", "no", "doorsOpenSms"),
        *(("creativeTest", f"{b['Percentage']}%", b["NextActivity"]) for b in randoms),
    }
    assert edges_in(chart) == expected
    assert "Wait until 2028-11-24T13:00:00Z" in chart
    assert "Holdout: 15% leave" in chart
    assert chart.startswith('---\ntitle: "holiday-sale-2028-branches (DRAFT)"\n---\n')


def test_the_docs_show_the_golden_chart() -> None:
    guide = Path(__file__).resolve().parents[2] / "docs" / "journeys.md"

    assert GOLDEN.read_text() in guide.read_text()


def test_mermaid_is_the_same_for_request_builder_response_and_dict() -> None:
    data = example("holiday-sale")
    request = WriteJourneyRequest.model_validate(data)
    response = JourneyResponse.model_validate({**data, "ApplicationId": "a", "Id": "j"})

    charts = {
        to_mermaid(data),
        to_mermaid(request),
        to_mermaid(JourneyBuilder.from_request(data)),
        to_mermaid(response),
    }

    assert len(charts) == 1


def test_split_paths_that_end_go_to_an_end_node() -> None:
    journey = JourneyBuilder("ends").start_on_segment("s")
    journey.email("Hi", id="hi").split(in_segment("vip"), id="isVip").on_true(
        lambda path: path.sms("Vip", id="doorsOpenSms")
    ).on_false(END)

    chart = to_mermaid(journey)

    assert ("isVip", "no", "journey_end") in edges_in(chart)
    assert '    journey_end(("End"))' in chart.splitlines()


def test_labels_escape_quotes_and_avoid_mermaid_keywords() -> None:
    journey = JourneyBuilder("escape").start_on_segment("s")
    journey.email('Say "hi" <b>', id="end")

    chart = to_mermaid(journey)

    assert 'a_end["end<br/>Email Say #quot;hi#quot; #lt;b#gt;"]' in chart
    assert "journey_start --> a_end" in chart


def test_onboarding_as_text() -> None:
    text = to_text(example("onboarding"))

    assert text == (
        "onboarding-drip-2028 (DRAFT)\n"
        "Start: segment 7d1c0a5e9b2f48e6a3c1d0f9e8b7a6c5\n"
        "greetEmail: Email OnboardGreeting — First-day greeting\n"
        "engagedCheck: Yes/no split: _email.open of greetEmail or _email.click of "
        "greetEmail, evaluated after 2 days — Opened or clicked the greeting within two days?\n"
        "├── yes\n"
        "│   pauseFiveDays: Wait 5 days — Leave engaged people alone for five days\n"
        "│   featuresPush: Push OnboardFeatureTour — Feature tour push\n"
        "└── no\n"
        "    reminderSms: SMS OnboardReminder — SMS for people who skipped the email\n"
    )


def test_text_tree_indents_each_split_and_names_every_activity() -> None:
    data = example("holiday-sale")

    text = to_text(data)

    for activity_id in data["Activities"]:
        assert f"{activity_id}: " in text
    assert "    ├── 40%\n    │   creativeOneEmail: Email SaleCreativeOne" in text
    assert "└── else\n    creativeTest: Random split" in text


def test_text_shows_a_shared_activity_once_and_orphans_at_the_end() -> None:
    journey = JourneyBuilder("shared").start_on_segment("s")
    split = journey.email("Hi", id="hi").split_on_event("_email.open", id="opened")
    goodbye = journey.sms("Bye", id="bye")
    split.on_true(goodbye).on_false(goodbye)
    journey.push("Lost", id="lost")

    text = to_text(journey)

    assert text.count("bye: SMS Bye") == 1
    assert "→ bye (shown above)" in text
    assert text.endswith("Not reached from the start:\n  lost: Push Lost\n")


def test_diagrams_of_an_event_journey_name_the_event() -> None:
    text = to_text(example("cart-reminder"))

    assert text.splitlines()[1] == (
        "Start: event checkout.left in segment 2b4d6f8a0c1e3a5b7d9f1e3c5a7b9d0f"
    )
    assert "Wait 2 hours" in text and "evaluated after 36 hours" in text
