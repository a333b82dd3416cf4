"""botocore's errors of setting a call up (credentials, region, profile, config) as typed errors.

These happen before any byte is sent: when the aiobotocore client is created (no region, an
unknown profile) or when a request is signed (no credentials). Each becomes a
:class:`PinpointConfigurationError` subclass whose message says what is wrong and whose
``hint`` says what to change; botocore's exception stays the ``__cause__``.
"""

from __future__ import annotations

from botocore.exceptions import BotoCoreError

from ._exceptions import CredentialsError, PinpointConfigurationError, RegionError

__all__ = ["setup_error", "unknown_region_error"]

_CREDENTIALS_HINT = (
    "Give the client credentials: aws_access_key_id= and aws_secret_access_key=, "
    "profile_name=, the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables, "
    "or a role of the instance or container it runs in"
)
_SSO_HINT = "Sign in again (aws sso login or aws login), or give the client other credentials"
_REGION_HINT = (
    "Pass region_name= (e.g. 'us-east-1'), set AWS_REGION or AWS_DEFAULT_REGION, "
    "or set region in the profile"
)
_CONFIG_HINT = (
    "Check profile_name= or AWS_PROFILE, the AWS config and credentials files "
    "(AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE) and the AioConfig given to the client"
)

#: botocore exception class name -> (our class, what to tell the user). The first match along
#: the exception's class hierarchy wins, so subclasses may be more precise than their bases.
_KINDS: dict[str, tuple[type[PinpointConfigurationError], str]] = {
    "NoCredentialsError": (CredentialsError, _CREDENTIALS_HINT),
    "PartialCredentialsError": (CredentialsError, _CREDENTIALS_HINT),
    "CredentialRetrievalError": (CredentialsError, _CREDENTIALS_HINT),
    "UnknownCredentialError": (CredentialsError, _CREDENTIALS_HINT),
    "RefreshWithMFAUnsupportedError": (CredentialsError, _CREDENTIALS_HINT),
    "MetadataRetrievalError": (CredentialsError, _CREDENTIALS_HINT),
    "InvalidIMDSEndpointError": (CredentialsError, _CREDENTIALS_HINT),
    "InvalidIMDSEndpointModeError": (CredentialsError, _CREDENTIALS_HINT),
    "InfiniteLoopConfigError": (CredentialsError, _CONFIG_HINT),
    "NoAuthTokenError": (CredentialsError, _SSO_HINT),
    "TokenRetrievalError": (CredentialsError, _SSO_HINT),
    "UnknownTokenProviderError": (CredentialsError, _SSO_HINT),
    "SSOError": (CredentialsError, _SSO_HINT),
    "LoginError": (CredentialsError, _SSO_HINT),
    "NoRegionError": (RegionError, _REGION_HINT),
    "InvalidRegionError": (RegionError, _REGION_HINT),
    "UnknownRegionError": (RegionError, _REGION_HINT),
    "UnknownEndpointError": (RegionError, _REGION_HINT),
    "UnknownFIPSEndpointError": (RegionError, _REGION_HINT),
    "ServiceNotInRegionError": (RegionError, _REGION_HINT),
    "EndpointVariantError": (RegionError, _REGION_HINT),
    "EndpointProviderError": (
        RegionError,
        _REGION_HINT + "; check endpoint_url= and FIPS or dual-stack settings",
    ),
    "ProfileNotFound": (PinpointConfigurationError, _CONFIG_HINT),
}


def setup_error(error: BotoCoreError, operation: str | None) -> PinpointConfigurationError:
    """The typed error for a botocore error raised before anything was sent."""
    for kind in type(error).__mro__:
        if kind.__name__ in _KINDS:
            cls, hint = _KINDS[kind.__name__]
            break
    else:
        # Any other botocore error at this stage: botocore refused to prepare the request.
        cls, hint = PinpointConfigurationError, _CONFIG_HINT
    where = f"{operation}: " if operation else ""
    return cls(f"{where}{error}", hint=hint, operation=operation)


def unknown_region_error(region: str, operation: str, known: list[str]) -> RegionError:
    """A region botocore has no Pinpoint endpoint for, whose made-up host name did not resolve."""
    return RegionError(
        f"{operation}: the region {region!r} is unknown to botocore's endpoint data for "
        f"pinpoint, and the host name made from it does not resolve",
        hint=f"Use one of {', '.join(known)}, or pass endpoint_url= for an endpoint botocore "
        "does not know yet",
        operation=operation,
    )
