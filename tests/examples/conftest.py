"""Makes ``examples/`` importable, as it is when you run an example from that directory."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2] / "examples"))
