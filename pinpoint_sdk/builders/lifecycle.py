"""Which journey state changes the service allows, checked before a request is sent.

Two kinds of request change a journey's state (the API Reference's Journeys and Journey State):

- **writes** (CreateJourney/UpdateJourney) carry ``State`` ``DRAFT`` or ``ACTIVE`` (J6); once a
  journey is published its activities are frozen, and once cancelled nothing changes (J7);
- **UpdateJourneyState** pauses, resumes or cancels (J8), and pausing needs a
  ``RefreshFrequency`` (J9).

The transitions the reference documents::

    DRAFT --UpdateJourney State=ACTIVE--> ACTIVE --PAUSED--> PAUSED --ACTIVE--> ACTIVE
    ACTIVE | PAUSED --CANCELLED--> CANCELLED (terminal)
    ACTIVE --(service)--> CLOSED;  ACTIVE | CLOSED --(service)--> COMPLETED

Anything else is refused, including what the reference leaves undocumented (publishing a draft
through UpdateJourneyState, cancelling a draft, going back to DRAFT): guessing would mean
finding out from a failed call on a live journey. ``client.journeys.activate/pause/resume/
cancel`` call :func:`check_state_transition` before sending.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pinpoint_sdk.models import State

from ._problems import BuildError, Problem

__all__ = [
    "STATE_CHANGES",
    "WRITABLE_STATES",
    "StateTransitionError",
    "check_journey_write",
    "check_state_transition",
    "state_transition_problems",
    "write_problems",
]

WRITABLE_STATES: Final = frozenset({State.DRAFT, State.ACTIVE})
"""States a CreateJourney/UpdateJourney request may carry (J6)."""

STATE_CHANGES: Final = frozenset({State.ACTIVE, State.PAUSED, State.CANCELLED})
"""States UpdateJourneyState accepts (J8)."""

# (current, target) pairs UpdateJourneyState is documented to perform.
_TRANSITIONS: Final = frozenset(
    {
        (State.ACTIVE, State.PAUSED),
        (State.PAUSED, State.ACTIVE),
        (State.ACTIVE, State.CANCELLED),
        (State.PAUSED, State.CANCELLED),
    }
)
# Published states whose activities are frozen (J7). PAUSED is included although the reference
# only names ACTIVE: a paused journey has participants in flight, just like an active one.
_FROZEN_ACTIVITIES: Final = frozenset({State.ACTIVE, State.PAUSED, State.CLOSED, State.COMPLETED})

_WHY_NOT: Final[Mapping[State | str, str]] = {
    State.DRAFT: "a draft is published with update(..., State=ACTIVE), not with a state change",
    State.CANCELLED: "a cancelled journey is final",
    State.COMPLETED: "a completed journey is final",
    State.CLOSED: "a closed journey is past its schedule; only the service moves it on",
}


class StateTransitionError(BuildError):
    """A state change or write that the journey's current state does not allow."""

    def __init__(
        self, current: State | str | None, target: State | str | None, problems: list[Problem]
    ) -> None:
        self.current = current
        self.target = target
        super().__init__(f"changing the journey from {current} to {target}", problems)


def _state(value: State | str | None) -> State | str | None:
    # Keep an unknown name as given (PENDING_APPROVAL, or one AWS adds later) so messages show it.
    if value is None or isinstance(value, State):
        return value
    try:
        return State(value)
    except ValueError:
        return value


def state_transition_problems(
    current: State | str | None,
    target: State | str,
    *,
    refresh_frequency: str | None,
) -> list[Problem]:
    """The problems with UpdateJourneyState moving a journey from ``current`` to ``target``.

    ``current`` is ``None`` when unknown; then only the rules about ``target`` apply.
    ``refresh_frequency`` is the journey's ``RefreshFrequency`` (``None`` if it has none).
    """
    now, then = _state(current), _state(target)
    problems: list[Problem] = []
    if then not in STATE_CHANGES:
        problems.append(
            Problem(
                "State", f"UpdateJourneyState accepts ACTIVE, PAUSED or CANCELLED, not {then}", "J8"
            )
        )
        return problems
    if then == State.PAUSED and not refresh_frequency:
        problems.append(
            Problem(
                "State",
                "only a journey with a RefreshFrequency (segment refresh interval) can be paused",
                "J9",
            )
        )
    if now is None or (now, then) in _TRANSITIONS:
        return problems
    reason = _WHY_NOT.get(now) or (
        f"the journey is already {now}" if now == then else "not a documented state change"
    )
    problems.append(Problem("State", f"cannot change a {now} journey to {then}: {reason}", "P12"))
    return problems


def check_state_transition(
    current: State | str | None,
    target: State | str,
    *,
    refresh_frequency: str | None = None,
) -> None:
    """Raises :class:`StateTransitionError` unless UpdateJourneyState may move the journey
    from ``current`` to ``target``.

    Allowed: ACTIVE → PAUSED (only with a ``refresh_frequency``, J9), PAUSED → ACTIVE, and
    ACTIVE or PAUSED → CANCELLED. ``target`` must be ACTIVE, PAUSED or CANCELLED (J8). A DRAFT
    is published by writing ``State=ACTIVE`` instead; CANCELLED, COMPLETED and CLOSED accept
    no change. With ``current=None`` (state unknown) only J8 and J9 are checked.
    """
    problems = state_transition_problems(current, target, refresh_frequency=refresh_frequency)
    if problems:
        raise StateTransitionError(current, target, problems)


def write_problems(
    current: State | str | None,
    target: State | str | None,
    *,
    activities_changed: bool,
) -> list[Problem]:
    """The problems with writing (CreateJourney/UpdateJourney) a journey whose state is
    ``current`` with ``State=target``.

    ``target`` must be DRAFT or ACTIVE (J6). A CANCELLED journey accepts no change, and a
    published one (ACTIVE, PAUSED, CLOSED, COMPLETED) no change to its activities (J7).
    Going back to DRAFT is refused, being undocumented.
    """
    now, then = _state(current), _state(target)
    problems: list[Problem] = []
    if then is not None and then not in WRITABLE_STATES:
        problems.append(
            Problem(
                "State",
                f"a journey is written as DRAFT or ACTIVE, not {then}; pause, resume "
                "and cancel go through UpdateJourneyState",
                "J6",
            )
        )
    if now == State.CANCELLED:
        problems.append(Problem("State", "a cancelled journey can't be changed at all", "J7"))
    elif now in _FROZEN_ACTIVITIES and activities_changed:
        problems.append(
            Problem(
                "Activities",
                f"the journey is {now}: its activities can't be added, changed or removed any more",
                "J7",
            )
        )
    if then == State.DRAFT and now not in (None, State.DRAFT):
        problems.append(Problem("State", f"a {now} journey can't go back to DRAFT", "P12"))
    return problems


def check_journey_write(
    current: State | str | None,
    target: State | str | None,
    *,
    activities_changed: bool = True,
) -> None:
    """Raises :class:`StateTransitionError` unless a journey in state ``current`` may be
    written with ``State=target`` (see :func:`write_problems`).

    ``activities_changed`` says whether the write touches ``Activities``; it defaults to
    ``True``, the safe assumption when the caller cannot tell.
    """
    problems = write_problems(current, target, activities_changed=activities_changed)
    if problems:
        raise StateTransitionError(current, target, problems)
