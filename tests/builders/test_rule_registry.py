"""The rule registry (``pinpoint_sdk.builders.rules``): every rule id the validators can
report is registered, every registered check is made, and the docs' rule tables are generated
from it (``PINPOINT_UPDATE_DOCS=1 pytest tests/builders/test_rule_registry.py`` rewrites them).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from support.markers import UPDATE_DOCS, between_markers, replace_between_markers

from pinpoint_sdk.builders import Problem
from pinpoint_sdk.builders.rules import RULES, Rule

ROOT = Path(__file__).resolve().parents[2]
BUILDERS = ROOT / "pinpoint_sdk" / "builders"
RULE_ID = re.compile(r"^[JPS]\d{1,2}$")
PAGES = {"journey": ROOT / "docs" / "journeys.md", "segment": ROOT / "docs" / "segments.md"}


def rule_ids_in_the_code() -> dict[str, list[str]]:
    """Every string literal of ``builders/`` that is a rule id, with where it is."""
    found: dict[str, list[str]] = {}
    for module in sorted(BUILDERS.glob("*.py")):
        if module.name == "rules.py":
            continue
        for node in ast.walk(ast.parse(module.read_text())):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and RULE_ID.match(node.value)
            ):
                found.setdefault(node.value, []).append(f"{module.name}:{node.lineno}")
    return found


def render(kind: str) -> str:
    """The Markdown table of the ``kind`` (journey or segment) rules."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    rows = [
        f"| {rule.id} | {cell(rule.text)} | {rule.severity} | {cell(rule.source)} |"
        for rule in RULES.values()
        if rule.kind == kind
    ]
    return "\n".join(
        ["| Rule | What it checks | Severity | Source |", "|---|---|---|---|", *rows, ""]
    )


def test_every_rule_id_the_builders_use_is_registered() -> None:
    used = rule_ids_in_the_code()

    assert used, "no rule ids found: the scan is broken"
    assert {rule: places for rule, places in used.items() if rule not in RULES} == {}


def test_every_rule_marked_as_checked_is_checked_and_no_other() -> None:
    used = set(rule_ids_in_the_code())
    checked = {rule.id for rule in RULES.values() if rule.severity != "not checked"}

    assert checked - used == set(), "registered as checked, but no validator reports them"
    assert used - checked == set(), "reported by a validator, but registered as not checked"


def test_a_problem_with_an_unregistered_rule_cannot_be_made() -> None:
    with pytest.raises(
        ValueError, match=re.escape("'J99' is not in pinpoint_sdk.builders.rules.RULES")
    ):
        Problem("Name", "a made-up rule", "J99")


def test_every_rule_has_its_text_and_a_source_in_words() -> None:
    for rule in RULES.values():
        assert isinstance(rule, Rule) and RULE_ID.match(rule.id)
        assert rule.text.endswith("."), rule
        # A source is said in words, never a path or line of a file outside the repository.
        assert rule.source and not re.search(r"\.(md|txt|json)\b|\.\./|:\d+", rule.source), rule


@pytest.mark.parametrize("kind", PAGES)
def test_the_docs_rule_table_is_generated_from_the_registry(kind: str) -> None:
    page = PAGES[kind]
    text = page.read_text()
    table = render(kind)
    if UPDATE_DOCS:
        page.write_text(replace_between_markers(text, "rules-table", table))
    else:
        assert between_markers(text, "rules-table") == table, (
            f"{page.name} is out of date: run PINPOINT_UPDATE_DOCS=1 pytest "
            "tests/builders/test_rule_registry.py"
        )


def test_every_rule_id_the_docs_mention_is_registered() -> None:
    mentioned = {
        (page.name, found)
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for found in re.findall(r"`([JPS]\d{1,2})`|\[([JPS]\d{1,2})\]", page.read_text())
    }
    ids = {(name, a or b) for name, (a, b) in mentioned}

    assert {(name, rule) for name, rule in ids if rule not in RULES} == set()
