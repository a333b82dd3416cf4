"""What one call costs the client: the SDK against raw aiobotocore, server in another process.

The canned server (``benchmarks/canned_server.py``) runs in its own process, so the CPU time
measured here (``time.process_time``) is the client's alone. Each variant is measured in
interleaved rounds (raw, SDK, ... then again), and every figure is reported as the median of
the per-round ratios to raw aiobotocore, with the lowest and highest ratio seen.

Cases:

- ``GetCampaign``: one small object;
- ``GetCampaigns page``: one page of 100 campaigns;
- ``SendMessages x100``: one send to 100 addresses.

Variants: raw aiobotocore (the baseline), the SDK on each transport (``sdk lean``, the
default, and ``sdk botocore``), and ``lean core``: the lean transport driven directly
(``pinpoint_sdk._lean``), requests built from params by ``build_request``, answers parsed
with pydantic-core; no retry owner, no resource layer, no validation: the floor under the
SDK's lean path.

Figures, per case and variant:

- client CPU per call, calls made one after another;
- calls per second with 50 calls in flight on one client (wall clock);

and, each in fresh interpreters: the import (``import pinpoint_sdk`` plus ``PinpointClient``
and one model, over ``import aiobotocore.session``), the first call after creating a client,
and the resident memory after one client and one call.

    python benchmarks/call_path.py [--calls 200] [--rounds 7] [--fresh 7] [--only cpu,...]

``--only profile`` profiles the lean core instead, and prints each part's share of its CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import inspect
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from _fresh import child_env
from aiobotocore.config import AioConfig
from aiobotocore.session import get_session

from pinpoint_sdk import PinpointClient
from pinpoint_sdk._aiobotocore import client_config
from pinpoint_sdk._lean import LeanTransport, binding_for, build_request
from pinpoint_sdk._models import parse_response_json
from pinpoint_sdk.models import CampaignResponse, CampaignsResponse, MessageResponse

HERE = Path(__file__).resolve().parent
CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "AKIDBENCHMARK",
    "aws_secret_access_key": "benchmark-secret",
}
ADDRESSES = {f"+1555010{n:04d}": {"ChannelType": "SMS"} for n in range(100)}
MESSAGE = {
    "Addresses": ADDRESSES,
    "MessageConfiguration": {
        "SMSMessage": {"Body": "Your code is 123456", "MessageType": "TRANSACTIONAL"}
    },
}
CONCURRENCY = 50

Call = Callable[[], Awaitable[Any]]


def start_server() -> tuple[subprocess.Popen[str], str]:
    """The canned server in its own process, and its URL."""
    process = subprocess.Popen(
        [sys.executable, str(HERE / "canned_server.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    port = int(process.stdout.readline())
    return process, f"http://127.0.0.1:{port}"


def sdk_variants() -> dict[str, dict[str, Any]]:
    """The SDK's call paths to measure: the default, and the botocore one where it exists."""
    if "transport" in inspect.signature(PinpointClient).parameters:
        return {"sdk lean": {"transport": "lean"}, "sdk botocore": {"transport": "botocore"}}
    return {"sdk": {}}


async def open_clients(stack: AsyncExitStack, url: str) -> dict[str, dict[str, Call]]:
    """Per variant, one client and the three calls it makes."""
    session = get_session()
    config = AioConfig(retries={"total_max_attempts": 1}, max_pool_connections=CONCURRENCY)
    raw = await stack.enter_async_context(
        session.create_client("pinpoint", endpoint_url=url, config=config, **CREDENTIALS)
    )
    variants: dict[str, dict[str, Call]] = {
        "raw aiobotocore": {
            "GetCampaign": lambda: raw.get_campaign(ApplicationId="app1", CampaignId="c1"),
            "GetCampaigns page": lambda: raw.get_campaigns(ApplicationId="app1", PageSize="100"),
            "SendMessages x100": lambda: raw.send_messages(
                ApplicationId="app1", MessageRequest=MESSAGE
            ),
        }
    }
    for name, options in sdk_variants().items():
        sdk = await stack.enter_async_context(
            PinpointClient(endpoint_url=url, **CREDENTIALS, **options)
        )
        variants[name] = _sdk_calls(sdk)
    variants["lean core"] = await _lean_core_calls(stack, session, url)
    return variants


