"""What importing ``pinpoint_sdk`` and touching its parts loads: only what that part needs.

A user pays at start-up for every module the SDK imports before its first call (``pytest``
does too, when it loads the plugin). These tests run each step in a fresh interpreter and
name the modules it must not have loaded: the package itself loads no dependency and no
submodule beyond its lazy index, a client loads no model, a resource without conveniences
loads no model, and one model loads its own tree, not the whole package of models.
How fast that is is measured in ``benchmarks/`` (``import_time.py``, ``call_path.py``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_CLIENT = (
    "from pinpoint_sdk import PinpointClient\n"
    "client = PinpointClient(region_name='us-east-1', aws_access_key_id='AKIDEXAMPLE',"
    " aws_secret_access_key='secret')\n"
)


def _loaded_by(step: str, setup: str = "") -> set[str]:
    """The modules a fresh interpreter loads while running ``step`` (after ``setup``)."""
    script = (
        f"import json, sys\n{setup}\nbefore = set(sys.modules)\n{step}\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(out.stdout.splitlines()[-1]))


def _under(modules: set[str], *packages: str) -> set[str]:
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)}


def test_importing_the_package_loads_no_dependency_and_no_submodule() -> None:
    loaded = _loaded_by("import pinpoint_sdk")

    assert "pinpoint_sdk" in loaded, "the step did not import the package: the check is void"
    assert _under(loaded, "pinpoint_sdk") == {"pinpoint_sdk", "pinpoint_sdk._lazy"}
    assert _under(loaded, "pydantic", "tenacity", "aiobotocore", "botocore", "aiohttp") == set()


def test_a_client_loads_no_model_no_resource_and_no_lean_transport() -> None:
    loaded = _loaded_by(_CLIENT)

    assert "pinpoint_sdk._client" in loaded
    assert _under(loaded, "pinpoint_sdk.models", "pinpoint_sdk.lib") == set()
    # The lean transport's class only: its encoding, signing and HTTP load with the first call.
    assert _under(loaded, "pinpoint_sdk._lean") == {
        "pinpoint_sdk._lean",
        "pinpoint_sdk._lean._path",
    }
    assert "pinpoint_sdk._requests" not in loaded
    # The package of resources holds only the properties; each resource loads when read.
    assert _under(loaded, "pinpoint_sdk.resources") == {"pinpoint_sdk.resources"}


def test_a_generated_resource_loads_no_model_until_a_call_needs_one() -> None:
    loaded = _loaded_by("client.apps", setup=_CLIENT)

    assert "pinpoint_sdk.resources.apps" in loaded
    # The lazy index of models, but none of the models the methods of ``apps`` name.
    assert _under(loaded, "pinpoint_sdk.models") <= {"pinpoint_sdk.models"}


def test_a_resource_with_conveniences_loads_no_response_model() -> None:
    loaded = _loaded_by("client.campaigns", setup=_CLIENT)

    assert "pinpoint_sdk.lib.campaigns" in loaded
    assert "pinpoint_sdk.models.campaign_response" not in loaded
    assert "pinpoint_sdk.models.write_campaign_request" not in loaded


def test_one_model_loads_its_own_tree_not_every_model() -> None:
    loaded = _loaded_by("from pinpoint_sdk.models import CampaignResponse")
    models = _under(loaded, "pinpoint_sdk.models")

    assert "pinpoint_sdk.models.campaign_response" in models
    assert "pinpoint_sdk.models.schedule" in models  # a model it refers to
    assert "pinpoint_sdk.models.journey_response" not in models  # one it does not
    # The package has about 450 modules; CampaignResponse refers to about 30.
    assert len(models) < 60
