"""drafter 命令行入口。

Sub-commands import what they need when they run, so `drafter build` never loads the
wizard's libraries.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from drafter.errors import DrafterError, Location


class _Parser(argparse.ArgumentParser):
    """argparse, speaking Chinese: its help headings and its errors (one line, with where
    to look for the usage) are English in the standard library."""

    _HEADINGS = (("usage: ", "用法："), ("\npositional arguments:\n", "\n参数：\n"),
                 ("\noptions:\n", "\n选项：\n"), ("\noptional arguments:\n", "\n选项：\n"),
                 ("\n子命令:\n", "\n子命令：\n"))

    def format_usage(self) -> str:
        return self._chinese(super().format_usage())

    def format_help(self) -> str:
        return self._chinese(super().format_help())

    def _chinese(self, text: str) -> str:
        for english, chinese in self._HEADINGS:
            text = text.replace(english, chinese)
        return text

    def error(self, message: str) -> None:
        print(f"错误：{_argparse_message(message)}；运行 {self.prog} -h 查看用法", file=sys.stderr)
        raise SystemExit(2)


def _quoted_list(text: str) -> str:
    return "、".join(part.strip().strip("'\"") for part in text.split(","))


def _argparse_message(message: str) -> str:
    """argparse's English error as one Chinese clause."""
    import re

    rules = [
        (r"^argument 命令: invalid choice: '(.*)' \(choose from (.*)\)$",
         lambda m: f"没有“{m[1]}”这个命令；可用的命令：{_quoted_list(m[2])}"),
        (r"^the following arguments are required: (.*)$", lambda m: f"缺少{_quoted_list(m[1])}"),
        (r"^unrecognized arguments: (.*)$", lambda m: f"无法识别的参数：{m[1]}"),
        (r"^one of the arguments (.*) is required$", lambda m: f"需要以下参数之一：{m[1]}"),
        (r"^ambiguous option: (\S+) could match (.*)$", lambda m: f"选项 {m[1]} 不明确，可能是 {m[2]}"),
        (r"^argument (.*?): invalid choice: '(.*)' \(choose from (.*)\)$",
         lambda m: f"{m[1]} 不能是“{m[2]}”，可选：{_quoted_list(m[3])}"),
        (r"^argument (.*?): expected one argument$", lambda m: f"{m[1]} 后面需要一个值"),
        (r"^argument (.*?): expected at least one argument$", lambda m: f"{m[1]} 后面至少需要一个值"),
        (r"^argument (.*?): not allowed with argument (.*)$", lambda m: f"{m[1]} 不能与 {m[2]} 同时使用"),
        (r"^argument (.*?): ignored explicit argument '(.*)'$", lambda m: f"{m[1]} 不带值（多了“{m[2]}”）"),
        (r"^argument (.*?): invalid (\w+) value: '(.*)'$", lambda m: f"{m[1]} 的值“{m[3]}”无效"),
    ]
    for pattern, say in rules:
        m = re.match(pattern, message)
        if m:
            return say(m)
    return message.replace("argument", "参数")


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line. When the command is known, only its own arguments are declared:
    argparse spends milliseconds per argument (translations, terminal width), a tenth of a
    build; `drafter -h` lists every command all the same."""
    parser = _Parser(
        prog="drafter",
        description="应急管理局法治政府建设年度报告起草助手：根据答案文件（YAML）生成公文格式的 .docx 报告。",
        epilog="示例：drafter build examples/kunshan-2023.yaml -o 报告.docx",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    parser.add_argument("--version", action="version", version=_version(), help="显示版本号并退出")
    commands = parser.add_subparsers(dest="command", title="子命令", metavar="命令", parser_class=_Parser)

    from drafter.writers import WRITERS, describe_formats

    build = commands.add_parser("build", help="根据答案文件生成报告（.docx、Markdown、网页或 PDF）", add_help=False,
                                description="根据答案文件生成报告。可以一次给出多个答案文件或一个文件夹（其中全部 .yaml），"
                                            "这时 -o 是输出文件夹；某份出错不影响其他各份，最后汇总报告。")
    if command in (None, "build"):
        build.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        build.add_argument("answers", metavar="答案文件", nargs="+", help="报告的答案文件（.yaml），或包含答案文件的文件夹")
        build.add_argument("-o", "--output", metavar="输出",
                           help="输出文件路径（多份时为输出文件夹）；默认在当前目录，以报告标题命名")
        build.add_argument("--format", choices=list(WRITERS), metavar="格式",
                           help=f"输出格式：{describe_formats()}；省略时按输出文件扩展名判断")
        build.add_argument("--watch", action="store_true",
                           help="监视答案文件，每次保存后自动重新生成（按 Ctrl+C 停止）")
        build.add_argument("--final", action="store_true",
                           help="生成报送用的定稿：沿用上年、尚未处理（段首标有【改写】【核对】）的文字还有时不生成")
        build.add_argument("--force", action="store_true",
                           help="输出的 .docx 在 Word 中改过（或不是 drafter 生成的）时也覆盖它")

    new = commands.add_parser("new", help="向导：逐项提问，新建一份报告的答案文件", add_help=False,
                              description="向导：逐项提问，新建答案文件并生成报告。每答一题立即保存。")
    if command in (None, "new"):
        new.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        new.add_argument("answers", metavar="答案文件", nargs="?", help="新答案文件的路径（.yaml）；省略时按发文机关和年度命名")

    ask = commands.add_parser("ask", help="向导：继续回答未完成的答案文件，或重答指定章节", add_help=False,
                              description="只问今年还缺的：空着的数字（附上年数值，输入 = 沿用）、未填进展的上年问题和工作安排、尚未填写的章节；--all 逐题全部过一遍；--section 重答指定章节（当前答案作默认值）；--list 只列出清单。")
    if command in (None, "ask"):
        ask.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        ask.add_argument("answers", metavar="答案文件", help="答案文件（.yaml）")
        ask.add_argument("--section", metavar="章节id", action="append", help="只问这一节（可重复）；章节 id 见 drafter sections")
        ask.add_argument("--all", action="store_true", help="逐题全部过一遍（默认只问今年还缺的数字和整改情况）")
        ask.add_argument("--list", action="store_true", help="不提问，列出还缺哪些项（每行：章节、项目、上年数值），可发给同事")
        ask.add_argument("--numbers", action="store_true", help="数字一览：每节一屏列出全部数字（项目、单位、上年、今年），直接在屏上改，离开即保存")

    nxt = commands.add_parser("next", help="根据今年的答案文件起草明年的答案文件", add_help=False,
                              description="根据今年的答案文件起草下一年度的答案文件：年度加一，数字移作上年数值供同比，"
                                          "沿用稳定的内容，把今年的问题和工作安排列为明年的整改核对清单。")
    if command in (None, "next"):
        nxt.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        nxt.add_argument("answers", metavar="今年的答案文件",
                         help="今年的答案文件（.yaml），或今年的报告本身（.docx、.txt、网页等：先导入，再起草，并在旁边生成明年的报告草稿）")
        nxt.add_argument("-o", "--output", metavar="明年的答案文件",
                         help="输出路径；默认把文件名中的年份加一（如 kunshan-2023.yaml → kunshan-2024.yaml）")
        nxt.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它")

    imp = commands.add_parser("import", help="导入去年的报告（.docx、.txt、网页等），生成答案文件", add_help=False,
                              description="把去年的报告导入为答案文件：各节保留原文，数字换成可逐年更新的“{名称}”，"
                                          "问题和工作安排逐条列出，供 drafter next 起草明年的报告。")
    if command in (None, "import"):
        imp.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        imp.add_argument("report", metavar="报告文件", help="去年的报告（.docx .doc .wps .pdf .txt .md .html）")
        imp.add_argument("-o", "--output", metavar="答案文件", help="输出的答案文件（.yaml）；默认与报告同名，放在当前目录")
        imp.add_argument("--force", action="store_true", help="答案文件已存在时覆盖它")

    rollup = commands.add_parser("rollup", help="汇总：用各区县的答案文件填写市局报告中的全系统数字", add_help=False,
                                 description="把各区县答案文件中的数字相加，填入市局答案文件的全系统字段"
                                             "（哪些字段可以相加见 sections/_rollup.yaml）。缺数的字段只显示不填；"
                                             "市局手工填写的数值不会被覆盖，除非加 --force。")
    if command in (None, "rollup"):
        rollup.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        rollup.add_argument("city", metavar="市局答案文件", help="市局报告的答案文件（.yaml），汇总结果写入此文件")
        rollup.add_argument("districts", metavar="区县答案文件", nargs="+", help="各区县的答案文件，或包含它们的文件夹")
        rollup.add_argument("--force", action="store_true", help="覆盖市局手工填写的数值")

    check = commands.add_parser("check", help="审核报告：查缺项、遗留的 xx、过时的年份和提法、照搬的数字、别单位的名称等", add_help=False,
                                description="审核一份报告：答案文件（.yaml），或任何报告文件（.docx、.txt、.html 等，可以是在 Word/WPS 中改过的）。"
                                            "每个问题一行（错误/提示、位置、问题、怎么改），最后一行是汇总；有错误时退出码为 1。")
    if command in (None, "check"):
        check.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        check.add_argument("file", metavar="文件", help="答案文件（.yaml）或报告文件（.docx、.txt、.html、.pdf 等）")
        check.add_argument("--previous", metavar="上年的报告",
                           help="上年的报告（.docx 等）或答案文件（.yaml）：对照它找出照搬的段落、问题、安排和数字")
        check.add_argument("--json", action="store_true", help="以 JSON 输出（供其他程序读取）")
        check.add_argument("--sources", action="store_true",
                           help="列出数字来源审核表：报告写出的每个数字、它在报告中的句子、数值和来源（只用于答案文件）")

    numbers = commands.add_parser("numbers", help="数字表：把各节的数字导出为 .xlsx / .csv 表格，或把填好的表格读回答案文件",
                                  add_help=False,
                                  description="把提纲中各节的全部数字（章节、项目、单位、上年、今年）写成一张表格，交给其他科室填写；"
                                              "填好后用 --fill 读回答案文件。读回时逐格检查，有一格不对就整表不写入。"
                                              "“今年”留空的行保持答案文件原样；填 = 表示沿用上年数值。")
    if command in (None, "numbers"):
        numbers.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        numbers.add_argument("answers", metavar="答案文件", help="报告的答案文件（.yaml）")
        numbers.add_argument("-o", "--output", metavar="数字表", help="写出数字表：.xlsx（Excel、WPS 表格）或 .csv")
        numbers.add_argument("--fill", metavar="数字表", help="读回填好的数字表（.xlsx 或 .csv），写入答案文件")

    schema = commands.add_parser("schema", help="生成答案文件的 JSON Schema，供 VS Code 等编辑器检查和补全", add_help=False,
                                 description="根据章节本体生成答案文件的 JSON Schema（.json）。在答案文件第一行写 "
                                             "# yaml-language-server: $schema=<该文件的路径>，VS Code 的 YAML 插件就会提示字段、"
                                             "显示说明并标出写错的值。")
    if command in (None, "schema"):
        schema.add_argument("-h", "--help", action="help", help="显示帮助并退出")
        schema.add_argument("-o", "--output", metavar="输出", default="drafter.schema.json",
                            help="输出文件路径（.json），默认 drafter.schema.json")
        schema.add_argument("--force", action="store_true", help="输出文件已存在、且不是 drafter 生成的 JSON Schema 时也覆盖它")

    sections = commands.add_parser("sections", help="列出可用的章节（章节本体）", add_help=False,
                                   description="列出章节本体中的全部章节：id、默认标题、对应的法定内容。")
    if command in (None, "sections"):
        sections.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    return parser


def _version() -> str:
    from drafter import __version__
    return f"drafter {__version__}"


def cmd_build(args) -> int:
    from drafter import build

    inputs = build.expand_inputs([Path(a) for a in args.answers])
    batch = len(args.answers) != 1 or Path(args.answers[0]).is_dir()  # as given: a file named twice is still a batch
    if args.watch:
        if batch:
            raise DrafterError("--watch 一次只能监视一个答案文件")
        from drafter.watch import watch

        return watch(inputs[0], args.output, args.format, force=args.force)
    if batch:
        return build.build_batch(inputs, Path(args.output) if args.output else None, args.format, force=args.force,
                                 final=args.final)
    # One report is a short run: the cycle collector spent 7% of it scanning the objects
    # that imports make, and found next to nothing (batches and --watch keep it). Frozen
    # afterwards, those objects are not scanned all at once by the next collection either.
    gc.disable()
    try:
        built = build.build_file(inputs[0], args.output, args.format, force=args.force, final=args.final)
    finally:
        gc.freeze()
        gc.enable()
    for warning in built.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    print(f"已生成：{built.output}")
    return 0


def cmd_check(args) -> int:
    from drafter.check import ERROR, check, summary, to_json

    path = Path(args.file)
    for given in (path, Path(args.previous) if args.previous else None):
        if given is not None and not given.is_file():
            raise DrafterError("找不到文件" if not given.exists() else "不是一个文件", Location(file=str(given)))
    if args.previous:
        from drafter import yamlio

        if yamlio.same_file(Path(args.previous), path):
            raise DrafterError("--previous 给出的是这份报告本身；请给出上年的报告", Location(file=str(args.previous)))
        if _same_bytes(path, Path(args.previous)):
            raise DrafterError(f"与 {path} 内容完全相同，不是上年的报告；请给出上年的报告", Location(file=str(args.previous)))
    if args.sources:
        return _sign_off(path, args)
    findings = check(path, Path(args.previous) if args.previous else None)
    if args.json:
        print(to_json(findings))
    else:
        for finding in findings:
            print(finding.line())
        print(summary(findings))
    return 1 if any(f.severity == ERROR for f in findings) else 0


def _sign_off(path: Path, args) -> int:
    """check --sources: the table of the report's numbers and their sources, for the reviewer to sign."""
    from drafter import answers as answers_mod
    from drafter import ontology as ontology_mod
    from drafter.check import signoff

    if path.suffix.lower() not in (".yaml", ".yml"):
        raise DrafterError("--sources 列出答案文件中记下的数字来源，只能用于答案文件（.yaml）", Location(file=str(path)))
    if args.previous:
        raise DrafterError("--sources 与 --previous 不能同时使用；请分两次运行")
    onto = ontology_mod.load()
    answers = answers_mod.load(path, onto)
    print(signoff.to_json(answers, onto) if args.json else signoff.table(answers, onto))
    return 0


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def cmd_sections(args) -> int:
    from drafter import ontology as ontology_mod

    onto = ontology_mod.load()
    for area in onto.areas:
        print(f"【{area.title}】（{area.id}）")
        for s in area.sections:
            serves = "、".join(onto.contents[c].split("：")[0] for c in s.serves)
            print(f"  {s.id:<28} {s.heading}　〔{serves}〕")
    return 0


