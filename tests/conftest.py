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


# --- structure: invented short texts read with the long-document rules -------------------------
@pytest.fixture
def long_text_rules(monkeypatch):
    """Read the invented short texts the way long documents are read (unmarked lead sentences count)."""
    from djtext.structure import parallel

    monkeypatch.setattr(parallel, "SHORT_TEXT", 0)


# --- a user's lexicon folder -------------------------------------------------------------------
@pytest.fixture
def user_lexicon(tmp_path):
    """A function writing ``{name: csv text}`` into a fresh lexicon folder and returning its path."""
    def write(files: dict[str, str]):
        folder = tmp_path / "user_lexicon"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    return write
