"""drafter build --watch in a real subprocess: rebuilds after a save, survives an error."""
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from tests.conftest import DEMO_ANSWERS

pytestmark = pytest.mark.slow  # drafter build --watch in a subprocess, waiting for its rebuilds

TIMEOUT = 30  # seconds for each expected line: generous for a busy machine


class Watcher:
    def __init__(self, args, env, cwd):
        self.process = subprocess.Popen([sys.executable, "-m", "drafter", "build", *args, "--watch"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        env=env, cwd=cwd)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, f"watch stopped: {seen}"
                continue
            seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} in {seen}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()


def save(path, text):
    """Write as an editor would, and make sure the modification time moves."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 10**6, before + 10**6))


def test_watch_rebuilds_after_each_save_and_keeps_going_after_an_error(tmp_path, demo_env):
    answers = tmp_path / "report.yaml"
    answers.write_text(DEMO_ANSWERS, encoding="utf-8")
    out = tmp_path / "report.md"
    watcher = Watcher([str(answers), "-o", str(out)], demo_env, tmp_path)
    try:
        watcher.expect("正在监视")
        watcher.expect("已生成")
        assert "2770" in out.read_text(encoding="utf-8")

        save(answers, DEMO_ANSWERS.replace("inspections: 2770", "inspections: 3001"))
        watcher.expect("已生成")
        assert "3001" in out.read_text(encoding="utf-8")

        save(answers, DEMO_ANSWERS.replace("inspections: 2770", "inspections: -1"))
        error = watcher.expect("错误：")
        assert f"{answers}:23:18" in error and "负数" in error
        assert "3001" in out.read_text(encoding="utf-8")  # the last good report stays

        save(answers, DEMO_ANSWERS.replace("inspections: 2770", "inspections: 4002"))
        watcher.expect("已生成")
        assert "4002" in out.read_text(encoding="utf-8")
    finally:
        code = watcher.stop()
    assert code == 0


def test_watch_follows_the_layout_file(tmp_path, demo_env):
    layout = tmp_path / "版式.yaml"
    layout.write_text("fonts:\n  level3_bold: false\n", encoding="utf-8")
    answers = tmp_path / "report.yaml"
    answers.write_text(DEMO_ANSWERS + "layout: 版式.yaml\n", encoding="utf-8")
    watcher = Watcher([str(answers), "-o", str(tmp_path / "report.docx")], demo_env, tmp_path)
    try:
        watcher.expect("已生成")
        save(layout, "fonts:\n  level3_bold: 是的\n")
        assert "level3_bold" in watcher.expect("错误：")
    finally:
        watcher.stop()


def test_watch_takes_one_file(tmp_path, demo_env):
    result = subprocess.run([sys.executable, "-m", "drafter", "build", "a.yaml", "b.yaml", "--watch"],
                            capture_output=True, text=True, env=demo_env, cwd=tmp_path, timeout=TIMEOUT)
    assert result.returncode == 1 and "一个答案文件" in result.stderr


def test_watch_never_overwrites_the_report_once_it_is_edited_in_word(tmp_path, demo_env):
    from tests.test_outputs_guard import edit_in_word

    answers = tmp_path / "report.yaml"
    answers.write_text(DEMO_ANSWERS, encoding="utf-8")
    report = tmp_path / "r.docx"
    watcher = Watcher([str(answers), "-o", str(report)], demo_env, tmp_path)
    try:
        watcher.expect("已生成")
        edit_in_word(report)
        before = report.read_bytes()
        save(answers, DEMO_ANSWERS.replace("inspections: 2770", "inspections: 2800"))
        line = watcher.expect("错误")
        assert "已在 Word 中改过" in line and "--force" in line
        assert report.read_bytes() == before
    finally:
        assert watcher.stop() == 0
