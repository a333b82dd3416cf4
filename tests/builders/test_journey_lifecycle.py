"""Journey state rules: which writes and UpdateJourneyState changes are refused before sending."""

from __future__ import annotations

import pytest

from pinpoint_sdk.builders._problems import BuildError
from pinpoint_sdk.builders.lifecycle import (
    StateTransitionError,
    check_journey_write,
    check_state_transition,
    state_transition_problems,
    write_problems,
)
from pinpoint_sdk.models import State


def rules(error: pytest.ExceptionInfo[StateTransitionError]) -> list[str]:
    return [problem.rule for problem in error.value.problems]


# -- writes (CreateJourney / UpdateJourney) --------------------------------------------------------


def test_a_draft_is_published_by_an_update_with_state_active() -> None:
    check_journey_write(State.DRAFT, State.ACTIVE, activities_changed=True)
    check_journey_write(None, "DRAFT")  # creating: no current state


@pytest.mark.parametrize("state", ["PAUSED", "CANCELLED", "CLOSED", "COMPLETED"])
def test_writing_a_state_other_than_draft_or_active_is_refused(state: str) -> None:
    with pytest.raises(StateTransitionError) as raised:
        check_journey_write(State.DRAFT, state, activities_changed=False)

    assert rules(raised) == ["J6"]
    assert raised.value.target == state


@pytest.mark.parametrize("current", [State.ACTIVE, State.PAUSED, State.CLOSED, State.COMPLETED])
def test_activities_of_a_published_journey_are_frozen(current: State) -> None:
    with pytest.raises(StateTransitionError) as raised:
        check_journey_write(current, None, activities_changed=True)
    assert rules(raised) == ["J7"]

    # Settings other than activities may still change.
    check_journey_write(current, None, activities_changed=False)


def test_a_cancelled_journey_accepts_no_change_at_all() -> None:
    problems = write_problems(State.CANCELLED, None, activities_changed=False)

    assert [(p.rule, p.where) for p in problems] == [("J7", "State")]


def test_a_published_journey_cannot_go_back_to_draft() -> None:
    problems = write_problems("ACTIVE", "DRAFT", activities_changed=False)

    assert [p.rule for p in problems] == ["P12"]


def test_write_check_assumes_activities_change_when_not_told() -> None:
    with pytest.raises(StateTransitionError):
        check_journey_write(State.ACTIVE, State.ACTIVE)


# -- UpdateJourneyState -------------------------------------------------------------------------


def test_pausing_an_active_journey_needs_a_refresh_frequency() -> None:
    check_state_transition(State.ACTIVE, State.PAUSED, refresh_frequency="PT1H")

    with pytest.raises(StateTransitionError) as raised:
        check_state_transition(State.ACTIVE, State.PAUSED, refresh_frequency=None)

    assert rules(raised) == ["J9"]
    assert "RefreshFrequency" in str(raised.value)


def test_a_paused_journey_resumes_and_either_can_be_cancelled() -> None:
    check_state_transition("PAUSED", "ACTIVE")
    check_state_transition("ACTIVE", "CANCELLED")
    check_state_transition("PAUSED", "CANCELLED")


@pytest.mark.parametrize("target", ["ACTIVE", "PAUSED", "CANCELLED"])
def test_a_cancelled_journey_is_final(target: str) -> None:
    problems = state_transition_problems("CANCELLED", target, refresh_frequency="PT1H")

    assert [p.rule for p in problems] == ["P12"]
    assert "final" in problems[0].message


@pytest.mark.parametrize("target", ["DRAFT", "COMPLETED", "CLOSED", "PENDING_APPROVAL"])
def test_update_journey_state_accepts_only_active_paused_cancelled(target: str) -> None:
    with pytest.raises(StateTransitionError) as raised:
        check_state_transition(State.ACTIVE, target)

    assert rules(raised) == ["J8"]


def test_a_draft_is_not_published_through_update_journey_state() -> None:
    with pytest.raises(StateTransitionError) as raised:
        check_state_transition("DRAFT", "ACTIVE")

    assert rules(raised) == ["P12"]
    assert "State=ACTIVE" in str(raised.value)


@pytest.mark.parametrize(
    ("current", "target"),
    [("DRAFT", "CANCELLED"), ("COMPLETED", "ACTIVE"), ("CLOSED", "PAUSED"), ("ACTIVE", "ACTIVE")],
)
def test_undocumented_or_pointless_changes_are_refused(current: str, target: str) -> None:
    problems = state_transition_problems(current, target, refresh_frequency="PT1H")

    assert [p.rule for p in problems] == ["P12"]


def test_with_an_unknown_current_state_only_the_target_rules_apply() -> None:
    check_state_transition(None, "CANCELLED")

    with pytest.raises(StateTransitionError) as raised:
        check_state_transition(None, "PAUSED")
    assert rules(raised) == ["J9"]


def test_transition_errors_are_build_errors_and_value_errors() -> None:
    with pytest.raises(StateTransitionError) as raised:
        check_state_transition("CANCELLED", "ACTIVE")

    assert isinstance(raised.value, BuildError)
    assert isinstance(raised.value, ValueError)
    assert raised.value.current == "CANCELLED"
    assert str(raised.value).startswith("changing the journey from CANCELLED to ACTIVE")
