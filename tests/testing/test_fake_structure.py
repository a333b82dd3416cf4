"""The fake's structure: no import cycle inside ``pinpoint_sdk.testing``, one handler table."""

from __future__ import annotations

from pathlib import Path

import botocore.session
from support.imports import EVERY_KIND, cycles, graph

from pinpoint_sdk.testing._handlers import HANDLERS

PACKAGE = Path(__file__).resolve().parents[2] / "pinpoint_sdk" / "testing"
ROOT_NAME = "pinpoint_sdk.testing"


def test_no_import_cycle_inside_the_testing_package() -> None:
    # Stricter than the package-wide rule: imports for checkers count too, since a cycle
    # there is still a tangle for the reader.
    imports = graph(PACKAGE, EVERY_KIND)
    assert cycles(imports) == []
    # The two the review named, checked by name as well.
    assert f"{ROOT_NAME}._server" not in imports[f"{ROOT_NAME}._fake"]
    assert f"{ROOT_NAME}._fake" not in imports[f"{ROOT_NAME}._inprocess"]


def test_handlers_register_only_through_the_table() -> None:
    handler_modules = [
        path for path in (PACKAGE / "_handlers").glob("*.py") if path.name != "__init__.py"
    ]
    for path in handler_modules:
        source = path.read_text(encoding="utf-8")
        assert "HANDLERS" not in source, f"{path.name} touches the registry"
    operations = set(botocore.session.get_session().get_service_model("pinpoint").operation_names)
    assert set(HANDLERS) == operations
