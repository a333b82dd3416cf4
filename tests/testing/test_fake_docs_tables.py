"""docs/testing.md's generated tables match the fake (regenerate: tests/testing/fake_docs_tables.py)."""

from __future__ import annotations

import pytest
from fake_docs_tables import PAGE, refreshed, render_coverage


def test_the_generated_tables_of_the_testing_guide_are_current() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert refreshed(text) == text, "run: python tests/testing/fake_docs_tables.py"


def test_the_coverage_table_counts_every_operation_once() -> None:
    table = render_coverage()
    assert "**122 of the 122 operations**" in table
    assert table.count("`PhoneNumberValidate`") == 1


def test_refreshing_a_page_without_markers_fails() -> None:
    with pytest.raises(ValueError, match="lacks the markers"):
        refreshed("no tables here")
