"""``lexdraft log WORK``: the versions of a work with change counts between neighbours."""

from __future__ import annotations

import click

from ..output import write_atomic



@click.command("log")
@click.argument("work", metavar="WORK")
@click.option("--lang", default=None, help="Only this language (rus, kaz, eng…).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to this file.")
def command(work: str, lang: str | None, fmt: str, output: str | None) -> None:
    """List the expressions of WORK (a folder of DATE-LANG.xml files, or its name under drafts/) in date order,
    per language, with the count of changed provisions against the previous version.

    \b
    Examples:
      lexdraft log kz-digital-code
      lexdraft log drafts/foreign/eu-ai-act --format json
    """
    from ..history import find_work, log
    from ..history_report import log_dict, log_text, terminal_progress, to_json

    w = find_work(work)
    entries = log(w, lang, progress=terminal_progress())
    text = to_json(log_dict(w, entries)) if fmt == "json" else log_text(w, entries)
    if output:
        write_atomic(output, text, inputs=tuple(v.path for v in w.versions))
    else:
        click.echo(text, nl=False)