def cmd_numbers(args) -> int:
    from drafter import ontology as ontology_mod
    from drafter import sheet

    if bool(args.output) == bool(args.fill):  # checked here: argparse would say it in English
        raise DrafterError("请给出 -o 数字表.xlsx（写出数字表）或 --fill 数字表.xlsx（读回数字表）二者之一")
    onto = ontology_mod.load()
    if args.output:
        count = sheet.write(Path(args.answers), Path(args.output), onto)
        shown, others = sheet.counts(Path(args.answers), onto)
        rest = f"；报告目前不写的 {others} 项列在后面，填了也不会写入报告" if others else ""
        print(f"已生成数字表：{args.output}（{count} 项数字：报告中写出的 {shown} 项在前，“报告中的句子”一列标出每个数的位置{rest}）。"
              f"请在“今年”一列填写，然后运行 drafter numbers {args.answers} --fill {args.output}")
        return 0
    changes = sheet.fill(Path(args.answers), Path(args.fill), onto)
    for change in changes:
        print(f"  {sheet.describe_change(change)}")
    for warning in sheet.warnings(changes):
        print(warning, file=sys.stderr)
    print(f"已填入 {len(changes)} 项数字：{args.answers}" if changes else f"数字表中没有新的数字，{args.answers} 没有改动。")
    return 0


