"""Memory stays flat however long the input: the client's peak, with the fake in another process.

The fake keeps every endpoint and request it receives, so in process it would measure its
own growth. Here it runs as ``python -m pinpoint_sdk.testing`` and tracemalloc sees only the
client. The suite compares 3,000 with 30,000 endpoints; ``benchmarks/bulk.py --memory``
compares 100,000 with 1,000,000.
"""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from collections.abc import Iterator

import pytest
from conftest import endpoints

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.models import EndpointBatchItem


@pytest.fixture(scope="module")
def fake_process_url() -> Iterator[str]:
    """The URL of a FakePinpoint served by a separate Python process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "pinpoint_sdk.testing"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


async def _peak_bytes(url: str, count: int) -> int:
    async with PinpointClient(
        region_name="us-east-1",
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as client:
        app = await client.apps.create(name=f"memory-{count}")
        # Warm up: connection pool, botocore's caches and models are not the input's cost.
        await client.endpoints.update_batch(app.id, item=[EndpointBatchItem(id="warm-up")])
        tracemalloc.start()
        try:
            base = tracemalloc.get_traced_memory()[0]
            result = await client.endpoints.upsert_many(app.id, endpoints(count), concurrency=8)
            peak = tracemalloc.get_traced_memory()[1] - base
        finally:
            tracemalloc.stop()
        assert result.ok and result.succeeded == count
        return peak


@pytest.mark.slow
async def test_peak_memory_stays_flat_when_the_input_grows_ten_times(fake_process_url: str) -> None:
    small = await _peak_bytes(fake_process_url, 3_000)
    large = await _peak_bytes(fake_process_url, 30_000)
    print(f"peak memory: 3,000 endpoints {small / 1e6:.2f} MB, 30,000 {large / 1e6:.2f} MB")
    # Holding the input would cost ~10x (30,000 models are several MB on their own).
    assert large < small * 1.5
    assert large < 5_000_000
