"""The text layer of a PDF (pypdf), pages separated by a blank line."""
from __future__ import annotations

import io
import logging
import warnings

from djtext.corpus.errors import NotTextError, one_line


def read_pdf(data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise NotTextError("encrypted PDF (needs a password)")
            pages = [page.extract_text() or "" for page in reader.pages]
        except NotTextError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            raise NotTextError(one_line(f"corrupt .pdf: {type(exc).__name__}: {exc}")) from exc
    pages = [p.strip("\n") for p in pages]
    if not any(p.strip() for p in pages):
        raise NotTextError("PDF has no text layer (a scan? run OCR first)")
    return "\n\n".join(pages) + "\n"
