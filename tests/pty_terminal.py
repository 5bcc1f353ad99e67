"""An interactive bash on a pseudo-terminal, for job-control tests (Ctrl-Z, fg)."""

from __future__ import annotations

import os
import pty
import select
import signal
import time
from pathlib import Path


class Terminal:
    """An interactive bash on a pty; `expect` reads until a text appears (bounded in time)."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: bash with job control on the new terminal
            os.chdir(cwd)
            os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"], env)
        self.pid, self.fd = pid, fd
        self.seen = b""

    def send(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def expect(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{text!r} not seen in {timeout} s; terminal shows:\n{self.seen.decode(errors='replace')[-2000:]}")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.5))
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    break
        found = self.seen
        self.seen = found[found.index(text.encode()) + len(text):]
        return found.decode(errors="replace")

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def process_state(pid: int) -> str:
    """The one-letter state of /proc/PID/stat: R, S, T (stopped), …"""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