def cmd_schema(args) -> int:
    from drafter import ontology as ontology_mod
    from drafter import schema, yamlio

    out = Path(args.output)
    yamlio.check_output(out)  # a folder or a device first: that is what is wrong with it
    if out.suffix.lower() != ".json":
        raise DrafterError(f"JSON Schema 要写成 .json 文件（如 {schema.FILE_NAME}），不能写成“{out.suffix or '无扩展名'}”文件",
                           Location(file=str(out)))
    if out.is_file() and not args.force and not schema.is_drafter_schema(out):
        raise DrafterError("文件已存在，且不是 drafter 生成的 JSON Schema，没有覆盖；确需覆盖请加 --force",
                           Location(file=str(out)))
    yamlio.write_output(out, schema.dumps(schema.generate(ontology_mod.load())).encode("utf-8"))
    print(f"已生成：{out}")
    return 0


def _terminal_or_exit() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise DrafterError("向导需要在终端中交互运行；没有终端时请直接编辑答案文件（YAML），再运行 drafter build")


def cmd_new(args) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise DrafterError("向导需要在终端中交互运行。没有终端时，可以复制 examples/ 中的一个示例改写，"
                           "或用 drafter import 去年的报告.docx 生成答案文件，再运行 drafter build")
    from drafter.wizard.flow import run_new
    from drafter.wizard.ui import Terminal

    return run_new(Path(args.answers) if args.answers else None, Terminal())


