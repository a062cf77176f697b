"""``lexdraft redline OLD NEW -o redline.html``: the annotated, self-contained HTML redline (docs/redline.md)."""

from __future__ import annotations

from datetime import datetime, timezone

import click

from ..render.output import compare_files, write_redline


@click.command("redline")
@click.argument("old")
@click.argument("new")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The HTML file to write (atomically).")
@click.option("--view", type=click.Choice(["table", "inline", "side", "clean"]), default="table", show_default=True,
              help="The view the file opens in (all four are inside and switchable with keys 1-4).")
@click.option("--ui-lang", type=click.Choice(["ru", "kk", "en"]), default=None,
              help="Language of labels and citations; default: the new document's language (rus/kaz, else en).")
@click.option("--annotations", type=click.Path(dir_okay=False), default=None,
              help="Sidecar YAML/JSON keyed by eId: justification column and reviewer comments.")
@click.option("--concordance", type=click.Path(dir_okay=False), default=None,
              help="Concordance file: comparable foreign provisions shown beside each unit.")
@click.option("--counterpart", nargs=2, metavar="OLD2 NEW2", default=None,
              help="The same two versions in the other official language: flag units changed in one only.")
@click.option("--no-timestamp", is_flag=True, help="Leave out the generation time (byte-identical output).")
def command(old: str, new: str, output: str, view: str, ui_lang: str | None, annotations: str | None,
            concordance: str | None, counterpart: tuple[str, str] | None, no_timestamp: bool) -> None:
    """Render the redline of two versions as one HTML file that works offline.

    \b
    Views: comparative table, inline "as amended", side by side, clean new text.
    Keys in the browser: n/j next change, p/k previous, 1-4 views, / search.

    \b
    Examples:
      lexdraft redline drafts/kz-digital-code/2024-04-01-rus.xml drafts/kz-digital-code/2025-07-01-rus.xml -o chapter19-redline.html
      lexdraft redline OLD.xml NEW.xml -o r.html --view inline --ui-lang en --annotations notes.yaml --no-timestamp
      lexdraft redline OLD-rus.xml NEW-rus.xml -o r.html --counterpart OLD-kaz.xml NEW-kaz.xml
    """
    generated = None if no_timestamp else datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    comparison = compare_files(old, new, annotations=annotations, concordance=concordance,
                               counterpart=counterpart or None)
    write_redline(comparison, output, view=view, ui_lang=ui_lang, generated=generated)
    for warning in comparison.warnings:
        click.echo(f"lexdraft: note: {warning}", err=True)
    click.echo(f"wrote {output}: {comparison.summary_line()}")
