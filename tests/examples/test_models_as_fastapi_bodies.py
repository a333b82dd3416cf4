"""The SDK's models as FastAPI request and response bodies: no warnings, still built lazily.

Each case runs in a fresh interpreter, so no model is built by an earlier test and every
warning is an error from the first import on, as for ``python -W error app.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

APP = """
import json
import warnings

warnings.simplefilter("error")

from fastapi import FastAPI

from pinpoint_sdk.models import CampaignResponse, WriteCampaignRequest

built_at_import = [m.__pydantic_complete__ for m in (CampaignResponse, WriteCampaignRequest)]
app = FastAPI()


@app.post("/campaigns", response_model=CampaignResponse)
async def create_campaign(campaign: WriteCampaignRequest) -> CampaignResponse:
    raise NotImplementedError


schema = app.openapi()
body = schema["paths"]["/campaigns"]["post"]["requestBody"]["content"]["application/json"]
print(json.dumps({"built_at_import": built_at_import, "body": body["schema"],
                  "components": sorted(schema["components"]["schemas"])}))
"""


def test_a_route_on_sdk_models_builds_its_openapi_schema_without_a_warning() -> None:
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(APP)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    result = json.loads(run.stdout)
    assert result["body"] == {"$ref": "#/components/schemas/WriteCampaignRequest"}
    assert {"CampaignResponse", "WriteCampaignRequest"} <= set(result["components"])
    # Importing a model still builds nothing: the schema is built on first use.
    assert result["built_at_import"] == [False, False]
