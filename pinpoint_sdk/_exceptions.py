"""The errors pinpoint_sdk raises: one short tree, importable from ``pinpoint_sdk``.

::

    PinpointError
    ├── PinpointValidationError          invalid input, refused before any byte is sent (also ValueError)
    │   └── BuildError                   a journey or segment a builder refuses, with every problem
    │       └── StateTransitionError     a write or state change the journey's state does not allow
    ├── PinpointConfigurationError       the client cannot sign or address a request; nothing was sent
    │   ├── CredentialsError             no credentials, incomplete ones, or their provider failed
    │   └── RegionError                  no region, an invalid one, or one Pinpoint has no endpoint in
    ├── MissingDependencyError           an optional dependency is not installed (also ImportError)
    ├── ClientClosedError                the client was closed, or used after close()
    ├── APIConnectionError               no usable HTTP response (refused, reset, dropped)
    │   └── APITimeoutError              connect, read, attempt or call deadline passed
    ├── APIResponseValidationError       a 2xx response that cannot be understood at all
    │   └── PaginationError              pages that make no progress (a repeated token, empty pages)
    ├── APIStatusError                   the service answered with an error status
    │   ├── BadRequestException          400  (one subclass per error shape of the model,
    │   ├── ForbiddenException           403   generated in ``_service_errors``, named as
    │   ├── NotFoundException            404   the shapes: the same names botocore uses)
    │   ├── MethodNotAllowedException    405
    │   ├── ConflictException            409
    │   ├── PayloadTooLargeException     413
    │   ├── TooManyRequestsException     429
    │   └── InternalServerErrorException 500
    └── WaiterError                      a waiter gave up (``pinpoint_sdk.waiters``)
        ├── WaiterTimeoutError           still not there when the timeout passed (also TimeoutError)
        ├── UnexpectedStateError         the resource reached a state it will not leave
        └── JobFailedError               an import or export job ended FAILED

Every error raised by a call carries ``attempts``, the HTTP attempts it made, and
``request_sent``: whether the request may have reached the service (``False`` only when it
certainly did not, so that even a send may be made again). Every ``APIStatusError`` carries
``status_code``, the service's error ``code``, ``message``, ``request_id`` and the
``operation`` name. botocore's exception, when there is one, is the ``__cause__``.

The classes are defined here, in ``_service_errors`` (generated), and, for the two that
carry the builders' own types (``Problem``, a journey ``State``), in ``pinpoint_sdk.builders``.
Each is also importable where it is raised (``pinpoint_sdk.waiters``, ``pinpoint_sdk.progress``),
as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ClientClosedError",
    "CredentialsError",
    "JobFailedError",
    "MissingDependencyError",
    "PaginationError",
    "PinpointConfigurationError",
    "PinpointError",
    "PinpointValidationError",
    "RegionError",
    "UnexpectedStateError",
    "WaiterError",
    "WaiterTimeoutError",
]


class PinpointError(Exception):
    """Base of every error raised by pinpoint_sdk.

    Every error pickles and copies with all its fields (Celery, multiprocessing and
    pytest-xdist move errors between processes); see :meth:`__reduce__`.
    """

    #: HTTP attempts the call made before this error (0: it failed before sending anything).
    attempts: int = 0
    #: Whether the request may have reached the service. False only when it certainly did not
    #: (invalid input, no credentials, a connection that never opened, a closed client).
    request_sent: bool = False

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickles the message and every field, without calling ``__init__`` again.

        Python's default rebuilds an exception as ``cls(*args)``, which cannot pass the
        keyword-only fields our constructors require. Fields are instance attributes, so
        ``__dict__`` holds all of them, whichever subclass added them: a new field needs
        nothing here. The chained cause and the traceback are not kept, as for any exception.
        """
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[PinpointError], args: tuple[Any, ...]) -> PinpointError:
    """An instance of ``cls`` with ``args``; pickle then restores its fields."""
    error = cls.__new__(cls, *args)
    # The built-in base's own state (``ImportError.msg``, ``OSError``'s): set by its __init__.
    super(PinpointError, error).__init__(*args)
    return error


class PinpointValidationError(PinpointError, ValueError):
    """The request is invalid; nothing was sent. The message names the offending fields."""


