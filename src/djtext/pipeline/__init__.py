"""Running the per-document stages over a corpus: parallelism, streaming, pieces, cache, errors.

Per-document work (ingest → clean → structure → segment → extract → attribute) is a pure
function of a file's bytes and the options (``document``: ``process_file``, ``process_text``),
returns plain rows, and is cached by content hash (``cache``). ``stream.iter_corpus_rows`` plans
the run (``plan``: file order, cache hits, groups of files, pieces of huge files) and maps the
work over a folder in a process pool or on a Dask cluster (``engine``, ``worker``), streaming each
document's rows back as they come: nothing holds the rows of the whole corpus. ``runs`` has the
two entry points: ``extract_corpus`` writes those rows straight into a RESULTS folder
(``djtext.results_folder.TableWriter``); ``run_corpus`` collects them into pandas tables.

Huge files (more than ``HUGE_BYTES``) are split into bounded pieces (``huge``) analysed as if
they were documents; their rows get the whole file's raw offsets, lines and list ids, so memory
stays flat whatever a file's size.

Data flows one way: options → document → cache/huge → worker → engine → plan → stream → runs.
"""
from __future__ import annotations

from djtext import regex_compile

regex_compile.install()  # a worker process compiles the stages' patterns faster (identical patterns)

from djtext.pipeline.cache import default_cache_dir
from djtext.pipeline.document import analyse_document, process_file, process_text
from djtext.pipeline.engine import CONNECT_TIMEOUT, SCHEDULER_ENV
from djtext.pipeline.huge import HUGE_BYTES, PIECE_CHARS, split_pieces
from djtext.pipeline.options import Options, code_fingerprint
from djtext.pipeline.plan import BATCH_BYTES, BATCH_FILES
from djtext.pipeline.runs import RESULT_TABLES, combine, extract_corpus, run_corpus
from djtext.pipeline.stream import iter_corpus_rows
from djtext.pipeline.summary import CorpusResult, RunSummary

__all__ = [
    "BATCH_BYTES", "BATCH_FILES", "CONNECT_TIMEOUT", "HUGE_BYTES", "PIECE_CHARS", "RESULT_TABLES", "SCHEDULER_ENV",
    "CorpusResult", "Options", "RunSummary", "analyse_document", "code_fingerprint", "combine",
    "default_cache_dir", "extract_corpus", "iter_corpus_rows", "process_file", "process_text",
    "run_corpus", "split_pieces",
]
