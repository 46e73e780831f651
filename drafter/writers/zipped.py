"""A .docx is a ZIP file: this writes one from its parts, some of them deflated ahead of time.

zipfile sets up a new compressor for every part (about 0.2 ms each, twenty-one parts a
report), which cost more than everything else the .docx writer does. The blank's parts are
the same in every report, so they are deflated once and kept with the blank; only the
report's own parts are deflated on each build. What is written is the plain form zipfile
writes itself (deflate, sizes in the local headers, no ZIP64: a report is far below 4 GiB).
"""
from __future__ import annotations

import struct
import time
import zlib
from typing import NamedTuple

_LOCAL = struct.Struct("<I5H3I2H")
_CENTRAL = struct.Struct("<I6H3I5H2I")
_END = struct.Struct("<I4H2IH")
_DEFLATE = 8
_VERSION = 20  # 2.0: deflate
_MADE_ON_UNIX = 3 << 8
_UTF8_NAME = 0x800
_FILE_MODE = 0o600 << 16  # what zipfile.writestr gives a part named by a string


class Deflated(NamedTuple):
    """A part deflated ahead of time: its checksum and size before, its bytes after."""

    crc: int
    size: int
    data: bytes


def deflate(data: bytes) -> Deflated:
    return Deflated(zlib.crc32(data), len(data), zlib.compress(data, 6, -15))


def package(parts: dict[str, bytes | Deflated], when: time.struct_time | None = None) -> bytes:
    """The ZIP file of parts in their order; bytes are deflated here, Deflated ones as they are."""
    t = when or time.localtime()
    dos_time = t.tm_hour << 11 | t.tm_min << 5 | t.tm_sec // 2
    dos_date = max(t.tm_year - 1980, 0) << 9 | t.tm_mon << 5 | t.tm_mday
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, part in parts.items():
        if not isinstance(part, Deflated):
            part = deflate(part)
        raw = name.encode("utf-8")
        flags = 0 if raw.isascii() else _UTF8_NAME
        header = _LOCAL.pack(0x04034B50, _VERSION, flags, _DEFLATE, dos_time, dos_date, part.crc, len(part.data),
                             part.size, len(raw), 0) + raw
        central.append(_CENTRAL.pack(0x02014B50, _MADE_ON_UNIX | _VERSION, _VERSION, flags, _DEFLATE, dos_time,
                                     dos_date, part.crc, len(part.data), part.size, len(raw), 0, 0, 0, 0,
                                     _FILE_MODE, offset) + raw)
        chunks += (header, part.data)
        offset += len(header) + len(part.data)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(chunks) + directory + end
