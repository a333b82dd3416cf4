"""Recommender model configurations (account-wide, not per application)."""

from __future__ import annotations

from .._errors import not_found
from .._ids import now_iso
from .._paging import page_response
from ._context import Call, JsonDict


def _recommender(call: Call) -> JsonDict:
    recommender_id = str(call.param("RecommenderId"))
    record = call.state.recommenders.get(recommender_id)
    if record is None:
        raise not_found("recommender")
    return record


def create_recommender_configuration(call: Call) -> JsonDict:
    """Creates a recommender configuration."""
    now = now_iso()
    recommender_id = call.new_id()
    record: JsonDict = {
        "RecommendationProviderIdType": "PINPOINT_ENDPOINT_ID",
        **call.body,
        "Id": recommender_id,
        "CreationDate": now,
        "LastModifiedDate": now,
    }
    call.state.recommenders[recommender_id] = record
    return record


def get_recommender_configuration(call: Call) -> JsonDict:
    """Returns one recommender configuration."""
    return _recommender(call)


def get_recommender_configurations(call: Call) -> JsonDict:
    """Lists recommender configurations, oldest first."""
    return page_response(list(call.state.recommenders.values()), call.params)


def update_recommender_configuration(call: Call) -> JsonDict:
    """Replaces the fields sent and keeps the others."""
    record = _recommender(call)
    record.update(call.body)
    record["LastModifiedDate"] = now_iso()
    return record


def delete_recommender_configuration(call: Call) -> JsonDict:
    """Deletes a recommender configuration and returns it."""
    record = _recommender(call)
    del call.state.recommenders[record["Id"]]
    return record
