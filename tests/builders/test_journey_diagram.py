"""Journey diagrams: the golden Mermaid chart of the multibranch example, checked against the
journey's own graph so the golden file cannot silently be wrong, and the text tree."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pinpoint_sdk.builders.diagram import to_mermaid, to_text
from pinpoint_sdk.builders.journey_conditions import in_segment
from pinpoint_sdk.builders.journeys import END, JourneyBuilder
from pinpoint_sdk.models import JourneyResponse, WriteJourneyRequest

EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "design" / "examples"
GOLDEN = Path(__file__).parent / "golden" / "journey-03.mmd"

NODE = re.compile(r"^    (\w+)[\[({]")
EDGE = re.compile(r'^    (\w+) -->(?:\|"([^"]*)"\|)? (\w+)$')


def example(name: str) -> dict[str, Any]:
    """The example request body, or a skip when the design folder is missing."""
    found = sorted(EXAMPLES.glob(f"{name}*.json"))
    if not found:
        pytest.skip(f"design examples not found under {EXAMPLES}")
    data: dict[str, Any] = json.loads(found[0].read_text())
    return data


def edges_in(chart: str) -> set[tuple[str, str, str]]:
    return {
        (m.group(1), m.group(2) or "", m.group(3))
        for line in chart.splitlines()
        if (m := EDGE.match(line))
    }


def test_multibranch_mermaid_matches_the_golden_file() -> None:
    chart = to_mermaid(example("journey-03"))

    assert chart == GOLDEN.read_text()


def test_golden_chart_draws_every_activity_and_every_edge_of_the_journey() -> None:
    data = example("journey-03")
    chart = GOLDEN.read_text()

    nodes = [m.group(1) for line in chart.splitlines() if (m := NODE.match(line))]
    assert sorted(nodes) == sorted([*data["Activities"], "journey_start"])
    # Every edge of the request, read straight from the JSON, with the label a reviewer sees.
    activities = data["Activities"]
    multi = activities["audienceSplit"]["MultiCondition"]
    randoms = activities["abTest"]["RandomSplit"]["Branches"]
    expected = {
        ("journey_start", "", "holdoutControl"),
        ("holdoutControl", "", "audienceSplit"),
        ("audienceSplit", "in segment aaaabbbbccccddddeeeeffff00001111", "vipEmail"),
        ("audienceSplit", "loyaltyTier in gold, silver", multi["Branches"][1]["NextActivity"]),
        ("audienceSplit", "Platform in ios, android", multi["Branches"][2]["NextActivity"]),
        ("audienceSplit", "else", multi["DefaultActivity"]),
        ("vipEmail", "", "vipWaitUntilSale"),
        ("vipWaitUntilSale", "", "vipOpenedCheck"),
        ("vipOpenedCheck", "yes", "vipEarlyAccessPush"),
        ("vipOpenedCheck", "no", "vipSms"),
        *(("abTest", f"{b['Percentage']}%", b["NextActivity"]) for b in randoms),
    }
    assert edges_in(chart) == expected
    assert "Wait until 2027-11-26T14:00:00Z" in chart
    assert "Holdout: 10% leave" in chart
    assert chart.startswith('---\ntitle: "seasonal-promo-2027-multibranch (DRAFT)"\n---\n')


def test_the_docs_show_the_golden_chart() -> None:
    guide = Path(__file__).resolve().parents[2] / "docs" / "journeys.md"
    if not guide.exists():
        pytest.skip("docs/journeys.md is not written yet")

    assert GOLDEN.read_text() in guide.read_text()


def test_mermaid_is_the_same_for_request_builder_response_and_dict() -> None:
    data = example("journey-03")
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
        lambda path: path.sms("Vip", id="vipSms")
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


def test_welcome_series_as_text() -> None:
    text = to_text(example("journey-01"))

    assert text == (
        "welcome-series-v1 (DRAFT)\n"
        "Start: segment 0f1e2d3c4b5a69788796a5b4c3d2e1f0\n"
        "welcomeEmail: Email WelcomeEmail — Day 0 welcome email\n"
        "openedWelcome: Yes/no split: _email.open of welcomeEmail or _email.click of "
        "welcomeEmail, evaluated after 3 days — Opened or clicked the welcome email within 3 "
        "days?\n"
        "├── yes\n"
        "│   waitOneWeek: Wait 7 days — Give engaged users a week before tips\n"
        "│   tipsPush: Push OnboardingTips — Onboarding tips push\n"
        "└── no\n"
        "    nudgeSms: SMS WelcomeNudge — SMS nudge for people who ignored the email\n"
    )


def test_text_tree_indents_each_split_and_names_every_activity() -> None:
    data = example("journey-03")

    text = to_text(data)

    for activity_id in data["Activities"]:
        assert f"{activity_id}: " in text
    assert "    ├── 50%\n    │   variantAEmail: Email PromoCreativeA" in text
    assert "└── else\n    abTest: Random split" in text


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
    text = to_text(example("journey-02"))

    assert text.splitlines()[1] == (
        "Start: event cart.abandoned in segment 9a8b7c6d5e4f30211203f4e5d6c7b8a9"
    )
    assert "Wait 1 hour" in text and "evaluated after 24 hours" in text
