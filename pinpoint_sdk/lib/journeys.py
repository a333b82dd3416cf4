"""``client.journeys``: the generated resource plus the journey lifecycle.

``activate``, ``pause``, ``resume`` and ``cancel`` read the journey's state first and refuse a
transition the service forbids (``StateTransitionError``, raised before the change is sent),
following the rules of :mod:`pinpoint_sdk.builders.lifecycle`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..builders.journeys import JourneyBuilder
from ..builders.lifecycle import check_journey_write, check_state_transition
from ..models import State
from ..resources import journeys as generated
from ..waiters import Polling, UnexpectedStateError, Verdict, poll_until

if TYPE_CHECKING:
    # For annotations only: the response model loads with the first call that returns one.
    from ..models import JourneyResponse
    from ..params import StateLiteral
    from ..progress import ProgressCallback

__all__ = ["Journeys"]


class Journeys(generated.Journeys):
    """Journeys, plus their lifecycle: activate, pause, resume, cancel."""

    async def activate(self, application_id: str, journey_id: str) -> JourneyResponse:
        """Publishes a DRAFT journey, or resumes a PAUSED one.

        A draft is published with ``UpdateJourney`` (its definition, unchanged, with
        ``State=ACTIVE``): the service does not document publishing through
        ``UpdateJourneyState``. A paused journey is resumed with ``UpdateJourneyState``.
        """
        journey = await self.get(application_id, journey_id)
        if journey.state == State.DRAFT:
            check_journey_write(journey.state, State.ACTIVE, activities_changed=False)
            request = JourneyBuilder.from_response(journey).with_state(State.ACTIVE).build()
            return await self.update(application_id, journey_id, request)
        return await self._change_state(journey, State.ACTIVE)

    async def pause(self, application_id: str, journey_id: str) -> JourneyResponse:
        """Pauses an ACTIVE journey (it must have a ``RefreshFrequency``)."""
        return await self._change_state(await self.get(application_id, journey_id), State.PAUSED)

    async def resume(self, application_id: str, journey_id: str) -> JourneyResponse:
        """Resumes a PAUSED journey."""
        return await self._change_state(await self.get(application_id, journey_id), State.ACTIVE)

    async def cancel(self, application_id: str, journey_id: str) -> JourneyResponse:
        """Cancels an ACTIVE or PAUSED journey for good."""
        return await self._change_state(await self.get(application_id, journey_id), State.CANCELLED)

    async def _change_state(self, journey: JourneyResponse, target: State) -> JourneyResponse:
        check_state_transition(journey.state, target, refresh_frequency=journey.refresh_frequency)
        return await self.update_state(journey.application_id, journey.id, state=target)

    # -- waiting (issue 8) ---------------------------------------------------------------------

    async def wait_for_state(
        self,
        application_id: str,
        journey_id: str,
        state: State | StateLiteral | Iterable[State | StateLiteral],
        *,
        timeout: float = 600.0,
        poll: float = 2.0,
        max_poll: float = 30.0,
        progress: ProgressCallback | None = None,
    ) -> JourneyResponse:
        """Polls ``GetJourney`` until the journey's ``State`` is ``state`` (or one of several).

        Raises :class:`~pinpoint_sdk.waiters.UnexpectedStateError` as soon as the journey
        reaches a final state it was not meant to (``COMPLETED``, ``CANCELLED``, ``CLOSED``),
        and :class:`~pinpoint_sdk.waiters.WaiterTimeoutError` after ``timeout`` seconds.
        """
        wanted = _states(state)

        def check(journey: JourneyResponse) -> Verdict:
            if journey.state in wanted:
                return "done"
            if journey.state in _FINAL_STATES:
                raise UnexpectedStateError(
                    f"journey {journey_id} is {journey.state}, and will never be "
                    f"{' or '.join(sorted(str(s) for s in wanted))}",
                    state=str(journey.state),
                    last=journey,
                )
            return "wait"

        return await poll_until(
            lambda: self.get(application_id, journey_id),
            check,
            polling=Polling(timeout=timeout, poll=poll, max_poll=max_poll),
            description=f"journey {journey_id}",
            progress=progress,
            report=lambda journey: (0, 0, None, str(journey.state)),
        )


_FINAL_STATES = frozenset({State.COMPLETED, State.CANCELLED, State.CLOSED})


def _states(state: State | StateLiteral | Iterable[State | StateLiteral]) -> frozenset[State]:
    if isinstance(state, str):
        return frozenset({State(state)})
    return frozenset(State(s) for s in state)
