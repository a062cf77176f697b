"""``lexdraft git-setup``: make ``git diff`` / ``git log -p`` show lexdraft's structural diff for AKN drafts."""

from __future__ import annotations

import click


@click.command("git-setup")
@click.option("--global", "global_", is_flag=True, help="Register in ~/.gitconfig (then add the .gitattributes "
              "line to each repository yourself, or to core.attributesFile).")
@click.option("--no-attributes", is_flag=True, help="Do not write .gitattributes (only print the line).")
def command(global_: bool, no_attributes: bool) -> None:
    """Register lexdraft as git's diff driver for AKN files.

    Sets diff.lexdraft.command (the structural diff, used by git diff and git show; git log -p uses it with
    --ext-diff) and diff.lexdraft.textconv (structured text, used by git log -p, --word-diff, blame), and adds
    this line to the repository's .gitattributes:

    \b
        *.xml diff=lexdraft

    \b
    Examples:
      lexdraft git-setup                # this repository: config + .gitattributes
      lexdraft git-setup --global       # every repository; add the .gitattributes line yourself
      git diff HEAD~1 -- drafts/        # then: structural diff of the drafts
      git log -p --ext-diff -- drafts/kz-digital-code/2025-07-01-rus.xml
    """
    from ..gitdriver import setup

    done = setup(".", global_, write_attributes=not no_attributes)
    click.echo(f"git config {done.scope} diff.lexdraft.command '{done.command}'")
    click.echo(f"git config {done.scope} diff.lexdraft.textconv '{done.textconv}'")
    if done.attributes_file:
        click.echo(f"{done.attributes_file}: {done.attributes_line}")
    else:
        click.echo(f"add to .gitattributes: {done.attributes_line}")
