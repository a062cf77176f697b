"""``lexdraft validate``: the OASIS XSD plus the project's rules, reported for people and pipelines."""

from .findings import ERROR, RULES, WARNING, FileResult, Finding, Report
from .run import validate_paths

__all__ = ["ERROR", "RULES", "WARNING", "FileResult", "Finding", "Report", "validate_paths"]
