"""The ``lexdraft`` command: a thin click layer over the library.

Subcommands live in ``lexdraft.cli.<name>`` modules (one per command, each exposing ``command``) and are
imported only when used, so ``lexdraft --help`` stays fast. Every command turns ``LexdraftError`` into one
line on stderr and exit code 2; no traceback reaches the user.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from .. import __version__
from ..errors import LexdraftError

# command name -> module under lexdraft.cli (a missing module simply means the command is not listed)
COMMANDS = {
    "validate": "validate",
    "import": "import_",
    "export": "export",
    "diff": "diff",
    "bilingual": "bilingual",
    "redline": "redline",
    "table": "table",
    "map": "map_",
    "log": "log",
    "show": "show",
    "blame": "blame",
    "git-setup": "git_setup",
    "git-diff-driver": "git_diff_driver",
    "amend": "amend",
    "apply": "apply",
}


class LazyGroup(click.Group):
    """A click group that imports a subcommand's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, mod in COMMANDS.items() if importlib.util.find_spec(f"{__name__}.{mod}"))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        mod = COMMANDS.get(cmd_name)
        if mod is None or importlib.util.find_spec(f"{__name__}.{mod}") is None:
            return None
        return importlib.import_module(f"{__name__}.{mod}").command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LexdraftError as exc:
            click.echo(f"lexdraft: error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="lexdraft")
def main() -> None:
    """lexdraft — validate, diff, version, map and redline Akoma Ntoso drafts of laws.

    \b
    Examples:
      lexdraft validate drafts/
      lexdraft diff drafts/kz-digital-code/OLD.xml drafts/kz-digital-code/NEW.xml
      lexdraft redline OLD.xml NEW.xml -o redline.html
    """
