"""djtext: turn noisy reports on 政协 party-building brands into citable tables."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("djtext")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
