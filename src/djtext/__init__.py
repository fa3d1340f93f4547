"""djtext: turn noisy reports on 政协 party-building brands into citable tables."""

__version__ = "0.2.0"  # the one place of the version: pyproject.toml reads it (no importlib.metadata at start-up)
