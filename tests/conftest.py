"""Shared pytest set-up for the djtext test suite."""
from __future__ import annotations

import os

import pytest


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
