"""The options of a run (everything besides a file's bytes that changes its rows) and the code fingerprint."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Options:
    """Everything besides a file's bytes that changes the per-document result."""

    lexicon_paths: tuple[str, ...] = ()
    segmenter: str = "jieba"
    hanlp_model: str | None = None
    t2s: bool | None = None
    hanlp_download: bool = False
    tokens: bool = False  # also emit the tokens table (djtext.tokens)

    def segmenter_options(self) -> dict:
        """Backend options for ``get_segmenter`` (only the HanLP backend takes a model)."""
        if self.segmenter != "hanlp":
            return {}
        return {"model": self.hanlp_model, "allow_download": self.hanlp_download}

    def fingerprint(self) -> str:
        """A short hash of the options, the lexicon files and the djtext version (cache key part).

        The built-in lexicons are part of ``code_fingerprint``; only user lexicons are read here.
        """
        from djtext import __version__

        digest = hashlib.sha256(json.dumps([asdict(self), __version__, code_fingerprint()], sort_keys=True).encode())
        if not self.lexicon_paths:
            return digest.hexdigest()[:16]
        from djtext.lexicon import load_lexicon

        for source in load_lexicon(self.lexicon_paths).sources:
            try:
                digest.update(Path(source).read_bytes())
            except OSError:
                digest.update(source.encode())
        return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of djtext's own code and data files, so a changed djtext never reuses stale cache."""
    package = Path(__file__).resolve().parents[1]  # the djtext package folder
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".txt", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
