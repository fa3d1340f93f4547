"""The HanLP backend (optional extra): a tokenizer from a local folder, HANLP_HOME or a pretrained
identifier, failing fast offline. hanlp is imported only when a HanLP segmenter is built."""
from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from djtext.lexicon import Lexicon
from djtext.segment.protected import ProtectedSegmenter
from djtext.segment.protocol import SegmenterUnavailable
from djtext.segment.sentences import split_sentences
from djtext.segment.terms import is_protected_term, lexicon_terms

_WHITESPACE_RUN = re.compile(r"(\s+)")  # whitespace runs, kept as tokens of their own

#: The pretrained HanLP tokenizer used when no model is given.
DEFAULT_HANLP_MODEL = "COARSE_ELECTRA_SMALL_ZH"
HANLP_INSTALL_HINT = "pip install 'djtext[hanlp]'"
_HANLP_MODELS: dict[str, Any] = {}


def _hanlp_home() -> Path:
    """HanLP's model folder (HANLP_HOME, else ~/.hanlp)."""
    return Path(os.environ.get("HANLP_HOME") or Path.home() / ".hanlp").expanduser()


def _require_hanlp() -> None:
    """Fail with an install hint when hanlp or torch is missing."""
    for module in ("hanlp", "torch"):
        if importlib.util.find_spec(module) is None:
            raise SegmenterUnavailable(f"the HanLP segmenter needs {module!r}, which is not installed: {HANLP_INSTALL_HINT}")


def _is_model_folder(path: Path) -> bool:
    """True for a folder holding an unpacked HanLP model."""
    return path.is_dir() and any((path / name).is_file() for name in ("config.json", "meta.json"))


def _looks_like_path(model: str) -> bool:
    """True when ``model`` is written as a path rather than an identifier."""
    return "://" not in model and (model.startswith((".", "~")) or "/" in model or os.sep in model)


def hanlp_expected_folder(url: str, home: Path | None = None) -> Path:
    """The folder HanLP unpacks the model at ``url`` into, under ``home`` (default: HANLP_HOME)."""
    from hanlp.utils.io_util import path_from_url, split_if_compressed

    home = home or _hanlp_home()
    local, _ = split_if_compressed(path_from_url(url.split("#", 1)[0], str(home)))
    return Path(local)


def host_reachable(url: str, timeout: float) -> bool:
    """Whether a TCP connection to the host of ``url`` opens within ``timeout`` (DNS included)."""
    import socket  # here, not at import: only a HanLP download needs it (start-up of every run)
    import threading

    parsed = urlparse(url)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    result: list[bool] = []

    def attempt() -> None:
        try:
            with socket.create_connection((parsed.hostname, port), timeout=timeout):
                result.append(True)
        except OSError:
            result.append(False)

    worker = threading.Thread(target=attempt, daemon=True)  # getaddrinfo ignores socket timeouts
    worker.start()
    worker.join(timeout)
    return bool(result and result[0])


def resolve_hanlp_model(model: str | Path | None = None, *, allow_download: bool = False, timeout: float = 1.0) -> str:
    """The local folder (or, when allowed and reachable, the URL) to give ``hanlp.load``; fails fast."""
    _require_hanlp()
    model = str(model or os.environ.get("DJTEXT_HANLP_MODEL") or DEFAULT_HANLP_MODEL)
    path = Path(model).expanduser()
    if path.exists() or _looks_like_path(model):
        if _is_model_folder(path):
            return str(path)
        if not path.exists():
            problem = "does not exist"
        elif path.is_file():
            problem = "is a file, not a folder (unzip a downloaded model first)"
        else:
            problem = "has no config.json or meta.json"
        raise SegmenterUnavailable(
            f"HanLP model folder {path} {problem}: pass --hanlp-model with the folder of an unpacked "
            f"HanLP tokenizer (e.g. one trained with djtext.hanlp_train.train_tiny_tokenizer)"
        )
    import hanlp.pretrained

    url = hanlp.pretrained.ALL.get(model, model)
    if not url.startswith(("http://", "https://")):
        raise SegmenterUnavailable(
            f"HanLP model {model!r} is neither a folder nor a known pretrained identifier "
            f"(e.g. {DEFAULT_HANLP_MODEL}, see hanlp.pretrained.tok): pass --hanlp-model PATH"
        )
    folder = hanlp_expected_folder(url)
    if _is_model_folder(folder):
        return str(folder)
    how = (
        f"download {url.split('#', 1)[0]} on a machine with a network and unzip it into {folder.parent} "
        f"(it unpacks to {folder.name}), or unzip it anywhere and pass --hanlp-model FOLDER"
    )
    if not allow_download:
        raise SegmenterUnavailable(f"HanLP model {model!r} is not installed and downloads are off: {how}")
    if not host_reachable(url, timeout):
        raise SegmenterUnavailable(f"HanLP model {model!r} is not installed and {urlparse(url).hostname} is unreachable: {how}")
    return url


def _load_hanlp(location: str):
    """The HanLP component at ``location``, loaded once per process."""
    model = _HANLP_MODELS.get(location)
    if model is None:
        import hanlp

        try:
            model = hanlp.load(location, verbose=False)
        except Exception as exc:  # hanlp raises many kinds; the user needs one line
            raise SegmenterUnavailable(f"HanLP could not load {location}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from exc
        inner = getattr(model, "model", None)
        if inner is not None:
            from djtext.hanlp_train import fix_crf_batch_first

            fix_crf_batch_first(inner)
        _HANLP_MODELS[location] = model
    return model


class HanLPSegmenter(ProtectedSegmenter):
    """Segmenter backed by a HanLP tokenizer from a folder, HANLP_HOME or a pretrained identifier."""

    name = "hanlp"

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        lexicon: Lexicon | Iterable[str] | None = None,
        allow_download: bool = False,
        timeout: float = 1.0,
        batch_size: int = 32,
    ):
        super().__init__(lexicon_terms(lexicon))
        self.model = str(model) if model is not None else None
        self.location = resolve_hanlp_model(model, allow_download=allow_download, timeout=timeout)
        self.batch_size = batch_size
        self._component = None
        _ = self.component  # load now, so a broken model fails at construction

    @property
    def component(self):
        """The loaded HanLP tokenizer component (cached per process)."""
        if self._component is None:
            self._component = _load_hanlp(self.location)
            self._apply_dictionary(self._component)
        return self._component

    def _apply_dictionary(self, component) -> None:
        """Give the component the Han-only terms as its combining dictionary, when it takes one."""
        han_terms = {t for t in self.terms if not is_protected_term(t)}
        if han_terms and hasattr(component, "dict_combine"):
            try:
                component.dict_combine = han_terms
            except Exception:  # components without dictionary support keep the protected terms only
                pass

    def cut_gap(self, text: str) -> list[str]:
        pieces: list[str] = []  # whitespace runs stay tokens; the rest goes to HanLP sentence by sentence
        for piece in _WHITESPACE_RUN.split(text):
            if not piece or piece.isspace():
                pieces.append(piece)
            else:
                pieces.extend(piece[s:e] for s, e in split_sentences(piece, semicolon=True))
        chunks = [p for p in pieces if p and not p.isspace()]
        if not chunks:
            return [text]
        outputs = iter(self.component(list(chunks), batch_size=self.batch_size))
        words: list[str] = []
        for piece in pieces:
            if piece.isspace():
                words.append(piece)
            elif piece:
                words.extend(str(w) for w in next(outputs))
        return words

    def __repr__(self) -> str:
        return f"HanLPSegmenter(model={self.location!r}, terms={len(self.terms)})"


# --------------------------------------------------------------------------------------------
