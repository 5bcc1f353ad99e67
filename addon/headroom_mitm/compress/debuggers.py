"""What a debugger prints when asked. A dump of every thread's stack (lldb's `bt all`, gdb's
`thread apply all bt`, jstack, eu-stack, py-spy's dump, Go's goroutine dump): threads waiting alike
print one stack again and again, which the log ranking thins as one template; but a hang is read
across all threads (which waits, in what state, on what): each thread's header and the line under
it (its state or innermost frame) stay, as a failing test's id does. The variables a debugger
printed (lldb's `frame variable`, `p expr`): each line is a value the user asked to see."""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .select import MUST, MUST_AT_MOST

# lldb "* thread #3, name = 'x', stop reason = …", gdb "Thread 2 (Thread 0x7f… (LWP 12)):", jstack
# '"worker-1" #12 prio=5 …', eu-stack "TID 4642:", py-spy "Thread 0x7F… (active): …",
# Go "goroutine 7 [chan receive]:".
_HEADER = re.compile(
    r'[ \t]*(?:\*[ \t]*)?(?:thread #\d+\b|Thread \d+ \(|"[^"\n]*" #\d+ |TID \d+:|Thread 0x[0-9A-Fa-f]+ |goroutine \d+ \[)'
)
_PROBES = ("thread #", "Thread ", '" #', "TID ", "goroutine ")
_MIN_THREADS = 3  # fewer are a crash's own thread, which its failure keeps


def keep_thread_headers(index: LineIndex, rank: list[int]) -> None:
    lines = index.lines
    found = sorted(i for i in index.hits(_PROBES, case=True) if _HEADER.match(lines[i]))
    if len(found) < _MIN_THREADS:
        return
    kept = 0
    for i in found:
        for k in (i, i + 1):
            if k < len(lines) and lines[k].strip() and rank[k] > MUST:
                kept += 1
                if kept > MUST_AT_MOST:
                    return
                rank[k] = MUST


# lldb's "(const station *) st = 0x000055555555eac0", "(int) $0 = 12" at the margin (members are indented).
_VARIABLE = re.compile(r"\((?:[^()\n]|\([^()\n]*\))+\) [\w$]+ = ")


def keep_printed_variables(index: LineIndex, rank: list[int]) -> None:
    found = [i for i in index.hits(("\n(",), case=True) if _VARIABLE.match(index.lines[i])]
    if len(found) <= MUST_AT_MOST:
        for i in found:
            rank[i] = MUST
