"""Campaigns: numbered versions (one per create or update) and one activity per version."""

from __future__ import annotations

import copy

from .._errors import bad_request, not_found
from .._ids import new_id, now_iso
from .._paging import page_response
from .._state import AppState, Versioned
from ._context import Call, JsonDict


def _campaign(call: Call, app: AppState) -> Versioned:
    campaign_id = str(call.param("CampaignId"))
    campaign = app.campaigns.get(campaign_id)
    if campaign is None:
        raise not_found("campaign")
    return campaign


def _segment_version(app: AppState, request: JsonDict) -> int:
    """The segment version the campaign targets: the one asked for, or the segment's latest."""
    segment_id = request.get("SegmentId")
    if not segment_id:
        raise bad_request("Missing required field 'SegmentId'")
    segment = app.segments.get(segment_id)
    if segment is None:
        raise not_found("segment")
    wanted = request.get("SegmentVersion")
    latest = int(segment.current["Version"])
    if wanted is not None and not 1 <= wanted <= latest:
        raise bad_request(f"Invalid value for field 'SegmentVersion': {wanted}")
    return latest if wanted is None else int(wanted)


def _status(record: JsonDict) -> JsonDict:
    return {"CampaignStatus": "PAUSED" if record.get("IsPaused") else "SCHEDULED"}


def _add_activity(app: AppState, record: JsonDict) -> None:
    schedule = record.get("Schedule") or {}
    start = schedule.get("StartTime", "IMMEDIATE")
    app.campaign_activities.setdefault(record["Id"], []).insert(
        0,
        {
            "Id": new_id(),
            "ApplicationId": app.id,
            "CampaignId": record["Id"],
            "State": "PENDING",
            "ScheduledStart": now_iso() if start == "IMMEDIATE" else start,
            "TreatmentId": "0",
        },
    )


def create_campaign(call: Call) -> JsonDict:
    """Creates version 1 of a campaign for an existing segment."""
    app = call.app()
    request = call.body
    tags = request.pop("tags", None)
    campaign_id = call.new_id()
    now = now_iso()
    record: JsonDict = {
        **request,
        "Id": campaign_id,
        "Arn": call.state.arns.child(app.id, "campaigns", campaign_id),
        "ApplicationId": app.id,
        "CreationDate": now,
        "LastModifiedDate": now,
        "SegmentVersion": _segment_version(app, request),
        "Version": 1,
    }
    record["State"] = record["DefaultState"] = _status(record)
    app.campaigns[campaign_id] = Versioned([record])
    call.state.set_tags(record["Arn"], tags)
    _add_activity(app, record)
    return call.with_tags(record)


def get_campaign(call: Call) -> JsonDict:
    """Returns the latest version of a campaign."""
    return call.with_tags(_campaign(call, call.app()).current)


def get_campaigns(call: Call) -> JsonDict:
    """Lists the latest version of every campaign, oldest campaign first."""
    app = call.app()
    items = [call.with_tags(campaign.current) for campaign in app.campaigns.values()]
    return page_response(items, call.params)


def update_campaign(call: Call) -> JsonDict:
    """Saves a new version: the fields sent replace the current ones, the rest are kept.

    ``tags`` in an update are ignored, as the service ignores them since 2023 (use
    ``TagResource``).
    """
    app = call.app()
    campaign = _campaign(call, app)
    request = call.body
    request.pop("tags", None)
    merged = {**copy.deepcopy(campaign.current), **request}
    if "SegmentId" in request or "SegmentVersion" in request:
        merged["SegmentVersion"] = _segment_version(
            app,
            {"SegmentId": merged.get("SegmentId"), "SegmentVersion": request.get("SegmentVersion")},
        )
    merged["Version"] = int(campaign.current["Version"]) + 1
    merged["LastModifiedDate"] = now_iso()
    merged["State"] = merged["DefaultState"] = _status(merged)
    campaign.versions.append(merged)
    _add_activity(app, merged)
    return call.with_tags(merged)


def delete_campaign(call: Call) -> JsonDict:
    """Deletes a campaign with all its versions and returns its last version."""
    app = call.app()
    campaign = _campaign(call, app)
    response = call.with_tags(campaign.current)
    del app.campaigns[response["Id"]]
    app.campaign_activities.pop(response["Id"], None)
    call.state.forget_tags(response["Arn"])
    return response


def get_campaign_version(call: Call) -> JsonDict:
    """Returns one version of a campaign; 404 for a version that does not exist."""
    campaign = _campaign(call, call.app())
    record = campaign.version(call.param("Version"))
    if record is None:
        raise not_found("campaign_version")
    return call.with_tags(record)


def get_campaign_versions(call: Call) -> JsonDict:
    """Lists every version of a campaign, newest first."""
    campaign = _campaign(call, call.app())
    items = [call.with_tags(record) for record in reversed(campaign.versions)]
    return page_response(items, call.params)


def get_campaign_activities(call: Call) -> JsonDict:
    """Lists the campaign's activities (one per saved version), newest first."""
    app = call.app()
    campaign = _campaign(call, app)
    return page_response(app.campaign_activities.get(campaign.current["Id"], []), call.params)
