"""Encoding a request body: botocore's serializer against the lean path's, same bytes or not.

The cases are the body of a ``SendMessages`` to 100 addresses, and a journey (the lean path
walks it to rename a member deep inside and format its schedule's timestamps, given as text
in the fixture: parsing text timestamps is most of that walk). Each way is timed in interleaved rounds and reported as
the median of its per-round ratio to botocore's serializer, with the lowest and highest
ratio seen, and whether its bytes equal what botocore writes for the same params:

- ``botocore serializer``: ``RestJSONSerializer._serialize_body_params`` (the baseline);
- ``lean encode_json``: the lean path from the botocore params (``_lean._encoding``);
- ``model to_params + encode_json``: from a validated request model, as the SDK will call it;
- ``model_dump_json (Rust)``: pydantic-core's own JSON, for reference: not botocore's bytes
  (compact separators, raw UTF-8).

    python benchmarks/body_encoding.py [--rounds 9] [--number 300]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import botocore.session
from botocore.serialize import create_serializer

from pinpoint_sdk._lean._encoding import encode_json, recipe_for
from pinpoint_sdk.models import MessageRequest, WriteJourneyRequest

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "journeys"
MESSAGE: dict[str, Any] = {
    "Addresses": {f"+1555010{n:04d}": {"ChannelType": "SMS"} for n in range(100)},
    "MessageConfiguration": {
        "SMSMessage": {"Body": "Your code is 123456", "MessageType": "TRANSACTIONAL"}
    },
}


Way = tuple[Callable[[], bytes], bytes]


def ways(shape: Any, params: dict[str, Any], model: Any) -> dict[str, Way]:
    """Each way to encode, and the bytes botocore writes for the params that way starts from.

    A model's params come in the model's field order: botocore is compared on those.
    """
    serializer: Any = create_serializer("rest-json", include_validation=False)
    recipe = recipe_for(shape)
    validated = model.model_validate(params)
    from_params = serializer._serialize_body_params(params, shape)
    from_model = serializer._serialize_body_params(validated.to_params(), shape)
    return {
        "botocore serializer": (
            lambda: serializer._serialize_body_params(params, shape),
            from_params,
        ),
        "lean encode_json": (lambda: encode_json(params, recipe), from_params),
        "model to_params + encode_json": (
            lambda: encode_json(validated.to_params(), recipe),
            from_model,
        ),
        "model_dump_json (Rust)": (
            lambda: validated.model_dump_json(
                by_alias=True, exclude_unset=True, exclude_none=True
            ).encode(),
            from_model,
        ),
    }


def measure(title: str, candidates: dict[str, Way], rounds: int, number: int) -> None:
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(rounds):
        for name, (encode, _) in candidates.items():
            started = time.process_time()
            for _ in range(number):
                encode()
            times[name].append((time.process_time() - started) / number * 1e6)
    print(f"\n{title} ({len(candidates['botocore serializer'][1])} bytes)")
    baseline = times["botocore serializer"]
    for name, values in times.items():
        ratios = [value / base for value, base in zip(values, baseline, strict=True)]
        encode, botocores = candidates[name]
        same = "same bytes as botocore" if encode() == botocores else "other bytes"
        print(
            f"  {name:32} median {statistics.median(values):8.1f} µs   ratio "
            f"{statistics.median(ratios):.2f} (spread {min(ratios):.2f}-{max(ratios):.2f})  {same}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--number", type=int, default=300, help="encodings per round and way")
    args = parser.parse_args()
    model = botocore.session.get_session().get_service_model("pinpoint")
    send = model.operation_model("SendMessages").input_shape.members["MessageRequest"]
    measure(
        "SendMessages to 100 addresses",
        ways(send, MESSAGE, MessageRequest),
        args.rounds,
        args.number,
    )
    journey = json.loads((FIXTURES / "holiday-sale.json").read_text())
    create = model.operation_model("CreateJourney").input_shape.members["WriteJourneyRequest"]
    measure(
        "CreateJourney (a journey with a renamed member deep inside)",
        ways(create, journey, WriteJourneyRequest),
        args.rounds,
        args.number,
    )


if __name__ == "__main__":
    main()
