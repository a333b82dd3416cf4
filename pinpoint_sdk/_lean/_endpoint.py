"""The client's endpoint, resolved once by botocore's endpoint rules.

botocore resolves the endpoint on every call, running the service's rule set with the
client's region, ``endpoint_url`` (argument, ``AWS_ENDPOINT_URL_PINPOINT``,
``AWS_ENDPOINT_URL`` or the config file's ``endpoint_url``), FIPS and dual-stack settings.
Pinpoint's rules read nothing else (no operation or parameter feeds them), so one resolution
when the client opens gives the URL every call would get: it is asked of the aiobotocore
client itself, through the method its own calls use.

The URL of a request is then composed as ``prepare_request_dict`` composes it: the
endpoint's own path (if any) before the request's path, a query after.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.awsrequest import prepare_request_dict

__all__ = ["Endpoint", "resolve_endpoint"]

_MARK = "/__pinpoint_sdk_request_path__"


class Endpoint:
    """Where a client's requests go, and what the endpoint rules said about signing them."""

    def __init__(
        self,
        url: str,
        signing: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        #: The endpoint URL the rules resolved, e.g. ``https://pinpoint.us-east-1.amazonaws.com``.
        self.url = url
        #: What the rules said about signing (``region``, ``signing_name``), if anything.
        self.signing: Mapping[str, Any] = signing or {}
        #: Headers the rules add to every request (none for Pinpoint).
        self.headers: Mapping[str, str] = headers or {}
        self._head, _, self._tail = _prepared_url(url, _MARK).partition(_MARK)

    def url_for(self, path: str, query: str | None) -> str:
        """The URL of a request for ``path`` (percent-encoded) and ``query`` (encoded)."""
        # botocore keeps the endpoint's own path as it is for an empty or "/" request path.
        url = self._head + path + self._tail if len(path) > 1 else _prepared_url(self.url, path)
        if query is not None:
            url += ("&" if "?" in url else "?") + query
        return url

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"


def _prepared_url(endpoint_url: str, path: str) -> str:
    request: dict[str, Any] = {"url_path": path, "query_string": "", "headers": {}}
    prepare_request_dict(request, endpoint_url)
    url: str = request["url"]
    return url


async def resolve_endpoint(client: Any) -> Endpoint:
    """The endpoint an aiobotocore ``client`` sends its calls to, by its own resolution.

    Raises what the client's calls would raise for the same settings (an unknown FIPS or
    dual-stack combination: botocore's ``EndpointVariantError`` and the like).
    """
    model = client.meta.service_model
    operation = model.operation_model(model.operation_names[0])
    context: dict[str, Any] = {
        "client_region": client.meta.region_name,
        "client_config": client.meta.config,
        "has_streaming_input": operation.has_streaming_input,
        "auth_type": operation.resolved_auth_type,
        "unsigned_payload": operation.unsigned_payload,
        "auth_options": model.metadata.get("auth"),
    }
    url, headers, _ = await client._resolve_endpoint_ruleset(operation, {}, context)
    return Endpoint(url, dict(context.get("signing") or {}), dict(headers or {}))
