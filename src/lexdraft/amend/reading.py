"""One entry point for reading an amendment file: our AKN amendment, or Russian instruction text."""

from __future__ import annotations

from ..akn import read_bytes
from ..errors import LexdraftError
from .model import Instrument


def read_amendment(path: str) -> Instrument:
    """Operations of the amendment in ``path`` (AKN when it starts with '<', Russian instruction text otherwise)."""
    data = read_bytes(path)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        from .akn_amendment import read_instrument

        return read_instrument(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LexdraftError("instruction text must be UTF-8", path) from None
    from .parse import parse_text

    return parse_text(text, path)
