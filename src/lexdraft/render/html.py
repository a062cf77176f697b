"""The annotated HTML redline: one self-contained file (CSS and JS inline, no network request of any kind).

Rendered with Jinja2, autoescape on: every text that comes from a document, an annotation or a concordance is
escaped; only our own templates produce markup. Same inputs give the same bytes; the generation time appears
only when the caller passes it (``generated``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import __version__
from ..compare.bilingual import BilingualReport
from ..compare.model import ChangeSet, Side
from ..model import FRBR, Document
from . import labels as lb
from .annotations import Annotation, Annotations, concordance_from
from .rows import build, inline_ops, is_mark

VIEWS = ("table", "inline", "side", "clean")


@dataclass(frozen=True)
class ProvenanceNote:
    """The warning of a non-official input, with which input(s) it is about."""

    label: str
    text: str


@dataclass(frozen=True)
class SideInfo:
    """One input as the summary shows it."""

    frbr: FRBR
    sha256: str
    name: str
    language: str


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("lexdraft", "templates"),
        autoescape=select_autoescape(default_for_string=True, default=True),  # every template, always
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def ui_language(cs: ChangeSet, override: str | None = None) -> str:
    """The UI language: the override, else the new document's language (Russian, Kazakh; English otherwise)."""
    if override:
        if override not in lb.UI_LANGS:
            raise ValueError(f"unknown UI language {override!r}; use one of {', '.join(lb.UI_LANGS)}")
        return override
    return lb.ui_lang_for(cs.new.frbr.language or cs.old.frbr.language)


def provenance_warnings(cs: ChangeSet, lang: str) -> list[ProvenanceNote]:
    """The visible warning of each non-official input (once if both inputs say the same)."""
    L = lb.labels(lang)
    out: list[ProvenanceNote] = []
    for side, label in ((cs.old, L["old_version"]), (cs.new, L["new_version"])):
        text = side.provenance.warning
        if not text:
            continue
        if out and out[-1].text == text:
            out[-1] = ProvenanceNote(f"{out[-1].label} · {label}", text)
        else:
            out.append(ProvenanceNote(label, text))
    return out


def _side_info(side: Side, lang: str) -> SideInfo:
    return SideInfo(side.frbr, side.sha256, os.path.basename(side.path), lb.language_name(side.frbr.language, lang)
                    if side.frbr.language else "")


def attachments(annotations: Any, concordance: Any) -> Annotations:
    """What reviewers attached, as one ``Annotations``: a sidecar (loaded or a mapping) and a concordance."""
    if isinstance(annotations, Annotations):
        result = Annotations(dict(annotations.notes), dict(annotations.concordance), annotations.columns)
    else:
        notes: dict[str, Annotation] = dict(annotations or {})
        result = Annotations(notes)
    if concordance is not None:
        result.concordance.update(concordance_from(concordance))
    return result


FOLD_KEEP = 160  # characters of unchanged context kept visible on each side of a folded run
FOLD_MIN = 600  # unchanged runs shorter than this are never folded


def fold(text: str) -> tuple[str, str, str] | None:
    """Split a long unchanged run into (head, middle, tail) at spaces, so the table shows the changed words with
    some context and the middle behind a "…" button; None when the run is short. Print shows everything."""
    if len(text) < FOLD_MIN:
        return None
    start = text.find(" ", FOLD_KEEP)
    end = text.rfind(" ", 0, len(text) - FOLD_KEEP)
    if start < 0 or end <= start + FOLD_KEEP:
        return None
    return text[:start], text[start:end], text[end:]


def document_title(cs: ChangeSet) -> str:
    return cs.new.frbr.title or cs.old.frbr.title or cs.new.frbr.work or os.path.basename(cs.new.path)


def render_html(
    cs: ChangeSet,
    old_doc: Document | None,
    new_doc: Document | None,
    *,
    view: str = "table",
    ui_lang: str | None = None,
    annotations: Any = None,
    concordance: Any = None,
    generated: str | None = None,
    standalone_table: bool = False,
    bilingual: BilingualReport | None = None,
) -> str:
    """The redline as one HTML string (``standalone_table``: the comparative table alone, no script;
    ``bilingual``: the check against the other official language, listed in the summary and on the rows)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    lang = ui_language(cs, ui_lang)
    model = build(cs, old_doc, new_doc, lang)
    notes = attachments(annotations, concordance)
    row_of: dict[str, int] = {}
    row_conc: dict[int, list] = {}  # comparable provisions per row: the unit's own, and its provision's on its first row
    seen: set[str] = set()
    for r in model.rows:
        row_of.setdefault(r.anchor, r.number)
        entries = list(notes.comparable(r.eid))
        if r.provision_eid not in seen and r.eid != r.provision_eid:
            entries += notes.comparable(r.provision_eid)
        seen.add(r.provision_eid)
        row_conc[r.number] = entries
    # (kind, number of table rows of that kind) for the filter, in the order of KINDS
    kinds_present = [(k, n) for k in lb.KIND_LABELS[lang] if k != "unchanged"
                     for n in [sum(k in r.kinds for r in model.rows)] if n]
    anchors = {b.anchor for b in model.blocks} | {ln.anchor for b in model.blocks for ln in b.lines}
    issues = [(i, i.key if i.key in anchors else "") for i in (bilingual.issues if bilingual else [])]
    issues_of: dict[str, list] = {}
    for i, _ in issues:
        issues_of.setdefault(i.key, []).append(i)
    template = _env().get_template("redline.html.j2")
    return template.render(
        L=lb.labels(lang),
        K=lb.KIND_LABELS[lang],
        CL=lambda label: lb.concordance_label(label, lang) if label else "—",
        A=notes,
        is_mark=is_mark,
        fold=fold,
        inline_ops=inline_ops,
        html_lang={"ru": "ru", "kk": "kk", "en": "en"}[lang],
        title=document_title(cs),
        view="table" if standalone_table else view,
        model=model,
        row_of=row_of,
        row_conc=row_conc,
        bilingual=bilingual,
        issues=issues,
        issues_of=issues_of,
        kinds_present=kinds_present,
        old=_side_info(cs.old, lang),
        new=_side_info(cs.new, lang),
        warnings=provenance_warnings(cs, lang),
        version=__version__,
        generated=generated,
        standalone_table=standalone_table,
    )


def redline(
    old_doc: Document,
    new_doc: Document,
    changeset: ChangeSet | None = None,
    **options: Any,
) -> str:
    """Diff two documents (unless a ChangeSet is given) and render the redline HTML."""
    if changeset is None:
        from ..compare import diff_documents

        changeset = diff_documents(old_doc, new_doc)
    return render_html(changeset, old_doc, new_doc, **options)
