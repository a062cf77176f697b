"""``lexdraft apply BASE AMENDMENT -o OUT.xml``: apply an amendment (our AKN, or Russian instruction text)."""

from __future__ import annotations

import sys
from dataclasses import replace

import click

from ..errors import LexdraftError
from ..output import write_atomic


@click.command("apply")
@click.argument("base", metavar="BASE")
@click.argument("amendment", type=click.Path(dir_okay=False), metavar="AMENDMENT")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="The amended version (AKN).")
@click.option("--date", default=None, help="Expression date of the amended version (default: the amendment's "
              "date for an AKN amendment, else BASE's).")
def command(base: str, amendment: str, output: str, date: str | None) -> None:
    """Apply AMENDMENT to BASE and write the amended version, all or nothing.

    AMENDMENT is an AKN amendment written by 'lexdraft amend --format akn', or instruction text in Russian,
    Kazakh or English in the drafting patterns ("статью 125 изложить в следующей редакции: «…»", "в пункте 1
    статьи 128 слова «…» заменить словами «…»", "пункт 3 исключить", "по всему тексту слова … заменить
    соответственно словами …"; "… мынадай редакцияда жазылсын"; "Article 5 is replaced by the following: “…”").
    Every instruction that does not apply is reported as file:line and nothing is written. The output is
    validated against the strict OASIS XSD before it is written.

    \b
    Examples:
      lexdraft amend OLD.xml NEW.xml --format akn -o amendment.xml
      lexdraft apply OLD.xml amendment.xml -o NEW2.xml
      lexdraft apply drafts/kz-digital-code/2024-04-01-rus.xml changes.txt -o amended.xml --date 2025-07-01
    """
    from ..amend.apply import AmendmentError, apply
    from ..amend.reading import read_amendment
    from ..compare.inputs import load_version
    from ..importer import blocking, check_akn_bytes
    from ..writer import document_to_akn

    base_doc = load_version(base)
    instrument = read_amendment(amendment)
    try:
        result = apply(base_doc, instrument.operations, amendment)
    except AmendmentError as exc:
        for line in exc.lines():
            click.echo(f"lexdraft: error: {line}", err=True)
        n = len({p.number for p in exc.problems})
        click.echo(f"lexdraft: nothing written ({n} instruction(s) do not apply, {len(exc.problems)} problem(s))",
                   err=True)
        sys.exit(2)
    new_date = date or instrument.date or base_doc.frbr.date
    frbr = replace(base_doc.frbr, date=new_date, expression="", manifestation="")
    data = document_to_akn(replace(result, frbr=frbr))
    bad = blocking(check_akn_bytes(data, output))
    if bad:
        raise LexdraftError(f"the amended version is not valid AKN, nothing written: {bad[0]}", amendment)
    write_atomic(output, data, inputs=(base, amendment))
    click.echo(f"wrote {output}: {len(instrument.operations)} instruction(s) applied", err=True)
    if base_doc.provenance.warning:
        click.echo(f"lexdraft: note: {base_doc.provenance.warning}", err=True)
