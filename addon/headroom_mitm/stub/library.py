"""Ready-made scripts: "hello", "demo" and "error".

Tool and argument names follow the tool definitions OpenCode 1.18.33 sends (bash: command,
timeout, workdir; grep: pattern, path, include).
"""

from __future__ import annotations

import re
from typing import Callable

from headroom_mitm.stub.conversation import Conversation
from headroom_mitm.stub.script import ErrorStep, Script, TextStep, ToolCallStep

HELLO_TEXT = "Hello from the headroom-mitm stub."

_MODULES = ("billing", "inventory", "orders", "auth", "search", "cache", "config", "sync")


def build_log_command(lines: int = 3000) -> str:
    """A shell command printing a pytest-style log of `lines` test results with one failure.

    awk keeps it independent of any Python on the agent's PATH. The failure sits near the end
    because OpenCode keeps only the tail of long outputs; the log is deterministic.
    """
    if lines < 10:
        raise ValueError("the log needs at least 10 test lines")
    fail_at = lines - lines // 10
    program = (
        "BEGIN{"
        f'n={lines};f={fail_at};split("{" ".join(_MODULES)}",m," ");'
        'print "============================= test session starts ==============================";'
        'print "platform linux -- Python 3.11.9, pytest-8.3.3, pluggy-1.5.0";'
        'print "rootdir: /srv/ci/workspace/inventory-service";'
        'print "collected " n " items";print "";'
        "for(i=1;i<=n;i++){"
        'p=int(i*100/n);'
        'if(i==f)printf "tests/unit/test_config.py::test_reload_keeps_defaults FAILED [%3d%%]\\n",p;'
        'else printf "tests/unit/test_%s.py::test_case_%04d[variant-%d] PASSED [%3d%%]\\n",m[i%8+1],i,i%5,p'
        "}"
        'print "";print "=================================== FAILURES ===================================";'
        'print "_______________________ test_config.py::test_reload_keeps_defaults ________________________";'
        'print "    def test_reload_keeps_defaults(tmp_path):";'
        'print "        cfg = load_config(tmp_path / \\"service.toml\\")";'
        'print ">       assert cfg.timeout_seconds == 45";'
        'print "E       AssertionError: assert 30 == 45";'
        'print "tests/unit/test_config.py:88: AssertionError";'
        'print "=========================== short test summary info ============================";'
        'print "FAILED tests/unit/test_config.py::test_reload_keeps_defaults - AssertionError: assert 30 == 45";'
        'printf "=================== 1 failed, %d passed in 61.42s ===================\\n",n-1'
        "}"
    )
    # Piped through cat: OpenCode 1.18.33 stops reading a command's output once the process
    # exits, so a fast writer can lose its tail. awk's 4 KiB writes lost it in 1 run of 4-8;
    # cat's larger writes drain faster and lost it once in ~40 runs on a loaded machine.
    # OpenCode stops reading a command's output when the process exits and can lose the last
    # buffered part of a fast writer: the pipe and the pause let its reader drain first.
    return f"awk '{program}' | cat; sleep 0.5"


_SUMMARY_RE = re.compile(r"=+ (\d+ failed, \d+ passed) in [\d.]+s =+")
_FAILED_RE = re.compile(r"^FAILED (\S+) - (.+)$", re.MULTILINE)
_MATCHES_RE = re.compile(r"Found (\d+) match", re.IGNORECASE)


def summarize_demo(conversation: Conversation) -> str:
    """The demo's final answer, built only from what the tool outputs let the model see."""
    results = conversation.tool_results
    log = results[0].content if results else ""
    grep = results[1].content if len(results) > 1 else ""
    summary = _SUMMARY_RE.search(log)
    failed = _FAILED_RE.search(log)
    matches = _MATCHES_RE.search(grep)
    parts = [
        f"Test run: {summary.group(1)}." if summary else "Test run: no summary line was visible in the output.",
        f"Failing test: {failed.group(1)} ({failed.group(2)})." if failed else "No failing test was visible.",
        f"grep found {matches.group(1)} matches." if matches else "grep found no matches.",
    ]
    return " ".join(parts)


def demo_script(log_lines: int = 3000, grep_pattern: str = "TODO|FIXME", grep_include: str | None = None) -> Script:
    grep_args: dict[str, str] = {"pattern": grep_pattern}
    if grep_include:
        grep_args["include"] = grep_include
    return Script(
        name="demo",
        title="Investigate failing test run",
        steps=(
            ToolCallStep("bash", {"command": build_log_command(log_lines)}, preamble="Running the test suite."),
            ToolCallStep("grep", grep_args, preamble="Looking for open TODOs in the tree."),
            TextStep(summarize_demo),
        ),
    )


def hello_script() -> Script:
    return Script(name="hello", title="Say hello", steps=(TextStep(HELLO_TEXT),))


def error_script(status: int = 400) -> Script:
    return Script(name="error", title="Provider error", steps=(ErrorStep(status=status),))


SCRIPTS: dict[str, Callable[[], Script]] = {
    "hello": hello_script,
    "demo": demo_script,
    "error": error_script,
}


def get_script(name: str) -> Script:
    try:
        return SCRIPTS[name]()
    except KeyError:
        raise ValueError(f"unknown stub script {name!r}; known: {', '.join(sorted(SCRIPTS))}") from None
