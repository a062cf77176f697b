"""``lexdraft git-diff-driver``: the external diff program git runs (seven arguments, see gitdriver)."""

from __future__ import annotations

import sys

import click


@click.command("git-diff-driver", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def command(args: tuple[str, ...]) -> None:
    """External diff program for git (registered by 'lexdraft git-setup'); not meant to be run by hand.

    Git passes: path old-file old-hex old-mode new-file new-hex new-mode (/dev/null for an added or deleted
    file). Prints lexdraft's structural diff; always exits 0, since git stops on a failing external diff.
    With --textconv FILE (diff.lexdraft.textconv) it prints the file's structured legal text instead.

    \b
    Example (what git runs):
      lexdraft git-diff-driver draft.xml /tmp/old.xml 1a2b 100644 draft.xml 3c4d 100644
      lexdraft git-diff-driver --textconv draft.xml
    """
    from ..gitdriver import driver_output, textconv

    if len(args) == 2 and args[0] == "--textconv":  # diff.lexdraft.textconv: git passes one file
        click.echo(textconv(args[1]), nl=False)
        return
    if len(args) not in (7, 9):  # 9 when git reports a rename (adds the new name and the similarity header)
        click.echo("lexdraft git-diff-driver: git passes 7 arguments: path old-file old-hex old-mode "
                   "new-file new-hex new-mode", err=True)
        sys.exit(2)
    path, old_file, _, _, new_file, _, _ = args[:7]
    click.echo(driver_output(path, old_file, new_file), nl=False)
