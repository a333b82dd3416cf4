"""PhoneNumberValidate's answers: synthetic, deterministic, and programmable by a test.

The fake knows no carrier database. Unless a test programmed the number (or a prefix of
it), the answer follows from the number alone:

- The number is cleansed first: spaces, dashes, dots and parentheses are dropped. One
  without ``+`` is read as a national number of ``IsoCountryCode`` (a leading trunk ``0``
  is dropped), so ``IsoCountryCode="GB"`` turns ``07700 900123`` into ``+447700900123``.
- ``INVALID`` (code 3): anything but ``+`` and 8 to 15 digits (E.164's longest), a ``+1``
  number that has not 10 digits after the ``1``, or a national number without a country
  the fake knows. Only ``OriginalPhoneNumber``, ``OriginalCountryCodeIso2`` and the type.
- ``MOBILE`` (code 0), carrier ``FakePinpoint Mobile``: the ranges reserved for fiction,
  ``+1 NXX 555-0100`` to ``555-0199`` (any area code) and the UK's ``+44 7700 900000`` to
  ``900999``.
- ``LANDLINE`` (code 1), carrier ``FakePinpoint Landline``: the UK's fictional London range
  ``+44 20 7946 0000`` to ``0999``.
- ``OTHER`` (code 4), no carrier: every other well-formed number. A real-looking number is
  never claimed to be a mobile; program it if a test needs one.

Valid numbers carry the cleansed E.164 and national formats and, when the fake knows the
calling code (:data:`COUNTRIES`), the country's name, ISO code and numeric calling code.

Programming (``fake.phone_numbers``) overrides any of those members per exact number or per
prefix; layers apply from the shortest matching prefix to the exact number, each replacing
only the members it sets.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypedDict, get_args

from typing_extensions import Unpack

#: The phone types Pinpoint reports, as ``PhoneType``.
PhoneType = Literal["MOBILE", "LANDLINE", "VOIP", "INVALID", "PREPAID", "OTHER"]
#: ``PhoneTypeCode`` of each type, as the service documents them.
PHONE_TYPE_CODES: Mapping[PhoneType, int] = {
    "MOBILE": 0,
    "LANDLINE": 1,
    "VOIP": 2,
    "INVALID": 3,
    "OTHER": 4,
    "PREPAID": 5,
}


@dataclass(frozen=True)
class Country:
    """A country the fake derives from a calling code: ISO code, name, national trunk prefix."""

    iso2: str
    name: str
    trunk_prefix: str


#: Calling code → country, for the members the default answer derives.
COUNTRIES: Mapping[str, Country] = {
    "1": Country("US", "United States", ""),
    "27": Country("ZA", "South Africa", "0"),
    "31": Country("NL", "Netherlands", "0"),
    "33": Country("FR", "France", "0"),
    "34": Country("ES", "Spain", ""),
    "39": Country("IT", "Italy", ""),
    "44": Country("GB", "United Kingdom", "0"),
    "46": Country("SE", "Sweden", "0"),
    "49": Country("DE", "Germany", "0"),
    "52": Country("MX", "Mexico", ""),
    "55": Country("BR", "Brazil", "0"),
    "61": Country("AU", "Australia", "0"),
    "65": Country("SG", "Singapore", ""),
    "81": Country("JP", "Japan", "0"),
    "86": Country("CN", "China", "0"),
    "91": Country("IN", "India", "0"),
    "353": Country("IE", "Ireland", "0"),
    "971": Country("AE", "United Arab Emirates", "0"),
}
_BY_ISO2 = {country.iso2: code for code, country in COUNTRIES.items()}
_TYPE_CODES: dict[str, int] = {name: code for name, code in PHONE_TYPE_CODES.items()}

#: Reserved fictional ranges: a pattern over the E.164 digits, and what they are.
_FICTIONAL: tuple[tuple[re.Pattern[str], PhoneType, str], ...] = (
    (re.compile(r"1[2-9]\d{2}55501\d{2}"), "MOBILE", "FakePinpoint Mobile"),
    (re.compile(r"447700900\d{3}"), "MOBILE", "FakePinpoint Mobile"),
    (re.compile(r"442079460\d{3}"), "LANDLINE", "FakePinpoint Landline"),
)
_SEPARATORS = re.compile(r"[\s\-.()]")
_E164 = re.compile(r"\+\d{8,15}")
_PREFIX = re.compile(r"\+\d{1,15}")


class PhoneNumberFields(TypedDict, total=False):
    """What a test can program for a number or prefix; each is a ``NumberValidateResponse``
    member (``phone_type`` is ``PhoneType``; ``PhoneTypeCode`` follows from it)."""

    phone_type: PhoneType
    carrier: str
    country: str
    country_code_iso2: str
    country_code_numeric: str
    city: str
    county: str
    zip_code: str
    timezone: str
    cleansed_phone_number_e164: str
    cleansed_phone_number_national: str


#: Programmable field → response member.
_MEMBERS: Mapping[str, str] = {
    "carrier": "Carrier",
    "country": "Country",
    "country_code_iso2": "CountryCodeIso2",
    "country_code_numeric": "CountryCodeNumeric",
    "city": "City",
    "county": "County",
    "zip_code": "ZipCode",
    "timezone": "Timezone",
    "cleansed_phone_number_e164": "CleansedPhoneNumberE164",
    "cleansed_phone_number_national": "CleansedPhoneNumberNational",
}
_FIELDS = frozenset({"phone_type", *_MEMBERS})


def cleanse(phone_number: str, iso_country_code: str | None = None) -> str | None:
    """``phone_number`` as ``+`` and digits, or ``None`` when it can't be one."""
    stripped = _SEPARATORS.sub("", phone_number)
    if not stripped.startswith("+"):
        code = _BY_ISO2.get((iso_country_code or "").upper())
        if code is None or not stripped.isdigit():
            return None
        trunk = COUNTRIES[code].trunk_prefix
        national = stripped[len(trunk) :] if trunk and stripped.startswith(trunk) else stripped
        stripped = f"+{code}{national}"
    if _E164.fullmatch(stripped) is None:
        return None
    if stripped.startswith("+1") and len(stripped) != 12:
        return None
    return stripped


