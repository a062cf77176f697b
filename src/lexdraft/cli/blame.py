"""``lexdraft blame WORK``: for every unit of the latest version, where it came from and when it last changed."""

from __future__ import annotations

import click

from ..errors import LexdraftError
from ..output import write_atomic



@click.command("blame")
@click.argument("work", metavar="WORK")
@click.option("--lang", default=None, help="Language to trace (default: rus, else kaz, else eng…).")
@click.option("--unit", "eid", default=None, help="Only this unit of the latest version (and its sub-units).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--html", "html", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Also write a self-contained HTML timeline (one column per version).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write text/JSON here.")
def command(work: str, lang: str | None, eid: str | None, fmt: str, html: str | None, output: str | None) -> None:
    """Lineage of every unit of WORK's latest version: the version that introduced it and the one that last
    changed it, following moves and renumbering (the diff's alignment) across all versions.

    \b
    Examples:
      lexdraft blame kz-digital-code
      lexdraft blame eu-ai-act --unit art_50 --format json
      lexdraft blame kz-digital-code --lang kaz --html lineage.html
    """
    from .. import akn
    from ..history import blame, find_work
    from ..history_report import blame_dict, blame_html, blame_text, terminal_progress, to_json

    w = find_work(work)
    versions, lineages = blame(w, lang, progress=terminal_progress())
    if eid:
        keep = next((i for i, x in enumerate(lineages) if x.unit.eid == eid), None)
        if keep is None:
            raise LexdraftError(f"no unit {eid} in the latest version ({versions[-1].date})", versions[-1].path)
        depth = lineages[keep].depth
        end = next((i for i in range(keep + 1, len(lineages)) if lineages[i].depth <= depth), len(lineages))
        lineages = lineages[keep:end]
    provenance = akn.load(versions[-1].path).provenance
    read = tuple(v.path for v in w.versions)  # never written over
    text = (to_json(blame_dict(w, versions, lineages, provenance)) if fmt == "json"
            else blame_text(w, versions, lineages, provenance))
    if html:
        write_atomic(html, blame_html(w, versions, lineages, provenance, eid), inputs=read)
    if output:
        write_atomic(output, text, inputs=read)
    else:
        click.echo(text, nl=False)
