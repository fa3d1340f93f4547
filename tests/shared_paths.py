"""Where the shared real corpus and gold annotations are: ../shared beside the project.

Set DJTEXT_SHARED to point elsewhere. Tests that need them skip with a clear reason when absent.
"""
from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("DJTEXT_SHARED") or Path(__file__).resolve().parents[2] / "shared")
CORPUS = SHARED / "corpus"
GOLD_DEV = SHARED / "gold" / "dev"
