"""What counts as a secret, and how it is masked wherever the SDK shows text.

Three kinds of secret are recognised:

- **fields with a secret name**: the secret members of the model (``SECRET_MEMBERS``:
  ``ApiKey``, ``PrivateKey``, ``Otp``, ...) and the usual names of credentials
  (``Authorization``, ``X-Amz-Security-Token``, ``SecretAccessKey``, ``Password``, ...),
  compared without case and separators, so ``api_key``, ``apiKey`` and ``ApiKey`` are one
  name. Their values are masked in dicts and lists (structurally), in JSON text (parsed, then
  masked structurally), and in other text by pattern (``"ApiKey": "..."``, ``ApiKey=...``,
  ``ApiKey: ...``: how a service may echo a request body in an error message);
- **credentials in a signed request** as botocore logs it: the session token (whatever
  characters it holds), the access key id after ``Credential=``, and signatures;
- **credential values known to a session** the SDK signs with (:func:`remember_session`):
  masked wherever they appear, whatever surrounds them.

Everything here is bounded: structures nested deeper than :data:`MAX_DEPTH` are not walked
(text falls back to the patterns; a deeper part of a structure is replaced), so masking never
raises ``RecursionError`` however deep a response is nested.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ._operations import SECRET_MEMBERS

__all__ = [
    "MASK",
    "MAX_DEPTH",
    "hide_secrets",
    "is_secret_name",
    "redact",
    "redact_text",
    "remember_session",
]

MASK = "***"
#: How deep a structure is walked; deeper parts are replaced by :data:`_TOO_DEEP`.
MAX_DEPTH = 64
_TOO_DEEP = "<nested too deeply to show>"
#: Credential values shorter than this are not real AWS credentials (an access key id has at
#: least 16 characters); masking them everywhere would garble unrelated text.
_MIN_CREDENTIAL_LENGTH = 16

#: Names of credentials that are not members of the Pinpoint model, as words.
_CREDENTIAL_NAMES = (
    ("authorization",),
    ("x", "amz", "security", "token"),
    ("security", "token"),
    ("session", "token"),
    ("aws", "session", "token"),
    ("secret", "access", "key"),
    ("aws", "secret", "access", "key"),
    ("access", "token"),
    ("refresh", "token"),
    ("password",),
    ("secret",),
)


def _words(member: str) -> tuple[str, ...]:
    """``"ServiceJson"`` -> ``("service", "json")``."""
    return tuple(word.lower() for word in re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", member))


_SECRET_WORDS = {_words(member) for member in SECRET_MEMBERS} | set(_CREDENTIAL_NAMES)
_SECRET_NAMES = frozenset("".join(words) for words in _SECRET_WORDS)


@lru_cache(maxsize=1024)
def is_secret_name(name: object) -> bool:
    """Whether a field called ``name`` holds a secret (case and ``_``/``-`` do not matter)."""
    if not isinstance(name, str):
        return False
    return name.replace("_", "").replace("-", "").lower() in _SECRET_NAMES


class _Patterns(NamedTuple):
    """The patterns that find secrets in text; compiled on first use (import stays cheap)."""

    quoted: re.Pattern[str]
    structured: re.Pattern[str]
    bare: re.Pattern[str]
    signed: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    # One secret name in text: its words in any case, joined by nothing, "_" or "-", not part
    # of a longer name ("HasCredential" is not "Credential").
    name = r"(?<![\w-])(?:{})(?![\w-])".format(
        "|".join(r"[_-]?".join(map(re.escape, words)) for words in sorted(_SECRET_WORDS))
    )
    return _Patterns(
        # "Key": "value", 'Key': 'value', \"Key\": \"value\" (JSON inside a JSON string),
        # "Key": b'v'. A value whose closing quote is missing (a body cut short) is masked to
        # the end of the text.
        quoted=re.compile(
            rf"""(?P<key>\\?["']{name}\\?["']\s*[:=]\s*b?)(?P<quote>\\?["'])"""
            r"""(?:(?!(?P=quote))(?:\\.|.))*(?:(?P=quote)|$)""",
            re.IGNORECASE | re.DOTALL,
        ),
        # "Key": {...} or [...]: a structure cannot be matched by a pattern, so the rest is
        # masked.
        structured=re.compile(
            rf"""(?P<key>\\?["']?{name}\\?["']?\s*[:=]\s*)[\[{{].*""", re.IGNORECASE | re.DOTALL
        ),
        # Key=value and Key: value without quotes, as a Java-style echo shows a body ("{ApiKey:
        # AIza..., Enabled: true}"). Where such a value ends is a guess: at the next , ; & ) ]
        # or }, so that a PEM key's lines are masked with its first; a value already masked is
        # left alone.
        bare=re.compile(
            rf"""(?P<key>{name}\s*[:=]\s*)(?![\s"'\[{{]|b['"]|\*\*\*)[^,;&}})\]]+""", re.IGNORECASE
        ),
        # Credentials of a signed request. The session token is base64 ("/", "+", "=" included)
        # and ends at a quote, whitespace or "&"; an access key id ends at "/" (the credential
        # scope after it is not secret); a signature is hex.
        signed=re.compile(
            r"""(?P<key>x-amz-security-token['"]?\s*[:=]\s*b?['"]?)[^'"\s&]+"""
            r"""|(?P<key2>Credential=)[^'"\s,&/]+"""
            r"""|(?P<key3>Signature(?:=|:\s*))[^'"\s,&]+""",
            re.IGNORECASE,
        ),
    )


