"""Resources: what every per-document stage reads, built once per worker from the run's options.

One ``Resources`` holds the run's lexicon (built-in + ``--lexicon`` files), the gazetteer and the
unit vocabulary made from that same lexicon, and the segmenter (made on first use, so a missing
HanLP model is reported per document as before). Every stage takes it, so a user's regions.csv or
unit_terms.csv reaches units, attribution and the region columns of every row alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from djtext.lexicon import Lexicon
    from djtext.pipeline import Options
    from djtext.regions import Gazetteer
    from djtext.segment import Segmenter
    from djtext.structure import UnitVocabulary

RESOURCES_KEPT = 4  # distinct option sets whose resources one process keeps


@dataclass
class Resources:
    """The lexicon, gazetteer, unit vocabulary and segmenter of one run."""

    lexicon: "Lexicon"
    gazetteer: "Gazetteer"
    vocabulary: "UnitVocabulary"
    segmenter_name: str = "jieba"
    segmenter_options: dict[str, Any] = field(default_factory=dict)
    _segmenter: "Segmenter | None" = field(default=None, repr=False)

    @property
    def segmenter(self) -> "Segmenter":
        """The run's segmenter with the lexicon as user dictionary (made once, on first use)."""
        if self._segmenter is None:
            from djtext.segment import get_segmenter

            self._segmenter = get_segmenter(self.segmenter_name, lexicon=self.lexicon, **self.segmenter_options)
        return self._segmenter


def build_resources(lexicon: "Lexicon | None" = None, segmenter: str = "jieba", **segmenter_options: Any) -> Resources:
    """Resources of ``lexicon`` (the built-in lexicons when None) and a segmenter name and options."""
    from djtext.lexicon import load_lexicon
    from djtext.regions import Gazetteer
    from djtext.structure import unit_vocabulary

    lexicon = lexicon if lexicon is not None else load_lexicon()
    return Resources(lexicon, Gazetteer.from_lexicon(lexicon), unit_vocabulary(lexicon), segmenter,
                     dict(segmenter_options))


@lru_cache(maxsize=RESOURCES_KEPT)
def resources_for(options: "Options") -> Resources:
    """The resources of a run's ``Options``, built once per process and options."""
    from djtext.lexicon import load_lexicon

    return build_resources(load_lexicon(options.lexicon_paths), options.segmenter, **options.segmenter_options())
