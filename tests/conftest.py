"""Shared test setup: hypothesis profiles (``ci``, deterministic, is the default; ``dev`` searches broadly).

Choose one with ``HYPOTHESIS_PROFILE=dev python -m pytest`` (or pytest's ``--hypothesis-profile``)."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, database=None, max_examples=100, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
"""The same examples on every run and machine, nothing replayed from a local .hypothesis folder."""
settings.register_profile(
    "dev", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
"""Broad random search for local runs; failures are kept in .hypothesis and replayed."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
