"""Mapping draft provisions to comparable foreign provisions: curated concordance, suggestions, gap report.

- ``load_concordance(path)``: the curated YAML as typed objects (``model.Concordance``).
- ``check_concordance(path)``: findings (rule ``concordance-link``) for links that do not resolve.
- ``suggest``: ranked, explained candidates per draft unit (lexical + topic + optional embedding channels).
- ``evaluate``: P@1, Recall@5, MRR and Gap detection against the concordance.
- ``gaps``: topics and provisions without counterpart, both ways.
"""

from .check import check_concordance
from .loader import load_concordance
from .model import LABELS, Concordance, DraftUnit, Link, Work

__all__ = ["LABELS", "Concordance", "DraftUnit", "Link", "Work", "check_concordance", "load_concordance"]