def cmd_ask(args) -> int:
    path = Path(args.answers)
    if not path.exists():  # the file first: a missing file is the message, terminal or not
        raise DrafterError("找不到文件；新建请用 drafter new", Location(file=str(path)))
    if args.list:
        return _list_missing(path)
    _terminal_or_exit()
    from drafter.wizard.ui import Terminal

    if args.numbers:
        from drafter import answers as answers_mod
        from drafter import ontology as ontology_mod
        from drafter.wizard.numbers import run_numbers

        onto = ontology_mod.load()
        answers_mod.load(path, onto)  # a file with errors is reported before the screen opens
        return run_numbers(path, Terminal(), onto)
    from drafter.wizard.flow import run_ask

    return run_ask(path, args.section, Terminal(), everything=args.all)


def _list_missing(path: Path) -> int:
    """drafter ask --list: the questions ask would ask, one a line, without a terminal."""
    from drafter import answers as answers_mod
    from drafter import ontology as ontology_mod
    from drafter.wizard.flow import missing_questions

    onto = ontology_mod.load()
    found = [q.line() for q in missing_questions(path, onto)]
    if not answers_mod.load(path, onto).meta.date:
        found.append("报告\t成文日期（report.date）\t还没有填写")
    for line in found:
        print(line)
    print(f"共 {len(found)} 项待填。" if found else "今年的答案已经齐全：没有尚未填写的数字和整改情况。", file=sys.stderr)
    return 0


