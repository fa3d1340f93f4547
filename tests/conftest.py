"""Shared test setup: hypothesis profiles and a temporary djtext cache.

Hypothesis: the ``ci`` profile (deterministic) is the default; ``dev`` searches broadly. Choose
one with ``HYPOTHESIS_PROFILE=dev python -m pytest`` (or pytest's ``--hypothesis-profile``).
"""
from __future__ import annotations

import os

import pytest
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


# --- a temporary djtext cache: the suite never writes into the user's ~/.cache/djtext --------
@pytest.fixture(autouse=True, scope="session")
def _temporary_djtext_cache(tmp_path_factory):
    """Point DJTEXT_CACHE_DIR (read by djtext.pipeline.default_cache_dir) at a temporary folder."""
    old = os.environ.get("DJTEXT_CACHE_DIR")
    os.environ["DJTEXT_CACHE_DIR"] = str(tmp_path_factory.mktemp("djtext-cache"))
    yield
    if old is None:
        os.environ.pop("DJTEXT_CACHE_DIR", None)
    else:
        os.environ["DJTEXT_CACHE_DIR"] = old
