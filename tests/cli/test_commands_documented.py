"""Every command of the djtext CLI is documented in README.md and shows an example in its --help."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from djtext.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands() -> dict:
    """Every command and sub-command by its full name (``djtext words`` groups included)."""
    found: dict = {}

    def walk(command, prefix: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if children is None:
            found[" ".join(prefix)] = command
            return
        for name, child in children.items():
            if not child.hidden:
                walk(child, (*prefix, name))

    walk(get_command(app), ())
    return found


COMMANDS = _commands()


def test_there_are_commands():
    assert len(COMMANDS) >= 5


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_in_the_readme(name):
    readme = README.read_text(encoding="utf-8")
    assert re.search(rf"djtext {re.escape(name)}\b", readme), f"`djtext {name}` is not documented in README.md"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_shows_an_example(name):
    result = CliRunner().invoke(app, [*name.split(), "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert re.search(rf"Example:.*djtext {re.escape(name)}\b", result.output), f"`djtext {name} --help` shows no example"
