"""Reading files and folders into RawDocuments: formats (.txt .md .html .docx .pdf) and encodings.

* ``discovery``: which files of a folder are documents (``iter_files``) and their names;
* ``encoding``: the encoding of a text file's bytes (``detect_encoding``, ``decode_bytes``);
* ``html_reader``, ``docx_reader``, ``pdf_reader``: the text of each format;
* ``reader``: ``read_document``, which never raises for a bad file but returns a RawDocument
  whose ``error`` is a one-line reason (empty file, binary file, corrupt .docx, PDF without a
  text layer ...).

Data flows one way: errors → discovery, encoding → the format readers → reader.
"""
from __future__ import annotations

from djtext.corpus.discovery import SUPPORTED_SUFFIXES, iter_files, relative_name, safe_name
from djtext.corpus.docx_reader import MAX_DOCX_INFLATED, MAX_DOCX_RATIO, MIN_RATIO_CHECK, check_zip_size
from djtext.corpus.encoding import decode_bytes, detect_encoding, plausibility
from djtext.corpus.errors import NotTextError
from djtext.corpus.reader import read_document

__all__ = [
    "MAX_DOCX_INFLATED", "MAX_DOCX_RATIO", "MIN_RATIO_CHECK", "SUPPORTED_SUFFIXES", "NotTextError",
    "check_zip_size", "decode_bytes", "detect_encoding", "iter_files", "plausibility", "read_document",
    "relative_name", "safe_name",
]
