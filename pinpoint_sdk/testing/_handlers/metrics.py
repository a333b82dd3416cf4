"""KPI and execution-metric operations: well-formed, empty results for resources that exist.

The fake runs no campaigns or journeys, so there is nothing to count; what matters to a
caller is the shape of the reply and the 404 for an unknown application, campaign, journey,
activity or run.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from .._errors import not_found
from .._ids import now_iso
from ._context import Call, JsonDict
from .journeys import journey_of

_ACTIVITY_TYPES = (
    "CUSTOM",
    "ConditionalSplit",
    "EMAIL",
    "Holdout",
    "MultiCondition",
    "PUSH",
    "RandomSplit",
    "SMS",
    "Wait",
    "ContactCenter",
)


def _kpi_window(call: Call) -> JsonDict:
    end = call.param("EndTime")
    start = call.param("StartTime")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    return {
        "KpiName": call.param("KpiName"),
        "StartTime": start if start is not None else now - timedelta(days=7),
        "EndTime": end if end is not None else now,
        "KpiResult": {"Rows": []},
    }


def get_application_date_range_kpi(call: Call) -> JsonDict:
    """An empty KPI result for the application."""
    return {"ApplicationId": call.app().id, **_kpi_window(call)}


def get_campaign_date_range_kpi(call: Call) -> JsonDict:
    """An empty KPI result for a campaign."""
    app = call.app()
    campaign_id = str(call.param("CampaignId"))
    if campaign_id not in app.campaigns:
        raise not_found("campaign")
    return {"ApplicationId": app.id, "CampaignId": campaign_id, **_kpi_window(call)}


def get_journey_date_range_kpi(call: Call) -> JsonDict:
    """An empty KPI result for a journey."""
    app = call.app()
    journey = journey_of(call, app)
    return {"ApplicationId": app.id, "JourneyId": journey["Id"], **_kpi_window(call)}


def _activity_type(call: Call, journey: JsonDict) -> str:
    activity_id = str(call.param("JourneyActivityId"))
    activity = (journey.get("Activities") or {}).get(activity_id)
    if activity is None:
        raise not_found("journey_activity")
    return next((kind for kind in _ACTIVITY_TYPES if kind in activity), "UNKNOWN")


def _run_id(call: Call, app_journey_runs: list[JsonDict]) -> str:
    run_id = str(call.param("RunId"))
    if not any(run["RunId"] == run_id for run in app_journey_runs):
        raise not_found("journey_run")
    return run_id


def get_journey_execution_metrics(call: Call) -> JsonDict:
    """Empty execution metrics of a journey."""
    app = call.app()
    journey = journey_of(call, app)
    return {
        "ApplicationId": app.id,
        "JourneyId": journey["Id"],
        "LastEvaluatedTime": now_iso(),
        "Metrics": {},
    }


def get_journey_execution_activity_metrics(call: Call) -> JsonDict:
    """Empty execution metrics of one journey activity."""
    app = call.app()
    journey = journey_of(call, app)
    return {
        "ActivityType": _activity_type(call, journey),
        "ApplicationId": app.id,
        "JourneyActivityId": call.param("JourneyActivityId"),
        "JourneyId": journey["Id"],
        "LastEvaluatedTime": now_iso(),
        "Metrics": {},
    }


def get_journey_run_execution_metrics(call: Call) -> JsonDict:
    """Empty execution metrics of one journey run."""
    app = call.app()
    journey = journey_of(call, app)
    return {
        "ApplicationId": app.id,
        "JourneyId": journey["Id"],
        "LastEvaluatedTime": now_iso(),
        "Metrics": {},
        "RunId": _run_id(call, app.journey_runs.get(journey["Id"], [])),
    }


def get_journey_run_execution_activity_metrics(call: Call) -> JsonDict:
    """Empty execution metrics of one activity in one journey run."""
    app = call.app()
    journey = journey_of(call, app)
    return {
        "ActivityType": _activity_type(call, journey),
        "ApplicationId": app.id,
        "JourneyActivityId": call.param("JourneyActivityId"),
        "JourneyId": journey["Id"],
        "LastEvaluatedTime": now_iso(),
        "Metrics": {},
        "RunId": _run_id(call, app.journey_runs.get(journey["Id"], [])),
    }


def get_in_app_messages(call: Call) -> JsonDict:
    """No in-app campaigns are ever running in the fake: an empty list for the endpoint."""
    app = call.app()
    endpoint_id = str(call.param("EndpointId"))
    if endpoint_id not in app.endpoints:
        raise not_found("endpoint")
    return {"InAppMessageCampaigns": []}
