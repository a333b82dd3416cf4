"""The errors the fake answers with, named exactly as Pinpoint names them.

A handler raises :class:`ServiceError`; the dispatcher turns it into the service's error
response: the status code, a JSON body ``{"Message": ..., "RequestID": ...}`` and the
``X-Amzn-ErrorType`` header that botocore reads the error code from. The request id travels
in the body's ``RequestID`` and the ``x-amzn-RequestId`` header, never in the message.

Every "not found" and "conflict" message comes from one table, :data:`MESSAGES`, which the
guide's table of messages is generated from. Where the service's wording is known (from
published responses) the fake uses it; elsewhere it keeps the same short style.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal


class ServiceError(Exception):
    """An error response of the Pinpoint API: HTTP status, error code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{code} ({status}): {message}")
        self.status = status
        self.code = code
        self.message = message


def bad_request(message: str) -> ServiceError:
    """400 ``BadRequestException``: the request is malformed or names a bad value."""
    return ServiceError(400, "BadRequestException", message)


@dataclass(frozen=True)
class MessageText:
    """One message of the fake: the answer it comes with, its text, and where the text is from.

    ``text`` may name values in braces (``{state}``), filled in when raised.
    ``service_wording`` tells whether the service is known to answer with exactly this text.
    """

    status: int
    code: str
    text: str
    when: str
    service_wording: bool = False


NotFound = Literal[
    "application",
    "campaign",
    "campaign_version",
    "channel",
    "endpoint",
    "event_stream",
    "job",
    "journey",
    "journey_activity",
    "journey_run",
    "operation",
    "recommender",
    "segment",
    "segment_version",
    "template",
    "template_version",
    "user",
]
Conflict = Literal[
    "journey_activities_fixed",
    "journey_back_to_draft",
    "journey_draft_state",
    "journey_finished",
    "journey_finished_state",
    "journey_paused_state",
    "template_exists",
]
#: Not-found messages that come back as a recipient's result of a send, not as an error.
Undeliverable = Literal["recipient_endpoint"]


def _missing(text: str, when: str, *, service_wording: bool = False) -> MessageText:
    return MessageText(404, "NotFoundException", text, when, service_wording)


def _conflicting(text: str, when: str) -> MessageText:
    return MessageText(409, "ConflictException", text, when)


#: Every not-found and conflict message the fake answers with.
MESSAGES: Mapping[NotFound | Conflict | Undeliverable, MessageText] = {
    "application": _missing(
        "Application not found",
        "an operation names an application id that does not exist (or was deleted)",
        service_wording=True,
    ),
    "event_stream": _missing(
        "Resource not found",
        "GetEventStream or DeleteEventStream on an application without an event stream",
        service_wording=True,
    ),
    "campaign": _missing("Campaign not found", "a campaign id that does not exist"),
    "campaign_version": _missing(
        "Campaign version not found", "GetCampaignVersion with a version the campaign never had"
    ),
    "channel": _missing("Channel not found", "Get/Delete of a channel that was never set up"),
    "endpoint": _missing("Endpoint not found", "an endpoint id that does not exist"),
    "job": _missing("Job not found", "an import or export job id that does not exist"),
    "journey": _missing("Journey not found", "a journey id that does not exist"),
    "journey_activity": _missing(
        "Journey activity not found", "an activity id the journey does not have"
    ),
    "journey_run": _missing("Journey run not found", "a run id the journey does not have"),
    "operation": _missing(
        "No Pinpoint operation matches {method} {path}", "a path no Pinpoint operation has"
    ),
    "recommender": _missing(
        "Recommender configuration not found", "a recommender id that does not exist"
    ),
    "segment": _missing(
        "Segment not found", "a segment id that does not exist (also in a campaign or a job)"
    ),
    "segment_version": _missing(
        "Segment version not found", "GetSegmentVersion with a version the segment never had"
    ),
    "template": _missing(
        "Template not found",
        "a template name and type that do not exist (also in a send's TemplateConfiguration)",
    ),
    "template_version": _missing(
        "Template version not found", "a template version that does not exist"
    ),
    "user": _missing("User not found", "GetUserEndpoints or DeleteUserEndpoints, no endpoint"),
    "recipient_endpoint": MessageText(
        404,
        "PERMANENT_FAILURE",
        "Endpoint not found",
        "a send names an endpoint id that does not exist: that recipient's result, not an error",
    ),
    "template_exists": MessageText(
        400,
        "BadRequestException",
        "Template already exists",
        "Create*Template with the name and type of an existing template",
    ),
    "journey_finished": _conflicting(
        "Journey is {state} and can't be updated", "UpdateJourney on a finished journey"
    ),
    "journey_back_to_draft": _conflicting(
        "Journey is {state} and can't go back to DRAFT",
        "UpdateJourney with State DRAFT on a published journey",
    ),
    "journey_paused_state": _conflicting(
        "Journey is PAUSED; resume it with UpdateJourneyState",
        "UpdateJourney with a State on a paused journey",
    ),
    "journey_activities_fixed": _conflicting(
        "Journey is {state}: its activities can't be changed",
        "UpdateJourney changing the activities of a published journey",
    ),
    "journey_finished_state": _conflicting(
        "Journey is {state}; its state can't change", "UpdateJourneyState on a finished journey"
    ),
    "journey_draft_state": _conflicting(
        "Journey is DRAFT; publish it with UpdateJourney and State ACTIVE",
        "UpdateJourneyState on a draft",
    ),
}


def _from_table(key: NotFound | Conflict, values: Mapping[str, str]) -> ServiceError:
    entry = MESSAGES[key]
    return ServiceError(entry.status, entry.code, entry.text.format_map(values))


def not_found(what: NotFound, **values: str) -> ServiceError:
    """404 ``NotFoundException`` with the table's message for ``what``."""
    return _from_table(what, values)


def conflict(what: Conflict, **values: str) -> ServiceError:
    """The table's answer for a request that conflicts with a resource's current state."""
    return _from_table(what, values)


def method_not_allowed(message: str) -> ServiceError:
    """405 ``MethodNotAllowedException``: the path exists, but not with this HTTP method."""
    return ServiceError(405, "MethodNotAllowedException", message)


def too_many_requests(message: str = "Too many requests") -> ServiceError:
    """429 ``TooManyRequestsException``: the throttling answer botocore retries."""
    return ServiceError(429, "TooManyRequestsException", message)


def server_error(status: int, message: str = "Internal server error") -> ServiceError:
    """A 5xx answer; 500 is Pinpoint's ``InternalServerErrorException``."""
    codes = {
        500: "InternalServerErrorException",
        502: "BadGatewayException",
        503: "ServiceUnavailableException",
        504: "GatewayTimeoutException",
    }
    return ServiceError(status, codes.get(status, "InternalServerErrorException"), message)


def not_implemented(operation: str) -> ServiceError:
    """501: the operation exists in the model, but the fake does not simulate it.

    Never a silent success: a test that reaches an operation the fake cannot honour must fail
    loudly rather than pass against a response that means nothing.
    """
    return ServiceError(
        501, "NotImplementedException", f"FakePinpoint does not implement {operation}"
    )