def _calling_code(e164: str) -> str | None:
    digits = e164[1:]
    return next((digits[:n] for n in (1, 2, 3) if digits[:n] in COUNTRIES), None)


def default_answer(phone_number: str, iso_country_code: str | None) -> dict[str, str | int]:
    """The answer for a number nobody programmed (rules in this module's docstring)."""
    answer: dict[str, str | int] = {"OriginalPhoneNumber": phone_number}
    if iso_country_code is not None:
        answer["OriginalCountryCodeIso2"] = iso_country_code
    e164 = cleanse(phone_number, iso_country_code)
    if e164 is None:
        return {**answer, "PhoneType": "INVALID", "PhoneTypeCode": PHONE_TYPE_CODES["INVALID"]}
    phone_type: PhoneType = "OTHER"
    for pattern, fictional_type, carrier in _FICTIONAL:
        if pattern.fullmatch(e164[1:]):
            phone_type = fictional_type
            answer["Carrier"] = carrier
            break
    answer.update(PhoneType=phone_type, PhoneTypeCode=PHONE_TYPE_CODES[phone_type])
    answer["CleansedPhoneNumberE164"] = e164
    code = _calling_code(e164)
    if code is None:
        answer["CleansedPhoneNumberNational"] = e164[1:]
        return answer
    country = COUNTRIES[code]
    answer["CleansedPhoneNumberNational"] = country.trunk_prefix + e164[1 + len(code) :]
    answer.update(Country=country.name, CountryCodeIso2=country.iso2, CountryCodeNumeric=code)
    return answer


def _checked(fields: Mapping[str, object]) -> dict[str, str]:
    unknown = set(fields) - _FIELDS
    if unknown:
        raise ValueError(
            f"Unknown phone number fields: {', '.join(sorted(unknown))};"
            f" use {', '.join(sorted(_FIELDS))}"
        )
    checked: dict[str, str] = {}
    for name, value in fields.items():
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a string")
        if name == "phone_type" and value not in _TYPE_CODES:
            raise ValueError(f"phone_type must be one of {', '.join(get_args(PhoneType))}")
        checked[name] = value
    return checked


