"""From file paths to written redlines: what the ``redline`` and ``table`` commands call."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..compare import diff_documents
from ..compare.bilingual import BilingualReport, compare_languages
from ..compare.inputs import load_version
from ..compare.model import ChangeSet
from ..errors import LexdraftError
from ..model import Document
from ..output import write_atomic
from .annotations import Annotations, load_annotations, load_concordance_file
from .docx import render_docx
from .html import render_html
from .rows import build


@dataclass
class Comparison:
    """Two loaded versions, their ChangeSet and what reviewers attached."""

    old_path: str
    new_path: str
    old: Document
    new: Document
    changeset: ChangeSet
    annotations: Annotations
    inputs: tuple[str, ...]
    warnings: list[str] = field(default_factory=list)
    bilingual: BilingualReport | None = None

    def summary_line(self) -> str:
        counts = self.changeset.summary()
        changed = ", ".join(f"{k} {n}" for k, n in counts.items() if n and k != "unchanged")
        rows = len(build(self.changeset, self.old, self.new, "en").rows)
        preamble = next((f"; preamble {c.kind}" for c in self.changeset.preamble if c.changed), "")
        return (f"{rows} changed units in the table; provisions: {changed or 'no changes'}, "
                f"unchanged {counts['unchanged']}{preamble}")


def compare_files(old: str, new: str, annotations: str | None = None, concordance: str | None = None,
                  counterpart: tuple[str, str] | None = None) -> Comparison:
    """Load and diff two versions (files or WORK@DATE selectors) with what reviewers attached; ``counterpart``
    (the same two versions in the other official language) adds the bilingual check."""
    old_doc, new_doc = load_version(old), load_version(new)
    cs = diff_documents(old_doc, new_doc)
    bilingual = None
    if counterpart:
        other_old, other_new = (load_version(p) for p in counterpart)
        bilingual = compare_languages(cs, diff_documents(other_old, other_new))
    notes = load_annotations(annotations) if annotations else Annotations()
    if concordance:
        notes.concordance = load_concordance_file(concordance, new)
    inputs = tuple(p for p in (old_doc.path, new_doc.path, annotations, concordance, *(counterpart or ())) if p)
    warnings = [w for w in dict.fromkeys(d.provenance.warning for d in (old_doc, new_doc)) if w]
    known = {u.eid for d in (old_doc, new_doc) for u in d.walk() if u.eid}
    for what, keys in (("annotation", notes.notes), ("concordance entry", notes.concordance)):
        missing = sorted(k for k in keys if k not in known)
        if missing:
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            warnings.append(f"{len(missing)} {what} eId(s) match no unit in either version: {shown}")
    if bilingual and bilingual.issues:
        warnings.append(f"bilingual check {bilingual.lang_a} ↔ {bilingual.lang_b}: {len(bilingual.issues)} "
                        "inconsistencies (listed in the redline)")
    return Comparison(old, new, old_doc, new_doc, cs, notes, inputs, warnings, bilingual)


def write_redline(c: Comparison, output: str, **options) -> None:
    try:
        html = render_html(c.changeset, c.old, c.new, annotations=c.annotations, bilingual=c.bilingual, **options)
    except ValueError as exc:
        raise LexdraftError(str(exc), output) from None
    write_atomic(output, html, inputs=c.inputs)


def write_table(c: Comparison, output: str, ui_lang: str | None = None, generated: str | None = None) -> None:
    if output.lower().endswith(".docx"):
        data: str | bytes = render_docx(c.changeset, c.old, c.new, ui_lang=ui_lang, annotations=c.annotations,
                                        generated=generated)
    else:
        data = render_html(c.changeset, c.old, c.new, ui_lang=ui_lang, annotations=c.annotations,
                           generated=generated, standalone_table=True)
    write_atomic(output, data, inputs=c.inputs)
