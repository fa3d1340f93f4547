"""Training a small HanLP word segmenter from already segmented sentences (needs ``djtext[hanlp]``).

HanLP 2.1.x ships the trainer ``hanlp.components.tokenizers.tok.RNNTokenizer`` (randomly
initialised character embeddings → BiLSTM → CRF), which trains on a CPU in seconds but needs four
workarounds in hanlp 2.1.5 (measured, see docs/segmentation.md):

1. ``fit(transform=None)`` stores ``transform: None`` in the config, and ``build_dataset`` then
   appends that None to the dataset's transforms, which asserts;
2. ``RNNTagger.build_dataloader`` passes ``transform=[vocabs]`` (a list) where one callable is
   expected;
3. ``RNNTagger.fit_dataloader`` calls ``update_metrics`` with one argument more than
   ``RNNTokenizer.update_metrics`` accepts;
4. ``RNNTaggingModel`` builds ``CRF(n_out, crf_constraints)`` so that ``None`` lands in the CRF's
   ``batch_first`` parameter: training runs but never converges (dev F1 stays near 19 %). The
   CRF must be ``batch_first=True`` because the BiLSTM is.

:class:`FixedRNNTokenizer` applies all four. A model saved by it records this class as its
classpath, so ``hanlp.load(folder)`` (and djtext's HanLP backend) rebuild it with the fixes.
This module imports hanlp and torch: core djtext modules never import it.
"""
from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from hanlp.components.tokenizers.tok import RNNTokenizer
from hanlp.datasets.tokenization.loaders.chunking_dataset import ChunkingDataset


class FixedRNNTokenizer(RNNTokenizer):
    """HanLP's ``RNNTokenizer`` with the hanlp 2.1.x training and loading bugs worked around."""

    def build_dataset(self, data, transform=None):
        """Build the chunking dataset, skipping a stored ``None`` transform and flattening lists."""
        dataset = ChunkingDataset(data)
        stored = self.config.get("transform")
        for item in _as_list(stored) + _as_list(transform):
            dataset.append_transform(item)
        return dataset

    def update_metrics(self, metric, logits, y, mask, batch=None, prediction=None):
        """Update the chunking F1 from decoded predictions (accepts the caller's extra argument)."""
        pred = prediction if prediction is not None else self.decode_output(logits, mask, batch)
        metric(self._id_to_tags(pred), batch["tag"])

    def build_model(self, rnn_input, rnn_hidden, drop, crf, **kwargs):
        """Build the BiLSTM-CRF model with a batch-first CRF (hanlp passes None there)."""
        model = super().build_model(rnn_input, rnn_hidden, drop, crf, **kwargs)
        fix_crf_batch_first(model)
        return model


def _as_list(transform) -> list:
    if transform is None:
        return []
    if isinstance(transform, (list, tuple)):
        return [t for t in transform if t is not None]
    return [transform]


def fix_crf_batch_first(model) -> bool:
    """Set ``model.crf.batch_first = True`` when hanlp left it None; return whether a CRF is there."""
    crf = getattr(model, "crf", None)
    if crf is None:
        return False
    if not crf.batch_first:
        crf.batch_first = True
    return True


def _write_segmented(sentences: Iterable[Sequence[str]], path: Path) -> int:
    lines = []
    for words in sentences:
        words = [w.strip() for w in words if w and w.strip()]
        if words:
            lines.append(" ".join(words))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def train_tiny_tokenizer(
    sentences: Sequence[Sequence[str]],
    save_dir: str | Path,
    *,
    epochs: int = 5,
    embed: int = 64,
    rnn_hidden: int = 128,
    batch_size: int = 32,
    dev_fraction: float = 0.1,
    seed: int = 1,
    lr: float = 0.005,
    threads: int | None = 1,
) -> Path:
    """Train a HanLP BiLSTM-CRF tokenizer on segmented sentences (lists of words) into ``save_dir``.

    The result loads with ``hanlp.load(save_dir)`` or ``djtext.segment.HanLPSegmenter(save_dir)``.
    A few hundred sentences and a few epochs take seconds on one CPU core; use more data and
    epochs (and a larger ``embed``/``rnn_hidden``) for a model worth using on real text.
    ``threads`` limits torch's CPU threads while training (a model this small gains nothing from
    more, and several spinning threads on a busy machine slow it down many times); None keeps
    torch's setting.
    """
    import torch

    if len(sentences) < 10:
        raise ValueError(f"train_tiny_tokenizer: need at least 10 segmented sentences, got {len(sentences)}")
    save_dir = Path(save_dir)
    save_dir.mkdir(parents=True, exist_ok=True)
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    n_dev = max(1, int(len(order) * dev_fraction))
    data_dir = save_dir / "data"
    data_dir.mkdir(exist_ok=True)
    trn, dev = data_dir / "train.txt", data_dir / "dev.txt"
    _write_segmented((sentences[i] for i in order[n_dev:]), trn)
    _write_segmented((sentences[i] for i in order[:n_dev]), dev)
    torch.manual_seed(seed)
    logger = logging.getLogger("djtext.hanlp_train")
    logger.addHandler(logging.NullHandler())
    tokenizer = FixedRNNTokenizer()
    previous_threads = torch.get_num_threads()
    if threads:
        torch.set_num_threads(threads)
    try:
        _fit(tokenizer, trn, dev, save_dir, batch_size, epochs, embed, rnn_hidden, lr, seed, logger)
    finally:
        torch.set_num_threads(previous_threads)
    return save_dir


def _fit(tokenizer, trn, dev, save_dir, batch_size, epochs, embed, rnn_hidden, lr, seed, logger) -> None:
    tokenizer.fit(
        str(trn),
        str(dev),
        str(save_dir),
        batch_size=batch_size,
        epochs=epochs,
        embed=embed,
        rnn_hidden=rnn_hidden,
        lr=lr,
        devices=-1,
        seed=seed,
        logger=logger,
        verbose=False,
    )
