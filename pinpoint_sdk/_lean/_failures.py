"""What a failed lean attempt raises: the typed errors of the botocore path, word for word.

- An error response (status 300 or more) is read by botocore's own rest-json parser, its
  modeled fields added and its botocore exception class chosen as aiobotocore's client
  does, then translated by ``_invoke.translate``: the same class, code, message, request
  id, headers and redaction of echoed secrets as on the botocore path. Error bodies nested
  too deeply for botocore's recursive parser are cut first (``shallow_error_body``), as the
  botocore path's ``before-parse`` handler does. A body botocore's parser cannot read at all
  (JSON that is not an object, bytes that are not UTF-8: botocore raises ``AttributeError``
  or ``UnicodeDecodeError`` for them) is read as botocore reads a body that is not JSON:
  its text becomes the message (:func:`readable_error_body`).
- A connection failure arrives as the botocore exception aiobotocore raises for it (see the
  backends) and is translated the same way: same ``request_sent`` rules, same wording.
- The attempt's end, the call's deadline and a close under the call are worded as
  ``_invoke._attempt`` words them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from botocore.parsers import ResponseParser, create_parser

from .._aiobotocore import translate
from .._exceptions import PinpointError
from .._response import readable_error_body, shallow_error_body

__all__ = ["failure", "status_error"]


@cache
def _parser() -> ResponseParser:
    parser: ResponseParser = create_parser("rest-json")
    return parser


def status_error(
    client: Any, operation: str, status: int, headers: Mapping[str, str], body: bytes
) -> tuple[PinpointError, Exception]:
    """The typed error of an error response, and the botocore exception it translates."""
    response = {
        "status_code": status,
        "headers": headers,
        "body": readable_error_body(shallow_error_body(body)),
        "context": {"operation_name": operation},
    }
    service = client.meta.service_model
    parser = _parser()
    parsed: dict[str, Any] = parser.parse(response, service.operation_model(operation).output_shape)
    code = parsed.get("Error", {}).get("Code")
    if code is not None:
        shape = service.shape_for_error_code(code)
        if shape is not None:
            parsed.update(parser.parse(response, shape))
    cause: Exception = client.exceptions.from_code(code)(parsed, operation)
    return translate(cause, operation), cause


def failure(cause: Exception, operation: str) -> PinpointError:
    """The typed error of a botocore exception raised before or while sending."""
    return translate(cause, operation)
