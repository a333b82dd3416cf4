"""Journeys and their state lifecycle (as the API Reference documents it), plus journey runs.

What the fake allows, as the service documents it where it does:

- Create and UpdateJourney write ``State`` ``DRAFT`` or ``ACTIVE`` only (400 otherwise); a
  journey created without ``State`` is a ``DRAFT``. ``UpdateJourney`` with ``State=ACTIVE``
  publishes a draft and starts a run.
- ``UpdateJourneyState`` takes ``ACTIVE``, ``PAUSED`` or ``CANCELLED`` only (400 otherwise):
  ``ACTIVE → PAUSED`` (400 unless the journey has a ``RefreshFrequency``), ``PAUSED → ACTIVE``,
  ``ACTIVE | PAUSED → CANCELLED``.

Where the documentation is silent the fake is strict, with a 409 ``ConflictException``: a
``CANCELLED`` (or service-set ``CLOSED``/``COMPLETED``) journey can't change at all; a draft
is published with ``UpdateJourney``, not ``UpdateJourneyState``; an active or paused journey
can't go back to ``DRAFT``, can't have its activities changed, and is resumed only with
``UpdateJourneyState``.
"""

from __future__ import annotations

import copy

from .._errors import bad_request, conflict, not_found
from .._ids import new_id, now_iso
from .._paging import page_response
from .._state import AppState
from ._context import Call, JsonDict

_WRITABLE = ("DRAFT", "ACTIVE")
_SETTABLE = ("ACTIVE", "PAUSED", "CANCELLED")
_FINAL = ("CANCELLED", "CLOSED", "COMPLETED")
_RESPONSE_ONLY = ("CreationDate", "LastModifiedDate", "tags")


def journey_of(call: Call, app: AppState) -> JsonDict:
    """The journey named by the ``JourneyId`` path parameter; 404 if unknown."""
    journey_id = str(call.param("JourneyId"))
    journey = app.journeys.get(journey_id)
    if journey is None:
        raise not_found("journey")
    return journey


def _written_state(request: JsonDict, default: str) -> str:
    state = str(request.get("State", default))
    if state not in _WRITABLE:
        raise bad_request(
            f"Invalid value for field 'State': '{state}'."
            " A journey can only be written as DRAFT or ACTIVE"
        )
    return state


def _start_run(app: AppState, journey: JsonDict) -> None:
    now = now_iso()
    app.journey_runs.setdefault(journey["Id"], []).insert(
        0, {"RunId": new_id(), "Status": "RUNNING", "CreationTime": now, "LastUpdateTime": now}
    )


def _end_runs(app: AppState, journey: JsonDict, status: str) -> None:
    for run in app.journey_runs.get(journey["Id"], []):
        if run["Status"] in ("RUNNING", "SCHEDULED"):
            run["Status"] = status
            run["LastUpdateTime"] = now_iso()


def create_journey(call: Call) -> JsonDict:
    """Creates a journey as a DRAFT, or ACTIVE (with a first run) when asked."""
    app = call.app()
    request = call.body
    tags = request.get("tags")
    for key in _RESPONSE_ONLY:
        request.pop(key, None)
    state = _written_state(request, "DRAFT")
    journey_id = call.new_id()
    now = now_iso()
    record: JsonDict = {
        **request,
        "Id": journey_id,
        # JourneyResponse has no Arn member; the ARN is kept for tags and dropped on the wire.
        "Arn": call.state.arns.child(app.id, "journeys", journey_id),
        "ApplicationId": app.id,
        "CreationDate": now,
        "LastModifiedDate": now,
        "State": state,
    }
    app.journeys[journey_id] = record
    call.state.set_tags(record["Arn"], tags)
    if state == "ACTIVE":
        _start_run(app, record)
    return call.with_tags(record)


def get_journey(call: Call) -> JsonDict:
    """Returns one journey."""
    return call.with_tags(journey_of(call, call.app()))


def list_journeys(call: Call) -> JsonDict:
    """Lists journeys, oldest first."""
    app = call.app()
    return page_response([call.with_tags(j) for j in app.journeys.values()], call.params)


def update_journey(call: Call) -> JsonDict:
    """Changes a journey's settings; ``State=ACTIVE`` publishes a draft."""
    app = call.app()
    journey = journey_of(call, app)
    request = call.body
    for key in _RESPONSE_ONLY:
        request.pop(key, None)
    current = str(journey["State"])
    if current in _FINAL:
        raise conflict("journey_finished", state=current)
    wanted = _written_state(request, current if current in _WRITABLE else "ACTIVE")
    if current != "DRAFT":
        if wanted == "DRAFT":
            raise conflict("journey_back_to_draft", state=current)
        if current == "PAUSED" and "State" in request:
            raise conflict("journey_paused_state")
        for frozen in ("Activities", "StartActivity"):
            if frozen in request and request[frozen] != journey.get(frozen):
                raise conflict("journey_activities_fixed", state=current)
    updated = {**copy.deepcopy(journey), **request}
    updated["State"] = current if current == "PAUSED" else wanted
    updated["LastModifiedDate"] = now_iso()
    app.journeys[journey["Id"]] = updated
    if current == "DRAFT" and wanted == "ACTIVE":
        _start_run(app, updated)
    return call.with_tags(updated)


def update_journey_state(call: Call) -> JsonDict:
    """Pauses, resumes or cancels a published journey."""
    app = call.app()
    journey = journey_of(call, app)
    wanted = call.body.get("State")
    if wanted is None:
        raise bad_request("Missing required field 'State'")
    if wanted not in _SETTABLE:
        raise bad_request(
            f"Invalid value for field 'State': '{wanted}'."
            " The supported values are ACTIVE, PAUSED, and CANCELLED"
        )
    current = str(journey["State"])
    if current in _FINAL:
        raise conflict("journey_finished_state", state=current)
    if current == "DRAFT":
        raise conflict("journey_draft_state")
    if wanted == "PAUSED" and not journey.get("RefreshFrequency"):
        raise bad_request("PAUSED only supports journeys with a segment refresh interval")
    journey["State"] = wanted
    journey["LastModifiedDate"] = now_iso()
    if wanted == "CANCELLED":
        _end_runs(app, journey, "CANCELLED")
    return call.with_tags(journey)


def delete_journey(call: Call) -> JsonDict:
    """Deletes a journey in any state and returns it."""
    app = call.app()
    journey = journey_of(call, app)
    del app.journeys[journey["Id"]]
    app.journey_runs.pop(journey["Id"], None)
    response = call.with_tags(journey)
    call.state.forget_tags(journey["Arn"])
    return response


def get_journey_runs(call: Call) -> JsonDict:
    """Lists the journey's runs (one per activation), newest first."""
    app = call.app()
    journey = journey_of(call, app)
    return page_response(app.journey_runs.get(journey["Id"], []), call.params)
