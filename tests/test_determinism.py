"""The same corpus gives byte-identical tables whatever Python's hash seed (set order never leaks out)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _extract(out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    code = "import sys; from djtext.cli import main; sys.argv = ['djtext'] + sys.argv[1:]; main()"
    subprocess.run([sys.executable, "-c", code, "extract", str(ROOT / "data" / "raw"), "--out", str(out),
                    "--no-cache", "--quiet"], env=env, check=False, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def test_tables_do_not_depend_on_the_hash_seed(tmp_path):
    first = _extract(tmp_path / "a", "1")
    second = _extract(tmp_path / "b", "2")
    assert first and first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name} differs between hash seeds"
