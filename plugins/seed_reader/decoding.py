"""Bytes of a raw seed file to text, or a clear reason why not."""

import codecs
import re
from dataclasses import dataclass, field


class SeedError(Exception):
    """A seed that cannot be imported; `line` is 1-based when known."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _looks_like_windows_1256(text: str) -> bool:
    """Windows-1256 decodes any byte; accept it only when it yields Urdu/Arabic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if _ARABIC_LETTER.match(c))
    return arabic / len(letters) > 0.5


def decode_seed(data: bytes) -> DecodedText:
    """Decode a seed: UTF-8 (with or without BOM), UTF-16/32 with BOM, or Windows-1256."""
    warnings = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise SeedError(f"invalid {encoding} text at byte {error.start}") from None
            if encoding != "utf-8-sig":
                warnings.append(f"file is {encoding.upper()}; UTF-8 is preferred")
            break
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise SeedError(
                f"binary file, or UTF-16 without a byte-order mark (NUL byte at byte {nul})", _line_of(data, nul)
            )
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as error:
            text = data.decode("cp1256", errors="replace")
            if "\ufffd" in text or not _looks_like_windows_1256(text):
                raise SeedError(
                    f"not UTF-8 text (invalid byte 0x{data[error.start]:02x} at byte "
                    f"{error.start}) and not Windows-1256 Urdu either",
                    _line_of(data, error.start),
                ) from None
            encoding = "cp1256"
            warnings.append("file is Windows-1256; UTF-8 is preferred")

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = _CONTROL.findall(text)
    if len(controls) > max(8, len(text) // 1000):
        match = _CONTROL.search(text)
        raise SeedError(
            f"binary file, not text ({len(controls)} control characters)",
            text.count("\n", 0, match.start()) + 1,
        )
    if controls:
        text = _CONTROL.sub("", text)
        warnings.append(f"removed {len(controls)} stray control character(s)")
    if not text.strip():
        raise SeedError("empty file: no text to import")
    return DecodedText(text=text, encoding=encoding, warnings=warnings)
