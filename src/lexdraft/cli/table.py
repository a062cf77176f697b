"""``lexdraft table OLD NEW -o table.docx``: the comparative table alone, as Word or HTML (docs/redline.md)."""

from __future__ import annotations

from datetime import datetime, timezone

import click

from ..errors import LexdraftError
from ..render.output import compare_files, write_table


@click.command("table")
@click.argument("old")
@click.argument("new")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="table.docx (Word) or table.html (printable HTML), by extension.")
@click.option("--ui-lang", type=click.Choice(["ru", "kk", "en"]), default=None,
              help="Language of headings and citations; default: the new document's language.")
@click.option("--annotations", type=click.Path(dir_okay=False), default=None,
              help="Sidecar YAML/JSON keyed by eId supplying the justification column.")
@click.option("--no-timestamp", is_flag=True, help="Leave out the generation time.")
def command(old: str, new: str, output: str, ui_lang: str | None, annotations: str | None, no_timestamp: bool) -> None:
    """Write the comparative table (сравнительная таблица) of two versions.

    \b
    Examples:
      lexdraft table drafts/kz-digital-code/2024-04-01-kaz.xml drafts/kz-digital-code/2025-07-01-kaz.xml -o table-kk.docx
      lexdraft table OLD.xml NEW.xml -o table.html --ui-lang ru
    """
    if not output.lower().endswith((".docx", ".html", ".htm")):
        raise LexdraftError("output must end in .docx or .html", output)
    generated = None if no_timestamp else datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    comparison = compare_files(old, new, annotations=annotations)
    write_table(comparison, output, ui_lang=ui_lang, generated=generated)
    for warning in comparison.warnings:
        click.echo(f"lexdraft: note: {warning}", err=True)
    click.echo(f"wrote {output}: {comparison.summary_line()}")
