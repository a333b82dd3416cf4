"""The quickstart as a script: ``python examples/quickstart.py [--aws | --endpoint-url URL]``.

The flow itself lives in ``pinpoint_sdk/demo.py`` (function ``quickstart``), so that an
installed package runs it too, as ``python -m pinpoint_sdk.demo``. Read that function for the
calls; this script only starts it. ``--help`` lists the options.
"""

from __future__ import annotations

import sys

from pinpoint_sdk.demo import main

if __name__ == "__main__":
    sys.exit(main())
