"""What a handler receives: the decoded parameters and the state, plus small lookups."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..._service_model import Operation
from .._errors import not_found
from .._ids import new_id
from .._state import AppState, FakeState

JsonDict = dict[str, Any]


@dataclass
class Call:
    """One operation call: its parameters (member names, validated), the state to act on and
    the request id. ``preset_id`` lets seeding choose the id of the resource it creates."""

    operation: Operation
    params: JsonDict
    state: FakeState
    request_id: str
    preset_id: str | None = None

    @property
    def body(self) -> JsonDict:
        """The request payload (e.g. the ``WriteCampaignRequest``), or ``{}`` when absent."""
        payload = self.operation.input_payload
        if payload is None:
            return {}
        value = self.params.get(payload.name)
        return dict(value) if isinstance(value, dict) else {}

    def new_id(self) -> str:
        """The id for the resource being created: the preset one, or a fresh one."""
        if self.preset_id is not None:
            return self.preset_id
        return new_id()

    def param(self, name: str) -> Any:
        """A path, query or header parameter by member name (``None`` when absent)."""
        return self.params.get(name)

    def app(self) -> AppState:
        """The application named by the ``ApplicationId`` path parameter; 404 if unknown."""
        app_id = str(self.params.get("ApplicationId"))
        app = self.state.apps.get(app_id)
        if app is None:
            raise not_found("application")
        return app

    def with_tags(self, record: JsonDict) -> JsonDict:
        """``record`` with its current ``tags``, which live per ARN, as responses carry them."""
        return {**record, "tags": self.state.tags_of(record["Arn"])}

    def message_body(self, message: str = "Accepted") -> JsonDict:
        """A ``MessageBody`` reply, as update and delete operations of templates return."""
        return {"Message": message, "RequestID": self.request_id}
