"""Render section templates with Jinja, safely.

Templates run in a sandbox with StrictUndefined: a template that names a field the
ontology does not have fails loudly. Answers are data: Jinja never evaluates a value, and
drafter.context escapes, once, the few characters of the user's text that the section markup
(drafter.markup) would otherwise read as structure.
"""
from __future__ import annotations

import functools
import marshal
import os
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter import cache, paths
from drafter.errors import DrafterError, Location
from drafter.filters import FILTERS, GLOBALS, said_once

_LINE_START_HASH = re.compile(r"(?m)^([ \t]*)#")
_SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")


def escape_value(value: Any) -> Any:
    """Make a user's text safe to drop into section markup: it can never open a heading.

    A single newline in a user's text means a new paragraph, as it does in a word processor.
    """
    if isinstance(value, str):
        value = value.replace("\\", "\\\\")
        if "#" in value:
            value = _LINE_START_HASH.sub(lambda m: m.group(1) + "\\#", value)
        return _SINGLE_NEWLINE.sub("\n\n", value) if "\n" in value else value
    return value


def _none_is_empty(value: Any) -> Any:
    return "" if value is None else value


class _CompiledLoader(jinja2.FileSystemLoader):
    """Templates from one folder, their compiled code kept in the user cache as one entry
    (drafter.cache): a build loads some forty templates, and reading each source and its
    own bytecode file took longer than rendering them. An entry is used only while its
    template file keeps the size and time it was compiled from."""

    def __init__(self, folder: Path):
        super().__init__(str(folder))
        self.folder = folder
        self._codes: dict[str, tuple[int, int, bytes]] | None = None
        self._key = ""

    def load(self, environment, name, globals=None):
        path = os.path.join(str(self.folder), *split_template_path(name))
        try:
            st = os.stat(path)
        except OSError:
            return super().load(environment, name, globals)  # says which template is missing
        codes = self._cached()
        entry = codes.get(name)
        if entry is not None and entry[:2] == (st.st_size, st.st_mtime_ns):
            code = marshal.loads(entry[2])
        else:
            source, path, _ = self.get_source(environment, name)
            code = environment.compile(source, name, path)
            codes[name] = (st.st_size, st.st_mtime_ns, marshal.dumps(code))
            cache.put(self._key, codes)

        def uptodate() -> bool:
            try:
                now = os.stat(path)
            except OSError:
                return False
            return (now.st_size, now.st_mtime_ns) == (st.st_size, st.st_mtime_ns)

        return environment.template_class.from_code(environment, code, environment.make_globals(globals), uptodate)

    def _cached(self) -> dict[str, tuple[int, int, bytes]]:
        if self._codes is None:
            import jinja2  # compiled code is Jinja's: another Jinja compiles differently

            self._key = cache.key("templates", [], extra=f"{self.folder.resolve()}|{jinja2.__version__}")
            found = cache.get(self._key)
            self._codes = found if isinstance(found, dict) else {}
        return self._codes


class _Sandbox(ImmutableSandboxedEnvironment):
    def getattr(self, obj: Any, attribute: str) -> Any:
        # Answers reach templates as dicts (drafter.context): `prev.inspections` is a key,
        # looked up before the sandbox's attribute checks (a third of rendering time), and
        # a key named like a dict method (items) is the answer, not the method.
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


@functools.lru_cache(maxsize=4)
def environment(templates: Path | None = None) -> jinja2.Environment:
    env = _Sandbox(
        loader=_CompiledLoader(templates or paths.templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_none_is_empty,
    )
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


def render(template_name: str, context: dict[str, Any], templates: Path | None = None) -> str:
    env = environment(templates)
    try:
        template = env.get_template(template_name)
        # a template's verb before an item that starts with it is said once (健全健全 → 健全)
        return said_once(template.render(context))
    except jinja2.TemplateSyntaxError as exc:
        raise DrafterError(
            f"模板语法错误：{exc.message}",
            Location(file=f"templates/{template_name}", line=exc.lineno),
        ) from None
    except jinja2.UndefinedError as exc:
        raise DrafterError(
            f"模板引用了未定义的名称：{exc.message}",
            Location(file=f"templates/{template_name}", line=_template_line(exc)),
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise DrafterError("找不到模板", Location(file=f"templates/{exc.name}")) from None


def _template_line(exc: BaseException) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