def _next_path(source: Path, year: int) -> Path:
    name = source.name
    if str(year) in name:
        return source.with_name(name.replace(str(year), str(year + 1)))
    return source.with_name(f"{source.stem}-{year + 1}{source.suffix}")


def cmd_next(args) -> int:
    from drafter import answers as answers_mod
    from drafter import ontology as ontology_mod
    from drafter import schema, yamlio
    from drafter.rollover import roll_forward

    onto = ontology_mod.load()
    source = Path(args.answers)
    report = source.suffix.lower() not in (".yaml", ".yml")  # last year's report itself: import, then roll
    if report:
        this_year = _imported(source, onto)
    else:
        this_year = answers_mod.load(source, onto)  # a file with errors is reported, not rolled
    out = Path(args.output) if args.output else _next_path(source, this_year.meta.year)
    if report and out.suffix.lower() not in (".yaml", ".yml"):
        out = out.with_suffix(".yaml")  # the answers file; the draft .docx goes beside it
    if yamlio.same_file(out, source):
        raise DrafterError("输出文件不能与今年的答案文件相同", Location(file=str(out)))
    if out.is_dir():
        raise DrafterError("输出路径是一个文件夹，请在 -o 中写出文件名", Location(file=str(out)))
    if out.exists() and not args.force:
        raise DrafterError("文件已存在；要覆盖请加 --force", Location(file=str(out)))
    result = roll_forward(this_year.document, onto)
    # the first line points editors at the JSON Schema of answers files (drafter schema)
    text = schema.stamp(result.document.dumps(), out, source)
    try:  # what we write must read back: check it in memory, before any file is touched
        answers_mod.from_document(yamlio.loads(text, out), onto)
    except DrafterError as exc:
        raise DrafterError(f"起草的 {result.year} 年答案文件未通过检查，没有写入：{exc.message}",
                           Location(file=str(out), field=exc.location.field)) from None
    draft = out.with_suffix(".docx") if report else None
    if draft is not None and draft.exists() and not args.force:
        raise DrafterError("文件已存在；要覆盖请加 --force", Location(file=str(draft)))
    yamlio.write_output(out, text.encode("utf-8"), inputs=(source,))
    for warning in result.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    print(f"已起草 {result.year} 年答案文件：{out}")
    if draft is not None:  # one step from last year's Word file: this year's draft beside the answers
        from drafter import build

        built = build.build_file(out, draft, "docx", force=args.force)
        print(f"已生成 {result.year} 年报告草稿：{built.output}（沿用上年、待处理的段落在答案文件中段首标有【改写】【核对】）")
    print(f"下一步：drafter ask {out}  逐项填写今年的数字和整改情况；然后 drafter build {out}")
    return 0


