"""PhoneNumberValidate: synthetic defaults, and answers a test programs per number or prefix."""

from __future__ import annotations

from typing import Any

import pytest
from pinpoint_fake_support import inprocess_client

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer


async def _validate(client: Any, number: str, country: str | None = None) -> dict[str, Any]:
    request = {"PhoneNumber": number, **({"IsoCountryCode": country} if country else {})}
    response = await client.phone_number_validate(NumberValidateRequest=request)
    answer: dict[str, Any] = response["NumberValidateResponse"]
    return answer


async def test_reserved_fictional_ranges_get_their_documented_types() -> None:
    fake = FakePinpoint()
    async with inprocess_client(fake) as client:
        us = await _validate(client, "+1 (206) 555-0142")
        uk_mobile = await _validate(client, "07700 900123", "GB")
        uk_landline = await _validate(client, "+44 20 7946 0018")
    assert us == {
        "Carrier": "FakePinpoint Mobile",
        "CleansedPhoneNumberE164": "+12065550142",
        "CleansedPhoneNumberNational": "2065550142",
        "Country": "United States",
        "CountryCodeIso2": "US",
        "CountryCodeNumeric": "1",
        "OriginalPhoneNumber": "+1 (206) 555-0142",
        "PhoneType": "MOBILE",
        "PhoneTypeCode": 0,
    }
    assert uk_mobile["PhoneType"] == "MOBILE"
    assert uk_mobile["CleansedPhoneNumberE164"] == "+447700900123"
    assert uk_mobile["CleansedPhoneNumberNational"] == "07700900123"
    assert uk_mobile["OriginalCountryCodeIso2"] == "GB"
    assert (uk_landline["PhoneType"], uk_landline["PhoneTypeCode"]) == ("LANDLINE", 1)
    assert uk_landline["Carrier"] == "FakePinpoint Landline"


async def test_other_numbers_are_other_and_malformed_ones_invalid() -> None:
    fake = FakePinpoint()
    async with inprocess_client(fake) as client:
        real_looking = await _validate(client, "+12065551234")
        german = await _validate(client, "+4915112345678")
        invalid = [
            await _validate(client, number, country)
            for number, country in [
                ("12345", None),  # no country code and no IsoCountryCode
                ("+1206555012", None),  # a +1 number needs 10 digits after the 1
                ("+44 7700 CALL ME", None),
                ("2065550100", "ZZ"),  # a country the fake does not know
            ]
        ]
    assert (real_looking["PhoneType"], real_looking["PhoneTypeCode"]) == ("OTHER", 4)
    assert "Carrier" not in real_looking
    assert german["PhoneType"] == "OTHER" and german["CountryCodeIso2"] == "DE"
    assert german["CleansedPhoneNumberNational"] == "015112345678"
    assert [answer["PhoneType"] for answer in invalid] == ["INVALID"] * 4
    assert invalid[0] == {
        "OriginalPhoneNumber": "12345",
        "PhoneType": "INVALID",
        "PhoneTypeCode": 3,
    }


async def test_programmed_prefixes_and_numbers_layer_member_by_member() -> None:
    fake = FakePinpoint()
    fake.phone_numbers.program_prefix("+49", phone_type="MOBILE", carrier="Fake Telekom")
    fake.phone_numbers.program_prefix("+49 151", carrier="Fake Mobilfunk")
    fake.phone_numbers.program("+49 151 1234 5678", city="Berlin", timezone="Europe/Berlin")
    fake.phone_numbers.program("+12065550142", phone_type="VOIP", carrier="Fake VoIP")
    async with inprocess_client(fake) as client:
        exact = await _validate(client, "+4915112345678")
        by_prefix = await _validate(client, "+4917000000000")
        overridden = await _validate(client, "2065550142", "US")
    assert (exact["PhoneType"], exact["Carrier"]) == ("MOBILE", "Fake Mobilfunk")
    assert (exact["City"], exact["Timezone"], exact["Country"]) == (
        "Berlin",
        "Europe/Berlin",
        "Germany",
    )
    assert (by_prefix["PhoneType"], by_prefix["Carrier"]) == ("MOBILE", "Fake Telekom")
    assert "City" not in by_prefix
    assert (overridden["PhoneType"], overridden["PhoneTypeCode"]) == ("VOIP", 2)
    assert overridden["Carrier"] == "Fake VoIP"
    assert fake.phone_numbers.rules == [
        {"prefix": "+49", "phone_type": "MOBILE", "carrier": "Fake Telekom"},
        {"prefix": "+49151", "carrier": "Fake Mobilfunk"},
        {"number": "+4915112345678", "city": "Berlin", "timezone": "Europe/Berlin"},
        {"number": "+12065550142", "phone_type": "VOIP", "carrier": "Fake VoIP"},
    ]


async def test_reset_forgets_programmed_numbers() -> None:
    fake = FakePinpoint()
    fake.phone_numbers.program("+12065551234", phone_type="PREPAID")
    assert fake.phone_numbers.answer("+12065551234")["PhoneType"] == "PREPAID"
    fake.reset()
    assert fake.phone_numbers.rules == []
    assert fake.phone_numbers.answer("+12065551234")["PhoneType"] == "OTHER"


def test_bad_programming_says_what_is_wrong() -> None:
    book = FakePinpoint().phone_numbers
    with pytest.raises(ValueError, match="phone_type must be one of MOBILE, LANDLINE"):
        book.program("+12065550100", phone_type="CELL")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Unknown phone number fields: colour"):
        book.program("+12065550100", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match=r"number must be E\.164"):
        book.program("206-555-0100")
    with pytest.raises(ValueError, match="prefix must be"):
        book.program_prefix("44")
    with pytest.raises(ValueError, match='either "number" or "prefix"'):
        book.program_from({"number": "+12065550100", "prefix": "+1"})
    assert book.rules == []


async def test_the_sdk_parses_the_answer() -> None:
    fake = FakePinpoint()
    fake.phone_numbers.program("+12065550100", carrier="Fake Wireless", zip_code="98101")
    async with (
        FakePinpointServer(fake) as server,
        PinpointClient(
            endpoint_url=server.url,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        ) as client,
    ):
        answer = await client.phone_numbers.validate(phone_number="+12065550100")
    assert answer.phone_type == "MOBILE" and answer.phone_type_code == 0
    assert (answer.carrier, answer.zip_code) == ("Fake Wireless", "98101")
