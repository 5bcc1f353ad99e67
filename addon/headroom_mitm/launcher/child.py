"""Run an agent as our child: inherited TTY, forwarded signals, its exit code, no orphans.

Signals are blocked in every thread of the launcher and taken synchronously with sigtimedwait in
the main thread. That tells a signal someone sent to the launcher (kill: forward it) from one the
terminal sent to the whole foreground process group (Ctrl-C: the agent already has it; sending it
twice would make many programs quit hard instead of cleanly).

Job control: the launcher follows the agent. When the agent stops (the terminal's Ctrl-Z, or a TUI
that puts the terminal back and stops itself), the launcher stops with the same signal, so the shell
sees the job stopped and takes the terminal back; `fg` continues both. A stop signal sent to the
launcher alone is passed on to the agent first.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Callable, Mapping, Sequence

from .errors import LaunchError

FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOPS = (signal.SIGTSTP, signal.SIGTTIN, signal.SIGTTOU)
_JOB_CONTROL = {*STOPS, signal.SIGCONT}
_WAITED = {*FORWARDED, signal.SIGCHLD, *_JOB_CONTROL}
_PASSED_ON = {*FORWARDED, *STOPS}
_PR_SET_PDEATHSIG = 1
_SI_KERNEL = 0x80
OPENCODE_PIN = "1.18.33"


def block_launcher_signals(*, job_control: bool = True) -> None:
    """Call before any thread starts: threads inherit the mask, so signals reach only sigtimedwait.

    `job_control=False` (no agent to follow) leaves Ctrl-Z and `fg` to their default actions."""
    signal.pthread_sigmask(signal.SIG_BLOCK, _WAITED if job_control else _WAITED - _JOB_CONTROL)


def _child_setup(parent_pid: int) -> Callable[[], None]:
    libc = ctypes.CDLL(None, use_errno=True)

    def setup() -> None:
        # The agent must not outlive us, even when we are SIGKILLed.
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent_pid:  # we died before prctl took effect
            os._exit(1)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _WAITED)

    return setup


def resolve_opencode(explicit: str | None, env: Mapping[str, str]) -> str:
    candidate = explicit or env.get("OPENCODE_BIN")
    if candidate:
        path = Path(candidate).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
        found = shutil.which(candidate)
        if found:
            return found
        source = "--opencode-bin" if explicit else "OPENCODE_BIN"
        raise LaunchError(f"{source}={candidate} is not an executable file")
    found = shutil.which("opencode", path=env.get("PATH"))
    if found:
        return found
    raise LaunchError(
        "OpenCode was not found on PATH. Install it with\n"
        f"  npm install -g opencode-ai@{OPENCODE_PIN}\n"
        "or point headroom-mitm at a binary with --opencode-bin PATH or OPENCODE_BIN=PATH."
    )


def exit_code(returncode: int) -> int:
    """A child killed by signal N exits like a shell reports it: 128 + N."""
    return 128 - returncode if returncode < 0 else returncode


def run_child(argv: Sequence[str], env: Mapping[str, str], *, cwd: Path | None = None) -> int:
    """Run argv to completion with stdio inherited; returns its exit code. Signals must be blocked."""
    return wait_child(start_child(argv, env, cwd=cwd))


def start_child(argv: Sequence[str], env: Mapping[str, str], *, cwd: Path | None = None) -> subprocess.Popen:
    """Start argv with stdio inherited. Signals must be blocked (they queue until `wait_child`)."""
    if cwd is not None:
        env = {**env, "PWD": str(cwd)}  # OpenCode takes its project directory from PWD, not getcwd()
    try:
        return subprocess.Popen(list(argv), env=dict(env), cwd=cwd, preexec_fn=_child_setup(os.getpid()))
    except OSError as exc:
        raise LaunchError(f"could not start {argv[0]}: {exc.strerror or exc}") from None


def stop_child(child: subprocess.Popen, timeout: float = 5.0) -> None:
    """End a child we can no longer serve (the proxy did not start): SIGTERM, then SIGKILL."""
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def wait_child(child: subprocess.Popen) -> int:
    """Wait for the child, forwarding SIGINT/SIGTERM/SIGHUP and following its job control; returns
    its exit code."""
    while True:
        info = signal.sigtimedwait(_WAITED, 0.5)
        if child.poll() is not None:
            return exit_code(child.returncode)
        # Pass a signal on before following a stop: taken after our own stop, it would reach the
        # agent only after `fg` and stop it again.
        if _meant_for_the_agent(info, child.pid):
            _send(child, info.si_signo)
        _follow_stop(child)


def _meant_for_the_agent(info: signal.struct_siginfo | None, agent_pid: int) -> bool:
    """Whether a signal we took was sent to the launcher alone, so the agent has not had it."""
    # After a stop and continue, sigtimedwait can hand back an uninitialised siginfo: never trust a
    # signal number we did not ask for. SIGCHLD is ours; `fg`/`bg` continue the whole job already.
    if info is None or info.si_signo not in _PASSED_ON:
        return False
    # From the terminal, the whole foreground group had it. From the agent itself (OpenCode's TUI
    # suspends with kill(0, SIGTSTP), which reaches us too), it has it already.
    return info.si_code != _SI_KERNEL and info.si_pid != agent_pid


def _send(child: subprocess.Popen, signo: int) -> None:
    try:
        child.send_signal(signo)
    except (ProcessLookupError, OSError):
        pass  # gone, or a signal it cannot take: nothing to pass on


def _follow_stop(child: subprocess.Popen) -> None:
    """If the child has stopped, stop the launcher with the same signal."""
    try:
        # WSTOPPED without WEXITED: consumes stop reports only, never the exit status Popen needs.
        state = os.waitid(os.P_PID, child.pid, os.WSTOPPED | os.WNOHANG)
    except ChildProcessError:
        return
    if state is None or state.si_pid == 0:
        return
    stop = state.si_status if state.si_status in STOPS else signal.SIGSTOP
    _stop_self(stop)  # returns once the shell continues the job (the agent with it)


def _stop_self(signo: int) -> None:
    """Stop this process with `signo` (default action), as the shell expects of a stopped job."""
    if signo == signal.SIGSTOP:
        os.kill(os.getpid(), signo)
        return
    # A stop the terminal sent us too is still pending: take it first, or unblocking would stop us
    # once and the kill below a second time, after `fg`.
    while signal.sigtimedwait(set(STOPS), 0) is not None:
        pass
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signo})  # this thread only: the stop lands here
    try:
        os.kill(os.getpid(), signo)  # delivered before kill() returns: we stop here until SIGCONT
    finally:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signo})
