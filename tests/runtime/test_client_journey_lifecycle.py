"""client.journeys.activate/pause/resume/cancel against the fake, refusing what Pinpoint forbids."""

from __future__ import annotations

import pytest
from support.examples import journey as fixture

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.builders import StateTransitionError
from pinpoint_sdk.models import State, WriteJourneyRequest
from pinpoint_sdk.testing import FakePinpoint


async def test_a_draft_journey_goes_through_its_whole_lifecycle(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    app = await pinpoint_client.apps.create(name="journeys")
    request = WriteJourneyRequest.model_validate(fixture("onboarding"))
    journey = await pinpoint_client.journeys.create(app.id, request)
    assert journey.state == State.DRAFT

    states = []
    for step in ("activate", "pause", "resume", "cancel"):
        changed = await getattr(pinpoint_client.journeys, step)(app.id, journey.id)
        states.append(changed.state)
    assert states == [State.ACTIVE, State.PAUSED, State.ACTIVE, State.CANCELLED]
    # The draft was published with UpdateJourney, the rest with UpdateJourneyState.
    assert len(pinpoint_fake.calls("UpdateJourney")) == 1
    assert len(pinpoint_fake.calls("UpdateJourneyState")) == 3


async def test_forbidden_transitions_are_refused_before_anything_is_sent(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    app = await pinpoint_client.apps.create(name="journeys")
    draft = await pinpoint_client.journeys.create(
        app.id, WriteJourneyRequest.model_validate(fixture("onboarding"))
    )
    with pytest.raises(StateTransitionError):
        await pinpoint_client.journeys.pause(app.id, draft.id)  # a draft cannot be paused
    # price-update is ACTIVE and has no RefreshFrequency: Pinpoint cannot pause it.
    active = await pinpoint_client.journeys.create(
        app.id, WriteJourneyRequest.model_validate(fixture("price-update"))
    )
    with pytest.raises(StateTransitionError, match="RefreshFrequency"):
        await pinpoint_client.journeys.pause(app.id, active.id)
    await pinpoint_client.journeys.cancel(app.id, active.id)
    with pytest.raises(StateTransitionError):
        await pinpoint_client.journeys.activate(app.id, active.id)  # cancelled is final
    assert len(pinpoint_fake.calls("UpdateJourneyState")) == 1  # only the allowed cancel