async def _lean_core_calls(stack: AsyncExitStack, session: Any, url: str) -> dict[str, Call]:
    """The lean transport alone, on an aiobotocore client configured as the SDK's."""
    config, timeout = client_config(None, None)
    client = await stack.enter_async_context(
        session.create_client("pinpoint", endpoint_url=url, config=config, **CREDENTIALS)
    )
    transport = await LeanTransport.open(client)
    stack.callback(transport.close)
    model = client.meta.service_model
    get, page, send = (
        binding_for(model.operation_model(name))
        for name in ("GetCampaign", "GetCampaigns", "SendMessages")
    )

    async def call(binding: Any, params: dict[str, Any], result: type[Any]) -> Any:
        request = build_request(binding, params)
        deadline = None if timeout.total is None else time.monotonic() + timeout.total
        response = await transport.send(request, timeout=timeout, deadline=deadline)
        return parse_response_json(result, response.body)

    return {
        "GetCampaign": lambda: call(
            get, {"ApplicationId": "app1", "CampaignId": "c1"}, CampaignResponse
        ),
        "GetCampaigns page": lambda: call(
            page, {"ApplicationId": "app1", "PageSize": "100"}, CampaignsResponse
        ),
        "SendMessages x100": lambda: call(
            send, {"ApplicationId": "app1", "MessageRequest": MESSAGE}, MessageResponse
        ),
    }


def _sdk_calls(sdk: PinpointClient) -> dict[str, Call]:
    async def page() -> Any:
        return await sdk.campaigns.list("app1", page_size=100)

    return {
        "GetCampaign": lambda: sdk.campaigns.get("app1", "c1"),
        "GetCampaigns page": page,
        "SendMessages x100": lambda: sdk.messages.send("app1", request=MESSAGE),
    }


async def cpu_per_call(call: Call, calls: int) -> float:
    started = time.process_time()
    for _ in range(calls):
        await call()
    return (time.process_time() - started) / calls


async def calls_per_second(call: Call, calls: int) -> float:
    semaphore = asyncio.Semaphore(CONCURRENCY)

    async def one() -> None:
        async with semaphore:
            await call()

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(calls)))
    return calls / (time.perf_counter() - started)


def summarize(title: str, unit: str, samples: dict[str, list[float]], *, higher: bool) -> None:
    """Median per variant, and the median, lowest and highest per-round ratio to raw."""
    print(f"\n{title}")
    baseline = samples["raw aiobotocore"]
    for name, values in samples.items():
        ratios = [value / base for value, base in zip(values, baseline, strict=True)]
        better = "higher is better" if higher else "lower is better"
        print(
            f"  {name:16} median {statistics.median(values):10.1f} {unit}"
            f"   ratio {statistics.median(ratios):.2f} (spread {min(ratios):.2f}-{max(ratios):.2f};"
            f" {better})"
        )


async def measure_calls(url: str, calls: int, rounds: int, throughput: bool) -> None:
    async with AsyncExitStack() as stack:
        variants = await open_clients(stack, url)
        cases = list(next(iter(variants.values())))
        for case in cases:
            for variant in variants.values():  # warm connections, imports and schemas
                for _ in range(20):
                    await variant[case]()
            cpu: dict[str, list[float]] = {name: [] for name in variants}
            rate: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(rounds):
                for name, variant in variants.items():
                    cpu[name].append(await cpu_per_call(variant[case], calls) * 1e6)
                if throughput:
                    for name, variant in variants.items():
                        # Five times the calls: a burst of a few hundred is over before the pool settles.
                        rate[name].append(await calls_per_second(variant[case], calls * 5))
            summarize(f"{case}: client CPU per call", "µs", cpu, higher=False)
            if throughput:
                summarize(f"{case}: calls/s at concurrency {CONCURRENCY}", "/s", rate, higher=True)


# --- where the lean core's time goes --------------------------------------------------------

#: Where a function's own time is counted, by the file it is in (first match wins). The
#: signer's helpers (hmac, hashlib, email's header class, urllib) are used by nothing else
#: on this path, so they count as signing; so does botocore itself (only its signer runs).
_PARTS = (
    ("sign (botocore SigV4Auth)", ("botocore/", "/hmac.py", "/email/", "/urllib/", "/datetime")),
    ("aiohttp, yarl, multidict", ("aiohttp/", "yarl/", "multidict/", "propcache/")),
    ("waiting (epoll): not CPU, left out", ("'poll' of",)),
    ("socket syscalls (send, recv)", ("'send' of '_socket", "'recv")),
    ("event loop (asyncio)", ("asyncio/", "selectors.py")),
    ("parse (pydantic-core)", ("validate_json", "pydantic", "_models.py")),
    ("build (SDK: encoding, JSON)", ("_lean/_binding", "_lean/_encoding", "json/", "_request.py")),
    ("transport (SDK: send, headers, uuid)", ("_lean/", "uuid.py")),
)


