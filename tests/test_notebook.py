"""notebooks/walkthrough.ipynb runs top to bottom (nbclient, python3 kernel of this venv)."""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the djtext[notebook] extra is not installed")
nbclient = pytest.importorskip("nbclient", reason="the djtext[notebook] extra is not installed")
pytest.importorskip("ipykernel", reason="the djtext[notebook] extra is not installed")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"
RAW = ROOT / "data" / "raw"


def _has_documents(folder: Path) -> bool:
    from djtext.corpus import iter_files

    return folder.is_dir() and bool(iter_files(folder))


@pytest.mark.slow
@pytest.mark.skipif(not _has_documents(RAW), reason="data/raw holds no sample documents yet")
def test_walkthrough_runs_top_to_bottom():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "documents, 0 failed" in text
    assert "families; the widest" in text and "p < 0.05 on occurrences" in text  # non-empty results
    assert "new word types kept whole" in text
    assert any("image/png" in o.get("data", {}) for o in outputs), "the plot cell shows no image"


def test_notebook_reads_the_sample_corpus_relative_to_itself():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert 'Path("../data/raw")' in source
    assert notebook.metadata["kernelspec"]["name"] == "python3"
