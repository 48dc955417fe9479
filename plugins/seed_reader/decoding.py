"""Bytes of a raw seed file to text, or a clear reason why not."""

import codecs
import re
import unicodedata
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
# What str.splitlines() takes for the end of a line besides \r and \n: a
# vertical tab (a manual line break in Word's exports), a form feed, the
# Unicode line and paragraph separators. Each is a line break, not a stray
# control to remove: removed, it glued the words on either side together.
# (A regular expression: str.translate() with a table took a tenth of an import.)
_LINE_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
# Bytes that are not UTF-8, as errors="surrogateescape" keeps them.
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")
# At most _few() runs of bad bytes are replaced; this many are listed.
_STRAY_LINES_SHOWN = 8


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _looks_like_windows_1256(text: str) -> bool:
    """Windows-1256 decodes any byte; accept it only when it yields Urdu/Arabic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if _ARABIC_LETTER.match(c))
    return arabic / len(letters) > 0.5


def _few(count: int, text: str) -> bool:
    """A few stray bytes or characters in a text, not a text of another kind."""
    return count <= max(8, len(text) // 1000)


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, list[str], int, float]:
    """Text that is not all UTF-8, read as UTF-8: the text with each run of bad
    bytes replaced by one U+FFFD (a reader sees where text was lost, and no two
    words run together), a warning per line with bad bytes, how many runs, and
    the share of non-ASCII bytes that do read as UTF-8 (text in another encoding
    has bad sequences all through it, and few valid ones between them)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    runs = list(_ESCAPED_BYTES.finditer(escaped))
    bad_bytes = sum(len(run.group()) for run in runs)
    valid_non_ascii = len(escaped) - len(escaped.encode("ascii", "ignore")) - bad_bytes
    lines: dict[int, list[str]] = {}
    for run in runs[:_STRAY_LINES_SHOWN]:
        line = escaped.count("\n", 0, run.start()) + 1
        lines.setdefault(line, []).extend(f"0x{ord(c) - 0xDC00:02x}" for c in run.group())
    warnings = [f"line {line}: invalid UTF-8 byte(s) {' '.join(found)} replaced by U+FFFD"
                for line, found in lines.items()]
    text = _ESCAPED_BYTES.sub("\ufffd", escaped)
    return text, warnings, len(runs), valid_non_ascii / (valid_non_ascii + bad_bytes)


def _visible(text: str) -> bool:
    """Anything but whitespace and format characters (Cf: zero-width spaces and
    joiners, bidi marks, a byte-order mark)? Stops at the first such character."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def decode_seed(data: bytes) -> DecodedText:
    """Decode a seed: UTF-8 (with or without BOM, a few bad bytes replaced),
    UTF-16/32 with BOM, or Windows-1256 when the whole file reads as that and not as UTF-8."""
    warnings = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                data = data[len(bom):]
                break
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise SeedError(f"invalid {encoding} text at byte {error.start}") from None
            warnings.append(f"file is {encoding.upper()}; UTF-8 is preferred")
            break
    else:
        encoding = None
        nul = data.find(b"\x00")
        if nul >= 0:
            raise SeedError(
                f"binary file, or UTF-16 without a byte-order mark (NUL byte at byte {nul})", _line_of(data, nul)
            )
    if encoding in (None, "utf-8-sig"):
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as error:
            text, stray, runs, utf8_share = _utf8_with_stray_bytes(data)
            windows = data.decode("cp1256", errors="replace")
            if utf8_share < 0.5 and "\ufffd" not in windows and _looks_like_windows_1256(windows):
                text, encoding = windows, "cp1256"
                warnings.append("file is Windows-1256; UTF-8 is preferred")
            elif _few(runs, text):
                encoding = "utf-8"
                warnings.extend(stray)
            else:
                raise SeedError(
                    f"not UTF-8 text ({runs} invalid byte sequences, the first 0x{data[error.start]:02x} "
                    f"at byte {error.start}) and not Windows-1256 Urdu either",
                    _line_of(data, error.start),
                ) from None

    text = _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
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
    if not _visible(text):
        raise SeedError("empty file: no text to import (only spaces or invisible characters)")
    return DecodedText(text=text, encoding=encoding, warnings=warnings)
