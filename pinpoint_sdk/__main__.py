"""``python -m pinpoint_sdk``: the ``pinpoint-sdk`` command (:mod:`pinpoint_sdk.cli`).

::

    python -m pinpoint_sdk export --application-id 0123abcd... backup/
    python -m pinpoint_sdk import backup/ [--application-id TARGET | --name NEW-NAME]
    python -m pinpoint_sdk compare backup/ check/
    python -m pinpoint_sdk fake --port 8080
"""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m pinpoint_sdk"))