class PinpointConfigurationError(PinpointError):
    """The client cannot sign or address a request; nothing was sent.

    ``hint`` says what to check. botocore's exception (``NoRegionError``, ``ProfileNotFound``,
    ...) is the ``__cause__``.
    """

    def __init__(self, message: str, *, hint: str, operation: str | None = None) -> None:
        super().__init__(f"{message}. {hint}")
        self.hint = hint
        self.operation = operation


class CredentialsError(PinpointConfigurationError):
    """No usable AWS credentials: none were found, some are missing, or a provider failed."""


class RegionError(PinpointConfigurationError):
    """No region, an invalid region name, or a region Pinpoint has no known endpoint in."""


class MissingDependencyError(PinpointError, ImportError):
    """An optional dependency is not installed; the message says which extra provides it."""


class ClientClosedError(PinpointError, RuntimeError):
    """The ``PinpointClient`` is closed; create a new one.

    Raised by calls made after ``close()`` (``request_sent`` False), and by calls that were in
    flight or waiting to retry when it was called: ``request_sent`` then says whether one of
    their attempts may have reached the service. A call is never retried after ``close()``.
    """

    def __init__(self, message: str, *, request_sent: bool = False) -> None:
        super().__init__(message)
        self.request_sent = request_sent


class APIConnectionError(PinpointError):
    """No usable HTTP response: the connection failed, was reset, or dropped.

    ``request_sent`` is False only when the request certainly never left this process (the
    connection could not be opened), so the service cannot have acted on it.
    """

    def __init__(self, message: str, *, operation: str, request_sent: bool) -> None:
        super().__init__(message)
        self.operation = operation
        self.request_sent = request_sent


class APITimeoutError(APIConnectionError):
    """A timeout passed: connect, read, one attempt's limit, or the call's overall deadline.

    ``request_sent`` is False only for a connect timeout.
    """


class APIResponseValidationError(PinpointError):
    """A successful response whose body cannot be understood (e.g. empty or not JSON)."""

    #: The service answered, so it had the request.
    request_sent = True

    def __init__(self, message: str, *, operation: str, request_id: str | None) -> None:
        super().__init__(f"{message} (operation {operation}, request id {request_id})")
        self.operation = operation
        self.request_id = request_id


class PaginationError(APIResponseValidationError):
    """The service's pages make no progress: it repeated a page token, or it sent
    ``pagination.MAX_EMPTY_PAGES`` pages in a row without an item, each with a new token.
    """


class APIStatusError(PinpointError):
    """The service answered with an error status."""

    #: The HTTP status of the error shape (set on the generated subclasses).
    status: int | None = None
    #: The service (or a proxy in front of it) answered, so it had the request.
    request_sent = True

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str,
        request_id: str | None,
        operation: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            f"{operation} failed with {status_code} {code}: {message} (request id {request_id})"
        )
        self.message = message
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.operation = operation
        self.headers: Mapping[str, str] = headers or {}


class WaiterError(PinpointError):
    """A waiter (``client.jobs.wait_for_import``, ``journeys.wait_for_state``, ...) gave up:
    base of the errors below. Errors of the polling calls themselves propagate unchanged."""


class WaiterTimeoutError(WaiterError, TimeoutError):
    """The resource did not get there within the timeout; ``last`` is the last response."""

    def __init__(self, message: str, *, last: object, elapsed: float) -> None:
        super().__init__(message)
        self.last = last
        self.elapsed = elapsed


class UnexpectedStateError(WaiterError):
    """The resource reached ``state``, which it will not leave for the one waited for."""

    def __init__(self, message: str, *, state: str | None, last: object) -> None:
        super().__init__(message)
        self.state = state
        self.last = last


class JobFailedError(WaiterError):
    """An import or export job ended ``FAILED``.

    ``job`` is the last ``ImportJobResponse``/``ExportJobResponse``; ``failures`` its
    ``Failures`` (the service lists the first 100 failed entries) and ``failure_count`` its
    ``TotalFailures``.
    """

    def __init__(
        self, message: str, *, job: object, failures: list[str], failure_count: int | None
    ) -> None:
        super().__init__(message)
        self.job = job
        self.failures = failures
        self.failure_count = failure_count