def _part_of(key: tuple[str, int, str]) -> str:
    where = f"{key[0]}:{key[2]}"
    return next((name for name, marks in _PARTS if any(mark in where for mark in marks)), "other")


def _own_time_by_part(key: Any, row: Any, table: Any) -> dict[str, float]:
    """A function's own time by part; a built-in's (``~``) that no part names goes to the
    parts of its callers (``sorted`` called by the signer is signing)."""
    own, part = row[2], _part_of(key)
    if part != "other" or key[0] != "~" or not row[4]:
        return {part: own}
    by_caller = {caller: timing[2] for caller, timing in row[4].items()}
    spent = sum(by_caller.values()) or 1.0
    parts: dict[str, float] = {}
    for caller, seconds in by_caller.items():
        part = _part_of(caller) if caller in table else "other"
        parts[part] = parts.get(part, 0.0) + own * seconds / spent
    return parts


async def profile_lean(url: str, calls: int) -> None:
    """cProfile of the lean core per case: each part's share of the client's CPU."""
    async with AsyncExitStack() as stack:
        lean = await _lean_core_calls(stack, get_session(), url)
        for case, call in lean.items():
            for _ in range(20):
                await call()
            # Wall clock (a Python-level CPU timer would weigh small functions down); the
            # time spent waiting for the server, in epoll, is left out below.
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(calls):
                await call()
            profiler.disable()
            shares: dict[str, float] = {name: 0.0 for name, _ in _PARTS}
            shares["other"] = 0.0
            stats: Any = pstats.Stats(profiler)
            for key, row in stats.stats.items():
                for part, seconds in _own_time_by_part(key, row, stats.stats).items():
                    shares[part] += seconds
            shares.pop("waiting (epoll): not CPU, left out")
            total = sum(shares.values())
            print(f"\n{case}: where the lean core's CPU goes (cProfile, {calls} calls)")
            for name, seconds in sorted(shares.items(), key=lambda item: -item[1]):
                print(f"  {name:40} {seconds / total:6.1%}")


# --- fresh interpreters ---------------------------------------------------------------------

_IMPORT_BASELINE = "import aiobotocore.session"
#: What pydantic itself costs the first time a model is used: its import and the machinery
#: of a first schema build, on a one-field model of ours (not the SDK's).
_IMPORT_PYDANTIC = (
    "import aiobotocore.session\n"
    "import pydantic\n"
    "class One(pydantic.BaseModel):\n"
    "    field: int = pydantic.Field(validation_alias='Field')\n"
    "One.model_validate({'Field': 1})\n"
)
_IMPORT_SDK = (
    "import aiobotocore.session\n"
    "import pinpoint_sdk\n"
    "from pinpoint_sdk import PinpointClient\n"
    "from pinpoint_sdk.models import CampaignResponse\n"
    "PinpointClient\n"
    "CampaignResponse.model_validate({'Id': 'c', 'Arn': 'a', 'ApplicationId': 'a',"
    " 'CreationDate': 'd', 'LastModifiedDate': 'd', 'SegmentId': 's', 'SegmentVersion': 1})\n"
)
_FIRST_CALL_RAW = """
import asyncio, time, sys
from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
async def main():
    started = time.perf_counter()
    config = AioConfig(retries={"total_max_attempts": 1})
    async with get_session().create_client("pinpoint", endpoint_url=URL, config=config, **CREDENTIALS) as client:
        await client.get_campaign(ApplicationId="app1", CampaignId="c1")
        print(time.perf_counter() - started)
        REPORT_RSS
asyncio.run(main())
"""
_FIRST_CALL_SDK = """
import asyncio, time, sys
from pinpoint_sdk import PinpointClient
PinpointClient
async def main():
    started = time.perf_counter()
    async with PinpointClient(endpoint_url=URL, **CREDENTIALS OPTIONS) as client:
        await client.campaigns.get("app1", "c1")
        print(time.perf_counter() - started)
        REPORT_RSS
asyncio.run(main())
"""
_FIRST_CALL_LEAN = """
import asyncio, time, sys
from aiobotocore.session import get_session
from pinpoint_sdk._aiobotocore import client_config
from pinpoint_sdk._lean import LeanTransport, build_request, binding_for
from pinpoint_sdk._models import parse_response_json
from pinpoint_sdk.models import CampaignResponse
async def main():
    started = time.perf_counter()
    config, timeout = client_config(None, None)
    async with get_session().create_client("pinpoint", endpoint_url=URL, config=config, **CREDENTIALS) as client:
        transport = await LeanTransport.open(client)
        binding = binding_for(client.meta.service_model.operation_model("GetCampaign"))
        request = build_request(binding, {"ApplicationId": "app1", "CampaignId": "c1"})
        response = await transport.send(request, timeout=timeout, deadline=time.monotonic() + 60)
        parse_response_json(CampaignResponse, response.body)
        print(time.perf_counter() - started)
        REPORT_RSS
asyncio.run(main())
"""
_RSS = (
    "print([int(line.split()[1]) for line in open('/proc/self/status')"
    " if line.startswith('VmRSS')][0] / 1024)"
)
_TIMER = (
    "import time\nstarted = time.perf_counter()\n{code}\nprint(time.perf_counter() - started)\n"
)


