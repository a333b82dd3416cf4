"""Applications (Pinpoint projects) and their settings."""

from __future__ import annotations

from .._ids import now_iso
from .._paging import page_response
from .._state import AppState
from ._context import Call, JsonDict


def _app_response(call: Call, app: AppState) -> JsonDict:
    return {**app.record, "tags": call.state.tags_of(app.record["Arn"])}


def create_app(call: Call) -> JsonDict:
    """Creates an application; its tags are stored under its ARN."""
    request = call.body
    app_id = call.new_id()
    arn = call.state.arns.app(app_id)
    app = AppState(
        record={
            "Arn": arn,
            "Id": app_id,
            "Name": request["Name"],
            "CreationDate": now_iso(),
        },
        settings={
            "ApplicationId": app_id,
            "CampaignHook": {},
            "Limits": {},
            "QuietTime": {},
            "LastModifiedDate": now_iso(),
        },
    )
    call.state.apps[app_id] = app
    call.state.set_tags(arn, request.get("tags"))
    return _app_response(call, app)


def get_app(call: Call) -> JsonDict:
    """Returns one application."""
    return _app_response(call, call.app())


def get_apps(call: Call) -> JsonDict:
    """Lists applications in creation order, paged by ``page-size`` and ``token``."""
    items = [_app_response(call, app) for app in call.state.apps.values()]
    return page_response(items, call.params)


def delete_app(call: Call) -> JsonDict:
    """Deletes an application with everything in it, tags included."""
    app = call.app()
    response = _app_response(call, app)
    del call.state.apps[app.id]
    prefix = app.record["Arn"]
    for arn in [arn for arn in call.state.tags if arn == prefix or arn.startswith(prefix + "/")]:
        call.state.forget_tags(arn)
    return response


def get_application_settings(call: Call) -> JsonDict:
    """Returns the application's settings (empty hooks and limits until updated)."""
    return call.app().settings


def update_application_settings(call: Call) -> JsonDict:
    """Replaces the settings the request names and keeps the others."""
    app = call.app()
    app.settings.update(call.body)
    app.settings["LastModifiedDate"] = now_iso()
    return app.settings
