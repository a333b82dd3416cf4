"""FakePinpoint: the in-memory service, from wire request to wire response.

A request goes through four steps: route it to an operation (the model's ``requestUri``),
decode and validate its parameters, ask the fault injector whether to interfere, and act on
the state under one lock. Transports (in-process httpx, the aiohttp server) only convert to
and from :class:`~pinpoint_sdk.testing._wire.WireRequest` and ``Outcome``.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._service_model import Operation, load_service_model
from ._decode import decode_request, decode_value
from ._encode import FakeBugError, encode_body, encode_value
from ._errors import ServiceError, not_implemented, server_error, too_many_requests
from ._export_seed import seed_from_export
from ._faults import FaultInjector, InjectedFault, corrupt_response
from ._handlers import HANDLERS, Call
from ._ids import DEFAULT_ACCOUNT_ID, DEFAULT_REGION, Arns, new_request_id, now_iso
from ._outbox import Outbox
from ._phone_numbers import PhoneNumberBook
from ._routing import Router
from ._seed import apply_seed
from ._signing import signed_region
from ._state import FakeState
from ._wire import Outcome, WireRequest, WireResponse, error_response, json_response

if TYPE_CHECKING:
    import httpx
    import respx

JsonDict = dict[str, Any]

DEFAULT_ENDPOINT_URL = "https://pinpoint.us-east-1.amazonaws.com"

__all__ = [
    "DEFAULT_ACCOUNT_ID",
    "DEFAULT_ENDPOINT_URL",
    "DEFAULT_REGION",
    "FakePinpoint",
    "RecordedRequest",
]

_logger = logging.getLogger(__name__)


@dataclass
class RecordedRequest:
    """One request the fake received, for tests that count attempts.

    ``operation`` is ``None`` when no operation matches the path. ``fault`` names the fault
    injected into this call (``"throttle"``, ``"error 503 after acting"``, ``"drop"``...).
    ``acted`` tells whether the operation took effect (state changed, message recorded):
    with ``after_acting`` faults it is ``True`` even though the client saw an error.
    ``status`` is the status sent, ``None`` when the connection was dropped. ``region`` is
    the region the request was signed for (the fake's default region when unsigned).
    """

    operation: str | None
    method: str
    path: str
    params: JsonDict | None
    request_id: str
    timestamp: str
    fault: str | None = None
    acted: bool = False
    status: int | None = None
    region: str = DEFAULT_REGION


@dataclass
class _Prepared:
    record: RecordedRequest
    operation: Operation | None
    params: JsonDict | None
    error: ServiceError | None
    fault: InjectedFault | None
    delay: float
    region: str


class FakePinpoint:
    """A stateful, in-memory Amazon Pinpoint that speaks the REST-JSON wire protocol.

    Each region has its own state, as in AWS: a request is served from the state of the region
    its SigV4 signature names (an app created in ``eu-west-1`` is not found from
    ``us-east-1``), and ARNs name that region. ``region`` is the default: the region of
    unsigned requests and of :meth:`invoke` and :meth:`seed` unless they name another.

    ``seed`` preloads resources (see :meth:`seed`) in the default region. ``account_id``
    goes into ARNs. Use it in process with :meth:`mock` (aiobotocore's httpx backend), over HTTP with
    ``FakePinpointServer(fake)``, or call :meth:`invoke` directly.
    """

    def __init__(
        self,
        seed: Mapping[str, Any] | None = None,
        *,
        account_id: str = DEFAULT_ACCOUNT_ID,
        region: str = DEFAULT_REGION,
    ) -> None:
        self._lock = threading.RLock()
        self._model = load_service_model()
        self._router = Router(self._model)
        self.account_id = account_id
        #: The region of unsigned requests, and of :meth:`invoke` and :meth:`seed` by default.
        self.region = region
        #: Fault rules; see :class:`~pinpoint_sdk.testing.FaultInjector`.
        self.faults = FaultInjector()
        #: Every message sent through the fake.
        self.outbox = Outbox()
        #: What ``PhoneNumberValidate`` answers; see :class:`~pinpoint_sdk.testing.PhoneNumberBook`.
        self.phone_numbers = PhoneNumberBook()
        self._states: dict[str, FakeState] = {}
        self._requests: list[RecordedRequest] = []
        if seed is not None:
            self.seed(seed)

    # -- inspection -------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received over a transport, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    def calls(self, operation: str) -> list[RecordedRequest]:
        """The received requests for one operation, e.g. ``fake.calls("SendMessages")``."""
        return [record for record in self.requests if record.operation == operation]

    @property
    def events(self) -> list[JsonDict]:
        """Every event recorded by ``PutEvents``, with ``ApplicationId`` and ``EndpointId``."""
        with self._lock:
            return [
                {"ApplicationId": app.id, **copy.deepcopy(event)}
                for state in self._states.values()
                for app in state.apps.values()
                for event in app.events
            ]

    @property
    def regions(self) -> list[str]:
        """The regions that hold state (created resources or received requests), sorted."""
        with self._lock:
            return sorted(self._states)

    @property
    def implemented_operations(self) -> frozenset[str]:
        """The operations the fake simulates; the others answer 501 naming the operation."""
        return frozenset(name for name in self._model.operations if name in HANDLERS)

    # -- state management -------------------------------------------------------------------

    def reset(self, region: str | None = None) -> None:
        """Forgets every resource, message, recorded request, fault rule and programmed number.

        With ``region``, forgets only that region's resources and the messages sent there;
        requests, fault rules and programmed numbers (which belong to no region) stay.
        """
        with self._lock:
            self.outbox.clear(region)
            if region is not None:
                self._states.pop(region, None)
                return
            self.faults.clear()
            self.phone_numbers.clear()
            self._states.clear()
            self._requests.clear()

    def _state_of(self, region: str | None) -> FakeState:
        """The state of ``region`` (the default region for ``None``), created on first use."""
        name = region or self.region
        with self._lock:
            state = self._states.get(name)
            if state is None:
                state = FakeState(Arns(self.account_id, name), self.outbox, self.phone_numbers)
                self._states[name] = state
            return state

    def seed(self, data: Mapping[str, Any], *, region: str | None = None) -> list[str]:
        """Creates resources from a dict, through the same code paths as the API.

        Format (every key optional; request bodies use boto3's member names; ``Id`` picks
        the id of the resource, otherwise a new one is made)::

            {
                "apps": [{
                    "Id": "...", "Name": "shop", "tags": {...},
                    "settings": {...WriteApplicationSettingsRequest},
                    "segments": [{"Id": "...", ...WriteSegmentRequest}],
                    "campaigns": [{"Id": "...", ...WriteCampaignRequest}],
                    "journeys": [{"Id": "...", ...WriteJourneyRequest}],  # any State but
                    # COMPLETED/CLOSED: PAUSED and CANCELLED ones are published first
                    "endpoints": [{"Id": "...", ...EndpointRequest}],
                    "channels": {"email": {...EmailChannelRequest}, "sms": {...}},
                    "event_stream": {...WriteEventStream},
                }],
                "templates": [{"TemplateName": "...", "TemplateType": "EMAIL", ...request}],
                "recommenders": [{"Id": "...", ...CreateRecommenderConfiguration}],
            }

        Resources go to ``region`` (default: the fake's default region). Returns the ids of
        the seeded applications, in order. Raises ``ValueError`` for an unknown key and
        :class:`ServiceError` for a body the service would reject.
        """
        with self._lock:
            return apply_seed(
                lambda operation, params, preset_id: self._invoke(
                    operation, params, preset_id, region
                ),
                data,
            )

    def seed_from_export(self, directory: str | Path, *, region: str | None = None) -> str:
        """Re-creates an export folder (``python -m pinpoint_sdk export``) and returns the
        application's id: every resource keeps its exported id.

        Into ``region`` (default: the fake's default region). Templates that already exist
        there are kept as they are (they belong to the account, as in ``import_application``).
        Raises ``ValueError`` for a folder that holds no export.
        """
        data = seed_from_export(directory)
        with self._lock:
            existing = self._state_of(region).templates
            data["templates"] = [
                template
                for template in data["templates"]
                if (template["TemplateName"], template["TemplateType"]) not in existing
            ]
            [application_id] = self.seed(data, region=region)
        return application_id

    def invoke(
        self,
        operation: str,
        params: Mapping[str, Any] | None = None,
        *,
        region: str | None = None,
    ) -> JsonDict | None:
        """Runs one operation directly, with boto3-style parameters; no faults, not recorded.

        Acts on ``region`` (default: the fake's default region). Returns the response payload
        (member names) or ``None``; raises :class:`ServiceError` as the service would answer.
        """
        return self._invoke(operation, dict(params or {}), None, region)

    def _invoke(
        self, operation: str, params: JsonDict, preset_id: str | None, region: str | None
    ) -> JsonDict | None:
        op = self._model.operations.get(operation)
        if op is None:
            raise ValueError(f"Pinpoint has no operation named {operation!r}")
        decoded: JsonDict = (
            decode_value(op.input, params, "", wire_names=False) if op.input is not None else {}
        )
        result = self._act(op, decoded, new_request_id(), preset_id, self._state_of(region))
        payload = op.output_payload
        if result is None or payload is None:
            return None
        with self._lock:
            projected: JsonDict = encode_value(payload.shape, result, "", wire_names=False)
        return projected

    # -- request pipeline ---------------------------------------------------------------------

    def handle(self, request: WireRequest) -> Outcome:
        """Answers one HTTP request (blocking through any injected latency)."""
        prepared = self._prepare(request)
        if prepared.delay:
            time.sleep(prepared.delay)
        return self._finish(prepared)

    async def handle_async(self, request: WireRequest) -> Outcome:
        """Answers one HTTP request (awaiting any injected latency)."""
        prepared = self._prepare(request)
        if prepared.delay:
            await asyncio.sleep(prepared.delay)
        return self._finish(prepared)

    def _prepare(self, request: WireRequest) -> _Prepared:
        request_id = new_request_id()
        region = signed_region(request.headers, request.query) or self.region
        record = RecordedRequest(
            operation=None,
            method=request.method,
            path=request.raw_path,
            params=None,
            request_id=request_id,
            timestamp=now_iso(),
            region=region,
        )
        with self._lock:
            self._requests.append(record)
        try:
            match = self._router.match(request.method, request.raw_path)
        except ServiceError as error:
            return _Prepared(record, None, None, error, None, 0.0, region)
        operation = match.operation
        record.operation = operation.name
        invalid: ServiceError | None = None
        try:
            record.params = decode_request(
                operation, match.path_params, request.query, request.headers, request.body
            )
        except ServiceError as problem:
            invalid = problem
        fault, delay = self.faults.decide(operation.name)
        if fault is not None:
            record.fault = fault.describe()
        return _Prepared(record, operation, record.params, invalid, fault, delay, region)

    def _finish(self, prepared: _Prepared) -> Outcome:
        record = prepared.record
        operation = prepared.operation
        fault = prepared.fault
        if fault is not None and not fault.after_acting:
            return self._faulted(record, fault, None)
        if operation is None or prepared.params is None or prepared.error is not None:
            assert prepared.error is not None
            response = self._error(prepared.error, record.request_id)
        else:
            try:
                state = self._state_of(prepared.region)
                body = self._act_and_encode(operation, prepared.params, record.request_id, state)
            except ServiceError as error:
                response = self._error(error, record.request_id)
            else:
                record.acted = True
                response = json_response(operation.response_code, record.request_id, body)
        if fault is not None:
            return self._faulted(record, fault, response)
        return self._respond(record, response)

    def _act(
        self,
        operation: Operation,
        params: JsonDict,
        request_id: str,
        preset_id: str | None,
        state: FakeState,
    ) -> JsonDict | None:
        handler = HANDLERS.get(operation.name)
        if handler is None:
            raise not_implemented(operation.name)
        with self._lock:
            return handler(Call(operation, params, state, request_id, preset_id))

    def _act_and_encode(
        self, operation: Operation, params: JsonDict, request_id: str, state: FakeState
    ) -> bytes:
        # Encoding reads stored records, so it stays under the lock with the handler.
        with self._lock:
            try:
                return encode_body(operation, self._act(operation, params, request_id, None, state))
            except ServiceError:
                raise
            except FakeBugError as bug:
                _logger.error("FakePinpoint built an invalid %s response: %s", operation.name, bug)
                raise server_error(500, f"FakePinpoint bug in {operation.name}: {bug}") from bug
            except Exception as bug:
                _logger.exception("FakePinpoint failed in %s", operation.name)
                raise server_error(500, f"FakePinpoint bug in {operation.name}: {bug!r}") from bug

    @staticmethod
    def _error(error: ServiceError, request_id: str) -> WireResponse:
        return error_response(error.status, error.code, error.message, request_id)

    def _faulted(
        self, record: RecordedRequest, fault: InjectedFault, real: WireResponse | None
    ) -> Outcome:
        if fault.kind == "drop":
            return Outcome(None, acted=record.acted)
        if fault.kind == "corrupt":
            spoiled, cut_at = corrupt_response(fault, real, record.request_id)
            record.status = spoiled.status
            return Outcome(spoiled, acted=record.acted, cut_at=cut_at)
        if fault.kind == "throttle":
            error = too_many_requests("Rate exceeded (injected by FakePinpoint)")
        else:
            error = server_error(fault.status or 500, "Injected by FakePinpoint")
        return self._respond(record, self._error(error, record.request_id))

    @staticmethod
    def _respond(record: RecordedRequest, response: WireResponse) -> Outcome:
        record.status = response.status
        return Outcome(response, acted=record.acted)

    # -- transports ---------------------------------------------------------------------------

    def httpx_transport(self) -> httpx.AsyncBaseTransport:
        """An ``httpx.AsyncBaseTransport`` answering every request from this fake."""
        from ._inprocess import FakePinpointTransport

        return FakePinpointTransport(self)

    @contextlib.contextmanager
    def mock(self, base_url: str | None = None) -> Iterator[respx.MockRouter]:
        """Routes httpx requests for Pinpoint to this fake, in process (needs respx).

        By default every regional endpoint (``https://pinpoint.<region>.amazonaws.com``) is
        routed, so clients of several regions share the fake; ``base_url`` routes that one
        URL's host instead. Meant for aiobotocore's httpx backend
        (``AioConfig(http_session_cls=aiobotocore.httpxsession.HttpxSession)``); requests
        to other hosts pass through untouched.
        """
        from ._inprocess import mock_pinpoint

        with mock_pinpoint(self, base_url) as router:
            yield router