def _as_members(fields: Mapping[str, str]) -> dict[str, str | int]:
    members: dict[str, str | int] = {}
    for name, value in fields.items():
        if name == "phone_type":
            members["PhoneType"] = value
            members["PhoneTypeCode"] = _TYPE_CODES[value]
        else:
            members[_MEMBERS[name]] = value
    return members


def _number_key(number: str) -> str:
    e164 = cleanse(number)
    if e164 is None:
        raise ValueError(f"number must be E.164, e.g. +12065550100; got {number!r}")
    return e164


def _prefix_key(prefix: str) -> str:
    cleaned = _SEPARATORS.sub("", prefix)
    if _PREFIX.fullmatch(cleaned) is None:
        raise ValueError(f"prefix must be + and 1 to 15 digits, e.g. +44; got {prefix!r}")
    return cleaned


class PhoneNumberBook:
    """What ``PhoneNumberValidate`` answers, programmable per number and per prefix.

    Reach it as ``fake.phone_numbers``::

        fake.phone_numbers.program("+12065550142", phone_type="LANDLINE")
        fake.phone_numbers.program_prefix("+49", carrier="Fake Telekom", phone_type="MOBILE")

    Numbers and prefixes are cleansed like requests are (``"+1 (206) 555-0142"`` is
    ``"+12065550142"``). A number nobody programmed gets the default answer described in
    the guide (and in :mod:`pinpoint_sdk.testing._phone_numbers`).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._numbers: dict[str, dict[str, str]] = {}
        self._prefixes: dict[str, dict[str, str]] = {}

    def program(self, number: str, **fields: Unpack[PhoneNumberFields]) -> None:
        """Sets members of the answer for one number (replacing what was set for it before).

        ``number`` is E.164 (``+`` and digits; separators are ignored). Members not given
        keep their prefix or default value.
        """
        self._set(self._numbers, _number_key(number), fields)

    def program_prefix(self, prefix: str, **fields: Unpack[PhoneNumberFields]) -> None:
        """Sets members of the answer for every number starting with ``prefix`` (``"+44"``).

        Member by member, a longer prefix wins over a shorter one and an exact number over
        any prefix.
        """
        self._set(self._prefixes, _prefix_key(prefix), fields)

    def program_from(self, rule: Mapping[str, object]) -> None:
        """Programs one rule given as data, ``{"number": ...}`` or ``{"prefix": ...}`` plus
        fields, as the control API receives it. Raises ``ValueError`` for anything else."""
        fields = {key: value for key, value in rule.items() if key not in ("number", "prefix")}
        number, prefix = rule.get("number"), rule.get("prefix")
        if isinstance(number, str) and prefix is None:
            self._set(self._numbers, _number_key(number), fields)
        elif isinstance(prefix, str) and number is None:
            self._set(self._prefixes, _prefix_key(prefix), fields)
        else:
            raise ValueError('a rule needs either "number" or "prefix" (a string)')

    def _set(
        self, table: dict[str, dict[str, str]], key: str, fields: Mapping[str, object]
    ) -> None:
        checked = _checked(fields)
        with self._lock:
            table[key] = checked

    def clear(self) -> None:
        """Forgets every programmed number and prefix."""
        with self._lock:
            self._numbers.clear()
            self._prefixes.clear()

    @property
    def rules(self) -> list[dict[str, str]]:
        """Every programmed rule as data: ``number`` or ``prefix``, plus its fields."""
        with self._lock:
            return [
                *({"prefix": prefix, **fields} for prefix, fields in self._prefixes.items()),
                *({"number": number, **fields} for number, fields in self._numbers.items()),
            ]

    def answer(
        self, phone_number: str, iso_country_code: str | None = None
    ) -> dict[str, str | int]:
        """The ``NumberValidateResponse`` members for one request (member names)."""
        answer = default_answer(phone_number, iso_country_code)
        e164 = cleanse(phone_number, iso_country_code)
        if e164 is None:
            return answer
        with self._lock:
            prefixes = sorted(self._prefixes.items(), key=lambda item: len(item[0]))
            layers = [fields for prefix, fields in prefixes if e164.startswith(prefix)]
            exact = self._numbers.get(e164)
        if exact is not None:
            layers.append(exact)
        for fields in layers:
            answer.update(_as_members(fields))
        return answer
