"""Fluent builders for journeys and segments that validate before anything is sent."""

from ._problems import BuildError, Problem

__all__ = ["BuildError", "Problem"]