def run_fresh(code: str, env: dict[str, str]) -> list[float]:
    """The numbers a fresh interpreter prints, one per line."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return [float(line) for line in out.stdout.split()]


def measure_fresh(url: str, runs: int) -> None:
    def first_call_code(template: str, options: str = "") -> str:
        return f"URL = {url!r}\nCREDENTIALS = {CREDENTIALS!r}\n" + template.replace(
            "OPTIONS", options
        ).replace("REPORT_RSS", _RSS)

    env = child_env()  # bytecode cached, as for an installed package
    imports = {"aiobotocore.session": _TIMER.format(code=_IMPORT_BASELINE)}
    imports["... + pydantic, one model"] = _TIMER.format(code=_IMPORT_PYDANTIC)
    imports["pinpoint_sdk + client + model"] = _TIMER.format(code=_IMPORT_SDK)
    first = {"raw aiobotocore": first_call_code(_FIRST_CALL_RAW)}
    for name, options in sdk_variants().items():
        extra = "".join(f", {key}={value!r}" for key, value in options.items())
        first[name] = first_call_code(_FIRST_CALL_SDK, extra)
    first["lean core"] = first_call_code(_FIRST_CALL_LEAN)
    for code in (*imports.values(), *first.values()):  # warm file cache and .pyc files
        run_fresh(code, env)
    import_ms: dict[str, list[float]] = {name: [] for name in imports}
    first_ms: dict[str, list[float]] = {name: [] for name in first}
    rss_mb: dict[str, list[float]] = {name: [] for name in first}
    for _ in range(runs):
        for name, code in imports.items():
            import_ms[name].append(run_fresh(code, env)[0] * 1000)
        for name, code in first.items():
            seconds, rss = run_fresh(code, env)
            first_ms[name].append(seconds * 1000)
            rss_mb[name].append(rss)
    print("\nImport, fresh interpreters (ms; each line includes aiobotocore)")
    base = statistics.median(import_ms["aiobotocore.session"])
    for name, values in import_ms.items():
        print(
            f"  {name:30} median {statistics.median(values):7.1f} ms"
            f"  +{statistics.median(values) - base:6.1f} ms (spread {min(values):.1f}-{max(values):.1f})"
        )
    # The SDK's own share: over aiobotocore and pydantic, paired per round (same machine state).
    own = [
        sdk - pydantic
        for sdk, pydantic in zip(
            import_ms["pinpoint_sdk + client + model"],
            import_ms["... + pydantic, one model"],
            strict=True,
        )
    ]
    print(
        f"  the SDK's own share (SDK - pydantic line, per round): median"
        f" {statistics.median(own):6.1f} ms (spread {min(own):.1f}-{max(own):.1f})"
    )
    for title, samples, unit in (
        ("First call after creating a client (client creation included)", first_ms, "ms"),
        ("Resident memory after one client and one call", rss_mb, "MB"),
    ):
        print(f"\n{title}")
        base = statistics.median(samples["raw aiobotocore"])
        for name, values in samples.items():
            print(
                f"  {name:16} median {statistics.median(values):7.1f} {unit}"
                f"  {statistics.median(values) - base:+6.1f} {unit} over raw"
                f" (spread {min(values):.1f}-{max(values):.1f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=200, help="calls per round and case")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--fresh", type=int, default=7, help="fresh interpreters per figure")
    parser.add_argument(
        "--only",
        default="cpu,throughput,fresh",
        help="comma-separated: cpu, throughput, fresh, profile (the lean core's, not by default)",
    )
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    server, url = start_server()
    try:
        if wanted & {"cpu", "throughput"}:
            asyncio.run(measure_calls(url, args.calls, args.rounds, "throughput" in wanted))
        if "fresh" in wanted:
            measure_fresh(url, args.fresh)
        if "profile" in wanted:
            asyncio.run(profile_lean(url, args.calls))
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
