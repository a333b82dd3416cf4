"""docs/migrating.md lists every boto3 method of Pinpoint with its SDK call, and is fresh."""

from __future__ import annotations

import re

from botocore import xform_name
from migration_table import PAGE, refreshed, sdk_method

from pinpoint_sdk import OPERATIONS


def test_the_committed_table_is_what_the_generator_writes() -> None:
    text = PAGE.read_text(encoding="utf-8")

    assert refreshed(text) == text, "stale: run python tests/docs/migration_table.py"


def test_every_boto3_method_has_a_row_naming_a_real_sdk_method() -> None:
    rows = re.findall(
        r"^\| `client\.(\w+)\(\.\.\.\)` \| `(?:await )?client\.([\w.]+)\(", PAGE.read_text(), re.M
    )
    table = dict(rows)

    assert len(rows) == len(OPERATIONS) == 122
    assert table == {xform_name(op): path for op, path in OPERATIONS.items()}
    assert all(callable(sdk_method(path)) for path in table.values())
