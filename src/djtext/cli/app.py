"""The shared typer app, console objects and error helpers of the command line."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional

import typer

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="djtext",
    help="Clean, segment and extract party-building brands, formulations, lists and practices "
    "from noisy Chinese 政协 reports, and compare them across regions.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


class LazyConsole:
    """A rich ``Console`` made on first use: loading rich costs ~25 ms that a quiet run need not spend."""

    def __init__(self, **options: Any):
        self.options = options
        self._console: "Console | None" = None

    @property
    def console(self) -> "Console":
        """The rich Console itself (made now if it was not yet)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self.options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)

    def print_line(self, message: str) -> None:
        """``print(message, highlight=False, soft_wrap=True)``: written as it is when rich would print it
        unchanged (printable text without markup brackets or emoji colons), else through rich."""
        if self._console is None and message.isprintable() and "[" not in message and ":" not in message:
            (sys.stderr if self.options.get("stderr") else sys.stdout).write(message + "\n")
        else:
            self.console.print(message, highlight=False, soft_wrap=True)


console = LazyConsole()
err_console = LazyConsole(stderr=True)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def usage_error(message: str) -> typer.Exit:
    """Print a one-line usage error and return the Exit to raise (code 2)."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def progress(total: int, label: str, enabled: bool = True):
    """A command's progress bar over ``total`` files on stderr, yielding ``advance(name)``
    (djtext.render and rich's tables are loaded only when it is shown)."""
    if not enabled:
        return nullcontext(lambda _name: None)
    from djtext.render import progress_bar

    return progress_bar(err_console.console, total, label)


OUT_IS_INPUT = "{out}: --out must not be an input path"


def refuse_out_over_inputs(out: Path, inputs: Iterable[Path], *, inside: bool = False,
                           message: str = OUT_IS_INPUT) -> None:
    """Usage error (exit 2) when --out is one of ``inputs`` or, with ``inside``, a path inside an input
    folder: nothing a user gave is overwritten. ``message`` may name ``{out}``, ``{input}`` and
    ``{where}`` (the input folder / inside the input folder)."""
    target = out.resolve()
    for path in inputs:
        given = path.resolve()
        if target == given or (inside and given in target.parents):
            where = "the input folder" if target == given else "inside the input folder"
            raise usage_error(message.format(out=out, input=path, where=where))


def _version(value: bool) -> None:
    if value:
        from djtext import __version__

        console.print(f"djtext {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """djtext: evidence from noisy reports on 政协 party-building brands."""


# Options shared by several commands (typer accepts the same OptionInfo as several defaults).
BOM_OPTION = typer.Option(True, "--bom/--no-bom", help="Write CSV with a UTF-8 BOM (Excel shows Chinese correctly).")
JOBS_OPTION = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (documents of a corpus run in parallel).")
LEXICON_OPTION = typer.Option(None, "--lexicon", help="Extra lexicon file or folder (repeatable).")
KEEP_DUPLICATES_OPTION = typer.Option(
    False, "--keep-duplicates", help="Count documents flagged as duplicates (documents.duplicate_of) too; by default they are left out.",
)
SEGMENTER_OPTION = typer.Option("jieba", "--segmenter", help="Segmentation backend: jieba or hanlp.")
