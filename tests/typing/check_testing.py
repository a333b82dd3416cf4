"""Type-checker proof of the fake's public API: checked by mypy --strict and basedpyright,
never run. Lines ending in an expected-error comment must be reported."""

from __future__ import annotations

from typing_extensions import assert_type

from pinpoint_sdk.testing import (
    FakePinpoint,
    OutboxMessage,
    PhoneNumberBook,
    PhoneNumberFields,
    PhoneType,
    RecordedRequest,
)


def the_fake_is_typed(fake: FakePinpoint) -> None:
    assert_type(fake.phone_numbers, PhoneNumberBook)
    assert_type(fake.regions, list[str])
    assert_type(fake.seed({"apps": []}, region="eu-west-1"), list[str])
    assert_type(fake.seed_from_export("backup/"), str)
    assert_type(fake.requests, list[RecordedRequest])
    assert_type(fake.requests[0].region, str)
    assert_type(fake.outbox[0], OutboxMessage)
    assert_type(fake.outbox.clear(region="eu-west-1"), int)
    fake.reset(region="eu-west-1")


def phone_numbers_take_literal_types(book: PhoneNumberBook) -> None:
    book.program("+12065550100", phone_type="LANDLINE", carrier="Fake Bell")
    book.program_prefix("+49", phone_type="MOBILE", city="Berlin")
    kind: PhoneType = "VOIP"
    fields: PhoneNumberFields = {"phone_type": kind, "zip_code": "98101"}
    book.program("+12065550101", **fields)
    assert_type(book.answer("+12065550100"), dict[str, str | int])
    assert_type(book.rules, list[dict[str, str]])

    book.program("+12065550100", phone_type="CELL")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    book.program("+12065550100", colour="red")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    book.program_prefix("+44", carrier=3)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
