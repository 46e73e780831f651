"""drafter build for many files at once, and outputs that cannot be written where asked."""
import errno

from drafter import build, yamlio
from tests.conftest import DEMO_ANSWERS, run_drafter

TITLE = "测试市应急管理局2023年法治政府建设年度报告"


def answers_files(tmp_path, *years_or_texts):
    folder = tmp_path / "answers"
    folder.mkdir()
    paths = []
    for n, text in enumerate(years_or_texts, 1):
        path = folder / f"r{n}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_batch_builds_every_file_and_reports_failures_at_the_end(tmp_path, demo_env):
    good1 = DEMO_ANSWERS
    bad = DEMO_ANSWERS.replace("inspections: 2770", "inspections: -5")
    good2 = DEMO_ANSWERS.replace("year: 2023", "year: 2024")
    paths = answers_files(tmp_path, good1, bad, good2)
    out = tmp_path / "out"
    result = run_drafter("build", *map(str, paths), "-o", str(out), env=demo_env)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [
        f"[1/3] 已生成：{out / (TITLE + '.docx')}",
        f"[2/3] 失败：{paths[1]}",
        f"[3/3] 已生成：{out / (TITLE.replace('2023', '2024') + '.docx')}",
    ]
    errors = [line for line in result.stderr.splitlines() if line.startswith("错误：")]
    assert len(errors) == 1 and f"{paths[1]}:23:18" in errors[0] and "负数" in errors[0]
    assert "失败 1 份" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([TITLE + ".docx", TITLE.replace("2023", "2024") + ".docx"])


def test_a_folder_stands_for_its_answers_files_and_clashing_titles_keep_both(tmp_path, demo_env):
    paths = answers_files(tmp_path, DEMO_ANSWERS, DEMO_ANSWERS)
    (paths[0].parent / "说明.txt").write_text("不是答案文件", encoding="utf-8")
    out = tmp_path / "out"
    result = run_drafter("build", str(paths[0].parent), "-o", str(out), "--format", "md", env=demo_env)
    assert result.returncode == 0, result.stderr
    assert "[2/2] 已生成" in result.stdout and "共 2 份，全部生成" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == sorted([TITLE + ".md", "r2.md"])


def test_the_output_is_never_an_input(tmp_path, demo_env, demo_answers_file):
    before = demo_answers_file.read_bytes()
    result = run_drafter("build", str(demo_answers_file), "-o", str(demo_answers_file), "--format", "md", env=demo_env)
    assert result.returncode == 1 and "输入文件本身" in result.stderr
    assert demo_answers_file.read_bytes() == before


def test_batch_output_must_be_a_folder(tmp_path, demo_env):
    paths = answers_files(tmp_path, DEMO_ANSWERS, DEMO_ANSWERS)
    result = run_drafter("build", *map(str, paths), "-o", str(tmp_path / "x.docx"), env=demo_env)
    assert result.returncode == 1 and "文件夹" in result.stderr and not (tmp_path / "x.docx").exists()


def test_a_locked_output_goes_to_a_sibling_name(tmp_path, monkeypatch):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old, open in Word")
    from drafter import yamlio

    real = yamlio.atomic_write_bytes

    def locked(path, data):
        if path == target:  # what Windows says when Word holds the file
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real(path, data)

    monkeypatch.setattr("drafter.yamlio.atomic_write_bytes", locked)
    written = build.write_output(target, b"new")
    assert written == tmp_path / "报告-1.docx" and written.read_bytes() == b"new"
    assert target.read_bytes() == b"old, open in Word"


def test_the_fast_loader_reads_every_example_as_the_round_trip_loader_does(real_ontology):
    from pathlib import Path

    from drafter import answers, yamlio

    for path in sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml")):
        slow = answers.from_document(yamlio.load(path), real_ontology)
        fast = answers.from_document(yamlio.load_fast(path), real_ontology)
        assert (fast.meta, fast.outline, fast.values, fast.previous) == (slow.meta, slow.outline, slow.values, slow.previous)


def test_tricky_scalars_read_the_same_by_both_loaders(tmp_path):
    from drafter import yamlio

    path = tmp_path / "a.yaml"
    path.write_text("a: yes\nb: on\nc: 0123\nd: 1_000\ne: 2023-12-20\nf: 1e3\ng: 0o17\nh: ~\ni: 12:30\n"
                    "j: '007'\nk: 2590.69\nl: [是, 否]\n", encoding="utf-8")
    assert yamlio.load_fast(path).data == dict(yamlio.load(path).data)


def test_no_two_reports_of_a_batch_share_a_name(tmp_path, demo_ontology):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("r1.yaml", "r1.yml", "r2.yaml"):
        (folder / name).write_text(DEMO_ANSWERS, encoding="utf-8")
    inputs = build.expand_inputs([folder])
    (tmp_path / "out").mkdir()
    taken: set = set()
    outs = []
    for source in inputs:
        built = build.build_file(source, None, "md", directory=tmp_path / "out", forbidden=yamlio.Inputs(inputs), taken=taken,
                                 ontology=demo_ontology)
        taken.add(built.output.resolve())
        outs.append(built.output.name)
    assert len(set(outs)) == 3 and outs[0] == TITLE + ".md"


def test_an_output_folder_that_does_not_exist_is_named_in_chinese(tmp_path, demo_env, demo_answers_file):
    result = run_drafter("build", str(demo_answers_file), "-o", str(tmp_path / "没有" / "报告.docx"), env=demo_env)
    assert result.returncode == 1 and "文件夹不存在" in result.stderr and "No such" not in result.stderr


def test_inputs_know_their_files_by_path_spelling_and_by_link(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "sub" / "b.yaml"
    b.parent.mkdir()
    a.write_text("x", encoding="utf-8")
    b.write_text("y", encoding="utf-8")
    (tmp_path / "link.yaml").hardlink_to(a)
    inputs = yamlio.Inputs([a, b])
    assert inputs.find(tmp_path / "sub" / ".." / "a.yaml") == a
    assert inputs.find(tmp_path / "link.yaml") == a
    assert inputs.find(b) == b
    assert inputs.find(tmp_path / "c.yaml") is None  # not there yet: no input
    assert inputs.find(tmp_path / "sub") is None
