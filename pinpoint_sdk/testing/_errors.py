"""The errors the fake answers with, named exactly as Pinpoint names them.

A handler raises :class:`ServiceError`; the dispatcher turns it into the service's error
response: the status code, a JSON body ``{"Message": ..., "RequestID": ...}`` and the
``X-Amzn-ErrorType`` header that botocore reads the error code from.
"""

from __future__ import annotations


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


def not_found(message: str) -> ServiceError:
    """404 ``NotFoundException``: the resource does not exist."""
    return ServiceError(404, "NotFoundException", message)


def conflict(message: str) -> ServiceError:
    """409 ``ConflictException``: the request conflicts with the resource's current state."""
    return ServiceError(409, "ConflictException", message)


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
