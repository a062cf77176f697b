"""lexdraft — validate, diff, version, map and redline Akoma Ntoso drafts of laws."""

__version__ = "0.1.0"