def _imported(source: Path, onto):
    """Last year's report read as answers, in memory (what drafter import would write)."""
    from drafter import answers as answers_mod
    from drafter import yamlio
    from drafter.importer import import_file

    imported = import_file(source, onto)
    try:
        return answers_mod.from_document(yamlio.loads(imported.text, source.with_suffix(".yaml")), onto)
    except DrafterError as exc:
        raise DrafterError(f"导入结果未通过检查：{exc.message}", Location(file=str(source), field=exc.location.field)) from None


def cmd_import(args) -> int:
    from drafter import answers as answers_mod
    from drafter import ontology as ontology_mod
    from drafter import yamlio
    from drafter.importer import import_file

    source = Path(args.report)
    out = Path(args.output) if args.output else Path(yamlio.safe_filename(source.stem, ".yaml"))
    yamlio.check_output(out, (source,))  # never onto the report, a folder or a device
    if out.exists() and not args.force:
        raise DrafterError("文件已存在；要覆盖请加 --force", Location(file=str(out)))
    onto = ontology_mod.load()
    result = import_file(source, onto)
    size = len(result.text.encode("utf-8"))
    if size > yamlio.MAX_BYTES:  # build refuses answers files this big: write none
        raise DrafterError(f"导入结果有 {size / 1024 / 1024:.2f} MB，超过答案文件的上限 "
                           f"{yamlio.MAX_BYTES // (1024 * 1024)} MB（drafter build 不读这么大的答案文件），没有写入；"
                           "一份年度报告导入后通常不到 100 KB，请确认选对了文件", Location(file=str(source)))
    try:  # what we write must load: check it in memory, before any file is touched
        answers_mod.from_document(yamlio.loads(result.text, out), onto)
    except DrafterError as exc:
        where = f"（{exc.location.field}）" if exc.location.field else ""
        raise DrafterError(f"导入结果{where}未通过检查，没有写入 {out}：{exc.message}",
                           Location(file=str(source))) from None  # the report is what to look at
    yamlio.write_output(out, result.text.encode("utf-8"), inputs=(source,))
    for note in result.source.notes:
        print(f"提示：{note}", file=sys.stderr)
    print(f"已导入：{source} → {out}")
    for line in result.summary():
        print(f"  {line}")
    print(f"下一步：打开 {out} 核对标有“推测”“自拟”的各节；drafter build {out} 可重新生成这份报告，"
          f"drafter next {out} 起草明年的答案文件")
    return 0


def _wizard_interrupted(args) -> str:
    """What Ctrl+C leaves behind, said as it is."""
    from drafter.wizard.store import Session

    if Session.path is None:
        if args.command == "new":
            return "已中断。还没有保存任何内容（答案文件尚未创建）。"
        return f"已中断。本次没有新保存的回答，{args.answers} 中原有的内容未受影响。"
    return (f"已中断。本次共保存 {Session.saved} 次回答到 {Session.path}；正在输入、尚未回车确认的那一题没有保存。"
            f"下次运行 drafter ask {Session.path} 继续。")


def cmd_rollup(args) -> int:
    from drafter import ontology as ontology_mod
    from drafter.build import expand_inputs
    from drafter.rollup import describe, rollup

    city = Path(args.city)
    notes: list[str] = []  # rollup knows the city's own file among the districts (by identity), and says so
    sums, written = rollup(city, expand_inputs([Path(d) for d in args.districts], once=False), ontology_mod.load(),
                           force=args.force, notes=notes)
    for note in notes:
        print(f"提示：{note}", file=sys.stderr)
    for s in sums:
        print(describe(s))
    print(f"已更新：{city}（填入 {written} 项）" if written else "市局答案文件没有改动。")
    return 0


COMMANDS = {"check": cmd_check, "numbers": cmd_numbers, "schema": cmd_schema, "rollup": cmd_rollup, "build": cmd_build,
            "sections": cmd_sections, "new": cmd_new, "ask": cmd_ask, "next": cmd_next, "import": cmd_import}


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = _parser(words[0] if words and words[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except DrafterError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):
        print("\n" + (_wizard_interrupted(args) if args.command in ("new", "ask") else "已中断。"), file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in drafter, not the user's input
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        print(f"内部错误：{type(exc).__name__}: {exc}（设置环境变量 DRAFTER_DEBUG=1 可查看详细信息）", file=sys.stderr)
        return 70
