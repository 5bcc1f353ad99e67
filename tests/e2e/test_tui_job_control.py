"""Ctrl-Z and fg in the REAL OpenCode TUI through the launcher, under a pseudo-terminal with an
interactive bash: the job stops as plain `opencode` does, and comes back."""

from __future__ import annotations

import shlex
import time
from pathlib import Path

import pytest

from tests.pty_terminal import Terminal, process_state

PROMPT = "JOBS-PROMPT> "


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _wait(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


@pytest.mark.e2e
def test_ctrl_z_and_fg_in_the_opencode_tui(stub_for) -> None:
    oc = stub_for("hello")
    term = Terminal(oc.env(TERM="xterm-256color", PS1=PROMPT, COLUMNS="100", LINES="30"), oc.work)
    try:
        term.expect(PROMPT)
        term.send(shlex.join(oc.launcher_argv()) + "\n")
        assert _wait(lambda: len(_children(term.pid)) == 1 and _children(_children(term.pid)[0]))
        launcher = _children(term.pid)[0]
        agent = _children(launcher)[0]
        term.expect("\x1b[?1049h", timeout=90)  # the TUI has taken the alternate screen: it reads keys raw
        # It acts on keys once it has loaded: Ctrl-Z (its own suspend) until the shell reports the job stopped.
        stopped = False
        for _ in range(40):
            term.send("\x1a")
            try:
                term.expect("Stopped", timeout=2.5)
                stopped = True
                break
            except AssertionError:
                continue
        states = [process_state(p) for p in (launcher, agent) if Path(f"/proc/{p}").exists()]
        assert stopped, f"the job never stopped; states {states}, terminal shows:\n{term.seen.decode(errors='replace')[-2000:]}"
        assert _wait(lambda: process_state(launcher) == "T" and process_state(agent) == "T")
        term.send("fg; echo rc=$?\n")  # fg's status is the launcher's exit code
        term.expect("\x1b[?1049h", timeout=15)  # the TUI takes the alternate screen again: it redraws
        assert _wait(lambda: process_state(launcher) in "SR" and process_state(agent) in "SR")
        time.sleep(1.0)  # still alive a moment later: nothing crashed after the continue
        assert process_state(launcher) in "SR" and process_state(agent) in "SR"
        for _ in range(10):  # Ctrl-C quits the TUI, as it does without us, once it reads keys again
            term.send("\x03")
            if _wait(lambda: not Path(f"/proc/{launcher}").exists() or process_state(launcher) == "Z", 3):
                break
        term.expect("rc=0", timeout=30)
        assert "Traceback" not in term.seen.decode(errors="replace")
    finally:
        term.close()
