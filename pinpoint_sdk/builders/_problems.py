"""What the builders' validators report: a list of problems, raised together as one error."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .._exceptions import PinpointValidationError
from .rules import RULES

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a journey or segment, and where.

    ``where`` points into the request in wire names (``Activities.greetEmail.Wait.WaitTime``),
    ``rule`` is the id of a rule of :data:`~pinpoint_sdk.builders.rules.RULES` (``J5``,
    ``S1``, ...), documented in the journeys and segments guides, and warnings never stop a
    build. A problem with an id that is not in the registry can't be made.
    """

    where: str
    message: str
    rule: str
    severity: Severity = "error"

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(
                f"rule {self.rule!r} is not in pinpoint_sdk.builders.rules.RULES: add it there, "
                "with its text and source, so that it is documented"
            )

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{prefix}{self.where}: {self.message} [{self.rule}]"


class BuildError(PinpointValidationError):
    """Raised by ``build()`` with every error found, so one run shows everything to fix.

    A ``PinpointValidationError`` (and so a ``ValueError``): nothing was sent.
    """

    def __init__(self, what: str, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{what} is not valid ({len(self.problems)} problems):\n{lines}")
