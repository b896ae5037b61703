"""Starts writer processes for the kill tests by forking one that has already imported the app.

A new interpreter costs about a tenth of a second of imports for each of the test's many
kills; a fork costs a few milliseconds. A forked child is a whole process of its own with
nothing open (the launcher only imports), so killing it is the same crash as killing a fresh one.

The launcher runs as: python fork_launcher.py MODULE (kill_writer or restore_writer, beside
it). Each line on its stdin is a JSON list: the file the child writes its output to, then the
child's arguments. It answers "pid N" once the child runs and "exit N" once the child has ended
(N < 0: killed by signal -N), then waits for the next line.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _child(out_path: str, args: list[str], main: object) -> None:
    fd = os.open(out_path, os.O_WRONLY)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115 - lives as long as the child
    sys.stderr = sys.stdout
    sys.argv = [sys.argv[0], *args]
    try:
        main()  # type: ignore[operator]
    except BaseException:  # noqa: BLE001 - shown to the test through the output file
        traceback.print_exc()
        sys.stdout.flush()
        os._exit(1)
    sys.stdout.flush()
    os._exit(0)


def serve(module_name: str) -> None:
    main = importlib.import_module(module_name).main
    for line in sys.stdin:
        out_path, *args = json.loads(line)
        Path(out_path).write_bytes(b"")  # there before the test looks for it
        pid = os.fork()
        if pid == 0:
            _child(out_path, args, main)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        print(f"exit {code}", flush=True)


if __name__ == "__main__":
    serve(sys.argv[1])


class Launcher:
    """The test's side: start the launcher once, then start and kill as many children as needed."""

    def __init__(self, module_name: str) -> None:
        import subprocess

        self._process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), module_name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        self.pid = 0

    def __enter__(self) -> Launcher:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(30)

    def _answer(self, word: str) -> int:
        assert self._process.stdout is not None
        line = self._process.stdout.readline().split()
        assert line and line[0] == word, f"the launcher said {line!r}, not {word!r}"
        return int(line[1])

    def start(self, out: Path, *args: str) -> int:
        """Fork a child writing its output to out; returns its process id once it runs."""
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps([str(out), *args]) + "\n")
        self._process.stdin.flush()
        self.pid = self._answer("pid")
        return self.pid

    def wait(self) -> int:
        """The child's exit code once it has ended (negative: the signal that killed it)."""
        return self._answer("exit")

    def wait_until_ready(self, out: Path, timeout: float = 30.0) -> None:
        """Until the child has written its "ready" line; a child that ends first fails the test."""
        import select
        import signal
        import time

        assert self._process.stdout is not None
        deadline = time.monotonic() + timeout
        while not out.read_text(encoding="utf-8").startswith("ready\n"):
            # The launcher says nothing more until the child has ended.
            ended, _, _ = select.select([self._process.stdout], [], [], 0.001)
            if ended or time.monotonic() > deadline:
                if not ended:
                    os.kill(self.pid, signal.SIGKILL)
                raise AssertionError(f"the child never got ready: {out.read_text()}")


def complete_lines(out: Path) -> list[str]:
    """The lines the child wrote after "ready", leaving out one cut short by the kill."""
    text = out.read_text(encoding="utf-8")
    lines = text.split("\n")[:-1]  # the last piece has no newline: empty, or cut short
    return lines[1:]
