"""One kind of error a user can be shown: a Chinese message that names the place."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Location:
    """Where a problem is: file, line, column (1-based) and field path."""

    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path, e.g. answers.enforcement.inspections

    def prefix(self) -> str:
        place = self.file or ""
        if self.file and self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        parts = [p for p in (place, self.field) if p]
        return "：".join(parts)


class DrafterError(Exception):
    """An error caused by the user's input, reported without a traceback."""

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def __str__(self) -> str:
        prefix = self.location.prefix()
        return f"{prefix}：{self.message}" if prefix else self.message


_OS_REASONS = {
    "EACCES": "权限不足",
    "EPERM": "权限不足",
    "EROFS": "只读文件系统",
    "EISDIR": "是一个文件夹",
    "ENOENT": "文件夹不存在",
    "ENOTDIR": "路径中有一段不是文件夹",
    "ENOSPC": "磁盘已满",
    "EDQUOT": "超出磁盘配额",
    "ENAMETOOLONG": "文件名太长",
    "EBUSY": "文件正被其他程序占用",
    "ETXTBSY": "文件正被其他程序占用",
    "EEXIST": "文件已存在",
    "EMFILE": "打开的文件太多",
    "EIO": "磁盘读写出错",
    "EINVAL": "文件名中有不允许的字符",
}


def os_reason(exc: OSError) -> str:
    """The operating system's reason for a failed read or write, in Chinese."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if isinstance(exc, PermissionError) and not name:
        name = "EACCES"
    return _OS_REASONS.get(name) or exc.strerror or "未知原因"


def closest(word: str, choices, cutoff: float = 0.5) -> str | None:
    """The choice most like `word`, for “您是不是想写……”; difflib is loaded only on an error."""
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None
