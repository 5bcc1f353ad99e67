"""Ctrl-Z and `fg` through the launcher, under a real pseudo-terminal with an interactive bash.

The agent is a real child process: one that reads the terminal in cooked mode (the terminal stops
the whole job), and one that reads it raw and stops itself on Ctrl-Z, as TUIs do (only the agent
stops; the launcher must follow it, or the shell never gets the terminal back).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.pty_terminal import Terminal, process_state as _state

VENV_BIN = Path(sys.executable).parent

COOKED_AGENT = r"""
import os, sys
print(f"READY {os.getpid()} {os.getppid()}", flush=True)
for line in sys.stdin:
    if line.strip() == "quit":
        break
    print(f"GOT {line.strip()}", flush=True)
"""

# STOPPED: whom the agent's Ctrl-Z stops, itself or (0) its whole process group as OpenCode's TUI does.
_RAW_AGENT = r"""
import os, signal, sys, termios, tty
fd = sys.stdin.fileno()
saved = termios.tcgetattr(fd)
tty.setraw(fd)
print(f"READY {os.getpid()} {os.getppid()}\r", flush=True)
try:
    while True:
        ch = os.read(fd, 1)
        if ch == b"\x1a":  # Ctrl-Z: give the terminal back and stop, as a TUI does
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
            os.kill(STOPPED, signal.SIGTSTP)
            tty.setraw(fd)
            print("RESUMED\r", flush=True)
        elif ch in (b"q", b""):
            break
finally:
    termios.tcsetattr(fd, termios.TCSADRAIN, saved)
"""
RAW_AGENT = _RAW_AGENT.replace("STOPPED", "os.getpid()")
GROUP_AGENT = _RAW_AGENT.replace("STOPPED", "0")


def _wait_state(pid: int, wanted: str, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    state = _state(pid)
    while state != wanted and time.monotonic() < deadline:
        time.sleep(0.05)
        state = _state(pid)
    return state


@pytest.fixture
def terminal(tmp_path: Path):
    env = {
        "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "TERM": "dumb",
        "PS1": "$ ",
        "HEADROOM_MITM_STATE_DIR": str(tmp_path / "state"),
        "LANG": "C.UTF-8",
    }
    term = Terminal(env, tmp_path)
    term.expect("$ ")
    yield term
    term.close()


def _launch(terminal: Terminal, tmp_path: Path, script: str) -> tuple[int, int]:
    agent = tmp_path / "agent.py"
    agent.write_text(script)
    terminal.send(f"headroom-mitm run -- {sys.executable} {agent}; echo rc=$?\n")
    out = terminal.expect("READY ")
    line = terminal.expect("\n")
    agent_pid, launcher_pid = (int(x) for x in line.split()[:2])
    assert out and _state(launcher_pid) in "SR"
    return agent_pid, launcher_pid


def _expect_exit(terminal: Terminal) -> None:
    # A stopped job leaves the rest of its command line behind: fg's status is the launcher's.
    terminal.expect("$ ")
    terminal.send("echo rc=$?\n")
    terminal.expect("rc=0")


def test_ctrl_z_and_fg_with_a_cooked_terminal(terminal: Terminal, tmp_path: Path) -> None:
    agent, launcher = _launch(terminal, tmp_path, COOKED_AGENT)
    terminal.send("\x1a")  # the terminal sends SIGTSTP to the whole foreground job
    terminal.expect("Stopped")
    assert _wait_state(agent, "T") == "T" and _wait_state(launcher, "T") == "T"
    terminal.send("fg\n")
    terminal.send("hello\n")
    terminal.expect("GOT hello")
    assert _state(launcher) in "SR"  # running again, not crashed
    terminal.send("quit\n")
    _expect_exit(terminal)


def test_a_tui_that_stops_itself_takes_the_launcher_along(terminal: Terminal, tmp_path: Path) -> None:
    agent, launcher = _launch(terminal, tmp_path, RAW_AGENT)
    for _ in range(2):  # twice: the second round runs after a stop and continue
        terminal.send("\x1a")  # raw mode: no signal from the terminal; the agent stops itself
        terminal.expect("Stopped")  # printed by bash only once the launcher has stopped too
        assert _wait_state(launcher, "T") == "T"
        terminal.send("fg\n")
        terminal.expect("RESUMED")
    terminal.send("q")
    _expect_exit(terminal)


def test_a_tui_that_stops_its_whole_group_stays_running_after_fg(terminal: Terminal, tmp_path: Path) -> None:
    # OpenCode's TUI suspends with kill(0, SIGTSTP): the launcher gets the same stop from the agent.
    # Passing it back would stop the agent again right after `fg`.
    agent, launcher = _launch(terminal, tmp_path, GROUP_AGENT)
    for _ in range(3):
        terminal.send("\x1a")
        terminal.expect("Stopped")
        assert _wait_state(launcher, "T") == "T"
        terminal.send("fg\n")
        terminal.expect("RESUMED")
        time.sleep(0.5)
        assert _state(agent) in "SR" and _state(launcher) in "SR"
    terminal.send("q")
    _expect_exit(terminal)


def test_a_stop_sent_to_the_launcher_alone_stops_the_agent(terminal: Terminal, tmp_path: Path) -> None:
    agent, launcher = _launch(terminal, tmp_path, COOKED_AGENT)
    os.kill(launcher, signal.SIGTSTP)
    terminal.expect("Stopped")
    assert _wait_state(agent, "T") == "T" and _wait_state(launcher, "T") == "T"
    terminal.send("fg\n")
    terminal.send("again\n")
    terminal.expect("GOT again")
    terminal.send("quit\n")
    _expect_exit(terminal)


def test_a_garbage_siginfo_is_not_forwarded(monkeypatch: pytest.MonkeyPatch) -> None:
    # What sigtimedwait returned after a stop and continue: a signal number no one sent.
    import subprocess
    from types import SimpleNamespace

    from headroom_mitm.launcher import child as child_mod

    agent = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    answers = iter([SimpleNamespace(si_signo=1048576 + 7, si_code=0)])

    def fake_sigtimedwait(sigset, timeout):
        info = next(answers, None)
        if info is None:
            agent.stdin.close()  # then let the agent end
            agent.wait(10)
        return info

    monkeypatch.setattr(child_mod.signal, "sigtimedwait", fake_sigtimedwait)
    assert child_mod.wait_child(agent) == 0


def test_only_a_signal_sent_to_the_launcher_alone_is_passed_on() -> None:
    # The pty test above catches the passed-back stop only when the launcher sees the agent's stop
    # first (a race): this one decides it for every sender.
    from types import SimpleNamespace

    from headroom_mitm.launcher.child import _SI_KERNEL, _meant_for_the_agent

    agent, other, user = 4242, 777, 0  # si_code 0: SI_USER, from kill()

    def sent(signo: int, pid: int, code: int = user) -> bool:
        return _meant_for_the_agent(SimpleNamespace(si_signo=signo, si_pid=pid, si_code=code), agent)

    assert sent(signal.SIGTSTP, other) and sent(signal.SIGTERM, other) and sent(signal.SIGINT, other)
    assert not sent(signal.SIGTSTP, agent)  # the agent's kill(0, SIGTSTP): it has it already
    assert not sent(signal.SIGINT, other, _SI_KERNEL)  # Ctrl-C: the whole foreground group had it
    assert not sent(signal.SIGCONT, other) and not sent(signal.SIGCHLD, agent)
    assert not _meant_for_the_agent(None, agent)
