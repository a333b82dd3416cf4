"""The lean request path: requests built, signed and sent by the SDK itself.

The botocore path runs every call through botocore's client machinery: parameter events,
its serializer, endpoint resolution, signing through its event system, aiobotocore's
request and response wrappers. This package does the same work directly, the same bytes
on the wire, at a fraction of the CPU:

- ``_encoding``: the wire encoding primitives (path labels, query strings, JSON bodies);
- ``_binding``: an operation's HTTP binding and :func:`build_request`, the reference that
  the generated builders of ``pinpoint_sdk._requests`` are tested against;
- ``_endpoint``: the endpoint, resolved once per client by botocore's rules;
- ``_signing``: botocore's SigV4 signer with fresh credentials per request;
- ``_aiohttp`` and ``_httpx``: sending on the pool of the client's aiobotocore session;
- ``_failures``: failed attempts as the botocore path's typed errors;
- ``_transport``: :class:`LeanTransport`, which ties them together, one attempt at a time;
- ``_path``: ``LeanPath``, the client's transport (``_transport.Transport``) built on it.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._binding import HttpBinding, Member, binding_for, build_request
    from ._encoding import Blob, ListOf, MapOf, Recipe, Structure, Timestamp
    from ._request import LeanRequest, LeanResponse
    from ._transport import LeanTransport

__all__ = [
    "Blob",
    "HttpBinding",
    "LeanRequest",
    "LeanResponse",
    "LeanTransport",
    "ListOf",
    "MapOf",
    "Member",
    "Recipe",
    "Structure",
    "Timestamp",
    "binding_for",
    "build_request",
]

# Loaded on first use: the generated request builders import the encoding modules alone,
# without the transport (aiohttp, botocore's signer) that sends what they build.
_SOURCES = {
    **dict.fromkeys(("HttpBinding", "Member", "binding_for", "build_request"), "._binding"),
    **dict.fromkeys(("Blob", "ListOf", "MapOf", "Recipe", "Structure", "Timestamp"), "._encoding"),
    **dict.fromkeys(("LeanRequest", "LeanResponse"), "._request"),
    "LeanTransport": "._transport",
}
__getattr__, __dir__ = lazy_exports(__name__, _SOURCES)