def _mask_keyed(match: re.Match[str]) -> str:
    return f"{match['key']}{MASK}"


def _mask_quoted(match: re.Match[str]) -> str:
    return f"{match['key']}{match['quote']}{MASK}{match['quote']}"


def _mask_signed(match: re.Match[str]) -> str:
    return f"{match['key'] or match['key2'] or match['key3']}{MASK}"


class _TooDeep(Exception):
    """A structure is nested deeper than ``MAX_DEPTH``."""


def redact(value: Any) -> Any:
    """``value`` with every secret masked: dicts and lists walked, text and bytes cleaned.

    Never raises on data (JSON-like values, text, bytes); a structure deeper than
    :data:`MAX_DEPTH` keeps its first levels and loses the rest.
    """
    return _redact(value, 0, cut=True)


def redact_text(text: str) -> str:
    """``text`` with every secret masked: JSON is parsed and masked, other text by pattern."""
    return _redact_text(text, 0)


def _redact(value: Any, depth: int, *, cut: bool) -> Any:
    """``redact`` below ``depth``; too deep, the rest is cut (``cut``) or ``_TooDeep`` raised."""
    if depth > MAX_DEPTH:
        if cut:
            return _TOO_DEEP
        raise _TooDeep
    if isinstance(value, Mapping):
        return {
            key: MASK if is_secret_name(key) else _redact(item, depth + 1, cut=cut)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_redact(item, depth + 1, cut=cut) for item in value]
    if isinstance(value, tuple):
        return tuple(_redact(item, depth + 1, cut=cut) for item in value)
    if isinstance(value, bytes):
        text = value.decode("utf-8", "replace")
        cleaned = _redact_text(text, depth)
        return value if cleaned == text else cleaned.encode()
    if isinstance(value, str):
        return _redact_text(value, depth)
    return value


def _redact_text(text: str, depth: int) -> str:
    # Known values first: a pattern that masks part of one would hide the rest from this.
    text = _mask_known_credentials(text)
    stripped = text.strip()
    if stripped[:1] in ("{", "[") and depth < MAX_DEPTH:
        try:
            # JSON too deep to walk is not cut: the patterns below see all of it instead.
            return json.dumps(_redact(json.loads(stripped), depth, cut=False))
        except (ValueError, RecursionError, _TooDeep):
            pass  # not JSON, or too deep to walk: the patterns below still apply
    patterns = _patterns()
    text = patterns.quoted.sub(_mask_quoted, text)
    text = patterns.structured.sub(_mask_keyed, text)
    text = patterns.signed.sub(_mask_signed, text)
    return patterns.bare.sub(_mask_keyed, text)


def hide_secrets(error: BaseException) -> None:
    """Masks secrets in ``error`` and the exceptions chained to it, in place.

    Cleans each one's arguments (its message) and the data it keeps as attributes, such as
    a botocore ``ClientError``'s ``response``, which holds the service's message several
    times over.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.args = tuple(redact(argument) for argument in current.args)
        fields = vars(current)
        for name, value in list(fields.items()):
            if isinstance(value, (str, bytes, Mapping, list, tuple)):
                fields[name] = redact(value)
        current = current.__cause__ or current.__context__


# -- credentials known to the sessions the SDK signs with --------------------------------

_SESSIONS: weakref.WeakSet[Any] = weakref.WeakSet()
_CREDENTIAL_ATTRIBUTES = (
    "access_key",
    "secret_key",
    "token",
    "_access_key",
    "_secret_key",
    "_token",
)


def remember_session(session: Any) -> None:
    """Masks the credentials ``session`` signs with, now and after they are refreshed.

    The values are read when text is masked, from the attributes botocore keeps them in
    (reading the public properties could start a refresh), so refreshed credentials are
    masked as soon as botocore holds them.
    """
    _SESSIONS.add(session)


def _known_credentials() -> Iterator[str]:
    for session in list(_SESSIONS):
        credentials = getattr(session, "_credentials", None)
        attributes = getattr(credentials, "__dict__", {})
        for name in _CREDENTIAL_ATTRIBUTES:
            value = attributes.get(name)
            if isinstance(value, str) and len(value) >= _MIN_CREDENTIAL_LENGTH:
                yield value


def _mask_known_credentials(text: str) -> str:
    for value in _known_credentials():
        if value in text:
            text = text.replace(value, MASK)
    return text
