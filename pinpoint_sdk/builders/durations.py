"""ISO 8601 durations and instants as Pinpoint journeys write them.

Journeys carry their times as strings: ``WaitFor``, ``EvaluationWaitTime``, ``RefreshFrequency``
and ``EndpointReentryInterval`` are ISO 8601 *durations* (``PT1H``, ``P3D``), ``WaitUntil`` is
an ISO 8601 *instant*. These helpers turn ``timedelta``/``datetime`` into those strings and
back, so builder users never hand-format them.

A ``timedelta`` is written in days, hours, minutes and seconds (``timedelta(hours=24)`` is
``P1D``); pass the string itself when a particular spelling matters (``"PT24H"``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import TypeAlias

__all__ = [
    "DurationLike",
    "describe_duration",
    "format_instant",
    "is_iso_duration",
    "iso_duration",
    "parse_instant",
    "parse_iso_duration",
    "to_iso_duration",
]

DurationLike: TypeAlias = "timedelta | str"
"""A duration as a ``timedelta`` or as an ISO 8601 duration string such as ``"PT24H"``."""

# Integers in every component, a fraction only on seconds: the spelling java.time and the
# examples use. "P" alone and a dangling "T" are not durations.
_DURATION = re.compile(
    r"^P(?=\d|T\d)"
    r"(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$"
)
_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")


def to_iso_duration(value: timedelta) -> str:
    """``timedelta(days=3)`` → ``"P3D"``, ``timedelta(hours=1, minutes=30)`` → ``"PT1H30M"``.

    Raises ``ValueError`` for a negative duration: no journey setting can wait backwards.
    """
    if value < timedelta(0):
        raise ValueError(f"a journey duration cannot be negative: {value}")
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    date_part = f"{value.days}D" if value.days else ""
    time_part = f"{hours}H" if hours else ""
    time_part += f"{minutes}M" if minutes else ""
    if seconds or value.microseconds:
        fraction = f".{value.microseconds:06d}".rstrip("0") if value.microseconds else ""
        time_part += f"{seconds}{fraction}S"
    if not date_part and not time_part:
        return "PT0S"
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def iso_duration(
    value: DurationLike | None = None,
    *,
    weeks: int = 0,
    days: int = 0,
    hours: int = 0,
    minutes: int = 0,
    seconds: int = 0,
) -> str:
    """One ISO 8601 duration from a ``timedelta``, a string, or keyword parts.

    ``iso_duration(days=2)`` → ``"P2D"``; ``iso_duration("PT24H")`` → ``"PT24H"`` (a string is
    checked and kept as written). Mixing a value with keyword parts is refused, since it is
    unclear which one was meant.
    """
    parts = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    given_parts = any((weeks, days, hours, minutes, seconds))
    if value is None:
        if not given_parts:
            raise ValueError("give a duration: a timedelta, an ISO 8601 string, or days=/hours=")
        return to_iso_duration(parts)
    if given_parts:
        raise ValueError("give either a duration value or keyword parts (days=, hours=), not both")
    if isinstance(value, timedelta):
        return to_iso_duration(value)
    if not is_iso_duration(value):
        raise ValueError(f"{value!r} is not an ISO 8601 duration such as 'PT1H' or 'P3D'")
    return value


def is_iso_duration(text: str) -> bool:
    """Whether ``text`` is an ISO 8601 duration (``P3D``, ``PT24H``, ``P1Y2M``), not ``"3 days"``."""
    return _DURATION.match(text) is not None


def _components(text: str) -> dict[str, float]:
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not an ISO 8601 duration such as 'PT1H' or 'P3D'")
    return {
        unit: float(amount.replace(",", "."))
        for unit, amount in match.groupdict().items()
        if amount is not None
    }


def parse_iso_duration(text: str) -> timedelta:
    """``"PT24H"`` → ``timedelta(hours=24)``.

    Years and months have no fixed length, so a duration using them raises ``ValueError``.
    """
    parts = _components(text)
    if "years" in parts or "months" in parts:
        raise ValueError(f"{text!r} uses years or months, which have no fixed length")
    return timedelta(**parts)


def describe_duration(text: str) -> str:
    """Plain words for an ISO 8601 duration, keeping its units: ``"PT24H"`` → ``"24 hours"``.

    Returns ``text`` unchanged when it is not a valid duration, so a diagram can still show it.
    """
    try:
        parts = _components(text)
    except ValueError:
        return text
    words = []
    for unit in _UNITS:
        if unit in parts:
            amount = parts[unit]
            shown = f"{amount:g}"
            words.append(f"{shown} {unit[:-1] if amount == 1 else unit}")
    return " ".join(words) if words else "0 seconds"


def format_instant(value: datetime | date | str) -> str:
    """An ISO 8601 instant for the wire, as Pinpoint compares them.

    An aware datetime is converted to UTC and written with a ``Z`` (``2027-01-01T00:00:00Z``,
    fractions of a second kept); a ``date`` means its midnight in UTC; a string is taken as
    given. A naive datetime has no defined instant, so it is written without an offset (as the
    ``ClosedDays`` examples are) and the validators decide whether that is allowed.
    """
    if isinstance(value, str):
        return value
    if not isinstance(value, datetime):
        return f"{value.isoformat()}T00:00:00Z"
    if value.tzinfo is None or value.utcoffset() is None:
        return value.isoformat()
    utc = value.astimezone(timezone.utc)
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    if utc.microsecond:
        text += f".{utc.microsecond:06d}".rstrip("0")
    return text + "Z"


def parse_instant(text: str) -> datetime:
    """Parses an ISO 8601 date-time, accepting the ``Z`` suffix that Python 3.10 does not."""
    return datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
