"""PhoneNumberValidate, answered from the fake's programmable phone book."""

from __future__ import annotations

from .._errors import bad_request
from ._context import Call, JsonDict


def phone_number_validate(call: Call) -> JsonDict:
    """Describes a phone number: programmed members, or the fake's synthetic defaults."""
    request = call.body
    number = request.get("PhoneNumber")
    if not number:
        raise bad_request("Missing required field 'PhoneNumber'")
    return dict(call.state.phone_numbers.answer(str(number), request.get("IsoCountryCode")))
