"""The errors pinpoint_sdk raises: one short tree, with botocore's exception as ``__cause__``.

::

    PinpointError
    ├── PinpointValidationError      invalid input, raised before any byte is sent (also ValueError)
    ├── ClientClosedError            the client was closed, or used after close()
    ├── APIConnectionError           no usable HTTP response (refused, reset, dropped)
    │   └── APITimeoutError          connect or read timeout
    ├── APIResponseValidationError   a 2xx response that cannot be understood at all
    └── APIStatusError               the service answered with an error status
        ├── BadRequestException           400   (one subclass per error shape of the model,
        ├── ForbiddenException            403    generated in ``_service_errors``, named as
        ├── NotFoundException             404    the shapes: the same names botocore uses)
        ├── MethodNotAllowedException     405
        ├── ConflictException             409
        ├── PayloadTooLargeException      413
        ├── TooManyRequestsException      429
        └── InternalServerErrorException  500

Every error raised by a call carries ``attempts``, the HTTP attempts it made. Every
``APIStatusError`` carries ``status_code``, the service's error ``code``, ``message``,
``request_id`` and the ``operation`` name. Connection errors say whether the request may have
reached the service (``request_sent``), which is what decides if a non-idempotent call may be
retried.
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
    "PinpointError",
    "PinpointValidationError",
]


class PinpointError(Exception):
    """Base of every error raised by pinpoint_sdk.

    Every error pickles and copies with all its fields (Celery, multiprocessing and
    pytest-xdist move errors between processes); see :meth:`__reduce__`.
    """

    #: HTTP attempts the call made before this error (0: it failed before sending anything).
    attempts: int = 0

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


class ClientClosedError(PinpointError, RuntimeError):
    """The ``PinpointClient`` is closed; create a new one."""


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
    """The connection or the response took longer than the configured timeout."""


class APIResponseValidationError(PinpointError):
    """A successful response whose body cannot be understood (e.g. empty or not JSON)."""

    def __init__(self, message: str, *, operation: str, request_id: str | None) -> None:
        super().__init__(f"{message} (operation {operation}, request id {request_id})")
        self.operation = operation
        self.request_id = request_id


class APIStatusError(PinpointError):
    """The service answered with an error status."""

    #: The HTTP status of the error shape (set on the generated subclasses).
    status: int | None = None

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
