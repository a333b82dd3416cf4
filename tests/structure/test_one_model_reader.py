"""One reader of botocore's Pinpoint model: ``pinpoint_sdk/_service_model.py``.

The fake (at run time) and the generator (``codegen``) both work from it, so they cannot
read one shape two ways. Any other call into botocore's model loading is a second reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from codegen.service import load_service
from pinpoint_sdk._service_model import load_service_model

ROOT = Path(__file__).resolve().parents[2]
READER = ROOT / "pinpoint_sdk" / "_service_model.py"
#: What reading botocore's model looks like: the session's service model or its data loader.
LOADING = re.compile(r"\.get_service_model\(|get_component\(\s*[\"']data_loader|service-2")


def test_nothing_but_the_reader_loads_botocores_model() -> None:
    sources = [*(ROOT / "pinpoint_sdk").rglob("*.py"), *(ROOT / "codegen").rglob("*.py")]
    readers = sorted(
        str(path.relative_to(ROOT)) for path in sources if LOADING.search(path.read_text())
    )
    assert readers == [str(READER.relative_to(ROOT))]


def test_the_generator_and_the_fake_see_the_same_operations_and_shapes() -> None:
    read = load_service_model()
    generated = load_service()

    assert set(generated.operations) == set(read.operations)
    for name, operation in read.operations.items():
        assert (generated.operations[name].http_method, generated.operations[name].request_uri) == (
            operation.method,
            operation.request_uri,
        )
    structures = {name for name, shape in read.shapes.items() if shape.type_name == "structure"}
    assert set(generated.structures) == structures
    errors = {name: shape.error_status for name, shape in read.shapes.items() if shape.error_status}
    assert {
        name: s.error_status for name, s in generated.structures.items() if s.error_status
    } == errors
