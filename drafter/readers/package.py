"""Opening an OOXML package (.docx) without trusting it: sizes are checked in the zip's central
directory before anything is inflated, and XML is parsed without entities or network access."""
from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from lxml import etree

from drafter.readers.sniff import fail

MAX_TOTAL_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100  # XML compresses ~10:1; a zip bomb by thousands
RATIO_FLOOR = 1024 * 1024  # small members may compress as they like
MAX_MEMBERS = 2000

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, dtd_validation=False)


class Package:
    def __init__(self, path: Path, data: bytes):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            # NotImplementedError: a damaged header asks for a zip version nobody writes (8.4)
            raise fail(path, "文件已损坏，无法作为 Word 文档（.docx）打开") from None
        self._check_sizes(infos)
        self.names = {info.filename for info in infos}

    def _check_sizes(self, infos) -> None:
        if len(infos) > MAX_MEMBERS:
            raise fail(self.path, "文件结构异常（压缩包内文件过多），已拒绝读取")
        total = sum(info.file_size for info in infos)
        bomb = any(info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
                   for info in infos)
        if total > MAX_TOTAL_UNCOMPRESSED or bomb:
            raise fail(self.path, "文件解压后异常庞大（可能是恶意构造的文件），已拒绝读取")

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        info = self.zip.getinfo(name)
        try:
            with self.zip.open(info) as member:
                return member.read(info.file_size + 1)[: info.file_size]
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError, zlib.error):
            raise fail(self.path, f"文件已损坏（{name} 无法解压）") from None
        except RuntimeError:  # an encrypted zip member
            raise fail(self.path, "文件已加密，请在 Word 或 WPS 中取消密码、另存后再试") from None

    def xml(self, name: str):
        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            raise fail(self.path, f"文件已损坏（{name} 不是有效的 XML）") from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type, target part name) for the part's relationships."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        rels = {}
        for rel in [] if root is None else root.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            rels[rel.get("Id")] = (rel.get("Type", ""), target)
        return rels

    def main_part(self) -> str:
        for rel_type, target in self.relationships("").values():
            if rel_type == OFFICE_DOCUMENT:
                return target
        return "word/document.xml"
