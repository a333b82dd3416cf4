"""Endpoints and users: upserts, batch upserts, lookups by user, attribute removal, events.

An update merges: the fields sent replace the stored ones, the rest are kept. ``PutEvents``
upserts the endpoint of each batch item (the map key is the endpoint id) and records the
events, which tests can read from ``FakePinpoint.events``.
"""

from __future__ import annotations

import copy
import zlib

from .._errors import bad_request, not_found
from .._ids import new_id, now_iso
from .._state import AppState
from ._context import Call, JsonDict

#: ``attribute-type`` path value → (endpoint field, nested field for user attributes).
_ATTRIBUTE_TYPES = {
    "endpoint-custom-attributes": ("Attributes", None),
    "endpoint-metric-attributes": ("Metrics", None),
    "endpoint-user-attributes": ("User", "UserAttributes"),
}


def upsert_endpoint(call: Call, app: AppState, endpoint_id: str, request: JsonDict) -> JsonDict:
    """Creates or merges one endpoint and returns the stored record."""
    request = {key: value for key, value in request.items() if key != "Id"}
    now = now_iso()
    existing = app.endpoints.get(endpoint_id)
    if existing is None:
        record: JsonDict = {
            "Id": endpoint_id,
            "ApplicationId": app.id,
            # Pinpoint spreads endpoints over 100 cohorts; a hash keeps it stable per id.
            "CohortId": str(zlib.crc32(endpoint_id.encode()) % 100),
            "CreationDate": now,
            "EndpointStatus": "ACTIVE",
            "OptOut": "NONE",
        }
    else:
        record = copy.deepcopy(existing)
    record.update(request)
    record["EffectiveDate"] = request.get("EffectiveDate", now)
    record["RequestId"] = request.get("RequestId", call.request_id)
    app.endpoints[endpoint_id] = record
    return record


def _endpoint(call: Call, app: AppState) -> JsonDict:
    endpoint_id = str(call.param("EndpointId"))
    endpoint = app.endpoints.get(endpoint_id)
    if endpoint is None:
        raise not_found("endpoint")
    return endpoint


def endpoints_of_user(app: AppState, user_id: str) -> list[JsonDict]:
    """The endpoints whose ``User.UserId`` is ``user_id``, oldest first."""
    return [
        endpoint
        for endpoint in app.endpoints.values()
        if (endpoint.get("User") or {}).get("UserId") == user_id
    ]


def update_endpoint(call: Call) -> JsonDict:
    """Creates or updates one endpoint (202 Accepted)."""
    app = call.app()
    upsert_endpoint(call, app, str(call.param("EndpointId")), call.body)
    return call.message_body()


def update_endpoints_batch(call: Call) -> JsonDict:
    """Creates or updates up to 100 endpoints; an item without ``Id`` gets a new one."""
    app = call.app()
    items = call.body.get("Item", [])
    if len(items) > 100:
        raise bad_request("Invalid value for field 'Item': at most 100 endpoints per batch")
    for item in items:
        upsert_endpoint(call, app, str(item.get("Id") or new_id()), item)
    return call.message_body()


def get_endpoint(call: Call) -> JsonDict:
    """Returns one endpoint."""
    return _endpoint(call, call.app())


def delete_endpoint(call: Call) -> JsonDict:
    """Deletes one endpoint and returns it."""
    app = call.app()
    endpoint = _endpoint(call, app)
    del app.endpoints[endpoint["Id"]]
    return endpoint


def get_user_endpoints(call: Call) -> JsonDict:
    """Returns every endpoint of a user; 404 when the user has none."""
    app = call.app()
    user_id = str(call.param("UserId"))
    endpoints = endpoints_of_user(app, user_id)
    if not endpoints:
        raise not_found("user")
    return {"Item": endpoints}


def delete_user_endpoints(call: Call) -> JsonDict:
    """Deletes every endpoint of a user and returns them; 404 when the user has none."""
    app = call.app()
    user_id = str(call.param("UserId"))
    endpoints = endpoints_of_user(app, user_id)
    if not endpoints:
        raise not_found("user")
    for endpoint in endpoints:
        del app.endpoints[endpoint["Id"]]
    return {"Item": endpoints}


def remove_attributes(call: Call) -> JsonDict:
    """Removes the named attributes from every endpoint of the application."""
    app = call.app()
    attribute_type = str(call.param("AttributeType"))
    target = _ATTRIBUTE_TYPES.get(attribute_type)
    if target is None:
        raise bad_request(
            f"Invalid value for path parameter 'attribute-type': '{attribute_type}'."
            f" Valid values are {', '.join(_ATTRIBUTE_TYPES)}"
        )
    names = list(call.body.get("Blacklist") or [])
    field, nested = target
    for endpoint in app.endpoints.values():
        container = endpoint.get(field)
        if nested is not None and isinstance(container, dict):
            container = container.get(nested)
        if isinstance(container, dict):
            for name in names:
                container.pop(name, None)
    return {"ApplicationId": app.id, "AttributeType": attribute_type, "Attributes": names}


def put_events(call: Call) -> JsonDict:
    """Upserts each batch's endpoint, records its events, and reports 202 for each."""
    app = call.app()
    results: JsonDict = {}
    for endpoint_id, batch in call.body.get("BatchItem", {}).items():
        upsert_endpoint(call, app, endpoint_id, batch["Endpoint"])
        event_results: JsonDict = {}
        for event_id, event in batch["Events"].items():
            app.events.append({"EndpointId": endpoint_id, "EventId": event_id, **event})
            event_results[event_id] = {"Message": "Accepted", "StatusCode": 202}
        results[endpoint_id] = {
            "EndpointItemResponse": {"Message": "Accepted", "StatusCode": 202},
            "EventsItemResponse": event_results,
        }
    return {"Results": results}
